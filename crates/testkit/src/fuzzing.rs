//! Fuzz targets: one function per file reader, each feeding arbitrary bytes to the entry point
//! the app uses and ignoring the error, since errors are fine and panics, hangs and unbounded
//! memory are not. `fuzz/` runs them under libFuzzer; `crates/core/tests/fuzz_corpus.rs` replays their saved
//! corpora in `cargo test`. See `docs/FUZZING.md`.
//!
//! Beyond "does not panic", two properties are checked (a failure panics, which the fuzzer
//! reports): a project that loads saves to text that loads again, and an import leaves a project
//! without errors.

use std::{io::Write as _, path::Path, sync::OnceLock};

use marginalia_core::{
    import::{
        self,
        annotations::{
            self, AnnotationImportError, ForeignSet, KnownText, UnitChoice,
            brat::{self, BratFiles},
        },
    },
    model::{Editor, Project, Severity, SourceFormat, validate},
    store,
};

/// A fuzz target: takes any bytes, may return early, must not panic.
pub type Target = fn(&[u8]);

/// Every target by name: the name of its folder under `fuzz/corpus/` and of its
/// `fuzz/fuzz_targets/` file.
pub const TARGETS: &[(&str, Target)] = &[
    ("project_ron", project_ron),
    ("article", article),
    ("annotations_brat", annotations_brat),
    ("annotations_doccano", annotations_doccano),
    ("annotations_w3c", annotations_w3c),
    ("annotations_qdpx", annotations_qdpx),
    ("annotations_qde", annotations_qde),
];

/// The time stamped on what the importers add.
const NOW: &str = "2026-01-01T00:00:00Z";

/// The project annotations are imported into: the small sample the golden exports are made from,
/// so that seeds made from them place their annotations.
const SAMPLE: &str = crate::SMALL_SAMPLE;

/// The byte that separates the files of one brat input (and the `project.qde` of a `.qde` input
/// from its source text): NUL, which none of those files holds.
pub const SEPARATOR: u8 = 0;

/// A project file's bytes, loaded with full validation as File ▸ Open does
/// ([`store::load_bytes`]); a project that loads must save ([`store::to_ron`]) and load again.
pub fn project_ron(data: &[u8]) {
    let path = Path::new("fuzz.ron");
    let Ok(loaded) = store::load_bytes(data, path) else {
        return;
    };
    let saved = match store::to_ron(&loaded.project) {
        Ok(saved) => saved,
        Err(error) => panic!("a project that loaded cannot be saved: {error}"),
    };
    if let Err(error) = store::load_str(&saved, path) {
        panic!("a project that loaded does not load once saved: {error}\n{saved}");
    }
}

/// An article's bytes imported as plain text, Markdown and HTML ([`import::article_from_bytes`]),
/// then made a document as File ▸ Import article does.
pub fn article(data: &[u8]) {
    for format in [
        SourceFormat::Text,
        SourceFormat::Markdown,
        SourceFormat::Html,
    ] {
        if let Ok(article) = import::article_from_bytes(data, format, "fuzz.html") {
            let _ = article.into_document("article");
        }
    }
}

/// A brat document: the `.ann` file, then optionally the `.txt`, `annotation.conf` and
/// `visual.conf`, separated by [`SEPARATOR`] ([`brat::from_bytes`]); imported into the sample.
pub fn annotations_brat(data: &[u8]) {
    let mut parts = data.split(|&b| b == SEPARATOR);
    let files = BratFiles {
        ann: parts.next().unwrap_or_default(),
        txt: parts.next(),
        annotation_conf: parts.next(),
        visual_conf: parts.next(),
    };
    import_into_sample(brat::from_bytes(Path::new("fuzz/doc.ann"), &files));
}

/// A doccano JSON or JSONL file ([`annotations::doccano::from_bytes`]), imported into the sample.
pub fn annotations_doccano(data: &[u8]) {
    let path = Path::new("fuzz.jsonl");
    import_into_sample(annotations::doccano::from_bytes(
        path,
        data,
        UnitChoice::Detect,
    ));
}

