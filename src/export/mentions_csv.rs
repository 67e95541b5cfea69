//! The mentions as CSV for spreadsheets: a header, then one row a mention
//! (article, date, place, kind, latitude, longitude, quote, paragraph, and
//! the words, the place's id, the article's title and the positions for
//! joining with the other exports). RFC 4180: fields holding a comma, a
//! quote or a line break are quoted, quotes doubled, lines end in CRLF.

use super::geojson::round_degrees;
use super::rows::{MentionRow, kind_name, mention_rows};
use crate::brief::Brief;

pub const COLUMNS: [&str; 13] = [
    "article",
    "date",
    "place",
    "kind",
    "latitude",
    "longitude",
    "quote",
    "paragraph",
    "words",
    "place_id",
    "title",
    "start",
    "end",
];

/// The whole CSV, UTF-8 without a byte-order mark.
pub fn mentions_csv(brief: &Brief) -> String {
    let mut out = String::new();
    let header: Vec<Cell> = COLUMNS.iter().map(|c| Cell::Text(c.to_string())).collect();
    push_record(&mut out, &header);
    for row in mention_rows(brief) {
        push_record(&mut out, &row_cells(&row));
    }
    out
}

/// A field: text, which a spreadsheet must not read as a formula, or a
/// number, written as it is.
enum Cell {
    Text(String),
    Number(String),
}

fn row_cells(row: &MentionRow) -> [Cell; COLUMNS.len()] {
    let (lon, lat) = row.place.anchor_lon_lat();
    let text = |s: &str| Cell::Text(s.to_string());
    let number = |n: String| Cell::Number(n);
    [
        text(&row.article.id),
        text(row.article.info.date.as_deref().unwrap_or_default()),
        text(&row.place.name),
        Cell::Text(kind_name(row.place)),
        number(round_degrees(lat).to_string()),
        number(round_degrees(lon).to_string()),
        text(&row.passage),
        number(row.paragraph.to_string()),
        text(&row.quote.exact),
        text(&row.place.id),
        text(&row.article.info.title),
        number(row.quote.start.to_string()),
        number(row.quote.end.to_string()),
    ]
}

fn push_record(out: &mut String, cells: &[Cell]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match cell {
            Cell::Number(n) => push_field(out, n, false),
            Cell::Text(t) => push_field(out, t, true),
        }
    }
    out.push_str("\r\n");
}

/// Writes one field. A text that starts like a formula (`=`, `+`, `-`,
/// `@`, a tab or a carriage return) gets a leading `'`, as OWASP advises,
/// so a spreadsheet shows it instead of running it.
fn push_field(out: &mut String, field: &str, text: bool) {
    let formula = text && field.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let needs_quotes = formula || field.contains([',', '"', '\r', '\n']);
    if needs_quotes {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    for c in field.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if needs_quotes {
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_with_a_comma_a_quote_or_a_line_break_is_quoted_and_its_quotes_doubled() {
        let mut out = String::new();
        let text = |s: &str| Cell::Text(s.to_string());
        push_record(
            &mut out,
            &[
                text("plain"),
                text("a, b"),
                text("say \"hi\""),
                text("two\nlines"),
                text("=1+2"),
                Cell::Number("-84.5".into()),
            ],
        );
        assert_eq!(
            out,
            "plain,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\",\"'=1+2\",-84.5\r\n"
        );
    }

    #[test]
    fn the_default_brief_has_a_header_and_one_line_a_mention() {
        let brief = Brief::default_brief();
        let csv = mentions_csv(&brief);
        assert!(csv.starts_with(
            "article,date,place,kind,latitude,longitude,quote,paragraph,words,place_id,title,start,end\r\n"
        ));
        assert_eq!(csv.matches("\r\n").count(), brief.mention_count() + 1);
    }
}
