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

/// Runs `geobrief geoparse ARGS` with `stdin` as its input, under a time
/// limit: a command that blocks (on a named pipe, say) fails the test
/// instead of hanging it.
fn geoparse_with_input(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_geobrief"))
        .arg("geoparse")
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(20) {
            let _ = child.kill();
            panic!("geobrief geoparse {args:?} still running after 20 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    writer.join().unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[cfg(target_os = "linux")]
#[test]
fn geoparse_refuses_devices_pipes_and_huge_files_as_the_app_does() {
    let dir = std::env::temp_dir().join(format!("geobrief-cli-hostile-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let fifo = dir.join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    // A sparse file of 2 GB takes no disk space; read whole, it took 2 GB.
    let sparse = dir.join("sparse.txt");
    std::fs::File::create(&sparse)
        .unwrap()
        .set_len(2_000_000_000)
        .unwrap();
    let fifo = fifo.display().to_string();
    let sparse = sparse.display().to_string();
    for jsonl in [false, true] {
        for (file, expected) in [
            ("/dev/zero", "it is a device, not a regular file"),
            ("/dev/urandom", "it is a device, not a regular file"),
            (
                fifo.as_str(),
                "it is a named pipe (FIFO), not a regular file",
            ),
            (
                sparse.as_str(),
                "the file is 2000000000 bytes; the limit is 67108864 bytes",
            ),
        ] {
            let args: Vec<&str> = [file]
                .into_iter()
                .chain(jsonl.then_some("--jsonl"))
                .collect();
            let (code, _, stderr) = geoparse_with_input(&args, b"");
            assert_eq!(code, 1, "{args:?}: {stderr}");
            assert!(
                stderr.contains(&format!("{file}: {expected}")),
                "{args:?}: {stderr}"
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn geoparse_jsonl_skips_a_bad_line_by_number_and_says_so_in_its_exit_code() {
    let input = "{\"id\": 1, \"text\": \"Talks in Damascus.\"}\n{\"id\": 2, \"text\": \n\
                 \u{ff}\n{\"id\": 4, \"text\": \"Ships left Tartus.\"}\n";
    let mut bytes = input.as_bytes().to_vec();
    // Line 3 is not UTF-8.
    let at = bytes.iter().position(|&b| b == 0xC3).unwrap();
    bytes.splice(at..at + 2, [0xFF]);
    let (code, stdout, stderr) = geoparse_with_input(&["--jsonl"], &bytes);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("standard input line 2: expected"),
        "{stderr}"
    );
    assert!(
        stderr.contains("standard input line 3: not UTF-8"),
        "{stderr}"
    );
    let ids: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].clone())
        .collect();
    assert_eq!(ids, [1, 4]);
}

#[test]
fn geoparse_jsonl_takes_a_byte_order_mark_and_gives_big_ids_back_as_written() {
    let input = "\u{feff}{\"id\": 184467440737095516160001, \"text\": \"Talks in Damascus.\"}\n";
    let (code, stdout, stderr) = geoparse_with_input(&["--jsonl"], input.as_bytes());
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.starts_with("{\"id\":184467440737095516160001,"),
        "{stdout}"
    );
    let file = temp("bom.jsonl", input);
    let (code, stdout, stderr) = geoparse_with_input(&["--jsonl", &file], b"");
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Damascus"), "{stdout}");
}

#[test]
fn geoparse_jsonl_from_an_endless_stream_stops_at_the_line_limit() {
    // 64 MiB and one byte with no line end: refused, not read into memory
    // until the process aborts.
    let endless = vec![b'x'; 64 * 1024 * 1024 + 1];
    let (code, _, stderr) = geoparse_with_input(&["--jsonl"], &endless);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("standard input line 1: the line is longer than"),
        "{stderr}"
    );
}

#[test]
fn geoparse_explain_names_the_rule_of_every_span_and_the_evidence_of_each_place() {
    let text = temp(
        "explain.txt",
        "The talks resumed in March. Ships left Tartus for Latakia.",
    );
    let (code, stdout, stderr) = geobrief(&["geoparse", "--explain", &text]);
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<&str> = stdout.lines().skip(1).collect();
    assert!(
        lines[0].starts_with("dropped\t21-26\tMarch\tCalendarWord\t"),
        "{stdout}"
    );
    assert!(
        lines[1].starts_with("found\t39-45\tTartus\tPlaceName\tTartus (city, SY"),
        "{stdout}"
    );
    assert!(lines[1].contains("Near +"), "{stdout}");
}

#[test]
fn geoparse_explain_names_the_rule_of_a_place_found_by_its_form_and_without_it_none_is_found() {
    let text = temp(
        "by-form.txt",
        "Raccoon Creek rose near Athens, Ohio, and the parade turned onto Royal Street.",
    );
    let (code, stdout, stderr) = geobrief(&["geoparse", "--explain", &text]);
    assert_eq!(code, 0, "{stderr}");
    let found: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("found\t"))
        .collect();
    assert!(
        found[0].starts_with("found\t0-13\tRaccoon Creek\tUnlistedByForm\t"),
        "{stdout}"
    );
    assert!(
        found
            .iter()
            .any(|l| l.contains("\tRoyal Street\tUnlistedByForm\t")),
        "{stdout}"
    );
    let (_, plain, _) = geobrief(&["geoparse", "--without", "UnlistedByForm", &text]);
    assert!(!plain.contains("\tunlisted"), "{plain}");
    assert!(plain.contains("\tAthens\t"), "{plain}");
}

#[test]
fn geoparse_without_a_rule_runs_without_it_and_a_wrong_name_lists_the_rules() {
    let text = temp("without.txt", "The talks resumed in March.");
    let (_, stdout, _) = geobrief(&["geoparse", &text]);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    let (code, stdout, stderr) = geobrief(&["geoparse", "--without", "CalendarWord", &text]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("\tMarch\t"), "{stdout}");
    let (code, _, stderr) = geobrief(&["geoparse", "--without", "NoSuchRule", &text]);
    assert_eq!(code, 2);
    assert!(stderr.contains("the rules are: CalendarWord,"), "{stderr}");
}

#[test]
fn geoparse_jsonl_explain_gives_rules_evidence_and_dropped_spans() {
    let input = "{\"id\": 1, \"text\": \"Lincoln visited the fort near Atlanta.\"}\n";
    let (code, stdout, stderr) = geoparse_with_input(&["--jsonl", "--explain"], input.as_bytes());
    assert_eq!(code, 0, "{stderr}");
    let line: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!(line["dropped"][0]["name"], "Lincoln");
    assert_eq!(line["dropped"][0]["rule"], "PersonBeforeVerb");
    assert_eq!(line["toponyms"][0]["rule"], "PlaceName");
    assert_eq!(line["toponyms"][0]["evidence"][0]["name"], "Prior");
}

#[test]
fn collect_makes_one_story_of_a_folder_and_an_archive_the_same_whatever_the_jobs() {
    let dir = std::env::temp_dir().join(format!("geobrief-collect-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("folder")).unwrap();
    std::fs::write(
        dir.join("folder/01-talks.txt"),
        "Talks in Moscow\n\nMOSCOW, Jan. 28, 2025 — Syria's president met officials in Moscow.",
    )
    .unwrap();
    std::fs::write(
        dir.join("folder/02-bases.md"),
        "# Ships leave Tartus\n\nRussian ships left Tartus and the Hmeimim air base.",
    )
    .unwrap();
    let archive = dir.join("wire.jsonl");
    std::fs::write(
        &archive,
        "{\"id\": \"w1\", \"title\": \"Convoy\", \"date\": \"2025-02-10\", \"source\": \"Wire\", \"text\": \"A convoy left Qamishli for Tartus.\"}\n\
         this line is not JSON\n\
         {\"id\": \"w2\", \"text\": \"Officials in Damascus said talks with Moscow would go on.\"}\n",
    )
    .unwrap();
    let run = |jobs: &str, out: &str| {
        let out = dir.join(out);
        let (code, stdout, stderr) = geobrief(&[
            "collect",
            &dir.join("folder").display().to_string(),
            "--jsonl",
            &archive.display().to_string(),
            "-o",
            &out.display().to_string(),
            "--title",
            "Russia in Syria",
            "--jobs",
            jobs,
        ]);
        (code, stdout, stderr, std::fs::read_to_string(&out).unwrap())
    };
    let (code, stdout, stderr, one) = run("1", "one.json");
    assert_eq!(code, 1, "a line could not be read: {stderr}");
    assert!(stderr.contains("wire.jsonl, line 2"), "{stderr}");
    assert!(stdout.contains("4 articles"), "{stdout}");
    let (_, _, _, two) = run("2", "two.json");
    assert_eq!(one, two, "the same story whatever the number of workers");
    let story: serde_json::Value = serde_json::from_str(&one).unwrap();
    assert_eq!(story["format"], "geobrief/2");
    assert_eq!(story["title"], "Russia in Syria");
    let articles = story["articles"].as_array().unwrap();
    assert_eq!(articles[0]["date"], "2025-01-28", "the dateline's date");
    assert_eq!(articles[2]["id"], "w1");
    assert_eq!(articles[2]["outlet"], "Wire");
    assert_eq!(articles[2]["date"], "2025-02-10");
    let tartus: Vec<&serde_json::Value> = story["places"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["name"].as_str().unwrap_or("").starts_with("Tart"))
        .collect();
    assert_eq!(tartus.len(), 1, "one Tartus across the articles");
    let (code, stdout, _) = geobrief(&["check", &dir.join("one.json").display().to_string()]);
    assert_eq!(code, 0, "{stdout}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_georgia_story_pasted_whole_puts_athens_and_darien_in_georgia() {
    // The dateline opens the text and becomes its title, as a pasted story's
    // first line does; the state is named nowhere else.
    let text = temp(
        "georgia.txt",
        "DUBLIN, Ga. \u{2014} Flood waters rose Tuesday across Laurens County. Crews from \
         Macon and Milledgeville joined volunteers in Dexter, Rentz and East Dublin. Treutlen \
         County and Johnson County closed their schools.\n\nA relief truck from Athens arrived \
         by noon, and boats came up from Darien and Brunswick.",
    );
    let out =
        std::env::temp_dir().join(format!("geobrief-cli-{}/georgia.json", std::process::id()));
    let (code, _, stderr) = geobrief(&["geoparse", &text, "-o", &out.display().to_string()]);
    assert_eq!(code, 0, "{stderr}");
    let brief = geobrief::brief::parse_brief_file(&out).unwrap();
    for name in ["Athens", "Darien"] {
        let place = brief.places().find(|p| p.name == name).unwrap();
        let (lon, lat) = place.anchor_lon_lat();
        assert!(
            (-86.0..-80.5).contains(&lon) && (30.3..35.0).contains(&lat),
            "{name} at {lon}, {lat}"
        );
    }
}

#[test]
fn collect_of_nothing_readable_names_each_file_and_writes_no_story() {
    let broken = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/hostile/missing-object.pdf"
    );
    let out = std::env::temp_dir().join(format!("geobrief-cli-empty-{}.json", std::process::id()));
    let _ = std::fs::remove_file(&out);
    let (code, _, stderr) = geobrief(&["collect", broken, "-o", &out.display().to_string()]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("missing-object.pdf: a broken PDF"),
        "{stderr}"
    );
    assert!(stderr.contains("no article could be read"), "{stderr}");
    assert!(
        !stderr.contains("panicked"),
        "a caught panic was printed: {stderr}"
    );
    assert!(!out.exists(), "an empty story was written");
}
