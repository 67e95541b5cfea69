//! How place detection over a story's articles scales with workers (issue
//! #16): the articles of a JSON Lines archive read once, then their places
//! found with 1 worker and with 2 (best of three runs each), beside a raw
//! scan of the same texts shared the same way (what the machine's two
//! cores give at best), and the whole `collect` (reading, finding, merging)
//! timed beside them.
//!
//!     python3 tools/story/news_story.py 10000 > /tmp/news10k.jsonl
//!     cargo run --release --example collect_scaling -- /tmp/news10k.jsonl

use std::time::Instant;

use geobrief::collect::{Input, Progress, Settings, StoryBuilder, find_places, read_inputs};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: collect_scaling ARCHIVE.jsonl");
        std::process::exit(2);
    };
    let gaz = geobrief::gazetteer::Gazetteer::embedded();
    let _ = gaz.name_finder();
    let inputs = [Input::Archive(path.into())];
    let started = Instant::now();
    let (sources, problems) = read_inputs(&inputs);
    let read = started.elapsed();
    let bytes: usize = sources
        .iter()
        .map(|s| match &s.content {
            geobrief::collect::Content::Text(t) => t.text.len(),
            geobrief::collect::Content::Brief(_) => 0,
        })
        .sum();
    println!(
        "{} articles, {:.1} MB of text, {} unread; read in {:.2} s",
        sources.len(),
        bytes as f64 / 1e6,
        problems.len(),
        read.as_secs_f64()
    );
    let mut best = [f64::MAX; 2];
    for _ in 0..3 {
        for (k, jobs) in [1usize, 2].into_iter().enumerate() {
            let settings = Settings {
                jobs,
                ..Settings::default()
            };
            let t = Instant::now();
            let collected = find_places(sources.clone(), &settings, &Progress::default());
            best[k] = best[k].min(t.elapsed().as_secs_f64());
            std::hint::black_box(collected.read());
        }
    }
    println!(
        "finding places: 1 worker {:.2} s ({:.1} MB/s), 2 workers {:.2} s ({:.1} MB/s): {:.2}x",
        best[0],
        bytes as f64 / 1e6 / best[0],
        best[1],
        bytes as f64 / 1e6 / best[1],
        best[0] / best[1]
    );
    // The machine's own scaling, as a baseline in the same run: a raw scan
    // of the same texts (a byte hash, eight rounds an article, about as long
    // as finding their places) shared among workers the same way.
    let texts: Vec<&str> = sources
        .iter()
        .filter_map(|s| match &s.content {
            geobrief::collect::Content::Text(t) => Some(t.text.as_str()),
            geobrief::collect::Content::Brief(_) => None,
        })
        .collect();
    let scan = |text: &&str| {
        let mut h = 0xcbf2_9ce4_8422_2325_u64;
        for _ in 0..8 {
            for b in text.bytes() {
                h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
            }
        }
        h
    };
    let mut raw = [f64::MAX; 2];
    for _ in 0..3 {
        for (k, jobs) in [1usize, 2].into_iter().enumerate() {
            let t = Instant::now();
            let hashes = geobrief::parallel::map_in_order(&texts, jobs, || false, || {}, scan);
            raw[k] = raw[k].min(t.elapsed().as_secs_f64());
            std::hint::black_box(hashes);
        }
    }
    println!(
        "baseline, a raw scan: 1 worker {:.2} s, 2 workers {:.2} s: {:.2}x",
        raw[0],
        raw[1],
        raw[0] / raw[1]
    );
    let t = Instant::now();
    let collected = find_places(sources, &Settings::default(), &Progress::default());
    let found = t.elapsed();
    let t = Instant::now();
    let mut story = StoryBuilder::new(None);
    collected.add_to(&mut story);
    let brief = geobrief::brief::Brief::from_doc(story.finish());
    let merged = t.elapsed();
    let t = Instant::now();
    let json = brief.as_ref().map(|b| b.to_json().len()).unwrap_or(0);
    println!(
        "all cores: finding {:.2} s, merging and checking {:.2} s, writing JSON {:.2} s ({:.1} MB)",
        found.as_secs_f64(),
        merged.as_secs_f64(),
        t.elapsed().as_secs_f64(),
        json as f64 / 1e6
    );
}
