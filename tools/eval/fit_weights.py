#!/usr/bin/env python3
"""Fits the resolver's weights on the TUNE parts of the dev sets (issue #15 item 4).

    cargo build --release --example geoparse
    pip install numpy scipy
    python3 tools/eval/fit_weights.py                 # fit, cross-validate, print the table
    python3 tools/eval/fit_weights.py --write         # ...and put it in src/geoparse/weights.rs

Every number the resolver adds to a candidate's score is one field of
`geoparse::Weights` (src/geoparse/weights.rs) times a fact of the candidate:
1 for a kind of place or a piece of evidence, log10(population + 1), the
fame share, (1 - km/150)^2 for another place near it, share * n/(n+1) for
the article's region, and so on (the forms are those of `prior.rs` and
`Evidence::weight`, repeated in facts() below and checked against every score
the detector writes). The score is linear in the weights, so the weights can
be fitted as a conditional logit over each name's candidates:

    P(candidate c of mention m) = exp(w . x_c) / sum over m's candidates exp(w . x_c')

A candidate is right when it lies within 161 km of the gold point of the
gold name its mention overlaps (matched as ../shared/eval/geoeval.py does);
a mention is used when some of its candidates are right and some are not.
The loss is the negative log of the right candidates' probability, plus an
L2 penalty lam/2 |w - alpha * HAND|^2 with alpha free: the weights are pulled
toward the hand-set ones up to a common scale (logit units are not the
hand-set ones), so a weight with few examples stays near its hand-set value
and one with none (a country the reader favours) keeps it, scaled. (Pulling
toward zero instead was tried: held-out accuracy .926 at best, against .932,
as rare strong evidence such as "Moscow, Idaho" was shrunk away.) lam is
chosen by 5-fold cross-validation by article within the tune parts, twice
with other shuffles (the best share of held-out mentions whose best
candidate is right; within .0005 of it, the larger lam); the weights are then
fitted on all of the tune parts with it and written in units of a tenfold of
people (population_decade = 1), rounded to two decimals.

The candidates come from `geoparse --jsonl --candidates` over each whole set
(so that the publisher memory learns in file order, as in a batch): world
news (dev.jsonl) and local news (dev-lgl.jsonl) with and without the
publisher's region, the three runs that tools/eval/score_split.py scores.
Articles whose ids are in tools/eval/untouched-*.txt are dropped before
anything else: nothing here is read or fitted from the untouched parts, and
this script prints figures of the tune parts only (score both parts with
score_split.py).

A candidate's evidence depends on the other names' winners, which the
weights choose, so the fit is repeated (--rounds): each round runs the
detector with the previous round's weights (the example's --weights FILE)
and fits again on what it then writes.
"""

import argparse
import json
import math
import pathlib
import re
import subprocess
import sys
import tempfile

import numpy as np
from scipy.optimize import minimize

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent.parent
WEIGHTS_RS = REPO / "src/geoparse/weights.rs"
RUNS = [("dev", []), ("dev-lgl", ["--no-publisher-home"]), ("dev-lgl", [])]
NEAR_KM = 150.0
HOME_NEAR_KM = 150.0
RIGHT_KM = 161.0

# The weights as they were set by hand, one at a time, before any fit (at
# bf1e15d): the fit shrinks toward them, up to a common scale, so a weight
# with few examples stays near its hand-set value, and one with none (a
# country the reader favours) keeps it, scaled.
HAND = {
    "population_decade": 1.0, "fame": 2.0, "continent": 6.0, "country": 4.0, "admin1": 1.5,
    "admin2": 0.5, "capital": 3.5, "town": -0.5, "feature": 1.5, "feature_area_decade": 1.0,
    "curated": 9.0, "alternate_name": -4.0, "alternate_beside_name": -3.0,
    "namesake_city": -7.0, "qualified": 8.0, "country_named": 1.5, "admin1_named": 3.0,
    "contains_named": 2.5, "same_place_named": 3.0, "country_favoured": 4.0, "near": 3.0, "neighbours": 12.0,
    "county_named": 6.0, "holds_named_town": 4.0, "in_article_region": 16.0,
    "home_region": 5.0, "home_near": 3.0, "home_country": 1.5, "address_country": 7.0, "masthead": 8.0,
    "listed_with": 3.0,
}
# Where the fit starts: the hand-set weights in logit units are about this scale.
SCALE_GUESS = 0.6

