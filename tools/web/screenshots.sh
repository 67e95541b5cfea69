#!/usr/bin/env bash
# Screenshots of exported web pages for docs/web/: the default brief's page
# (Tartus chosen) and a story's page (tools/web/flood_story.jsonl, five
# dispatches this project wrote, made a story by `geobrief collect`), in
# light and dark, 1280 and 390 pixels wide, in Debian's headless Chromium.
#
#   cargo build --release && tools/web/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${GEOBRIEF:-target/release/geobrief}
out=docs/web
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
"$bin" collect --jsonl tools/web/flood_story.jsonl -o "$tmp/flood.json" \
    --title "Storm Boris floods central Europe" >/dev/null
"$bin" export assets/default_brief.json --html "$tmp/default.html" >/dev/null
"$bin" export "$tmp/flood.json" --html "$tmp/story.html" >/dev/null
shoot() { # page fragment name
    for theme in light dark; do
        for width in 1280 390; do
            height=$([ "$width" = 390 ] && echo 844 || echo 800)
            dark=$([ "$theme" = dark ] && echo --force-dark-mode || true)
            chromium --headless --no-sandbox --disable-gpu --hide-scrollbars $dark \
                --host-resolver-rules="MAP * ~NOTFOUND" --virtual-time-budget=3000 \
                --window-size="$width,$height" --screenshot="$out/$3-$theme-$width.png" \
                "file://$tmp/$1.html$2" 2>/dev/null
        done
    done
}
shoot default "#place=tartus" default-brief
shoot story "#place=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(next(p["id"] for p in d["places"] if p["name"]=="Wrocław"))' "$tmp/flood.json")" flood-story
ls -la "$out"
