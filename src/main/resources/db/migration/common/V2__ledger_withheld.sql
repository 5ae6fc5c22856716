-- Entries gone from the dataset but not announced as withdrawn (too many at once to be an
-- editorial decision): marked here, so they are neither announced later nor counted again, and
-- their return is no news. NULL for the entries in the dataset. Events of kind REMOVED come with
-- this version (events.kind: NEW, CORRECTION, REMOVED). Portable SQL.
ALTER TABLE ledger ADD COLUMN withheld_at BIGINT;

-- Before this version a removed entry kept its row: rows already in the ledger start as withheld,
-- so entries that left long ago are never announced now; the first load unmarks those still there.
UPDATE ledger SET withheld_at = 0;
