//! Writes the name index of `name_index.rs`: the spellings' keys, sorted, placed
//! node by node in the double array (first fit), each key's rest kept as a tail
//! once no other key shares it. `build.rs` includes this file and
//! `name_index.rs` by path, so it depends on nothing but `std` and `thiserror`.

use super::name_index::{
    END_LABEL, FINAL, HEADER_BYTES, MAGIC, NameIndexError, TAIL, UNIT_BYTES, index_key,
};

/// Writes the index of `spellings`: for each key (see [`index_key`]) the
/// first spelling that has it.
pub fn build_bytes(spellings: &[&str]) -> Result<Vec<u8>, NameIndexError> {
    let mut keyed: Vec<(Vec<u8>, u32)> = Vec::with_capacity(spellings.len());
    for (i, s) in spellings.iter().enumerate() {
        let value = u32::try_from(i).map_err(|_| NameIndexError("too many spellings".into()))?;
        if s.is_empty() || s.contains('\0') {
            continue;
        }
        keyed.push((index_key(s), value));
    }
    // Sorted by key, and for one key the first spelling first: it is kept.
    keyed.sort_unstable();
    keyed.dedup_by(|later, first| later.0 == first.0);
    let mut trie = TrieBuilder::default();
    trie.place(&keyed)?;
    trie.into_bytes(keyed.len())
}

/// Places the trie's nodes in the double array, first fit.
#[derive(Default)]
struct TrieBuilder {
    /// `[base, check]` per unit, as in the layout.
    units: Vec<[u32; 2]>,
    /// The free units, linked in order through `next_free` and `prev_free`
    /// from `free_head` to `free_tail`; `on_list` says which are on it. A unit
    /// that fails too often as the first slot of a node is taken off the list
    /// and left empty, so the search does not walk the full front of the array
    /// again and again.
    next_free: Vec<u32>,
    prev_free: Vec<u32>,
    on_list: Vec<bool>,
    free_head: u32,
    free_tail: u32,
    fails: Vec<u8>,
    tails: Vec<u8>,
}

/// The end of the free list.
const NONE: u32 = u32::MAX;
/// How often a unit may be probed as a node's first slot and not taken before
/// it leaves the free list.
const MAX_FAILS: u8 = 16;

type Labels = Vec<(u8, std::ops::Range<usize>)>;

impl TrieBuilder {
    fn place(&mut self, keys: &[(Vec<u8>, u32)]) -> Result<(), NameIndexError> {
        self.free_head = NONE;
        self.free_tail = NONE;
        self.grow_to(256)?;
        self.take(0, 0);
        if keys.is_empty() {
            return Ok(());
        }
        // (unit, depth, the keys that share the node's prefix)
        let mut stack = vec![(0usize, 0usize, 0..keys.len())];
        while let Some((node, depth, range)) = stack.pop() {
            if range.len() == 1 {
                let (key, value) = &keys[range.start];
                self.units[node][0] = TAIL | self.push_tail(&key[depth..], *value)?;
                continue;
            }
            let labels = labels_at(keys, depth, range);
            let base = self.find_base(&labels)?;
            self.units[node][0] = base;
            for (byte, sub) in labels {
                let child = base as usize + usize::from(byte);
                self.take(child, node);
                if byte == END_LABEL {
                    self.units[node][1] |= FINAL;
                    self.units[child][0] = keys[sub.start].1;
                } else {
                    stack.push((child, depth + 1, sub));
                }
            }
        }
        Ok(())
    }

    /// The first base (from 1: unit 0 is the root) at which every label's unit
    /// is free.
    fn find_base(&mut self, labels: &Labels) -> Result<u32, NameIndexError> {
        let first = u32::from(labels[0].0);
        let mut slot = self.free_head;
        loop {
            if slot == NONE {
                let end = self.units.len();
                self.grow_to(end + 256)?;
                slot = end as u32;
                continue;
            }
            let next = self.next_free[slot as usize];
            if slot > first {
                let base = slot - first;
                self.grow_to(base as usize + 256)?;
                let units = &self.units;
                let fits = labels
                    .iter()
                    .all(|(byte, _)| units[base as usize + usize::from(*byte)][1] == 0);
                if fits {
                    return Ok(base);
                }
            }
            let fails = &mut self.fails[slot as usize];
            *fails = fails.saturating_add(1);
            if *fails >= MAX_FAILS && slot == self.free_head {
                self.unlink(slot);
            }
            slot = next;
        }
    }

