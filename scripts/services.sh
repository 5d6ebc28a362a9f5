# Starts the local services trialdex's tests use, when they are installed but stopped; sourced.
# A service that is not installed is left alone: its tests skip with a message.

trialdex_ensure_postgres() {
  if command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p 5432; then
    return 0
  fi
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    local version
    for version in $(ls /etc/postgresql); do
      echo "run-tests: starting PostgreSQL $version" >&2
      pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 || true
    done
    for _ in $(seq 1 30); do
      pg_isready -q -h 127.0.0.1 -p 5432 && return 0
      sleep 1
    done
    echo "run-tests: PostgreSQL did not come up on 127.0.0.1:5432; its tests will skip" >&2
  else
    echo "run-tests: PostgreSQL is not installed here; the PostgreSQL store tests will skip" >&2
  fi
}
