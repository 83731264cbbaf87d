//! `figure`: an image from `content/assets/` with a numbered caption.

use crate::escape::{data_uri, html};
use crate::load::assets;
use crate::markdown::context::Directive;
use crate::markdown::context::Renderer;

use super::{needs_argument, Failure};

/// `{figure} PATH` with `:alt:`, `:label:` and a caption body.
pub fn image(
    r: &mut dyn Renderer<'_>,
    d: &Directive,
    body_at: usize,
    scope: &str,
) -> Result<String, Failure> {
    let path = d.argument.trim();
    if path.is_empty() {
        return Err(needs_argument("figure", "framework.svg"));
    }
    let alt = d.option("alt").ok_or_else(|| {
        (
            "`{figure}` needs `:alt:`".to_string(),
            "describe the image for readers who cannot see it: :alt: …".to_string(),
        )
    })?;
    let (mime, bytes) = assets::read(r.ctx().root, path)?;
    let (number, id) = r.figure(d.option("label"), body_at, 1)?;
    let caption = r.markdown(&d.body, body_at, scope);
    Ok(shell(
        &id,
        &number,
        &format!(
            "<img src=\"{}\" alt=\"{}\">",
            data_uri(mime, &bytes),
            html(alt)
        ),
        &caption,
        "",
        false,
    ))
}

/// The markup every numbered figure shares.
pub fn shell(
    id: &str,
    number: &str,
    body: &str,
    caption: &str,
    data: &str,
    illustrative: bool,
) -> String {
    let badge = if illustrative {
        "<span class=\"badge\">Illustrative data</span> "
    } else {
        ""
    };
    let caption = caption.trim();
    let caption = caption
        .strip_prefix("<p>")
        .and_then(|c| c.strip_suffix("</p>"))
        .unwrap_or(caption);
    format!(
        "<figure class=\"figure\" id=\"{id}\">\n<div class=\"figure-body\">{body}</div>\n<figcaption><span class=\"figure-number\">Figure {number}.</span> {badge}{caption}</figcaption>\n{data}</figure>\n"
    )
}