KIND_FIELD = {
    "continent": "continent", "country": "country", "admin1": "admin1", "admin2": "admin2",
    "capital": "capital", "town": "town", "lake": "feature", "island": "feature",
    "region": "curated", "sea": "curated", "airbase": "curated", "naval": "curated",
    "airport": "curated", "building": "curated",
}
EVIDENCE_FIELD = {
    "FollowedBy": "qualified", "CalledState": "qualified", "Qualifies": "qualified",
    "CountryNamed": "country_named", "Admin1Named": "admin1_named",
    "ContainsNamed": "contains_named", "AlsoNamedOtherwise": "same_place_named",
    "Favoured": "country_favoured", "CountyNamed": "county_named",
    "HoldsNamedTown": "holds_named_town", "HomeCountry": "home_country",
    "AddressCountry": "address_country", "Masthead": "masthead",
    "ListedWith": "listed_with",
    "Neighbours": "neighbours",
}


def read_fields():
    """The fields of Weights and their values in Weights::DEFAULT, in order."""
    text = WEIGHTS_RS.read_text(encoding="utf-8")
    block = text[text.index("// BEGIN WEIGHTS"):text.index("// END WEIGHTS")]
    return {m[1]: float(m[2]) for m in re.finditer(r"^\s*(\w+): (-?[\d.]+),", block, re.M)}


def facts(c):
    """The multiplier of each weight for one candidate: the forms of the resolver."""
    x = {"population_decade": math.log10(c["population"] + 1), "fame": c["fame"]}
    field = KIND_FIELD.get(c["kind"])
    if field:
        x[field] = 1.0
    if c["kind"] in ("lake", "island"):
        x["feature_area_decade"] = math.log10(c.get("area_km2", 0.0) + 1)
    if c["name_kind"] == "alternate":
        x["alternate_name"] = 1.0
    if c["alternate_beside_name"]:
        x["alternate_beside_name"] = 1.0
    if c["namesake_city"]:
        x["namesake_city"] = 1.0
    for e in c["evidence"]:
        name = e["name"]
        if name in EVIDENCE_FIELD:
            f = EVIDENCE_FIELD[name]
            x[f] = x.get(f, 0.0) + 1.0
        elif name == "Near":
            x["near"] = x.get("near", 0.0) + (1 - e["km"] / NEAR_KM) ** 2
        elif name == "InArticleRegion":
            x["in_article_region"] = e["share"] * e["names"] / (e["names"] + 1)
        elif name == "HomeRegion":
            x["home_region"] = 1.0
            if e.get("km") is not None:
                x["home_near"] = (1 - e["km"] / HOME_NEAR_KM) ** 2
        else:
            sys.exit(f"evidence {name} has no form here: add its form to facts()")
    return x


def km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.009 * math.asin(min(1, math.sqrt(h)))


