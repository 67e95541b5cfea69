#!/usr/bin/env bash
# Drives the release app as a screen reader does, through AT-SPI, with the
# shared harness in ../shared/tools/atspi (see its README for the Debian
# packages it needs): activates a marker through its Action interface and
# waits for the place card's "1 of 8", and checks that the place list's
# counts are named "N mentions".
# Usage: tools/check_map_a11y.sh        (exit 0 when both hold)
set -euo pipefail
cd "$(dirname "$0")/.."
harness=../shared/tools/atspi
cargo build --release --bin geobrief >/dev/null 2>&1
out=$(mktemp -d /tmp/geobrief-atspi-XXXX)
"$harness/run_with_atspi.sh" -o "$out" "$harness/client.py" \
    --target "Moscow on the map" --role "toggle button" --method action \
    --expect "1 of 8" -- target/release/geobrief
grep -q "\[label\] '8 mentions'" "$out/client.log"
echo "map markers activate over AT-SPI; mention counts read as mentions (log: $out/client.log)"
