-- Alerts (issue #15): subscriptions to a search or a trial, and the alerts made for them from the
-- change log. Portable SQL for SQLite and PostgreSQL; instants are microseconds since
-- 1970-01-01T00:00Z, as elsewhere.
--
-- What is kept about a subscriber is the least that delivery needs: an e-mail address only for an
-- e-mail subscription (set to NULL when it is unsubscribed, the row removed when deleted), a
-- webhook's URL and signing secret only for a webhook. The token that manages a subscription (and
-- reads its feed) is kept as its SHA-256 hash: 32 random bytes need no slow hash. An e-mail
-- subscription also keeps the token itself, since every mail carries it in its unsubscribe and
-- manage links; it goes with the address.
CREATE TABLE alert_subscription (
  id                  BIGINT  NOT NULL PRIMARY KEY,
  token_hash          TEXT    NOT NULL UNIQUE,  -- SHA-256 of the token, hex; never the token
  kind                TEXT    NOT NULL,         -- SEARCH or TRIAL
  search              TEXT,                     -- SEARCH: the API's parameters as a query string
  record_id           TEXT,                     -- TRIAL: the NCT id watched
  rules               TEXT,                     -- TRIAL: rule codes separated by spaces
  channel             TEXT    NOT NULL,         -- ATOM, EMAIL or WEBHOOK
  frequency           TEXT    NOT NULL,         -- IMMEDIATE, DAILY or WEEKLY (e-mail digests)
  state               TEXT    NOT NULL,         -- PENDING (not confirmed), ACTIVE, UNSUBSCRIBED
  email               TEXT,                     -- EMAIL only, lower-cased; NULL once unsubscribed
  mail_token          TEXT,                     -- EMAIL only: the token for the links in mails; NULL once unsubscribed
  webhook_url         TEXT,                     -- WEBHOOK only
  webhook_secret      TEXT,                     -- WEBHOOK only: the HMAC key the receiver also holds
  baseline            TEXT,                     -- TRIAL: the watched facts as last compared (JSON)
  created_micros      BIGINT  NOT NULL,
  created_position    BIGINT  NOT NULL,         -- the change log's head when made: older changes are not its news
  confirmed_micros    BIGINT,
  last_digest_micros  BIGINT
);

CREATE INDEX alert_subscription_by_email ON alert_subscription (email);
CREATE INDEX alert_subscription_by_state ON alert_subscription (state);

-- SEARCH: the records that matched the search when last looked at, to tell "new to this search"
-- from "updated".
CREATE TABLE alert_member (
  subscription_id  BIGINT NOT NULL,
  record_id        TEXT   NOT NULL,
  PRIMARY KEY (subscription_id, record_id)
);

-- One alert per subscription and change: the unique key makes applying a change twice (after a
-- crash, or from a reset position) a no-op. sent_micros stays NULL until the alert has been
-- delivered (an e-mail accepted by the SMTP server, a webhook answered 2xx).
CREATE TABLE alert (
  id               BIGINT  NOT NULL PRIMARY KEY,
  subscription_id  BIGINT  NOT NULL,
  change_position  BIGINT  NOT NULL,
  record_id        TEXT    NOT NULL,
  title            TEXT    NOT NULL,
  summary          TEXT    NOT NULL,
  details          TEXT    NOT NULL,            -- what changed, one line each
  link             TEXT    NOT NULL,            -- a path on this server: the record or its diff
  created_micros   BIGINT  NOT NULL,
  sent_micros      BIGINT,
  attempts         INTEGER NOT NULL,
  next_try_micros  BIGINT,
  last_error       TEXT,
  UNIQUE (subscription_id, change_position)
);

CREATE INDEX alert_by_subscription ON alert (subscription_id, id);
CREATE INDEX alert_unsent ON alert (sent_micros, subscription_id);

-- How far alert delivery has followed the change log; written in the same transaction as the
-- alerts a batch made.
CREATE TABLE alert_follower (
  id        INTEGER NOT NULL PRIMARY KEY,
  position  BIGINT  NOT NULL
);
INSERT INTO alert_follower (id, position) VALUES (1, -1);
