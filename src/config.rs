//! `pipeline.toml`: the serde shape ([`RawConfig`]) and the validated runtime type ([`Config`]).
//!
//! Loading is two-phase, as in mdBook and vector. The raw structs mirror the file and reject
//! unknown keys; [`Config::from_path`] then resolves paths relative to the config file, compiles
//! regexes and checks ranges. Every problem is collected before anything is reported, each with
//! file, line and column, so one `newsbrief validate` shows the user everything to fix.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use regex::Regex;
use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// The whole file, as written. Every section is optional; absent keys take their defaults.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawConfig {
    /// Briefing title.
    pub title: String,
    /// Where the articles come from.
    pub input: InputConfig,
    /// Where the briefing goes.
    pub output: OutputConfig,
    /// Boilerplate removal and metadata.
    pub clean: CleanConfig,
    /// Syndicated copies and repeated paragraphs.
    pub dedup: DedupConfig,
    /// Actors, quotes, figures, dates.
    pub extract: ExtractConfig,
    /// Corroboration, contradictions, timeline, key judgments.
    pub consolidate: ConsolidateConfig,
    /// Per-article result cache.
    pub cache: CacheConfig,
}

impl Default for RawConfig {
    fn default() -> Self {
        RawConfig {
            title: "Briefing".into(),
            input: InputConfig::default(),
            output: OutputConfig::default(),
            clean: CleanConfig::default(),
            dedup: DedupConfig::default(),
            extract: ExtractConfig::default(),
            consolidate: ConsolidateConfig::default(),
            cache: CacheConfig::default(),
        }
    }
}

/// `[input]`
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct InputConfig {
    /// Folder of articles, relative to `pipeline.toml`.
    pub dir: PathBuf,
    /// Globs on paths relative to `dir`; folders are walked recursively.
    pub include: Vec<String>,
    /// Globs of files to leave out, even when `include` matches them.
    pub exclude: Vec<String>,
    /// Files larger than this are skipped with a warning.
    pub max_file_bytes: u64,
    /// Read files and folders that symbolic links inside `dir` point to outside it (by
    /// default they are skipped with a warning).
    pub follow_symlinks: bool,
}

impl Default for InputConfig {
    fn default() -> Self {
        InputConfig {
            dir: PathBuf::from("seeds"),
            include: ["**/*.txt", "**/*.html", "**/*.htm", "**/*.html.gz"].map(String::from).to_vec(),
            exclude: Vec::new(),
            max_file_bytes: 16 * 1024 * 1024,
            follow_symlinks: false,
        }
    }
}

/// `[output]`
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OutputConfig {
    /// Output folder, relative to `pipeline.toml`.
    pub dir: PathBuf,
    /// Any of `md`, `html`, `pdf`, `json`, `corpus`.
    pub formats: Vec<Format>,
    /// Folder whose templates override the embedded defaults, file by file.
    pub templates: PathBuf,
    /// Most rows a section of the readable briefing (md, html, pdf) lists; `briefing.json`
    /// always lists everything.
    pub max_rows: usize,
    /// Most bytes a template may write (`briefing.md`, `briefing.html`); more is an error.
    pub max_template_bytes: u64,
}

impl Default for OutputConfig {
    fn default() -> Self {
        OutputConfig {
            dir: PathBuf::from("out"),
            formats: Format::ALL.to_vec(),
            templates: PathBuf::from("templates"),
            max_rows: 50,
            max_template_bytes: 64 * 1024 * 1024,
        }
    }
}

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// `briefing.md`
    Md,
    /// `briefing.html`
    Html,
    /// `briefing.pdf`
    Pdf,
    /// `briefing.json`
    Json,
    /// `corpus.jsonl`: each article's cleaned paragraphs and removed blocks, a line each.
    Corpus,
}

impl Format {
    /// Every format, in the order they are written.
    pub const ALL: [Format; 5] = [Format::Md, Format::Html, Format::Pdf, Format::Json, Format::Corpus];

