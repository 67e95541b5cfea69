//! The exported web page in a real browser (#18): Debian's Chromium driven
//! over WebDriver (`common/webdriver.rs`), the page opened from `file://`
//! with no host name resolving. It makes no request, a click on the Tartus
//! marker shows "1 of 4", a click on "Moscow" in the text selects Moscow,
//! Tab reaches the markers, and text from a brief never runs as code.
//! Skipped, with a message, where no browser is installed.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::json;

use crate::common::webdriver::{Browser, TAB, browser_missing};

fn temp_dir(name: &str) -> PathBuf {
    crate::common::temp_dir(&format!("web-{name}"))
}

/// The page of a brief file, written by `geobrief export --html`.
fn export_page(brief: &Path, out: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_geobrief"))
        .arg("export")
        .arg(brief)
        .arg("--html")
        .arg(out)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
}

fn default_page(dir: &Path) -> PathBuf {
    let brief = dir.join("brief.json");
    std::fs::write(&brief, geobrief::brief::DEFAULT_BRIEF_JSON).unwrap();
    let page = dir.join("brief.html");
    export_page(&brief, &page);
    page
}

fn url(page: &Path) -> String {
    format!("file://{}", page.display())
}

/// A browser, or `None` after saying on the terminal why the test is skipped.
fn browser(test: &str) -> Option<Browser> {
    if let Some(why) = browser_missing() {
        use std::io::Write;
        let _ = writeln!(std::io::stderr(), "{test}: SKIPPED, {why}");
        return None;
    }
    Some(Browser::start(1280, 800, false))
}

