-- Notifications state (issue 4). Portable SQL: SQLite now, PostgreSQL later with the same file.
-- Ids from Discord are snowflakes (64-bit): BIGINT. Times are epoch milliseconds (UTC): BIGINT.

CREATE TABLE guild_settings (
    guild_id   BIGINT      NOT NULL PRIMARY KEY,
    language   VARCHAR(2),
    updated_at BIGINT      NOT NULL
);

-- one row per (server, channel); a disabled subscription keeps its row and says why
CREATE TABLE subscriptions (
    channel_id      BIGINT       NOT NULL PRIMARY KEY,
    guild_id        BIGINT       NOT NULL,
    corrections     BOOLEAN      NOT NULL,
    active          BOOLEAN      NOT NULL,
    disabled_reason VARCHAR(200),
    created_by      BIGINT       NOT NULL,
    created_at      BIGINT       NOT NULL,
    updated_at      BIGINT       NOT NULL
);
CREATE INDEX subscriptions_guild ON subscriptions (guild_id);

-- every entry id the bot has seen, with the hash of its canonical JSON
CREATE TABLE ledger (
    entry_id        VARCHAR(200) NOT NULL PRIMARY KEY,
    content_hash    VARCHAR(64)  NOT NULL,
    content         TEXT         NOT NULL,
    first_seen      BIGINT       NOT NULL,
    first_version   VARCHAR(64)  NOT NULL,
    last_version    VARCHAR(64)  NOT NULL
);

-- one row per dataset load
CREATE TABLE dataset_versions (
    version   VARCHAR(64) NOT NULL PRIMARY KEY,
    loaded_at BIGINT      NOT NULL,
    baseline  BOOLEAN     NOT NULL
);

CREATE TABLE events (
    id             BIGINT       NOT NULL PRIMARY KEY,
    kind           VARCHAR(16)  NOT NULL,   -- NEW, CORRECTION
    entry_id       VARCHAR(200) NOT NULL,
    version        VARCHAR(64)  NOT NULL,
    old_content    TEXT,
    new_content    TEXT         NOT NULL,
    created_at     BIGINT       NOT NULL
);

-- one row per (event, channel), admin note or test message; sent with its nonce (Discord's enforce_nonce)
CREATE TABLE outbox (
    id              BIGINT       NOT NULL PRIMARY KEY,
    event_id        BIGINT,
    channel_id      BIGINT       NOT NULL,
    guild_id        BIGINT,
    kind            VARCHAR(16)  NOT NULL,   -- EVENT, NOTE (admin channel), TEST (/notify test)
    note            TEXT,
    state           VARCHAR(16)  NOT NULL,   -- PENDING, SENDING, DELIVERED, FAILED, DROPPED
    attempts        INTEGER      NOT NULL,
    attempt_id      VARCHAR(40),
    nonce           VARCHAR(25)  NOT NULL,
    next_attempt_at BIGINT       NOT NULL,
    last_error      VARCHAR(500),
    message_id      BIGINT,
    created_at      BIGINT       NOT NULL,
    updated_at      BIGINT       NOT NULL,
    CONSTRAINT outbox_once UNIQUE (event_id, channel_id)
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at, id);
