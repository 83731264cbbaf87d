//! `findings serve`: preview with live reload.

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use findings::serve::{self, ServeOptions};

/// Serves the project until Ctrl-C.
pub fn run(project: PathBuf, port: u16, bind: IpAddr, open: bool) -> ExitCode {
    let options = ServeOptions {
        project,
        bind,
        port,
        open,
    };
    match serve::run(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
