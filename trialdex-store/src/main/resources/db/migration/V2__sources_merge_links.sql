-- Several sources per trial (issue #3): each version names its source; the current record is the
-- merge of the newest version of each source; records known under another registry id or a
-- content id are linked to their NCT id. Portable SQL for SQLite and PostgreSQL.

-- The source a version came from (format, plus the page layout for registry pages), its
-- provenance attributes (JSON object) and the text spans of its fields (JSON array), if any.
ALTER TABLE study_version ADD COLUMN source_key TEXT;
ALTER TABLE study_version ADD COLUMN source_attributes TEXT;
ALTER TABLE study_version ADD COLUMN field_spans TEXT;
UPDATE study_version SET source_key = source_format;

-- The newest version of each source of each record.
CREATE TABLE study_source (
  nct_id        TEXT    NOT NULL,
  source_key    TEXT    NOT NULL,
  version       INTEGER NOT NULL,
  content_hash  TEXT    NOT NULL,
  PRIMARY KEY (nct_id, source_key)
);
INSERT INTO study_source (nct_id, source_key, version, content_hash)
  SELECT nct_id, version_source, version, content_hash FROM (
    SELECT v.nct_id AS nct_id, v.source_key AS version_source, v.version AS version, v.content_hash AS content_hash
    FROM study_version v
    WHERE v.version = (SELECT MAX(w.version) FROM study_version w
                       WHERE w.nct_id = v.nct_id AND w.source_key = v.source_key)) heads;

-- The current record: with one source it is that source's newest version (merged_json NULL);
-- with several it is their merge, kept here with its report (field origins and conflicts, JSON).
ALTER TABLE study ADD COLUMN merged_json TEXT;
ALTER TABLE study ADD COLUMN merge_report TEXT;
ALTER TABLE study ADD COLUMN source_count INTEGER NOT NULL DEFAULT 1;
-- Normalized titles, to link a page without an NCT id to the registry record it copies.
ALTER TABLE study ADD COLUMN brief_title_key TEXT;
ALTER TABLE study ADD COLUMN official_title_key TEXT;
CREATE INDEX study_by_brief_title ON study (brief_title_key);

-- Ids that now name another record: a registry id or content id linked to an NCT id.
CREATE TABLE study_alias (
  alias          TEXT    NOT NULL PRIMARY KEY,
  nct_id         TEXT    NOT NULL,
  reason         TEXT    NOT NULL,
  linked_micros  BIGINT  NOT NULL
);
CREATE INDEX study_alias_by_target ON study_alias (nct_id);
