//! Render: the corpus and the digest → `briefing.{md,html,pdf,json}`.
//!
//! Renderers only read. Markdown and HTML come from handlebars templates over one view model
//! ([`ReportView`]); the PDF is laid out from the same view; the JSON is the contract of
//! DESIGN.md, built from the same corpus and digest. Files are written by [`crate::fsutil`]:
//! all are rendered first, then each is moved into place atomically.

pub mod json;
pub mod pdf;
pub mod templates;
pub mod view;

use anyhow::{Context, Result};

use crate::config::{Config, Format};
use crate::consolidate::Digest;
use crate::model::Corpus;
pub use view::ReportView;

/// Renders every configured format into memory, in [`Format::ALL`] order. Nothing is written:
/// a failure in any format leaves the previous briefing untouched.
pub fn render_all(config: &Config, corpus: &Corpus, digest: &Digest) -> Result<Vec<(Format, Vec<u8>)>> {
    let view = ReportView::build(config, corpus, digest);
    let needs_templates = config.formats.iter().any(|f| matches!(f, Format::Md | Format::Html));
    let registry =
        if needs_templates { Some(templates::Templates::load(&config.templates_dir)?) } else { None };
    let mut out = Vec::new();
    for &format in &config.formats {
        let bytes = match format {
            Format::Md => registry.as_ref().expect("templates").render_md(&view)?.into_bytes(),
            Format::Html => registry.as_ref().expect("templates").render_html(&view)?.into_bytes(),
            Format::Pdf => pdf::render(&view).context("cannot lay out the PDF")?,
            Format::Json => json::render(config, corpus, digest)?,
        };
        out.push((format, bytes));
    }
    Ok(out)
}