def loose_pairs(gold, pred):
    """geoeval.py's loose matching: (gold index, pred index) pairs."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            over = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if over > 0:
                pairs.append((-over, abs((g["end"] - g["start"]) - (p["end"] - p["start"])),
                              g["start"], p["start"], gi, pi))
    pairs.sort()
    used_g, used_p, out = set(), set(), []
    for *_, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def untouched_ids(name):
    text = (HERE / f"untouched-{name}.txt").read_text(encoding="utf-8")
    return {line for line in text.splitlines() if line and not line.startswith("#")}


def tune_gold(eval_dir, name):
    skip = untouched_ids(name)
    gold = {}
    for line in (eval_dir / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            art = json.loads(line)
            if art["id"] not in skip:
                gold[art["id"]] = art
    return gold


def run_detector(binary, eval_dir, name, flags, weights_file):
    cmd = [binary, "--jsonl", "--candidates", *flags]
    if weights_file:
        cmd += ["--weights", weights_file]
    proc = subprocess.run([*cmd, eval_dir / f"{name}.jsonl"], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"{binary} failed on {name}: {proc.stderr}")
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


class Mentions:
    """Every usable mention's candidates as rows of one matrix."""

    def __init__(self, fields):
        self.fields = fields
        self.rows, self.right, self.start, self.article = [], [], [0], []
        self.scores = []

    def add(self, article, candidates, gold_point):
        right = [km((c["lat"], c["lon"]), gold_point) <= RIGHT_KM for c in candidates]
        if all(right) or not any(right):
            return
        for c, r in zip(candidates, right):
            x = facts(c)
            self.rows.append([x.get(f, 0.0) for f in self.fields])
            self.right.append(r)
            self.scores.append(c["score"])
        self.start.append(len(self.rows))
        self.article.append(article)

    def arrays(self):
        return (np.array(self.rows), np.array(self.right), np.array(self.start),
                np.array(self.scores))


def collect(binary, eval_dir, fields, weights_file):
    """The usable mentions of the tune parts of the three runs."""
    data = Mentions(list(fields))
    for name, flags in RUNS:
        gold = tune_gold(eval_dir, name)
        run_tag = name + ("-no-home" if flags else "")
        for pred in run_detector(binary, eval_dir, name, flags, weights_file):
            art = gold.get(pred["id"])
            if art is None:
                continue
            toponyms = pred["toponyms"]
            for gi, pi in loose_pairs(art["toponyms"], toponyms):
                g, p = art["toponyms"][gi], toponyms[pi]
                if g.get("lat") is None or not p.get("candidates"):
                    continue
                data.add(f"{name}/{art['id']}", p["candidates"], (g["lat"], g["lon"]))
    return data


def segment_logsumexp(s, start):
    top = np.maximum.reduceat(s, start[:-1])
    seg = np.repeat(np.arange(len(start) - 1), np.diff(start))
    e = np.exp(s - top[seg])
    return top + np.log(np.add.reduceat(e, start[:-1])), seg


def loss_and_grad(theta, X, right, start, lam, hand):
    """The loss and its gradient at theta = (w, alpha): the negative log of
    the right candidates' probability, summed over mentions, plus
    lam/2 |w - alpha * hand|^2."""
    w, alpha = theta[:-1], theta[-1]
    s = X @ w
    lse_all, seg = segment_logsumexp(s, start)
    s_right = np.where(right, s, -np.inf)
    lse_right, _ = segment_logsumexp(s_right, start)
    p = np.exp(s - lse_all[seg])
    q = np.where(right, np.exp(s_right - lse_right[seg]), 0.0)
    r = w - alpha * hand
    loss = np.sum(lse_all - lse_right) + 0.5 * lam * r @ r
    return loss, np.concatenate([X.T @ (p - q) + lam * r, [-lam * r @ hand]])


def fit(X, right, start, lam, hand, theta):
    """theta = (w, alpha) minimising the loss, from theta."""
    res = minimize(loss_and_grad, theta, args=(X, right, start, lam, hand),
                   jac=True, method="L-BFGS-B", options={"maxiter": 3000})
    return res.x


def accuracy(w, X, right, start):
    s = X @ w
    best = [start[i] + int(np.argmax(s[start[i]:start[i + 1]])) for i in range(len(start) - 1)]
    return float(np.mean(right[best]))


def mean_log_loss(w, X, right, start):
    s = X @ w
    lse_all, _ = segment_logsumexp(s, start)
    lse_right, _ = segment_logsumexp(np.where(right, s, -np.inf), start)
    return float(np.mean(lse_all - lse_right))


