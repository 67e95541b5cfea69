//! Measures place detection speed on one core:
//! `cargo run --release --example geoparse_throughput -- ARTICLES.jsonl [ROUNDS]`.
//! Reads JSON Lines with a "text" field, times loading the gazetteer, building
//! its name finder, and detecting and resolving the places of every article
//! (gazetteer places and unlisted street and building names).

use std::time::Instant;

use geobrief::gazetteer::Gazetteer;
use geobrief::geoparse::{detect_places, detect_unlisted_places};

fn main() -> std::process::ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: geoparse_throughput ARTICLES.jsonl [ROUNDS]");
        return std::process::ExitCode::from(2);
    };
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let Ok(input) = std::fs::read_to_string(&path) else {
        eprintln!("cannot read {path}");
        return std::process::ExitCode::from(1);
    };
    let texts: Vec<String> = input
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();

    let start = Instant::now();
    let gaz = Gazetteer::embedded();
    let load_secs = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let finder_ready = gaz.name_finder().is_some();
    let finder_secs = start.elapsed().as_secs_f64();

    let start = Instant::now();
    let mut toponyms = 0;
    for _ in 0..rounds {
        for text in &texts {
            let found = detect_places(text, gaz);
            toponyms += found.len() + detect_unlisted_places(text, &found).len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (bytes * rounds) as f64 / 1e6;

    // Baseline in the same run: the bare multi-pattern lookup the recogniser
    // is built on (an anchored search at every capitalised word start), with
    // no rules and no resolution.
    let start = Instant::now();
    let mut raw_matches = 0;
    let mut found = Vec::new();
    if let Some(finder) = gaz.name_finder() {
        for _ in 0..rounds {
            for text in &texts {
                let starts = text.char_indices().filter(|&(i, c)| {
                    c.is_uppercase()
                        && text[..i]
                            .chars()
                            .next_back()
                            .is_none_or(|p| !p.is_alphanumeric())
                });
                for (i, _) in starts {
                    found.clear();
                    finder.prefixes_at(text, i, &mut found);
                    raw_matches += usize::from(!found.is_empty());
                }
            }
        }
    }
    let raw_secs = start.elapsed().as_secs_f64();
    println!(
        "gazetteer: {} places, parsed in {load_secs:.3} s; name index ready in {finder_secs:.3} s ({finder_ready}, {} keys, {:.1} MiB)",
        gaz.len(),
        gaz.name_finder().map_or(0, |f| f.len()),
        gaz.name_finder().map_or(0, |f| f.size_bytes()) as f64 / 1_048_576.0
    );
    println!(
        "{} articles, {:.2} MB x {rounds} rounds: {:.3} s, {:.1} MB/s, {} toponyms per round",
        texts.len(),
        bytes as f64 / 1e6,
        secs,
        mb / secs,
        toponyms / rounds.max(1)
    );
    println!(
        "baseline, bare anchored lookup at capitalised word starts: {:.3} s, {:.1} MB/s, {} matches per round",
        raw_secs,
        mb / raw_secs,
        raw_matches / rounds.max(1)
    );
    std::process::ExitCode::SUCCESS
}