    /// The output file name.
    pub(crate) fn file_name(self) -> &'static str {
        match self {
            Format::Md => "briefing.md",
            Format::Html => "briefing.html",
            Format::Pdf => "briefing.pdf",
            Format::Json => "briefing.json",
            Format::Corpus => "corpus.jsonl",
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "md" | "markdown" => Ok(Format::Md),
            "html" => Ok(Format::Html),
            "pdf" => Ok(Format::Pdf),
            "json" => Ok(Format::Json),
            "corpus" => Ok(Format::Corpus),
            other => Err(format!("unknown format `{other}`, expected md, html, pdf, json or corpus")),
        }
    }
}

/// `[clean]`
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CleanConfig {
    /// Run the cleaner; when off, every non-empty block is kept as a paragraph.
    pub enabled: bool,
    /// User regexes; a line that matches one is removed, in addition to the built-in rules.
    pub extra_boilerplate: Vec<String>,
    /// A line found in at least this many articles (and in at least a third of them) is
    /// treated as site boilerplate.
    pub corpus_repeat_min: usize,
}

impl Default for CleanConfig {
    fn default() -> Self {
        CleanConfig { enabled: true, extra_boilerplate: Vec::new(), corpus_repeat_min: 3 }
    }
}

/// `[dedup]`
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DedupConfig {
    /// Run dedup.
    pub enabled: bool,
    /// Words per shingle.
    pub shingle_words: usize,
    /// Jaccard similarity from which two articles are copies.
    pub article_threshold: f64,
    /// Jaccard similarity from which two paragraphs are copies.
    pub paragraph_threshold: f64,
}

impl Default for DedupConfig {
    fn default() -> Self {
        DedupConfig { enabled: true, shingle_words: 5, article_threshold: 0.8, paragraph_threshold: 0.9 }
    }
}

/// `[extract]`
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ExtractConfig {
    /// Run extraction.
    pub enabled: bool,
    /// Quotes shorter than this many words are scare quotes, unless a speaker said them
    /// (see `quotes::is_utterance` and `quotes::is_partial_quote`).
    pub min_quote_words: usize,
}

impl Default for ExtractConfig {
    fn default() -> Self {
        ExtractConfig { enabled: true, min_quote_words: 4 }
    }
}

/// `[consolidate]`
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ConsolidateConfig {
    /// Similarity (0..=1) from which two sentences say the same thing: the idf-weighted cosine
    /// of their stemmed words, actors and figures (see `consolidate::group_claims`).
    pub claim_similarity: f64,
    /// How many key judgments lead the briefing.
    pub key_judgments: usize,
    /// At most this many claims in the briefing's claims section.
    pub max_claims: usize,
    /// At most this many timeline entries.
    pub max_timeline: usize,
    /// Centred cosine (-1..=1) of two sentences' model vectors from which they state one fact
    /// (see `consolidate::meaning`).
    pub meaning_similarity: f64,
    /// Mean cosine of two groups of articles' vectors from which they report one story.
    pub story_similarity: f64,
    /// At most this many distinct sentences are embedded by the sentence model; the others are
    /// compared by their words.
    pub embed_budget: usize,
}

impl Default for ConsolidateConfig {
    fn default() -> Self {
        ConsolidateConfig {
            claim_similarity: 0.5,
            key_judgments: 5,
            max_claims: 40,
            max_timeline: 60,
            meaning_similarity: 0.4,
            story_similarity: 0.35,
            embed_budget: 5000,
        }
    }
}

/// `[cache]`
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CacheConfig {
    /// Use the cache.
    pub enabled: bool,
    /// Cache folder, relative to `pipeline.toml`; by default `.cache` inside the output folder,
    /// so that each output folder has its own.
    pub dir: Option<PathBuf>,
}

impl Default for CacheConfig {
    fn default() -> Self {
        CacheConfig { enabled: true, dir: None }
    }
}

