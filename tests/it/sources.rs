//! Articles as they come (#17): a PDF report, DOCX and ODT documents, an
//! e-mail, a mailbox, an e-book and feeds, from the small samples that
//! tools/sources/make_samples.py writes into tests/sources/.

use std::path::PathBuf;

use crate::common::{harness, settle};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use geobrief::brief::Brief;
use geobrief::open::open_path;
use geobrief::personal::PersonalGazetteer;

fn sample(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/sources")
        .join(name)
}

fn open_sample(name: &str) -> Brief {
    open_path(&sample(name), &PersonalGazetteer::default()).unwrap()
}

fn has_place(brief: &Brief, name: &str) -> bool {
    brief.places().any(|p| p.name == name)
}

fn titles(brief: &Brief) -> Vec<String> {
    brief
        .articles()
        .iter()
        .map(|a| a.info.title.clone())
        .collect()
}

#[test]
fn a_two_column_report_opens_with_the_page_of_every_paragraph() {
    let brief = open_sample("report-two-columns.pdf");
    let article = brief.first_article();
    assert_eq!(article.info.title, "The Coast After the Withdrawal");
    let pages = article.info.pages.as_ref().expect("a page a paragraph");
    assert_eq!(pages.len(), brief.paragraphs().len());
    let geneva = brief
        .paragraphs()
        .iter()
        .position(|p| p.starts_with("Further talks are expected in Geneva"))
        .unwrap();
    assert_eq!(article.page_of(geneva), Some(3));
    assert!(
        brief
            .paragraphs()
            .iter()
            .any(|p| p.contains("Residents of Jableh described")),
        "{:#?}",
        brief.paragraphs()
    );
    for place in ["Tartus", "Latakia", "Aleppo", "Homs"] {
        assert!(has_place(&brief, place), "{place}");
    }
}

#[test]
fn a_pdf_in_an_embedded_font_reads_its_accents_quotes_and_dashes() {
    let brief = open_sample("report-unicode.pdf");
    assert_eq!(
        brief.paragraphs(),
        [
            "Al-Ḥasakah’s councils – and those of Qāmishlī – asked for observers.",
            "In Dayr az-Zawr, “nothing moved”, a resident said of the bridge."
        ]
    );
}

#[test]
fn a_scanned_pdf_and_an_encrypted_one_are_refused_with_the_issue_s_words() {
    let errors = open_path(&sample("scanned.pdf"), &PersonalGazetteer::default()).unwrap_err();
    assert_eq!(
        errors,
        [format!(
            "{}: This PDF holds images of pages and no text: Geobrief cannot read it",
            sample("scanned.pdf").display()
        )]
    );
    let errors = open_path(&sample("encrypted.pdf"), &PersonalGazetteer::default()).unwrap_err();
    assert!(errors[0].ends_with("This PDF is encrypted with a password: Geobrief cannot read it"));
}

#[test]
fn a_docx_and_an_odt_open_titled_from_their_properties() {
    let docx = open_sample("convoys.docx");
    assert_eq!(docx.title(), "Convoys leave Hmeimim");
    assert_eq!(
        docx.first_article().info.byline.as_deref(),
        Some("By A. Analyst")
    );
    assert!(
        docx.paragraphs().iter().any(|p| p == "Talks"),
        "headings are kept"
    );
    assert!(has_place(&docx, "Latakia") && has_place(&docx, "Jableh"));
    let odt = open_sample("aid.odt");
    assert_eq!(odt.title(), "Aid reaches Homs");
    assert!(odt.paragraphs()[0].starts_with(
        "Fuel and medicine reached Homs on Monday through the crossing at Bab al-Hawa, aid"
    ));
    assert!(has_place(&odt, "Homs") && has_place(&odt, "Aleppo"));
}

#[test]
fn an_epub_becomes_a_story_of_its_chapters_in_spine_order() {
    let book = open_sample("bases.epub");
    assert_eq!(book.title(), "Bases on the Coast");
    assert_eq!(titles(&book), ["The Port", "The Air Base", "The Talks"]);
    assert!(has_place(&book, "Tartus") && has_place(&book, "Palmyra"));
}

#[test]
fn a_mailbox_becomes_a_story_of_its_messages_without_their_quoted_replies() {
    let mailbox = open_sample("briefings.mbox");
    assert_eq!(
        titles(&mailbox),
        ["Convoys near Jableh", "Aid reaches Homs", "Talks in Geneva"]
    );
    let first = &mailbox.articles()[0].info;
    assert_eq!(first.date.as_deref(), Some("2025-02-11T07:00:00Z"));
    assert_eq!(first.outlet.as_deref(), Some("Briefing"));
    let text = mailbox.paragraphs().join("\n");
    assert!(!text.contains("and Idlib?"), "a quoted reply is left out");
    assert!(!text.contains(">From"), "mboxrd quoting is undone: {text}");
    let message = open_sample("ships.eml");
    assert_eq!(message.title(), "Ships leave Tartus");
    assert_eq!(message.first_article().info.outlet.as_deref(), Some("Desk"));
    assert!(
        !message
            .paragraphs()
            .join(" ")
            .contains("Is the port of Beirut open")
    );
    assert!(has_place(&message, "Latakia"));
}

