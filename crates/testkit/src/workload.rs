//! Deterministic test workloads: articles of realistic prose of a chosen size (with some
//! non-ASCII text) and projects with many annotations over them, a fifth of them overlapping or
//! nested, plus a second analyst's project that agrees on most spans. Seeded, so benchmarks and
//! tests see the same data on every run. Offsets are chars.

use marginalia_core::model::{
    ATTRIBUTED_TO, Annotation, Document, Edit, Editor, INVOKES, Meta, Project, Relation, Span,
    label::default_labels,
};

/// A benchmark size: an article of about `bytes` bytes with `annotations` annotations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    /// How tables and benchmark names call it ("1MB").
    pub name: &'static str,
    pub bytes: usize,
    pub annotations: usize,
}

/// The three sizes every benchmark runs at: 10 KB / 100, 100 KB / 1,000 and 1 MB / 10,000.
pub const SIZES: [Size; 3] = [
    Size {
        name: "10KB",
        bytes: 10_000,
        annotations: 100,
    },
    Size {
        name: "100KB",
        bytes: 100_000,
        annotations: 1_000,
    },
    Size {
        name: "1MB",
        bytes: 1_000_000,
        annotations: 10_000,
    },
];

/// The seed the benchmarks use.
pub const SEED: u64 = 42;

