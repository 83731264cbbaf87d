//! Likely personal data in a quote: what a pseudonymised report must not
//! carry even when the coder kept it in the transcript.

use std::sync::OnceLock;

use regex::Regex;

use crate::model::privacy::Privacy;
use crate::model::records::{scalar_text, Participant};

/// One pattern of personal data and what to call it.
struct Pattern {
    what: &'static str,
    regex: Regex,
}

/// ASCII classes throughout: Unicode `\w`, `\d` and `\b` take milliseconds to
/// compile, more than the rest of a small report's build.
fn patterns() -> &'static [Pattern] {
    static PATTERNS: OnceLock<Vec<Pattern>> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let p = |what, re: &str| Pattern {
            what,
            regex: Regex::new(re).expect("the personal-data patterns are valid"),
        };
        vec![
            p("an e-mail address", r"[A-Za-z0-9_.+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+"),
            // A URL whose path names someone: social profiles and
            // /in/, /u/, /user/, /@name paths.
            p(
                "a URL naming a person",
                r"(?i)(?-u:\b)https?://(www\.)?((twitter|x|facebook|instagram|github|tiktok|threads|bsky)\.(com|app|net)/[A-Za-z0-9_.]{2,}|linkedin\.com/in/|t\.me/[A-Za-z0-9_]|[^ \t\r\n/]+/(@|u/|user/|users/|in/)[A-Za-z0-9_.-]{2,})",
            ),
            p("an @handle", r"(^|[^A-Za-z0-9_@./])@[A-Za-z0-9_]{2,}(?-u:\b)"),
        ]
    })
}

/// What in `text` looks like personal data: phone numbers (told from
/// DOIs, ISBNs, dates and the like by [`super::phone`]), e-mail
/// addresses, personal URLs, @handles, and the value of any private field
/// of the speaker `p` (a real name kept as a private attribute, say).
pub fn personal_data(text: &str, p: &Participant, privacy: &Privacy) -> Vec<String> {
    let mut found = Vec::new();
    if let Some(number) = super::phone::find(text) {
        found.push(format!("a phone number ({number})"));
    }
    for pattern in patterns() {
        if let Some(m) = pattern.regex.find(text) {
            found.push(format!(
                "{} ({})",
                pattern.what,
                m.as_str()
                    .trim_matches(|c: char| !c.is_alphanumeric() && c != '@' && c != '+')
            ));
        }
    }
    let lower = text.to_lowercase();
    let fixed = [
        ("alias", &p.alias),
        ("role", &p.role),
        ("persona", &p.persona),
    ];
    let fixed = fixed.iter().map(|(k, v)| (*k, v.to_string()));
    let attributes = p
        .attributes
        .iter()
        .map(|(k, v)| (k.as_str(), scalar_text(v).into_owned()));
    for (field, value) in fixed.chain(attributes) {
        let value = value.trim();
        // Short values ("yes", "3") match by chance.
        if value.chars().count() >= 4
            && privacy.participant_field_private(field)
            && lower.contains(&value.to_lowercase())
        {
            found.push(format!("the private `participants.{field}` of the speaker"));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speaker() -> Participant {
        serde_json::from_str(r#"{"id":"p1","alias":"P1","attributes":{"name":"Jane Roe"}}"#)
            .unwrap()
    }

    fn found(text: &str) -> Vec<String> {
        personal_data(text, &speaker(), &Privacy::default())
    }

    #[test]
    fn finds_each_kind() {
        assert_eq!(
            found("mail me at jane.roe@example.org"),
            ["an e-mail address (jane.roe@example.org)"]
        );
        assert_eq!(
            found("call +44 20 7946 0958 today"),
            ["a phone number (+44 20 7946 0958)"]
        );
        assert_eq!(
            found("see https://twitter.com/janeroe"),
            ["a URL naming a person (https://twitter.com/janeroe)"]
        );
        assert_eq!(found("ask @janeroe"), ["an @handle (@janeroe)"]);
    }

    #[test]
    fn leaves_ordinary_text_alone() {
        for text in [
            "We lost $128M on 3 November 2025, about 10x-1000x returns.",
            "Version 2.0.1 shipped in 2024; 77.8% agreed.",
            "Read https://docs.balancer.fi/concepts/overview.html first.",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn finds_a_private_field_value() {
        let privacy = Privacy {
            private: vec!["participants.name".into()],
            ..Privacy::default()
        };
        let hits = personal_data("Jane roe told us", &speaker(), &privacy);
        assert_eq!(hits, ["the private `participants.name` of the speaker"]);
        assert!(personal_data("Jane roe told us", &speaker(), &Privacy::default()).is_empty());
    }
}
