//! `findings new DIR --from STUDY.qdpx`: a project around a real study.
//!
//! The study is read first, so a file that would not build is refused
//! before anything is written, and the sections can be fitted to it (a
//! chart of codes only when something is coded, since a chart of nothing
//! is an error).

use std::fs;
use std::path::Path;
use std::process::ExitCode;

use findings::load::qdpx::{self, Import};
use findings::load::MAX_FILE_BYTES;
use findings::{Diagnostic, Diagnostics, Location};

use super::new::{is_free, write_all};
use super::report;

/// Creates the project in `dir` around `study`.
pub fn run(dir: &Path, study: &Path) -> ExitCode {
    if !is_free(dir) {
        return ExitCode::FAILURE;
    }
    let read = read_study(study).and_then(|bytes| Ok((qdpx::read(study, &bytes)?, bytes)));
    let (import, bytes) = match read {
        Ok(i) => i,
        Err(problems) => {
            report(&problems);
            eprintln!(
                "error: {} cannot be read; nothing was written",
                study.display()
            );
            return ExitCode::FAILURE;
        }
    };
    let name = study
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "study.qdpx".to_string());
    let files = files(&import, &name);
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
    println!(
        "created {} around {name}: {} participants, {} codes, {} segments",
        dir.display(),
        import.participants.len(),
        import.codes.len(),
        import.segments.len()
    );
    println!("next: findings build --project {}", dir.display());
    ExitCode::SUCCESS
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
                .help("check the path to the .qdpx file")
        })?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Diagnostic::error("the study is larger than 256 MiB")
            .at(Location::file(study))
            .help("a REFI-QDA project this large is not a report's study")
            .into());
    }
    Ok(bytes)
}

/// The config and sections of the new project.
fn files(import: &Import, name: &str) -> Vec<(String, String)> {
    let title = import
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| name.trim_end_matches(".qdpx").to_string());
    let config = format!(
        "title = {}\n\n# The study is content/data/{name}; findings reads it at every build.\n",
        toml::Value::String(title)
    );
    let coded = !import.segments.is_empty();
    let mut overview = format!(
        "+++\ntitle = \"Overview\"\nweight = 10\n+++\n\nThis report is built from `{name}`, read at every build. It holds\n{{count}}`sources` sources, {{count}}`participants` participants,\n{{count}}`codebook` codes and {{count}}`segments` coded segments.\n"
    );
    if coded {
        overview.push_str("\n```{chart} bar\n:data: segments\n:by: code\n:level: top\n:title: Coded segments per top-level code\n\nCoded segments per top-level code, each counting the segments of its sub-codes.\n```\n");
    } else {
        overview.push_str("\nNothing is coded yet: code some text in your QDA tool and export the project again.\n");
    }
    let mut codes = "+++\ntitle = \"Codes\"\nweight = 20\n+++\n\n".to_string();
    if coded {
        codes.push_str("Segments and participants per code (a code counts its sub-codes' segments too):\n\n```{table} segments\n:by: code\n:caption: Segments per code\n```\n\n");
    }
    codes.push_str("```{table} codebook\n:columns: id, label, parent, description\n:caption: The codebook\n```\n");
    let mut files = vec![
        ("content/report.toml".to_string(), config),
        ("content/sections/01-overview.md".to_string(), overview),
        ("content/sections/02-codes.md".to_string(), codes),
        (".gitignore".to_string(), "/output\n".to_string()),
    ];
    if coded {
        files.push((
            "content/sections/03-segments.md".to_string(),
            "+++\ntitle = \"Coded segments\"\nweight = 30\n+++\n\nEvery coded segment, in the order of the study, with its participant, source,\nposition, codes and coders:\n\n```{quote-index} segments\n```\n".to_string(),
        ));
    }
    files
}