/// A W3C Web Annotation file ([`annotations::w3c::from_bytes`]), imported into the sample.
pub fn annotations_w3c(data: &[u8]) {
    let path = Path::new("fuzz.jsonld");
    import_into_sample(annotations::w3c::from_bytes(path, data, UnitChoice::Detect));
}

/// A REFI-QDA `.qdpx` archive ([`annotations::qdpx::from_bytes`]), imported into the sample.
pub fn annotations_qdpx(data: &[u8]) {
    import_into_sample(annotations::qdpx::from_bytes(Path::new("fuzz.qdpx"), data));
}

/// A REFI-QDA `project.qde`, optionally followed by [`SEPARATOR`] and the text of
/// `sources/a.txt`, packed into a `.qdpx` (entries stored, not compressed) and read as
/// [`annotations_qdpx`] does: the fuzzer mutates the XML, which inside a ZIP it rarely reaches.
pub fn annotations_qde(data: &[u8]) {
    let (qde, source) = match data.iter().position(|&b| b == SEPARATOR) {
        Some(at) => (&data[..at], Some(&data[at + 1..])),
        None => (data, None),
    };
    let mut entries = vec![("project.qde", qde)];
    entries.extend(source.map(|text| ("sources/a.txt", text)));
    if let Some(archive) = stored_zip(&entries) {
        annotations_qdpx(&archive);
    }
}

/// A ZIP archive of `entries`, stored without compression.
fn stored_zip(entries: &[(&str, &[u8])]) -> Option<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in entries {
        zip.start_file(*name, options).ok()?;
        zip.write_all(bytes).ok()?;
    }
    zip.finish().ok().map(std::io::Cursor::into_inner)
}

/// The sample project, loaded once.
fn sample() -> &'static Project {
    static SAMPLE_PROJECT: OnceLock<Project> = OnceLock::new();
    SAMPLE_PROJECT.get_or_init(
        || match store::load_str(SAMPLE, Path::new("small-sample.ron")) {
            Ok(loaded) => loaded.project,
            Err(error) => panic!("the embedded sample project does not load: {error}"),
        },
    )
}

/// Does with a read annotation file what Import annotations does with the open project: places
/// it on the sample's texts, makes the one edit and applies it. The project must stay sound.
fn import_into_sample(read: Result<ForeignSet, AnnotationImportError>) {
    let Ok(set) = read else {
        return;
    };
    let project = sample();
    let known: Vec<KnownText> = project
        .documents()
        .iter()
        .map(|d| KnownText {
            title: d.title(),
            text: d.text(),
            source: d.source(),
        })
        .collect();
    let mut anchored = annotations::anchor(vec![set], &known);
    let (edit, _) = annotations::into_edits(&mut anchored, project, NOW);
    let mut editor = Editor::new(project.clone());
    // The import builds its own edit: the editor refusing it is a bug a user would meet.
    if let Err(error) = editor.apply(edit, NOW) {
        panic!("the editor refused the edit an import made: {error}");
    }
    let errors: Vec<String> = validate::check_project(editor.project())
        .into_iter()
        .filter(|p| p.severity() == Severity::Error)
        .map(|p| p.to_string())
        .collect();
    assert!(
        errors.is_empty(),
        "an import left the project unsound: {errors:?}"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_loads_and_every_target_takes_empty_and_sample_input() {
        assert!(!sample().documents().is_empty());
        for (name, target) in TARGETS {
            for data in [b"".as_slice(), b"\0", SAMPLE.as_bytes()] {
                target(data);
            }
            assert!(!name.is_empty());
        }
    }

    #[test]
    fn a_qde_input_is_packed_into_an_archive_the_reader_opens() {
        let archive = stored_zip(&[("project.qde", b"<Project/>")]).expect("zip");
        let set = annotations::qdpx::from_bytes(Path::new("x.qdpx"), &archive).expect("reads");
        assert_eq!(set.format, "REFI-QDA");
    }
}
