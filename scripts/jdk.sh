# Finds a JDK 21 or newer for trialdex's scripts; sourced, not run.
# Sets JAVA_HOME and puts its bin first on PATH, or prints what is missing and returns 1.
# Order: $JAVA_HOME, then the usual install folders, then the java on PATH.
# A JDK's version is read from its `release` file (JAVA_VERSION="21.0.2"), with shell builtins only:
# finding the JDK starts no JVM and no other process. Only a JDK without a release file (rare) is
# asked by running its java.

trialdex_java_major() { # JAVA_BIN -> major version number, or nothing (starts a JVM: the last resort)
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

# trialdex_release_major DIR: sets TRIALDEX_JAVA_MAJOR to the major version named in DIR/release
# ("21.0.2" -> 21, "1.8.0_392" -> 8) and succeeds, or fails when DIR has no readable version there.
trialdex_release_major() {
  TRIALDEX_JAVA_MAJOR=
  local line version
  [ -r "$1/release" ] || return 1
  while IFS= read -r line || [ -n "$line" ]; do
    case $line in
      JAVA_VERSION=*)
        version=${line#JAVA_VERSION=}
        version=${version//\"/}
        case $version in 1.*) version=${version#1.} ;; esac
        TRIALDEX_JAVA_MAJOR=${version%%[!0-9]*}
        [ -n "$TRIALDEX_JAVA_MAJOR" ]
        return
        ;;
    esac
  done <"$1/release"
  return 1
}

trialdex_is_jdk21() { # DIR -> success when DIR is a JDK (java and javac) of version 21 or newer
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  if trialdex_release_major "$1"; then
    [ "$TRIALDEX_JAVA_MAJOR" -ge 21 ] 2>/dev/null
    return
  fi
  local major
  major=$(trialdex_java_major "$1/bin/java")
  [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null
}

trialdex_find_jdk() {
  local candidate
  if [ -n "${JAVA_HOME:-}" ]; then
    if trialdex_is_jdk21 "$JAVA_HOME"; then
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
    echo "trialdex: JAVA_HOME=$JAVA_HOME is not a JDK 21 or newer; looking elsewhere" >&2
  fi
  for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /usr/local/jdk* /usr/local/java/* \
      "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$candidate" ] || continue
    if trialdex_is_jdk21 "$candidate"; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if trialdex_is_jdk21 "$candidate"; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  fi
  cat >&2 <<'MSG'
trialdex: no JDK 21 or newer found.
  Looked at $JAVA_HOME, /usr/lib/jvm, /usr/java, /opt/java, /opt/jdk*, /usr/local, ~/.sdkman and ~/.jdks.
  Install one (e.g. Temurin 21 or 25, or 'apt-get install openjdk-21-jdk' where your distribution has it)
  and/or set JAVA_HOME to its folder.
MSG
  return 1
}

trialdex_find_maven() {
  if command -v mvn >/dev/null 2>&1; then
    return 0
  fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "trialdex: Apache Maven is missing; installing it with apt-get" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq maven) >&2 && return 0
  fi
  echo "trialdex: Apache Maven (mvn) is needed to build trialdex; install it (e.g. 'apt-get install maven') and run again." >&2
  return 1
}
