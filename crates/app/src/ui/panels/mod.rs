//! The window's panels: menu bar, documents and labels (left), orphans, annotations and details
//! (right) with their widths (`side`), status bar. Each reads state and pushes actions.

pub mod annotations;
pub mod details;
pub mod documents;
pub mod find_bar;
pub mod labels;
pub mod menu;
pub mod orphans;
pub mod side;
pub mod status;
