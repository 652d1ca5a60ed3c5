//! The handlebars templates: embedded defaults, overridden file by file by the user's
//! `[output] templates` folder. Two registries, because escaping is per registry: HTML escapes
//! for HTML, Markdown escapes the characters Markdown would interpret.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};
use handlebars::{
    Context as HbContext, Handlebars, Helper, HelperResult, Output, RenderContext, RenderErrorReason,
};

use super::ReportView;
use crate::config::Problem;

/// Default templates, compiled into the binary.
const DEFAULTS: [(&str, &str); 2] = [
    ("briefing.md.hbs", include_str!("../../templates/briefing.md.hbs")),
    ("briefing.html.hbs", include_str!("../../templates/briefing.html.hbs")),
];

/// The default templates' file names and texts (what `newsbrief init --templates` writes).
pub fn defaults() -> impl Iterator<Item = (&'static str, &'static str)> {
    DEFAULTS.into_iter()
}

/// The two registries.
pub struct Templates {
    md: Handlebars<'static>,
    html: Handlebars<'static>,
}

/// The template text for `name`: the user's file when it exists, else the embedded default.
fn source(dir: &Path, name: &str, default: &'static str) -> Result<(PathBuf, String)> {
    let path = dir.join(name);
    if path.is_file() {
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read template `{}`", path.display()))?;
        Ok((path, text))
    } else {
        Ok((PathBuf::from(format!("<embedded>/{name}")), default.to_string()))
    }
}

/// Escapes what Markdown would interpret, and `<`/`&` so that HTML in article text stays
/// inert when the Markdown is rendered.
pub fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

impl Templates {
    /// Loads and compiles both templates.
    pub fn load(dir: &Path) -> Result<Templates> {
        let problems = check(dir);
        if let Some(p) = problems.first() {
            return Err(anyhow!("broken template: {p}"));
        }
        let mut md = Handlebars::new();
        md.set_strict_mode(true);
        md.register_escape_fn(escape_markdown);
        let mut html = Handlebars::new();
        html.set_strict_mode(true);
        for registry in [&mut md, &mut html] {
            registry.register_helper("count", Box::new(count_helper));
        }
        md.register_helper("code", Box::new(code_helper));
        let (_, md_text) = source(dir, DEFAULTS[0].0, DEFAULTS[0].1)?;
        let (_, html_text) = source(dir, DEFAULTS[1].0, DEFAULTS[1].1)?;
        md.register_template_string("briefing", md_text)?;
        html.register_template_string("briefing", html_text)?;
        Ok(Templates { md, html })
    }

    /// `briefing.md`.
    pub fn render_md(&self, view: &ReportView) -> Result<String> {
        self.md.render("briefing", view).context("cannot render `briefing.md.hbs`")
    }

    /// `briefing.html`.
    pub fn render_html(&self, view: &ReportView) -> Result<String> {
        self.html.render("briefing", view).context("cannot render `briefing.html.hbs`")
    }
}

/// `{{count n "article"}}` writes "1 article" or "5 articles"; a third parameter gives an
/// irregular plural (`{{count n "query" "queries"}}`).
fn count_helper(
    h: &Helper<'_>,
    _: &Handlebars<'_>,
    _: &HbContext,
    _: &mut RenderContext<'_, '_>,
    out: &mut dyn Output,
) -> HelperResult {
    let n = h.param(0).and_then(|p| p.value().as_u64()).ok_or_else(|| {
        RenderErrorReason::ParamTypeMismatchForName("count", "0".into(), "a whole number".into())
    })?;
    let word = |i: usize| h.param(i).and_then(|p| p.value().as_str().map(str::to_string));
    let one = word(1).ok_or_else(|| RenderErrorReason::ParamNotFoundForIndex("count", 1))?;
    out.write(&super::count(n, &one, word(2).as_deref()))?;
    Ok(())
}

/// `{{code path}}` in Markdown: the text as a code span, as written. Backslash escapes are not
/// read inside a code span (GitHub showed `seeds/000\_984….txt`): the fence is one backtick
/// more than the longest run in the text, a line break becomes a space, and only `|` is
/// escaped, which a table cell needs even there.
fn code_helper(
    h: &Helper<'_>,
    _: &Handlebars<'_>,
    _: &HbContext,
    _: &mut RenderContext<'_, '_>,
    out: &mut dyn Output,
) -> HelperResult {
    let text = h
        .param(0)
        .and_then(|p| p.value().as_str())
        .ok_or_else(|| RenderErrorReason::ParamTypeMismatchForName("code", "0".into(), "text".into()))?;
    out.write(&code_span(text))?;
    Ok(())
}

/// `text` as a Markdown code span (see [`code_helper`]).
pub(crate) fn code_span(text: &str) -> String {
    let text = text.replace(['\n', '\r'], " ").replace('|', "\\|");
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    // A space inside the fence keeps a backtick at either end from joining it.
    let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// Parses every template that would be used and lists each syntax error with file, line and
/// column (for `newsbrief validate`).
pub fn check(dir: &Path) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (name, default) in DEFAULTS {
        let (path, text) = match source(dir, name, default) {
            Ok(x) => x,
            Err(e) => {
                problems.push(Problem {
                    file: dir.join(name),
                    line: 1,
                    column: 1,
                    message: format!("{e:#}"),
                });
                continue;
            }
        };
        if let Err(e) = handlebars::Template::compile(&text) {
            let (line, column) = e.pos().unwrap_or((1, 1));
            let message = e.reason().to_string();
            problems.push(Problem { file: path, line, column, message });
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_span_shows_its_text_as_written() {
        assert_eq!(code_span("seeds/000_984.txt"), "`seeds/000_984.txt`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`x"), "`` `x ``");
        assert_eq!(code_span("a|b\nc"), "`a\\|b c`");
    }

    #[test]
    fn markdown_escaping_makes_text_inert() {
        assert_eq!(
            escape_markdown("<script>a*b_c</script> {{x}} &amp;"),
            "&lt;script&gt;a\\*b\\_c&lt;/script&gt; {{x}} &amp;amp;"
        );
    }

    #[test]
    fn broken_override_is_reported_with_position() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("briefing.md.hbs"), "ok\n{{#each claims}}\n{{/if}}\n").unwrap();
        let problems = check(dir.path());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, 3);
        assert!(problems[0].file.ends_with("briefing.md.hbs"));
    }

    #[test]
    fn embedded_defaults_compile() {
        assert!(check(Path::new("/nonexistent")).is_empty());
    }
}
