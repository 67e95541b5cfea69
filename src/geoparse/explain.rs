//! `geobrief geoparse --explain`: for every span found or dropped, the rule
//! that decided it and, for a place found, the evidence for the chosen place
//! with its weight. The names are those of [`Rule::name`] and
//! [`Evidence::name`]; the phrases those a place card shows ("Chosen for").

use serde::Serialize;

use crate::gazetteer::Gazetteer;

use super::evidence::Evidence;
use super::judge::RECOGNITION_RULES;
use super::rules::Rule;
use super::types::{DroppedSpan, Toponym};
use super::unlisted::UnlistedPlace;
use super::weights::Weights;

/// One piece of evidence as `--explain` writes it in JSON.
#[derive(Serialize)]
pub(super) struct EvidenceOut {
    pub name: &'static str,
    pub weight: f64,
    pub says: String,
}

/// The evidence of a toponym's chosen place, its prior first.
pub(super) fn evidence_of(t: &Toponym, gaz: &Gazetteer, weights: &Weights) -> Vec<EvidenceOut> {
    let best = &t.candidates[0];
    let prior = EvidenceOut {
        name: "Prior",
        weight: round(best.prior),
        says: "size, kind and fame of the place".to_owned(),
    };
    std::iter::once(prior)
        .chain(best.evidence.iter().map(|e| EvidenceOut {
            name: e.name(),
            weight: round(e.weight(weights)),
            says: e.describe(gaz),
        }))
        .collect()
}

/// A span a rule dropped, as `--explain` writes it in JSON.
#[derive(Serialize)]
pub(super) struct DroppedOut<'a> {
    pub start: usize,
    pub end: usize,
    pub name: &'a str,
    pub rule: &'static str,
    pub says: &'static str,
}

pub(super) fn dropped_out<'a>(text: &'a str, dropped: &[DroppedSpan]) -> Vec<DroppedOut<'a>> {
    dropped
        .iter()
        .map(|d| {
            let start = text[..d.byte_range.start].chars().count();
            let name = &text[d.byte_range.clone()];
            DroppedOut {
                start,
                end: start + name.chars().count(),
                name,
                rule: d.rule.name(),
                says: d.rule.says(),
            }
        })
        .collect()
}

/// Lines for a plain-text explanation: every span in text order, found
/// (in the gazetteer or, `unlisted`, by its form) or dropped, tab-separated.
pub(super) fn explain_lines(
    text: &str,
    found: &[Toponym],
    unlisted: &[UnlistedPlace],
    dropped: &[DroppedSpan],
    gaz: &Gazetteer,
    weights: &Weights,
) -> Vec<String> {
    let mut lines: Vec<(usize, String)> = Vec::new();
    for p in unlisted {
        let rule = Rule::UnlistedByForm;
        lines.push((
            p.byte_range.start,
            format!(
                "found\t{}-{}\t{}\t{}\t{}",
                p.char_range.start,
                p.char_range.end,
                p.text,
                rule.name(),
                rule.says()
            ),
        ));
    }
    for t in found {
        let place = gaz.place(t.place());
        let best = &t.candidates[0];
        let evidence: Vec<String> = std::iter::once(format!("prior {:+.2}", best.prior))
            .chain(
                best.evidence
                    .iter()
                    .map(|e| describe_weighed(e, gaz, weights)),
            )
            .collect();
        let runner_up = t.candidates.get(1).map_or_else(String::new, |c| {
            let other = gaz.place(c.place);
            format!(
                "\tover {} ({}, {}) {:.2}",
                other.name,
                other.kind.label(),
                other.country_code,
                c.score
            )
        });
        lines.push((
            t.byte_range.start,
            format!(
                "found\t{}-{}\t{}\t{}\t{} ({}, {} {})\tscore {:.2} = {}{runner_up}",
                t.char_range.start,
                t.char_range.end,
                t.text,
                t.rule.name(),
                place.name,
                place.kind.label(),
                place.country_code,
                place.admin1_code,
                best.score,
                evidence.join(" "),
            ),
        ));
    }
    for d in dropped_out(text, dropped) {
        let at = dropped
            .iter()
            .find(|x| x.rule.name() == d.rule && &text[x.byte_range.clone()] == d.name)
            .map_or(0, |x| x.byte_range.start);
        lines.push((
            at,
            format!(
                "dropped\t{}-{}\t{}\t{}\t{}",
                d.start, d.end, d.name, d.rule, d.says
            ),
        ));
    }
    lines.sort_by_key(|(at, _)| *at);
    lines.into_iter().map(|(_, l)| l).collect()
}

fn describe_weighed(e: &Evidence, gaz: &Gazetteer, weights: &Weights) -> String {
    format!(
        "{} {:+.2} ({})",
        e.name(),
        e.weight(weights),
        e.describe(gaz)
    )
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The rule of a `--without` argument, or a message naming them all.
pub fn parse_rule(name: &str) -> Result<Rule, String> {
    match Rule::from_name(name) {
        Some(rule) if rule.can_be_switched_off() => Ok(rule),
        Some(rule) => Err(format!("{} cannot be switched off", rule.name())),
        // In the order they act: recognition first, then the article-wide rules.
        None => Err(format!(
            "no rule of that name; the rules are: {}",
            RECOGNITION_RULES
                .iter()
                .chain(Rule::ALL.iter().filter(|r| !RECOGNITION_RULES.contains(r)))
                .filter(|r| r.can_be_switched_off())
                .map(|r| r.name())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}
