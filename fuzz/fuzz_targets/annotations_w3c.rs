//! Fuzz target `annotations_w3c`: see `marginalia_testkit::fuzzing::annotations_w3c` and docs/FUZZING.md.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| marginalia_testkit::fuzzing::annotations_w3c(data));