    /// Adds free units up to `len`, at the end of the free list.
    fn grow_to(&mut self, len: usize) -> Result<(), NameIndexError> {
        if u32::try_from(len).map_or(true, |len| len >= TAIL) {
            return Err(NameIndexError("too many nodes".into()));
        }
        let old = self.units.len();
        if len <= old {
            return Ok(());
        }
        self.units.resize(len, [0, 0]);
        self.fails.resize(len, 0);
        self.next_free.resize(len, NONE);
        self.prev_free.resize(len, NONE);
        self.on_list.resize(len, true);
        for i in old..len {
            let i = i as u32;
            self.prev_free[i as usize] = self.free_tail;
            if self.free_tail == NONE {
                self.free_head = i;
            } else {
                self.next_free[self.free_tail as usize] = i;
            }
            self.free_tail = i;
        }
        Ok(())
    }

    fn unlink(&mut self, slot: u32) {
        let i = slot as usize;
        let (prev, next) = (self.prev_free[i], self.next_free[i]);
        if prev == NONE {
            self.free_head = next;
        } else {
            self.next_free[prev as usize] = next;
        }
        if next == NONE {
            self.free_tail = prev;
        } else {
            self.prev_free[next as usize] = prev;
        }
        self.on_list[i] = false;
    }

    /// Marks unit `slot` a child of `parent` and takes it off the free list.
    fn take(&mut self, slot: usize, parent: usize) {
        if self.on_list[slot] {
            self.unlink(slot as u32);
        }
        // The root's check stays 0; it is never free, being off the list and
        // below every base.
        self.units[slot][1] = if slot == 0 { 0 } else { parent as u32 + 1 };
    }

    fn push_tail(&mut self, rest: &[u8], value: u32) -> Result<u32, NameIndexError> {
        let offset = u32::try_from(self.tails.len())
            .ok()
            .filter(|&o| o < TAIL)
            .ok_or_else(|| NameIndexError("too many tail bytes".into()))?;
        let len =
            u16::try_from(rest.len()).map_err(|_| NameIndexError("a spelling too long".into()))?;
        self.tails.extend_from_slice(&len.to_le_bytes());
        self.tails.extend_from_slice(rest);
        self.tails.extend_from_slice(&value.to_le_bytes());
        Ok(offset)
    }

    fn into_bytes(self, key_count: usize) -> Result<Vec<u8>, NameIndexError> {
        // Trailing free units are not needed: a child past the end is absent.
        let used = self
            .units
            .iter()
            .rposition(|u| u[1] != 0)
            .map_or(1, |i| i + 1);
        let mut out = Vec::with_capacity(HEADER_BYTES + UNIT_BYTES * used + self.tails.len());
        out.extend_from_slice(MAGIC);
        for n in [key_count, used, self.tails.len()] {
            let n = u32::try_from(n).map_err(|_| NameIndexError("too large".into()))?;
            out.extend_from_slice(&n.to_le_bytes());
        }
        for [base, check] in &self.units[..used] {
            out.extend_from_slice(&base.to_le_bytes());
            out.extend_from_slice(&check.to_le_bytes());
        }
        out.extend_from_slice(&self.tails);
        Ok(out)
    }
}

/// The children of the node of `depth` shared by `range` of the sorted keys:
/// the end of a key (only the first can end here, being the shortest), then
/// one per next byte, with the keys under each.
fn labels_at(keys: &[(Vec<u8>, u32)], depth: usize, range: std::ops::Range<usize>) -> Labels {
    let mut labels = Vec::new();
    let mut i = range.start;
    if keys[i].0.len() == depth {
        labels.push((END_LABEL, i..i + 1));
        i += 1;
    }
    while i < range.end {
        let byte = keys[i].0[depth];
        let mut j = i + 1;
        while j < range.end && keys[j].0[depth] == byte {
            j += 1;
        }
        labels.push((byte, i..j));
        i = j;
    }
    labels
}