/// The validated configuration that the stages see. Paths are resolved, regexes compiled.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file it came from (or `pipeline.toml` for the defaults).
    pub source: PathBuf,
    /// Briefing title.
    pub title: String,
    /// Resolved input folder.
    pub input_dir: PathBuf,
    /// The input folder as written, for display paths (`seeds/000.txt`).
    pub input_display: String,
    /// Compiled include globs.
    pub include: GlobSet,
    /// Compiled exclude globs.
    pub exclude: GlobSet,
    /// Files larger than this are skipped.
    pub max_file_bytes: u64,
    /// Whether symbolic links out of the input folder are followed.
    pub follow_symlinks: bool,
    /// Resolved output folder.
    pub out_dir: PathBuf,
    /// Formats to write, deduplicated, in [`Format::ALL`] order.
    pub formats: Vec<Format>,
    /// Resolved template override folder.
    pub templates_dir: PathBuf,
    /// `[output] max_rows`.
    pub max_rows: usize,
    /// `[output] max_template_bytes`.
    pub max_template_bytes: u64,
    /// Cleaner settings.
    pub clean: CleanConfig,
    /// Compiled `[clean] extra_boilerplate`.
    pub extra_boilerplate: Vec<Regex>,
    /// Dedup settings.
    pub dedup: DedupConfig,
    /// Extract settings.
    pub extract: ExtractConfig,
    /// Consolidate settings.
    pub consolidate: ConsolidateConfig,
    /// Resolved cache folder, or `None` when the cache is off.
    pub cache_dir: Option<PathBuf>,
    /// Worker threads (0 = one per core).
    pub jobs: usize,
}

/// One problem in a config file, with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file.
    pub file: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (in characters).
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl Problem {
    /// A problem with a command-line flag, which has no line to point at.
    fn flag(flag: &str, message: String) -> Problem {
        Problem { file: PathBuf::from(flag), line: 0, column: 0, message }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            0 => write!(f, "{}: {}", self.file.display(), self.message),
            _ => write!(f, "{}:{}:{}: {}", self.file.display(), self.line, self.column, self.message),
        }
    }
}

/// `path` made absolute, with `.` and `..` taken away, and symbolic links resolved as far as
/// it exists (an output folder not yet made is compared as written).
pub(crate) fn real_path(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut lexical = PathBuf::new();
    for part in absolute.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                lexical.pop();
            }
            other => lexical.push(other),
        }
    }
    let mut missing = Vec::new();
    let mut head = lexical.as_path();
    loop {
        if let Ok(real) = head.canonicalize() {
            return missing.iter().rev().fold(real, |p, name| p.join(name));
        }
        match (head.parent(), head.file_name()) {
            (Some(parent), Some(name)) => {
                missing.push(name);
                head = parent;
            }
            _ => return lexical,
        }
    }
}

