//! Changes to a brief, as values. Applying an [`Edit`] checks it against the
//! brief, changes only what it names (one place, one link and the indexes of
//! its paragraph), and returns the edit that undoes it. Undo is applying that
//! inverse; redo is applying the inverse's inverse. Nothing here clones or
//! re-validates the whole brief.

use geo_types::Geometry;
use serde_json::Value;

use super::geometry::check_geometry;
use super::load::anchor_link;
use super::model::LinkEntry;
use super::{
    Article, ArticleId, Brief, BriefError, Link, LinkId, Place, PlaceId, PlaceKind, Source,
};

/// One change to a brief. Positions (`index`) are places in the file's
/// lists, so that an undone delete puts a place back where it was.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    InsertPlace {
        index: usize,
        place: Box<Place>,
    },
    /// Only a place no link points to can go; delete its links first (a
    /// [`Edit::Batch`] does both).
    DeletePlace {
        id: PlaceId,
    },
    UpdatePlace {
        id: PlaceId,
        change: PlaceChange,
    },
    InsertLink {
        index: usize,
        link: Box<Link>,
    },
    DeleteLink {
        id: LinkId,
    },
    /// Points a link at another place.
    RelinkLink {
        id: LinkId,
        place: PlaceId,
    },
    /// An article added to the story at `index` (its `id` set, its
    /// paragraphs with it).
    InsertArticle {
        index: usize,
        article: Box<Article>,
    },
    /// Only an article no link points into can go; delete its links first.
    DeleteArticle {
        id: ArticleId,
    },
    /// The story's own title (`None`: the first article's stands for it).
    SetTitle(Option<String>),
    /// An article's date, ISO 8601 (`None`: undated).
    SetArticleDate {
        id: ArticleId,
        date: Option<String>,
    },
    /// Several edits as one step, applied in order and undone in reverse.
    Batch(Vec<Edit>),
}

/// A new value for one field of a place.
#[derive(Clone, Debug, PartialEq)]
pub enum PlaceChange {
    Name(String),
    Kind(PlaceKind),
    Note(String),
    Geometry(Geometry<f64>),
    Approximate(bool),
    Sources(Vec<Source>),
    /// An unknown or `x-` field: set it, or remove it with `None`.
    Extra {
        key: String,
        value: Option<Value>,
    },
}

/// Why an edit could not be made. The brief is unchanged when one is returned.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum EditError {
    #[error("no place has the id {0:?}")]
    NoSuchPlace(PlaceId),
    #[error("no link has the id {0:?}")]
    NoSuchLink(LinkId),
    #[error("no article has the id {0:?}")]
    NoSuchArticle(ArticleId),
    #[error("an article with the id {0:?} exists already")]
    ArticleIdTaken(ArticleId),
    #[error("“{title}” still has {count} link(s); remove them first")]
    ArticleHasLinks { title: String, count: usize },
    #[error("an article needs at least one paragraph")]
    EmptyArticle,
    #[error("“{0}” is not a date: write it as 2025-01-28, or January 28, 2025")]
    NotADate(String),
    #[error("a place with the id {0:?} exists already")]
    PlaceIdTaken(PlaceId),
    #[error("a link with the id {0:?} exists already")]
    LinkIdTaken(LinkId),
    #[error("an id must not be empty")]
    EmptyId,
    #[error("a place needs a name")]
    EmptyName,
    #[error("“{name}” still has {count} mention(s); remove them first")]
    PlaceHasLinks { name: String, count: usize },
    #[error("position {index} is past the end of the list ({len} entries)")]
    IndexOutOfRange { index: usize, len: usize },
    #[error("{0}")]
    Invalid(BriefError),
}

impl Brief {
    /// Applies `edit` and returns its inverse; on error nothing changed.
    pub fn apply(&mut self, edit: Edit) -> Result<Edit, EditError> {
        match edit {
            Edit::InsertPlace { index, place } => self.insert_place(index, *place),
            Edit::DeletePlace { id } => self.delete_place(&id),
            Edit::UpdatePlace { id, change } => self.update_place(&id, change),
            Edit::InsertLink { index, link } => self.insert_link(index, *link),
            Edit::DeleteLink { id } => self.delete_link(&id),
            Edit::RelinkLink { id, place } => self.relink(&id, place),
            Edit::InsertArticle { index, article } => self.insert_article(index, *article),
            Edit::DeleteArticle { id } => self.delete_article(&id),
            Edit::SetTitle(title) => Ok(self.set_title(title)),
            Edit::SetArticleDate { id, date } => self.set_article_date(&id, date),
            Edit::Batch(edits) => self.apply_batch(edits),
        }
    }

    fn apply_batch(&mut self, edits: Vec<Edit>) -> Result<Edit, EditError> {
        let mut inverses = Vec::with_capacity(edits.len());
        for edit in edits {
            match self.apply(edit) {
                Ok(inverse) => inverses.push(inverse),
                Err(e) => {
                    // Put back what the batch did so far: all or nothing.
                    for inverse in inverses.into_iter().rev() {
                        let _ = self.apply(inverse);
                    }
                    return Err(e);
                }
            }
        }
        inverses.reverse();
        Ok(Edit::Batch(inverses))
    }

    fn insert_place(&mut self, index: usize, place: Place) -> Result<Edit, EditError> {
        if place.id.is_blank() {
            return Err(EditError::EmptyId);
        }
        if self.places.contains_key(place.id.as_str()) {
            return Err(EditError::PlaceIdTaken(place.id));
        }
        if index > self.places.len() {
            return Err(EditError::IndexOutOfRange {
                index,
                len: self.places.len(),
            });
        }
        check_place_geometry(&place.geometry)?;
        let id = place.id.clone();
        self.places.shift_insert(index, id.clone(), place);
        self.bump_place(&id);
        Ok(Edit::DeletePlace { id })
    }

