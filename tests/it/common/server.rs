//! A web server on the loopback address for the tests of fetching a link:
//! started by the test, it answers only on 127.0.0.1, for a bounded time
//! (a minute at most) and a bounded number of bytes, and stops when dropped.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// What the server answers at a path.
#[derive(Clone)]
pub enum Reply {
    /// A page: status, content type, body.
    Page {
        status: u16,
        content_type: &'static str,
        body: Vec<u8>,
    },
    /// A page sent after waiting this long.
    Late(Duration, Vec<u8>),
    /// A redirect to this location.
    Redirect(String),
    /// A body that never ends (up to 256 MiB or the server's life).
    Endless,
    /// A body of one byte every `interval` (up to a minute).
    Slow(Duration),
}

pub struct Server {
    /// "http://127.0.0.1:PORT".
    pub base: String,
    stop: Arc<AtomicBool>,
}

impl Server {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Serves `routes` (path, reply) on a free loopback port.
pub fn serve(routes: Vec<(String, Reply)>) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    listener
        .set_nonblocking(true)
        .expect("a non-blocking listener");
    let base = format!("http://{}", listener.local_addr().expect("its address"));
    let stop = Arc::new(AtomicBool::new(false));
    let stopped = stop.clone();
    let routes = Arc::new(routes);
    std::thread::spawn(move || {
        let started = Instant::now();
        while !stopped.load(Ordering::Relaxed) && started.elapsed() < Duration::from_secs(60) {
            match listener.accept() {
                Ok((stream, _)) => {
                    let routes = routes.clone();
                    let stopped = stopped.clone();
                    std::thread::spawn(move || answer(stream, &routes, &stopped));
                }
                Err(_) => std::thread::sleep(Duration::from_millis(5)),
            }
        }
    });
    Server { base, stop }
}

fn answer(mut stream: TcpStream, routes: &[(String, Reply)], stop: &AtomicBool) {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut request = Vec::new();
    let mut buf = [0u8; 1024];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") && request.len() < 64 * 1024 {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => request.extend_from_slice(&buf[..n]),
        }
    }
    let request = String::from_utf8_lossy(&request);
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
    let Some((_, reply)) = routes.iter().find(|(p, _)| *p == path) else {
        let _ = stream
            .write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        return;
    };
    let head = |status: u16, extra: &str| {
        format!("HTTP/1.1 {status} X\r\nConnection: close\r\n{extra}\r\n")
    };
    match reply {
        Reply::Page {
            status,
            content_type,
            body,
        } => {
            let head = head(
                *status,
                &format!(
                    "Content-Type: {content_type}\r\nContent-Length: {}\r\n",
                    body.len()
                ),
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(body);
        }
        Reply::Late(wait, body) => {
            std::thread::sleep(*wait);
            let head = head(
                200,
                &format!(
                    "Content-Type: text/html\r\nContent-Length: {}\r\n",
                    body.len()
                ),
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(body);
        }
        Reply::Redirect(to) => {
            let head = head(302, &format!("Location: {to}\r\nContent-Length: 0\r\n"));
            let _ = stream.write_all(head.as_bytes());
        }
        Reply::Endless => {
            let _ = stream.write_all(head(200, "Content-Type: text/html\r\n").as_bytes());
            let chunk = "<p>Ships left Tartus for Latakia.</p>\n".repeat(1000);
            let mut sent = 0usize;
            while !stop.load(Ordering::Relaxed) && sent < 256 * 1024 * 1024 {
                if stream.write_all(chunk.as_bytes()).is_err() {
                    return;
                }
                sent += chunk.len();
            }
        }
        Reply::Slow(interval) => {
            let _ = stream.write_all(head(200, "Content-Type: text/html\r\n").as_bytes());
            let started = Instant::now();
            while !stop.load(Ordering::Relaxed) && started.elapsed() < Duration::from_secs(60) {
                if stream.write_all(b"<").is_err() {
                    return;
                }
                std::thread::sleep(*interval);
            }
        }
    }
}

/// A news page about places in Syria and Lebanon.
pub fn article_page(canonical: Option<&str>) -> Vec<u8> {
    let link = canonical
        .map(|c| format!(r#"<link rel="canonical" href="{c}">"#))
        .unwrap_or_default();
    format!(
        r#"<html><head><title>Talks in Damascus | The Daily</title>{link}
<meta property="og:site_name" content="The Daily"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Talks in Damascus</h1><p class="byline">By A. Writer</p>
<p>Officials from Lebanon met their counterparts in Damascus on Monday to discuss the border crossings and trade between the two countries, which have been closed for months.</p>
<p>The Syrian delegation later flew to Aleppo, where reconstruction of the old city continues slowly after years of war and an earthquake that destroyed many buildings.</p>
<p>Further talks are expected in Beirut next month, officials said, as both governments seek to restore the flow of goods across the frontier.</p>
</article><footer>Subscribe to our newsletter.</footer></body></html>"#
    )
    .into_bytes()
}
