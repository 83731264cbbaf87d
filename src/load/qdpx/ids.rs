//! Record ids made from names a QDA tool shows, so that a report's
//! `code=…` conditions and `{quote}` arguments read like the study.

use std::collections::HashSet;

/// `name` as an id usable in a selection (`segments[code=ID]`): letters
/// and digits kept (lower-cased), `-` and `_` kept, anything else a `-`,
/// runs of `-` collapsed. Empty names give `fallback`.
pub fn from_name(name: &str, fallback: &str) -> String {
    let mut id = String::with_capacity(name.len());
    for c in name.trim().chars() {
        let c = if c.is_alphanumeric() || c == '_' {
            c
        } else {
            '-'
        };
        if c == '-' && (id.is_empty() || id.ends_with('-')) {
            continue;
        }
        id.extend(c.to_lowercase());
    }
    while id.ends_with('-') {
        id.pop();
    }
    if id.is_empty() {
        fallback.to_string()
    } else {
        id
    }
}

/// Hands out ids, each at most once: a taken id gets `-2`, `-3`, ….
#[derive(Debug, Default)]
pub struct Unique(HashSet<String>);

impl Unique {
    /// `want`, or the first free `want-N`.
    pub fn take(&mut self, want: String) -> String {
        if self.0.insert(want.clone()) {
            return want;
        }
        let mut n = 2;
        loop {
            let next = format!("{want}-{n}");
            if self.0.insert(next.clone()) {
                return next;
            }
            n += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_ids() {
        assert_eq!(from_name("rq1_definition", "c"), "rq1_definition");
        assert_eq!(from_name("  Trust & Fear!  ", "c"), "trust-fear");
        assert_eq!(from_name("Ökonomie", "c"), "ökonomie");
        assert_eq!(from_name("***", "code"), "code");
    }

    #[test]
    fn taken_ids_get_a_number() {
        let mut u = Unique::default();
        assert_eq!(u.take("a".into()), "a");
        assert_eq!(u.take("a".into()), "a-2");
        assert_eq!(u.take("a".into()), "a-3");
    }
}
