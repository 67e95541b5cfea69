//! What the reading panel keeps between frames. The article is cut into
//! blocks (a paragraph, or a piece of a long one: see [`piece_starts`]);
//! each block has a height (its real one once laid out, an estimate from
//! its length until then), the heights' running sums place every block, and
//! the viewport picks the few to lay out and draw. Layouts are kept for the
//! blocks near the view, within a budget of bytes, so memory follows what is
//! shown rather than how long a paragraph is. Each drawn paragraph's mentions
//! are kept sorted, so a block finds its own without a walk over them all.

use std::collections::HashMap;
use std::ops::Range;

use egui::{Pos2, Rect};

use super::Reading;
use super::text_layout::{ParagraphText, piece_starts, placed};
use crate::brief::{Brief, LinkId, PlaceId};

/// Space between paragraphs, in points.
pub(super) const PARAGRAPH_GAP: f32 = 8.0;
/// Blocks kept laid out; the farthest from view are dropped beyond it.
const MAX_LAID_OUT: usize = 400;
/// Bytes of text kept laid out, at most (a galley costs about 230 bytes a
/// character: this is some 60 MB). A screen holds a few thousand bytes.
const MAX_LAID_OUT_BYTES: usize = 256 * 1024;

/// A paragraph, or a piece of one. Both numbers fit in 32 bits: a brief is
/// at most 64 MiB and a million paragraphs.
#[derive(Clone, Copy, Debug)]
struct Block {
    paragraph: u32,
    start: u32,
}

/// The panel's state between frames.
#[derive(Default)]
pub struct ArticleView {
    /// What the layouts were made for: width, theme, body text size, the
    /// article's paragraphs (a range of the story's), and the font atlas
    /// they point into.
    key: Option<(u32, bool, u32, Range<usize>, u64)>,
    /// The paragraphs shown: the current article's, among the story's.
    range: Range<usize>,
    /// Set when another article is shown: the panel scrolls to its top.
    pub(super) jump_to_top: bool,
    /// The article's date as the reader is typing it.
    pub(super) date_draft: Option<String>,
    blocks: Vec<Block>,
    /// `first_block[p]..first_block[p + 1]` are paragraph `p`'s blocks.
    first_block: Vec<u32>,
    layouts: Vec<Option<ParagraphText>>,
    /// Each block's height (with the gap after it, for a paragraph's last).
    heights: Vec<f32>,
    /// `tops[b]` is where block `b` starts below the header.
    tops: Vec<f32>,
    tops_stale: bool,
    /// Blocks that have a layout now, and the bytes of text they hold.
    laid_out: Vec<usize>,
    laid_out_bytes: usize,
    pub(super) header_height: f32,
    /// Estimates: the body font's row height and an average character width.
    row_height: f32,
    char_width: f32,
    /// Where a drag that selects words started: paragraph and byte.
    pub(super) drag_anchor: Option<(usize, usize)>,
    /// Blocks drawn last frame and where (screen position of the galley).
    pub(super) drawn: Vec<(usize, Pos2)>,
    /// Where block tops are counted from on screen this frame.
    pub(super) blocks_origin: Pos2,
    /// Points to add to the scroll offset next frame, so that text laid out
    /// above the view does not push what the reader is looking at.
    pub(super) scroll_fix: f32,
    mentions: HashMap<usize, ParagraphMentions>,
}

