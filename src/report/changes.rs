//! Which changed paths ask for what: a saved section re-renders that
//! section, a theme file re-renders the page, anything else reloads the
//! project. Paths from the watcher may be absolute, relative or through
//! symlinks; they are made relative to the project first.

use std::path::{Component, Path, PathBuf};

/// What a set of changed paths asks for, from least to most work.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Scope {
    Nothing,
    Sections,
    Theme,
    Everything,
}

/// `path` relative to the project folder `root`, or `None` when it lies
/// outside it. Watchers report absolute (often canonical) paths while the
/// project may have been given as a relative one, so both are tried.
pub(super) fn relative_to(root: &Path, path: &Path) -> Option<PathBuf> {
    if path.is_relative() {
        return Some(normalise(path));
    }
    if let Ok(rel) = path.strip_prefix(root) {
        return Some(normalise(rel));
    }
    let canonical_root = root.canonicalize().ok()?;
    if let Ok(rel) = path.strip_prefix(&canonical_root) {
        return Some(normalise(rel));
    }
    // A removed file cannot be canonicalized, but its folder can.
    let parent = path.parent()?.canonicalize().ok()?;
    let rel = parent.strip_prefix(&canonical_root).ok()?;
    Some(normalise(&rel.join(path.file_name()?)))
}

/// Drops `.` components, so `./content/x.md` names the same section as
/// `content/x.md`.
fn normalise(path: &Path) -> PathBuf {
    path.components()
        .filter(|c| !matches!(c, Component::CurDir))
        .collect()
}

pub(super) fn scope_of(rel: &Path) -> Scope {
    let sections = Path::new("content/sections");
    if rel.starts_with("output") {
        Scope::Nothing
    } else if rel.parent() == Some(sections) {
        // Only `.md` files directly in the folder are sections; editors'
        // swap and backup files beside them change nothing.
        if rel.extension().is_some_and(|x| x == "md") {
            Scope::Sections
        } else {
            Scope::Nothing
        }
    } else if rel.starts_with(sections) && rel != sections {
        Scope::Nothing
    } else if rel.starts_with("themes") {
        Scope::Theme
    } else {
        Scope::Everything
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_are_scoped() {
        let s = |p: &str| scope_of(Path::new(p));
        assert_eq!(s("content/sections/01-a.md"), Scope::Sections);
        assert_eq!(s("content/sections/.01-a.md.swp"), Scope::Nothing);
        assert_eq!(s("content/sections/drafts/x.md"), Scope::Nothing);
        assert_eq!(s("content/sections"), Scope::Everything);
        assert_eq!(s("content/data/segments.json"), Scope::Everything);
        assert_eq!(s("content/report.toml"), Scope::Everything);
        assert_eq!(s("themes/mine/base.html"), Scope::Theme);
        assert_eq!(s("output/index.html"), Scope::Nothing);
    }

    #[test]
    fn paths_are_made_relative() {
        let root = Path::new("/work/study");
        assert_eq!(
            relative_to(root, Path::new("/work/study/content/sections/a.md")),
            Some(PathBuf::from("content/sections/a.md"))
        );
        assert_eq!(
            relative_to(root, Path::new("./content/report.toml")),
            Some(PathBuf::from("content/report.toml"))
        );
        assert_eq!(relative_to(root, Path::new("/elsewhere/a.md")), None);
    }
}