#[test]
fn feeds_become_stories_and_a_summary_only_item_says_so() {
    for (file, title_of_first) in [
        ("dispatches.rss", "Ships leave Tartus"),
        ("dispatches.atom", "Talks in Geneva"),
        ("dispatches.json", "Rebuilding Aleppo"),
    ] {
        let feed = open_sample(file);
        assert_eq!(feed.title(), "Coast Dispatches", "{file}");
        let articles = feed.articles();
        assert_eq!(articles.len(), 2, "{file}");
        assert_eq!(articles[0].info.title, title_of_first, "{file}");
        assert!(!articles[0].info.summary_only, "{file}");
        assert!(
            articles[1].info.summary_only,
            "{file}: the second item has a summary only"
        );
        assert!(
            articles[1]
                .info
                .url
                .as_deref()
                .is_some_and(|u| u.starts_with("https://coast.example/"))
        );
        assert!(articles[0].info.date.is_some(), "{file}");
    }
}

#[test]
fn collect_reads_a_folder_of_every_format_and_names_what_it_cannot_read() {
    let settings = geobrief::collect::Settings {
        jobs: 2,
        ..Default::default()
    };
    let (story, problems) = geobrief::collect::collect(
        &[geobrief::collect::Input::Path(sample(""))],
        None,
        &settings,
    );
    let story = story.expect("a story of the readable files");
    // 2 reports + 1 DOCX + 1 ODT + 1 e-mail + 3 chapters + 3 messages + 6 items.
    assert_eq!(story.article_count(), 17, "{:?}", titles(&story));
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems
            .iter()
            .any(|p| p.contains("scanned.pdf") && p.contains("images of pages"))
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("encrypted.pdf") && p.contains("encrypted"))
    );
}

#[test]
fn a_pdf_s_passages_on_the_place_card_say_their_page() {
    let mut harness = harness();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open a path…").click();
    harness.run();
    harness.get_by_role(Role::TextInput).focus();
    harness.run();
    harness
        .get_by_role(Role::TextInput)
        .type_text(&sample("report-two-columns.pdf").display().to_string());
    harness.run();
    harness.get_by_label("OK").click();
    settle(&mut harness);
    let geneva = harness
        .state()
        .brief()
        .places()
        .find(|p| p.name == "Geneva")
        .map(|p| p.id.clone())
        .expect("Geneva is found");
    assert!(harness.state_mut().select_by_id(&geneva));
    harness.run();
    harness.get_by_label_contains("p. 3, ¶");
}

#[test]
fn opening_a_mailbox_makes_a_story_with_a_title_and_every_message() {
    let mut app = geobrief::GeobriefApp::default();
    app.apply(geobrief::Action::File(geobrief::action::FileAction::Open(
        sample("briefings.mbox"),
    )));
    let mut harness = crate::common::harness_for(app);
    settle(&mut harness);
    assert_eq!(harness.state().brief().article_count(), 3);
    assert_eq!(harness.state().brief().title(), "briefings");
    harness.get_by_label("Article 1 of 3");
}

#[test]
fn a_pdf_s_pages_and_a_feed_s_summary_mark_survive_a_save_and_a_load() {
    for (file, check) in [
        ("report-two-columns.pdf", "\"pages\""),
        ("dispatches.rss", "\"summary_only\": true"),
    ] {
        let brief = open_sample(file);
        let json = brief.to_json();
        assert!(json.contains(check), "{file}");
        let again = geobrief::brief::parse_brief(json.as_bytes()).unwrap();
        assert_eq!(again.to_json(), json, "{file}");
        let pages = |b: &Brief| {
            b.articles()
                .iter()
                .map(|a| (a.info.pages.clone(), a.info.summary_only))
                .collect::<Vec<_>>()
        };
        assert_eq!(pages(&again), pages(&brief), "{file}");
    }
}

#[test]
fn text_pasted_from_a_browser_keeps_its_paragraphs_and_its_address() {
    let mut app = geobrief::GeobriefApp::default();
    app.clipboard_html = geobrief::app::ClipboardHtml::Given(
        "Version:0.9\r\nSourceURL:https://www.example.com/news/ships\r\n<html><body><!--StartFragment-->\
         <h1>Ships leave Tartus</h1><p>Two frigates left <b>Tartus</b> on Sunday for the \
         Mediterranean.</p><p>The port of Latakia stayed closed.</p><!--EndFragment--></body></html>"
            .into(),
    );
    let mut harness = crate::common::harness_for(app);
    // What the browser's plain text gives: the paragraphs run together.
    harness.event(egui::Event::Paste(
        "Ships leave Tartus Two frigates left Tartus on Sunday for the Mediterranean. The port of Latakia stayed closed."
            .into(),
    ));
    settle(&mut harness);
    let brief = harness.state().brief();
    assert_eq!(brief.title(), "Ships leave Tartus");
    assert_eq!(
        brief.paragraphs(),
        [
            "Two frigates left Tartus on Sunday for the Mediterranean.",
            "The port of Latakia stayed closed."
        ]
    );
    assert_eq!(
        brief.first_article().info.url.as_deref(),
        Some("https://www.example.com/news/ships")
    );
    assert!(has_place(brief, "Latakia"));
}
