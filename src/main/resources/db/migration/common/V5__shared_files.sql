-- The files editors' work lives in, shared by every process of a fleet (PostgreSQL): the additions
-- (additions.json), the reviewed corrections (corrections.json) and the entries waiting for review
-- (pending.json), each the same JSON a lone process keeps in its data directory. SQLite keeps them
-- as files in the data directory and never uses this table.
CREATE TABLE shared_files (
    name       VARCHAR(100) NOT NULL PRIMARY KEY,
    version    VARCHAR(64)  NOT NULL,   -- content hash of body: every write is compare-and-set on it
    body       TEXT         NOT NULL,   -- UTF-8 JSON
    updated_by VARCHAR(100) NOT NULL,   -- the process that wrote it
    updated_at BIGINT       NOT NULL
);
