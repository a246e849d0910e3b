//! `Format`: the export formats, their names on the command line and their file extensions.

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// RFC 4180 evidence table for spreadsheets.
    Csv,
    /// The whole project as JSON (the same content as the RON file).
    Json,
    /// doccano's sequence-labelling JSONL, one document per line.
    Jsonl,
    /// brat standoff: a folder of `.txt`/`.ann` pairs with `annotation.conf` and `visual.conf`.
    Brat,
    /// W3C Web Annotation (JSON-LD): an `AnnotationCollection`.
    W3c,
    /// REFI-QDA project (`.qdpx`) for ATLAS.ti, MAXQDA, NVivo and QualCoder.
    Qdpx,
    /// REFI-QDA codebook (`.qdc`): the labels alone.
    Qdc,
    /// A self-contained HTML report.
    Html,
    /// A Markdown summary per label.
    Markdown,
    /// CoNLL-style BIO tokens.
    Conll,
}

impl Format {
    /// Every format, in the order they are offered.
    pub const ALL: [Self; 10] = [
        Self::Csv,
        Self::Json,
        Self::Jsonl,
        Self::Brat,
        Self::W3c,
        Self::Qdpx,
        Self::Qdc,
        Self::Html,
        Self::Markdown,
        Self::Conll,
    ];

    /// The name on the command line (`--format NAME`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Json => "json",
            Self::Jsonl => "jsonl",
            Self::Brat => "brat",
            Self::W3c => "w3c",
            Self::Qdpx => "qdpx",
            Self::Qdc => "qdc",
            Self::Html => "html",
            Self::Markdown => "md",
            Self::Conll => "conll",
        }
    }

    /// The format named `name` (as [`Format::name`] gives it), if any.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }

    /// What the format is and who reads it, for menus and help.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Self::Csv => "CSV evidence table (spreadsheets)",
            Self::Json => "JSON project (scripts)",
            Self::Jsonl => "doccano JSONL (sequence labelling)",
            Self::Brat => "brat standoff (folder of .txt/.ann)",
            Self::W3c => "W3C Web Annotation (JSON-LD)",
            Self::Qdpx => "REFI-QDA project .qdpx (ATLAS.ti, MAXQDA, NVivo, QualCoder)",
            Self::Qdc => "REFI-QDA codebook .qdc (labels only)",
            Self::Html => "HTML report (mail or print)",
            Self::Markdown => "Markdown summary (memos)",
            Self::Conll => "CoNLL BIO tokens (machine learning)",
        }
    }

    /// The file extension of the output, without the dot; `None` for a folder (brat).
    #[must_use]
    pub fn extension(self) -> Option<&'static str> {
        match self {
            Self::Csv => Some("csv"),
            Self::Json => Some("json"),
            Self::Jsonl => Some("jsonl"),
            Self::Brat => None,
            Self::W3c => Some("jsonld"),
            Self::Qdpx => Some("qdpx"),
            Self::Qdc => Some("qdc"),
            Self::Html => Some("html"),
            Self::Markdown => Some("md"),
            Self::Conll => Some("conll"),
        }
    }

    /// Whether positions in the output follow [`super::ExportOptions::offsets`].
    #[must_use]
    pub fn has_offset_choice(self) -> bool {
        matches!(self, Self::Jsonl | Self::Csv)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_reads_back() {
        for format in Format::ALL {
            assert_eq!(Format::from_name(format.name()), Some(format));
        }
        assert_eq!(Format::from_name("xml"), None);
    }
}
