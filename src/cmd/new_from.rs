//! `findings new DIR --from STUDY`: a project around a real study, from
//! any export the format registry reads that holds codes or coded
//! segments (a `.qdpx`, a `.qdc`, a coded-segments CSV or XLSX, a
//! codebook table).
//!
//! The study is read first, through the same registry entry a build uses,
//! so a file that would not build is refused before anything is written,
//! and the sections can be fitted to it (`scaffold_from`).

use std::fs;
use std::path::Path;
use std::process::ExitCode;

use findings::load::formats::{self, Input, Loaded};
use findings::load::table::columns::Mapping;
use findings::load::MAX_FILE_BYTES;
use findings::model::input::Datasets;
use findings::{Diagnostic, Diagnostics, Location};

use super::new::{is_free, write_all};
use super::scaffold_from;
use super::show;

/// Creates the project in `dir` around `study`.
pub fn run(dir: &Path, study: &Path) -> ExitCode {
    if !is_free(dir) {
        return ExitCode::FAILURE;
    }
    let (loaded, bytes, name) = match read_study(study).and_then(|bytes| read(study, bytes)) {
        Ok(read) => read,
        Err(problems) => {
            show(&problems);
            eprintln!(
                "error: {} cannot be read; nothing was written",
                study.display()
            );
            return ExitCode::FAILURE;
        }
    };
    let files = scaffold_from::files(&loaded, &name);
    if !write_all(dir, &files) {
        return ExitCode::FAILURE;
    }
    // Written rather than copied: a copy would keep a read-only mode.
    let target = dir.join("content/data").join(&name);
    let copied =
        fs::create_dir_all(dir.join("content/data")).and_then(|()| fs::write(&target, &bytes));
    if let Err(e) = copied {
        eprintln!(
            "error: cannot copy {} to {}: {e}",
            study.display(),
            target.display()
        );
        return ExitCode::FAILURE;
    }
    let count = |n: Option<usize>| n.unwrap_or(0);
    let data = &loaded.data;
    println!(
        "created {} around {name}: {} participants, {} codes, {} segments",
        dir.display(),
        count(data.participants.as_ref().map(|f| f.records.len())),
        count(data.codebook.as_ref().map(|f| f.records.len())),
        count(data.segments.as_ref().map(|f| f.records.len())),
    );
    println!("next: findings build --project {}", dir.display());
    ExitCode::SUCCESS
}

/// The study read by its registry entry, its bytes, and the name it gets
/// in `content/data/` (with the format's extension, so a build reads it).
fn read(study: &Path, bytes: Vec<u8>) -> Result<(Loaded, Vec<u8>, String), Diagnostics> {
    let format = formats::of(study, &bytes).ok_or_else(|| {
        Diagnostic::error("findings does not know this kind of file")
            .at(Location::file(study))
            .help(format!(
                "new --from reads {}: export the study from your QDA tool as one of those",
                formats::listed()
            ))
    })?;
    let loaded = (format.read)(&Input {
        rel: study,
        bytes: &bytes,
        columns: &Mapping::new(),
        known: &Datasets::default(),
    });
    if loaded.report.has_errors() {
        return Err(loaded.report);
    }
    if loaded.data.codebook.is_none() && loaded.data.segments.is_none() {
        return Err(Diagnostic::error("the file holds no codes and no coded segments")
            .at(Location::file(study))
            .help("new --from starts from a study: a REFI-QDA project (.qdpx) or codebook (.qdc), a coded-segments export of MAXQDA, QualCoder or Taguette (.csv, .xlsx), or a codebook table")
            .into());
    }
    let mut name = study
        .file_name()
        .map(|n| n.to_string_lossy().trim_start_matches('.').to_string())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "study".to_string());
    if formats::by_extension(Path::new(&name)).is_none() {
        if let Some(ext) = format.extensions.first() {
            name = format!("{name}.{ext}");
        }
    }
    Ok((loaded, bytes, name))
}

/// The study's bytes. It lies outside any project, so the project
/// reader's checks do not apply; the size limit does.
fn read_study(study: &Path) -> Result<Vec<u8>, Diagnostics> {
    use std::io::Read;
    let mut bytes = Vec::new();
    fs::File::open(study)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| {
            Diagnostic::error(format!("cannot read the study: {e}"))
                .at(Location::file(study))
                .help("check the path to the exported file")
        })?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Diagnostic::error("the study is larger than 256 MiB")
            .at(Location::file(study))
            .help("an export this large is not a report's study")
            .into());
    }
    Ok(bytes)
}
