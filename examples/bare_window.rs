//! The baseline for BENCHMARKS.md: a bare eframe window with one label,
//! measured by the same startup probe as `geobrief --startup-probe`.
//!
//!     cargo run --release --example bare_window

use geobrief::startup_probe::StartupProbe;

struct Bare(StartupProbe);

impl eframe::App for Bare {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.0.before_ui();
        egui::CentralPanel::default().show(ui, |ui| ui.label("Hello"));
        self.0.on_frame(ui.ctx());
    }
}

fn main() -> eframe::Result {
    let probe = StartupProbe::start();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size([1280.0, 800.0]),
        ..Default::default()
    };
    eframe::run_native("bare", options, Box::new(|_| Ok(Box::new(Bare(probe)))))
}
