//! Fuzz target `annotations_w3c`: see `marginalia::fuzzing::annotations_w3c` and docs/FUZZING.md.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| marginalia::fuzzing::annotations_w3c(data));