impl ArticleView {
    /// Lays out (by estimate) the paragraphs `range` of the story, the
    /// article shown, at `width`.
    pub(super) fn fit(&mut self, ui: &egui::Ui, brief: &Brief, width: f32, range: Range<usize>) {
        let paragraphs = brief.paragraphs();
        let range = range.start.min(paragraphs.len())..range.end.min(paragraphs.len());
        let key = (
            width.to_bits(),
            ui.visuals().dark_mode,
            egui::TextStyle::Body.resolve(ui.style()).size.to_bits(),
            range.clone(),
            super::font_epoch(ui.ctx()),
        );
        if self.key.as_ref() == Some(&key) {
            return;
        }
        self.key = Some(key);
        if self.range != range || self.first_block.len() != range.len() + 1 {
            self.range = range;
            self.cut_into_blocks(paragraphs);
        }
        let sample = ParagraphText::lay_out(
            ui,
            "the quick brown fox jumps over a lazy dog",
            None,
            f32::INFINITY,
        );
        self.row_height = sample.galley.size().y.max(1.0);
        self.char_width = (sample.galley.size().x / 41.0).max(1.0);
        self.layouts.clear();
        self.layouts.resize_with(self.blocks.len(), || None);
        self.laid_out.clear();
        self.laid_out_bytes = 0;
        let per_row = (width / self.char_width).max(1.0);
        self.heights = (0..self.blocks.len())
            .map(|b| {
                let (p, bytes) = self.block_bytes(brief, b);
                let dateline = if b == 0 { 12.0 } else { 0.0 };
                let chars = bytes.len() as f32 + dateline;
                let gap = if bytes.end == paragraphs[p].len() {
                    PARAGRAPH_GAP
                } else {
                    0.0
                };
                (chars / per_row).ceil().max(1.0) * self.row_height + gap
            })
            .collect();
        self.tops_stale = true;
    }

    fn cut_into_blocks(&mut self, paragraphs: &[String]) {
        self.blocks.clear();
        self.first_block.clear();
        let shown = self.range.clone();
        for (p, text) in paragraphs[shown.clone()]
            .iter()
            .enumerate()
            .map(|(i, t)| (shown.start + i, t))
        {
            self.first_block.push(self.blocks.len() as u32);
            self.blocks
                .extend(piece_starts(text).into_iter().map(|start| Block {
                    paragraph: p as u32,
                    start: start as u32,
                }));
        }
        self.first_block.push(self.blocks.len() as u32);
        self.mentions.clear();
    }

    pub(super) fn block_count(&self) -> usize {
        self.blocks.len()
    }

    /// Paragraph `p`'s blocks (none for a paragraph of another article).
    pub(super) fn blocks_of(&self, p: usize) -> Range<usize> {
        if !self.range.contains(&p) {
            return 0..0;
        }
        let i = p - self.range.start;
        let at = |i: usize| self.first_block.get(i).map_or(0, |&b| b as usize);
        at(i)..at(i + 1)
    }

    /// Whether paragraph `p` is in the article shown.
    pub(super) fn shows(&self, p: usize) -> bool {
        self.range.contains(&p)
    }

    /// Shows the next article from its top.
    pub fn scroll_to_top(&mut self) {
        self.jump_to_top = true;
    }

    /// Block `b`'s paragraph and bytes within it.
    pub(super) fn block_bytes(&self, brief: &Brief, b: usize) -> (usize, Range<usize>) {
        let block = self.blocks[b];
        let p = block.paragraph as usize;
        let end = match self.blocks.get(b + 1) {
            Some(next) if next.paragraph == block.paragraph => next.start as usize,
            _ => brief.paragraphs()[p].len(),
        };
        (p, block.start as usize..end)
    }

    /// The block of paragraph `p` that holds byte `byte` (its last block
    /// for the paragraph's end).
    pub(super) fn block_at(&self, p: usize, byte: usize) -> usize {
        let blocks = self.blocks_of(p);
        if blocks.is_empty() {
            return 0;
        }
        let within = &self.blocks[blocks.clone()];
        let i = within.partition_point(|b| b.start as usize <= byte);
        blocks.start + i.saturating_sub(1)
    }

    pub(super) fn tops(&mut self) -> &[f32] {
        if self.tops_stale || self.tops.len() != self.heights.len() + 1 {
            self.tops.clear();
            self.tops.reserve(self.heights.len() + 1);
            let mut y = 0.0;
            self.tops.push(0.0);
            for h in &self.heights {
                y += h;
                self.tops.push(y);
            }
            self.tops_stale = false;
        }
        &self.tops
    }

