//! Fuzz target `article`: see `marginalia::fuzzing::article` and docs/FUZZING.md.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| marginalia::fuzzing::article(data));
