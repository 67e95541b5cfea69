//! The command line: open the app (optionally on a file, or to take a
//! screenshot), check brief files, or find the places in texts.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::app::GeobriefApp;
use crate::brief::{Brief, parse_brief_file};
use crate::startup_probe::StartupProbe;

#[derive(Parser, Debug)]
#[command(
    name = "geobrief",
    version,
    about = "Read a news article beside a map of its places."
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// A brief, an article (text, web page, PDF, DOCX, ODT, e-mail), a
    /// story's sources (EPUB, mbox, RSS, Atom, JSON Feed) or a web address
    /// (http:// or https://, fetched once) to open instead of the embedded
    /// default brief.
    file: Option<PathBuf>,
    /// Render the app to this PNG file once its layout settles, then exit.
    #[arg(long, value_name = "OUT.png")]
    screenshot: Option<PathBuf>,
    /// Select this place (by id) before the screenshot.
    #[arg(long, value_name = "PLACE_ID")]
    select: Option<String>,
    /// Show this map view in the screenshot: latitude, longitude, zoom level
    /// (1 = the world, 5 = a country, 10 = a town), e.g. 42.56,-84.84,10.
    #[arg(long, value_name = "LAT,LON,ZOOM", value_parser = crate::screenshot::parse_view, allow_hyphen_values = true)]
    view: Option<crate::screenshot::MapViewArg>,
    /// Window size, e.g. 1280x800.
    #[arg(long, value_name = "WxH", value_parser = parse_size, default_value = "1280x800")]
    size: [f32; 2],
    /// Colour theme to start with (the View menu switches it later).
    #[arg(long, value_enum, default_value = "light")]
    theme: ThemeArg,
    /// Print the time to the first frame and the memory in use, then exit.
    #[arg(long, hide = true)]
    startup_probe: bool,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Validate brief files: exit 0 if all are valid, 1 if any is not.
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Export a brief (or a text, whose places are found first) to GIS
    /// and annotation formats, and the map to a PNG.
    Export {
        /// The brief (.json), an article of any format Geobrief opens, or a
        /// web address (fetched once).
        brief: PathBuf,
        /// The places as a GeoJSON FeatureCollection.
        #[arg(long, value_name = "OUT.geojson")]
        geojson: Option<PathBuf>,
        /// The mentions as W3C Web Annotations (JSON-LD).
        #[arg(long, value_name = "OUT.jsonld")]
        annotations: Option<PathBuf>,
        /// The article's text, as the annotations count it.
        #[arg(long, value_name = "OUT.txt")]
        text: Option<PathBuf>,
        /// The map as a picture (no window or display needed).
        #[arg(long, value_name = "OUT.png")]
        png: Option<PathBuf>,
        /// The picture's size in pixels.
        #[arg(long, value_name = "WxH", value_parser = parse_size, default_value = "1600x1000")]
        size: [f32; 2],
        #[arg(long, value_enum, default_value = "light")]
        theme: ThemeArg,
        #[command(flatten)]
        formats: ExportFormats,
    },
    /// Add the places of a GeoJSON FeatureCollection (or of Web Annotations)
    /// to a brief, with the mentions the file gives (a Geobrief export's
    /// selectors, or the .jsonld beside it), else every occurrence of their
    /// names in its text; places the brief has already are merged.
    Import {
        brief: PathBuf,
        places: PathBuf,
        #[arg(short = 'o', long = "output", value_name = "OUT.json")]
        output: PathBuf,
    },
    /// Make a story brief of many articles without a window: files (texts,
    /// web pages, PDFs, documents, mail, mailboxes, e-books, feeds, briefs),
    /// folders of them, web addresses and JSON Lines archives, their places
    /// found on all cores. Exit 0 if everything was read, 1 if
    /// something could not be (the story holds the rest), 2 on bad usage.
    Collect {
        /// Files and folders to read (a .jsonl file is read as an archive).
        inputs: Vec<PathBuf>,
        /// A JSON Lines archive: one {"id", "text"} object a line, with
        /// optional "title", "url", "source" and "date" (repeatable).
        #[arg(long = "jsonl", value_name = "ARCHIVE.jsonl")]
        archives: Vec<PathBuf>,
        #[arg(short = 'o', long = "output", value_name = "STORY.json")]
        output: PathBuf,
        /// The story's title.
        #[arg(long)]
        title: Option<String>,
        /// Workers finding places (default: one per core).
        #[arg(long, value_name = "N", default_value_t = 0)]
        jobs: usize,
    },
    /// Find and resolve the places named in texts, offline.
    Geoparse {
        #[command(flatten)]
        args: crate::geoparse::cli::GeoparseArgs,
        /// Write a brief (.json) of the one text file given, instead.
        #[arg(short = 'o', long = "output", value_name = "BRIEF.json")]
        output: Option<PathBuf>,
    },
}

