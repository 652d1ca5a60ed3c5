//! Render: the corpus and the digest → `briefing.{md,html,pdf,json}`.
//!
//! Renderers only read. Markdown and HTML come from handlebars templates over one view model
//! ([`ReportView`]); the PDF is laid out from the same view; the JSON is the contract of
//! DESIGN.md, built from the same corpus and digest. Files are written by [`crate::fsutil`]:
//! all are rendered into temporary files first, then each is moved into place atomically.

pub mod corpus;
pub mod json;
pub mod pdf;
pub mod sample;
pub mod templates;
pub mod view;

use std::io::Write;

use anyhow::{Context, Result};

use crate::changes::Changes;
use crate::config::{Config, Format};
use crate::consolidate::Digest;
use crate::fsutil::Staged;
use crate::model::Corpus;
pub use view::ReportView;

/// `n` and the noun in the number it takes: "1 article", "5 articles" (`many` for an irregular
/// plural). The templates' `count` helper and the PDF write counts this way.
pub fn count(n: u64, one: &str, many: Option<&str>) -> String {
    match (n, many) {
        (1, _) => format!("1 {one}"),
        (_, Some(many)) => format!("{n} {many}"),
        (_, None) => format!("{n} {one}s"),
    }
}

/// What [`render_all`] made.
pub struct Rendered {
    /// Each configured format, staged, in [`Format::ALL`] order.
    pub files: Vec<Staged>,
    /// The Markdown of the CI step summary: key judgments, changes and disagreements.
    pub step_summary: String,
}

/// Renders every configured format, in [`Format::ALL`] order, each into a hidden temporary
/// file beside its target. Nothing visible changes until the caller commits them: a failure in
/// any format drops them all and leaves the previous briefing whole.
pub fn render_all(config: &Config, corpus: &Corpus, digest: &Digest, changes: &Changes) -> Result<Rendered> {
    let view = ReportView::build(config, corpus, digest, changes);
    let needs_templates = config.formats.iter().any(|f| matches!(f, Format::Md | Format::Html));
    let registry = if needs_templates {
        Some(templates::Templates::load(&config.templates_dir, config.max_template_bytes)?)
    } else {
        None
    };
    let mut staged = Vec::new();
    for &format in &config.formats {
        let mut file = Staged::new(&config.out_dir.join(format.file_name()))?;
        let written = match format {
            Format::Md => file.write_all(&registry.as_ref().expect("templates").render_md(&view)?),
            Format::Html => file.write_all(&registry.as_ref().expect("templates").render_html(&view)?),
            Format::Pdf => file.write_all(&pdf::render(&view).context("cannot lay out the PDF")?),
            Format::Json => json::write(config, corpus, digest, changes, &mut file),
            // The text grows with the corpus (every paragraph): streamed, never held whole.
            Format::Corpus => corpus::write(corpus, &mut file),
        };
        written.with_context(|| format!("cannot write `{}`", file.path().display()))?;
        staged.push(file);
    }
    Ok(Rendered { files: staged, step_summary: templates::Templates::step_summary(&view)? })
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn a_count_takes_the_noun_in_its_number() {
        assert_eq!(count(1, "file", None), "1 file");
        assert_eq!(count(0, "duplicate", None), "0 duplicates");
        assert_eq!(count(5, "query", Some("queries")), "5 queries");
    }
}
