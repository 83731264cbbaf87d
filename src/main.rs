//! The `findings` binary: parses the command line and hands over to one
//! file per command in `cmd/`.

mod cli;
mod cmd;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    cmd::run(cli.command)
}
