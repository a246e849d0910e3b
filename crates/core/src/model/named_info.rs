//! The RFC 6920 named-information IRI of a document's text: the name the W3C export gives the
//! annotated text and the W3C import recognises it by.

/// The RFC 6920 named-information IRI of a text's SHA-256 (`ni:///sha-256;` + base64url): how
/// Marginalia's W3C export names the annotated text, and its import recognises it.
#[must_use]
pub fn ni_sha256(text: &str) -> String {
    use sha2::{Digest, Sha256};
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let digest = Sha256::digest(text.as_bytes());
    let mut out = String::from("ni:///sha-256;");
    for chunk in digest.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for k in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * k) & 63) as usize]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ni_iri_is_rfc_6920_base64url() {
        // SHA-256("") = e3b0c442…; its base64url without padding:
        assert_eq!(
            ni_sha256(""),
            "ni:///sha-256;47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU"
        );
    }
}
