#!/usr/bin/env bash
# Rebuilds assets/basemap.bin from the npm packages pinned in tools/basemap.
# Needs Node 20 or later and the npm registry.
set -euo pipefail
tools_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
(cd "$tools_dir/basemap" && npm ci --no-audit --no-fund)
node "$tools_dir/build_basemap.mjs"
