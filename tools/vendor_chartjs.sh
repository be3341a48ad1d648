#!/usr/bin/env bash
# Vendor Chart.js (https://www.chartjs.org, MIT) into the web app's static folder: the query
# page's "Chart" view of YASR draws with it, without any CDN. The built file is committed; run
# this again only to change the version.
#
#   tools/vendor_chartjs.sh [VERSION]
set -euo pipefail
VERSION="${1:-4.6.1}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$ROOT/src/iscm_kg/web/static/vendor/chartjs"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

command -v npm >/dev/null || { echo "npm is needed (apt-get install -y npm)" >&2; exit 2; }
(cd "$WORK" && npm pack --silent "chart.js@$VERSION" >/dev/null)
tar -xzf "$WORK"/chart.js-"$VERSION".tgz -C "$WORK"
mkdir -p "$DEST"
cp "$WORK/package/dist/chart.umd.min.js" "$DEST/"
cp "$WORK/package/LICENSE.md" "$DEST/LICENSE.md"
printf 'chart.js %s (npm), dist/chart.umd.min.js; MIT licence (LICENSE.md).\n' "$VERSION" > "$DEST/VERSION"
echo "vendored chart.js $VERSION into ${DEST#$ROOT/}"
