//! `RelationKind`: what a relation between two annotations means (`attributed_to`, `invokes`, or
//! the analyst's own), kept in the codebook beside the labels, with the labels allowed at each end.

use serde::{Deserialize, Serialize};

use super::{CONTINUES, Relation, label::PALETTE};

/// The default kind that ties a claim to the source it is attributed to.
pub const ATTRIBUTED_TO: &str = "attributed_to";

/// The default kind that ties a claim to a norm it invokes.
pub const INVOKES: &str = "invokes";

/// A kind of relation in the project's codebook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelationKind {
    /// Stable identifier referenced by relations (`relations[].kind`).
    pub id: String,
    /// Name shown to the analyst.
    pub name: String,
    /// Colour as `#RRGGBB`: of the arcs drawn for relations of this kind.
    pub color: String,
    /// Key that chooses the kind while linking.
    #[serde(default)]
    pub key: Option<char>,
    /// What the kind means: the coding instruction.
    #[serde(default)]
    pub description: String,
    /// Labels (`labels[].id`) a relation of this kind may start at; empty: any label.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub from_labels: Vec<String>,
    /// Labels a relation of this kind may point to; empty: any label.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub to_labels: Vec<String>,
}

impl RelationKind {
    /// A kind with no key, no description and no restriction on its ends.
    #[must_use]
    pub fn new(id: &str, name: &str, color: &str) -> Self {
        Self {
            id: id.to_owned(),
            name: name.to_owned(),
            color: color.to_owned(),
            key: None,
            description: String::new(),
            from_labels: Vec::new(),
            to_labels: Vec::new(),
        }
    }

    /// Whether a relation of this kind may run from an annotation labelled `from` to one
    /// labelled `to` (label ids).
    #[must_use]
    pub fn allows(&self, from: &str, to: &str) -> bool {
        let admits =
            |labels: &[String], label: &str| labels.is_empty() || labels.iter().any(|l| l == label);
        admits(&self.from_labels, from) && admits(&self.to_labels, to)
    }

    /// The colour as RGB bytes, if it is a well-formed `#RRGGBB`.
    #[must_use]
    pub fn rgb(&self) -> Option<[u8; 3]> {
        super::label::parse_color(&self.color)
    }
}

/// The kinds a new project starts with: `attributed_to` (claim → source, key `a`) and `invokes`
/// (claim → norm, key `i`).
#[must_use]
pub fn default_relation_kinds() -> Vec<RelationKind> {
    let kind =
        |id: &str, name: &str, color: &str, key: char, to: &str, description: &str| RelationKind {
            key: Some(key),
            description: description.to_owned(),
            from_labels: vec!["claim".to_owned()],
            to_labels: vec![to.to_owned()],
            ..RelationKind::new(id, name, color)
        };
    vec![
        kind(
            ATTRIBUTED_TO,
            "attributed to",
            PALETTE[1],
            'a',
            "source",
            "The claim is made by, or reported from, this source.",
        ),
        kind(
            INVOKES,
            "invokes",
            PALETTE[2],
            'i',
            "norm",
            "The claim appeals to this norm as binding or expected conduct.",
        ),
    ]
}

/// The kind a relation of kind `id` gets when a file or an import uses it without declaring it:
/// named after its id (`continues` and underscores read as words), in the first palette colour no
/// kind has, with the first letter of its name no kind uses as its key.
#[must_use]
pub fn adopted_kind(id: &str, kinds: &[RelationKind]) -> RelationKind {
    let name = id.replace('_', " ");
    let color = PALETTE
        .iter()
        .find(|c| !kinds.iter().any(|k| k.color.eq_ignore_ascii_case(c)))
        .copied()
        .unwrap_or(UNCOLOURED);
    let key = name
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .find(|c| !kinds.iter().any(|k| k.key == Some(*c)));
    let description = if id == CONTINUES {
        "A later fragment of a passage coded in pieces, tied to the fragment before it.".to_owned()
    } else {
        String::new()
    };
    RelationKind {
        key,
        description,
        ..RelationKind::new(id, &name, color)
    }
}

