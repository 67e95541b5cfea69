//! The names things are known by. A place or a link keeps its id through
//! inserts, deletes, undo and saves, so a selection, an undo step or a cache
//! key that holds one stays right whatever happens to the lists around it.
//! Ids are the strings of the file format (`"tartus"`, `"l12"`), shared
//! cheaply (`Arc<str>`), since actions and caches copy them every frame.

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
        pub struct $name(Arc<str>);

        impl $name {
            pub fn new(id: impl AsRef<str>) -> Self {
                Self(Arc::from(id.as_ref()))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// Empty or only spaces: not an id.
            pub fn is_blank(&self) -> bool {
                self.0.trim().is_empty()
            }
        }

        /// An id reads as the string it is (`brief.place(&id)`).
        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(&*self.0, f)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self::new(id)
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                &*self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                &*self.0 == *other
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                String::deserialize(d).map(Self::new)
            }
        }
    };
}

string_id!(
    /// A place's id, unique within its brief (`places[].id`).
    PlaceId
);
string_id!(
    /// An article's id, unique within its story (`articles[].id`). The one
    /// article of a `geobrief/1` brief is `a1`.
    ArticleId
);
string_id!(
    /// A link's id, unique within its brief (`links[].id`). Briefs written
    /// before links had ids get `l1`, `l2`, … when they are loaded.
    LinkId
);

/// A fresh id made from `name` ("Eaton Rapids" -> `eaton-rapids`, then
/// `eaton-rapids-2`, …) that `taken` does not hold.
pub fn slug_id(name: &str, taken: impl Fn(&str) -> bool) -> String {
    FreshIds::default().fresh(name, taken)
}

/// Ids for many new places: remembers the last number tried for each slug,
/// so the n-th "Springfield" of an import costs one try, not n.
#[derive(Debug, Default)]
pub struct FreshIds {
    next_number: std::collections::HashMap<String, usize>,
}

impl FreshIds {
    /// The slug of `name` ("eaton-rapids"), or it with the first number
    /// from 2 up that is not `taken` ("eaton-rapids-2").
    pub fn fresh(&mut self, name: &str, taken: impl Fn(&str) -> bool) -> String {
        let base = slug_base(name);
        let n = self.next_number.entry(base.clone()).or_insert(2);
        if *n == 2 && !taken(&base) {
            return base;
        }
        loop {
            let id = format!("{base}-{n}");
            *n += 1;
            if !taken(&id) {
                return id;
            }
        }
    }
}

fn slug_base(name: &str) -> String {
    let base: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .take(8)
        .collect::<Vec<_>>()
        .join("-");
    if base.is_empty() {
        "place".to_string()
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slug_is_lowercase_words_joined_by_dashes_and_never_taken() {
        assert_eq!(slug_id("Eaton Rapids", |_| false), "eaton-rapids");
        assert_eq!(
            slug_id("Eaton Rapids", |id| id == "eaton-rapids"),
            "eaton-rapids-2"
        );
        assert_eq!(slug_id("?!", |_| false), "place");
        assert_eq!(slug_id("Ḥimṣ", |_| false), "ḥimṣ");
    }

    #[test]
    fn many_places_of_one_name_get_numbered_ids_in_turn() {
        let mut ids = FreshIds::default();
        let mut taken = std::collections::HashSet::from(["homs-3".to_string()]);
        let made: Vec<String> = (0..4)
            .map(|_| {
                let id = ids.fresh("Homs", |id| taken.contains(id));
                taken.insert(id.clone());
                id
            })
            .collect();
        assert_eq!(made, ["homs", "homs-2", "homs-4", "homs-5"]);
    }

    #[test]
    fn ids_compare_with_plain_strings_and_serialise_as_strings() {
        let id = PlaceId::new("tartus");
        assert_eq!(id, "tartus");
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"tartus\"");
        let back: PlaceId = serde_json::from_str("\"tartus\"").unwrap();
        assert_eq!(back, id);
    }
}
