//! Load time and memory of a brief, headless: the app starts on the default
//! brief, opens the file as File > Open does (on its worker), and runs frames
//! until the file's brief is on screen and laid out; then prints the time
//! from the open to that first complete frame, and the process's resident
//! memory (now, and its peak) from /proc. The baseline is the default brief
//! with the map's context layers and the gazetteer loaded, as a settled app
//! has them.
//!
//!     cargo run --release --example load -- BRIEF.json
//!     cargo run --release --example load -- default   # the baseline

use std::time::{Duration, Instant};

use geobrief::GeobriefApp;
use geobrief::action::{Action, FileAction};
use geobrief::brief::Brief;

fn input(frame: usize) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        time: Some(frame as f64 / 60.0),
        ..Default::default()
    }
}

fn frame(ctx: &egui::Context, app: &mut GeobriefApp, n: usize) {
    let mut out = ctx.run_ui(input(n), |ui| app.ui(ui));
    let primitives = ctx.tessellate(std::mem::take(&mut out.shapes), out.pixels_per_point);
    std::hint::black_box(primitives);
    out.textures_delta.clear();
}

/// Resident and peak resident memory in MiB, from /proc/self/status.
fn memory_mib() -> (f64, f64) {
    let (rss, peak) = geobrief::startup_probe::resident_memory_kib();
    (rss as f64 / 1024.0, peak as f64 / 1024.0)
}

fn main() {
    let arg = std::env::args().nth(1).unwrap_or_else(|| "default".into());
    let ctx = egui::Context::default();
    let started = Instant::now();
    let mut app = GeobriefApp::new(Brief::default_brief(), None);
    let mut n = 0;
    for _ in 0..3 {
        frame(&ctx, &mut app, n);
        n += 1;
    }
    let default_ready = started.elapsed();
    // What a settled app holds whatever it shows: the map's context layers
    // and the gazetteer with its name finder (both loaded after the first
    // frame in the app). The brief's own cost is measured above this.
    geobrief::map::world_context::WorldContext::load_now();
    let _ = geobrief::gazetteer::Gazetteer::embedded().name_finder();
    frame(&ctx, &mut app, n);
    n += 1;
    let (rss_default, _) = memory_mib();
    if arg == "default" {
        let (rss, peak) = memory_mib();
        println!(
            "default brief: first frames {:.0} ms; with the context layers and gazetteer loaded, resident {rss:.0} MiB, peak {peak:.0} MiB",
            default_ready.as_secs_f64() * 1e3
        );
        return;
    }
    let path = std::path::PathBuf::from(&arg);
    let title_before = app.brief().title().to_string();
    let opened = Instant::now();
    app.apply(Action::File(FileAction::Open(path.clone())));
    let mut slowest = Duration::ZERO;
    loop {
        let t = Instant::now();
        frame(&ctx, &mut app, n);
        slowest = slowest.max(t.elapsed());
        n += 1;
        if !app.is_working() && app.brief().title() != title_before {
            // One more frame: the first one the new brief is fully laid out in.
            frame(&ctx, &mut app, n);
            break;
        }
        if !app.is_working() && opened.elapsed() > Duration::from_secs(1) {
            eprintln!("{}: the brief did not open", path.display());
            std::process::exit(1);
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let loaded = opened.elapsed();
    let (rss, peak) = memory_mib();
    println!(
        "{}: {} places, {} paragraphs; open to first complete frame {:.2} s (slowest UI frame meanwhile {:.1} ms); resident {rss:.0} MiB ({:+.0} over the default brief), peak {peak:.0} MiB",
        path.display(),
        app.brief().place_count(),
        app.brief().paragraphs().len(),
        loaded.as_secs_f64(),
        slowest.as_secs_f64() * 1e3,
        rss - rss_default,
    );
}
