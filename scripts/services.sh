# Starts the local services trialdex's tests use, when they are installed but stopped; sourced.
# A service that is not installed is left alone: its tests skip with a message, or fail when
# TRIALDEX_STRICT=true (run-tests sets it when it finds the shared folder).

# What absent services do to their tests in this run.
trialdex_absent_tests() {
  if [ "${TRIALDEX_STRICT:-false}" = true ]; then echo "fail (strict mode)"; else echo "skip"; fi
}

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
    echo "run-tests: PostgreSQL did not come up on 127.0.0.1:5432; its tests will $(trialdex_absent_tests)" >&2
  else
    echo "run-tests: PostgreSQL is not installed here; the PostgreSQL store tests will $(trialdex_absent_tests)" >&2
  fi
}

# The browser tests drive Debian's Chromium through its chromedriver. As root with apt-get, install
# them quietly when absent; otherwise say that the browser tests will skip (or fail, strict).
trialdex_ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    return 0
  fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "run-tests: installing chromium and chromium-driver for the browser tests" >&2
    if apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >&2 \
        && [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
      return 0
    fi
    echo "run-tests: chromium or chromium-driver could not be installed; the browser tests will $(trialdex_absent_tests)" >&2
  else
    echo "run-tests: chromium or chromium-driver is not installed (and cannot be installed here: not root or no apt-get); the browser tests will $(trialdex_absent_tests)" >&2
  fi
}
