//! The one harness every UI test drives: the app at 1280×800 on the default
//! brief, settled; and the helpers that wait for its background work.
#![allow(dead_code)] // each test file uses its own share of the helpers

pub mod server;
pub mod webdriver;

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use geobrief::GeobriefApp;

pub type App = Harness<'static, GeobriefApp>;

pub fn harness() -> App {
    harness_for(GeobriefApp::default())
}

pub fn harness_for(app: GeobriefApp) -> App {
    harness_sized(app, egui::vec2(1280.0, 800.0))
}

/// The app in a window of `size` points.
pub fn harness_sized(app: GeobriefApp, size: egui::Vec2) -> App {
    // The app loads the map's context layers on a thread after its first
    // frame; load them first so every test sees the same map.
    geobrief::map::world_context::WorldContext::load_now();
    let mut harness = Harness::builder()
        .with_size(size)
        .with_max_steps(40)
        .build_ui_state(|ui, app: &mut GeobriefApp| app.ui(ui), app);
    settle(&mut harness);
    harness
}

/// Runs frames until the app's background jobs (reading files, finding
/// places, saving) have reported back and the frames settle.
pub fn settle(harness: &mut App) {
    let start = Instant::now();
    loop {
        harness.step();
        if !harness.state().is_working() {
            harness.step();
            if !harness.state().is_working() {
                break;
            }
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the app's background work did not finish within a minute"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    harness.run();
}

/// A folder of its own for one test.
pub fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("geobrief-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}

/// Removes every place of the brief open, one edit each.
pub fn remove_every_place(harness: &mut App) {
    let ids: Vec<_> = harness
        .state()
        .brief()
        .places()
        .map(|p| p.id.clone())
        .collect();
    for id in ids {
        harness.state_mut().apply(geobrief::action::Action::Edit(
            geobrief::editing::EditAction::RemovePlace(id),
        ));
    }
    settle(harness);
    assert_eq!(harness.state().brief().place_count(), 0);
}

/// The `geobrief` binary, to run as a user would from a terminal.
pub fn geobrief_cli() -> std::process::Command {
    std::process::Command::new(env!("CARGO_BIN_EXE_geobrief"))
}

/// Runs `command`, fails the test with its error output unless it
/// succeeds, and returns what it printed.
pub fn run_ok(command: &mut std::process::Command) -> String {
    let out = command.output().expect("the command runs");
    assert!(
        out.status.success(),
        "{:?} failed: {}",
        command,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}
