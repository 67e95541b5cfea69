//! A saved or fetched web page: its article pulled out of the page
//! furniture by a Readability port (dom_smoothie), with the address, date
//! and site name the page gives for itself; and a quick look at the page's
//! shape first, so a page too deep or too big for the extractor is refused
//! at once.

/// The article of a saved web page as plain text: title, byline, then the
/// paragraphs, separated by blank lines.
pub fn article_text_from_html(html: &str) -> Result<String, String> {
    article_from_html(html).map(|(text, _)| text)
}

/// The article of a saved web page as plain text (see
/// [`article_text_from_html`]) and the address the page gives for itself
/// (its canonical link or `og:url`), if any.
pub fn article_from_html(html: &str) -> Result<(String, Option<String>), String> {
    page_article(html).map(|page| (page.text, page.address))
}

/// What a saved web page holds of its article: the text (title, byline,
/// paragraphs), its own address, when it was published (its
/// `article:published_time`, JSON-LD `datePublished` or first
/// `<time datetime>`, as ISO 8601) and the site's name.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageArticle {
    pub text: String,
    pub address: Option<String>,
    pub date: Option<String>,
    pub outlet: Option<String>,
}

/// The article of a saved web page: see [`PageArticle`].
pub fn page_article(html: &str) -> Result<PageArticle, String> {
    check_html_shape(html)?;
    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let mut readability = dom_smoothie::Readability::new(html, None, Some(config))
        .map_err(|e| format!("cannot read the web page: {e}"))?;
    let address = [
        ("link[rel='canonical']", "href"),
        ("meta[property='og:url']", "content"),
    ]
    .into_iter()
    .find_map(|(selector, attr)| {
        let value = readability.doc.select(selector).attr(attr)?;
        let value = value.trim();
        crate::geoparse::host_of(value).map(|_| value.to_string())
    });
    let time_element = readability
        .doc
        .select("time[datetime]")
        .attr("datetime")
        .map(|t| t.to_string());
    let article = readability
        .parse()
        .map_err(|e| format!("no article found in the web page: {e}"))?;
    let date = article
        .published_time
        .as_deref()
        .and_then(crate::collect::dates::normalize_date)
        .or_else(|| {
            time_element
                .as_deref()
                .and_then(crate::collect::dates::normalize_date)
        });
    let outlet = article
        .site_name
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from);
    let mut parts = Vec::new();
    if !article.title.trim().is_empty() {
        parts.push(article.title.trim().to_string());
    }
    if let Some(byline) = article
        .byline
        .as_deref()
        .map(str::trim)
        .filter(|b| !b.is_empty())
    {
        parts.push(if byline.starts_with("By ") {
            byline.to_string()
        } else {
            format!("By {byline}")
        });
    }
    let body: Vec<String> = article
        .text_content
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    parts.extend(body);
    Ok(PageArticle {
        text: parts.join("\n\n"),
        address,
        date,
        outlet,
    })
}

/// Elements nested deeper than this in a web page are refused: the article
/// extractor's work grows with depth times size (100,000 elements 500 deep
/// took it 6.5 s), and real pages nest under 100.
pub const MAX_HTML_DEPTH: usize = 256;

/// Elements in a web page, at most: a long news page has under 20,000, and
/// the extractor takes about 2 s for 100,000 (190,000 took it 3.5 s).
pub const MAX_HTML_ELEMENTS: usize = 100_000;

/// Elements whose end tag HTML lets a page leave out; they are not counted
/// as nesting, since a page of unclosed `<p>`s is not deep.
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
    "colgroup", "caption", "rt", "rp", "html", "head", "body",
];

/// Elements that never have content (or an end tag).
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose content is raw text, not markup.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp"];

/// A quick look at a page's tags before the article extractor gets it: how
/// deep they nest and how many there are. Linear in the page's length.
pub fn check_html_shape(html: &str) -> Result<(), String> {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest, mut elements) = (0usize, 0usize, 0usize);
    let mut at = 0;
    while let Some(lt) = memchr_from(bytes, b'<', at) {
        let rest = &html[lt + 1..];
        if let Some(comment) = rest.strip_prefix("!--") {
            at = comment
                .find("-->")
                .map_or(bytes.len(), |end| lt + 4 + end + 3);
            continue;
        }
        let closing = rest.starts_with('/');
        let name_start = lt + 1 + usize::from(closing);
        let name_len = html[name_start..]
            .bytes()
            .take_while(u8::is_ascii_alphanumeric)
            .count();
        if name_len == 0 {
            at = lt + 1;
            continue;
        }
        // Lower-cased on the stack: no name in the lists is over 8 letters.
        let mut lower = [0u8; 8];
        let name_bytes = &bytes[name_start..name_start + name_len];
        for (l, b) in lower.iter_mut().zip(name_bytes) {
            *l = b.to_ascii_lowercase();
        }
        let name = if name_len <= lower.len() {
            std::str::from_utf8(&lower[..name_len]).unwrap_or("")
        } else {
            ""
        };
        let tag_end = memchr_from(bytes, b'>', name_start).unwrap_or(bytes.len());
        let self_closing = tag_end > 0 && bytes.get(tag_end - 1) == Some(&b'/');
        at = tag_end + 1;
        if closing {
            if !OPTIONAL_END.contains(&name) && !VOID.contains(&name) {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        elements += 1;
        if elements > MAX_HTML_ELEMENTS {
            return Err(format!(
                "the web page has more than {MAX_HTML_ELEMENTS} elements, the most Geobrief \
                 reads an article from; save the article alone, or as text"
            ));
        }
        if RAW_TEXT.contains(&name) {
            let close = format!("</{name}");
            at = find_ascii_case_insensitive(html, &close, at).unwrap_or(bytes.len());
            continue;
        }
        if self_closing || VOID.contains(&name) || OPTIONAL_END.contains(&name) {
            continue;
        }
        depth += 1;
        deepest = deepest.max(depth);
        if deepest > MAX_HTML_DEPTH {
            return Err(format!(
                "the web page nests its elements more than {MAX_HTML_DEPTH} deep (at byte \
                 {lt}), too deep to find its article; save the article alone, or as text"
            ));
        }
    }
    Ok(())
}

fn memchr_from(bytes: &[u8], needle: u8, from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&b| b == needle)
        .map(|i| from + i)
}

