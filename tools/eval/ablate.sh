#!/usr/bin/env bash
# What each rule does on both parts of both dev sets (issue #15): scores the
# detector once with every rule, then once without each rule in turn.
#   tools/eval/ablate.sh [RULE...]     # default: every rule that can be switched off
# Needs target/release/examples/geoparse (cargo build --release --example geoparse).
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=target/release/examples/geoparse
rules=("$@")
if [[ ${#rules[@]} -eq 0 ]]; then
  # A wrong rule name makes the detector list them all.
  list=$( ("$bin" --without '?' 2>&1 || true) | sed -n 's/.*the rules are: //p' | head -1)
  IFS=', ' read -r -a rules <<< "$list"
fi
echo "== all rules"
python3 tools/eval/score_split.py
for rule in "${rules[@]}"; do
  [[ -z "$rule" ]] && continue
  echo "== without $rule"
  python3 tools/eval/score_split.py -- --without "$rule" | tail -n +2
done
