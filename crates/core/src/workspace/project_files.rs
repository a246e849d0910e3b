//! The names of project files: which paths are projects rather than articles, the file name a
//! project's title suggests, and the extension a chosen path gets.

use std::path::{Path, PathBuf};

use crate::export::file_stem;

/// Whether `path` names a project file (rather than an article).
#[must_use]
pub fn is_project_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
}

/// A file name for a project titled `title`: its words joined by dashes, `.ron`.
#[must_use]
pub fn suggested_file_name(title: &str) -> String {
    format!("{}.ron", suggested_stem(title))
}

/// A file name stem for a project titled `title` (see [`file_stem`]; `project` when it has no
/// word).
#[must_use]
pub fn suggested_stem(title: &str) -> String {
    file_stem(title, "project")
}

/// `path`, with `.ron` added when it has no extension.
#[must_use]
pub fn with_project_extension(path: &Path) -> PathBuf {
    if path.extension().is_none() {
        path.with_extension("ron")
    } else {
        path.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggested_names_come_from_the_title() {
        assert_eq!(
            suggested_file_name("Due diligence: in cyberspace!"),
            "due-diligence-in-cyberspace.ron"
        );
        assert_eq!(suggested_file_name("  "), "project.ron");
        assert_eq!(
            with_project_extension(Path::new("/a/b")),
            Path::new("/a/b.ron")
        );
        assert_eq!(
            with_project_extension(Path::new("/a/b.ron")),
            Path::new("/a/b.ron")
        );
        assert!(is_project_file(Path::new("study.RON")));
        assert!(!is_project_file(Path::new("study.ron.txt")));
    }
}
