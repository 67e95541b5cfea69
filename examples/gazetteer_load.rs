//! Time and resident memory of loading the embedded gazetteer and its name
//! index, and of the first detection after it, in one fresh process:
//! `cargo run --release --example gazetteer_load`.

use std::time::Instant;

use geobrief::gazetteer::Gazetteer;
use geobrief::geoparse::detect_places;

/// Resident set size in MiB, from /proc (Linux); 0 elsewhere.
fn rss_mib() -> f64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: f64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0.0);
    pages * 4096.0 / 1_048_576.0
}

fn main() {
    let before_mib = rss_mib();
    let start = Instant::now();
    let gaz = Gazetteer::embedded();
    let load_ms = start.elapsed().as_secs_f64() * 1e3;
    let start = Instant::now();
    let index = gaz.name_finder();
    let index_ms = start.elapsed().as_secs_f64() * 1e3;
    let loaded_mib = rss_mib();
    let text = "EATON RAPIDS, Mich. — The Eaton Rapids Police said a car hit a fence in \
                Charlotte on Monday. Her cousin lives in Warren, Man.";
    let start = Instant::now();
    let found = detect_places(text, gaz);
    let first_ms = start.elapsed().as_secs_f64() * 1e3;
    println!(
        "gazetteer: {} places loaded in {load_ms:.0} ms; name index ready in {index_ms:.1} ms \
         ({} keys, {:.1} MiB in the binary)",
        gaz.len(),
        index.map_or(0, |i| i.len()),
        index.map_or(0, |i| i.size_bytes()) as f64 / 1_048_576.0,
    );
    println!(
        "resident memory: {before_mib:.1} MiB before, {loaded_mib:.1} MiB loaded \
         (+{:.1} MiB), {:.1} MiB after the first detection",
        loaded_mib - before_mib,
        rss_mib()
    );
    println!(
        "first detection: {first_ms:.1} ms, {} places: {}",
        found.len(),
        found
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
}
