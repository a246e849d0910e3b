//! Helpers shared by the application's integration tests: the test kit's fixtures, and driving the
//! window through egui_kittest (`window`).
#![allow(dead_code, unused_imports)]

pub mod window;

#[cfg(unix)]
pub use marginalia_testkit::child;
pub use marginalia_testkit::*;
