//! Fuzz target `article`: see `marginalia_testkit::fuzzing::article` and docs/FUZZING.md.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| marginalia_testkit::fuzzing::article(data));
