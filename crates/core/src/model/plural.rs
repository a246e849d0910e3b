//! Counted nouns for the names of undo steps and messages: "1 relation", "3 relations".

/// `count` and `noun`, with an "s" unless the count is one ("0 relations", "1 relation").
#[must_use]
pub fn counted(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::counted;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(counted(0, "relation"), "0 relations");
        assert_eq!(counted(1, "relation"), "1 relation");
        assert_eq!(counted(12, "difference"), "12 differences");
    }
}
