-- The change log (issue #8): every committed change to a current record has a position in one
-- ordered log, so that derived data (search indexes, parses, alerts) on any node can follow the
-- store and catch up after a stop. Portable SQL for SQLite and PostgreSQL.

-- One row per change, in commit order. A change names the record whose current form changed;
-- a LINK also names the alias that now resolves to it (and must be forgotten by an index).
CREATE TABLE change_log (
  position         BIGINT  NOT NULL PRIMARY KEY,
  kind             TEXT    NOT NULL,   -- VERSION or LINK
  record_id        TEXT    NOT NULL,
  version          INTEGER,            -- VERSION: the new version's number
  alias            TEXT,               -- LINK: the id linked into record_id
  recorded_micros  BIGINT  NOT NULL
);

-- The newest position handed out. Writers take it with UPDATE ... SET position = position + n,
-- which holds the row lock until commit: positions are gapless and committed in order, so a
-- follower that has read up to P never later finds a change below P.
CREATE TABLE change_head (
  id        INTEGER NOT NULL PRIMARY KEY,
  position  BIGINT  NOT NULL
);

-- Facts about this store: its identity (written once when first opened), so that an index can
-- tell that it was built from another store.
CREATE TABLE store_meta (
  name   TEXT NOT NULL PRIMARY KEY,
  value  TEXT NOT NULL
);

-- Records stored before the log existed enter it once, as their current version.
INSERT INTO change_log (position, kind, record_id, version, alias, recorded_micros)
  SELECT ROW_NUMBER() OVER (ORDER BY nct_id), 'VERSION', nct_id, version, NULL, recorded_micros FROM study;
INSERT INTO change_head (id, position) SELECT 1, COUNT(*) FROM study;
