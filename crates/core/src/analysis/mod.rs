//! Analysis: what the coding of a project says. Searching the articles ([`search`]) and tagging
//! every hit ([`tag_hits`]). Pure functions of a project; offsets are chars (Unicode scalar
//! values, end-exclusive).

pub mod search;
pub mod tag_hits;

pub use search::{Hit, InContext, Matcher, Query, QueryError, in_context, search};
pub use tag_hits::{TagPlan, Widen, plan_tags, widened};
