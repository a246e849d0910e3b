//! Marginalia: code claims, sources and norms in articles. The library holds every behaviour —
//! model, project files, import, command line — so the window stays a thin layer over it.

pub mod cli;
pub mod clock;
pub mod import;
pub mod model;
pub mod store;
