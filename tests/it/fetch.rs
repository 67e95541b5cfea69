//! Fetching a link, against a web server on the loopback address that the
//! test starts: an article, a chain of redirects, a redirect to `file:`, a
//! body that never ends, a body that barely moves, a missing page, a
//! Cancel; and, through the window, a pasted link.

use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use crate::common::server::{Reply, article_page, serve};
use crate::common::{harness, settle};
use egui_kittest::kittest::Queryable;
use geobrief::fetch::{FetchError, FetchLimits};
use geobrief::open::{Opened, Problem, open_address};

fn page(body: Vec<u8>) -> Reply {
    Reply::Page {
        status: 200,
        content_type: "text/html; charset=utf-8",
        body,
    }
}

fn fetch_error(address: &str, limits: &FetchLimits) -> FetchError {
    match open_address(address, limits, &AtomicBool::new(false)) {
        Err(e) => match e.problem {
            Problem::Fetch(f) => f,
            other => panic!("not a fetch error: {other}"),
        },
        Ok(_) => panic!("{address} opened"),
    }
}

#[test]
fn a_page_on_loopback_opens_as_an_article_that_keeps_its_address() {
    let server = serve(vec![("/news/talks".into(), page(article_page(None)))]);
    let address = server.url("/news/talks");
    let opened = open_address(&address, &FetchLimits::default(), &AtomicBool::new(false)).unwrap();
    let brief =
        geobrief::open::brief_of(opened, &Default::default(), &mut Default::default()).unwrap();
    let article = &brief.first_article().info;
    assert_eq!(article.url.as_deref(), Some(address.as_str()));
    assert_eq!(article.outlet.as_deref(), Some("The Daily"));
    assert!(brief.places().any(|p| p.name == "Damascus"));
    assert!(!brief.paragraphs().iter().any(|p| p.contains("Subscribe")));
}

#[test]
fn five_redirects_are_followed_and_a_sixth_is_refused() {
    let mut routes = vec![("/article".to_string(), page(article_page(None)))];
    for k in 1..=6 {
        let to = if k == 1 {
            "/article".to_string()
        } else {
            format!("/r{}", k - 1)
        };
        routes.push((format!("/r{k}"), Reply::Redirect(to)));
    }
    let server = serve(routes);
    let opened = open_address(
        &server.url("/r5"),
        &FetchLimits::default(),
        &AtomicBool::new(false),
    );
    match opened.unwrap() {
        Opened::Articles(a) => {
            assert_eq!(
                a.found[0].article.url.as_deref(),
                Some(server.url("/article").as_str())
            );
        }
        Opened::Brief(_) => panic!("a page is not a brief"),
    }
    let error = fetch_error(&server.url("/r6"), &FetchLimits::default());
    assert_eq!(error, FetchError::TooManyRedirects { limit: 5 });
}

#[test]
fn a_redirect_to_a_file_address_is_refused_by_name() {
    let server = serve(vec![(
        "/evil".into(),
        Reply::Redirect("file:///etc/passwd".into()),
    )]);
    let error = open_address(
        &server.url("/evil"),
        &FetchLimits::default(),
        &AtomicBool::new(false),
    )
    .err()
    .unwrap();
    assert_eq!(
        error.to_string(),
        format!(
            "{}: redirected to file:///etc/passwd, which is not an http or https address; not followed",
            server.url("/evil")
        )
    );
}

