#![allow(clippy::unwrap_used)] // tests may panic: that is how they fail
//! Stories of many articles, driven through the window: adding articles,
//! one place across them, the article list.

use std::time::Duration;

use crate::common::{App, harness, remove_every_place, settle, temp_dir};
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};

const ARTICLES: [(&str, &str); 3] = [
    (
        "1-convoy.txt",
        "Convoy leaves Qamishli\n\nQAMISHLI, Syria, Feb. 10, 2025 — A Russian convoy left Qamishli for the coast of Syria on Monday.",
    ),
    (
        "2-ships.txt",
        "Ships leave Tartus\n\nRussian ships left the port of Tartus in Syria, officials in Damascus said.",
    ),
    (
        "3-talks.txt",
        "Talks resume\n\nMOSCOW, March 3, 2025 — Talks between Moscow and Damascus on the future of the bases in Syria resumed on Friday.",
    ),
];

/// Adds a folder of three articles through File ▸ Story ▸ Add a folder.
fn add_three_articles(harness: &mut App, folder: &str) -> std::path::PathBuf {
    let dir = temp_dir(folder);
    for (name, text) in ARTICLES {
        std::fs::write(dir.join(name), text).unwrap();
    }
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Story of many articles").click();
    harness.run();
    harness.get_by_label("Add a folder of articles…").click();
    // No desktop file dialog here: Geobrief asks for a path instead.
    for _ in 0..200 {
        settle(harness);
        if harness
            .query_by_label_contains("Add articles: a file, a folder")
            .is_some()
        {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    harness.get_by_role(Role::TextInput).focus();
    harness.run();
    harness
        .get_by_role(Role::TextInput)
        .type_text(&dir.display().to_string());
    harness.run();
    harness.get_by_label("OK").click();
    settle(harness);
    dir
}

#[test]
fn a_user_adds_three_articles_and_steps_through_syria_s_passages_into_the_third() {
    let mut harness = harness();
    let dir = add_three_articles(&mut harness, "story-steps");
    let app = harness.state();
    assert_eq!(app.brief().article_count(), 4, "the seed and three more");
    assert!(app.doc.is_dirty());
    let syrias = app.brief().places().filter(|p| p.name == "Syria").count();
    assert_eq!(syrias, 1, "one Syria across the articles");
    let third = app.brief().articles()[3].id.clone();
    harness.get_by_label("Article 2 of 4");
    harness.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowRight);
    harness.run();
    harness.get_by_label("Article 3 of 4");
    harness.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowLeft);
    harness.run();
    harness.get_by_label("Article 2 of 4");
    // Syria from the place list, then its passages one by one.
    harness.get_by_role_and_label(Role::Button, "Syria").click();
    harness.run();
    harness.get_by_label_contains("passages in 4 articles");
    let mut landed = false;
    for _ in 0..20 {
        harness.key_press(egui::Key::ArrowRight);
        harness.run();
        if harness.state().selection.article.as_ref() == Some(&third) {
            landed = true;
            break;
        }
    }
    assert!(
        landed,
        "Right walked Syria's passages into the third new article"
    );
    harness.get_by_label("Article 4 of 4");
    assert!(harness.query_all_by_label_contains("Talks resume").count() > 0);
    // The article's own paragraph shows, not the seed's.
    assert!(
        harness
            .query_by_label_contains("Russian President Vladimir Putin on Wednesday")
            .is_none()
    );
    // One undo step takes the three articles away.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut harness);
    assert_eq!(harness.state().brief().article_count(), 1);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_article_list_sorts_by_date_and_a_click_shows_the_article() {
    let mut harness = harness();
    let dir = add_three_articles(&mut harness, "story-list");
    harness.get_by_label("All articles…").click();
    harness.run();
    harness.get_by_label("date").click();
    harness.run();
    // Oldest first, the undated (the ships) last.
    let rows: Vec<String> = harness
        .query_all_by_role(Role::Button)
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| {
            ["Convoy", "Ships", "Talks", "Syria’s"]
                .iter()
                .any(|t| l.starts_with(t))
        })
        .collect();
    let at = |title: &str| rows.iter().position(|r| r.starts_with(title)).unwrap();
    assert_eq!(at("Convoy"), 0, "{rows:?}");
    assert!(at("Convoy") < at("Talks"), "{rows:?}");
    assert_eq!(at("Talks"), 1, "{rows:?}");
    assert_eq!(
        at("Ships"),
        rows.len() - 1,
        "undated last, in story order: {rows:?}"
    );
    harness.get_by_label("Talks resume").click();
    harness.run();
    let app = harness.state();
    assert_eq!(
        app.selection.article(app.brief()).info.title,
        "Talks resume"
    );
    assert!(
        !app.views.articles.open,
        "the list gives way to the article"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn narrowing_the_timeline_takes_a_place_off_the_map_and_the_list_and_all_dates_bring_it_back() {
    let mut harness = harness();
    let dir = add_three_articles(&mut harness, "story-timeline");
    // Qamishli is named only in the convoy's article, of 10 February.
    let on_map = |h: &App| {
        h.query_by_role_and_label(Role::Button, "Al Qamishli on the map")
            .is_some()
    };
    let in_list = |h: &App| {
        h.query_by_role_and_label(Role::Button, "Al Qamishli")
            .is_some()
    };
    harness.run();
    assert!(
        in_list(&harness),
        "Qamishli is listed while the whole story shows"
    );
    assert!(harness.query_by_label_contains("of 4 articles").is_some());
    // A range after the convoy: March only.
    harness
        .state_mut()
        .apply(geobrief::Action::SetTimeRange(Some((
            geobrief::timeline::day_of("2025-03-01").unwrap(),
            geobrief::timeline::day_of("2025-03-31").unwrap(),
        ))));
    harness.run();
    assert!(!in_list(&harness), "the convoy's Qamishli leaves the list");
    assert!(!on_map(&harness), "and the map");
    harness.get_by_label("1 of 4 articles · 2 undated");
    harness.get_by_label("All dates").click();
    harness.run();
    assert!(in_list(&harness));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_drag_across_the_timeline_sets_a_range_and_all_dates_clears_it() {
    let mut harness = harness();
    let dir = add_three_articles(&mut harness, "story-drag");
    let strip = harness.get_by_label_contains("Timeline:").rect();
    let from = strip.left_center() + egui::vec2(strip.width() * 0.6, 0.0);
    let to = strip.right_center() - egui::vec2(2.0, 0.0);
    harness.hover_at(from);
    harness.run();
    harness.drag_at(from);
    harness.step();
    harness.hover_at(to);
    harness.step();
    harness.drop_at(to);
    harness.run();
    let range = harness.state().time.range.clone().expect("a range was set");
    assert!(*range.start() > geobrief::timeline::day_of("2025-02-10").unwrap());
    assert!(
        !harness
            .state()
            .time
            .filter
            .as_ref()
            .unwrap()
            .shows_article(1),
        "the convoy of 10 February is before the range"
    );
    harness.get_by_label("All dates").click();
    harness.run();
    assert!(
        harness.state().time.range.is_none(),
        "All dates shows every date"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn ctrl_f_finds_words_in_every_article_and_enter_steps_through_them() {
    let mut harness = harness();
    let dir = add_three_articles(&mut harness, "story-find");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Find:")
        .type_text("tartus");
    harness.run();
    harness.get_by_label_contains("in 2 articles");
    let mut articles = Vec::new();
    for _ in 0..10 {
        harness.key_press(egui::Key::Enter);
        harness.run();
        let app = harness.state();
        let words = app.selection.text.as_ref().expect("a hit is selected");
        assert_eq!(words.text(app.brief()).to_lowercase(), "tartus");
        articles.push(app.selection.article(app.brief()).info.title.clone());
        if articles.last().is_some_and(|t| t == "Ships leave Tartus") {
            break;
        }
    }
    assert!(
        articles[0].starts_with("Syria’s interim president"),
        "{articles:?}"
    );
    assert_eq!(
        articles.last().map(String::as_str),
        Some("Ships leave Tartus"),
        "Enter went on into the next article that has the word: {articles:?}"
    );
    let at = articles.len();
    harness.get_by_label_contains(&format!("{at} of "));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn comparing_two_articles_marks_what_is_only_in_each_and_leaves_the_rest_off_the_map() {
    let mut harness = harness();
    let dir = add_three_articles(&mut harness, "story-compare");
    // Read the convoy's article, then compare it with the ships'.
    let convoy = harness.state().brief().articles()[1].id.clone();
    harness
        .state_mut()
        .apply(geobrief::Action::ShowArticle(convoy));
    harness.run();
    harness.get_by_label("Compare…").click();
    harness.run();
    harness.get_by_label_contains("Ships leave Tartus").click();
    harness.run();
    let app = harness.state();
    let compare = app.time.compare.clone().expect("two articles compared");
    let brief = app.brief();
    let standing = |name: &str| {
        let pos = brief.places().position(|p| p.name == name).unwrap();
        compare.place(pos)
    };
    use geobrief::timeline::Compared;
    assert_eq!(standing("Al Qamishli"), Some(Compared::OnlyA));
    assert_eq!(standing("Damascus"), Some(Compared::OnlyB));
    assert_eq!(standing("Syria"), Some(Compared::Both));
    assert_eq!(standing("Moscow"), None, "the seed's Moscow is in neither");
    harness.get_by_label_contains("Legend: only Convoy leaves Qamishli");
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Moscow on the map")
            .is_none(),
        "a place of neither side leaves the map"
    );
    harness.get_by_label("Stop comparing").click();
    harness.run();
    assert!(harness.state().time.compare.is_none());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_reader_dates_an_undated_article_and_the_timeline_counts_it() {
    let mut harness = harness();
    let dir = add_three_articles(&mut harness, "story-date");
    let ships = harness.state().brief().articles()[2].id.clone();
    harness
        .state_mut()
        .apply(geobrief::Action::ShowArticle(ships.clone()));
    harness.run();
    harness.get_by_label("4 of 4 articles · 2 undated");
    let field = harness.get_by_role_and_label(Role::TextInput, "Date");
    field.focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Date")
        .type_text("April 2, 2025");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    let app = harness.state();
    assert_eq!(
        app.brief().article(&ships).unwrap().info.date.as_deref(),
        Some("2025-04-02"),
        "a date written the usual way is kept as ISO 8601"
    );
    harness.get_by_label("4 of 4 articles · 1 undated");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(
        harness.state().brief().article(&ships).unwrap().info.date,
        None
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Every mention as (article id, place name, words), in text order.
fn mentions_by_article(brief: &geobrief::brief::Brief) -> Vec<(String, String, String)> {
    brief
        .mentions()
        .map(|m| {
            let article = brief
                .article_of_paragraph(m.paragraph)
                .unwrap()
                .id
                .to_string();
            let name = brief.place(&m.place).unwrap().name.clone();
            let words = brief.paragraphs()[m.paragraph][m.bytes.clone()].to_string();
            (article, name, format!("{}@{}", words, m.bytes.start))
        })
        .collect()
}

#[test]
fn a_story_exported_and_imported_into_its_bare_articles_links_each_passage_in_its_own_article() {
    use geobrief::action::{Action, FileAction};
    use geobrief::export::ExportRequest;
    let mut harness = harness();
    let dir = add_three_articles(&mut harness, "story-import");
    let story = harness.state().brief().clone();
    // Damascus, Moscow and Syria are named in several articles, at other
    // places in each: a mention must land in its own article.
    let before = mentions_by_article(&story);
    assert!(
        story
            .articles_naming(&place_named(&story, "Damascus"))
            .len()
            >= 3
    );
    let base = dir.join("story");
    let request = ExportRequest {
        geojson: Some(base.with_extension("geojson")),
        annotations: Some(base.with_extension("jsonld")),
        ..Default::default()
    };
    harness
        .state_mut()
        .apply(Action::File(FileAction::Export(request)));
    settle(&mut harness);
    for path in [
        base.with_extension("jsonld"),
        base.with_extension("geojson"),
    ] {
        remove_every_place(&mut harness);
        harness
            .state_mut()
            .apply(Action::File(FileAction::ImportPlaces(path.clone())));
        settle(&mut harness);
        let brief = harness.state().brief();
        assert_eq!(
            brief.place_count(),
            story.place_count(),
            "{}",
            path.display()
        );
        assert_eq!(mentions_by_article(brief), before, "{}", path.display());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn place_named(brief: &geobrief::brief::Brief, name: &str) -> String {
    brief
        .places()
        .find(|p| p.name == name)
        .unwrap()
        .id
        .to_string()
}

#[test]
fn an_edit_made_while_articles_are_read_is_kept_and_the_articles_are_added_after_it() {
    let mut harness = harness();
    let dir = temp_dir("story-edit-meanwhile");
    for (name, text) in ARTICLES {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let before = harness.state().doc.brief().article_count();
    harness.state_mut().apply(geobrief::Action::File(
        geobrief::action::FileAction::AddArticles {
            inputs: vec![geobrief::collect::Input::Path(dir)],
            new_story: false,
        },
    ));
    // The worker merges the articles with a copy of the brief as it was;
    // the reader removes a place before its result is taken.
    harness.state_mut().apply(geobrief::Action::Edit(
        geobrief::editing::EditAction::RemovePlace("hmeimim".into()),
    ));
    settle(&mut harness);
    let brief = harness.state().doc.brief();
    assert_eq!(brief.article_count(), before + 3);
    assert!(
        brief.place("hmeimim").is_none(),
        "the edit made meanwhile was lost"
    );
    assert!(brief.places().any(|p| p.name.contains("Qamishli")));
    // One undo takes the articles away and leaves the edit.
    harness.state_mut().apply(geobrief::Action::Undo);
    harness.run();
    let brief = harness.state().doc.brief();
    assert_eq!(brief.article_count(), before);
    assert!(brief.place("hmeimim").is_none());
}
