-- The outbox no longer gives up on a channel that keeps failing (5xx, network): releases before
-- this one marked such rows FAILED after 15 attempts. They go back to waiting, due now, when
-- their channel is still subscribed; rows failed because the channel refused the bot (403, 404:
-- its subscription was disabled) stay failed, even if it was subscribed again since. Portable SQL.
-- (From this version outbox.kind may also be ADDED: one summary of many new entries at once for a
-- subscribed channel, its note holding their number.)
UPDATE outbox
SET state = 'PENDING', attempt_id = NULL, attempts = 0
WHERE state = 'FAILED'
  AND kind = 'EVENT'
  AND COALESCE(last_error, '') NOT LIKE 'missing access (%'
  AND COALESCE(last_error, '') NOT LIKE 'channel not found (%'
  AND channel_id IN (SELECT channel_id FROM subscriptions WHERE active = TRUE);
