//! The handlebars templates: embedded defaults, overridden file by file by the user's
//! `[output] templates` folder. Two registries, because escaping is per registry: HTML escapes
//! for HTML, Markdown escapes the characters Markdown would interpret.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};
use handlebars::TemplateErrorReason;
use handlebars::template::{Parameter, Template, TemplateElement};
use handlebars::{
    Context as HbContext, Handlebars, Helper, HelperResult, Output, RenderContext, RenderErrorReason,
};

use crate::config::Problem;

/// Default templates, compiled into the binary.
const DEFAULTS: [(&str, &str); 2] = [
    ("briefing.md.hbs", include_str!("../../templates/briefing.md.hbs")),
    ("briefing.html.hbs", include_str!("../../templates/briefing.html.hbs")),
];

/// The summary a CI job's page shows (`GITHUB_STEP_SUMMARY`): the key judgments, the changes
/// and the disagreements, from the briefing's own view. Not overridable: it is part of the
/// CI contract, not of the briefing's look.
const STEP_SUMMARY: &str = include_str!("../../templates/step-summary.md.hbs");

/// The default templates' file names and texts (what `newsbrief init --templates` writes).
pub fn defaults() -> impl Iterator<Item = (&'static str, &'static str)> {
    DEFAULTS.into_iter()
}

/// Blocks nested deeper than this are refused: no briefing needs them, and the template
/// parser and renderer recurse once per level.
pub const MAX_NESTING: usize = 32;

/// The two registries, and the most bytes a template may write.
pub struct Templates {
    md: Handlebars<'static>,
    html: Handlebars<'static>,
    max_bytes: u64,
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
    /// Loads and compiles both templates; each may write at most `max_bytes`
    /// (`output.max_template_bytes`).
    pub(crate) fn load(dir: &Path, max_bytes: u64) -> Result<Templates> {
        let problems = check(dir);
        if let Some(p) = problems.first() {
            return Err(anyhow!("broken template: {p}"));
        }
        let (_, md_text) = source(dir, DEFAULTS[0].0, DEFAULTS[0].1)?;
        let (_, html_text) = source(dir, DEFAULTS[1].0, DEFAULTS[1].1)?;
        Templates::compile(&md_text, &html_text, max_bytes)
    }

    /// The Markdown of the CI step summary (see [`STEP_SUMMARY`]) for `view`.
    pub(crate) fn step_summary(view: &impl serde::Serialize) -> Result<String> {
        registry(Flavour::Markdown, STEP_SUMMARY)?
            .render("briefing", view)
            .context("cannot render the step summary")
    }

    /// Compiles the two templates from their texts, refusing what [`check`] refuses.
    pub fn compile(md_text: &str, html_text: &str, max_bytes: u64) -> Result<Templates> {
        for (name, text) in [(DEFAULTS[0].0, md_text), (DEFAULTS[1].0, html_text)] {
            if let Some(problem) = structure_problems(text).first() {
                return Err(anyhow!("broken template `{name}`: {problem}"));
            }
        }
        Ok(Templates {
            md: registry(Flavour::Markdown, md_text)?,
            html: registry(Flavour::Html, html_text)?,
            max_bytes,
        })
    }

    /// `briefing.md`.
    pub fn render_md(&self, view: &impl serde::Serialize) -> Result<Vec<u8>> {
        self.render(&self.md, view).context("cannot render `briefing.md.hbs`")
    }

    /// `briefing.html`.
    pub fn render_html(&self, view: &impl serde::Serialize) -> Result<Vec<u8>> {
        self.render(&self.html, view).context("cannot render `briefing.html.hbs`")
    }

    fn render(&self, registry: &Handlebars<'static>, view: &impl serde::Serialize) -> Result<Vec<u8>> {
        let mut out = Bounded { bytes: Vec::new(), limit: self.max_bytes };
        registry.render_to_write("briefing", view, &mut out)?;
        Ok(out.bytes)
    }
}

