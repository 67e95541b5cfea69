//! The one place Geobrief reaches the network: a web page fetched because
//! the reader asked for that address (pasted it, typed it in File ▸ Open
//! link…, dropped it, or named it on the command line). Nothing else in
//! Geobrief opens a connection.
//!
//! One GET, nothing more: http and https only (TLS through rustls with the
//! Mozilla roots and certificate checks), redirects followed here by hand so
//! that each is checked (at most [`FetchLimits::max_redirects`], never to
//! another scheme), connect and total timeouts, the body read with a bound
//! ([`FetchLimits::max_bytes`], the limit of a file), no cookies sent or
//! kept, no compression asked for, no script run and nothing the page links
//! to (images, styles, frames) loaded.

use std::io::Read;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::brief::MAX_TEXT_BYTES;

/// How far a fetch may go.
#[derive(Clone, Debug)]
pub struct FetchLimits {
    pub connect: Duration,
    /// For the whole fetch: every redirect and the whole body.
    pub total: Duration,
    pub max_bytes: u64,
    pub max_redirects: usize,
}

impl Default for FetchLimits {
    fn default() -> Self {
        Self {
            connect: Duration::from_secs(10),
            total: Duration::from_secs(60),
            max_bytes: MAX_TEXT_BYTES as u64,
            max_redirects: 5,
        }
    }
}

/// A page as the server sent it.
#[derive(Clone, Debug)]
pub struct Fetched {
    /// Where it was found, after any redirects.
    pub address: String,
    /// The `Content-Type` without its parameters, lower case.
    pub media_type: Option<String>,
    pub bytes: Vec<u8>,
}

/// Why a fetch failed; the address is put to it by whoever shows it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("not a web address (Geobrief fetches http:// and https:// addresses only)")]
    NotWebAddress,
    #[error("not found (the server answered 404)")]
    NotFound,
    #[error("the server answered {status}")]
    Status { status: u16 },
    #[error("more than {limit} redirects; not followed further")]
    TooManyRedirects { limit: usize },
    #[error("redirected to {to}, which is not an http or https address; not followed")]
    RedirectToOtherScheme { to: String },
    #[error("a redirect without a Location to go to")]
    RedirectWithoutLocation,
    #[error("timed out after {secs} s")]
    TimedOut { secs: u64 },
    #[error("the page is more than {limit} bytes; the limit is that of a file")]
    TooLarge { limit: u64 },
    #[error("no such host")]
    HostNotFound,
    #[error("cannot connect: {reason}")]
    Connect { reason: String },
    #[error("the secure connection failed: {reason}")]
    Tls { reason: String },
    #[error("{reason}")]
    Other { reason: String },
    #[error("cancelled")]
    Cancelled,
}

/// True for an address Geobrief would fetch: `http://` or `https://` and a
/// host, no spaces.
pub fn is_web_address(text: &str) -> bool {
    let text = text.trim();
    scheme_of(text).is_some_and(|s| s == "http" || s == "https")
        && crate::geoparse::host_of(text).is_some_and(|h| !h.is_empty())
        && !text.chars().any(char::is_whitespace)
}

/// The host to show while fetching: "www.example.com".
pub fn host_to_show(address: &str) -> String {
    let rest = address.trim().split_once("://").map_or(address, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    authority
        .rsplit('@')
        .next()
        .unwrap_or(authority)
        .to_string()
}

/// Fetches `address` (see the module's description). `cancel` is looked at
/// between reads of the body: a cancelled fetch stops at once.
pub fn fetch(
    address: &str,
    limits: &FetchLimits,
    cancel: &AtomicBool,
) -> Result<Fetched, FetchError> {
    let mut address = address.trim().to_string();
    if !is_web_address(&address) {
        return Err(FetchError::NotWebAddress);
    }
    let started = Instant::now();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .max_redirects(0)
        .http_status_as_error(false)
        .timeout_connect(Some(limits.connect))
        .user_agent(concat!("Geobrief/", env!("CARGO_PKG_VERSION")))
        .accept(
            "text/html,application/xhtml+xml,application/pdf,application/rss+xml,\
             application/atom+xml,application/feed+json,text/plain;q=0.9,*/*;q=0.5",
        )
        .build()
        .into();
    let timed_out = || FetchError::TimedOut {
        secs: limits.total.as_secs(),
    };
    let mut redirects = 0;
    loop {
        if cancel.load(Ordering::Relaxed) {
            return Err(FetchError::Cancelled);
        }
        let left = limits
            .total
            .checked_sub(started.elapsed())
            .ok_or_else(timed_out)?;
        let response = agent
            .get(&address)
            .config()
            .timeout_global(Some(left))
            .build()
            .call()
            .map_err(|e| error_of(e, limits))?;
        let status = response.status().as_u16();
        if matches!(status, 301 | 302 | 303 | 307 | 308) {
            let location = response
                .headers()
                .get("location")
                .and_then(|v| v.to_str().ok())
                .ok_or(FetchError::RedirectWithoutLocation)?;
            let next = resolve(&address, location.trim());
            if !scheme_of(&next).is_some_and(|s| s == "http" || s == "https") {
                return Err(FetchError::RedirectToOtherScheme { to: next });
            }
            redirects += 1;
            if redirects > limits.max_redirects {
                return Err(FetchError::TooManyRedirects {
                    limit: limits.max_redirects,
                });
            }
            address = next;
            continue;
        }
        match status {
            200..=299 => {}
            404 | 410 => return Err(FetchError::NotFound),
            _ => return Err(FetchError::Status { status }),
        }
        let media_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(|v| v.trim().to_ascii_lowercase());
        if response
            .headers()
            .get("content-length")
            .and_then(|v| v.to_str().ok()?.trim().parse::<u64>().ok())
            .is_some_and(|length| length > limits.max_bytes)
        {
            return Err(FetchError::TooLarge {
                limit: limits.max_bytes,
            });
        }
        let bytes = read_body(response.into_body().into_reader(), limits, cancel)?;
        return Ok(Fetched {
            address,
            media_type,
            bytes,
        });
    }
}

/// The body, at most `max_bytes` of it, a chunk at a time so a cancel is
/// heard between chunks.
fn read_body(
    mut reader: impl Read,
    limits: &FetchLimits,
    cancel: &AtomicBool,
) -> Result<Vec<u8>, FetchError> {
    let mut bytes = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        if cancel.load(Ordering::Relaxed) {
            return Err(FetchError::Cancelled);
        }
        let n = match reader.read(&mut chunk) {
            Ok(0) => return Ok(bytes),
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(io_error_of(&e, limits)),
        };
        if bytes.len() as u64 + n as u64 > limits.max_bytes {
            return Err(FetchError::TooLarge {
                limit: limits.max_bytes,
            });
        }
        bytes.extend_from_slice(&chunk[..n]);
    }
}

