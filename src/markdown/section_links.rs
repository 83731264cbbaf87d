//! The section renderer's side of links between reports: where a
//! `{ref}` or a Markdown link names another report of the site, it is
//! checked against the site's slugs, given its relative address, and
//! noted for the check against that report's anchors.

use pulldown_cmark::Tag;

use crate::markdown::cross_report::{self, CrossLink};
use crate::markdown::section::SectionRenderer;

impl SectionRenderer<'_> {
    /// Records a cross-reference; a label `slug:label` points into
    /// another report of the site.
    pub fn reference(&mut self, label: &str, at: usize, len: usize) {
        let loc = self.locate(at, len);
        if let Some((report, anchor)) = label.split_once(':') {
            match cross_report::check_report(self.ctx.site, report, true) {
                Ok(()) => self.out.links.push(CrossLink {
                    report: report.to_string(),
                    anchor: anchor.to_string(),
                    figure: true,
                    at: loc,
                }),
                Err((message, help)) => self.error(at, len, message, help),
            }
            return;
        }
        self.out.refs.push((label.to_string(), loc));
    }

    /// A link `[text](slug#anchor)` into another report of the site
    /// becomes a relative link to its page, noted for checking; any other
    /// link is left as it is.
    pub(super) fn cross_report_link<'t>(&mut self, tag: Tag<'t>, at: usize, len: usize) -> Tag<'t> {
        let Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        } = tag
        else {
            return tag;
        };
        let Some((report, anchor)) = cross_report::target(self.ctx.site, &dest_url) else {
            return Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            };
        };
        let (report, anchor) = (report.to_string(), anchor.to_string());
        // The caret goes on the destination, not the whole link.
        let written = self
            .text
            .get(at..at + len)
            .and_then(|t| t.rfind(&*dest_url))
            .map_or((at, len), |i| (at + i, dest_url.len()));
        if let Err((message, help)) = cross_report::check_report(self.ctx.site, &report, false) {
            self.error(written.0, written.1, message, help);
        } else {
            let at = self.locate(written.0, written.1);
            self.out.links.push(CrossLink {
                report: report.clone(),
                anchor: anchor.clone(),
                figure: false,
                at,
            });
        }
        Tag::Link {
            link_type,
            dest_url: cross_report::href(&report, &anchor).into(),
            title,
            id,
        }
    }
}
