//! Evidence lints: warnings about a report's claims that the data does not
//! carry, or carries too thinly, and about quotes that may expose someone.
//!
//! Each lint has a stable name, written after its message in brackets;
//! a section allows one with `allow = ["name"]` in its front matter, and
//! `--deny-warnings` makes the rest errors.

pub mod numbers;
mod personal;
mod phone;
mod thin;

pub use numbers::hand_typed_numbers;
pub use personal::personal_data;
pub use thin::{thin, thin_codes, threshold};

use crate::markdown::context::Renderer;

/// A number typed by hand that a role computes.
pub const HAND_TYPED_NUMBER: &str = "hand-typed-number";
/// A code named in the report with too few participants behind it.
pub const THIN_EVIDENCE: &str = "thin-evidence";
/// E-mail, phone number, handle, personal URL or a private field's value
/// in a quote.
pub const PERSONAL_DATA: &str = "personal-data";
/// A quote resting on illustrative data, shown without saying so.
pub const UNMARKED_QUOTE: &str = "unmarked-quote";

/// Every lint name, for `allow` and its did-you-mean.
pub const NAMES: [&str; 4] = [
    HAND_TYPED_NUMBER,
    THIN_EVIDENCE,
    PERSONAL_DATA,
    UNMARKED_QUOTE,
];

/// Personal data in the text of segment `i`, shown at byte `at`.
pub fn personal(r: &mut dyn Renderer<'_>, i: usize, at: usize) {
    let study = r.ctx().study;
    let s = &study.segments[i];
    for what in personal_data(&s.text, study.speaker(i), &study.privacy) {
        r.lint(
            PERSONAL_DATA,
            at,
            format!("the quote of segment `{}` holds {what}", s.id),
            "redact it in the segment's text (e.g. [email removed]) or quote another segment"
                .into(),
        );
    }
}