def subset(X, right, start, keep):
    """The mentions of `keep` (a boolean per mention)."""
    rows = np.concatenate([np.arange(start[i], start[i + 1]) for i in np.flatnonzero(keep)])
    sizes = np.diff(start)[keep]
    return X[rows], right[rows], np.concatenate([[0], np.cumsum(sizes)])


def folds_of(articles, k, seed=15):
    names = sorted(set(articles))
    rng = np.random.default_rng(seed)
    rng.shuffle(names)
    fold = {a: i % k for i, a in enumerate(names)}
    return np.array([fold[a] for a in articles])


def cross_validate(X, right, start, articles, lams, hand, theta, k=5, repeats=2):
    """(lam, held-out accuracy, held-out log loss) for each lam: k folds by
    article, `repeats` times with other shuffles, pooled over mentions."""
    n = len(start) - 1
    table = []
    for lam in lams:
        acc = ll = 0.0
        for seed in range(15, 15 + repeats):
            folds = folds_of(articles, k, seed)
            for f in range(k):
                train = subset(X, right, start, folds != f)
                test = subset(X, right, start, folds == f)
                w = fit(*train, lam, hand, theta)[:-1]
                m = len(test[2]) - 1
                acc += accuracy(w, *test) * m
                ll += mean_log_loss(w, *test) * m
        table.append((lam, acc / (n * repeats), ll / (n * repeats)))
    return table


def score_tune(binary, eval_dir, weights_file):
    """Loose F1, acc@161 and e2e of the tune parts, as score_split.py computes them."""
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, flags in RUNS:
            gold = tune_gold(eval_dir, name)
            cmd = [binary, "--jsonl", *flags] + (["--weights", weights_file] if weights_file else [])
            pred = subprocess.run([*cmd, eval_dir / f"{name}.jsonl"], check=True,
                                  capture_output=True, text=True).stdout.splitlines()
            pred = [l for l in pred if l.strip() and json.loads(l)["id"] in gold]
            g, p = pathlib.Path(tmp) / "g.jsonl", pathlib.Path(tmp) / "p.jsonl"
            g.write_text("\n".join(json.dumps(a) for a in gold.values()) + "\n", encoding="utf-8")
            p.write_text("\n".join(pred) + "\n", encoding="utf-8")
            res = json.loads(subprocess.run(
                [sys.executable, eval_dir / "geoeval.py", "--gold", g, "--pred", p, "--json"],
                check=True, capture_output=True, text=True).stdout)["overall"]
            out.append((name + (" without region" if flags else ""), res["loose"]["f1"],
                        res["resolution"]["acc161_matched"], res["resolution"]["acc161_end_to_end"]))
    return out


def rust_block(fields, w, mentions, indent="        "):
    lines = [f"{indent}// BEGIN WEIGHTS (tools/eval/fit_weights.py --write replaces this block)"]
    for f, v, n in zip(fields, w, mentions):
        note = f"it varies within {n} mentions" if n else "no example: hand-set, scaled"
        lines.append(f"{indent}{f}: {v:.2f}, // {note}")
    lines.append(f"{indent}// END WEIGHTS")
    return "\n".join(lines)


def write_rust(block):
    text = WEIGHTS_RS.read_text(encoding="utf-8")
    a = text.index("// BEGIN WEIGHTS")
    a = text.rindex("\n", 0, a) + 1
    b = text.index("// END WEIGHTS")
    b = text.index("\n", b)
    WEIGHTS_RS.write_text(text[:a] + block + text[b:], encoding="utf-8")


def varying(X, start):
    """For each field, the mentions whose candidates differ in it."""
    top = np.maximum.reduceat(X, start[:-1], axis=0)
    bottom = np.minimum.reduceat(X, start[:-1], axis=0)
    return (top > bottom).sum(axis=0)