/// Every problem found in a config file.
#[derive(Debug, Clone)]
pub struct ConfigError {
    /// The problems, in file order.
    pub problems: Vec<Problem>,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        write!(f, "{n} problem{} in the configuration:", if n == 1 { "" } else { "s" })?;
        for p in &self.problems {
            write!(f, "\n  {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigError {}

/// Settings given on the command line; each one wins over the file.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--input`
    pub input: Option<PathBuf>,
    /// `--out`
    pub out: Option<PathBuf>,
    /// `--format`
    pub formats: Option<Vec<Format>>,
    /// `--jobs`
    pub jobs: Option<usize>,
    /// `--no-cache`
    pub no_cache: bool,
}

impl Config {
    /// Reads, parses and validates a config file, reporting every problem at once.
    pub fn from_path(path: &Path, overrides: &Overrides) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            problems: vec![Problem {
                file: path.to_path_buf(),
                line: 1,
                column: 1,
                message: format!("cannot read the configuration: {e}"),
            }],
        })?;
        Self::from_str(&text, path, overrides)
    }

    /// Parses and validates config text; `path` names the file in messages and anchors
    /// relative paths.
    pub fn from_str(text: &str, path: &Path, overrides: &Overrides) -> Result<Config, ConfigError> {
        let locate = |span: Option<Range<usize>>, message: String| {
            let (line, column) = line_col(text, span.map_or(0, |s| s.start));
            Problem { file: path.to_path_buf(), line, column, message }
        };
        let (mut table, syntax) = DeTable::parse_recoverable(text);
        let mut problems: Vec<Problem> = syntax
            .into_iter()
            .map(|e| {
                let message = match (e.message(), e.span()) {
                    // The parser's "duplicate key" names neither the key nor what to do.
                    ("duplicate key", Some(span)) => {
                        let key = text.get(span.clone()).unwrap_or("").trim_matches(['[', ']', ' ']);
                        format!("`{key}` is defined twice; a key, or a [table], may appear once")
                    }
                    (message, _) => message.to_string(),
                };
                locate(e.span(), message)
            })
            .collect();
        if !problems.is_empty() {
            return Err(ConfigError { problems });
        }
        table.get_mut().make_owned();
        let raw = deserialize_all(&table, &mut |span, msg| problems.push(locate(span, msg)));
        let span_of = |keys: &[&str]| lookup_span(&table, keys);
        let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let resolve = |p: &Path| if p.is_absolute() { p.to_path_buf() } else { base.join(p) };

        // Semantic checks, each pointing at the value it is about.
        let mut check = |ok: bool, keys: &[&str], msg: String| {
            if !ok {
                problems.push(locate(span_of(keys), format!("`{}`: {msg}", keys.join("."))));
            }
        };
        let unit = |x: f64| (0.0..=1.0).contains(&x);
        check(unit(raw.dedup.article_threshold), &["dedup", "article_threshold"], "must be in 0..=1".into());
        check(
            unit(raw.dedup.paragraph_threshold),
            &["dedup", "paragraph_threshold"],
            "must be in 0..=1".into(),
        );
        check(raw.dedup.shingle_words >= 1, &["dedup", "shingle_words"], "must be at least 1".into());
        check(
            unit(raw.consolidate.claim_similarity),
            &["consolidate", "claim_similarity"],
            "must be in 0..=1".into(),
        );
        check(
            (-1.0..=1.0).contains(&raw.consolidate.meaning_similarity),
            &["consolidate", "meaning_similarity"],
            "must be in -1..=1".into(),
        );
        check(
            unit(raw.consolidate.story_similarity),
            &["consolidate", "story_similarity"],
            "must be in 0..=1".into(),
        );
        check(!raw.title.trim().is_empty(), &["title"], "must not be empty".into());
        check(raw.output.max_rows >= 1, &["output", "max_rows"], "must be at least 1".into());
        check(
            raw.output.max_template_bytes > 0,
            &["output", "max_template_bytes"],
            "must be positive".into(),
        );
        check(raw.input.max_file_bytes > 0, &["input", "max_file_bytes"], "must be positive".into());

        // A folder given as a flag is relative to the current folder, as every flag's path is.
        let input_as_written = overrides.input.clone().unwrap_or(raw.input.dir.clone());
        let input_dir = match &overrides.input {
            Some(dir) => dir.clone(),
            None => resolve(&input_as_written),
        };
        if overrides.input.is_none() {
            check(
                input_dir.is_dir(),
                &["input", "dir"],
                format!("input folder `{}` does not exist", input_dir.display()),
            );
        } else if !input_dir.is_dir() {
            problems.push(Problem::flag(
                "--input",
                format!("input folder `{}` does not exist", input_dir.display()),
            ));
        }
        // The briefing is never written over the articles, nor over a folder that holds them.
        let out_dir = overrides.out.as_deref().map_or_else(|| resolve(&raw.output.dir), Path::to_path_buf);
        if input_dir.is_dir() && real_path(&input_dir).starts_with(real_path(&out_dir)) {
            let why = format!(
                "the output folder `{}` is the input folder or holds it; choose a folder of its own",
                out_dir.display()
            );
            match overrides.out {
                Some(_) => problems.push(Problem::flag("--out", why)),
                None => problems.push(locate(span_of(&["output", "dir"]), format!("`output.dir`: {why}"))),
            }
        }
        let include = build_globs(&raw.input.include, &["input", "include"], &table, &mut |s, m| {
            problems.push(locate(s, m))
        });
        let exclude = build_globs(&raw.input.exclude, &["input", "exclude"], &table, &mut |s, m| {
            problems.push(locate(s, m))
        });
        let mut extra_boilerplate = Vec::new();
        for (i, pattern) in raw.clean.extra_boilerplate.iter().enumerate() {
            match Regex::new(pattern) {
                Ok(re) => extra_boilerplate.push(re),
                Err(e) => problems.push(locate(
                    lookup_span(&table, &["clean", "extra_boilerplate"]),
                    format!("`clean.extra_boilerplate[{i}]`: invalid regex: {e}"),
                )),
            }
        }
        if !problems.is_empty() {
            problems.sort_by_key(|p| (p.line, p.column));
            return Err(ConfigError { problems });
        }

        let mut formats = overrides.formats.clone().unwrap_or(raw.output.formats);
        formats.sort();
        formats.dedup();
        let display = input_as_written.to_string_lossy().trim_end_matches('/').to_string();
        Ok(Config {
            source: path.to_path_buf(),
            title: raw.title,
            input_dir,
            input_display: display,
            include,
            exclude,
            max_file_bytes: raw.input.max_file_bytes,
            follow_symlinks: raw.input.follow_symlinks,
            out_dir: out_dir.clone(),
            formats,
            templates_dir: resolve(&raw.output.templates),
            max_rows: raw.output.max_rows,
            max_template_bytes: raw.output.max_template_bytes,
            clean: raw.clean,
            extra_boilerplate,
            dedup: raw.dedup,
            extract: raw.extract,
            consolidate: raw.consolidate,
            // The cache follows the output folder, unless the file names its own.
            cache_dir: (raw.cache.enabled && !overrides.no_cache).then(|| match &raw.cache.dir {
                Some(dir) => resolve(dir),
                None => out_dir.join(".cache"),
            }),
            jobs: overrides.jobs.unwrap_or(0),
        })
    }
}

