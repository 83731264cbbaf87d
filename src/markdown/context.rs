//! What a directive or a role is given to render with, defined below
//! both the section renderer and the components so that neither imports
//! the other: the report-wide inputs ([`Context`]), the directive as
//! written ([`Directive`]) and the few things a component asks of the
//! renderer ([`Renderer`]: render a body, number a figure, note a
//! cross-reference, mark what is illustrative).

use std::path::Path;

use crate::analysis::Analysis;
use crate::model::numbers::NumberFormat;

/// A directive's or role's failure: message and hint; the renderer adds
/// the location.
pub type Failure = (String, String);

/// What every section render needs to know about the report.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The indexed datasets, with the answers computed from them so far.
    pub study: &'a Analysis,
    /// Number formatting.
    pub format: &'a NumberFormat,
    /// Project folder, for assets.
    pub root: &'a Path,
    /// Whether raw HTML in Markdown passes through.
    pub raw_html: bool,
    /// The slugs of every report of the site this report belongs to, so
    /// links and references into them can be told from other links;
    /// `None` for a report built on its own.
    pub site: Option<&'a [String]>,
}

/// A directive as written, before it is rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// The name between braces.
    pub name: String,
    /// Text after the braces on the fence line.
    pub argument: String,
    /// `:key: value` lines, in order.
    pub options: Vec<(String, String)>,
    /// The body after the options.
    pub body: String,
    /// Byte offset of the body within the block's text.
    pub body_offset: usize,
}

impl Directive {
    /// The value of option `key`, if given.
    pub fn option(&self, key: &str) -> Option<&str> {
        self.options
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// What a component asks of the section renderer.
pub trait Renderer<'a> {
    /// The report-wide inputs.
    fn ctx(&self) -> Context<'a>;

    /// Renders Markdown (a directive's body), which starts at byte `base`
    /// of the section file; `scope` keeps its footnotes apart.
    fn markdown(&mut self, text: &str, base: usize, scope: &str) -> String;

    /// Registers a numbered figure (at `at`, `len` bytes, for messages)
    /// and returns its placeholder number and element id.
    fn figure(
        &mut self,
        label: Option<&str>,
        at: usize,
        len: usize,
    ) -> Result<(String, String), Failure>;

    /// Records a cross-reference to `label` and returns its placeholder.
    fn reference(&mut self, label: &str, at: usize, len: usize) -> String;

    /// Notes that what was just rendered rests on illustrative data.
    fn illustrative(&mut self);

    /// Reports a warning at byte `at` of the section file.
    fn warning(&mut self, at: usize, message: String, help: String);
}
