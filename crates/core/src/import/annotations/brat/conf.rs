//! brat's configuration beside the `.ann` files: the entity types of `annotation.conf` and the
//! names and colours `visual.conf` gives them.

use std::{collections::HashMap, path::Path};

use super::read_utf8;
use crate::import::annotations::{AnnotationImportError, ForeignLabel};

/// What `annotation.conf` and `visual.conf` say about types.
#[derive(Debug, Default)]
pub(super) struct Config {
    /// Entity types in `annotation.conf` order.
    entities: Vec<String>,
    /// `visual.conf` `[labels]`: type → name.
    names: HashMap<String, String>,
    /// `visual.conf` `[drawing]`: type → `#rrggbb`.
    colors: HashMap<String, String>,
}

impl Config {
    /// Reads the configuration files in `folder`; either may be missing.
    pub fn read(folder: &Path) -> Result<Self, AnnotationImportError> {
        let text_of = |name: &str| {
            let path = folder.join(name);
            path.is_file().then(|| read_utf8(&path)).transpose()
        };
        let annotation = text_of("annotation.conf")?;
        let visual = text_of("visual.conf")?;
        Ok(Self::parse(annotation.as_deref(), visual.as_deref()))
    }

    /// The configuration in the texts of `annotation.conf` and `visual.conf`, either missing.
    pub fn parse(annotation: Option<&str>, visual: Option<&str>) -> Self {
        let mut config = Self::default();
        if let Some(text) = annotation {
            config.entities = section(text, "entities")
                .filter_map(|line| {
                    // `!Type` only groups others; `<…>` are macros, not types.
                    let typed = line.split_whitespace().next()?;
                    (!typed.starts_with(['!', '<'])).then(|| typed.to_owned())
                })
                .collect();
        }
        if let Some(text) = visual {
            for line in section(text, "labels") {
                let mut parts = line.split('|').map(str::trim);
                if let (Some(typed), Some(name)) = (parts.next(), parts.next())
                    && !typed.is_empty()
                    && !name.is_empty()
                {
                    config.names.insert(typed.to_owned(), name.to_owned());
                }
            }
            for line in section(text, "drawing") {
                if let Some((typed, color)) = drawing_color(line) {
                    config.colors.insert(typed, color);
                }
            }
        }
        config
    }

    /// The label name a brat type stands for.
    pub fn name_of(&self, typed: &str) -> String {
        self.names
            .get(typed)
            .cloned()
            .unwrap_or_else(|| typed.to_owned())
    }

    /// The labels `annotation.conf` declares, then the other types `used`, named and coloured
    /// as `visual.conf` says.
    pub fn labels<'t>(&self, used: impl IntoIterator<Item = &'t str>) -> Vec<ForeignLabel> {
        let mut types: Vec<&str> = self.entities.iter().map(String::as_str).collect();
        for typed in used {
            if !types.contains(&typed) {
                types.push(typed);
            }
        }
        types
            .into_iter()
            .map(|typed| ForeignLabel {
                name: self.name_of(typed),
                color: self.colors.get(typed).cloned(),
                description: String::new(),
            })
            .collect()
    }
}

/// The non-empty, non-comment lines of `[name]` in a brat configuration file.
fn section<'t>(text: &'t str, name: &str) -> impl Iterator<Item = &'t str> {
    let header = format!("[{name}]");
    text.lines()
        .skip_while(move |l| l.trim() != header)
        .skip(1)
        .take_while(|l| !l.trim_start().starts_with('['))
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

/// `type<TAB>bgColor:#rrggbb, fgColor:…` → (type, `#rrggbb`) when the colour is `#` + 6 hex.
fn drawing_color(line: &str) -> Option<(String, String)> {
    let (typed, settings) = line.trim().split_once(char::is_whitespace)?;
    settings.split(',').find_map(|setting| {
        let (key, value) = setting.split_once(':')?;
        let value = value.trim();
        (key.trim() == "bgColor" && crate::model::label::parse_color(value).is_some())
            .then(|| (typed.to_owned(), value.to_owned()))
    })
}