def print_tune(rows):
    for row in rows:
        print("  {:<24} F1 {:.3f}  acc@161 {:.3f}  e2e {:.3f}".format(*row))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=str(REPO / "target/release/examples/geoparse"))
    ap.add_argument("--eval-dir", default=str(REPO.parent / "shared/eval"))
    ap.add_argument("--rounds", type=int, default=3, help="fit, run with the fit, fit again")
    ap.add_argument("--lams", default="1,3,10,30,100")
    ap.add_argument("--out", default="/tmp/fitted-weights.json", help="the fitted table as JSON")
    ap.add_argument("--write", action="store_true", help="write the table into weights.rs")
    args = ap.parse_args()
    eval_dir = pathlib.Path(args.eval_dir)
    compiled = read_fields()
    fields = list(compiled)
    if set(fields) != set(HAND):
        sys.exit(f"weights.rs and HAND name different fields: {set(fields) ^ set(HAND)}")
    hand = np.array([HAND[f] for f in fields])
    lams = [float(x) for x in args.lams.split(",")]

    weights_file, w = None, np.array([compiled[f] for f in fields])
    print("tune parts with the weights of weights.rs:")
    print_tune(score_tune(args.bin, eval_dir, None))
    for round_no in range(1, args.rounds + 1):
        data = collect(args.bin, eval_dir, fields, weights_file)
        X, right, start, scores = data.arrays()
        off = np.abs(X @ w - scores)
        if off.max() > 1e-6:
            print(f"warning: {np.sum(off > 1e-6)} of {len(scores)} candidates' scores are not "
                  f"w . facts (worst {off.max():.3g}): facts() and the resolver disagree")
        n = len(start) - 1
        print(f"\nround {round_no}: {n} mentions with right and wrong candidates "
              f"({len(set(data.article))} articles, {len(scores)} candidates); "
              f"as run: {accuracy(w, X, right, start):.4f} of their best candidates right, "
              f"log loss {mean_log_loss(w * SCALE_GUESS, X, right, start):.4f} at scale {SCALE_GUESS}")
        theta = np.concatenate([hand * SCALE_GUESS, [SCALE_GUESS]])
        table = cross_validate(X, right, start, data.article, lams, hand, theta)
        for lam, acc, ll in table:
            print(f"  lam {lam:<6g} held-out accuracy {acc:.4f}  log loss {ll:.4f}")
        # The best held-out accuracy; within half a mention in a thousand,
        # the stronger pull toward the hand-set weights.
        best = max(acc for _, acc, _ in table)
        lam = max(lam for lam, acc, _ in table if acc >= best - 0.0005)
        theta = fit(X, right, start, lam, hand, theta)
        # In units of a tenfold of people, rounded as weights.rs holds them,
        # so that what is scored is what is compiled.
        w = np.round(theta[:-1] / theta[fields.index("population_decade")], 2)
        print(f"  chosen lam {lam:g} (scale of the hand-set weights {theta[-1]:.3f}); "
              f"fitted on all: accuracy {accuracy(w, X, right, start):.4f}")
        weights_file = args.out
        pathlib.Path(weights_file).write_text(
            json.dumps({f: float(v) for f, v in zip(fields, w)}, indent=1) + "\n",
            encoding="utf-8")
        print_tune(score_tune(args.bin, eval_dir, weights_file))
        mentions = varying(X, start)

    print(f"\n{'field':<22} {'hand-set':>8} {'fitted':>8} {'ratio':>6}  mentions it varies in")
    for f, h, v, n in zip(fields, hand, w, mentions):
        ratio = f"{v / h:6.2f}" if h else "     -"
        print(f"{f:<22} {h:8.2f} {v:8.2f} {ratio}  {n}")
    print(f"\nthe fitted table ({args.out}):")
    block = rust_block(fields, w, mentions)
    print(block)
    if args.write:
        write_rust(block)
        print(f"written into {WEIGHTS_RS.relative_to(REPO)}")


if __name__ == "__main__":
    main()
