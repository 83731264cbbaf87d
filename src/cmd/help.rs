//! `findings help [TOPIC]`: a command's help, or the project format's
//! reference, which travels inside the binary so that it is there
//! wherever the binary is, and always the one this version reads.

use std::process::ExitCode;

use clap::CommandFactory;

use crate::cli::Cli;

/// The format reference, as in the repository's `docs/format.md`.
const FORMAT: &str = include_str!("../../docs/format.md");

/// Prints the overview, a command's help or the format reference.
pub fn run(topic: Option<&str>) -> ExitCode {
    let mut cli = Cli::command();
    match topic {
        None => {
            println!("{}", cli.render_long_help());
            ExitCode::SUCCESS
        }
        Some("format") => {
            print!("{FORMAT}");
            ExitCode::SUCCESS
        }
        Some(name) => match cli.find_subcommand_mut(name) {
            Some(command) => {
                let mut command = command.clone().bin_name(format!("findings {name}"));
                println!("{}", command.render_long_help());
                ExitCode::SUCCESS
            }
            None => {
                let mut topics: Vec<String> = cli
                    .get_subcommands()
                    .map(|c| c.get_name().to_string())
                    .collect();
                topics.insert(0, "format".into());
                eprintln!(
                    "error: there is no help on `{name}`\n  = help: ask for one of: {}",
                    topics.join(", ")
                );
                ExitCode::from(2)
            }
        },
    }
}
