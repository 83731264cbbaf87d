//! Who may talk to the preview: requests naming this machine only.
//!
//! A web page the reviewer visits elsewhere can point its own domain at
//! 127.0.0.1 (DNS rebinding) and then read the draft as if it were its
//! own origin; the one thing it cannot change is the `Host` header, which
//! names its domain. So only the names of this machine are answered: the
//! bound address, `localhost`, `127.0.0.1` and `[::1]`, with the port
//! served or none. When serving on all interfaces, any IP address is
//! accepted too: a rebinding attack needs a domain name, never an address.
//! The event stream is also refused to a page of another origin.

use std::collections::HashSet;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Mutex, PoisonError};

/// At most this many refused hosts are remembered (and logged); a flood of
/// made-up names cannot grow the set, or the log, without bound.
const REMEMBERED: usize = 64;

/// The names the server answers to, and the hosts it already refused.
pub struct Guard {
    address: SocketAddr,
    refused: Mutex<HashSet<String>>,
}

impl Guard {
    /// A guard for a server listening on `address`.
    pub fn new(address: SocketAddr) -> Self {
        Guard {
            address,
            refused: Mutex::new(HashSet::new()),
        }
    }

    /// Whether a request with this `Host` header value may be answered.
    pub fn allows_host(&self, host: Option<&str>) -> bool {
        let Some(host) = host else {
            return false;
        };
        let (name, port) = split_port(host.trim());
        if port.is_some_and(|p| p != self.address.port()) {
            return false;
        }
        let name = name.to_ascii_lowercase();
        let literal = name
            .strip_prefix('[')
            .and_then(|n| n.strip_suffix(']'))
            .unwrap_or(&name)
            .parse::<IpAddr>();
        match literal {
            Ok(ip) => {
                ip.is_loopback() || ip == self.address.ip() || self.address.ip().is_unspecified()
            }
            Err(_) => name == "localhost",
        }
    }

    /// Whether an event-stream request with this `Origin` may subscribe:
    /// no `Origin` (not a cross-origin fetch), or the page's own origin,
    /// `http://` and the very host the request was sent to.
    pub fn allows_origin(&self, origin: Option<&str>, host: Option<&str>) -> bool {
        match (origin, host) {
            (None, _) => true,
            (Some(origin), Some(host)) => origin
                .strip_prefix("http://")
                .is_some_and(|o| o.eq_ignore_ascii_case(host.trim())),
            (Some(_), None) => false,
        }
    }

    /// Logs a refused host the first time it is seen.
    pub fn log_refused(&self, host: Option<&str>) {
        let mut refused = self.refused.lock().unwrap_or_else(PoisonError::into_inner);
        let key = host.unwrap_or_default().to_string();
        if refused.len() >= REMEMBERED || !refused.insert(key) {
            return;
        }
        let what = match host {
            // Debug formatting shows control characters escaped.
            Some(host) => format!("for host {host:?}"),
            None => "without a Host header".to_string(),
        };
        eprintln!(
            "warning: refused a request {what}: the preview answers only to localhost, 127.0.0.1, [::1] and {} (another site may be trying DNS rebinding)",
            self.address
        );
    }
}

/// `("localhost", Some(4000))` for `localhost:4000`, `("[::1]", None)`
/// for `[::1]`; an unparsable port is kept in the name, which then matches
/// nothing.
fn split_port(host: &str) -> (&str, Option<u16>) {
    let colon = if host.starts_with('[') {
        host.find(']').and_then(|end| {
            let rest = &host[end + 1..];
            rest.starts_with(':').then_some(end + 1)
        })
    } else {
        host.rfind(':')
    };
    match colon {
        Some(i) => match host[i + 1..].parse() {
            Ok(port) => (&host[..i], Some(port)),
            Err(_) => (host, None),
        },
        None => (host, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guard(address: &str) -> Guard {
        Guard::new(address.parse().expect("address"))
    }

    #[test]
    fn answers_the_names_of_this_machine_with_its_port_or_none() {
        let g = guard("127.0.0.1:4000");
        for host in [
            "localhost",
            "localhost:4000",
            "LocalHost:4000",
            "127.0.0.1:4000",
            "127.0.0.1",
            "[::1]:4000",
            "[::1]",
        ] {
            assert!(g.allows_host(Some(host)), "{host}");
        }
    }

    #[test]
    fn refuses_other_names_ports_and_no_host() {
        let g = guard("127.0.0.1:4000");
        for host in [
            "evil.example",
            "evil.example:4000",
            "localhost:4001",
            "localhost.evil.example:4000",
            "127.0.0.1.nip.io:4000",
            "192.168.1.5:4000",
            "localhost:40000",
            "localhost:x",
            "[::1]:4001",
            "",
        ] {
            assert!(!g.allows_host(Some(host)), "{host}");
        }
        assert!(!g.allows_host(None));
    }

    #[test]
    fn on_all_interfaces_any_address_is_a_name_of_this_machine() {
        let g = guard("0.0.0.0:4000");
        assert!(g.allows_host(Some("192.168.1.5:4000")));
        assert!(!g.allows_host(Some("evil.example:4000")));
        let lan = guard("192.168.1.5:4000");
        assert!(lan.allows_host(Some("192.168.1.5:4000")));
        assert!(!lan.allows_host(Some("10.0.0.1:4000")));
    }

    #[test]
    fn the_event_stream_takes_its_own_origin_only() {
        let g = guard("127.0.0.1:4000");
        let host = Some("localhost:4000");
        assert!(g.allows_origin(None, host));
        assert!(g.allows_origin(Some("http://localhost:4000"), host));
        for origin in [
            "http://evil.example",
            "http://localhost:4001",
            "https://localhost:4000",
            "null",
            "http://localhost:4000.evil.example",
        ] {
            assert!(!g.allows_origin(Some(origin), host), "{origin}");
        }
    }
}
