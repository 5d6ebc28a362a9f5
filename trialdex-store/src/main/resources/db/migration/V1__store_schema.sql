-- The store's schema, one for SQLite and PostgreSQL: portable types only (TEXT, BIGINT, INTEGER).
-- Instants are microseconds since 1970-01-01T00:00Z. The JSON of each version is TEXT, never
-- JSONB: JSONB reorders keys, and a version must read back byte for byte as it was stored.
-- Ids are assigned by the store (single writer), so no dialect-specific identity columns.

CREATE TABLE import_run (
  id               BIGINT  NOT NULL PRIMARY KEY,
  command          TEXT    NOT NULL,
  sources          TEXT    NOT NULL,   -- JSON array of strings
  started_micros   BIGINT  NOT NULL,
  finished_micros  BIGINT,
  status           TEXT    NOT NULL,   -- RUNNING or FINISHED
  read_count       BIGINT  NOT NULL,
  created_count    BIGINT  NOT NULL,
  updated_count    BIGINT  NOT NULL,
  unchanged_count  BIGINT  NOT NULL,
  failed_count     BIGINT  NOT NULL
);

-- Every version of every record; never updated, never deleted.
CREATE TABLE study_version (
  nct_id           TEXT    NOT NULL,
  version          INTEGER NOT NULL,
  recorded_micros  BIGINT  NOT NULL,
  import_run_id    BIGINT  NOT NULL REFERENCES import_run (id),
  content_hash     TEXT    NOT NULL,
  source_format    TEXT    NOT NULL,
  source_file      TEXT    NOT NULL,
  source_position  TEXT    NOT NULL,
  json             TEXT    NOT NULL,
  PRIMARY KEY (nct_id, version)
);

CREATE INDEX study_version_by_run ON study_version (import_run_id);

-- The current version of each record, with the fields that counts() groups by.
CREATE TABLE study (
  nct_id           TEXT    NOT NULL PRIMARY KEY,
  version          INTEGER NOT NULL,
  content_hash     TEXT    NOT NULL,
  recorded_micros  BIGINT  NOT NULL,   -- when the current version was recorded
  overall_status   TEXT,               -- v2 enum name, NULL when absent
  study_type       TEXT,               -- v2 enum name, NULL when absent
  phases           TEXT,               -- distinct v2 phase names separated by spaces, NULL when none
  FOREIGN KEY (nct_id, version) REFERENCES study_version (nct_id, version)
);

CREATE INDEX study_by_recorded ON study (recorded_micros);
