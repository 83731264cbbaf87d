//! One file per command; each is a few lines calling the library.

mod build;
mod check;
mod codes;
mod help;
mod new;
mod new_from;
mod scaffold_from;
mod serve;
mod site;
mod verify;

use std::io::IsTerminal;
use std::process::ExitCode;

use findings::Diagnostics;

use crate::cli::Command;

/// Runs one command and turns its outcome into an exit code.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Build {
            project,
            out,
            force,
            deny_warnings,
            format,
        } => build::run(&project, out.as_deref(), force, deny_warnings, &format),
        Command::Check {
            project,
            deny_warnings,
        } => check::run(&project, deny_warnings),
        Command::Codes {
            project,
            tree,
            json,
        } => codes::run(&project, tree, json),
        Command::Verify { page, project } => verify::run(&page, project.as_deref()),
        Command::Help { topic } => help::run(topic.as_deref()),
        Command::New { dir, from, site } => match from {
            Some(study) => new_from::run(&dir, &study),
            None if site => site::new(&dir),
            None => new::run(&dir),
        },
        Command::Serve {
            project,
            port,
            bind,
            open,
        } => serve::run(project, port, bind, open),
    }
}

/// Prints diagnostics to stderr, coloured when stderr is a terminal.
pub fn show(diagnostics: &Diagnostics) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    eprint!("{}", diagnostics.render(color));
}