    /// The layout of block `b`, made now if needed (its height becomes real;
    /// `above_view` says whether that must not move the view).
    pub(super) fn layout(
        &mut self,
        ui: &egui::Ui,
        reading: &Reading,
        b: usize,
        width: f32,
        above_view: bool,
    ) {
        if self.layouts[b].is_some() {
            return;
        }
        let brief = reading.brief;
        let (p, bytes) = self.block_bytes(brief, b);
        let text = &brief.paragraphs()[p][bytes.clone()];
        // An article's dateline opens its first paragraph's first block.
        let dateline = if bytes.start == 0 {
            brief
                .article_of_paragraph(p)
                .filter(|a| a.paragraphs.start == p)
                .and_then(|a| a.info.dateline.as_deref())
        } else {
            None
        };
        let layout = ParagraphText::lay_out(ui, text, dateline, width);
        let gap = if bytes.end == brief.paragraphs()[p].len() {
            PARAGRAPH_GAP
        } else {
            0.0
        };
        let height = layout.galley.size().y + gap;
        let delta = height - self.heights[b];
        if delta.abs() > 0.01 {
            self.heights[b] = height;
            self.tops_stale = true;
            if above_view {
                self.scroll_fix += delta;
            }
        }
        self.layouts[b] = Some(layout);
        self.laid_out.push(b);
        self.laid_out_bytes += bytes.len();
    }

    /// Drops the layouts farthest from block `around` while more than
    /// [`MAX_LAID_OUT`] blocks or [`MAX_LAID_OUT_BYTES`] bytes are laid out.
    pub(super) fn evict(&mut self, brief: &Brief, around: usize) {
        if self.laid_out.len() <= MAX_LAID_OUT && self.laid_out_bytes <= MAX_LAID_OUT_BYTES {
            return;
        }
        self.laid_out
            .sort_by_key(|&b| std::cmp::Reverse(b.abs_diff(around)));
        let mut dropped = 0;
        while dropped < self.laid_out.len()
            && (self.laid_out.len() - dropped > MAX_LAID_OUT
                || self.laid_out_bytes > MAX_LAID_OUT_BYTES)
        {
            let b = self.laid_out[dropped];
            // Never what is on screen now.
            if self.drawn.iter().any(|(d, _)| *d == b) {
                break;
            }
            // Its height stays real: only the glyphs are let go.
            self.layouts[b] = None;
            self.laid_out_bytes -= self.block_bytes(brief, b).1.len();
            dropped += 1;
        }
        self.laid_out.drain(..dropped);
    }

    pub(super) fn layout_of(&self, b: usize) -> Option<&ParagraphText> {
        self.layouts.get(b)?.as_ref()
    }

    /// Paragraph `p`'s mentions, sorted, made again when its links change.
    pub(super) fn update_mentions(&mut self, brief: &Brief, p: usize) {
        let version = brief.paragraph_version(p);
        if self.mentions.get(&p).is_none_or(|m| m.version != version) {
            self.mentions
                .insert(p, ParagraphMentions::new(brief, p, version));
        }
    }

    /// Paragraph `p`'s mentions, as [`Self::update_mentions`] last made them.
    pub(super) fn mentions(&self, p: usize) -> Option<&ParagraphMentions> {
        self.mentions.get(&p)
    }

    /// Keeps the mentions of the paragraphs drawn this frame only.
    pub(super) fn forget_mentions_out_of_view(&mut self) {
        let blocks = &self.blocks;
        let drawn: Vec<usize> = self
            .drawn
            .iter()
            .map(|(b, _)| blocks[*b].paragraph as usize)
            .collect();
        self.mentions.retain(|p, _| drawn.contains(p));
    }

