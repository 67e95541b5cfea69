//! The one harness every UI test drives: the app at 1280×800 on the default
//! brief, settled.

use egui_kittest::Harness;
use geobrief::GeobriefApp;

pub fn harness() -> Harness<'static, GeobriefApp> {
    // The app loads the map's context layers on a thread after its first
    // frame; load them first so every test sees the same map.
    geobrief::map::world_context::WorldContext::load_now();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(40)
        .build_ui_state(
            |ui, app: &mut GeobriefApp| app.ui(ui),
            GeobriefApp::default(),
        );
    harness.run();
    harness
}
