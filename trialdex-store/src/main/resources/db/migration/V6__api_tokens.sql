-- API tokens for writes over HTTP (issue #13). Only a hash of each token's secret is kept: an
-- Argon2id hash with its own salt and parameters, written as a PHC string
-- ($argon2id$v=19$m=...,t=...,p=...$salt$hash), so the parameters can grow without a migration.
-- Names are unique among tokens not revoked (checked by the store under its write lock).
-- Instants are microseconds since 1970-01-01T00:00Z, as elsewhere. Portable SQL for SQLite and
-- PostgreSQL. (V5 belongs to another change.)
CREATE TABLE api_token (
  id                BIGINT  NOT NULL PRIMARY KEY,
  name              TEXT    NOT NULL,
  scopes            TEXT    NOT NULL,   -- scope codes separated by spaces: import link sync
  secret_hash       TEXT    NOT NULL,   -- PHC string of the Argon2id hash; never the secret
  created_micros    BIGINT  NOT NULL,
  expires_micros    BIGINT,             -- NULL: never expires
  last_used_micros  BIGINT,             -- NULL: never used; kept to the minute
  revoked_micros    BIGINT              -- NULL: not revoked
);

CREATE INDEX api_token_by_name ON api_token (name);