/// The export formats for handing a brief on (#18).
#[derive(clap::Args, Debug)]
struct ExportFormats {
    /// One self-contained web page (article, map, places) that opens in any
    /// browser without a network.
    #[arg(long, value_name = "OUT.html")]
    html: Option<PathBuf>,
    /// A GeoPackage for QGIS: layers places (points) and areas (polygons),
    /// tables articles and mentions.
    #[arg(long, value_name = "OUT.gpkg")]
    gpkg: Option<PathBuf>,
    /// The places as KML for Google Earth (a story's places with time spans).
    #[arg(long, value_name = "OUT.kml")]
    kml: Option<PathBuf>,
    /// The mentions as CSV for spreadsheets, one row a mention.
    #[arg(long, value_name = "OUT.csv")]
    csv: Option<PathBuf>,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ThemeArg {
    Light,
    Dark,
}

fn collect(
    inputs: &[PathBuf],
    archives: &[PathBuf],
    output: &std::path::Path,
    title: Option<String>,
    jobs: usize,
) -> ExitCode {
    use crate::collect::{Input, Settings};
    if inputs.is_empty() && archives.is_empty() {
        eprintln!("geobrief collect: give files, folders or --jsonl archives to read");
        return ExitCode::from(2);
    }
    let inputs: Vec<Input> = inputs
        .iter()
        .cloned()
        .map(Input::Path)
        .chain(archives.iter().cloned().map(Input::Archive))
        .collect();
    let settings = Settings {
        jobs,
        ..Settings::default()
    };
    let (brief, problems) = crate::collect::collect(&inputs, title, &settings);
    for problem in &problems {
        eprintln!("geobrief collect: {problem}");
    }
    let Some(brief) = brief else {
        eprintln!("geobrief collect: nothing written to {}", output.display());
        return ExitCode::from(1);
    };
    if let Err(e) = crate::brief::save::save_brief(output, &brief.to_doc()) {
        eprintln!("geobrief collect: {e}");
        return ExitCode::from(1);
    }
    println!(
        "{}: {} articles, {} places, {} mentions",
        output.display(),
        brief.article_count(),
        brief.place_count(),
        brief.mention_count()
    );
    if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn parse_size(text: &str) -> Result<[f32; 2], String> {
    let (w, h) = text
        .split_once(['x', 'X'])
        .ok_or("expected WIDTHxHEIGHT, e.g. 1280x800")?;
    let parse = |s: &str| {
        s.trim()
            .parse::<f32>()
            .ok()
            .filter(|v| (200.0..=8000.0).contains(v))
    };
    match (parse(w), parse(h)) {
        (Some(w), Some(h)) => Ok([w, h]),
        _ => Err("width and height must be numbers from 200 to 8000".into()),
    }
}

pub fn main() -> ExitCode {
    let probe = StartupProbe::start();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match &cli.command {
        Some(Command::Check { files }) => check(files),
        Some(Command::Collect {
            inputs,
            archives,
            output,
            title,
            jobs,
        }) => collect(inputs, archives, output, title.clone(), *jobs),
        Some(Command::Geoparse {
            args,
            output: Some(out),
        }) => geoparse_to_brief(args, out),
        Some(Command::Geoparse { args, output: None }) => crate::geoparse::cli::run(args),
        Some(Command::Export {
            brief,
            geojson,
            annotations,
            text,
            png,
            size,
            theme,
            formats,
        }) => {
            let request = crate::export::ExportRequest {
                geojson: geojson.clone(),
                annotations: annotations.clone(),
                text: text.clone(),
                png: png.clone().map(|p| (p, size.map(|s| s as u32))),
                csv: formats.csv.clone(),
                kml: formats.kml.clone(),
                gpkg: formats.gpkg.clone(),
                html: formats.html.clone(),
            };
            export(brief, &request, *theme == ThemeArg::Dark)
        }
        Some(Command::Import {
            brief,
            places,
            output,
        }) => import(brief, places, output),
        None => run_app(&cli, probe),
    }
}

fn geoparse_to_brief(args: &crate::geoparse::cli::GeoparseArgs, out: &std::path::Path) -> ExitCode {
    let [input] = args.files.as_slice() else {
        eprintln!("geobrief geoparse -o: give exactly one text file");
        return ExitCode::from(2);
    };
    match crate::app::brief_from_text_file(input) {
        Ok(brief) => match crate::brief::save::save_brief(out, &brief.to_doc()) {
            Ok(()) => {
                println!(
                    "{}: {} places, {} links",
                    out.display(),
                    brief.place_count(),
                    brief.link_count()
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::from(1)
            }
        },
        Err(errors) => {
            for e in errors {
                eprintln!("{e}");
            }
            ExitCode::from(1)
        }
    }
}

fn check(files: &[PathBuf]) -> ExitCode {
    let mut all_valid = true;
    for file in files {
        match parse_brief_file(file) {
            Ok(brief) => {
                println!(
                    "{}: valid ({} places, {} links)",
                    file.display(),
                    brief.place_count(),
                    brief.link_count()
                );
                for warning in &brief.warnings {
                    println!("{}: warning: {warning}", file.display());
                }
            }
            Err(e) => {
                all_valid = false;
                eprintln!("{e}");
            }
        }
    }
    if all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn open_for_cli(path: &std::path::Path) -> Result<Brief, ExitCode> {
    let personal = crate::paths::Paths::from_env()
        .personal_gazetteer()
        .and_then(|p| crate::personal::PersonalGazetteer::load(&p).ok())
        .unwrap_or_default();
    let address = path.to_string_lossy();
    let opened = if crate::fetch::is_web_address(&address) {
        crate::open::open_address_as_brief(&address, &personal)
    } else {
        crate::open::open_path(path, &personal)
    };
    opened.map_err(|errors| {
        for e in errors {
            eprintln!("{e}");
        }
        ExitCode::from(1)
    })
}

fn export(path: &std::path::Path, request: &crate::export::ExportRequest, dark: bool) -> ExitCode {
    if request.is_empty() {
        eprintln!(
            "geobrief export: give at least one of --geojson, --annotations, --text, --png, \
             --html, --gpkg, --kml, --csv"
        );
        return ExitCode::from(2);
    }
    let brief = match open_for_cli(path) {
        Ok(brief) => brief,
        Err(code) => return code,
    };
    match crate::render::export_all(&brief, request, dark) {
        Ok(exported) => {
            for f in exported.files {
                println!("{}", f.display());
            }
            for note in exported.notes {
                eprintln!("geobrief export: {note}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("geobrief export: {e}");
            ExitCode::from(1)
        }
    }
}

fn import(
    brief_path: &std::path::Path,
    places: &std::path::Path,
    out: &std::path::Path,
) -> ExitCode {
    let mut brief = match open_for_cli(brief_path) {
        Ok(brief) => brief,
        Err(code) => return code,
    };
    let imported = match crate::import::read_places_file(places, &brief) {
        Ok(imported) => imported,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    for skipped in &imported.skipped {
        eprintln!("{}: {skipped}", places.display());
    }
    for note in &imported.notes {
        eprintln!("{}: {note}", places.display());
    }
    let count = imported.places.new.len();
    let mentions = imported.places.mention_count();
    let plan = match crate::editing::plan(
        &brief,
        &crate::editing::EditAction::AddPlaces(imported.places),
    ) {
        Ok(plan) => plan,
        Err(e) => {
            eprintln!("{}: {e}", places.display());
            return ExitCode::from(1);
        }
    };
    if let Err(e) = brief.apply(plan.edit) {
        eprintln!("{}: {e}", places.display());
        return ExitCode::from(1);
    }
    match crate::brief::save::save_brief(out, &brief.to_doc()) {
        Ok(()) => {
            println!(
                "{}: {count} places imported with {mentions} mentions ({} places in all)",
                out.display(),
                brief.place_count()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}

/// The app with the startup probe riding along.
struct ProbedApp {
    app: GeobriefApp,
    probe: StartupProbe,
}

impl eframe::App for ProbedApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.probe.before_ui();
        self.app.ui(ui);
        crate::app::open_asked_links(ui.ctx());
        self.probe.on_frame(ui.ctx());
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.app.remove_own_recovery_copy();
    }
}

fn run_app(cli: &Cli, probe: StartupProbe) -> ExitCode {
    // Decode and project the basemap while the window and GL context are
    // being created, instead of inside the first frame.
    std::thread::spawn(|| {
        let _ = crate::map::world_basemap::WorldBasemap::embedded();
    });
    // A screenshot shows the app as it opens, without the reader's files.
    let paths = if cli.screenshot.is_some() {
        crate::paths::Paths::none()
    } else {
        crate::paths::Paths::from_env()
    };
    // The window opens at once; a file given is read and its places found
    // on a worker, with a spinner, and a file that does not open leaves the
    // default brief open with the problem shown (as File > Open does).
    let mut app = GeobriefApp::with_paths(Brief::default_brief(), None, paths);
    // A paste in the window reads the HTML a browser put beside it.
    app.clipboard_html = crate::app::ClipboardHtml::System;
    if let Some(path) = &cli.file {
        let address = path.to_string_lossy();
        let action = if crate::fetch::is_web_address(&address) {
            // Named on the command line: the reader's explicit act.
            crate::action::FileAction::OpenLink(address.trim().to_string())
        } else {
            crate::action::FileAction::Open(path.clone())
        };
        app.apply(crate::Action::File(action));
    }
    // A newspaper map reads best light by default; the View menu switches.
    let theme = match cli.theme {
        ThemeArg::Light => egui::Theme::Light,
        ThemeArg::Dark => egui::Theme::Dark,
    };
    // The theme and the reading style before the first frame, so that frame
    // is laid out as every later one.
    let light = |cc: &eframe::CreationContext<'_>| {
        cc.egui_ctx.set_theme(theme);
        crate::ui::theme::apply_reading_style(&cc.egui_ctx);
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Geobrief")
            .with_inner_size(cli.size)
            .with_min_inner_size([640.0, 420.0]),
        ..Default::default()
    };
    let result = match &cli.screenshot {
        Some(out) => {
            let (shot, outcome) =
                crate::screenshot::ScreenshotApp::new(app, out.clone(), cli.select.clone());
            let shot = shot.with_view(cli.view);
            let run = eframe::run_native(
                "Geobrief",
                options,
                Box::new(|cc| {
                    light(cc);
                    Ok(Box::new(shot))
                }),
            );
            let outcome = outcome.lock().ok().and_then(|mut o| o.take());
            match (run, outcome) {
                (Err(e), _) => Err(e.to_string()),
                (Ok(()), Some(Err(e))) => Err(e),
                (Ok(()), None) => Err("the window closed before the screenshot was taken".into()),
                (Ok(()), Some(Ok(()))) => Ok(()),
            }
        }
        None if cli.startup_probe => {
            let probed = ProbedApp { app, probe };
            eframe::run_native(
                "Geobrief",
                options,
                Box::new(|cc| {
                    light(cc);
                    Ok(Box::new(probed))
                }),
            )
            .map_err(|e| e.to_string())
        }
        None => {
            if let Some(id) = &cli.select
                && cli.file.is_none()
                && !app.select_by_id(id)
            {
                eprintln!("geobrief: no place has the id {id:?}");
                return ExitCode::from(2);
            }
            eframe::run_native(
                "Geobrief",
                options,
                Box::new(|cc| {
                    light(cc);
                    Ok(Box::new(app))
                }),
            )
            .map_err(|e| e.to_string())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("geobrief: {e}");
            ExitCode::from(1)
        }
    }
}
