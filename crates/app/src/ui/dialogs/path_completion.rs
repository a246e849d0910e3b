//! Completing a typed path, as a shell does with Tab: the entries of the typed folder whose names
//! start with what follows its last separator, folders first, only the files a request can use.

use std::path::{MAIN_SEPARATOR, Path};

/// How many matching entries are listed under the field.
pub const LISTED: usize = 12;

/// What a typed path completes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// The text with as much of the name filled in as all matches share (a folder gets its
    /// separator once it is the only match).
    pub text: String,
    /// The names that match, folders with a trailing separator, sorted, at most [`LISTED`].
    pub matches: Vec<String>,
    /// How many entries matched in all.
    pub total: usize,
}

/// Which files a request takes; folders are always offered, to go into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Files {
    /// Any file.
    Any,
    /// Files with one of these extensions (lowercase, no dot).
    Extensions(&'static [&'static str]),
    /// No files: the request wants a folder.
    FoldersOnly,
}

impl Files {
    pub(super) fn takes(self, name: &str) -> bool {
        match self {
            Self::Any => true,
            Self::FoldersOnly => false,
            Self::Extensions(extensions) => Path::new(name)
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.contains(&e.to_lowercase().as_str())),
        }
    }
}

/// Completes `typed` against the folder it names, offering folders and the `files` the request
/// takes. An unreadable folder completes to nothing.
#[must_use]
pub fn complete(typed: &str, files: Files) -> Completion {
    let cut = typed.rfind(['/', MAIN_SEPARATOR]).map_or(0, |i| i + 1);
    let (folder_text, prefix) = typed.split_at(cut);
    let folder = if folder_text.is_empty() {
        Path::new(".")
    } else {
        Path::new(folder_text)
    };
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            if !name.starts_with(prefix) || (name.starts_with('.') && !prefix.starts_with('.')) {
                return None;
            }
            let is_dir = entry.path().is_dir();
            (is_dir || files.takes(&name)).then(|| {
                if is_dir {
                    format!("{name}{MAIN_SEPARATOR}")
                } else {
                    name
                }
            })
        })
        .collect();
    names.sort_by_key(|name| (!name.ends_with(MAIN_SEPARATOR), name.to_lowercase()));
    let shared = shared_prefix(&names);
    let text = if shared.len() > prefix.len() {
        format!("{folder_text}{shared}")
    } else {
        typed.to_owned()
    };
    let total = names.len();
    names.truncate(LISTED);
    Completion {
        text,
        matches: names,
        total,
    }
}

/// The longest start all `names` share (whole chars).
fn shared_prefix(names: &[String]) -> &str {
    let Some(first) = names.first() else {
        return "";
    };
    let mut end = first.len();
    for name in &names[1..] {
        end = first
            .char_indices()
            .zip(name.chars())
            .find(|((_, a), b)| a != b)
            .map_or(end.min(name.len()), |((i, _), _)| i.min(end));
    }
    &first[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    const RON: Files = Files::Extensions(&["ron"]);

    fn folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for file in ["study-one.ron", "study-two.ron", "notes.txt", ".hidden.ron"] {
            std::fs::write(dir.path().join(file), "").unwrap();
        }
        std::fs::create_dir(dir.path().join("studies")).unwrap();
        dir
    }

    #[test]
    fn tab_fills_in_what_the_matches_share_and_lists_them_folders_first() {
        let dir = folder();
        let base = format!("{}{MAIN_SEPARATOR}", dir.path().display());
        let done = complete(&format!("{base}stu"), RON);
        assert_eq!(done.text, format!("{base}stud"));
        assert_eq!(
            done.matches,
            [
                format!("studies{MAIN_SEPARATOR}"),
                "study-one.ron".to_owned(),
                "study-two.ron".to_owned()
            ]
        );
        assert_eq!(done.total, 3);

        let one = complete(&format!("{base}study-o"), RON);
        assert_eq!(one.text, format!("{base}study-one.ron"));
        let folder = complete(&format!("{base}studi"), RON);
        assert_eq!(folder.text, format!("{base}studies{MAIN_SEPARATOR}"));
    }

    #[test]
    fn only_the_files_a_request_takes_and_no_hidden_ones_are_offered() {
        let dir = folder();
        let base = format!("{}{MAIN_SEPARATOR}", dir.path().display());
        let all = complete(&base, Files::Extensions(&["txt"]));
        assert_eq!(
            all.matches,
            [format!("studies{MAIN_SEPARATOR}"), "notes.txt".to_owned()]
        );
        assert_eq!(all.text, base, "nothing shared to fill in");
        let missing = complete("/no/such/folder/x", Files::Any);
        assert!(missing.matches.is_empty());
        assert_eq!(missing.text, "/no/such/folder/x");
    }
}
