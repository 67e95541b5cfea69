#!/usr/bin/env bash
# Instructions per steady frame (UI pass + tessellation), counted by callgrind:
# repeatable on a shared machine, unlike wall-clock time.
#
#     tools/frame_instructions.sh BRIEF.json... [-- SCENARIOS]
#
# Scenarios default to idle, pointer (a place selected, then Fit, pointer
# moving), pan and scroll; pointer-at-place (the map left at the selected
# place, each brief's own view) is there too. Each runs 10 warm-up frames
# and then 30 counted ones (examples/frames.rs). Needs valgrind.
set -euo pipefail
cd "$(dirname "$0")/.."
briefs=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do briefs+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
scenarios=("${@:-idle pointer pan scroll}")
read -r -a scenarios <<< "${scenarios[*]}"
frames=30
cargo build --release --example frames >&2
out=$(mktemp -d)
for brief in "${briefs[@]}"; do
    for scenario in "${scenarios[@]}"; do
        file="$out/callgrind.$(basename "$brief").$scenario"
        vertices=$(valgrind --tool=callgrind --collect-atstart=no \
            --toggle-collect='*counted_frames*' --callgrind-out-file="$file" \
            target/release/examples/frames "$brief" "$scenario" "$frames" 2>&1 \
            | sed -n 's/^\([0-9]*\) vertices.*/\1/p')
        total=$(callgrind_annotate "$file" | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
        printf '%s\t%s\t%d instructions/frame\t%s vertices\n' \
            "$(basename "$brief")" "$scenario" "$((total / frames))" "$vertices"
    done
done
rm -rf "$out"
