//! Which text a foreign document's annotations are placed on: the one its file carries, or one of
//! the known texts (the open project's documents, articles given with the files) found by hash,
//! source, title, or because it is the only one.

use std::{cell::OnceCell, collections::HashMap, ffi::OsStr, path::Path};

use super::KnownText;
use crate::{
    import::{annotations::ForeignDocument, normalise},
    model::{ni_sha256, sha256_hex},
};

/// The known texts, with what they are looked up by, computed once per import (hashing every
/// text once) and only when a document needs them.
pub(super) struct KnownTexts<'k, 'a> {
    known: &'k [KnownText<'a>],
    lookup: OnceCell<Lookup<'a>>,
}

/// Indices of known texts (ascending) by each thing a file may name them by.
#[derive(Default)]
struct Lookup<'a> {
    /// By SHA-256 of the text, lowercase hex.
    hash: HashMap<String, Vec<usize>>,
    /// By the text's `ni:///sha-256;…` name.
    named_info: HashMap<String, Vec<usize>>,
    /// By source path or IRI, as given.
    source: HashMap<&'a str, Vec<usize>>,
    /// By the file name at the end of the source.
    file_name: HashMap<&'a OsStr, Vec<usize>>,
    /// By title (non-empty titles only).
    title: HashMap<&'a str, Vec<usize>>,
}

impl<'k, 'a> KnownTexts<'k, 'a> {
    pub(super) fn new(known: &'k [KnownText<'a>]) -> Self {
        Self {
            known,
            lookup: OnceCell::new(),
        }
    }

    /// The known text at `index`.
    pub(super) fn get(&self, index: usize) -> &KnownText<'a> {
        &self.known[index]
    }

    fn lookup(&self) -> &Lookup<'a> {
        self.lookup.get_or_init(|| {
            let mut lookup = Lookup::default();
            for (i, k) in self.known.iter().enumerate() {
                let add =
                    |map: &mut HashMap<_, Vec<usize>>, key| map.entry(key).or_default().push(i);
                add(&mut lookup.hash, sha256_hex(k.text.as_bytes()));
                add(&mut lookup.named_info, ni_sha256(k.text));
                if !k.title.is_empty() {
                    lookup.title.entry(k.title).or_default().push(i);
                }
                if let Some(source) = k.source {
                    lookup.source.entry(source).or_default().push(i);
                    if let Some(name) = Path::new(source).file_name() {
                        lookup.file_name.entry(name).or_default().push(i);
                    }
                }
            }
            lookup
        })
    }

    /// The known text a W3C `source` names: by its SHA-256 (as `ni:///sha-256;…`,
    /// `urn:sha256:…` or bare hex), its source path, or a path ending in its file name — if
    /// exactly one text is named.
    fn named_by(&self, reference: &str) -> Option<usize> {
        let lookup = self.lookup();
        let lower = reference.to_ascii_lowercase();
        let hex = lower.strip_prefix("urn:sha256:").unwrap_or(&lower);
        let trimmed = reference.trim_start_matches("file://");
        let mut hits: Vec<usize> = [
            lookup.hash.get(hex),
            lookup.named_info.get(reference),
            lookup.source.get(reference),
            lookup.source.get(trimmed),
            Path::new(trimmed)
                .file_name()
                .and_then(|name| lookup.file_name.get(name)),
        ]
        .into_iter()
        .flatten()
        .flatten()
        .copied()
        .collect();
        hits.sort_unstable();
        hits.dedup();
        only(&hits)
    }

    /// The known text titled `title`, if exactly one is.
    fn titled(&self, title: &str) -> Option<usize> {
        self.lookup().title.get(title).and_then(|hits| only(hits))
    }

    /// The first known text that is `text` exactly.
    fn same_text(&self, text: &str) -> Option<usize> {
        if self.known.is_empty() {
            return None;
        }
        let hash = sha256_hex(text.as_bytes());
        self.lookup().hash.get(&hash).map(|hits| hits[0])
    }
}

/// The one index in `hits`, if there is exactly one.
fn only(hits: &[usize]) -> Option<usize> {
    match hits {
        [one] => Some(*one),
        _ => None,
    }
}

/// The text a document's annotations are placed on: (as the file holds it, normalised, known).
pub(super) fn resolve_text(
    doc: &ForeignDocument,
    texts: &KnownTexts,
) -> Result<(String, String, Option<usize>), String> {
    if let Some(raw) = &doc.text {
        let (text, _) = normalise(raw);
        let known = texts.same_text(&text);
        return Ok((raw.clone(), text, known));
    }
    let known = texts.known;
    let found = doc
        .text_ref
        .as_deref()
        .and_then(|r| texts.named_by(r).or_else(|| texts.titled(&doc.title)))
        .or_else(|| (known.len() == 1).then_some(0));
    match found {
        Some(i) => Ok((known[i].text.to_owned(), known[i].text.to_owned(), Some(i))),
        None if known.is_empty() => Err(
            "the file does not carry the article's text; import the article with it (give the \
             article file too, or open the project that holds it)"
                .to_owned(),
        ),
        None => Err(format!(
            "the file does not say which article it annotates in a way Marginalia recognises \
             ({}); give only that article with it",
            doc.text_ref.as_deref().unwrap_or("no source given")
        )),
    }
}
