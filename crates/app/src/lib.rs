//! Marginalia the application: the window (`ui`) and the command line (`cli`), both thin layers
//! over [`marginalia_core`], whose modules are re-exported here under their own names so that
//! `crate::model` (or `marginalia::model` in the tests) is the core's model.

pub mod cli;
pub mod sample;
pub mod ui;

pub use marginalia_core::{
    analysis, clock, compare, excerpt, export, import, model, progress, reanchor, store, suggest,
    workspace,
};
