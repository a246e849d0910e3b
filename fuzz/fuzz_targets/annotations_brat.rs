//! Fuzz target `annotations_brat`: see `marginalia::fuzzing::annotations_brat` and docs/FUZZING.md.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| marginalia::fuzzing::annotations_brat(data));
