# Whether the trialdex launcher must build before it runs; sourced, not run (the launcher and
# LauncherRebuildTest use it).
#
# The launcher builds with `mvn -DskipTests -pl trialdex-app -am package`, which reads the poms and
# each module's src/main: Java sources, jte templates (trialdex-app/src/main/jte), resources and
# anything else put there. A build is needed when one of those, or a folder holding them (a file
# added, removed or renamed), is newer than the stamp of the last good build, or when the jar or
# the stamp is missing. .mvn/ (Maven's own settings) counts too. Every module's src/main counts,
# trialdex-bench's too, which the launcher does not build: a spare build, never a stale jar.
# Not watched: tests (src/test, not in the jar), and tools/generate-model.py and its OpenAPI input,
# which change the jar only through the model sources they write into trialdex-core/src/main
# (watched); that those sources match the generator is checked by a test (GeneratedModelTest).

# trialdex_build_reason ROOT: prints why ROOT must be built and succeeds, or fails silently when the
# last build is up to date.
trialdex_build_reason() {
  local root=$1
  local jar="$root/trialdex-app/target/trialdex-app.jar"
  local stamp="$root/trialdex-app/target/.trialdex-built"
  if [ ! -f "$jar" ] || [ ! -f "$stamp" ]; then
    echo "not built yet"
    return 0
  fi
  local inputs=("$root/pom.xml")
  local path
  for path in "$root"/*/pom.xml "$root"/*/src/main "$root/.mvn"; do
    [ -e "$path" ] && inputs+=("$path")
  done
  local changed
  changed=$(find "${inputs[@]}" -newer "$stamp" -print -quit 2>/dev/null || true)
  if [ -n "$changed" ]; then
    if [ -d "$changed" ]; then
      echo "${changed#"$root"/} changed (a file in it was added, removed or renamed)"
    else
      echo "${changed#"$root"/} changed"
    fi
    return 0
  fi
  return 1
}
