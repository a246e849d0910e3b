//! Fuzz target `project_ron`: see `marginalia_testkit::fuzzing::project_ron` and docs/FUZZING.md.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| marginalia_testkit::fuzzing::project_ron(data));
