//! Which text a foreign document's annotations are placed on: the one its file carries, or one of
//! the known texts (the open project's documents, articles given with the files) found by hash,
//! source, title, or because it is the only one.

use super::KnownText;
use crate::{
    import::{annotations::ForeignDocument, normalise},
    model::{ni_sha256, sha256_hex},
};

/// The text a document's annotations are placed on: (as the file holds it, normalised, known).
pub(super) fn resolve_text(
    doc: &ForeignDocument,
    known: &[KnownText],
) -> Result<(String, String, Option<usize>), String> {
    if let Some(raw) = &doc.text {
        let (text, _) = normalise(raw);
        let hash = sha256_hex(text.as_bytes());
        let known = known
            .iter()
            .position(|k| sha256_hex(k.text.as_bytes()) == hash);
        return Ok((raw.clone(), text, known));
    }
    let by = |matches: &dyn Fn(&KnownText) -> bool| {
        let hits: Vec<usize> = (0..known.len()).filter(|&i| matches(&known[i])).collect();
        (hits.len() == 1).then(|| hits[0])
    };
    let found = doc
        .text_ref
        .as_deref()
        .and_then(|r| {
            by(&|k| text_ref_matches(r, k))
                .or_else(|| by(&|k| k.title == doc.title && !doc.title.is_empty()))
        })
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

/// Whether a W3C `source` names this text: its SHA-256 (as `ni:///sha-256;…`, `urn:sha256:…`
/// or bare hex), its source path, or a path ending in its file name.
fn text_ref_matches(reference: &str, known: &KnownText) -> bool {
    let hash = sha256_hex(known.text.as_bytes());
    if reference.eq_ignore_ascii_case(&format!("urn:sha256:{hash}"))
        || reference == ni_sha256(known.text)
        || reference.eq_ignore_ascii_case(&hash)
    {
        return true;
    }
    known.source.is_some_and(|source| {
        let trimmed = reference.trim_start_matches("file://");
        source == reference
            || source == trimmed
            || std::path::Path::new(source).file_name() == std::path::Path::new(trimmed).file_name()
    })
}
