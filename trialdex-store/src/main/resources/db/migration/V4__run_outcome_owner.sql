-- How an import run ended and who runs it (issue #12). A run is FINISHED, FAILED (with the reason:
-- a full disk, a database error) or INTERRUPTED (its process ended without saying, e.g. kill -9;
-- noticed by the next process that opens the store). The owner (host, process id and the process's
-- start) and a heartbeat the owner updates as the run goes let any node of a shared PostgreSQL tell
-- a run still going from one whose process is gone. Portable SQL for SQLite and PostgreSQL.
ALTER TABLE import_run ADD COLUMN reason TEXT;
ALTER TABLE import_run ADD COLUMN owner_host TEXT;
ALTER TABLE import_run ADD COLUMN owner_pid BIGINT;
ALTER TABLE import_run ADD COLUMN owner_started_micros BIGINT;
ALTER TABLE import_run ADD COLUMN heartbeat_micros BIGINT;