fn io_error_of(e: &std::io::Error, limits: &FetchLimits) -> FetchError {
    // ureq reports its own errors through the reader wrapped in io::Error.
    let text = e.to_string();
    if e.kind() == std::io::ErrorKind::TimedOut || text.contains("timeout") {
        return FetchError::TimedOut {
            secs: limits.total.as_secs(),
        };
    }
    FetchError::Other {
        reason: format!("the page stopped arriving: {text}"),
    }
}

fn error_of(e: ureq::Error, limits: &FetchLimits) -> FetchError {
    match e {
        ureq::Error::Timeout(ureq::Timeout::Connect) => FetchError::TimedOut {
            secs: limits.connect.as_secs(),
        },
        ureq::Error::Timeout(_) => FetchError::TimedOut {
            secs: limits.total.as_secs(),
        },
        ureq::Error::HostNotFound => FetchError::HostNotFound,
        ureq::Error::ConnectionFailed => FetchError::Connect {
            reason: "the connection failed".into(),
        },
        ureq::Error::Io(io) => match io.kind() {
            std::io::ErrorKind::TimedOut => FetchError::TimedOut {
                secs: limits.total.as_secs(),
            },
            std::io::ErrorKind::ConnectionRefused => FetchError::Connect {
                reason: "the connection was refused".into(),
            },
            _ => FetchError::Connect {
                reason: io.to_string(),
            },
        },
        ureq::Error::Tls(reason) => FetchError::Tls {
            reason: reason.to_string(),
        },
        ureq::Error::Rustls(e) => FetchError::Tls {
            reason: e.to_string(),
        },
        ureq::Error::BadUri(_) | ureq::Error::Http(_) => FetchError::NotWebAddress,
        other => FetchError::Other {
            reason: other.to_string(),
        },
    }
}

/// The scheme of an absolute address, lower case ("https", "file").
fn scheme_of(address: &str) -> Option<String> {
    let (scheme, _) = address.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)))
        .then(|| scheme.to_ascii_lowercase())
}

/// A redirect's `Location` made absolute against the address it came from.
fn resolve(base: &str, location: &str) -> String {
    if scheme_of(location).is_some() {
        return location.to_string();
    }
    let (scheme, rest) = base.split_once("://").unwrap_or(("http", base));
    if let Some(network_path) = location.strip_prefix("//") {
        return format!("{scheme}://{network_path}");
    }
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(authority_end);
    if location.starts_with('/') {
        return format!("{scheme}://{authority}{location}");
    }
    let path = path.split(['?', '#']).next().unwrap_or("");
    let directory = path.rsplit_once('/').map_or("", |(dir, _)| dir);
    if location.starts_with('?') || location.starts_with('#') {
        return format!("{scheme}://{authority}{path}{location}");
    }
    format!("{scheme}://{authority}{directory}/{location}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_redirect_s_location_is_made_absolute() {
        let base = "https://www.example.com/news/2025/story.html?x=1";
        assert_eq!(resolve(base, "/a"), "https://www.example.com/a");
        assert_eq!(
            resolve(base, "b.html"),
            "https://www.example.com/news/2025/b.html"
        );
        assert_eq!(
            resolve(base, "//cdn.example.org/c"),
            "https://cdn.example.org/c"
        );
        assert_eq!(
            resolve(base, "http://other.example/d"),
            "http://other.example/d"
        );
        assert_eq!(resolve(base, "file:///etc/passwd"), "file:///etc/passwd");
        assert_eq!(resolve("http://h:8080", "x"), "http://h:8080/x");
    }

    #[test]
    fn only_http_and_https_addresses_are_web_addresses() {
        assert!(is_web_address("https://www.example.com/a"));
        assert!(is_web_address(" HTTP://127.0.0.1:8080/ "));
        assert!(!is_web_address("file:///etc/passwd"));
        assert!(!is_web_address("ftp://example.com/"));
        assert!(!is_web_address("https://"));
        assert!(!is_web_address("https://example.com/a b"));
        assert!(!is_web_address("Talks in Moscow"));
        assert_eq!(
            host_to_show("https://www.example.com/a?b"),
            "www.example.com"
        );
    }

    #[test]
    fn a_file_address_is_never_fetched() {
        let result = fetch(
            "file:///etc/passwd",
            &FetchLimits::default(),
            &AtomicBool::new(false),
        );
        assert_eq!(result.unwrap_err(), FetchError::NotWebAddress);
    }
}
