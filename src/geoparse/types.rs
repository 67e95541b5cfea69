//! The types every stage of detection passes on: a recognised [`Mention`],
//! a weighed [`Candidate`], a found [`Toponym`], a span a rule dropped, and
//! the reader's [`Options`].

use std::ops::Range;
use std::sync::Arc;

use crate::gazetteer::{NameKind, PlaceId};

use super::evidence::Evidence;
pub use super::rules::Usage;
use super::rules::{Rule, RulesOff};
use super::weights::Weights;

/// Where a publisher writes from: a state or province of a country, and the
/// middle of the towns its stories place there; or only a country, with no
/// state, when that is all its address says.
#[derive(Clone, Debug, PartialEq)]
pub struct Home {
    /// ISO 3166-1 alpha-2 code.
    pub country_code: String,
    /// GeoNames admin1 code such as "US.OH"; empty when only the country is known.
    pub admin1_code: String,
    /// The mean position of the towns learned in the home region.
    pub centre_lat_deg: f64,
    pub centre_lon_deg: f64,
}

/// Choices a reader can make about a whole article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    /// ISO 3166-1 alpha-2 code of a country whose places should win ties.
    pub country_bias: Option<String>,
    /// Where the article's publisher writes from, learned from its other
    /// articles ([`super::publisher::PublisherMemory`]) or, until then, the
    /// country its address names ("bbc.co.uk"): it pulls names the article
    /// itself leaves open ("Dublin" in an Ohio paper) toward that region.
    pub home: Option<Home>,
    /// Rules switched off (`geoparse --without RULE`).
    pub rules_off: RulesOff,
    /// What the prior and each kind of evidence weigh: the fitted table,
    /// unless a fit is being tried (the `geoparse` example's `--weights`).
    pub weights: Weights,
    /// The host of the article's web address ("parispi.net"): a paper named
    /// after a town spells it there ([`super::masthead`]).
    pub host: Option<String>,
}

/// A stretch of text that names a place, before deciding which place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub byte_range: Range<usize>,
    pub usage: Usage,
    /// The rule that kept it.
    pub rule: Rule,
    /// Follows a preposition of place ("in", "near"): the writer means a place.
    pub after_locative: bool,
    /// Names a town's own service ("Eaton Rapids Police", "Lamar County Jail"):
    /// the story is there, as surely as after "in".
    pub names_local_office: bool,
    /// Words around it that only a town takes: a dateline, "the city of",
    /// "a Greer native", or a list of other places.
    pub local_cue: bool,
    /// The gazetteer spelling it was found as: its entry, without a look-up.
    pub spelling: usize,
}

/// One place a name was weighed as.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub place: PlaceId,
    /// How the name refers to this place (its name, an alternate, a demonym).
    pub name_kind: NameKind,
    /// Higher is likelier; comparable only among the candidates of one name.
    /// Always `prior` plus the weights of `evidence` (with the options' weights).
    pub score: f64,
    /// The part of `score` owed to the place alone (size, kind, fame), before
    /// anything the article says.
    pub prior: f64,
    /// What the score rests on, as data, each with its weight
    /// ([`Evidence::weight`]); for the winner, led by what its prior rests on.
    pub evidence: Vec<Evidence>,
    /// The same evidence in words for a place card ("population 1.6 million",
    /// "in Syria, named in the article"); filled for the winner only.
    pub reasons: Vec<String>,
}

impl Candidate {
    /// Adds one piece of evidence: its weight to the score, itself to the list.
    pub fn add(&mut self, evidence: Evidence, weights: &Weights) {
        self.score += evidence.weight(weights);
        self.evidence.push(evidence);
    }
}

/// A place name found in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Toponym {
    /// Where it is in the text, in bytes (for slicing in Rust).
    pub byte_range: Range<usize>,
    /// Where it is in the text, in Unicode code points (for JSON and Python).
    pub char_range: Range<usize>,
    /// The name as written.
    pub text: String,
    pub usage: Usage,
    /// The recognition rule that kept it.
    pub rule: Rule,
    /// Candidates, best first; the first is the chosen place. Never empty.
    /// Shared by every mention of one name in an article (one sense per
    /// article): a name said forty times is resolved, and kept, once.
    pub candidates: Arc<[Candidate]>,
}

impl Toponym {
    /// The place chosen for this name.
    #[must_use]
    pub fn place(&self) -> PlaceId {
        self.candidates[0].place
    }

    /// Why the chosen place won, in one line for a place card.
    #[must_use]
    pub fn reason(&self) -> String {
        self.candidates[0].reasons.join("; ")
    }
}

/// A stretch spelled like a place name that a rule decided is not one
/// ("George" of "George Washington", "Reading it took hours").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DroppedSpan {
    pub byte_range: Range<usize>,
    pub rule: Rule,
}
