//! Reading a file a user gave, whatever it turns out to be: its metadata is
//! looked at before it is opened, so a named pipe, a socket or a device is
//! refused at once (opening a FIFO for reading would wait for a writer
//! forever), a directory gets a message of its own, and a file over the limit
//! is refused by its size. The read itself is bounded too, in case the size
//! lied (files in `/proc` say they are empty). Then the bytes are decoded as
//! text: a UTF-8 or UTF-16 byte-order mark is honoured, and UTF-16 without
//! one, binary data and empty files are named as such.

use std::io::Read;
use std::path::Path;

/// Why a file's bytes were not read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read the file: {reason}")]
    Io { reason: String },
    #[error("it is a folder, not a file")]
    Directory,
    #[error("it is {kind}, not a regular file; Geobrief only opens files")]
    NotRegular { kind: &'static str },
    #[error("the file is {bytes} bytes; the limit is {limit} bytes")]
    TooLarge { bytes: u64, limit: u64 },
}

/// Why a file's bytes are not text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 { offset: usize },
    #[error(
        "the file looks like UTF-16 text without a byte-order mark; save it as UTF-8 and open it again"
    )]
    Utf16WithoutBom,
    #[error("the file is UTF-16 text with a broken character at byte {offset}")]
    BadUtf16 { offset: usize },
    #[error("the file is binary data, not text (a NUL byte at offset {offset})")]
    Binary { offset: usize },
}

/// The bytes of the regular file at `path`, at most `limit` of them.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let io = |e: std::io::Error| ReadError::Io {
        reason: e.to_string(),
    };
    // `metadata` follows symbolic links: a link to a FIFO is a FIFO.
    let meta = std::fs::metadata(path).map_err(io)?;
    check_file_type(&meta)?;
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            bytes: meta.len(),
            limit,
        });
    }
    let file = std::fs::File::open(path).map_err(io)?;
    // What was opened may not be what was looked at (the path can change in
    // between); look again at the open file before reading from it.
    check_file_type(&file.metadata().map_err(io)?)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    let read = bytes.len() as u64;
    if read > limit {
        return Err(ReadError::TooLarge { bytes: read, limit });
    }
    Ok(bytes)
}

fn check_file_type(meta: &std::fs::Metadata) -> Result<(), ReadError> {
    let kind = meta.file_type();
    if kind.is_dir() {
        return Err(ReadError::Directory);
    }
    if kind.is_file() {
        return Ok(());
    }
    Err(ReadError::NotRegular {
        kind: special_kind(&kind),
    })
}

#[cfg(unix)]
fn special_kind(kind: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a named pipe (FIFO)"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_block_device() || kind.is_char_device() {
        "a device"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_kind: &std::fs::FileType) -> &'static str {
    "a special file"
}

/// The text of a file's bytes. A UTF-8 byte-order mark is dropped; UTF-16
/// with a byte-order mark is decoded. Whitespace alone counts as empty.
pub fn text_from_bytes(bytes: &[u8]) -> Result<String, TextError> {
    let text = match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => utf8(rest, 3)?,
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes)?,
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes)?,
        _ => {
            if let Some(offset) = bytes.iter().position(|&b| b == 0) {
                return Err(if looks_like_utf16(bytes) {
                    TextError::Utf16WithoutBom
                } else {
                    TextError::Binary { offset }
                });
            }
            utf8(bytes, 0)?
        }
    };
    if text.trim().is_empty() {
        return Err(TextError::Empty);
    }
    Ok(text)
}