fn find_ascii_case_insensitive(haystack: &str, needle: &str, from: usize) -> Option<usize> {
    let hay = haystack.as_bytes().get(from..)?;
    let needle = needle.as_bytes();
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|i| from + i)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    #[test]
    fn a_page_of_unclosed_paragraphs_is_not_deep() {
        let page = format!("<html><body>{}</body></html>", "<p>Tartus ".repeat(5_000));
        assert_eq!(check_html_shape(&page), Ok(()));
    }

    #[test]
    fn a_hundred_thousand_nested_divs_are_refused_at_once() {
        let page = format!("{}x{}", "<div>".repeat(100_000), "</div>".repeat(100_000));
        let started = std::time::Instant::now();
        let error = article_text_from_html(&page).unwrap_err();
        assert!(error.contains("more than 256 deep"), "{error}");
        assert!(started.elapsed().as_secs_f64() < 1.0);
    }

    #[test]
    fn markup_inside_scripts_and_comments_is_not_counted() {
        let inside = "<div>".repeat(MAX_HTML_DEPTH + 1);
        let page = format!("<script>{inside}</SCRIPT><!-- {inside} --><p>Homs</p>");
        assert_eq!(check_html_shape(&page), Ok(()));
        assert!(check_html_shape(&inside).is_err());
    }

    /// A saved news page with its furniture (the open tests use it too).
    pub(in crate::open) const PAGE: &str = r#"<html><head><title>Talks in Damascus | The Daily</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Talks in Damascus</h1><p class="byline">By A. Writer</p>
<p>Officials from Lebanon met their counterparts in Damascus on Monday to discuss the border crossings and trade between the two countries, which have been closed for months.</p>
<p>The Syrian delegation later flew to Aleppo, where reconstruction of the old city continues slowly after years of war and an earthquake that destroyed many buildings.</p>
<p>Further talks are expected in Beirut next month, officials said, as both governments seek to restore the flow of goods across the frontier.</p>
</article><footer>Subscribe to our newsletter. Cookie settings. Privacy.</footer></body></html>"#;

    #[test]
    fn a_page_s_date_comes_from_its_metadata_json_ld_or_time_element() {
        let with = |head: &str, body_extra: &str| {
            PAGE.replacen("<head>", &format!("<head>{head}"), 1)
                .replacen("<article>", &format!("<article>{body_extra}"), 1)
        };
        let meta = with(
            r#"<meta property="article:published_time" content="2025-01-28T09:30:00Z"><meta property="og:site_name" content="The Daily">"#,
            "",
        );
        let page = page_article(&meta).unwrap();
        assert_eq!(page.date.as_deref(), Some("2025-01-28T09:30:00Z"));
        assert_eq!(page.outlet.as_deref(), Some("The Daily"));
        let json_ld = with(
            r#"<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Talks in Damascus", "datePublished": "2025-02-10"}</script>"#,
            "",
        );
        assert_eq!(
            page_article(&json_ld).unwrap().date.as_deref(),
            Some("2025-02-10")
        );
        let time = with("", r#"<time datetime="2025-03-03">March 3</time>"#);
        assert_eq!(
            page_article(&time).unwrap().date.as_deref(),
            Some("2025-03-03")
        );
        assert_eq!(
            page_article(PAGE).unwrap().date,
            None,
            "no date is invented"
        );
    }

    #[test]
    fn a_web_page_gives_its_article_without_the_page_furniture() {
        let text = article_text_from_html(PAGE).unwrap();
        assert!(text.contains("Officials from Lebanon met"), "{text}");
        assert!(text.contains("flew to Aleppo"), "{text}");
        assert!(!text.contains("Subscribe"), "{text}");
        assert!(!text.contains("Sport"), "{text}");
    }
}
