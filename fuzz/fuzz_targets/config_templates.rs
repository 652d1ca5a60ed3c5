//! Arbitrary text as a `pipeline.toml` and as a template: no panic, no stack overflow, and a
//! template that compiles renders within its byte bound or fails with an error.
//! Input: the config text, then a NUL byte, then the template text.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use newsbrief::config::{Config, Overrides};
use newsbrief::render::templates::Templates;

/// A few kilobytes: enough for any template that terminates to fill it when it loops.
const MAX_BYTES: u64 = 1 << 16;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (config, template) = text.split_once('\0').unwrap_or((text, text));
    let _ = Config::from_str(config, Path::new("pipeline.toml"), &Overrides::default());
    let Ok(templates) = Templates::compile(template, template, MAX_BYTES) else { return };
    // Data shaped like the briefing's view: nested lists and text.
    let rows: Vec<serde_json::Value> = (0..8)
        .map(|i| serde_json::json!({ "summary": format!("claim {i}"), "sources": [1, 2, 3], "name": "x" }))
        .collect();
    let view = serde_json::json!({ "title": "t", "claims": rows, "actors": rows, "judgments": rows });
    for rendered in [templates.render_md(&view), templates.render_html(&view)] {
        if let Ok(bytes) = rendered {
            assert!(bytes.len() as u64 <= MAX_BYTES);
        }
    }
});
