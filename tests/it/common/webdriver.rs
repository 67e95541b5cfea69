//! A small WebDriver client for the web page tests: it starts Debian's
//! `chromedriver` on a free local port and speaks the W3C WebDriver
//! protocol to it over plain HTTP/1.1 on a `TcpStream` (the few commands
//! the tests need, JSON in and out). The browser runs headless with every
//! host name resolving to nothing, so a page that tried the network would
//! fail to, and the tests also check it made no request.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// The key WebDriver sends for Tab.
pub const TAB: &str = "\u{E004}";

/// Why a browser could not be had: the tests say so and are skipped.
pub fn browser_missing() -> Option<String> {
    let found = |name: &str| {
        Command::new(name)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    if !found("chromedriver") {
        return Some("chromedriver is not installed (Debian package chromium-driver)".into());
    }
    if chromium_binary().is_none() {
        return Some("no Chromium to drive (Debian package chromium)".into());
    }
    None
}

fn chromium_binary() -> Option<&'static str> {
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .into_iter()
    .find(|p| std::path::Path::new(p).exists())
}

/// A browser session; the driver process ends when it is dropped.
pub struct Browser {
    driver: Child,
    port: u16,
    session: String,
}

impl Browser {
    /// A headless Chromium with a window of `width` × `height` CSS pixels,
    /// in the light or dark colour scheme.
    pub fn start(width: u32, height: u32, dark: bool) -> Browser {
        let port = free_port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let mut browser = Browser {
            driver,
            port,
            session: String::new(),
        };
        let start = Instant::now();
        while browser.raw("GET", "/status", None).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "chromedriver did not answer"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let mut args = vec![
            "--headless=new".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-dev-shm-usage".into(),
            // No host name resolves: the page has no network to use.
            "--host-resolver-rules=MAP * ~NOTFOUND".into(),
            format!("--window-size={width},{height}"),
        ];
        if dark {
            args.push("--force-dark-mode".into());
        }
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:loggingPrefs": {"browser": "ALL"},
            "goog:chromeOptions": {"binary": chromium_binary(), "args": args},
        }}});
        let answer = browser.command("POST", "/session", Some(capabilities));
        browser.session = answer["value"]["sessionId"]
            .as_str()
            .expect("a session id")
            .to_string();
        browser
    }

    pub fn open(&mut self, url: &str) {
        self.session_command("POST", "/url", Some(json!({ "url": url })));
    }

    /// Runs `script` (a function body; `arguments` holds `args`) and
    /// returns what it returns.
    pub fn run(&mut self, script: &str, args: Vec<Value>) -> Value {
        self.session_command(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": args})),
        )
    }

    /// The element `css` selects (the first), as WebDriver names it.
    pub fn find(&mut self, css: &str) -> String {
        let answer = self.session_command(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        );
        element_id(&answer)
    }

    pub fn find_by_xpath(&mut self, xpath: &str) -> String {
        let answer = self.session_command(
            "POST",
            "/element",
            Some(json!({"using": "xpath", "value": xpath})),
        );
        element_id(&answer)
    }

    /// Clicks an element as a user would (the driver scrolls it into view
    /// and fails if something else would take the click). It first waits,
    /// up to five seconds, for the page to have drawn the element: a loaded
    /// machine may not have run the page's next animation frame yet.
    pub fn click(&mut self, element: &str) {
        let start = Instant::now();
        let drawn = json!({ "element-6066-11e4-a52e-4f689c4b4b3b": element });
        while start.elapsed() < Duration::from_secs(5) {
            let visible = self.run(
                "const e = arguments[0]; \
                 if (!e || typeof e.getBoundingClientRect !== 'function') return true; \
                 const r = e.getBoundingClientRect(); \
                 return r.width > 0 && r.height > 0;",
                vec![drawn.clone()],
            );
            if visible == json!(true) {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        self.session_command(
            "POST",
            &format!("/element/{element}/click"),
            Some(json!({})),
        );
    }

    pub fn text(&mut self, element: &str) -> String {
        self.session_command("GET", &format!("/element/{element}/text"), None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Presses and releases one key on whatever has the focus.
    pub fn press(&mut self, key: &str) {
        let actions = json!({"actions": [{"type": "key", "id": "keyboard", "actions": [
            {"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}]}]});
        self.session_command("POST", "/actions", Some(actions));
    }

    /// What the page wrote to its console (errors, warnings, logs).
    pub fn console(&mut self) -> Vec<Value> {
        self.session_command("POST", "/se/log", Some(json!({"type": "browser"})))
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// A PNG of the window.
    pub fn screenshot(&mut self) -> Vec<u8> {
        let b64 = self.session_command("GET", "/screenshot", None);
        decode_base64(b64.as_str().unwrap_or_default())
    }

    /// Waits up to five seconds for `script` to return true.
    pub fn wait_for(&mut self, script: &str) -> bool {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(5) {
            if self.run(script, vec![]) == json!(true) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        false
    }

    fn session_command(&mut self, method: &str, path: &str, body: Option<Value>) -> Value {
        let path = format!("/session/{}{path}", self.session);
        self.command(method, &path, body)["value"].clone()
    }

    fn command(&mut self, method: &str, path: &str, body: Option<Value>) -> Value {
        let answer = self
            .raw(method, path, body)
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        assert!(
            answer["value"].get("error").is_none(),
            "{method} {path}: {answer}"
        );
        answer
    }

    /// One HTTP/1.1 request to the driver, its JSON answer.
    fn raw(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).map_err(|e| e.to_string())?;
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .map_err(|e| e.to_string())?;
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.port,
            body.len()
        );
        stream
            .write_all(request.as_bytes())
            .map_err(|e| e.to_string())?;
        // The driver may keep the connection open: read the head, then as
        // many bytes as it says (or its chunks).
        let mut response = Vec::new();
        let mut buffer = [0u8; 65536];
        let head_end = loop {
            if let Some(at) = find(&response, b"\r\n\r\n") {
                break at + 4;
            }
            let n = stream.read(&mut buffer).map_err(|e| e.to_string())?;
            if n == 0 {
                return Err("the driver closed the connection".into());
            }
            response.extend_from_slice(&buffer[..n]);
        };
        let head = String::from_utf8_lossy(&response[..head_end]).to_ascii_lowercase();
        let length = head
            .lines()
            .find_map(|l| l.strip_prefix("content-length:"))
            .and_then(|v| v.trim().parse::<usize>().ok());
        let chunked = head.contains("transfer-encoding: chunked");
        loop {
            let body = &response[head_end..];
            let complete = match length {
                Some(n) => body.len() >= n,
                None if chunked => find(body, b"0\r\n\r\n").is_some(),
                None => false,
            };
            if complete {
                break;
            }
            let n = stream.read(&mut buffer).map_err(|e| e.to_string())?;
            if n == 0 {
                break;
            }
            response.extend_from_slice(&buffer[..n]);
        }
        let text = String::from_utf8_lossy(&response[head_end..]).into_owned();
        let body = if chunked { unchunk(&text) } else { text };
        serde_json::from_str(&body).map_err(|e| format!("{e}: {body}"))
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = self.raw("DELETE", &format!("/session/{}", self.session), None);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn element_id(answer: &Value) -> String {
    answer
        .as_object()
        .and_then(|o| o.values().next())
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("no element in {answer}"))
        .to_string()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("its address").port()
}

fn unchunk(body: &str) -> String {
    let mut out = String::new();
    let mut rest = body;
    while let Some((size, after)) = rest.split_once("\r\n") {
        let Ok(size) = usize::from_str_radix(size.trim(), 16) else {
            break;
        };
        if size == 0 || after.len() < size {
            break;
        }
        out.push_str(&after[..size]);
        rest = after[size..].trim_start_matches("\r\n");
    }
    out
}

fn decode_base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut bits = 0u32;
    let mut count = 0;
    for v in text.bytes().filter_map(value) {
        bits = bits << 6 | u32::from(v);
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
        }
    }
    out
}
