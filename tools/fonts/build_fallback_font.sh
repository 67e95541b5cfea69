#!/usr/bin/env bash
# Rebuilds assets/fonts/DejaVuSans-subset.ttf, the font Geobrief falls back
# on for what its egui fonts (Ubuntu Light, Hack) lack: arrows, geometric
# shapes, Latin Extended Additional (Vietnamese, "Ḩamāh"), Greek, Cyrillic.
#   needs: npm, and Python with fonttools 4.55.0 (pip install fonttools==4.55.0)
set -euo pipefail
cd "$(dirname "$0")"
npm ci --silent
out=../../assets/fonts
mkdir -p "$out"
python3 -m fontTools.subset node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf \
    --unicodes="U+0100-02FF,U+0300-036F,U+0370-03FF,U+0400-04FF,U+1E00-1EFF,U+2000-206F,U+2070-209F,U+20A0-20CF,U+2100-214F,U+2150-218F,U+2190-21FF,U+2200-22FF,U+2300-23FF,U+25A0-25FF,U+2600-26FF,U+2700-27BF" \
    --layout-features='*' --no-hinting --desubroutinize \
    --output-file="$out/DejaVuSans-subset.ttf"
cp node_modules/dejavu-fonts-ttf/LICENSE "$out/DejaVuSans.LICENSE.txt"
ls -l "$out"
