//! Runs `geobrief geoparse` until the main binary gains the subcommand:
//! `cargo run --example geoparse -- --jsonl ../shared/eval/dev.jsonl`.
//!
//! `--weights FILE` reads the resolver's weights from a JSON table (any of
//! the fields of `geobrief::geoparse::Weights`; the rest stay as fitted), to
//! try a fit without a rebuild (`tools/eval/fit_weights.py`). The app itself
//! always uses the compiled-in table.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use geobrief::geoparse::Weights;

#[derive(Parser)]
#[command(name = "geoparse", about = "Find and resolve the place names of texts")]
struct Cli {
    #[command(flatten)]
    args: geobrief::geoparse::cli::GeoparseArgs,
    /// Read the resolver's weights from this JSON file instead of the fitted ones.
    #[arg(long, value_name = "FILE")]
    weights: Option<PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let weights = match cli.weights.as_deref().map(read_weights).transpose() {
        Ok(weights) => weights.unwrap_or(Weights::DEFAULT),
        Err(message) => {
            eprintln!("geoparse: {message}");
            return ExitCode::from(2);
        }
    };
    geobrief::geoparse::cli::run_with_weights(&cli.args, weights)
}

fn read_weights(path: &std::path::Path) -> Result<Weights, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}
