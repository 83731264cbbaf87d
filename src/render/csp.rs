//! The page's Content-Security-Policy, carried in a `<meta>` of its head.
//!
//! The report needs no script and loads nothing: its styles are inline (a
//! `<style>` element and `style` attributes of the SVG charts, which only
//! `'unsafe-inline'` allows; hashes cannot cover attributes without
//! `'unsafe-hashes'`), its images and any theme font are `data:` URLs.
//! Everything else is refused, so a hole in escaping would still run no
//! script, load nothing and send nothing anywhere: defence in depth.

use crate::escape::html;

/// The policy of a built page.
///
/// `frame-ancestors` is left out because a `<meta>` policy cannot carry
/// it (browsers ignore it there and log a warning).
pub const BUILD: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; \
font-src data:; base-uri 'none'; form-action 'none'";

/// The `<meta>` element carrying `policy`.
pub fn meta(policy: &str) -> String {
    format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        html(policy)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_meta_escapes_the_quotes_of_the_policy() {
        assert_eq!(
            meta("default-src 'none'"),
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;\">"
        );
    }
}
