//! Builds the gazetteer's name index (an `fst` map, see src/gazetteer/name_index.rs)
//! from assets/gazetteer.tsv, so the app reads it from its own bytes at start
//! instead of building a name finder every time it runs.

use std::collections::HashSet;
use std::path::PathBuf;

const TSV: &str = "assets/gazetteer.tsv";

fn main() {
    println!("cargo::rerun-if-changed={TSV}");
    println!("cargo::rerun-if-changed=build.rs");
    let text = std::fs::read_to_string(TSV).unwrap_or_else(|e| panic!("{TSV}: {e}"));
    // Spellings in the order src/gazetteer/load.rs numbers them: per place line,
    // names, then alternates, then demonyms, each spelling once.
    let mut seen = HashSet::new();
    let mut keyed: Vec<(Vec<u8>, u64)> = Vec::new();
    for (line_no, line) in text.lines().enumerate() {
        if !line.starts_with("P\t") {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        assert!(
            fields.len() == 12,
            "{TSV}:{}: expected 12 fields",
            line_no + 1
        );
        for field in &fields[9..12] {
            for spelling in field.split('|').filter(|s| !s.is_empty()) {
                if seen.insert(spelling) {
                    let key = spelling.bytes().map(|b| b.to_ascii_lowercase()).collect();
                    keyed.push((key, keyed.len() as u64));
                }
            }
        }
    }
    keyed.sort();
    keyed.dedup_by(|later, first| later.0 == first.0);
    let mut builder = fst::MapBuilder::memory();
    for (key, value) in keyed {
        builder.insert(key, value).expect("sorted, distinct keys");
    }
    let bytes = builder.into_inner().expect("an fst in memory");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("gazetteer-names.fst"), bytes).expect("OUT_DIR is writable");
}
