//! Marginalia: code claims, sources and norms in articles. The library holds every behaviour —
//! model, project files, import, export, the open workspace, command line — and the window (`ui`) is a
//! thin layer over it.

pub mod cli;
pub mod clock;
pub mod compare;
pub mod excerpt;
pub mod export;
pub mod fuzzing;
pub mod import;
pub mod model;
pub mod reanchor;
pub mod store;
pub mod ui;
pub mod workload;
pub mod workspace;
