#!/bin/sh
# Runs every fuzz target, one after another, for SECONDS each (default 600),
# with a 10 s limit per input and 2 GiB of memory, as the runs recorded in
# BENCHMARKS.md were made. New inputs go to a corpus outside the repo; the
# seeds in fuzz/seeds/<target>/ stay as they are. A crash leaves its input
# in fuzz/artifacts/<target>/ and stops the script: turn it into a
# regression test in tests/it/hostile.rs.
#
#   tools/fuzz.sh 600        # needs cargo-fuzz: cargo install cargo-fuzz
set -eu
seconds="${1:-600}"
cd "$(dirname "$0")/../fuzz"
corpus="${FUZZ_CORPUS:-${TMPDIR:-/tmp}/geobrief-fuzz-corpus}"
# No sanitizer: the code forbids `unsafe`; what is looked for is panics,
# hangs and memory growth, and the runs are several times faster.
cargo +nightly fuzz build -s none
for target in ${FUZZ_TARGETS:-brief article geojson anchor pdf office epub mail feed fragment}; do
    mkdir -p "$corpus/$target"
    echo "== $target for ${seconds}s"
    cargo +nightly fuzz run -s none "$target" "$corpus/$target" "seeds/$target" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
done
