//! Preview server: builds into memory, serves the report (or every page
//! of a site), rebuilds on save.
//!
//! Three threads share one [`preview::Preview`]: the HTTP server answers
//! from it, the rebuild loop replaces it on every save and tells the open
//! pages through [`events::Hub`], and the main thread waits for Ctrl-C.
//! Nothing is written to disk and nothing but the built page is served.

mod browser;
mod events;
mod guard;
mod http;
mod overlay;
mod preview;
mod rebuild;
mod reload;
mod source;
mod watch;

use std::io::{self, Write};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::{Arc, RwLock};
use std::thread;

use tiny_http::Server;

use self::events::Hub;
use self::guard::Guard;
use self::preview::Preview;
use self::source::Source;
use self::watch::Watch;

/// At most this many pages receive live reloads at once.
const MAX_PAGES: usize = 64;

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
pub fn run(options: &ServeOptions) -> io::Result<()> {
    if !options.bind.is_loopback() {
        eprintln!(
            "warning: serving on {}, which other machines may reach; the preview has no access control",
            options.bind
        );
    }
    let (stop, stopped) = mpsc::channel();
    ctrlc::set_handler(move || {
        let _ = stop.send(());
    })
    .map_err(io::Error::other)?;

    let server = Server::http(SocketAddr::new(options.bind, options.port)).map_err(|e| {
        io::Error::other(format!(
            "cannot listen on {}:{}: {e}",
            options.bind, options.port
        ))
    })?;
    let address = server
        .server_addr()
        .to_ip()
        .ok_or_else(|| io::Error::other("the server has no IP address"))?;

    let preview = Arc::new(RwLock::new(Preview::new()));
    let hub = Arc::new(Hub::new(MAX_PAGES));
    // Watching before the first build means a save during it is not lost.
    let (changes, saves) = mpsc::channel();
    let mut source = Source::new(&options.project);
    let mut watch = Watch::start(&options.project, changes, source.watched()).map_err(|e| {
        io::Error::other(format!("cannot watch {}: {e}", options.project.display()))
    })?;
    rebuild::rebuild(&mut source, &[], &preview, &hub);
    // A site's report folders are known once site.toml is read.
    watch.watch(source.watched());
    {
        let (preview, hub) = (Arc::clone(&preview), Arc::clone(&hub));
        thread::Builder::new()
            .name("findings-rebuild".into())
            .spawn(move || rebuild::on_save(watch, &saves, source, &preview, &hub))?;
    }
    {
        let (preview, hub) = (Arc::clone(&preview), Arc::clone(&hub));
        let guard = Guard::new(address);
        thread::Builder::new()
            .name("findings-http".into())
            .spawn(move || http::serve(&server, &preview, &hub, &guard))?;
    }

    let url = format!("http://{}/", browsable(address));
    println!("Serving {url}");
    println!("Press Ctrl-C to stop");
    io::stdout().flush()?;
    if options.open {
        browser::open(&url);
    }
    // Ctrl-C, or SIGTERM or SIGHUP (the `termination` feature of ctrlc);
    // a closed channel (the handler is gone) ends the server too.
    let _ = stopped.recv();
    println!("\nStopped");
    io::stdout().flush()
}

/// The address to give a browser: an unspecified bind address (all
/// interfaces) is reachable on loopback, and a browser cannot open it.
fn browsable(address: SocketAddr) -> SocketAddr {
    let ip = match address.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    SocketAddr::new(ip, address.port())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gives_browsers_a_loopback_address_for_all_interfaces() {
        let any: SocketAddr = "0.0.0.0:4000".parse().expect("address");
        assert_eq!(browsable(any).to_string(), "127.0.0.1:4000");
        let any6: SocketAddr = "[::]:4000".parse().expect("address");
        assert_eq!(browsable(any6).to_string(), "[::1]:4000");
        let lan: SocketAddr = "192.168.1.5:4000".parse().expect("address");
        assert_eq!(browsable(lan), lan);
    }
}
