//! A page over a loopback link against the same page from disk (#17): the
//! time to open a saved web page as an article (read, Readability, places),
//! the time to fetch its bytes from a server on 127.0.0.1 (the transfer),
//! and the time to open its address (fetch, then the same work). The budget:
//! the address opens in about the disk's time plus the transfer's. Both
//! ways are first checked to make the same article.
//!
//!     python3 tools/sources/news_page.py 400 /tmp/news-page-long.html
//!     cargo run --release --example fetch_page -- PAGE.html [RUNS]

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use geobrief::fetch::{FetchLimits, fetch};
use geobrief::open::{brief_of, open, open_address};

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = std::path::PathBuf::from(args.next().expect("a saved web page"));
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(20);
    let page = std::fs::read(&path).expect("the page");
    // A server on the loopback address, for as many requests as the runs.
    let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    let address = format!(
        "http://{}/page.html",
        listener.local_addr().expect("its address")
    );
    let body = page.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(2 * runs + 3).flatten() {
            let mut stream = stream;
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    });
    let gaz = geobrief::gazetteer::Gazetteer::embedded();
    let _ = gaz.name_finder();
    let cancel = AtomicBool::new(false);
    let limits = FetchLimits::default();
    let personal = Default::default();
    let mut disk = Vec::new();
    let mut transfer = Vec::new();
    let mut link = Vec::new();
    // The work done must be the same both ways: the same paragraphs, and
    // places found in them.
    let shape = |brief: &geobrief::brief::Brief| (brief.paragraphs().to_vec(), brief.place_count());
    let from_disk = brief_of(
        open(&path).expect("the page opens"),
        &personal,
        &mut Default::default(),
    )
    .expect("a brief");
    let from_address = brief_of(
        open_address(&address, &limits, &cancel).expect("the address opens"),
        &personal,
        &mut Default::default(),
    )
    .expect("a brief");
    let (paragraphs, places) = shape(&from_disk);
    println!(
        "from disk: {} paragraphs, {places} places; from the address: {} paragraphs, {} places; same paragraphs: {}",
        paragraphs.len(),
        from_address.paragraphs().len(),
        from_address.place_count(),
        paragraphs == shape(&from_address).0
    );
    // Whichever goes first in a run is slower (the caches hold the last
    // one's work), so the two take turns going first.
    let from_disk_once = || {
        let t = Instant::now();
        let opened = open(&path).expect("the page opens");
        let brief = brief_of(opened, &personal, &mut Default::default()).expect("a brief");
        let took = t.elapsed();
        std::hint::black_box(brief);
        took
    };
    let from_address_once = || {
        let t = Instant::now();
        let opened = open_address(&address, &limits, &cancel).expect("the address opens");
        let brief = brief_of(opened, &personal, &mut Default::default()).expect("a brief");
        let took = t.elapsed();
        std::hint::black_box(brief);
        took
    };
    for run in 0..runs {
        if run % 2 == 0 {
            disk.push(from_disk_once());
            link.push(from_address_once());
        } else {
            link.push(from_address_once());
            disk.push(from_disk_once());
        }
        let t = Instant::now();
        let fetched = fetch(&address, &limits, &cancel).expect("the page is fetched");
        transfer.push(t.elapsed());
        assert_eq!(fetched.bytes.len(), page.len());
    }
    let (disk, transfer, link) = (median(disk), median(transfer), median(link));
    println!(
        "{} ({} bytes), median of {runs}: from disk {:.1} ms; transfer alone {:.1} ms; \
         from the address {:.1} ms (disk + transfer = {:.1} ms)",
        path.display(),
        page.len(),
        disk.as_secs_f64() * 1e3,
        transfer.as_secs_f64() * 1e3,
        link.as_secs_f64() * 1e3,
        (disk + transfer).as_secs_f64() * 1e3
    );
}
