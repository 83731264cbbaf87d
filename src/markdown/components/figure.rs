//! `figure`: an image from `content/assets/` with a numbered caption.

use crate::document::{Block, Figure, FigureBody};
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
) -> Result<Vec<Block>, Failure> {
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
    // An accessible PDF (PDF/UA) refuses a figure without alternative
    // text, and a screen reader has nothing to read: blank is missing.
    if alt.trim().is_empty() {
        return Err((
            "`{figure}` has an empty `:alt:`".to_string(),
            "describe the image for readers who cannot see it: :alt: A diagram of …".to_string(),
        ));
    }
    let (mime, bytes) = assets::read(r.ctx().root, path)?;
    let (index, id) = r.figure(d.option("label"), body_at, 1)?;
    let caption = r.markdown(&d.body, body_at, scope);
    Ok(vec![Block::Figure(Figure {
        id,
        index,
        number: String::new(),
        body: FigureBody::Image {
            mime: mime.to_string(),
            bytes,
            alt: alt.to_string(),
        },
        caption,
        data: Vec::new(),
        illustrative: false,
    })])
}
