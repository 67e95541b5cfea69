#!/usr/bin/env bash
# Launch-to-first-frame time and resident memory of Geobrief next to a bare
# eframe window, measured the same way, alternating runs, under Xvfb.
# Usage: tools/measure_startup.sh [RUNS]   (needs xvfb-run; see README)
# With BEFORE=path/to/an/older/geobrief, that build is measured too, in the
# same alternation (e.g. the build before a change, for a side-by-side figure).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
cargo build --release --bin geobrief --example bare_window >/dev/null 2>&1
probe() { xvfb-run -a -s "-screen 0 1400x900x24" "$@" 2>/dev/null | grep first_frame_ms; }
for i in $(seq "$runs"); do
    echo "bare $(probe target/release/examples/bare_window)"
    echo "geobrief $(probe target/release/geobrief --startup-probe)"
    if [ -n "${BEFORE:-}" ]; then
        echo "before $(probe "$BEFORE" --startup-probe)"
    fi
done | awk '
    { split($2, t, "="); split($3, r, "="); split($4, p, "=");
      n[$1]++; ms[$1, n[$1]] = t[2]; rss[$1, n[$1]] = r[2]; peak[$1, n[$1]] = p[2] }
    function median(arr, who, k,   i, j, v, tmp) {
        for (i = 1; i <= k; i++) v[i] = arr[who, i]
        for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (v[j] < v[i]) { tmp = v[i]; v[i] = v[j]; v[j] = tmp }
        return (k % 2) ? v[(k + 1) / 2] : (v[k / 2] + v[k / 2 + 1]) / 2
    }
    END { for (who in n) printf "%-9s runs %d  first frame median %.1f ms  RSS median %.1f MiB  peak RSS median %.1f MiB\n",
          who, n[who], median(ms, who, n[who]), median(rss, who, n[who]) / 1024, median(peak, who, n[who]) / 1024 }'
