//! Runs `geobrief geoparse` until the main binary gains the subcommand:
//! `cargo run --example geoparse -- --jsonl ../shared/eval/dev.jsonl`.

use clap::Parser;

#[derive(Parser)]
#[command(name = "geoparse", about = "Find and resolve the place names of texts")]
struct Cli {
    #[command(flatten)]
    args: geobrief::geoparse::cli::GeoparseArgs,
}

fn main() -> std::process::ExitCode {
    geobrief::geoparse::cli::run(&Cli::parse().args)
}
