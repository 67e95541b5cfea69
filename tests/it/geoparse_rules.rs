#![allow(clippy::unwrap_used)] // tests may panic: that is how they fail
//! The detector's rules, each shown at work on sentences written for it
//! (`tests/geoparse_rules.tsv`): what is found and where, which span the
//! rule drops, and what is found with the rule switched off. No rule and no
//! word list goes without a row.

use egui_kittest::kittest::Queryable;
use geobrief::gazetteer::Gazetteer;
use geobrief::geoparse::{
    Options, Rule, RulesOff, address_home, detect_places_explained, detect_unlisted_places_with,
    host_of, lexicon,
};

const TABLE: &str = include_str!("../geoparse_rules.tsv");

struct Row<'a> {
    line: usize,
    rule: Option<Rule>,
    lexicon: &'a str,
    sentence: &'a str,
    expected: &'a str,
    without: &'a str,
}

fn rows() -> Vec<Row<'static>> {
    TABLE
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.starts_with("rule\t") && !l.is_empty())
        .map(|(i, l)| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert!(cols.len() >= 4, "line {}: {l}", i + 1);
            let rule = (cols[0] != "-").then(|| {
                Rule::from_name(cols[0]).unwrap_or_else(|| panic!("line {}: {}", i + 1, cols[0]))
            });
            Row {
                line: i + 1,
                rule,
                lexicon: cols[1],
                sentence: cols[2],
                expected: cols[3],
                without: cols.get(4).copied().unwrap_or(""),
            }
        })
        .collect()
}

/// What was found, as the table writes it, and the spans each rule dropped.
/// A sentence may open with the address it was published at
/// ("https://paper.co.uk/a A girl..."), read as the CLI reads an article's
/// "url" before its publisher has taught anything.
fn outcome(sentence: &str, off: RulesOff) -> (Vec<String>, Vec<(String, Rule)>) {
    let gaz = Gazetteer::embedded();
    let (address, sentence) = match sentence.split_once(' ') {
        Some((url, rest)) if url.starts_with("https://") => (Some(url), rest),
        _ => (None, sentence),
    };
    let host = address.and_then(host_of);
    let options = Options {
        rules_off: off,
        home: host.as_deref().and_then(address_home),
        host,
        ..Options::default()
    };
    let (found, dropped) = detect_places_explained(sentence, gaz, &options);
    // The places the gazetteer lacks, found by their form, in text order
    // with the others ("Raccoon Creek#unlisted").
    let unlisted = detect_unlisted_places_with(sentence, &found, off);
    let mut at: Vec<(usize, String)> = found
        .iter()
        .map(|t| {
            let place = gaz.place(t.place());
            let written = format!(
                "{}@{}@{}#{}",
                t.text,
                place.country_code,
                place.admin1_code,
                place.kind.label()
            );
            (t.byte_range.start, written)
        })
        .chain(
            unlisted
                .iter()
                .map(|p| (p.byte_range.start, format!("{}@@#unlisted", p.text))),
        )
        .collect();
    at.sort_by_key(|(start, _)| *start);
    let found = at.into_iter().map(|(_, written)| written).collect();
    let dropped = dropped
        .iter()
        .map(|d| (sentence[d.byte_range.clone()].to_owned(), d.rule))
        .collect();
    (found, dropped)
}

/// Whether one found place ("Athens@US@US.GA#city") is what the table
/// expects ("Athens", "Athens@US", "Athens@US.GA", and any of them with the
/// kind: "Oconee@US.GA#river").
fn matches(found: &str, expected: &str) -> bool {
    let (found, found_kind) = found.split_once('#').unwrap_or((found, ""));
    let expected = match expected.split_once('#') {
        Some((_, kind)) if kind != found_kind => return false,
        Some((expected, _)) => expected,
        None => expected,
    };
    let mut found = found.split('@');
    let (name, country, admin1) = (
        found.next().unwrap_or_default(),
        found.next().unwrap_or_default(),
        found.next().unwrap_or_default(),
    );
    match expected.split_once('@') {
        None => name == expected,
        Some((want, at)) if at.contains('.') => name == want && admin1 == at,
        Some((want, at)) => name == want && country == at,
    }
}

fn check_found(
    row: &Row<'_>,
    found: &[String],
    expected: &str,
    what: &str,
    failures: &mut Vec<String>,
) {
    let wanted: Vec<&str> = expected
        .split(" | ")
        .filter(|e| !e.is_empty() && !e.starts_with('!'))
        .collect();
    if !(found.len() == wanted.len() && found.iter().zip(&wanted).all(|(f, w)| matches(f, w))) {
        failures.push(format!(
            "line {} ({what}): {:?}\n  expected {wanted:?}\n  found    {found:?}",
            row.line, row.sentence
        ));
    }
}

