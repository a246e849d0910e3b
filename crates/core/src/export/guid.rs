//! Stable GUIDs for REFI-QDA and W3C ids: the same project always exports the same GUIDs, so
//! exports diff cleanly and re-imports recognise what they saw before.

use sha2::{Digest, Sha256};

/// An RFC 9562 version-8 UUID derived from `key` (e.g. `"annotation:claim-1a2b"`), in the
/// uppercase hyphenated form REFI-QDA's examples use.
#[must_use]
pub fn guid(key: &str) -> String {
    let digest = Sha256::digest(key.as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Builder::from_custom_bytes(bytes)
        .into_uuid()
        .hyphenated()
        .encode_upper(&mut uuid::Uuid::encode_buffer())
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids_are_stable_distinct_and_well_formed() {
        let a = guid("annotation:a1");
        assert_eq!(a, guid("annotation:a1"));
        assert_ne!(a, guid("annotation:a2"));
        let parts: Vec<&str> = a.split('-').collect();
        let lengths: Vec<usize> = parts.iter().map(|p| p.len()).collect();
        assert_eq!(lengths, [8, 4, 4, 4, 12]);
        assert!(a.chars().all(|c| c == '-' || c.is_ascii_hexdigit()));
        assert!(parts[2].starts_with('8'), "version 8: {a}");
    }
}
