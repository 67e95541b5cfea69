//! What each context layer costs: its bytes in the binary, the time to
//! decode it, and the resident memory the decoded layer takes; then the time
//! and memory of the whole projected set the map draws from (in a fresh
//! process: run it once per figure, memory freed by the first part may be
//! reused by the second).
//!
//!     cargo run --release --example context_layers

use std::time::Instant;

use geobrief::basemap::context::{
    ADMIN1_BYTES, ADMIN1_LINES_BYTES, COUNTIES_BYTES, COUNTRIES_10M_BYTES, COUNTRY_LINES_10M_BYTES,
    COUNTY_LINES_BYTES, LAKES_BYTES, RIVERS_BYTES, TOWNS_BYTES,
};
use geobrief::basemap::layer::Layer;

fn rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| {
            rest.trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<f64>()
                .ok()
        })
        .map_or(0.0, |kib| kib / 1024.0)
}

fn main() {
    let layers: [(&str, &[u8]); 9] = [
        ("countries-10m", COUNTRIES_10M_BYTES),
        ("country-lines-10m", COUNTRY_LINES_10M_BYTES),
        ("admin1", ADMIN1_BYTES),
        ("admin1-lines", ADMIN1_LINES_BYTES),
        ("counties", COUNTIES_BYTES),
        ("county-lines", COUNTY_LINES_BYTES),
        ("lakes", LAKES_BYTES),
        ("rivers", RIVERS_BYTES),
        ("towns", TOWNS_BYTES),
    ];
    println!(
        "{:<20} {:>10} {:>10} {:>10}",
        "layer", "bytes", "decode ms", "RSS MiB"
    );
    let mut total = 0;
    // Kept, so each layer's memory is not reused by the next.
    let mut kept = Vec::new();
    for (name, bytes) in layers {
        let before = rss_mib();
        let started = Instant::now();
        let layer = Layer::from_bytes(bytes).expect("embedded layer");
        let ms = started.elapsed().as_secs_f64() * 1e3;
        let after = rss_mib();
        println!(
            "{name:<20} {:>10} {ms:>10.1} {:>10.1}",
            bytes.len(),
            after - before
        );
        total += bytes.len();
        kept.push(layer);
    }
    println!("{:<20} {total:>10}", "all layers");
    drop(kept);
    let _ = geobrief::map::world_basemap::WorldBasemap::embedded();
    let before = rss_mib();
    let started = Instant::now();
    geobrief::map::world_context::WorldContext::load_now();
    println!(
        "decoded and projected for drawing (WorldContext::load_now): {:.0} ms, +{:.1} MiB resident",
        started.elapsed().as_secs_f64() * 1e3,
        rss_mib() - before
    );
}
