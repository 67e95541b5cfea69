#!/usr/bin/env bash
# Scores geobrief's place detection on the shared development set.
#   tools/eval_geoparse.sh [--release] [extra geoeval.py flags, e.g. --json]
# Needs ../shared/eval/ beside the repository (dev.jsonl and geoeval.py).
set -euo pipefail
cd "$(dirname "$0")/.."
profile=()
if [[ "${1:-}" == "--release" ]]; then profile=(--release); shift; fi
eval_dir="${GEOBRIEF_EVAL_DIR:-../shared/eval}"
out="${TMPDIR:-/tmp}/geobrief-pred.jsonl"
cargo build -q "${profile[@]}" --example geoparse
dir=debug; [[ ${#profile[@]} -gt 0 ]] && dir=release
"target/$dir/examples/geoparse" --jsonl "$eval_dir/dev.jsonl" > "$out"
python3 "$eval_dir/geoeval.py" --gold "$eval_dir/dev.jsonl" --pred "$out" "$@"
