//! Mail: an `.eml` message as one article, an `.mbox` mailbox as a story
//! of its messages. A message's subject is its title, its date its date,
//! its sender (the name, else the address) its outlet. The plain-text part
//! is read where there is one, else the HTML part as a page; quoted replies
//! ("> …" lines and the "On …, X wrote:" above them, an Outlook original
//! message, HTML blockquotes) and the signature are left out.

use mail_parser::{Message, MessageParser};

use super::article::{Articles, Found, TextArticle};
use super::error::{At, Fault};
use super::html_text::{blocks_of_html, collapse_spaces};

/// Messages read from one mailbox, at most.
pub const MAX_MESSAGES: usize = 200_000;

pub fn read_eml(bytes: &[u8], stem: &str) -> Result<TextArticle, Fault> {
    let message = MessageParser::default()
        .parse(bytes)
        .ok_or_else(|| Fault::invalid("not an e-mail message: no headers could be read"))?;
    article_of(&message, stem)
}

pub fn read_mbox(bytes: &[u8], stem: &str) -> Result<Articles, Fault> {
    let messages = split_mbox(bytes);
    if messages.is_empty() {
        return Err(Fault::invalid(
            "not a mailbox: no line starts a message with \"From \"",
        ));
    }
    let mut articles = Articles {
        title: Some(stem.to_string()),
        many: true,
        ..Articles::default()
    };
    let parser = MessageParser::default();
    for (k, raw) in messages.into_iter().take(MAX_MESSAGES).enumerate() {
        let at = At::Message(k + 1);
        let message = match parser.parse(&raw) {
            Some(message) => article_of(&message, &format!("{stem}, message {}", k + 1)),
            None => Err(Fault::invalid("no headers could be read; skipped")),
        };
        match message {
            Ok(article) => articles.found.push(Found {
                at: Some(at),
                article,
            }),
            Err(fault) => articles.skipped.push(fault.within(at).in_file("")),
        }
    }
    if articles.found.is_empty() {
        return Err(Fault::invalid("no message of the mailbox has any text"));
    }
    Ok(articles)
}

/// The messages of an mbox: each starts at a line "From " at the start
/// of the file or after a blank line; mboxrd's ">From " lines unquoted.
fn split_mbox(bytes: &[u8]) -> Vec<Vec<u8>> {
    let mut messages = Vec::new();
    let mut current: Option<Vec<u8>> = None;
    let mut previous_blank = true;
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        if previous_blank && line.starts_with(b"From ") {
            messages.extend(current.take());
            current = Some(Vec::new());
            previous_blank = false;
            continue;
        }
        previous_blank = line.iter().all(|b| b.is_ascii_whitespace());
        let Some(message) = &mut current else {
            continue;
        };
        let quotes = line.iter().take_while(|&&b| b == b'>').count();
        if quotes > 0 && line[quotes..].starts_with(b"From ") {
            message.extend_from_slice(&line[1..]);
        } else {
            message.extend_from_slice(line);
        }
    }
    messages.extend(current);
    messages
}

fn article_of(message: &Message<'_>, fallback: &str) -> Result<TextArticle, Fault> {
    let subject = message
        .subject()
        .map(collapse_spaces)
        .filter(|s| !s.is_empty());
    let body = body_paragraphs(message);
    if body.is_empty() {
        return Err(Fault::invalid("the message has no text"));
    }
    let outlet = message
        .from()
        .and_then(|from| from.first())
        .and_then(|addr| {
            addr.name()
                .map(collapse_spaces)
                .filter(|n| !n.is_empty())
                .or_else(|| addr.address().map(String::from))
        });
    let title = subject.clone().unwrap_or_else(|| fallback.to_string());
    let mut blocks = vec![title.clone()];
    blocks.extend(body);
    Ok(TextArticle {
        text: blocks.join("\n\n"),
        fallback_title: title,
        outlet,
        date: message.date().map(|d| d.to_rfc3339()),
        ..TextArticle::default()
    })
}

/// The message's own words, a paragraph a block.
fn body_paragraphs(message: &Message<'_>) -> Vec<String> {
    if let Some(part) = message.text_part(0)
        && !part.is_text_html()
        && let Some(text) = message.body_text(0)
    {
        return paragraphs_of_plain(&without_quotes(&text));
    }
    let Some(html) = message.body_html(0) else {
        return Vec::new();
    };
    let html = super::html_text::without_quotes(&html);
    // A newsletter is a whole page, with its furniture: read it as one.
    if html.len() > 2_000
        && let Ok(page) = super::html::page_article(&html)
    {
        return page.text.split("\n\n").map(String::from).collect();
    }
    blocks_of_html(&html, true)
        .into_iter()
        .map(|b| b.text)
        .collect()
}

/// Plain text without its quoted replies and its signature.
pub fn without_quotes(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut kept: Vec<&str> = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        let trimmed = line.trim_end();
        if line.trim_end_matches('\r') == "-- "
            || trimmed.starts_with("-----Original Message-----")
            || trimmed.starts_with("________________________________")
        {
            break;
        }
        if trimmed.trim_start().starts_with('>') {
            continue;
        }
        // "On Mon, 3 Mar 2025, A. Writer wrote:" above a quote.
        let next_quoted = lines[k + 1..]
            .iter()
            .find(|l| !l.trim().is_empty())
            .is_some_and(|l| l.trim_start().starts_with('>'));
        if next_quoted && trimmed.ends_with(':') {
            continue;
        }
        kept.push(line);
    }
    kept.join("\n")
}

fn paragraphs_of_plain(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(collapse_spaces)
        .filter(|b| !b.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mailbox_splits_on_from_lines_and_unquotes_mboxrd() {
        let mbox = b"From a@x Mon Feb 10 09:30:00 2025\nSubject: One\n\nIn Homs.\n>From the archive.\n\nFrom b@x Tue Feb 11 09:30:00 2025\nSubject: Two\n\nIn Hama.\n";
        let messages = split_mbox(mbox);
        assert_eq!(messages.len(), 2);
        assert!(String::from_utf8_lossy(&messages[0]).contains("\nFrom the archive."));
        let articles = read_mbox(mbox, "box").unwrap();
        assert_eq!(articles.found.len(), 2);
        assert_eq!(articles.found[1].at, Some(At::Message(2)));
        assert!(
            articles.found[1]
                .article
                .text
                .starts_with("Two\n\nIn Hama.")
        );
    }

    #[test]
    fn quoted_replies_and_signatures_are_left_out() {
        let text = "Ships left Tartus.\n\nOn Sun, 9 Feb 2025, Reader wrote:\n> Is Beirut open?\n> Thanks\n\nMore news.\n-- \nThe Desk\nLatakia";
        assert_eq!(without_quotes(text), "Ships left Tartus.\n\n\nMore news.");
    }

    #[test]
    fn a_message_without_text_is_named() {
        let fault = read_eml(b"Subject: Empty\r\n\r\n", "x").err().unwrap();
        assert!(fault.problem.to_string().contains("no text"), "{fault:?}");
    }
}