#[test]
fn a_body_that_never_ends_stops_at_the_size_limit() {
    let server = serve(vec![("/endless".into(), Reply::Endless)]);
    let limits = FetchLimits {
        max_bytes: 2 * 1024 * 1024,
        ..FetchLimits::default()
    };
    let started = Instant::now();
    assert_eq!(
        fetch_error(&server.url("/endless"), &limits),
        FetchError::TooLarge {
            limit: 2 * 1024 * 1024
        }
    );
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn a_body_that_barely_moves_times_out() {
    let server = serve(vec![(
        "/slow".into(),
        Reply::Slow(Duration::from_millis(200)),
    )]);
    let limits = FetchLimits {
        total: Duration::from_secs(1),
        ..FetchLimits::default()
    };
    let started = Instant::now();
    assert_eq!(
        fetch_error(&server.url("/slow"), &limits),
        FetchError::TimedOut { secs: 1 }
    );
    let took = started.elapsed();
    assert!(
        took >= Duration::from_millis(900) && took < Duration::from_secs(5),
        "{took:?}"
    );
}

#[test]
fn a_missing_page_is_named_not_found_with_its_address() {
    let server = serve(vec![]);
    let address = server.url("/gone");
    let error = open_address(&address, &FetchLimits::default(), &AtomicBool::new(false))
        .err()
        .unwrap();
    assert_eq!(
        error.to_string(),
        format!("{address}: not found (the server answered 404)")
    );
}

#[test]
fn a_cancelled_fetch_stops_while_the_body_is_arriving() {
    let server = serve(vec![(
        "/slow".into(),
        Reply::Slow(Duration::from_millis(100)),
    )]);
    let cancel = std::sync::Arc::new(AtomicBool::new(false));
    let flag = cancel.clone();
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        flag.store(true, std::sync::atomic::Ordering::Relaxed);
    });
    let started = Instant::now();
    let error = geobrief::fetch::fetch(&server.url("/slow"), &FetchLimits::default(), &cancel)
        .err()
        .unwrap();
    assert_eq!(error, FetchError::Cancelled);
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[test]
fn a_user_pastes_a_link_and_sees_the_article_and_its_places() {
    let server = serve(vec![(
        "/news/talks".into(),
        Reply::Late(Duration::from_millis(800), article_page(None)),
    )]);
    let address = server.url("/news/talks");
    let mut harness = harness();
    harness.event(egui::Event::Paste(address.clone()));
    harness.step();
    harness.step();
    let host = address
        .trim_start_matches("http://")
        .trim_end_matches("/news/talks");
    harness.get_by_label(&format!("Fetching {host}…"));
    harness.get_by_label("Cancel");
    settle(&mut harness);
    let app = harness.state();
    assert!(app.brief().title().starts_with("Talks in Damascus"));
    assert_eq!(
        app.brief().first_article().info.url.as_deref(),
        Some(address.as_str())
    );
    for place in ["Damascus", "Aleppo", "Beirut"] {
        assert!(app.brief().places().any(|p| p.name == place), "{place}");
    }
    harness.get_by_label("Damascus on the map");
}

#[test]
fn cancel_stops_a_fetch_and_keeps_the_brief_open() {
    let server = serve(vec![(
        "/slow".into(),
        Reply::Slow(Duration::from_millis(100)),
    )]);
    let mut harness = harness();
    let before = harness.state().brief().title().to_string();
    harness.event(egui::Event::Paste(server.url("/slow")));
    harness.step();
    harness.step();
    harness.get_by_label("Cancel").click();
    harness.step();
    settle(&mut harness);
    assert_eq!(harness.state().brief().title(), before);
    assert!(
        harness
            .state()
            .problems
            .iter()
            .any(|p| p.to_string().contains("Cancelled: Fetching")),
        "{:?}",
        harness.state().problems
    );
}

#[test]
fn file_open_link_fetches_the_address_typed_and_refuses_another_scheme() {
    let server = serve(vec![("/news/talks".into(), page(article_page(None)))]);
    let mut harness = harness();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open link… Ctrl+L").click();
    harness.run();
    harness
        .get_by_role(egui::accesskit::Role::TextInput)
        .focus();
    harness.run();
    harness
        .get_by_role(egui::accesskit::Role::TextInput)
        .type_text("file:///etc/passwd");
    harness.run();
    harness.get_by_label("Geobrief fetches http:// and https:// addresses only.");
    harness
        .get_by_role(egui::accesskit::Role::TextInput)
        .focus();
    harness.run();
    for _ in 0.."file:///etc/passwd".len() {
        harness.key_press(egui::Key::Backspace);
    }
    harness.run();
    harness
        .get_by_role(egui::accesskit::Role::TextInput)
        .type_text(&server.url("/news/talks"));
    harness.run();
    harness.get_by_label("Fetch").click();
    settle(&mut harness);
    assert!(
        harness
            .state()
            .brief()
            .title()
            .starts_with("Talks in Damascus")
    );
    assert!(harness.state().brief().places().any(|p| p.name == "Beirut"));
}
