//! The data model: projects, documents, labels, annotations and relations, their invariants, and
//! the one edit API with undo. Pure: no I/O, no GUI toolkit. Every offset is a char offset (Unicode
//! scalar value, end-exclusive) unless a name says otherwise (`byte`, `utf16`).

mod annotation;
mod change;
mod document;
pub mod edit;
mod edit_error;
pub mod find;
mod history;
pub mod ids;
mod import_record;
pub mod label;
pub mod linking;
mod named_info;
pub mod nudge;
pub mod offsets;
mod orphan;
mod orphan_edits;
pub mod plural;
mod project;
mod project_index;
mod rejection;
mod relation_edits;
pub mod relation_kind;
pub mod snap;
mod span;
pub mod validate;

pub use annotation::{Annotation, CONTINUES, Origin, Relation};
pub use document::{Document, hex, sha256_hex};
pub use edit::{Edit, EditError, LabelRemoval};
pub use history::Editor;
pub use import_record::{ImportRecord, NewlineStyle, SourceFormat};
pub use label::Label;
pub use named_info::ni_sha256;
pub use offsets::{OffsetIndex, OffsetUnit};
pub use orphan::{CONTEXT_CHARS, Orphan, Suggestion, TextRevision};
pub use orphan_edits::TextUpdate;
pub use project::{FORMAT_VERSION, Meta, Project};
pub use rejection::Rejection;
pub use relation_kind::{ATTRIBUTED_TO, INVOKES, RelationKind};
pub use span::Span;
pub use validate::{Problem, Severity};
