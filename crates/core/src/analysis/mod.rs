//! Analysis: what the coding of a project says. Searching the articles ([`search`]), tagging
//! every hit ([`tag_hits`]), retrieving the coded passages ([`passages`]), the counts: per
//! document and label, co-occurrence, relations and sources ([`counts`]), and where the passages
//! lie along a document ([`distribution`]). Pure functions of a project; offsets are chars
//! (Unicode scalar values, end-exclusive).

pub mod counts;
pub mod counts_csv;
pub mod distribution;
pub mod passages;
pub mod passages_export;
pub mod search;
pub mod sentences;
pub mod tag_hits;

pub use counts::{
    Cell, CountTable, Pair, co_occurrence, co_occurring_pairs, count_table, count_table_of,
    relation_counts, sources_ranked,
};
pub use counts_csv::count_table_csv;
pub use distribution::{BINS, bin_names, corpus_distribution_csv, distribution, distribution_csv};
pub use passages::{Passage, PassageFilter, PassageOrder, analysts, links, passages};
pub use passages_export::{PASSAGE_COLUMNS, passages_csv, passages_markdown};
pub use search::{Hit, InContext, Matcher, Query, QueryError, in_context, search};
pub use tag_hits::{TagPlan, Widen, plan_tags, widened};
