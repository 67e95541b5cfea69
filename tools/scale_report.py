#!/usr/bin/env python3
"""Measures Geobrief at three sizes and draws docs/scale.png.

    pip install matplotlib==3.11.2
    tools/scale_report.py            # generate, measure, plot, print tables
    tools/scale_report.py --plot-only docs/scale.json
    tools/frame_instructions.sh default B10.json B1k.json B10k.json > counts.tsv
    tools/scale_report.py --plot-only docs/scale.json --instructions counts.tsv

Writes synthetic briefs (tools/synthetic_brief.py) of 10 places and 10 KB of
text, 1,000 places and 1 MB, 10,000 places and 10 MB into a temporary
folder; runs the frame benchmark on them (`cargo bench --bench frame --
--briefs-only ...`) and the load example (`cargo run --release --example
load`) on each, and on the default brief as the baseline; saves the figures
as JSON beside the plot and prints the Markdown tables of BENCHMARKS.md.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SIZES = [(10, 10_000), (1_000, 1_000_000), (10_000, 10_000_000)]
SCENARIOS = ["idle", "a place selected, pointer moving", "panning the map", "scrolling the text"]

BENCH_LINE = re.compile(
    r"^(?P<file>\S+) \((?P<places>\d+) places, [\d.]+ MB text\): (?P<scenario>.+?)\s+"
    r"median\s+(?P<median>[\d.]+) ms\s+p99\s+(?P<p99>[\d.]+) ms"
)
BASELINE_LINE = re.compile(r"^baseline: .*median\s+(?P<median>[\d.]+) ms\s+p99\s+(?P<p99>[\d.]+) ms")
LOAD_LINE = re.compile(
    r"open to first complete frame (?P<load>[\d.]+) s \(slowest UI frame meanwhile (?P<slowest>[\d.]+) ms\); "
    r"resident (?P<rss>\d+) MiB \((?P<over>[+-]\d+) over the default brief\), peak (?P<peak>\d+) MiB"
)
DEFAULT_LINE = re.compile(r"resident (?P<rss>\d+) MiB, peak (?P<peak>\d+) MiB")


def run(cmd):
    print("$", " ".join(cmd), file=sys.stderr)
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"{cmd[0]} failed")
    return done.stdout


def measure():
    results = {"frames": {}, "loads": {}}
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for places, text in SIZES:
            path = os.path.join(folder, f"synthetic-{places}.json")
            run([sys.executable, "tools/synthetic_brief.py", "--places", str(places),
                 "--text-bytes", str(text), "-o", path])
            paths.append(path)
        out = run(["cargo", "bench", "--bench", "frame", "--", "--briefs-only", *paths])
        for line in out.splitlines():
            if m := BASELINE_LINE.match(line):
                results["baseline"] = {"median": float(m["median"]), "p99": float(m["p99"])}
            if m := BENCH_LINE.match(line):
                scenario = results["frames"].setdefault(m["scenario"], {})
                scenario[m["places"]] = {"median": float(m["median"]), "p99": float(m["p99"])}
        run(["cargo", "build", "--release", "--example", "load"])
        load = os.path.join(ROOT, "target", "release", "examples", "load")
        if m := DEFAULT_LINE.search(run([load, "default"])):
            results["default"] = {"rss": int(m["rss"]), "peak": int(m["peak"])}
        for (places, text), path in zip(SIZES, paths):
            m = LOAD_LINE.search(run([load, path]))
            if m:
                results["loads"][str(places)] = {
                    "text_bytes": text,
                    "json_bytes": os.path.getsize(path),
                    "load_s": float(m["load"]),
                    "slowest_frame_ms": float(m["slowest"]),
                    "rss": int(m["rss"]),
                    "over_default": int(m["over"]),
                    "peak": int(m["peak"]),
                }
    return results


def tables(results):
    lines = ["| scenario | " + " | ".join(f"{p:,} places" for p, _ in SIZES) + " |",
             "|---|" + "---|" * len(SIZES)]
    for scenario in SCENARIOS:
        row = results["frames"].get(scenario, {})
        cells = [f"{row[str(p)]['median']:.2f} / {row[str(p)]['p99']:.2f} ms" if str(p) in row else "–"
                 for p, _ in SIZES]
        lines.append(f"| {scenario} | " + " | ".join(cells) + " |")
    lines += ["", "| brief | JSON | open to first complete frame | slowest UI frame meanwhile | resident | over the default brief | peak |",
              "|---|---|---|---|---|---|---|"]
    if "default" in results:
        d = results["default"]
        lines.append(f"| default brief | 32 KB | – | – | {d['rss']} MiB | – | {d['peak']} MiB |")
    for p, _ in SIZES:
        if (l := results["loads"].get(str(p))) is None:
            continue
        lines.append(
            f"| {p:,} places, {l['text_bytes'] / 1e6:g} MB text | {l['json_bytes'] / 1e6:.1f} MB | "
            f"{l['load_s']:.2f} s | {l['slowest_frame_ms']:.1f} ms | {l['rss']} MiB | "
            f"{l['over_default']:+d} MiB | {l['peak']} MiB |")
    return "\n".join(lines)


INSTRUCTION_SCENARIOS = {"idle": "idle", "pointer": "a place selected, pointer moving",
                         "pan": "panning the map", "scroll": "scrolling the text"}


def read_instructions(path):
    """tools/frame_instructions.sh output: brief, scenario, instructions/frame."""
    counts = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 3:
                continue
            places = {"s10.json": "10", "s1k.json": "1000", "s10k.json": "10000"}.get(fields[0], fields[0])
            scenario = INSTRUCTION_SCENARIOS.get(fields[1], fields[1])
            counts.setdefault(scenario, {})[places] = int(fields[2].split()[0])
    return counts


def plot(results, out):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    xs = [p for p, _ in SIZES]
    counts = results.get("instructions")
    panels = 3 if counts else 2
    fig, axes = plt.subplots(1, panels, figsize=(5.5 * panels, 4.2), dpi=110)
    frames, loads = axes[0], axes[1]
    for scenario in SCENARIOS:
        row = results["frames"].get(scenario, {})
        ys = [row.get(str(p), {}).get("median") for p in xs]
        line, = frames.plot(xs, ys, marker="o", label=f"{scenario} (median)")
        p99 = [row.get(str(p), {}).get("p99") for p in xs]
        frames.plot(xs, p99, marker=".", linestyle=":", color=line.get_color(), alpha=0.6)
    frames.axhline(8.0, color="grey", linestyle="--", linewidth=1)
    frames.text(xs[0], 8.2, "120 Hz budget (8 ms)", color="grey", fontsize=8)
    frames.set_xscale("log")
    frames.set_xlabel("places (text: 10 KB, 1 MB, 10 MB)")
    frames.set_ylabel("UI CPU per frame, ms (median; dotted: p99)")
    frames.set_title("Frame time against brief size (wall clock)")
    frames.legend(fontsize=7)
    load_s = [results["loads"].get(str(p), {}).get("load_s") for p in xs]
    memory = [results["loads"].get(str(p), {}).get("rss") for p in xs]
    loads.plot(xs, load_s, marker="o", color="tab:blue", label="open to first frame (s)")
    loads.set_xscale("log")
    loads.set_xlabel("places (text: 10 KB, 1 MB, 10 MB)")
    loads.set_ylabel("seconds", color="tab:blue")
    mem_axis = loads.twinx()
    mem_axis.plot(xs, memory, marker="s", color="tab:red", label="resident memory (MiB)")
    mem_axis.set_ylabel("MiB resident", color="tab:red")
    loads.set_title("Load time and memory against brief size")
    if counts:
        ax = axes[2]
        for scenario in SCENARIOS:
            row = counts.get(scenario, {})
            ax.plot(xs, [row.get(str(p), 0) / 1e6 for p in xs], marker="o", label=scenario)
        ax.set_xscale("log")
        ax.set_xlabel("places (text: 10 KB, 1 MB, 10 MB)")
        ax.set_ylabel("million instructions per frame (callgrind)")
        ax.set_title("Instructions per frame (noise-free)")
        ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(out)
    print(f"wrote {out}", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plot-only", metavar="RESULTS.json")
    parser.add_argument("--out", default=os.path.join(ROOT, "docs", "scale.png"))
    parser.add_argument("--instructions", metavar="COUNTS.tsv",
                        help="tools/frame_instructions.sh output to plot beside")
    args = parser.parse_args()
    if args.plot_only:
        with open(args.plot_only, encoding="utf-8") as f:
            results = json.load(f)
    else:
        results = measure()
        with open(os.path.splitext(args.out)[0] + ".json", "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1)
    if args.instructions:
        results["instructions"] = read_instructions(args.instructions)
        with open(os.path.splitext(args.out)[0] + ".json", "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1)
    plot(results, args.out)
    print(tables(results))


if __name__ == "__main__":
    main()
