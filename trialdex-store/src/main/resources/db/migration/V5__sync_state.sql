-- Where each sync from an upstream registry stands (issue #13). One row per upstream (its API base
-- URL). high_water: the newest LastUpdatePostDate (yyyy-MM-dd) of the last pass that ran to its end;
-- the next pass asks for records updated on or after it. resume_from: set while a pass runs, the
-- date before which every record of the pass is stored (records come oldest update first), so that
-- a stopped pass resumes there. holder and lease_until_micros: which process syncs this upstream
-- now, so that nodes sharing a PostgreSQL store never sync the same upstream at once; a lease not
-- renewed in time is free again. Portable SQL for SQLite and PostgreSQL.
CREATE TABLE sync_state (
  upstream TEXT PRIMARY KEY,
  high_water TEXT,
  resume_from TEXT,
  pass_started_micros BIGINT,
  last_finished_micros BIGINT,
  holder TEXT,
  lease_until_micros BIGINT
);
