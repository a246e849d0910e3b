//! Importing articles (reading .txt, .md and .html files into UTF-8 text with a record of how the
//! file was read) and other tools' annotations ([`annotations`]).

pub mod annotations;
mod article;
mod boilerplate;
mod charset;
pub mod decode;
mod document;
pub mod error;
mod format;
pub mod html;
mod nesting;
pub mod newlines;
mod paragraphs;
mod read;
mod title;
mod visible;
mod walk;

pub use article::{ImportedArticle, article_from_bytes};
pub use decode::{DecodeError, Decoded, decode};
pub use error::ImportError;
pub use format::{ARTICLE_EXTENSION_NAMES, ARTICLE_EXTENSIONS, format_from_extension};
pub use html::{Extracted, extract};
pub use nesting::MAX_HTML_NESTING;
pub use newlines::normalise;
pub use read::read_article;

/// The largest file accepted as an article, in bytes (50 MiB).
pub const MAX_ARTICLE_BYTES: u64 = 50 * 1024 * 1024;
