-- Several bot processes on one database (PostgreSQL, storage.url). SQLite gets the same tables and
-- columns, used by its one process. Portable SQL; what must differ is in db/migration/<database>.

-- A claimed outbox row is held under a lease: which process claimed it and until when (epoch ms).
-- On PostgreSQL a row whose lease ran out (its process was killed) is claimed again, same nonce.
ALTER TABLE outbox ADD COLUMN claimed_by VARCHAR(100);
ALTER TABLE outbox ADD COLUMN lease_until BIGINT;

-- One baseline per database, however many processes start at once on an empty one: a second
-- baseline row conflicts (before this version a baseline was only ever recorded on an empty table).
CREATE UNIQUE INDEX dataset_versions_one_baseline ON dataset_versions (baseline) WHERE baseline = TRUE;

-- The processes of the fleet: the shards each runs, when it started, its last heartbeat.
CREATE TABLE processes (
    process_id   VARCHAR(100)  NOT NULL PRIMARY KEY,
    shard_ids    VARCHAR(2000) NOT NULL,   -- comma-separated, e.g. 0,1
    shards_total INTEGER       NOT NULL,
    started_at   BIGINT        NOT NULL,
    heartbeat_at BIGINT        NOT NULL
);

-- Values the whole fleet reads. Row 'dataset': the dataset version being served and a generation
-- that every reload bumps; processes poll it to reload together.
CREATE TABLE fleet_state (
    name       VARCHAR(40)  NOT NULL PRIMARY KEY,
    generation BIGINT       NOT NULL,
    version    VARCHAR(64)  NOT NULL,
    updated_by VARCHAR(100) NOT NULL,
    updated_at BIGINT       NOT NULL
);

-- The add form's drafts: a draft survives a restart, and any process can finish it.
CREATE TABLE drafts (
    draft_id   VARCHAR(64) NOT NULL PRIMARY KEY,
    author_id  BIGINT      NOT NULL,
    fields     TEXT        NOT NULL,   -- JSON
    created_at BIGINT      NOT NULL,
    expires_at BIGINT      NOT NULL
);
CREATE INDEX drafts_expiry ON drafts (expires_at);