/// A new kind named `name`, as the analyst adds one: its id the name in lower case with `_`
/// between words (made unique among `kinds`), a free colour and key, no restriction on its ends.
#[must_use]
pub fn named_kind(name: &str, kinds: &[RelationKind]) -> RelationKind {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let base = if words.is_empty() {
        "related_to".to_owned()
    } else {
        words.join("_")
    };
    let mut id = base.clone();
    let mut n = 2;
    while kinds.iter().any(|k| k.id == id) {
        id = format!("{base}_{n}");
        n += 1;
    }
    RelationKind {
        name: name.trim().to_owned(),
        description: String::new(),
        ..adopted_kind(&id, kinds)
    }
}

/// The colour of an adopted kind once the palette is used up: a grey readable on light and dark.
const UNCOLOURED: &str = "#7F7F7F";

/// Declares every kind `relations` use that `kinds` lacks, in the order first used.
pub fn adopt_kinds<'r>(
    kinds: &mut Vec<RelationKind>,
    relations: impl Iterator<Item = &'r Relation>,
) {
    for relation in relations {
        if !relation.kind.trim().is_empty() && !kinds.iter().any(|k| k.id == relation.kind) {
            let kind = adopted_kind(&relation.kind, kinds);
            kinds.push(kind);
        }
    }
}

/// The kinds allowed from an annotation labelled `from` to one labelled `to` (label ids), in
/// codebook order.
pub fn kinds_allowing<'k>(
    kinds: &'k [RelationKind],
    from: &'k str,
    to: &'k str,
) -> impl Iterator<Item = &'k RelationKind> + 'k {
    kinds.iter().filter(move |k| k.allows(from, to))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn relation(kind: &str) -> Relation {
        Relation {
            id: format!("r-{kind}"),
            kind: kind.into(),
            from: "a".into(),
            to: "b".into(),
            note: String::new(),
        }
    }

    #[test]
    fn defaults_tie_claims_to_sources_and_norms() {
        let kinds = default_relation_kinds();
        let [attributed, invokes] = [&kinds[0], &kinds[1]];
        assert!(attributed.allows("claim", "source"));
        assert!(!attributed.allows("source", "claim"));
        assert!(!attributed.allows("claim", "norm"));
        assert!(invokes.allows("claim", "norm"));
        assert_eq!((attributed.key, invokes.key), (Some('a'), Some('i')));
        assert!(RelationKind::new("x", "x", "#000000").allows("norm", "norm"));
    }

    #[test]
    fn kinds_used_but_not_declared_are_adopted_once_each() {
        let mut kinds = default_relation_kinds();
        let used = [
            relation("attributed_to"),
            relation("continues"),
            relation("Cause_Effect"),
            relation("continues"),
        ];
        adopt_kinds(&mut kinds, used.iter());
        let ids: Vec<_> = kinds.iter().map(|k| k.id.as_str()).collect();
        assert_eq!(
            ids,
            ["attributed_to", "invokes", "continues", "Cause_Effect"]
        );
        assert_eq!(kinds[2].name, "continues");
        assert_eq!(kinds[2].key, Some('c'));
        assert_eq!(kinds[3].name, "Cause Effect");
        assert_eq!(
            kinds[3].key,
            Some('u'),
            "c is taken, then a, so the next letter"
        );
        assert_ne!(kinds[2].color, kinds[3].color);
        assert!(kinds[3].allows("anything", "at all"));
        let added = named_kind("Cause / effect", &kinds);
        assert_eq!(
            (added.id.as_str(), added.name.as_str()),
            ("cause_effect", "Cause / effect")
        );
        kinds.push(added);
        assert_eq!(named_kind("cause effect", &kinds).id, "cause_effect_2");
    }
}
