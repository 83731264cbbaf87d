//! Stable anchor ids from heading text.

/// Lowercase ASCII letters and digits joined by single dashes:
/// "Step 1: Community Sentiment" → "step-1-community-sentiment".
/// Non-ASCII letters are kept (lowercased) so ids stay readable in any language.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else {
            dash = true;
        }
    }
    if out.is_empty() {
        out.push_str("section");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn makes_readable_ids() {
        assert_eq!(
            slugify("Step 1: Community Sentiment Mapping"),
            "step-1-community-sentiment-mapping"
        );
        assert_eq!(
            slugify("\"Deeper Crisis\" Majority (77.8%)"),
            "deeper-crisis-majority-77-8"
        );
        assert_eq!(slugify("Économie"), "économie");
        assert_eq!(slugify("!!!"), "section");
    }
}