    fn delete_place(&mut self, id: &PlaceId) -> Result<Edit, EditError> {
        let place = self
            .places
            .get(id.as_str())
            .ok_or_else(|| EditError::NoSuchPlace(id.clone()))?;
        let count = self.links_of(id).len();
        if count > 0 {
            return Err(EditError::PlaceHasLinks {
                name: place.name.clone(),
                count,
            });
        }
        let Some((index, _, place)) = self.places.shift_remove_full(id.as_str()) else {
            return Err(EditError::NoSuchPlace(id.clone()));
        };
        self.bump_place(id);
        self.place_versions.remove(id);
        Ok(Edit::InsertPlace {
            index,
            place: Box::new(place),
        })
    }

    fn update_place(&mut self, id: &PlaceId, change: PlaceChange) -> Result<Edit, EditError> {
        match &change {
            PlaceChange::Name(name) if name.trim().is_empty() => return Err(EditError::EmptyName),
            PlaceChange::Geometry(g) => check_place_geometry(g)?,
            _ => {}
        }
        let place = self
            .places
            .get_mut(id.as_str())
            .ok_or_else(|| EditError::NoSuchPlace(id.clone()))?;
        let old = match change {
            PlaceChange::Name(v) => PlaceChange::Name(std::mem::replace(&mut place.name, v)),
            PlaceChange::Kind(v) => PlaceChange::Kind(std::mem::replace(&mut place.kind, v)),
            PlaceChange::Note(v) => PlaceChange::Note(std::mem::replace(&mut place.note, v)),
            PlaceChange::Geometry(v) => {
                PlaceChange::Geometry(std::mem::replace(&mut place.geometry, v))
            }
            PlaceChange::Approximate(v) => {
                PlaceChange::Approximate(std::mem::replace(&mut place.approximate, v))
            }
            PlaceChange::Sources(v) => {
                PlaceChange::Sources(std::mem::replace(&mut place.sources, v))
            }
            PlaceChange::Extra { key, value } => {
                let old = match value {
                    Some(v) => place.extra.insert(key.clone(), v),
                    None => place.extra.remove(&key),
                };
                PlaceChange::Extra { key, value: old }
            }
        };
        self.bump_place(id);
        Ok(Edit::UpdatePlace {
            id: id.clone(),
            change: old,
        })
    }

    fn insert_link(&mut self, index: usize, link: Link) -> Result<Edit, EditError> {
        if link.id.is_blank() {
            return Err(EditError::EmptyId);
        }
        if self.links.contains_key(link.id.as_str()) {
            return Err(EditError::LinkIdTaken(link.id));
        }
        if !self.places.contains_key(link.place.as_str()) {
            return Err(EditError::NoSuchPlace(link.place));
        }
        if index > self.links.len() {
            return Err(EditError::IndexOutOfRange {
                index,
                len: self.links.len(),
            });
        }
        // A link names its article; one without (an older caller) is in
        // the first.
        let mut link = link;
        let article = match &link.target.article {
            Some(id) => self
                .article(id)
                .ok_or_else(|| EditError::NoSuchArticle(id.clone()))?,
            None => self.first_article(),
        };
        let range = article.paragraphs.clone();
        link.target.article = Some(article.id.clone());
        let mut errors = Vec::new();
        let mut warnings = Vec::new();
        let anchor = anchor_link(
            &link,
            index,
            &self.paragraphs[range.clone()],
            &self.places,
            &mut errors,
            &mut warnings,
        )
        .map(|mut a| {
            a.paragraph += range.start;
            a
        });
        if let Some(error) = errors.into_iter().next() {
            return Err(EditError::Invalid(error));
        }
        let id = link.id.clone();
        self.links
            .shift_insert(index, id.clone(), LinkEntry { link, anchor });
        self.index_link(&id);
        Ok(Edit::DeleteLink { id })
    }

    fn delete_link(&mut self, id: &LinkId) -> Result<Edit, EditError> {
        if !self.links.contains_key(id.as_str()) {
            return Err(EditError::NoSuchLink(id.clone()));
        }
        self.unindex_link(id);
        let Some((index, _, entry)) = self.links.shift_remove_full(id.as_str()) else {
            return Err(EditError::NoSuchLink(id.clone()));
        };
        Ok(Edit::InsertLink {
            index,
            link: Box::new(entry.link),
        })
    }

    fn relink(&mut self, id: &LinkId, place: PlaceId) -> Result<Edit, EditError> {
        if !self.places.contains_key(place.as_str()) {
            return Err(EditError::NoSuchPlace(place));
        }
        if !self.links.contains_key(id.as_str()) {
            return Err(EditError::NoSuchLink(id.clone()));
        }
        self.unindex_link(id);
        let old = match self.links.get_mut(id.as_str()) {
            Some(entry) => std::mem::replace(&mut entry.link.place, place),
            None => return Err(EditError::NoSuchLink(id.clone())),
        };
        self.index_link(id);
        Ok(Edit::RelinkLink {
            id: id.clone(),
            place: old,
        })
    }

    /// Every link that points to a place: its mentions in text order, then
    /// those whose words are gone.
    pub fn links_of(&self, place: &str) -> Vec<LinkId> {
        let mut links = self.mentions_of(place).to_vec();
        links.extend(
            self.unanchored
                .iter()
                .filter(|l| self.link(l.as_str()).is_some_and(|l| l.place == place))
                .cloned(),
        );
        links
    }
}

fn check_place_geometry(geometry: &Geometry<f64>) -> Result<(), EditError> {
    match check_geometry(geometry, "geometry").into_iter().next() {
        Some(error) => Err(EditError::Invalid(error)),
        None => Ok(()),
    }
}
