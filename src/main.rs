//! Starts Geobrief: the app window, or one of its command-line tools.

fn main() -> std::process::ExitCode {
    geobrief::cli::main()
}
