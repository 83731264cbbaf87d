//! Stage 1 of the pipeline: read `content/` from disk.
//!
//! Reads the config, every section (front matter split off) and every
//! dataset, keeping each file's text so later stages can point into it.
//! Independent problems are all collected before giving up.

pub mod assets;
pub mod config;
pub mod datasets;
mod files;
pub mod formats;
pub mod front_matter;
mod front_matter_yaml;
pub mod inputs;
pub mod json;
pub mod outputs;
pub mod qdpx;
pub mod references;
pub mod table;

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::error::{Diagnostic, Diagnostics, Location};
use crate::model::input::Datasets;
use crate::model::labels::Labels;
use config::Config;
pub use files::{has_bom, read_bytes_limited, read_text, read_text_limited, text_of};
use front_matter::FrontMatter;

/// Files larger than this are refused: a report's inputs are text a person
/// wrote or coded, and reading gigabytes by accident should fail fast.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// A section file, read and split.
#[derive(Debug, Clone)]
pub struct SectionSource {
    /// Path as shown to the user.
    pub path: PathBuf,
    /// The whole file.
    pub text: String,
    /// Its front matter.
    pub front: FrontMatter,
    /// Byte offset where the Markdown body starts.
    pub body_start: usize,
    /// Anchor id of the section.
    pub id: String,
    /// The file started with a byte-order mark, dropped from `text`.
    pub bom: bool,
}

impl SectionSource {
    /// The Markdown body.
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }
}

/// Everything read from a project folder.
#[derive(Debug, Clone)]
pub struct Project {
    /// The project folder.
    pub root: PathBuf,
    /// `report.toml`.
    pub config: Config,
    /// Display labels from the config.
    pub labels: Labels,
    /// Sections in report order, drafts left out.
    pub sections: Vec<SectionSource>,
    /// The datasets.
    pub data: Datasets,
    /// The works `{cite}` may cite, when the project has a references file.
    pub references: Option<references::References>,
}

/// Reads the project in `root`; any error fails the whole read.
pub fn load(root: &Path) -> Result<Project, Diagnostics> {
    match load_lenient(root) {
        (Some(project), problems) if !problems.has_errors() => Ok(project),
        (_, problems) => Err(problems),
    }
}

/// Reads as much of the project in `root` as can be read, so that later
/// stages can still report their own problems alongside these: the
/// project comes back whenever the config and every dataset could be
/// read (sections that could not be read are left out and their errors
/// are in the diagnostics). When the config failed but the datasets did
/// not, the datasets are validated here so their errors are not hidden.
pub fn load_lenient(root: &Path) -> (Option<Project>, Diagnostics) {
    let mut problems = Diagnostics::new();
    let content = root.join("content");
    if !content.is_dir() {
        problems.push(
            Diagnostic::error(format!("no content/ folder in {}", display_root(root)))
                .at(Location::file(root))
                .help(
                    "pass the project folder with --project, or create one with `findings new DIR`",
                ),
        );
        return (None, problems);
    }
    let config_path = Path::new("content/report.toml");
    let config_missing = !root.join(config_path).exists() && !root.join(config_path).is_symlink();
    let config = match read_text(root, config_path) {
        Err(_) if config_missing => {
            let empty = std::fs::read_dir(&content)
                .map(|mut d| {
                    d.all(|e| e.is_ok_and(|e| e.file_name().to_string_lossy().starts_with('.')))
                })
                .unwrap_or(false);
            problems.push(
                Diagnostic::error(if empty {
                    "content/ is empty: there is no content/report.toml"
                } else {
                    "there is no content/report.toml"
                })
                .at(Location::file(config_path))
                .help(if empty {
                    "start from a working project with `findings new DIR`, or create content/report.toml with at least: title = \"My study\""
                } else {
                    "create content/report.toml with at least: title = \"My study\""
                }),
            );
            None
        }
        Ok(text) => match config::parse(config_path, &text) {
            Ok(c) => Some(c),
            Err(ds) => {
                ds.into_iter().for_each(|d| problems.push(d));
                None
            }
        },
        Err(d) => {
            problems.push(d.help("create content/report.toml with at least: title = \"My study\""));
            None
        }
    };
    // Parsing a large dataset takes as long as reading every section:
    // do both at once. Problems keep their order (sections, then data).
    let ((sections, section_problems), (data, data_problems)) = rayon::join(
        || {
            let mut p = Diagnostics::new();
            (load_sections(root, &mut p), p)
        },
        || {
            let mut p = Diagnostics::new();
            (load_datasets(root, &mut p), p)
        },
    );
    let (references, broken) = references::load_or_broken(root);
    if let Some(d) = broken {
        problems.push(d);
    }
    let data_ok = !data_problems.has_errors();
    problems.extend(section_problems);
    problems.extend(data_problems);
    match config {
        Some((config, labels)) if data_ok => (
            Some(Project {
                root: root.to_path_buf(),
                config,
                labels,
                sections,
                data,
                references,
            }),
            problems,
        ),
        _ => {
            if data_ok {
                if let Err(model) = crate::model::study::Study::build(data, Labels::default()) {
                    problems.extend(model);
                }
            }
            (None, problems)
        }
    }
}

