//! What a directive or a role is given to render with, defined below
//! both the section renderer and the components so that neither imports
//! the other: the report-wide inputs ([`Context`]), the directive as
//! written ([`Directive`]) and the few things a component asks of the
//! renderer ([`Renderer`]: render a body, number a figure, note a
//! cross-reference, mark what is illustrative).

use std::path::Path;

use crate::analysis::Analysis;
use crate::document::Block;
use crate::error::Location;
use crate::load::references::References;
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
    /// The works `{cite}` may cite (`content/references.bib` or `.json`).
    pub references: Option<&'a References>,
    /// The lints this section allows (`allow = [...]` in its front matter).
    pub allow: &'a [String],
    /// Fewer participants than this behind a code named in the prose is
    /// thin evidence (`[lints] min_participants`; 0 turns the lint off).
    pub min_participants: u64,
    /// The slugs of every report of the site this report belongs to, so
    /// links and references into them can be told from other links;
    /// `None` for a report built on its own.
    pub site: Option<&'a [String]>,
}

impl<'a> Context<'a> {
    /// A context with no references, no lint allowed, the default
    /// thin-evidence threshold (2 participants), and no site.
    pub fn new(
        study: &'a Analysis,
        format: &'a NumberFormat,
        root: &'a Path,
        raw_html: bool,
    ) -> Self {
        Context {
            study,
            format,
            root,
            raw_html,
            references: None,
            allow: &[],
            min_participants: 2,
            site: None,
        }
    }
}

/// What a section shows that the report-wide appendices list and link to:
/// sections render apart (in parallel), so each keeps its own trail and the
/// page stage joins them.
#[derive(Debug, Clone, Default)]
pub struct Trail {
    /// Segments shown as quotes, in order of first appearance.
    pub quoted: Vec<usize>,
    /// Where each `{codebook}` here is written, with the codes it lists
    /// (their entries are link targets).
    pub codebooks: Vec<(Location, Vec<usize>)>,
    /// Each `{quote-index}` placed here: where it is written, and the
    /// segments it lists beyond the quoted ones. The page stage allows one
    /// in the whole report.
    pub quote_indexes: Vec<(Location, Vec<usize>)>,
    /// Where each `{bibliography}` placed here is written (one allowed).
    pub bibliographies: Vec<Location>,
    /// `{cite}` roles in order; placeholder `C n` is `citations[n]`.
    pub citations: Vec<Citation>,
    /// Codes the thin-evidence lint has looked at here, so a code named
    /// four times gets one warning.
    pub thin_checked: std::collections::HashSet<usize>,
}

impl Trail {
    /// Notes that segment `i` is shown as a quote.
    pub fn quote(&mut self, i: usize) {
        if !self.quoted.contains(&i) {
            self.quoted.push(i);
        }
    }
}

/// One `{cite}` role: the works it cites, each with an optional locator
/// ("p. 12"), already checked against the references.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// `(key, locator)` pairs in the order written.
    pub items: Vec<(String, Option<String>)>,
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
    /// Byte offset of the opening fence in the section file (0 until the
    /// section renderer places it), where a directive's warnings point.
    pub at: usize,
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
    fn markdown(&mut self, text: &str, base: usize, scope: &str) -> Vec<Block>;

    /// Registers a numbered figure (at `at`, `len` bytes, for messages)
    /// and returns its placeholder number and element id.
    fn figure(
        &mut self,
        label: Option<&str>,
        at: usize,
        len: usize,
    ) -> Result<(usize, String), Failure>;

    /// Records a cross-reference to `label`, checked once the report
    /// (or, for `slug:label`, the site) is known.
    fn reference(&mut self, label: &str, at: usize, len: usize);

    /// Notes that what was just rendered rests on illustrative data.
    fn illustrative(&mut self);

    /// Reports a warning at byte `at` of the section file.
    fn warning(&mut self, at: usize, message: String, help: String);

    /// Reports lint `name`'s finding at byte `at`, unless the section's
    /// front matter allows it.
    fn lint(&mut self, name: &str, at: usize, message: String, help: String) {
        if !self.ctx().allow.iter().any(|a| a == name) {
            self.warning(
                at,
                format!("{message} [{name}]"),
                format!("{help}; or allow it in this section's front matter: allow = [\"{name}\"]"),
            );
        }
    }

    /// What this section shows for the appendices.
    fn trail(&mut self) -> &mut Trail;

    /// The location of `len` bytes at byte `at` of the section file.
    fn locate(&self, at: usize, len: usize) -> Location;
}
