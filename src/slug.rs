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

/// An element id for record `id` under `prefix` (`q` for a quote-index
/// entry, `code` for a codebook entry): the id as written where it is a
/// plain ASCII name, so links stay readable (`#q-s-dave-fomo`); any other
/// character, `_` included, is written `_hex_`, so two record ids never
/// share an element id and none holds a space.
pub fn record_anchor(prefix: &str, id: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + 1 + id.len());
    out.push_str(prefix);
    out.push('-');
    for c in id.chars() {
        if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
            out.push(c);
        } else {
            out.push_str(&format!("_{:x}_", c as u32));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_anchors_are_plain_and_distinct() {
        assert_eq!(record_anchor("q", "s-dave-fomo"), "q-s-dave-fomo");
        assert_eq!(record_anchor("q", "a b"), "q-a_20_b");
        assert_eq!(record_anchor("q", "a_20_b"), "q-a_5f_20_5f_b");
        assert_eq!(record_anchor("code", "Ölü"), "code-_d6_l_fc_");
    }

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
