//! What the window's thread pays to hand a brief to a worker (a save, a
//! recovery copy, an export, articles merged in): the copy it used to take,
//! the file form a save used to make in the frame, and the shared handle it
//! takes now.
//!
//!     cargo run --release --example brief_handover -- STORY.json [ROUNDS]

use std::time::Instant;

use geobrief::brief::Document;

fn main() -> std::process::ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: brief_handover BRIEF.json [ROUNDS]");
        return std::process::ExitCode::from(2);
    };
    let rounds: u32 = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let brief = match geobrief::brief::parse_brief_file(std::path::Path::new(&path)) {
        Ok(brief) => brief,
        Err(e) => {
            eprintln!("{e}");
            return std::process::ExitCode::from(1);
        }
    };
    println!(
        "{path}: {} articles, {} paragraphs, {} places",
        brief.article_count(),
        brief.paragraphs().len(),
        brief.place_count()
    );
    let doc = Document::new(brief, true);
    let time = |what: &str, f: &dyn Fn() -> usize| {
        let mut best = f64::MAX;
        for _ in 0..rounds {
            let start = Instant::now();
            std::hint::black_box(f());
            best = best.min(start.elapsed().as_secs_f64() * 1e3);
        }
        println!("{what:<40} best of {rounds}: {best:>9.3} ms");
    };
    time("copy of the brief (before)", &|| {
        doc.brief().clone().place_count()
    });
    time("its file form, to_doc (a save, before)", &|| {
        doc.brief().to_doc().places.len()
    });
    time("shared handle (now)", &|| doc.shared().place_count());
    std::process::ExitCode::SUCCESS
}