/// Deserializes the table, and on each error removes the offending key and tries again, so that
/// every unknown key and every wrong type is reported, not just the first (serde stops at one).
fn deserialize_all<'i>(
    table: &Spanned<DeTable<'i>>,
    report: &mut dyn FnMut(Option<Range<usize>>, String),
) -> RawConfig {
    let mut table = table.clone();
    // Each round removes one key, so the loop ends; the bound is a guard against a serde error
    // whose span matches no key (then we stop and use the defaults for the rest).
    for _ in 0..64 {
        let de = toml::de::Deserializer::from(table.clone());
        match RawConfig::deserialize(de) {
            Ok(raw) => return raw,
            Err(e) => {
                let span = e.span();
                let key = span.as_ref().and_then(|s| key_at(table.get_ref(), s.start, ""));
                report(span.clone(), plain_message(e.message(), key.as_deref()));
                let removed = span.is_some_and(|s| remove_key_at(table.get_mut(), s.start));
                if !removed {
                    break;
                }
            }
        }
    }
    RawConfig::default()
}

/// Removes the innermost key whose key or value covers byte `at`. Returns whether one was found.
fn remove_key_at(table: &mut DeTable<'_>, at: usize) -> bool {
    for (_, value) in table.iter_mut() {
        if let DeValue::Table(inner) = value.get_mut()
            && remove_key_at(inner, at)
        {
            return true;
        }
    }
    let hit = table
        .iter()
        .find(|(k, v)| k.span().contains(&at) || v.span().contains(&at))
        .map(|(k, _)| k.get_ref().to_string());
    hit.is_some_and(|key| table.remove(key.as_str()).is_some())
}

