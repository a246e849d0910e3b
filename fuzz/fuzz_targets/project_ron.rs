//! Fuzz target `project_ron`: see `marginalia::fuzzing::project_ron` and docs/FUZZING.md.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| marginalia::fuzzing::project_ron(data));