/// What a template writes, which decides its escaping and helpers.
#[derive(Clone, Copy, PartialEq)]
enum Flavour {
    Markdown,
    Html,
}

impl Flavour {
    fn of(file_name: &str) -> Flavour {
        if file_name.ends_with(".md.hbs") { Flavour::Markdown } else { Flavour::Html }
    }
}

/// A strict registry holding `text` as `briefing`, with the escaping and helpers of `flavour`:
/// `count` everywhere, `code` in Markdown.
fn registry(flavour: Flavour, text: &str) -> Result<Handlebars<'static>, handlebars::TemplateError> {
    let mut registry = Handlebars::new();
    registry.set_strict_mode(true);
    registry.register_helper("count", Box::new(count_helper));
    if flavour == Flavour::Markdown {
        registry.register_escape_fn(escape_markdown);
        registry.register_helper("code", Box::new(code_helper));
    }
    registry.register_template_string("briefing", text)?;
    Ok(registry)
}

/// The helpers a template may call besides handlebars' own.
const OUR_HELPERS: [&str; 2] = ["count", "code"];

/// Handlebars' built-in helpers.
const BUILT_IN_HELPERS: [&str; 17] = [
    "if", "unless", "each", "with", "lookup", "raw", "log", "eq", "ne", "gt", "gte", "lt", "lte", "and",
    "or", "not", "len",
];

/// A buffer that refuses to grow past `limit`: a template that loops over loops (four nested
/// `{{#each}}` wrote 508 MB) stops with an error instead of filling the disk or the memory.
struct Bounded {
    bytes: Vec<u8>,
    limit: u64,
}

impl std::io::Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if (self.bytes.len() + buf.len()) as u64 > self.limit {
            return Err(std::io::Error::other(format!(
                "the template writes more than {} bytes (`output.max_template_bytes`)",
                self.limit
            )));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What a template may not do, beyond its syntax: nest blocks deeper than [`MAX_NESTING`],
/// or include a partial that is not one of its own inline partials (`{{#*inline "row"}}`),
/// by a name written out, without a cycle. Handlebars has no recursion limit: a template that
/// includes itself overflowed the stack and aborted the run.
fn structure_problems(text: &str) -> Vec<String> {
    // Before parsing, since the parser too recurses once per level.
    let depth = block_depth(text);
    if depth > MAX_NESTING {
        return vec![format!("blocks are nested {depth} deep; at most {MAX_NESTING} are allowed")];
    }
    let Ok(template) = Template::compile(text) else { return Vec::new() };
    let mut walk = Walk::default();
    walk.template(&template, None);
    let unknown = walk.unknown().into_iter().map(|name| {
        format!(
            "the partial `{name}` is not an inline partial of this template (`{{{{#*inline \"{name}\"}}}}`); \
             only those can be included"
        )
    });
    let mut problems: Vec<String> = unknown.collect();
    problems.append(&mut walk.problems);
    if let Some(cycle) = find_cycle(&walk.includes) {
        problems.push(format!("inline partials include each other in a loop: {}", cycle.join(" → ")));
    }
    problems.sort();
    problems.dedup();
    problems
}

/// A loop of includes among the inline partials, as the names along it (the first repeated
/// at the end): a depth-first search that marks the partials on its path, linear in the graph.
fn find_cycle(includes: &BTreeMap<String, Vec<String>>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        OnPath,
        Done,
    }
    let mut marks: BTreeMap<&str, Mark> = BTreeMap::new();
    for start in includes.keys() {
        if marks.contains_key(start.as_str()) {
            continue;
        }
        marks.insert(start, Mark::OnPath);
        let mut path: Vec<(&str, usize)> = vec![(start, 0)];
        while let Some((name, next)) = path.last_mut() {
            let children = &includes[*name];
            let Some(child) = children.get(*next) else {
                marks.insert(name, Mark::Done);
                path.pop();
                continue;
            };
            *next += 1;
            match marks.get(child.as_str()) {
                Some(Mark::OnPath) => {
                    let from = path.iter().position(|(n, _)| *n == child).unwrap_or(0);
                    let mut cycle: Vec<String> = path[from..].iter().map(|(n, _)| n.to_string()).collect();
                    cycle.push(child.clone());
                    return Some(cycle);
                }
                Some(Mark::Done) => {}
                None if includes.contains_key(child) => {
                    marks.insert(child, Mark::OnPath);
                    path.push((child, 0));
                }
                None => {}
            }
        }
    }
    None
}