#[test]
fn every_sentence_of_the_rule_table_finds_what_it_says() {
    let mut failures = Vec::new();
    for row in rows() {
        let (found, dropped) = outcome(row.sentence, RulesOff::default());
        check_found(&row, &found, row.expected, "all rules on", &mut failures);
        for name in row
            .expected
            .split(" | ")
            .filter_map(|e| e.strip_prefix('!'))
        {
            let rule = row.rule.unwrap();
            if !dropped.iter().any(|(n, r)| n == name && *r == rule) {
                failures.push(format!(
                    "line {}: {:?}: {rule:?} did not drop {name:?}; dropped {dropped:?}",
                    row.line, row.sentence
                ));
            }
        }
        if !row.without.is_empty() {
            let rule = row.rule.unwrap();
            let (found, _) = outcome(row.sentence, RulesOff::default().with(rule));
            check_found(&row, &found, row.without, "rule off", &mut failures);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_rule_and_every_word_list_has_a_row() {
    let rows = rows();
    for &rule in Rule::ALL {
        assert!(
            rows.iter().any(|r| r.rule == Some(rule)),
            "{rule:?} has no row in tests/geoparse_rules.tsv"
        );
    }
    for lexicon in lexicon::all() {
        assert!(
            rows.iter().any(|r| r.lexicon == lexicon.name),
            "lexicon/{}.txt has no row in tests/geoparse_rules.tsv",
            lexicon.name
        );
    }
    for row in &rows {
        if let (Some(rule), false) = (row.rule, row.lexicon.is_empty()) {
            assert!(
                rule.lexicons().contains(&row.lexicon),
                "line {}: {rule:?} does not read {}",
                row.line,
                row.lexicon
            );
        }
    }
}

#[test]
#[ignore = "prints what each row finds with its rule off"]
fn print_without() {
    for row in rows() {
        if let Some(rule) = row.rule {
            let (found, _) = outcome(row.sentence, RulesOff::default().with(rule));
            println!("{}\t{}", row.line, found.join(" | "));
        }
    }
}

/// The app on an article of `title` and `body`, with Places ▸ Words not
/// taken as places… chosen, and the one list it put in the problems panel.
fn words_not_taken_listed(title: &str, body: &str) -> (crate::common::App, String) {
    let brief = geobrief::compose::brief_from_text(
        &format!("{title}\n\n{body}"),
        title,
        Gazetteer::embedded(),
        &Options::default(),
    );
    let mut harness = crate::common::harness_for(geobrief::GeobriefApp::new(brief, None));
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Places")
        .click();
    harness.run();
    harness.get_by_label("Words not taken as places…").click();
    crate::common::settle(&mut harness);
    let listed: Vec<String> = harness
        .state()
        .problems
        .iter()
        .map(ToString::to_string)
        .filter(|p| p.starts_with("Words not taken as places"))
        .collect();
    assert_eq!(listed.len(), 1, "{listed:?}");
    let list = listed.into_iter().next().unwrap_or_default();
    (harness, list)
}

#[test]
fn the_places_menu_lists_a_word_not_taken_with_its_rule_and_the_card_names_the_rule_that_kept_a_place()
 {
    let (mut harness, list) =
        words_not_taken_listed("Talks", "President Lincoln spoke in Springfield, Illinois.");
    assert!(list.contains("“Lincoln” (¶1): TitleBeforeName"), "{list}");
    harness.get_by_label("Springfield on the map").click();
    harness.run();
    harness.get_by_label_contains("Kept by rule ");
    harness.get_by_label("Dismiss").click();
    harness.run();
    assert!(harness.state().problems.is_empty());
}

#[test]
fn the_words_not_taken_name_a_bay_that_was_seen_but_is_not_on_the_map() {
    let (harness, list) =
        words_not_taken_listed("Invasion", "Exiles landed at the Bay of Pigs in Cuba.");
    assert!(list.contains("“Bay” (¶1): FeatureWordBeforeOf"), "{list}");
    assert!(
        list.contains("Named but not on the map") && list.contains("“Bay of Pigs” (¶1)"),
        "{list}"
    );
    // The panel shows it, below the words not taken.
    harness.get_by_label_contains("Named but not on the map");
}