/// The sections of `root` that can be read, without reporting those that
/// cannot (the full load did): when the config or datasets are broken, the
/// readable sections can still be checked for what needs no data.
pub fn readable_sections(root: &Path) -> Vec<SectionSource> {
    load_sections(root, &mut Diagnostics::new())
}

fn display_root(root: &Path) -> String {
    if root.as_os_str().is_empty() || root == Path::new(".") {
        "the current folder".to_string()
    } else {
        root.display().to_string()
    }
}

/// Files of `dir` (relative to root) with extension `ext`, sorted by name.
fn files_with_extension(
    root: &Path,
    dir: &str,
    ext: &str,
    problems: &mut Diagnostics,
) -> Vec<PathBuf> {
    let base = root.join(dir);
    if !base.is_dir() {
        return Vec::new();
    }
    let mut files = Vec::new();
    for entry in WalkDir::new(&base)
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
    {
        match entry {
            Ok(e) if e.file_type().is_file() || e.path_is_symlink() => {
                if e.path().extension().is_some_and(|x| x == ext) {
                    let rel = Path::new(dir).join(e.file_name());
                    files.push(rel);
                }
            }
            Ok(_) => {}
            Err(err) => problems.push(
                Diagnostic::error(format!("cannot list {dir}: {err}"))
                    .at(Location::file(dir))
                    .help("check the folder's permissions"),
            ),
        }
    }
    files
}

fn load_sections(root: &Path, problems: &mut Diagnostics) -> Vec<SectionSource> {
    let mut sections = Vec::new();
    for rel in files_with_extension(root, "content/sections", "md", problems) {
        match read_section(root, &rel) {
            Ok(Some(s)) => {
                if s.bom {
                    problems.push(
                        Diagnostic::note(
                            "the section starts with a byte-order mark, which was ignored",
                        )
                        .at(Location::file(&rel))
                        .help("nothing to do; to drop it, save the file as UTF-8 without BOM"),
                    );
                }
                sections.push(s)
            }
            Ok(None) => {}
            Err(d) => problems.push(d),
        }
    }
    order_sections(&mut sections, problems);
    sections
}

/// Reads the section file `rel` (relative to `root`); `None` for a draft.
/// `serve` calls this for the one file that changed.
pub fn read_section(root: &Path, rel: &Path) -> Result<Option<SectionSource>, Diagnostic> {
    let bytes = read_bytes_limited(root, rel, MAX_FILE_BYTES)?;
    let bom = has_bom(&bytes);
    let text = text_of(rel, bytes)?;
    let (front, body_start) = front_matter::split(rel, &text)?;
    if front.draft {
        return Ok(None);
    }
    let id = front.id.clone().unwrap_or_else(|| id_from_file_name(rel));
    Ok(Some(SectionSource {
        path: rel.to_path_buf(),
        text,
        front,
        body_start,
        id,
        bom,
    }))
}

/// Puts sections in report order (weight, then file name) and reports
/// sections sharing an id.
pub fn order_sections(sections: &mut [SectionSource], problems: &mut Diagnostics) {
    sections.sort_by(|a, b| {
        a.front
            .weight
            .cmp(&b.front.weight)
            .then_with(|| a.path.cmp(&b.path))
    });
    let mut seen = std::collections::HashMap::new();
    for s in sections.iter() {
        if let Some(first) = seen.insert(s.id.clone(), s.path.clone()) {
            // Point at an explicit `id = …` line; a derived id has no line.
            let mut offset = 0;
            let mut at = Location::file(&s.path);
            for line in s.text[..s.body_start].split_inclusive('\n') {
                let key = line.trim_start();
                if key
                    .strip_prefix("id")
                    .is_some_and(|r| r.trim_start().starts_with('='))
                {
                    at = Location::in_text(
                        &s.path,
                        &s.text,
                        offset + line.len() - key.len(),
                        line.trim().len(),
                    );
                    break;
                }
                offset += line.len();
            }
            problems.push(
                Diagnostic::error(format!("two sections have the id `{}`", s.id))
                    .at(at)
                    .help(format!(
                        "{} has it too: set a different `id` in one front matter",
                        first.display()
                    )),
            );
        }
    }
}

/// "03-problem-context.md" → "problem-context".
fn id_from_file_name(path: &Path) -> String {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("section");
    let trimmed = stem.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '_');
    crate::slug::slugify(if trimmed.is_empty() { stem } else { trimmed })
}

fn load_datasets(root: &Path, problems: &mut Diagnostics) -> Datasets {
    datasets::load(root, problems)
}
