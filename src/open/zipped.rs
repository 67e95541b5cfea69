//! The zip inside EPUB, DOCX and ODT files, read with bounds: an entry is
//! refused by the size its header declares and again by the size it
//! actually unpacks to (a header can lie), and the whole archive has a
//! budget of unpacked bytes, so a zip bomb costs a moment and little
//! memory. Only stored and deflated entries are read.

use std::io::{Cursor, Read};

use super::error::{At, Fault, Problem};
use crate::brief::MAX_TEXT_BYTES;

/// Bytes one entry may unpack to: the limit of a text file.
pub const MAX_ENTRY_BYTES: u64 = MAX_TEXT_BYTES as u64;

/// Bytes all the entries read from one archive may unpack to.
pub const MAX_UNPACKED_BYTES: u64 = 4 * MAX_ENTRY_BYTES;

/// Entries in one archive, at most (an e-book of a thousand chapters has a
/// few thousand).
pub const MAX_ENTRIES: usize = 20_000;

pub struct Zipped<'a> {
    archive: zip::ZipArchive<Cursor<&'a [u8]>>,
    unpacked: u64,
}

impl<'a> Zipped<'a> {
    pub fn new(bytes: &'a [u8], what: &str) -> Result<Self, Fault> {
        let archive = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| Fault::invalid(format!("not {what}: it is not a readable zip ({e})")))?;
        if archive.len() > MAX_ENTRIES {
            return Err(Fault::invalid(format!(
                "the zip holds {} files; {what} of more than {MAX_ENTRIES} is not read",
                archive.len()
            )));
        }
        Ok(Self {
            archive,
            unpacked: 0,
        })
    }

    pub fn has(&self, name: &str) -> bool {
        self.archive.index_for_name(name).is_some()
    }

    /// The unpacked bytes of the entry `name`.
    pub fn read(&mut self, name: &str) -> Result<Vec<u8>, Fault> {
        let at = || At::Entry(name.to_string());
        let budget = MAX_ENTRY_BYTES.min(MAX_UNPACKED_BYTES - self.unpacked);
        let mut entry = self.archive.by_name(name).map_err(|e| {
            Fault::at(
                at(),
                Problem::Invalid(format!("cannot be read from the zip: {e}")),
            )
        })?;
        if entry.size() > budget {
            return Err(Fault::at(
                at(),
                Problem::TooBigUnpacked {
                    limit: budget,
                    how: format!("its header says {} bytes", entry.size()),
                },
            ));
        }
        let mut bytes = Vec::with_capacity(usize::try_from(entry.size()).unwrap_or(0));
        let declared = entry.size();
        (&mut entry)
            .take(budget + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| {
                // The zip reader itself stops an entry that unpacks past
                // the size its header declares.
                let problem = if e.to_string().contains("declared") {
                    Problem::TooBigUnpacked {
                        limit: declared,
                        how: format!("though its header says {declared} bytes"),
                    }
                } else {
                    Problem::Invalid(format!("cannot be unpacked: {e}"))
                };
                Fault::at(at(), problem)
            })?;
        if bytes.len() as u64 > budget {
            return Err(Fault::at(
                at(),
                Problem::TooBigUnpacked {
                    limit: budget,
                    how: format!("though its header says {} bytes", entry.size()),
                },
            ));
        }
        self.unpacked += bytes.len() as u64;
        Ok(bytes)
    }

    /// The entry `name` as text (UTF-8 or UTF-16 with a byte-order mark).
    pub fn read_text(&mut self, name: &str) -> Result<String, Fault> {
        let bytes = self.read(name)?;
        super::xml::xml_text(&bytes)
            .map_err(|e| Fault::at(At::Entry(name.to_string()), Problem::Invalid(e)))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// A zip of `files`, deflated.
    pub(crate) fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        {
            let mut writer = zip::ZipWriter::new(&mut out);
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            for (name, data) in files {
                writer.start_file(*name, options).unwrap();
                writer.write_all(data).unwrap();
            }
            writer.finish().unwrap();
        }
        out.into_inner()
    }

    #[test]
    fn an_entry_that_unpacks_past_the_limit_is_refused_whatever_its_header_says() {
        // 100 MiB of zeros deflate to about 100 KiB.
        let zeros = vec![0u8; (MAX_ENTRY_BYTES + 1024) as usize];
        let bomb = zip_of(&[("word/document.xml", &zeros)]);
        assert!(bomb.len() < 1_000_000, "{}", bomb.len());
        let mut zipped = Zipped::new(&bomb, "a DOCX").unwrap();
        let fault = zipped.read("word/document.xml").unwrap_err();
        assert!(
            matches!(fault.problem, Problem::TooBigUnpacked { .. }),
            "{fault:?}"
        );
        // The same entry with a header that lies: its declared size is
        // patched to 10 bytes in both headers.
        let mut lying = bomb.clone();
        let size = (zeros.len() as u32).to_le_bytes();
        let mut patched = 0;
        for at in 0..lying.len().saturating_sub(4) {
            if lying[at..at + 4] == size {
                lying[at..at + 4].copy_from_slice(&10u32.to_le_bytes());
                patched += 1;
            }
        }
        assert_eq!(patched, 2, "the local and the central header");
        let mut zipped = Zipped::new(&lying, "a DOCX").unwrap();
        let started = std::time::Instant::now();
        let fault = zipped.read("word/document.xml").unwrap_err();
        assert!(started.elapsed().as_secs_f64() < 2.0);
        assert!(
            matches!(&fault.problem, Problem::TooBigUnpacked { how, .. } if how.contains("though")),
            "{fault:?}"
        );
    }
}