/// A small, fast, seeded generator (SplitMix64); not for anything but test data.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    #[must_use]
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `range` (`range.start < range.end`).
    pub fn below(&mut self, range: std::ops::Range<usize>) -> usize {
        let width = (range.end - range.start).max(1) as u64;
        range.start + (self.next_u64() % width) as usize
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

const WORDS: &[&str] = &[
    "the",
    "state",
    "norm",
    "attack",
    "report",
    "ministry",
    "said",
    "that",
    "its",
    "territory",
    "was",
    "used",
    "by",
    "a",
    "group",
    "which",
    "officials",
    "denied",
    "any",
    "role",
    "in",
    "cyberspace",
    "due",
    "diligence",
    "requires",
    "reasonable",
    "steps",
    "against",
    "harm",
    "evidence",
    "attribution",
    "remains",
    "contested",
    "and",
    "experts",
    "argue",
    "sovereignty",
    "obligation",
    "conduct",
    "response",
    "notification",
    "infrastructure",
    "government",
    "agency",
    "international",
    "law",
    "court",
    "treaty",
    "should",
    "must",
    "may",
    "never",
    "publicly",
    "claimed",
    "according",
    "to",
    "analysts",
    "Völkerrecht",
    "état",
    "Petrović",
    "Zürich",
    "São",
    "Paulo",
    "naïve",
    "coöperation",
    "東京",
    "—",
    "“independent”",
    "résumé",
];

/// An article of about `bytes` UTF-8 bytes: paragraphs of 1–8 sentences of 6–30 words, blank
/// lines between paragraphs, now and then a non-ASCII word or an emoji.
#[must_use]
pub fn article(bytes: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut text = String::with_capacity(bytes + 256);
    while text.len() < bytes {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        for s in 0..rng.below(1..9) {
            if s > 0 {
                text.push(' ');
            }
            let words = rng.below(6..31);
            for w in 0..words {
                let word = WORDS[rng.below(0..WORDS.len())];
                if w == 0 {
                    let mut chars = word.chars();
                    if let Some(first) = chars.next() {
                        text.extend(first.to_uppercase());
                        text.push_str(chars.as_str());
                    }
                } else {
                    text.push(' ');
                    text.push_str(word);
                }
                if rng.chance(1) {
                    text.push_str(" 🌍");
                }
            }
            text.push('.');
        }
    }
    text
}

/// The same article as an HTML page, the way a news site serves it: a head with a title, a
/// navigation bar and a footer around an `<article>` of `<p>` paragraphs, the text escaped.
#[must_use]
pub fn article_html(bytes: usize, seed: u64) -> String {
    let text = article(bytes, seed);
    let mut html = String::with_capacity(text.len() + text.len() / 8 + 512);
    html.push_str(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>Generated article</title></head>\n<body><nav><a href=\"/\">Home</a> \
         <a href=\"/world\">World</a></nav>\n<article><h1>Generated article</h1>\n",
    );
    for paragraph in text.split("\n\n") {
        html.push_str("<p>");
        html.push_str(&marginalia_core::export::html::escape(paragraph));
        html.push_str("</p>\n");
    }
    html.push_str("</article>\n<footer>© The Publisher</footer></body></html>\n");
    html
}

/// The char spans of the whitespace-separated words of `text`.
#[must_use]
pub fn word_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.chars().enumerate() {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                spans.push(Span::new(s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push(Span::new(s, text.chars().count()));
    }
    spans
}

/// Two analysts' projects of one article of about `bytes` bytes: the first with `annotations`
/// annotations over the three default labels (about a fifth nested in or overlapping the one
/// before, a third with notes); the second agrees on most of them — some boundaries moved by a
/// word, some relabelled, some left out, a few of its own.
#[must_use]
pub fn two_analysts(bytes: usize, annotations: usize, seed: u64) -> (Project, Project) {
    let text = article(bytes, seed);
    let words = word_spans(&text);
    let mut rng = Rng::new(seed ^ 0xA11CE);
    let labels = ["claim", "source", "norm"];
    let mut first: Vec<Span> = Vec::with_capacity(annotations);
    let stride = (words.len() / annotations.max(1)).max(1);
    for n in 0..annotations {
        let previous = first.last().copied();
        let span = match previous {
            Some(prev) if rng.chance(20) && prev.len() > 2 => {
                // Nested in, or overlapping the end of, the previous span.
                let from = words.partition_point(|w| w.start < prev.start);
                let to = words.partition_point(|w| w.end <= prev.end).max(from + 1);
                let a = rng.below(from..to);
                let b = (a + rng.below(1..6)).min(words.len() - 1);
                Span::new(words[a].start, words[b].end)
            }
            _ => {
                let a = (n * stride + rng.below(0..stride)).min(words.len() - 1);
                let b = (a + rng.below(0..20)).min(words.len() - 1);
                Span::new(words[a].start, words[b].end)
            }
        };
        first.push(span);
    }
    let project_a = build(
        "Workload",
        "Analyst A",
        &text,
        first.iter().enumerate().map(|(i, &s)| {
            (
                s,
                labels[i % 3],
                if i % 3 == 0 {
                    "A note on this passage."
                } else {
                    ""
                },
            )
        }),
    );

    let mut second: Vec<(Span, &str, &str)> = Vec::with_capacity(annotations);
    for (i, &span) in first.iter().enumerate() {
        let label = labels[i % 3];
        let roll = rng.below(0..100);
        match roll {
            0..80 => second.push((span, label, "")),
            80..88 => {
                let at = words
                    .partition_point(|w| w.end <= span.end)
                    .min(words.len() - 1);
                let next = (at + 1).min(words.len() - 1);
                second.push((Span::new(span.start, words[next].end), label, ""));
            }
            88..93 => second.push((span, labels[(i + 1) % 3], "Relabelled.")),
            93..97 => {}
            _ => {
                second.push((span, label, ""));
                let a = rng.below(0..words.len());
                let b = (a + rng.below(0..8)).min(words.len() - 1);
                second.push((Span::new(words[a].start, words[b].end), labels[a % 3], ""));
            }
        }
    }
    let project_b = build("Workload", "Analyst B", &text, second.into_iter());
    (project_a, project_b)
}

/// `project` with up to `count` relations in its first document: claims in document order, each
/// tied to the nearest source after it (`attributed_to`) or, every other claim, to the nearest
/// norm (`invokes`) — the relations' share of a coded article (3,000 at 10,000 annotations).
#[must_use]
pub fn with_relations(project: Project, count: usize) -> Project {
    with_relations_in(project, 0, count)
}

/// [`with_relations`] in the document at `index` of `project`.
#[must_use]
pub fn with_relations_in(project: Project, index: usize, count: usize) -> Project {
    let doc = &project.documents()[index];
    let annotations = doc.annotations();
    let mut relations = Vec::with_capacity(count);
    for (i, claim) in annotations.iter().enumerate() {
        if relations.len() == count {
            break;
        }
        if claim.label != "claim" {
            continue;
        }
        let (kind, label) = if relations.len() % 2 == 0 {
            (ATTRIBUTED_TO, "source")
        } else {
            (INVOKES, "norm")
        };
        if let Some(to) = annotations[i + 1..]
            .iter()
            .take(8)
            .find(|a| a.label == label)
        {
            relations.push(Edit::AddRelation {
                doc: doc.id().to_owned(),
                relation: Relation {
                    id: format!("r-{index}-{}", relations.len()),
                    kind: kind.to_owned(),
                    from: claim.id.clone(),
                    to: to.id.clone(),
                    note: String::new(),
                },
            });
        }
    }
    let mut editor = Editor::new(project);
    editor
        .apply(Edit::Import(relations), "2026-01-01T00:00:00Z")
        .expect("the relations tie annotations of the document");
    editor.into_project()
}

/// A corpus of `documents` short articles (about `bytes` bytes each, a different seed each)
/// with `annotations` annotations apiece over the three default labels, every third with a
/// note: the shape of a study of many news items, for benchmarks that scale in documents rather
/// than in the length of one.
#[must_use]
pub fn corpus(documents: usize, bytes: usize, annotations: usize, seed: u64) -> Project {
    let now = "2026-11-26T10:00:00Z";
    let labels = ["claim", "source", "norm"];
    let mut rng = Rng::new(seed);
    let documents = (0..documents)
        .map(|d| {
            let text = article(bytes, seed.wrapping_add(d as u64));
            let words = word_spans(&text);
            let document = Document::new(&format!("d-{d}"), &format!("Article {d}"), text);
            let stride = (words.len() / annotations.max(1)).max(1);
            let spans: Vec<Annotation> = (0..annotations.min(words.len()))
                .map(|n| {
                    let a = (n * stride + rng.below(0..stride)).min(words.len() - 1);
                    let b = (a + rng.below(0..stride)).min(words.len() - 1);
                    let span = Span::new(words[a].start, words[b].end);
                    Annotation {
                        id: format!("a{d}-{n}"),
                        label: labels[n % 3].to_owned(),
                        start: span.start,
                        end: span.end,
                        quote: document.quote(span).unwrap_or_default().to_owned(),
                        note: if n % 3 == 0 {
                            "A note.".to_owned()
                        } else {
                            String::new()
                        },
                        created: now.to_owned(),
                        modified: now.to_owned(),
                        analysts: Vec::new(),
                        origin: marginalia_core::model::Origin::ByHand,
                    }
                })
                .collect();
            document.with_annotations(spans)
        })
        .collect();
    let meta = Meta {
        title: "Corpus".to_owned(),
        annotator: "Analyst A".to_owned(),
        created: now.to_owned(),
        modified: now.to_owned(),
    };
    Project::from_parts(meta, default_labels(), documents)
}

/// The corpus workload: 1,000 documents of about 4.5 KB (4.5 MB of text), 100 annotations
/// each (100,000) and 20 relations each (20,000), the size of a study of a year of coverage.
#[must_use]
pub fn thousand_documents() -> Project {
    let mut project = corpus(1_000, 4_500, 100, SEED);
    for index in 0..project.documents().len() {
        project = with_relations_in(project, index, 20);
    }
    project
}

fn build<'a>(
    title: &str,
    annotator: &str,
    text: &str,
    spans: impl Iterator<Item = (Span, &'a str, &'a str)>,
) -> Project {
    let document = Document::new("d-1", "Generated article", text.to_owned());
    let now = "2026-11-26T10:00:00Z";
    let annotations: Vec<Annotation> = spans
        .enumerate()
        .map(|(i, (span, label, note))| Annotation {
            id: format!("a{i}"),
            label: label.to_owned(),
            start: span.start,
            end: span.end,
            quote: document.quote(span).unwrap_or_default().to_owned(),
            note: note.to_owned(),
            created: now.to_owned(),
            modified: now.to_owned(),
            analysts: Vec::new(),
            origin: marginalia_core::model::Origin::ByHand,
        })
        .collect();
    let meta = Meta {
        title: title.to_owned(),
        annotator: annotator.to_owned(),
        created: now.to_owned(),
        modified: now.to_owned(),
    };
    Project::from_parts(
        meta,
        default_labels(),
        vec![document.with_annotations(annotations)],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use marginalia_core::model::validate::check_project;

    #[test]
    fn workloads_are_valid_deterministic_and_the_right_size() {
        let (a, b) = two_analysts(20_000, 200, 7);
        assert!(check_project(&a).is_empty(), "{:?}", check_project(&a));
        assert!(check_project(&b).is_empty(), "{:?}", check_project(&b));
        let text = a.documents()[0].text();
        assert!(text.len() >= 20_000 && text.len() < 22_000);
        assert!(!text.is_ascii());
        assert_eq!(a.documents()[0].annotations().len(), 200);
        assert_eq!(two_analysts(20_000, 200, 7).1, b);
        let many = corpus(50, 300, 3, 7);
        assert!(
            check_project(&many).is_empty(),
            "{:?}",
            check_project(&many)
        );
        assert_eq!(many.documents().len(), 50);
        assert!(many.documents().iter().all(|d| d.annotations().len() == 3));
        assert_eq!(corpus(50, 300, 3, 7), many);
    }

    #[test]
    fn the_html_page_imports_as_the_same_article() {
        let html = article_html(5_000, 3);
        let imported = marginalia_core::import::article_from_bytes(
            html.as_bytes(),
            marginalia_core::model::SourceFormat::Html,
            "page.html",
        )
        .unwrap();
        assert_eq!(imported.title, "Generated article");
        // The heading becomes the first paragraph; the text ends with a newline.
        let expected = format!("Generated article\n\n{}\n", article(5_000, 3));
        assert!(imported.text == expected, "{}", imported.text);
    }
}