fn utf8(bytes: &[u8], skipped: usize) -> Result<String, TextError> {
    let text = std::str::from_utf8(bytes).map_err(|e| TextError::NotUtf8 {
        offset: skipped + e.valid_up_to(),
    })?;
    // A NUL inside UTF-8 is legal but no article has one: it is binary data
    // (or UTF-16 whose byte-order mark was a UTF-8 one).
    if let Some(offset) = text.bytes().position(|b| b == 0) {
        return Err(TextError::Binary {
            offset: skipped + offset,
        });
    }
    Ok(text.to_string())
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, TextError> {
    let units = bytes.chunks(2).map(|pair| match pair {
        [a, b] => unit([*a, *b]),
        // An odd byte at the end cannot be a whole character.
        _ => 0xDC00,
    });
    let mut text = String::with_capacity(bytes.len());
    for (k, c) in char::decode_utf16(units).enumerate() {
        match c {
            Ok('\0') => return Err(TextError::Binary { offset: 2 + 2 * k }),
            Ok(c) => text.push(c),
            Err(_) => return Err(TextError::BadUtf16 { offset: 2 + 2 * k }),
        }
    }
    Ok(text)
}

/// UTF-16 of a Latin-script text has a NUL in every other byte: look at the
/// first kilobyte for NULs mostly on one side.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let pairs = head.len() / 2;
    if pairs == 0 {
        return false;
    }
    let nul_at = |side: usize| {
        head.chunks_exact(2)
            .filter(|pair| pair[side] == 0 && pair[1 - side] != 0)
            .count()
    };
    let most = nul_at(0).max(nul_at(1));
    most * 10 >= pairs * 6
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { vec![] };
        out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        out
    }

    #[test]
    fn a_utf8_byte_order_mark_is_dropped() {
        assert_eq!(text_from_bytes(b"\xEF\xBB\xBFTartus").unwrap(), "Tartus");
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded_in_either_byte_order() {
        assert_eq!(
            text_from_bytes(&utf16le("Hmeimim, Syria’s coast", true)).unwrap(),
            "Hmeimim, Syria’s coast"
        );
        let mut be = vec![0xFE, 0xFF];
        be.extend("Moscow".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(text_from_bytes(&be).unwrap(), "Moscow");
    }

    #[test]
    fn utf16_without_a_byte_order_mark_is_named_as_such() {
        assert_eq!(
            text_from_bytes(&utf16le("Talks in Moscow went on.", false)),
            Err(TextError::Utf16WithoutBom)
        );
    }

    #[test]
    fn binary_data_is_named_with_its_first_nul() {
        assert_eq!(
            text_from_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(TextError::Binary { offset: 8 })
        );
    }

    #[test]
    fn empty_and_blank_files_are_empty_not_an_empty_article() {
        assert_eq!(text_from_bytes(b""), Err(TextError::Empty));
        assert_eq!(text_from_bytes(b" \n\r\n\t"), Err(TextError::Empty));
        assert_eq!(text_from_bytes(b"\xEF\xBB\xBF"), Err(TextError::Empty));
    }

    #[test]
    fn invalid_utf8_counts_its_offset_after_the_byte_order_mark() {
        assert_eq!(
            text_from_bytes(b"\xEF\xBB\xBFCaf\xe9"),
            Err(TextError::NotUtf8 { offset: 6 })
        );
    }

    #[test]
    fn a_folder_is_refused_by_name() {
        assert_eq!(
            read_bounded(&std::env::temp_dir(), 1024),
            Err(ReadError::Directory)
        );
    }

    #[test]
    fn a_file_over_the_limit_is_refused_by_its_size() {
        let path = std::env::temp_dir().join(format!("geobrief-read-{}.txt", std::process::id()));
        std::fs::write(&path, [b'a'; 100]).unwrap();
        assert_eq!(
            read_bounded(&path, 99),
            Err(ReadError::TooLarge {
                bytes: 100,
                limit: 99
            })
        );
        assert_eq!(read_bounded(&path, 100).unwrap().len(), 100);
        std::fs::remove_file(&path).unwrap();
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_device_is_refused_without_reading_it() {
        // /dev/zero never ends: reading it would fill memory.
        assert_eq!(
            read_bounded(Path::new("/dev/zero"), 1024),
            Err(ReadError::NotRegular { kind: "a device" })
        );
    }
}
