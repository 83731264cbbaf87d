//! Preview server: builds into memory, serves the report (or every page
//! of a site), rebuilds on save.
//!
//! The rebuild thread owns the [`preview::Preview`]: on every save it
//! builds, hands the server a snapshot of the pages and tells the open
//! pages through [`events::Hub`]. The server runs on an async runtime,
//! each connection a task of its own ([`server`]), so a slow or hostile
//! client costs only its own task. The main thread waits for Ctrl-C.
//! Nothing is written to disk and nothing but the built pages is served.

mod browser;
mod downloads;
mod events;
mod guard;
mod http;
mod overlay;
mod preview;
mod rebuild;
mod reload;
mod reply;
mod server;
mod source;
mod watch;
mod write_timeout;

use std::io::{self, Write};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::Arc;
use std::thread;

use self::events::Hub;
use self::guard::Guard;
use self::http::Site;
use self::preview::Preview;
use self::rebuild::Publisher;
use self::source::Source;
use self::watch::Watch;

/// At most this many pages receive live reloads at once.
const MAX_PAGES: usize = 64;

/// Threads of the async runtime: answering is little work, and the
/// builds need the cores more.
const WORKERS: usize = 2;

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

    raise_file_limit();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(WORKERS)
        .thread_name("findings-http")
        .enable_io()
        .enable_time()
        .build()?;
    let listener = {
        let _entered = runtime.enter();
        server::bind(SocketAddr::new(options.bind, options.port))
    }
    .map_err(|e| {
        io::Error::other(format!(
            "cannot listen on {}:{}: {e}",
            options.bind, options.port
        ))
    })?;
    let address = listener.local_addr()?;

    let hub = Arc::new(Hub::new(MAX_PAGES));
    let (shown, showing) = tokio::sync::watch::channel(Default::default());
    let mut out = Publisher {
        preview: Preview::new(),
        shown,
        hub: Arc::clone(&hub),
    };
    // Watching before the first build means a save during it is not lost.
    let (changes, saves) = mpsc::channel();
    let mut source = Source::new(&options.project);
    let mut watch = Watch::start(&options.project, changes, source.watched()).map_err(|e| {
        io::Error::other(format!("cannot watch {}: {e}", options.project.display()))
    })?;
    rebuild::rebuild(&mut source, &[], &mut out);
    // A site's report folders are known once site.toml is read.
    watch.watch(source.watched());
    thread::Builder::new()
        .name("findings-rebuild".into())
        .spawn(move || rebuild::on_save(watch, &saves, source, out))?;
    let site = Arc::new(Site {
        shown: showing,
        hub,
        guard: Guard::new(address),
    });
    runtime.spawn(server::serve(listener, site));

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
    // Open event streams would otherwise hold the exit up.
    runtime.shutdown_background();
    println!("\nStopped");
    io::stdout().flush()
}

/// Lets the server hold as many connections as the system allows: the
/// usual soft limit (1,024 files) is reached by a few hundred slow
/// clients, and then even the reviewer's own page could not connect.
fn raise_file_limit() {
    #[cfg(unix)]
    {
        let mut limit = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: getrlimit and setrlimit only read and write `limit`.
        unsafe {
            if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0
                && limit.rlim_cur < limit.rlim_max
            {
                limit.rlim_cur = limit.rlim_max;
                libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
            }
        }
    }
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
