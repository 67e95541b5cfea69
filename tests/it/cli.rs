#![allow(clippy::unwrap_used)] // tests may panic: that is how they fail
//! The command line, run as a user would.

use std::process::Command;

fn geobrief(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_geobrief"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn temp(name: &str, contents: &str) -> String {
    let dir = std::env::temp_dir().join(format!("geobrief-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path.display().to_string()
}

#[test]
fn check_accepts_a_valid_brief_with_exit_code_0() {
    let brief = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/default_brief.json");
    let (code, stdout, _) = geobrief(&["check", brief]);
    assert_eq!(code, 0);
    assert!(stdout.contains("valid (13 places, 44 links)"), "{stdout}");
}

#[test]
fn check_rejects_a_bad_brief_with_exit_code_1_and_names_file_and_path() {
    let bad = temp(
        "bad.json",
        r#"{"format": "geobrief/1", "article": {"title": "t", "paragraphs": ["p"]}, "places": [{"id": "x", "name": "X", "kind": "city", "geometry": {"type": "Point", "coordinates": [200, 10]}}]}"#,
    );
    let (code, _, stderr) = geobrief(&["check", &bad]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("bad.json") && stderr.contains("places[0].geometry.coordinates[0]"),
        "{stderr}"
    );
}

#[test]
fn check_without_files_is_a_usage_error_with_exit_code_2() {
    let (code, _, stderr) = geobrief(&["check"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("Usage"), "{stderr}");
}

#[test]
fn geoparse_makes_a_brief_of_a_text_file() {
    let text = temp(
        "story.txt",
        "Talks in Damascus\n\nOfficials from Lebanon met in Damascus on Monday.",
    );
    let out = std::env::temp_dir().join(format!("geobrief-cli-{}/story.json", std::process::id()));
    let (code, _, stderr) = geobrief(&["geoparse", &text, "-o", &out.display().to_string()]);
    assert_eq!(code, 0, "{stderr}");
    let brief = geobrief::brief::parse_brief_file(&out).unwrap();
    assert!(brief.places().any(|p| p.name == "Damascus"));
    assert!(brief.places().any(|p| p.name == "Lebanon"));
}
