//! The `findings` binary: parses the command line and hands over to one
//! file per command in `cmd/`.

mod cli;
mod cmd;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    ignore_file_size_signal();
    let cli = cli::Cli::parse();
    cmd::run(cli.command)
}

/// Under `ulimit -f`, a write past the limit raises SIGXFSZ, whose default
/// action kills the process without a word. Ignored, the write fails with
/// EFBIG instead, which the output stage reports with the file's name.
fn ignore_file_size_signal() {
    // SAFETY: SIG_IGN installs no handler of ours, and this runs before
    // any other thread exists.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}
