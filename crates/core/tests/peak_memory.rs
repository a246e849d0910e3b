//! Peak heap memory of the operations that read a whole input — importing another tool's
//! annotations and saving the project, opening a project file, opening one full of problems,
//! importing an article — measured by a counting allocator and held to at most 4× the input's
//! size in bytes.
//!
//! The allocator counts every live byte of this test binary, so the measurements run one after
//! another in a single test; each is the peak above what was live when the operation began.

use std::{fs, path::Path};

use marginalia_core::{
    export::{ExportOptions, Format, InFolder, export, write_output},
    import::annotations::UnitChoice,
    model::Project,
    store,
    workspace::Workspace,
};
use marginalia_testkit::{
    counting_alloc::{Counting, peak_of},
    workload::{SEED, article_html, corpus},
};

/// The most memory an operation may use, as a multiple of its input's size.
const MAX_TIMES_INPUT: f64 = 4.0;

/// Documents in the generated corpus of one-paragraph articles (about 640 bytes each, 2
/// annotations): enough that fixed costs do not count, and the hardest case, where ids, hashes
/// and the annotations weigh most beside the text.
const DOCUMENTS: usize = 2_000;

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// One measurement: what ran, its input's size and its peak.
struct Measured {
    what: &'static str,
    input: usize,
    peak: usize,
}

impl Measured {
    fn times(&self) -> f64 {
        self.peak as f64 / self.input as f64
    }
}

fn size_of(path: &Path) -> usize {
    usize::try_from(fs::metadata(path).expect("the input").len()).expect("fits")
}

/// Exports `project` as `format` to `file`, then measures importing it into a new project and
/// saving that to `saved`, as `marginalia import` does.
fn import_and_save(
    what: &'static str,
    project: &Project,
    format: Format,
    file: &Path,
    saved: &Path,
) -> Measured {
    let rendered = export(project, format, &ExportOptions::default()).expect("exports");
    write_output(&rendered.output, file, InFolder::EmptyOnly).expect("written");
    drop(rendered);
    let ((), peak) = peak_of(|| {
        let (mut workspace, _) = Workspace::from_annotations(
            &[file.to_path_buf()],
            UnitChoice::Detect,
            "Imported",
            Some("Analyst"),
            "2026-12-01T00:00:00Z",
        )
        .expect("the corpus imports");
        workspace.save_as(saved).expect("the project is saved");
    });
    Measured {
        what,
        input: size_of(file),
        peak,
    }
}

#[test]
fn reading_a_whole_input_peaks_at_most_at_four_times_its_size() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let project = corpus(DOCUMENTS, 100, 2, SEED);
    let mut measured = Vec::new();

    let imported = folder.path().join("imported.ron");
    measured.push(import_and_save(
        "import doccano JSONL of one-paragraph articles and save the project",
        &project,
        Format::Jsonl,
        &folder.path().join("paragraphs.jsonl"),
        &imported,
    ));
    measured.push(import_and_save(
        "import doccano JSONL of news-length articles and save the project",
        &corpus(DOCUMENTS / 4, 4_000, 10, SEED),
        Format::Jsonl,
        &folder.path().join("articles.jsonl"),
        &folder.path().join("articles.ron"),
    ));
    measured.push(import_and_save(
        "import a REFI-QDA .qdpx of one-paragraph articles and save the project",
        &project,
        Format::Qdpx,
        &folder.path().join("paragraphs.qdpx"),
        &folder.path().join("qdpx.ron"),
    ));

    let (opened, peak) = peak_of(|| store::load(&imported).expect("the project opens"));
    drop(opened);
    measured.push(Measured {
        what: "open a project file",
        input: size_of(&imported),
        peak,
    });

    let broken = folder.path().join("broken.ron");
    let wrong_quotes = fs::read_to_string(&imported)
        .expect("the project")
        .replace("quote: \"", "quote: \"not ");
    fs::write(&broken, wrong_quotes).expect("written");
    let (opened, peak) = peak_of(|| store::load(&broken).expect("a file of problems opens"));
    assert!(
        opened.warnings.len() >= DOCUMENTS,
        "every quote is wrong: {} warnings",
        opened.warnings.len()
    );
    drop(opened);
    measured.push(Measured {
        what: "open a project file whose every quote is wrong",
        input: size_of(&broken),
        peak,
    });

    let page = folder.path().join("article.html");
    fs::write(&page, article_html(2_000_000, SEED)).expect("written");
    let (workspace, peak) = peak_of(|| {
        Workspace::from_article(&page, "Analyst", "2026-12-01T00:00:00Z").expect("imports")
    });
    drop(workspace);
    measured.push(Measured {
        what: "import an HTML article",
        input: size_of(&page),
        peak,
    });

    for m in &measured {
        eprintln!(
            "{}: input {} bytes, peak {} bytes ({:.1}×)",
            m.what,
            m.input,
            m.peak,
            m.times()
        );
    }
    let over: Vec<_> = measured
        .iter()
        .filter(|m| m.times() > MAX_TIMES_INPUT)
        .map(|m| format!("{} ({:.1}×)", m.what, m.times()))
        .collect();
    assert!(
        over.is_empty(),
        "over {MAX_TIMES_INPUT}× the input: {over:?}"
    );
}
