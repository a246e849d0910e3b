//! Short one-line excerpts of text (quotes, notes, titles) for lists, tables and reports; lengths
//! are in chars.

/// `text` on one line, cut to at most `max` chars with an ellipsis.
#[must_use]
pub fn shorten(text: &str, max: usize) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        return one_line;
    }
    let cut: String = one_line.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::shorten;

    #[test]
    fn long_text_is_cut_on_one_line() {
        assert_eq!(shorten("a\nb  c", 10), "a b c");
        assert_eq!(shorten("abcdefghijkl", 5), "abcd…");
    }
}
