//! The window's panels: menu bar, documents, labels and relation kinds (left), orphans,
//! annotations and details with the selection's relations (right) with their widths (`side`),
//! status bar. Each reads state and pushes actions.

mod add_by_name;
pub mod annotations;
pub mod details;
pub mod documents;
pub mod find_bar;
mod key_menu;
pub mod labels;
pub mod menu;
pub mod orphans;
pub mod relation_kinds;
pub mod relations_list;
mod rename_field;
pub mod side;
pub mod status;
