//! Fuzz target `annotations_qde`: see `marginalia_testkit::fuzzing::annotations_qde` and docs/FUZZING.md.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| marginalia_testkit::fuzzing::annotations_qde(data));
