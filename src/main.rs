//! Starts Geobrief: the app window, or one of its command-line tools.

/// mimalloc rather than the system's allocator: place detection makes and
/// drops many small vectors per article, and glibc's malloc and free were a
/// sixth of `geoparse --jsonl`'s time (BENCHMARKS.md, "Speed").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    geobrief::cli::main()
}
