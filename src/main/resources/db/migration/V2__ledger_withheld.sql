-- Entries gone from the dataset but not announced as withdrawn (too many at once to be an
-- editorial decision): marked here, so they are neither announced later nor counted again, and
-- their return is no news. NULL for the entries in the dataset. Portable SQL.
ALTER TABLE ledger ADD COLUMN withheld_at BIGINT;
