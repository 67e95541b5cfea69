//! Escaping for the markup the exports write (KML, the web page): every
//! text that came from a brief goes through here, so a place named
//! `<script>` is written as text and never read as markup.

use std::borrow::Cow;

/// `text` with `&`, `<`, `>`, `"` and `'` written as character references:
/// safe in XML and HTML text and in attribute values of either quote.
/// Characters XML 1.0 forbids (controls other than tab and line breaks)
/// are dropped: a reader would refuse the whole file for one.
pub fn escape(text: &str) -> Cow<'_, str> {
    let special = |c: char| matches!(c, '&' | '<' | '>' | '"' | '\'') || forbidden_in_xml(c);
    if !text.contains(special) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if forbidden_in_xml(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn forbidden_in_xml(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_a_name_becomes_text_and_plain_text_is_not_copied() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
        assert!(matches!(escape("Tartus naval facility"), Cow::Borrowed(_)));
        assert_eq!(escape("bell\u{7}tab\tline\n"), "belltab\tline\n");
    }
}
