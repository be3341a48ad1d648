#!/usr/bin/env bash
# Vendor the built YASGUI files (https://github.com/rdfjs/Yasgui, MIT) into the web app's static
# folder, so that the query page can enhance its editor without any CDN. The built files are
# committed; run this again only to change the version.
#
#   tools/vendor_yasgui.sh [VERSION]
set -euo pipefail
VERSION="${1:-4.6.2}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$ROOT/src/iscm_kg/web/static/vendor/yasgui"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

command -v npm >/dev/null || { echo "npm is needed (apt-get install -y npm)" >&2; exit 2; }
(cd "$WORK" && npm pack --silent "@zazuko/yasgui@$VERSION" >/dev/null)
tar -xzf "$WORK"/zazuko-yasgui-"$VERSION".tgz -C "$WORK"
mkdir -p "$DEST"
cp "$WORK/package/build/yasgui.min.js" "$WORK/package/build/yasgui.min.css" "$DEST/"
# the licence travels with the files
if [ -f "$WORK/package/LICENSE" ]; then cp "$WORK/package/LICENSE" "$DEST/LICENSE"; fi
printf '@zazuko/yasgui %s (npm), build/yasgui.min.js and build/yasgui.min.css; MIT licence.\n' "$VERSION" > "$DEST/VERSION"
echo "vendored @zazuko/yasgui $VERSION into ${DEST#$ROOT/}"
