//! Arbitrary bytes through decode and the cleaner: no panic, and what comes out points at lines
//! of the input.
#![no_main]

use std::collections::HashSet;

use libfuzzer_sys::fuzz_target;
use newsbrief::ingest::decode;
use newsbrief::stages::clean::{Rules, Thresholds, clean_text};

fuzz_target!(|data: &[u8]| {
    let Ok((text, _warning)) = decode(data) else { return };
    let empty = HashSet::new();
    let cleaned = clean_text(
        &text,
        &Rules { extra: &[], corpus_lines: &empty, enabled: true, thresholds: Thresholds::default() },
    );
    let lines = text.lines().count();
    for p in &cleaned.paragraphs {
        assert!(
            p.lines[0] >= 1 && p.lines[0] <= p.lines[1] && p.lines[1] <= lines,
            "{:?} of {lines}",
            p.lines
        );
        assert!(!p.text.trim().is_empty());
    }
    for r in &cleaned.removed {
        assert!(r.lines[1] <= lines);
    }
});
