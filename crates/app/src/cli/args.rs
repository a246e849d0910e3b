//! The command line's shape (clap): subcommands, arguments and their help texts.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Marginalia: code claims, sources and norms in articles.
#[derive(Debug, Parser)]
#[command(
    name = "marginalia",
    version,
    about,
    long_about = "Marginalia: code claims, sources and norms in articles.\n\nWith no arguments, \
                  opens the window on the last project (the bundled sample the first time). With \
                  a PATH, opens that project (.ron) or starts a new project from that article \
                  (.txt, .md, .html). The subcommands work without a window.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// A project (.ron) to open in the window, or an article to start a new project from.
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Make a new project from one or more articles (.txt, .md, .html).
    New {
        /// Article files to put in the project, in order.
        #[arg(required = true, value_name = "ARTICLE")]
        articles: Vec<PathBuf>,
        /// Where to write the project (a .ron file).
        #[arg(short, long, value_name = "PROJECT.ron")]
        output: PathBuf,
        /// Who codes the project [default: $MARGINALIA_ANNOTATOR, else your user name].
        #[arg(long, value_name = "NAME")]
        annotator: Option<String>,
        /// The project's title [default: the first article's title].
        #[arg(long, value_name = "TITLE")]
        title: Option<String>,
        /// Replace the output file if it exists (its previous version is kept as .bak).
        #[arg(long)]
        force: bool,
    },
    /// Add articles to an existing project as new documents.
    Add {
        /// The project file to change.
        #[arg(value_name = "PROJECT.ron")]
        project: PathBuf,
        /// Article files to add.
        #[arg(required = true, value_name = "ARTICLE")]
        articles: Vec<PathBuf>,
    },
    /// Show a project's documents, their sizes and annotation counts per label.
    Info {
        #[arg(value_name = "PROJECT.ron")]
        project: PathBuf,
    },
    /// Validate a project fully; exit status 0 when sound, 1 with every problem listed.
    Check {
        #[arg(value_name = "PROJECT.ron")]
        project: PathBuf,
    },
    /// Compare analysts' projects of the same articles: agreement per label and overall, and
    /// every difference. Documents are matched by their text, not their title; the first
    /// project is the reference for precision and recall.
    Compare {
        /// Two or more project files.
        #[arg(required = true, num_args = 2.., value_name = "PROJECT.ron")]
        projects: Vec<PathBuf>,
        /// Only this label (its id, e.g. `claim`).
        #[arg(long, value_name = "ID")]
        label: Option<String>,
        /// Kappa over only the characters somebody coded, not the whole text.
        #[arg(long)]
        exclude_uncoded: bool,
        /// Print one JSON object instead of tables (its shape is in the README).
        #[arg(long)]
        json: bool,
    },
    /// Write a project's annotations in another tool's format. Every quote is checked against
    /// the text first, and what the format cannot carry is listed.
    Export {
        #[arg(value_name = "PROJECT.ron")]
        project: PathBuf,
        /// The format to write.
        #[arg(long, short, value_name = "FORMAT", value_parser = format_names())]
        format: String,
        /// Where to write: a file (`-` for standard output), or a folder for brat.
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        /// Only this document: its id, or a title no other document has.
        #[arg(long, value_name = "TITLE|ID")]
        doc: Option<String>,
        /// The unit of positions in jsonl (and of the extra CSV columns).
        #[arg(long, value_name = "UNIT", default_value = "chars", value_parser = unit_names())]
        offsets: String,
        /// CSV: start with a UTF-8 byte-order mark so that Excel reads the file as UTF-8.
        #[arg(long)]
        bom: bool,
        /// CSV: keep cells that start with = + - @ as they are (by default they are prefixed
        /// with ' so that spreadsheets do not run them as formulas).
        #[arg(long)]
        no_formula_protection: bool,
        /// brat: write into a folder that holds a previous export, replacing its files of the
        /// same names (a folder holding any other file is still refused).
        #[arg(long)]
        replace: bool,
    },
    /// Replace a document's text with a new version of the article. Annotations in unchanged
    /// text move with it; those an edit touched are found again by their quote and context;
    /// what cannot be placed with confidence is kept as an orphan to review in the window.
    /// Undo in the window restores the old text.
    Update {
        /// The project file to change.
        #[arg(value_name = "PROJECT.ron")]
        project: PathBuf,
        /// The document: its id, or a title no other document has [default: the only
        /// document].
        #[arg(long, value_name = "TITLE|ID")]
        doc: Option<String>,
        /// The new version of the article (.txt, .md, .html).
        #[arg(value_name = "NEW_ARTICLE")]
        article: PathBuf,
        /// Print what would happen to each annotation; change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// What the coding adds up to: passages and coded chars per document and label, label
    /// co-occurrence, relations per kind, and the sources ranked by the claims attributed to
    /// them.
    Stats {
        #[arg(value_name = "PROJECT.ron")]
        project: PathBuf,
        /// Print one JSON object.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Print the document × label counts as CSV (one row per document and label).
        #[arg(long)]
        csv: bool,
    },
    /// List the coded passages of some labels (all by default) with their notes and what their
    /// relations tie them to. Exit status 0 with passages, 1 with none.
    Passages {
        #[arg(value_name = "PROJECT.ron")]
        project: PathBuf,
        /// Only passages of this label (its id); repeat for several.
        #[arg(long = "label", value_name = "LABEL")]
        labels: Vec<String>,
        /// Only this document: its id, or a title no other document has.
        #[arg(long, value_name = "TITLE|ID")]
        doc: Option<String>,
        /// Only passages whose quote or note holds this text (case aside).
        #[arg(long, value_name = "TEXT", default_value = "")]
        text: String,
        /// Only passages this analyst made (a merged project's analysts, else its annotator).
        #[arg(long, value_name = "NAME", default_value = "")]
        analyst: String,
        /// Sort by label (codebook order) instead of document order.
        #[arg(long)]
        by_label: bool,
        /// Print CSV (one row per passage).
        #[arg(long, conflicts_with = "markdown")]
        csv: bool,
        /// Print Markdown (a section per document).
        #[arg(long)]
        markdown: bool,
    },
    /// Propose sources, claims and norms from the cues of the text (offline rules, see
    /// docs/SUGGEST.md) and print them with the rule and the reason; with --apply, add them to the
    /// project and save it; with --evaluate, score them against the project's own annotations.
    /// Exit status 0 with proposals, 1 with none.
    Suggest {
        #[arg(value_name = "PROJECT.ron")]
        project: PathBuf,
        /// Only this document: its id, or a title no other document has.
        #[arg(long, value_name = "TITLE|ID")]
        doc: Option<String>,
        /// Only proposals of these labels (ids, separated by commas).
        #[arg(long, value_name = "LABELS", value_delimiter = ',')]
        labels: Vec<String>,
        /// Only proposals at least this sure (0 to 1).
        #[arg(long, value_name = "X", default_value_t = 0.0)]
        min_confidence: f32,
        /// A rules file to use instead of the built-in English rules.
        #[arg(long, value_name = "RULES.ron")]
        rules: Option<PathBuf>,
        /// Which of the project's labels plays a role, e.g. `Content=claim` (roles: source,
        /// claim, norm); by default the labels with ids source, claim and norm.
        #[arg(long = "map", value_name = "LABEL=ROLE")]
        maps: Vec<String>,
        /// Add the proposals (claims linked to their sources) and save the project.
        #[arg(long, conflicts_with = "evaluate")]
        apply: bool,
        /// Score the proposals against the project's annotations (strict and overlap P/R/F1).
        #[arg(long)]
        evaluate: bool,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Search the project's articles and print every hit in its context; with --tag, tag every
    /// hit with a label and save the project. Exit status 0 with hits, 1 with none.
    Find {
        #[arg(value_name = "PROJECT.ron")]
        project: PathBuf,
        /// The text to find (a regular expression with --regex).
        #[arg(value_name = "PATTERN")]
        pattern: String,
        /// PATTERN is a regular expression (Rust `regex` syntax).
        #[arg(long)]
        regex: bool,
        /// Only whole words.
        #[arg(long)]
        whole_word: bool,
        /// Tell upper and lower case apart.
        #[arg(long)]
        case_sensitive: bool,
        /// Only this document: its id, or a title no other document has.
        #[arg(long, value_name = "TITLE|ID")]
        doc: Option<String>,
        /// Tag every hit with this label (its id) and save the project; hits already coded so
        /// are skipped.
        #[arg(long, value_name = "LABEL")]
        tag: Option<String>,
        /// With --tag: widen each hit to its word, sentence or paragraph first.
        #[arg(long, value_enum, default_value_t = WidenArg::Exact, requires = "tag")]
        widen: WidenArg,
        /// Print the hits as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Make a new project from other tools' annotation files: brat (.ann with its .txt, or a
    /// folder), doccano JSONL, W3C Web Annotation (.json/.jsonld, give the article too) and
    /// REFI-QDA (.qdpx). Annotations that cannot be placed on the text are listed.
    Import {
        /// Annotation files, and the articles (.txt, .md, .html) formats without text refer to.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Where to write the new project (a .ron file).
        #[arg(short, long, value_name = "PROJECT.ron")]
        output: PathBuf,
        /// The unit of positions in doccano and W3C files [default: worked out from the text].
        #[arg(long, value_name = "UNIT", value_parser = unit_names())]
        offsets: Option<String>,
        /// Who coded the annotations [default: what the files say, else your user name].
        #[arg(long, value_name = "NAME")]
        annotator: Option<String>,
        /// The project's title [default: the output file's name].
        #[arg(long, value_name = "TITLE")]
        title: Option<String>,
        /// Replace the output file if it exists (its previous version is kept as .bak).
        #[arg(long)]
        force: bool,
    },
}

fn format_names() -> clap::builder::PossibleValuesParser {
    crate::export::Format::ALL
        .map(crate::export::Format::name)
        .into()
}

fn unit_names() -> clap::builder::PossibleValuesParser {
    crate::model::OffsetUnit::ALL
        .map(crate::model::OffsetUnit::name)
        .into()
}

/// How far `find --tag` widens each hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum WidenArg {
    Exact,
    Word,
    Sentence,
    Paragraph,
}