/// The deepest nesting of `{{#…}}` … `{{/…}}` blocks in a template's text.
fn block_depth(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for (i, _) in text.match_indices("{{") {
        // A few characters ahead are enough, and keep a run of braces from costing its
        // length squared.
        let mut ahead =
            text[i + 2..].chars().take(16).skip_while(|c| matches!(c, '{' | '~' | ' ' | '\t' | '\n'));
        match (ahead.next(), ahead.next()) {
            // `{{^}}` is an `else`, not a block.
            (Some('^'), Some('}')) => {}
            (Some('#'), _) | (Some('^'), Some(_)) => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            (Some('/'), _) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// The inline partials a template defines, what each includes, and what is wrong.
#[derive(Default)]
struct Walk {
    /// Each inline partial and the partials its body includes.
    includes: BTreeMap<String, Vec<String>>,
    /// Partials included outside any inline partial.
    top: Vec<String>,
    problems: Vec<String>,
}

impl Walk {
    fn template(&mut self, template: &Template, inside: Option<&str>) {
        for element in &template.elements {
            match element {
                TemplateElement::HelperBlock(block) => {
                    for t in block.template.iter().chain(&block.inverse) {
                        self.template(t, inside);
                    }
                }
                TemplateElement::DecoratorBlock(block) if block.name.as_name() == Some("inline") => {
                    match block.params.first().and_then(static_name) {
                        Some(name) => {
                            self.includes.entry(name.clone()).or_default();
                            if let Some(body) = &block.template {
                                self.template(body, Some(&name));
                            }
                        }
                        None => self.problems.push("an inline partial needs a name in quotes".into()),
                    }
                }
                TemplateElement::DecoratorBlock(block) => {
                    if let Some(body) = &block.template {
                        self.template(body, inside);
                    }
                }
                TemplateElement::PartialExpression(partial) => match static_name(&partial.name) {
                    Some(name) if name == "@partial-block" => self.partial_blocks(),
                    Some(name) => match inside {
                        Some(outer) => self.includes.entry(outer.to_string()).or_default().push(name),
                        None => self.top.push(name),
                    },
                    None => self.problems.push("a partial's name must be written out, not computed".into()),
                },
                TemplateElement::PartialBlock(_) => self.partial_blocks(),
                _ => {}
            }
        }
    }

    /// The partials included anywhere that the template does not define.
    fn unknown(&self) -> Vec<&str> {
        let included = self.top.iter().chain(self.includes.values().flatten());
        included.filter(|n| !self.includes.contains_key(*n)).map(String::as_str).collect()
    }

    fn partial_blocks(&mut self) {
        self.problems.push(
            "partial blocks (`{{#> name}}`, `@partial-block`) are not supported; use an inline partial"
                .into(),
        );
    }
}

/// A partial's or inline partial's name when it is written out.
fn static_name(param: &Parameter) -> Option<String> {
    match param {
        Parameter::Literal(serde_json::Value::String(s)) => Some(s.clone()),
        Parameter::Name(_) | Parameter::Path(_) => param.as_name().map(str::to_string),
        _ => None,
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

/// Checks every template that would be used, as `run` would meet it: its structure (see
/// [`structure_problems`]), its syntax, and then a render against the built-in sample briefings
/// ([`super::sample`]), which finds unknown fields and helpers and wrong parameters. Each
/// problem has the template's file, line and column and says what is wrong in plain words
/// (for `newsbrief validate`).
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
        let at = |line: usize, column: usize, message: String| Problem {
            file: path.clone(),
            line,
            column,
            message,
        };
        let structure = structure_problems(&text);
        if !structure.is_empty() {
            problems.extend(structure.into_iter().map(|message| at(1, 1, message)));
            continue;
        }
        let registry = match registry(Flavour::of(name), &text) {
            Ok(registry) => registry,
            Err(e) => {
                let (line, column) = e.pos().unwrap_or((1, 1));
                problems.push(at(line, column, syntax_message(e.reason(), &text)));
                continue;
            }
        };
        if let Some(template) = registry.get_template("briefing") {
            let fields = unknown_fields(template);
            if !fields.is_empty() {
                problems.extend(fields.into_iter().map(|(line, column, message)| at(line, column, message)));
                continue;
            }
        }
        let full = super::sample::full();
        let without_stories = super::view::ReportView { stories: Vec::new(), ..super::sample::full() };
        for view in [full, without_stories, super::sample::empty()] {
            let mut out = Bounded { bytes: Vec::new(), limit: u64::MAX };
            if let Err(e) = registry.render_to_write("briefing", &view, &mut out) {
                let message = render_message(e.reason());
                problems.push(at(e.line_no.unwrap_or(1), e.column_no.unwrap_or(1), message));
                break;
            }
        }
    }
    problems
}

/// The fields a template names that the briefing does not have, where it names them. Strict
/// rendering misses some: `{{#each key_judgment}}…{{else}}…{{/each}}` quietly renders the
/// `else`, and `{{#if titel}}` is just false, so a typo empties a section without an error.
/// This walks the template over the full sample briefing, following the context into `each`
/// and `with` blocks and into the inline partials where they are included.
fn unknown_fields(template: &Template) -> Vec<(usize, usize, String)> {
    let Ok(sample) = serde_json::to_value(super::sample::full()) else { return Vec::new() };
    let mut fields = Fields { partials: BTreeMap::new(), problems: Vec::new(), depth: 0 };
    fields.collect_partials(template);
    fields.walk(template, &mut vec![&sample]);
    fields.problems.sort();
    fields.problems.dedup();
    fields.problems
}

/// State of [`unknown_fields`].
struct Fields<'t> {
    /// The template's inline partials by name.
    partials: BTreeMap<String, &'t Template>,
    /// (line, column, message) of each unknown field.
    problems: Vec<(usize, usize, String)>,
    /// How many partials deep the walk is (bounded: [`structure_problems`] refuses loops, but
    /// this does not rely on it).
    depth: usize,
}

impl<'t> Fields<'t> {
    fn collect_partials(&mut self, template: &'t Template) {
        for element in &template.elements {
            match element {
                TemplateElement::DecoratorBlock(block) if block.name.as_name() == Some("inline") => {
                    if let (Some(name), Some(body)) =
                        (block.params.first().and_then(static_name), &block.template)
                    {
                        self.partials.insert(name, body);
                    }
                }
                TemplateElement::HelperBlock(block) => {
                    for t in block.template.iter().chain(&block.inverse) {
                        self.collect_partials(t);
                    }
                }
                _ => {}
            }
        }
    }

    fn walk<'v>(&mut self, template: &'t Template, scope: &mut Vec<&'v serde_json::Value>) {
        for (i, element) in template.elements.iter().enumerate() {
            let (line, column) = template.mapping.get(i).map_or((1, 1), |m| (m.0, m.1));
            match element {
                TemplateElement::Expression(h) | TemplateElement::HtmlExpression(h) => {
                    if h.params.is_empty() && h.hash.is_empty() {
                        self.check(&h.name, scope, line, column);
                    }
                    for p in h.params.iter().chain(h.hash.values()) {
                        self.check(p, scope, line, column);
                    }
                }
                TemplateElement::HelperBlock(h) => {
                    for p in h.params.iter().chain(h.hash.values()) {
                        self.check(p, scope, line, column);
                    }
                    let inner = match (h.name.as_name(), h.params.first()) {
                        (Some("each"), Some(p)) => self.value(p, scope).and_then(first_item),
                        (Some("with"), Some(p)) => self.value(p, scope),
                        _ => scope.last().copied(),
                    };
                    // Block parameters (`as |x|`) name things this walk does not follow.
                    if let (Some(body), Some(inner), None) = (&h.template, inner, &h.block_param) {
                        scope.push(inner);
                        self.walk(body, scope);
                        scope.pop();
                    }
                    if let Some(inverse) = &h.inverse {
                        self.walk(inverse, scope);
                    }
                }
                TemplateElement::PartialExpression(p) => {
                    let body = static_name(&p.name).and_then(|n| self.partials.get(&n).copied());
                    if let Some(body) = body.filter(|_| self.depth < MAX_NESTING) {
                        self.depth += 1;
                        self.walk(body, scope);
                        self.depth -= 1;
                    }
                }
                _ => {}
            }
        }
    }

    /// Records `param` when it is a path to nothing in `scope`.
    fn check(&mut self, param: &Parameter, scope: &[&serde_json::Value], line: usize, column: usize) {
        let Some(raw) = path_of(param) else { return };
        if OUR_HELPERS.contains(&raw) || BUILT_IN_HELPERS.contains(&raw) || self.value(param, scope).is_some()
        {
            return;
        }
        let here = scope.last().and_then(|v| v.as_object());
        let last = raw.rsplit(['.', '/']).next().unwrap_or(raw);
        let hint = here
            .and_then(|o| crate::suggest::nearest(last, o.keys().map(String::as_str)))
            .map(|n| format!("; did you mean `{n}`?"))
            .unwrap_or_default();
        self.problems.push((line, column, format!("`{raw}` is not a field of the briefing here{hint}")));
    }

    /// What `param` names in `scope`, when it is a path that resolves (`None` for a literal too).
    fn value<'v>(&self, param: &Parameter, scope: &[&'v serde_json::Value]) -> Option<&'v serde_json::Value> {
        let raw = path_of(param)?;
        let mut rest = raw;
        let mut level = scope.len().checked_sub(1)?;
        if let Some(r) = rest.strip_prefix("@root") {
            level = 0;
            rest = r.trim_start_matches(['.', '/']);
        }
        while let Some(r) = rest.strip_prefix("../") {
            level = level.checked_sub(1)?;
            rest = r;
        }
        let rest = rest.strip_prefix("this").map_or(rest, |r| r.trim_start_matches(['.', '/']));
        let mut value = scope[level];
        for segment in rest.split(['.', '/']).filter(|s| !s.is_empty()) {
            value = match value {
                serde_json::Value::Object(o) => o.get(segment)?,
                serde_json::Value::Array(a) => a.get(segment.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        Some(value)
    }
}

/// The text of a path parameter, or `None` for literals, local variables (`@index`) and
/// subexpressions.
fn path_of(param: &Parameter) -> Option<&str> {
    match param {
        Parameter::Name(name) => Some(name.as_str()),
        Parameter::Path(handlebars::Path::Relative((_, raw))) => Some(raw.as_str()),
        _ => None,
    }
}

/// What an `each` block's body sees first: an array's first item, an object's first value.
fn first_item(value: &serde_json::Value) -> Option<&serde_json::Value> {
    match value {
        serde_json::Value::Array(items) => items.first(),
        serde_json::Value::Object(map) => map.values().next(),
        _ => None,
    }
}

/// A template syntax error in plain words: the parser's own names grammar rules
/// ("expected helper_block_start, …").
fn syntax_message(reason: &TemplateErrorReason, text: &str) -> String {
    match reason {
        TemplateErrorReason::MismatchingClosedHelper(open, close)
        | TemplateErrorReason::MismatchingClosedDecorator(open, close) => {
            format!("`{{{{#{open}}}}}` is closed by `{{{{/{close}}}}}`; close it with `{{{{/{open}}}}}`")
        }
        TemplateErrorReason::InvalidSyntax(expected) => {
            if let Some((name, line, column)) = unclosed_block(text) {
                return format!(
                    "`{{{{#{name}}}}}` opened at line {line}, column {column} is never closed: add `{{{{/{name}}}}}`"
                );
            }
            let mut wanted: Vec<&str> = expected
                .trim_start_matches("expected ")
                .split([',', ' '])
                .filter_map(|rule| match rule {
                    "identifier" | "path_inline" => Some("a field name"),
                    "helper_parameter" => Some("a value"),
                    "partial_identifier" => Some("a partial's name"),
                    "subexpression" => Some("a `(subexpression)`"),
                    "trailing_tilde_to_omit_whitespace" => Some("`}}`"),
                    _ => None,
                })
                .collect();
            wanted.dedup();
            match wanted.as_slice() {
                [] => "this is not valid handlebars: check that each `{{` is closed by `}}`".to_string(),
                _ => format!("this `{{{{…}}}}` is not finished: expected {}", wanted.join(" or ")),
            }
        }
        TemplateErrorReason::InvalidParam(param) => format!("`{param}` is not a valid parameter"),
        other => other.to_string(),
    }
}

/// The innermost `{{#name}}` block that is never closed, with its line and column.
fn unclosed_block(text: &str) -> Option<(String, usize, usize)> {
    let mut open: Vec<(String, usize)> = Vec::new();
    for (i, _) in text.match_indices("{{") {
        let rest = text[i + 2..].trim_start_matches(['{', '~', ' ']);
        let name =
            |r: &str| r.chars().take_while(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '*')).collect();
        if let Some(r) = rest.strip_prefix('#') {
            let r = r.trim_start_matches(['>', '*', ' ']);
            open.push((name(r), i));
        } else if let Some(r) = rest.strip_prefix('/') {
            let closing: String = name(r.trim_start());
            if let Some(at) = open.iter().rposition(|(n, _)| *n == closing) {
                open.truncate(at);
            }
        }
    }
    let (name, at) = open.pop()?;
    let (line, column) = crate::config::line_col(text, at);
    Some((name, line, column))
}

