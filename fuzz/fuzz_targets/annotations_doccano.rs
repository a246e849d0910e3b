//! Fuzz target `annotations_doccano`: see `marginalia_testkit::fuzzing::annotations_doccano` and docs/FUZZING.md.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| marginalia_testkit::fuzzing::annotations_doccano(data));