#[test]
fn the_page_makes_no_request_and_a_click_on_the_tartus_marker_shows_1_of_4() {
    let Some(mut browser) =
        browser("the_page_makes_no_request_and_a_click_on_the_tartus_marker_shows_1_of_4")
    else {
        return;
    };
    let dir = temp_dir("tartus");
    let page = default_page(&dir);
    browser.open(&url(&page));
    // Only the page itself was loaded: no script, style, font or tile.
    let requests = browser.run(
        "return performance.getEntriesByType('resource').map(e => e.name);",
        vec![],
    );
    assert_eq!(requests, json!([]), "the page fetched something");
    let errors: Vec<_> = browser
        .console()
        .into_iter()
        .filter(|m| m["level"] == "SEVERE")
        .collect();
    assert!(errors.is_empty(), "console errors: {errors:?}");
    let marker = browser.find(r#"[aria-label="Tartus naval facility on the map"]"#);
    browser.click(&marker);
    let counter = browser.find("#counter");
    assert_eq!(browser.text(&counter), "1 of 4");
    let title = browser.find("#card-title");
    assert_eq!(browser.text(&title), "Tartus naval facility");
    // Its passages are lit, the first one current and scrolled into view.
    assert_eq!(
        browser.run(
            "return document.querySelectorAll('.mention.selected').length;",
            vec![]
        ),
        json!(4)
    );
    assert!(browser.wait_for(
        "const m = document.querySelector('.mention.current'); const r = m.getBoundingClientRect(); \
         return r.top >= 0 && r.bottom <= innerHeight;"
    ));
    let next = browser.find("#next");
    browser.click(&next);
    assert_eq!(browser.text(&counter), "2 of 4");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn clicking_moscow_in_the_text_selects_moscow_and_the_map_shows_it() {
    let Some(mut browser) =
        browser("clicking_moscow_in_the_text_selects_moscow_and_the_map_shows_it")
    else {
        return;
    };
    let dir = temp_dir("moscow");
    let page = default_page(&dir);
    browser.open(&url(&page));
    let moscow = browser
        .find_by_xpath("//span[contains(@class, 'mention') and normalize-space() = 'Moscow']");
    browser.click(&moscow);
    assert_eq!(
        browser.run("return window.geobrief.state().selected;", vec![]),
        json!("moscow")
    );
    let title = browser.find("#card-title");
    assert_eq!(browser.text(&title), "Moscow");
    assert_eq!(
        browser.run(
            "return document.querySelector('[aria-label=\"Moscow on the map\"]').getAttribute('aria-pressed');",
            vec![]
        ),
        json!("true")
    );
    // The map has flown to Moscow: its marker is in the map's middle.
    assert!(browser.wait_for(
        "const m = document.querySelector('[aria-label=\"Moscow on the map\"]').getBoundingClientRect(); \
         const map = document.getElementById('map').getBoundingClientRect(); \
         const dx = (m.left + m.right) / 2 - (map.left + map.right) / 2; \
         const dy = (m.top + m.bottom) / 2 - (map.top + map.bottom) / 2; \
         return Math.abs(dx) < 5 && Math.abs(dy) < 5;"
    ));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn tab_reaches_the_markers_of_the_map() {
    let Some(mut browser) = browser("tab_reaches_the_markers_of_the_map") else {
        return;
    };
    let dir = temp_dir("tab");
    let page = default_page(&dir);
    browser.open(&url(&page));
    let focused =
        "const e = document.activeElement; return e ? e.getAttribute('aria-label') : null;";
    let mut reached = None;
    for presses in 1..=200 {
        browser.press(TAB);
        if let Some(label) = browser.run(focused, vec![]).as_str()
            && label.ends_with(" on the map")
        {
            reached = Some((presses, label.to_string()));
            break;
        }
    }
    let (presses, label) = reached.expect("Tab never reached a marker");
    assert!(label.ends_with(" on the map"), "{label}");
    // Enter on a focused marker selects its place.
    browser.press("\u{E007}");
    let title = browser.find("#card-title");
    assert_eq!(
        format!("{} on the map", browser.text(&title)),
        label,
        "after {presses} presses"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_place_named_script_shows_as_text_and_no_text_of_the_brief_runs() {
    let Some(mut browser) =
        browser("a_place_named_script_shows_as_text_and_no_text_of_the_brief_runs")
    else {
        return;
    };
    let dir = temp_dir("script");
    let brief = dir.join("hostile.json");
    let hostile = json!({
        "format": "geobrief/1",
        "article": {
            "title": "</title><script>window.pwned = 'title'</script>",
            "paragraphs": ["Ships in <script>window.pwned = 'text'</script> and <img src=x onerror=\"window.pwned='img'\"> today."]
        },
        "places": [{
            "id": "s", "name": "<script>window.pwned = 'name'</script>", "kind": "city",
            "note": "</script><script>window.pwned = 'note'</script>",
            "geometry": {"type": "Point", "coordinates": [35.87, 34.91]}
        }],
        "links": [{"place": "s", "target": {"paragraph": 0, "selector": [
            {"type": "TextQuoteSelector", "exact": "<script>window.pwned = 'text'</script>"}]}}]
    });
    std::fs::write(&brief, hostile.to_string()).unwrap();
    let page = dir.join("hostile.html");
    export_page(&brief, &page);
    browser.open(&url(&page));
    assert_eq!(
        browser.run("return window.pwned === undefined;", vec![]),
        json!(true)
    );
    assert_eq!(
        browser.run("return document.title;", vec![]),
        json!("</title><script>window.pwned = 'title'</script>")
    );
    let row = browser.find(".place-row .name");
    assert_eq!(browser.text(&row), "<script>window.pwned = 'name'</script>");
    browser.click(&row);
    let note = browser.find("#card-note");
    assert_eq!(
        browser.text(&note),
        "</script><script>window.pwned = 'note'</script>"
    );
    assert_eq!(
        browser.run(
            "return document.querySelectorAll('img, script:not([type])').length;",
            vec![]
        ),
        json!(1),
        "only the page's own script"
    );
    assert_eq!(
        browser.run("return window.pwned === undefined;", vec![]),
        json!(true)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn file_export_web_page_writes_the_page_on_a_worker_beside_the_brief() {
    use egui::accesskit::Role;
    use egui_kittest::kittest::{NodeT, Queryable};
    let dir = temp_dir("menu");
    let brief = dir.join("story.json");
    std::fs::write(&brief, geobrief::brief::DEFAULT_BRIEF_JSON).unwrap();
    let mut harness = crate::common::harness();
    harness
        .state_mut()
        .apply(geobrief::Action::File(geobrief::action::FileAction::Open(
            brief.clone(),
        )));
    crate::common::settle(&mut harness);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export").hover();
    harness.run();
    harness.get_by_label("Web page…").click();
    harness.run();
    // The dialog has the web page alone chosen, named after the brief.
    let web =
        harness.get_by_label("A web page (.html) — one file anyone can open, no network needed");
    assert_eq!(
        web.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True)
    );
    let geojson = harness.get_by_label("Places as GeoJSON (.geojson) — QGIS, web maps");
    assert_eq!(
        geojson.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::False)
    );
    harness
        .get_by_role_and_label(Role::Button, "Export")
        .click();
    crate::common::settle(&mut harness);
    let page = std::fs::read_to_string(dir.join("story.html")).expect("the page was written");
    assert!(page.contains("<script type=\"application/json\" id=\"brief-data\">"));
    assert!(!dir.join("story.geojson").exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A story of three dated articles: Tartus in all, Moscow in the first only.
const STORY: &str = r#"{"format": "geobrief/2", "title": "Ships and talks",
  "articles": [
    {"id": "a1", "title": "Talks in Moscow", "date": "2025-01-05", "outlet": "Desk", "paragraphs": ["Ships left Tartus for Moscow talks."]},
    {"id": "a2", "title": "Ships wait", "date": "2025-02-01", "paragraphs": ["Ships waited off Tartus."]},
    {"id": "a3", "title": "Ships return", "date": "2025-03-01", "paragraphs": ["Tartus again."]}],
  "places": [
    {"id": "tartus", "name": "Tartus", "kind": "naval_base", "geometry": {"type": "Point", "coordinates": [35.8725, 34.9125]}},
    {"id": "moscow", "name": "Moscow", "kind": "capital", "geometry": {"type": "Point", "coordinates": [37.6176, 55.7558]}}],
  "links": [
    {"place": "tartus", "target": {"article": "a1", "paragraph": 0, "selector": [{"type": "TextQuoteSelector", "exact": "Tartus"}]}},
    {"place": "moscow", "target": {"article": "a1", "paragraph": 0, "selector": [{"type": "TextQuoteSelector", "exact": "Moscow"}]}},
    {"place": "tartus", "target": {"article": "a2", "paragraph": 0, "selector": [{"type": "TextQuoteSelector", "exact": "Tartus"}]}},
    {"place": "tartus", "target": {"article": "a3", "paragraph": 0, "selector": [{"type": "TextQuoteSelector", "exact": "Tartus"}]}}]}"#;

#[test]
fn a_story_s_page_lists_its_articles_and_its_time_range_filters_articles_and_places() {
    let Some(mut browser) =
        browser("a_story_s_page_lists_its_articles_and_its_time_range_filters_articles_and_places")
    else {
        return;
    };
    let dir = temp_dir("story");
    let brief = dir.join("story.json");
    std::fs::write(&brief, STORY).unwrap();
    let page = dir.join("story.html");
    export_page(&brief, &page);
    browser.open(&url(&page));
    assert_eq!(
        browser.run(
            "return document.querySelectorAll('#article-list-items li').length;",
            vec![]
        ),
        json!(3)
    );
    let count = browser.find("#story-count");
    assert_eq!(browser.text(&count), "3 articles, 5 Jan 2025 to 1 Mar 2025");
    // Keep February and March: the first article and Moscow leave.
    browser.run(
        "const from = document.getElementById('range-from'); from.value = '1'; \
         from.dispatchEvent(new Event('input'));",
        vec![],
    );
    let label = browser.find("#range-label");
    assert_eq!(
        browser.text(&label),
        "From 1 Feb 2025 to 1 Mar 2025: 2 of 3 articles"
    );
    let shown = |browser: &mut Browser, css: &str| {
        browser.run(
            &format!(
                "return [...document.querySelectorAll('{css}')].filter(e => e.offsetParent !== null || e.getBoundingClientRect().width > 0).length;"
            ),
            vec![],
        )
    };
    assert_eq!(shown(&mut browser, "#articles article"), json!(2));
    assert_eq!(
        shown(&mut browser, ".place-row"),
        json!(1),
        "Moscow left the list"
    );
    // The map redraws its markers on the next animation frame.
    let moscow_display =
        "getComputedStyle(document.querySelector('[aria-label=\"Moscow on the map\"]')).display";
    browser.wait_for(&format!("return {moscow_display} === 'none';"));
    assert_eq!(
        browser.run(&format!("return {moscow_display};"), vec![]),
        json!("none")
    );
    // Tartus's card counts the passages of the range only.
    let tartus = browser.find(r#"[aria-label="Tartus on the map"]"#);
    browser.click(&tartus);
    let counter = browser.find("#counter");
    assert_eq!(browser.text(&counter), "1 of 2");
    let all = browser.find("#all-dates");
    browser.click(&all);
    assert_eq!(shown(&mut browser, "#articles article"), json!(3));
    assert_eq!(browser.text(&counter), "1 of 3");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_default_brief_s_page_is_one_file_under_2_mb_that_names_no_address_to_fetch() {
    let dir = temp_dir("size");
    let page = default_page(&dir);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.len() < 2_000_000, "{} bytes", html.len());
    // Nothing to load: no src or stylesheet link, and a policy that forbids it.
    for fetch in ["src=", "<link", "@import", "url("] {
        assert!(!html.contains(fetch), "the page would fetch: {fetch}");
    }
    assert!(html.contains("default-src 'none'"));
    std::fs::remove_dir_all(&dir).unwrap();
}