/// A render error in plain words, with the nearest field or helper when a name is unknown.
fn render_message(reason: &RenderErrorReason) -> String {
    match reason {
        RenderErrorReason::MissingVariable(Some(path)) => {
            let last = path.rsplit(['.', '/']).next().unwrap_or(path);
            let fields = sample_fields();
            let hint = crate::suggest::nearest(last, fields.iter().map(String::as_str))
                .map(|n| format!("; did you mean `{n}`?"))
                .unwrap_or_default();
            format!("`{path}` is not a field of the briefing here{hint}")
        }
        RenderErrorReason::MissingVariable(None) => "a value used here is not in the briefing".into(),
        RenderErrorReason::HelperNotFound(name) => {
            let known = OUR_HELPERS.iter().chain(&BUILT_IN_HELPERS).copied();
            let hint = crate::suggest::nearest(name, known)
                .map(|n| format!("; did you mean `{n}`?"))
                .unwrap_or_default();
            format!(
                "there is no helper `{name}`{hint} (helpers: `count`, `code` in Markdown, and handlebars' own: {})",
                BUILT_IN_HELPERS.map(|h| format!("`{h}`")).join(", ")
            )
        }
        RenderErrorReason::PartialNotFound(name) => format!("there is no partial `{name}`"),
        RenderErrorReason::ParamNotFoundForIndex(helper, i) => {
            format!("`{helper}` needs a parameter at position {}", i + 1)
        }
        RenderErrorReason::ParamTypeMismatchForName(helper, i, expected) => {
            format!("`{helper}` needs {expected} as its parameter {i}")
        }
        other => other.to_string(),
    }
}

/// Every field name anywhere in the sample briefing.
fn sample_fields() -> Vec<String> {
    fn walk(value: &serde_json::Value, names: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    names.push(k.clone());
                    walk(v, names);
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, names)),
            _ => {}
        }
    }
    let mut names = Vec::new();
    if let Ok(value) = serde_json::to_value(super::sample::full()) {
        walk(&value, &mut names);
    }
    names.sort();
    names.dedup();
    names
}

#[cfg(test)]
mod tests;