    /// The byte of paragraph `p` under `pos` (screen points): in the block
    /// of `p` at that height, or the nearest laid-out one.
    pub(super) fn paragraph_byte_at(&mut self, brief: &Brief, p: usize, pos: Pos2) -> usize {
        let blocks = self.blocks_of(p);
        let y = pos.y - self.blocks_origin.y;
        let tops = self.tops();
        let below = tops[blocks.clone()].partition_point(|&t| t <= y);
        let wanted = blocks.start + below.saturating_sub(1);
        let laid_out = |b: &usize| self.layouts[*b].is_some();
        let nearest = std::iter::once(wanted)
            .chain((blocks.start..wanted).rev())
            .chain(wanted + 1..blocks.end)
            .find(laid_out);
        let Some(b) = nearest else {
            return self
                .blocks
                .get(blocks.start)
                .map_or(0, |b| b.start as usize);
        };
        let (_, bytes) = self.block_bytes(brief, b);
        let origin = self.blocks_origin + egui::vec2(0.0, self.tops[b]);
        let text = &brief.paragraphs()[p][bytes.clone()];
        let layout = self.layouts[b]
            .as_ref()
            .map_or(0, |l| l.byte_at(text, pos - origin));
        bytes.start + layout
    }

    /// Where the words `bytes` of paragraph `paragraph` were last drawn
    /// (their first row), in screen points.
    pub fn screen_rect_of(
        &self,
        text: &str,
        paragraph: usize,
        bytes: std::ops::Range<usize>,
    ) -> Option<Rect> {
        if !self.shows(paragraph) {
            return None;
        }
        let b = self.block_at(paragraph, bytes.start);
        let origin = self.drawn.iter().find(|(d, _)| *d == b)?.1;
        let layout = self.layouts.get(b)?.as_ref()?;
        let start = self.blocks[b].start as usize;
        let end = self
            .blocks
            .get(b + 1)
            .filter(|next| next.paragraph as usize == paragraph)
            .map_or(text.len(), |next| next.start as usize);
        let local = bytes.start - start..bytes.end.min(end) - start;
        layout
            .rects(&text[start..end], local)
            .first()
            .map(|r| placed(origin, *r))
    }

    /// How many blocks have a layout now (the rest are estimates).
    pub fn laid_out_count(&self) -> usize {
        self.laid_out.len()
    }

    /// Bytes of text laid out now.
    pub fn laid_out_bytes(&self) -> usize {
        self.laid_out_bytes
    }
}

/// One mention of a paragraph: its words' bytes and whose they are.
pub(super) struct MentionSpan {
    pub link: LinkId,
    pub place: PlaceId,
    pub bytes: Range<usize>,
}

/// A paragraph's mentions in text order, with the furthest end reached so
/// far, so the mentions overlapping a range are found by two binary
/// searches.
pub(super) struct ParagraphMentions {
    version: u64,
    list: Vec<MentionSpan>,
    reach: Vec<usize>,
}

impl ParagraphMentions {
    fn new(brief: &Brief, p: usize, version: u64) -> Self {
        let list: Vec<MentionSpan> = brief
            .mentions_in(p)
            .iter()
            .filter_map(|link| {
                let m = brief.mention(link)?;
                Some(MentionSpan {
                    link: m.link,
                    place: m.place,
                    bytes: m.bytes,
                })
            })
            .collect();
        let mut furthest = 0;
        let reach = list
            .iter()
            .map(|m| {
                furthest = furthest.max(m.bytes.end);
                furthest
            })
            .collect();
        Self {
            version,
            list,
            reach,
        }
    }

    /// The mentions that overlap `bytes`, in text order.
    pub fn overlapping(&self, bytes: Range<usize>) -> impl Iterator<Item = &MentionSpan> {
        let from = self.reach.partition_point(|&r| r <= bytes.start);
        let to = self.list.partition_point(|m| m.bytes.start < bytes.end);
        self.list[from..to.max(from)]
            .iter()
            .filter(move |m| m.bytes.end > bytes.start)
    }
}
