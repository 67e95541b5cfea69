//! Encodes assets/gazetteer.tsv into the gazetteer's compact form (fixed-width
//! place records, string lists and `fst` maps of its names: see
//! src/gazetteer/encode.rs), so the app reads it in place from its own bytes at
//! start instead of parsing text every time it runs. The encoder is the app's
//! own, included here by path.

#[path = "src/gazetteer/encode.rs"]
#[allow(dead_code)]
mod encode;
#[path = "src/gazetteer/name_index.rs"]
#[allow(dead_code)]
mod name_index;
#[path = "src/gazetteer/name_index_build.rs"]
mod name_index_build;
#[path = "src/gazetteer/normalise.rs"]
mod normalise;

use std::path::PathBuf;

const TSV: &str = "assets/gazetteer.tsv";

fn main() {
    println!("cargo::rerun-if-changed={TSV}");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/gazetteer/encode.rs");
    println!("cargo::rerun-if-changed=src/gazetteer/normalise.rs");
    println!("cargo::rerun-if-changed=src/gazetteer/name_index.rs");
    println!("cargo::rerun-if-changed=src/gazetteer/name_index_build.rs");
    let text = std::fs::read_to_string(TSV).unwrap_or_else(|e| panic!("{TSV}: {e}"));
    let encoded = encode::encode(&text).unwrap_or_else(|e| panic!("{TSV}: {e}"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("gazetteer.bin"), encoded.to_blob()).expect("OUT_DIR is writable");
}
