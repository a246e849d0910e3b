//! Marginalia's core: everything that codes articles, with no GUI toolkit and no command-line
//! parser — the model (documents, annotations, labels, relations, the undoable editor), project
//! files (`store`), article and annotation import, every export, comparing analysts (`compare`),
//! searching and tagging the articles (`analysis`), proposing sources, claims and norms offline
//! (`suggest`), carrying annotations to a new text of an article (`reanchor`), and the application's services
//! below the window (`workspace`). The `marginalia` crate puts the window and the command line on
//! top of it.

pub mod analysis;
pub mod clock;
pub mod compare;
pub mod excerpt;
pub mod export;
pub mod import;
pub mod model;
pub mod progress;
pub mod reanchor;
pub mod store;
pub mod suggest;
pub mod workspace;