/// The dotted path of the innermost key whose key or value covers byte `at`. A `[section]`'s
/// own span need not cover its keys, so every table is searched.
fn key_at(table: &DeTable<'_>, at: usize, prefix: &str) -> Option<String> {
    for (key, value) in table.iter() {
        let path = format!("{prefix}{}", key.get_ref());
        if let DeValue::Table(inner) = value.get_ref()
            && let Some(found) = key_at(inner, at, &format!("{path}."))
        {
            return Some(found);
        }
        if key.span().contains(&at) || value.span().contains(&at) {
            return Some(path);
        }
    }
    None
}

/// serde's message about `key` in plain words: type names a user knows ("a whole number", not
/// "usize"), and for an unknown key the nearest known one ("did you mean `shingle_words`?").
fn plain_message(message: &str, key: Option<&str>) -> String {
    static UNKNOWN: std::sync::LazyLock<Regex> =
        std::sync::LazyLock::new(|| Regex::new(r"^unknown field `([^`]*)`, (.*)$").expect("a valid pattern"));
    static WRONG: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        Regex::new(r"^invalid (?:type|value): (.*), expected (.*)$").expect("a valid pattern")
    });
    let key = key.unwrap_or("");
    if let Some(m) = UNKNOWN.captures(message) {
        let name = &m[1];
        let known: Vec<&str> = m[2].split('`').skip(1).step_by(2).collect();
        let section = key.rsplit_once('.').map(|(s, _)| format!(" in [{s}]")).unwrap_or_default();
        return match crate::suggest::nearest(name, known.iter().copied()) {
            Some(near) => format!("unknown key `{name}`{section}; did you mean `{near}`?"),
            None if known.is_empty() => format!("unknown key `{name}`{section}"),
            None => format!(
                "unknown key `{name}`{section}; the keys there are {}",
                known.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
            ),
        };
    }
    if let Some(m) = WRONG.captures(message) {
        let expected = match &m[2] {
            "usize" | "u64" | "u32" | "u16" | "u8" => "a whole number, 0 or more",
            "i64" | "i32" | "isize" => "a whole number",
            "f64" | "f32" => "a number",
            "a string" => "text in quotes",
            "a boolean" => "true or false",
            "a sequence" => "a list in brackets, like [\"md\", \"html\"]",
            other if other.starts_with("struct") || other == "a map" => "a table",
            other => other,
        };
        let found = m[1]
            .trim_start_matches("integer ")
            .trim_start_matches("floating point ")
            .trim_start_matches("boolean ")
            .trim_start_matches("string ")
            .trim_matches('`');
        let found = match found {
            "sequence" => "a list",
            "map" => "a table",
            other => other,
        };
        return format!("`{key}`: expected {expected}, found {found}");
    }
    match key {
        "" => message.to_string(),
        key => format!("`{key}`: {message}"),
    }
}

/// The span of the value at a dotted key path, or of the deepest table that exists on the way.
fn lookup_span(table: &Spanned<DeTable<'_>>, keys: &[&str]) -> Option<Range<usize>> {
    let mut current = table.get_ref();
    let mut span = None;
    for key in keys {
        let value = current.get(*key)?;
        span = Some(value.span());
        match value.get_ref() {
            DeValue::Table(t) => current = t,
            _ => break,
        }
    }
    span
}

fn build_globs(
    patterns: &[String],
    keys: &[&str],
    table: &Spanned<DeTable<'_>>,
    report: &mut dyn FnMut(Option<Range<usize>>, String),
) -> GlobSet {
    let mut builder = GlobSetBuilder::new();
    for (i, pattern) in patterns.iter().enumerate() {
        match Glob::new(pattern) {
            Ok(glob) => {
                builder.add(glob);
            }
            Err(e) => report(lookup_span(table, keys), format!("`{}[{i}]`: {e}", keys.join("."))),
        }
    }
    builder.build().unwrap_or_else(|_| GlobSet::empty())
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..text.floor_char_boundary(offset)];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests;
