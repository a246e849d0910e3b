//! Fuzz target `annotations_brat`: see `marginalia_testkit::fuzzing::annotations_brat` and docs/FUZZING.md.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| marginalia_testkit::fuzzing::annotations_brat(data));
