//! Preview server: builds into memory, serves the report, rebuilds on save.

use std::net::IpAddr;
use std::path::PathBuf;

/// What `findings serve` was asked for.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Project folder.
    pub project: PathBuf,
    /// Address to bind.
    pub bind: IpAddr,
    /// Port (0: any free port).
    pub port: u16,
    /// Open a browser once serving.
    pub open: bool,
}

/// Serves until interrupted.
pub fn run(options: &ServeOptions) -> std::io::Result<()> {
    let _ = options;
    Err(std::io::Error::other("serve is not implemented yet"))
}
