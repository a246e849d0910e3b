//! Fuzz target `annotations_qdpx`: see `marginalia_testkit::fuzzing::annotations_qdpx` and docs/FUZZING.md.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| marginalia_testkit::fuzzing::annotations_qdpx(data));
