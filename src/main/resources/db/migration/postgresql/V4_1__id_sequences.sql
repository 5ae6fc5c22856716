-- PostgreSQL only: ids of events and outbox rows come from sequences, as several processes write at
-- once (SQLite, with its one writer, takes MAX(id) + 1 inside the writing transaction).
CREATE SEQUENCE events_id_seq OWNED BY events.id;
SELECT setval('events_id_seq', COALESCE((SELECT MAX(id) FROM events), 0) + 1, false);
CREATE SEQUENCE outbox_id_seq OWNED BY outbox.id;
SELECT setval('outbox_id_seq', COALESCE((SELECT MAX(id) FROM outbox), 0) + 1, false);
