//! The `newsbrief` command line: parses arguments, builds the validated config, calls the
//! library, prints errors with their causes and maps the outcome to an exit code
//! (0 done, 1 fatal, 2 usage error, 3 done with skipped or damaged articles under `--strict`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, CommandFactory, Parser, Subcommand};

use newsbrief::config::{Config, Format, Overrides, RawConfig};
use newsbrief::progress::Mode;
use newsbrief::term::{self, Level};
use newsbrief::{RunSummary, ingest, render, stages};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (see its `mimalloc.h`; `libmimalloc-sys` names the
/// options around it, not this one).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// From consolidation on, freed memory goes back to the system at once instead of after
/// mimalloc's 10 ms: consolidate builds and frees large structures one after another while the
/// whole corpus is in memory, and a 100k corpus peaked there at the 1 GiB target (972 and 974
/// MiB with this in two runs). Earlier stages keep the default: purging at once slowed extract by
/// half.
fn return_freed_memory_at_once() {
    // SAFETY: sets one allocator option to a value mimalloc documents (a delay in ms, 0 for
    // at once); it takes effect at the next purge and may be called at any time.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
}

#[derive(Parser)]
#[command(
    name = "newsbrief",
    version,
    about = "Turns a folder of scraped news articles into one sourced analyst briefing."
)]
#[command(args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// With no subcommand, `newsbrief [FLAGS]` is `newsbrief run [FLAGS]`.
    #[command(flatten)]
    run: RunArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Read the articles and write the briefing (the default).
    Run(RunArgs),
    /// Check pipeline.toml and the templates without running; list every problem.
    Validate {
        /// The configuration file [default: pipeline.toml, or the defaults when there is none].
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Write a commented pipeline.toml (and, with --templates, the default templates) to DIR.
    Init {
        /// The folder to write into (the current one by default).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Also write templates/briefing.md.hbs and templates/briefing.html.hbs to customise.
        #[arg(long)]
        templates: bool,
    },
    /// Print the cleaned text and metadata of articles (or write them to a folder).
    Clean {
        /// Article files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Write each cleaned text to this folder under the same file name instead of printing.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Configuration whose `[clean]` settings apply (defaults when absent).
        #[arg(long, default_value = "pipeline.toml")]
        config: PathBuf,
        /// Exit with 3 when any file was skipped or damaged.
        #[arg(long)]
        strict: bool,
    },
    /// Print a completion script for SHELL to standard output.
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) to standard output.
    Man,
}

#[derive(Args)]
struct RunArgs {
    /// The configuration file [default: pipeline.toml, or the defaults when there is none].
    #[arg(long)]
    config: Option<PathBuf>,
    /// Input folder (overrides `[input] dir`).
    #[arg(long)]
    input: Option<PathBuf>,
    /// Output folder (overrides `[output] dir`).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Formats, comma separated: md,html,pdf,json,corpus (overrides `[output] formats`).
    #[arg(long, value_delimiter = ',')]
    format: Option<Vec<Format>>,
    /// Worker threads (default: one per core).
    #[arg(long)]
    jobs: Option<usize>,
    /// Ignore the per-article cache.
    #[arg(long)]
    no_cache: bool,
    /// No progress output on stderr.
    #[arg(long, short)]
    quiet: bool,
    /// Exit with 3 when any article was skipped or damaged.
    #[arg(long)]
    strict: bool,
    /// Write each stage's wall time, the total and the peak memory to this JSON file.
    #[arg(long, value_name = "FILE")]
    timings: Option<PathBuf>,
}

/// Exit codes (README, "Exit codes"): 0 done; 1 fatal, with `out/` as it was; 2 a usage error
/// (clap's convention, and a file named on the command line that does not exist); 3 done,
/// but some articles were skipped or damaged (`run --strict`, `clean`).
const FATAL: u8 = 1;
const USAGE: u8 = 2;
const PARTIAL: u8 = 3;

/// The configuration file a run reads when none is named.
const DEFAULT_CONFIG: &str = "pipeline.toml";

/// What `init` writes as `pipeline.toml`: every key with its default and a comment.
const INIT_CONFIG: &str = include_str!("init.toml");

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None => run(cli.run),
        Some(Command::Run(args)) => run(args),
        Some(Command::Validate { config }) => validate(config.as_deref()),
        Some(Command::Clean { files, out, config, strict }) => clean(&files, out.as_deref(), &config, strict),
        Some(Command::Init { dir, templates }) => init(&dir, templates),
        Some(Command::Completions { shell }) => {
            // Into a buffer: the generator panics when its writer fails (a closed pipe).
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "newsbrief", &mut script);
            print_out(&script)
        }
        Some(Command::Man) => {
            let mut page = Vec::new();
            match clap_mangen::Man::new(Cli::command()).render(&mut page) {
                Ok(()) => print_out(&page),
                Err(e) => Err(anyhow::Error::new(e).context("cannot write the man page")),
            }
        }
    };
    match result {
        Ok(code) => code,
        // `newsbrief man | head`: the reader has what it wanted (ripgrep's habit).
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            term::eprint(Level::Error, &e.to_string());
            for cause in e.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::from(FATAL)
        }
    }
}

/// Whether `e` comes from writing to a pipe whose reader has gone.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Writes `bytes` to standard output.
fn print_out(bytes: &[u8]) -> Result<ExitCode> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(bytes).and_then(|()| stdout.flush()).context("cannot write to standard output")?;
    Ok(ExitCode::SUCCESS)
}

fn set_threads(jobs: Option<usize>) -> Result<()> {
    if let Some(n) = jobs.filter(|&n| n > 0) {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .context("cannot start the worker threads")?;
    }
    Ok(())
}

fn run(args: RunArgs) -> Result<ExitCode> {
    let overrides = Overrides {
        input: args.input,
        out: args.out,
        formats: args.format,
        jobs: args.jobs,
        no_cache: args.no_cache,
    };
    let started = std::time::Instant::now();
    let config = match &args.config {
        Some(path) => Config::from_path(path, &overrides)?,
        // No file named and none here: the defaults and the flags are the whole configuration.
        None if !Path::new(DEFAULT_CONFIG).exists() => {
            if overrides.input.is_none() && !Path::new(&RawConfig::default().input.dir).is_dir() {
                term::eprint(
                    Level::Error,
                    &format!(
                        "no {DEFAULT_CONFIG} here and no --input: give the articles' folder with \
                         --input DIR, or write a {DEFAULT_CONFIG} with `newsbrief init`"
                    ),
                );
                return Ok(ExitCode::from(USAGE));
            }
            Config::from_str("", Path::new(DEFAULT_CONFIG), &overrides)?
        }
        None => Config::from_path(Path::new(DEFAULT_CONFIG), &overrides)?,
    };
    set_threads(args.jobs)?;
    let summary = newsbrief::run_with(&config, Mode::detect(args.quiet), return_freed_memory_at_once)?;
    if let Some(path) = &args.timings {
        write_timings(path, &summary, started.elapsed().as_secs_f64())?;
    }
    if let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY") {
        append_step_summary(Path::new(&path), &config, &summary);
    }
    if std::env::var_os("GITHUB_ACTIONS").is_some_and(|v| v == "true") {
        annotate(&summary.problems);
    }
    let damaged = summary.skipped + summary.warnings;
    if args.strict && damaged > 0 {
        let files = render::count(damaged as u64, "article file", None);
        eprintln!("{files} skipped or damaged; exiting with {PARTIAL} (--strict).");
        return Ok(ExitCode::from(PARTIAL));
    }
    Ok(ExitCode::SUCCESS)
}

/// The `--timings` report: per stage seconds, the whole run, and the peak resident memory.
fn write_timings(path: &Path, summary: &RunSummary, total_seconds: f64) -> Result<()> {
    let report = serde_json::json!({
        "articles": summary.articles,
        "stages": summary.timings,
        "total_seconds": total_seconds,
        "peak_rss_bytes": newsbrief::progress::peak_rss_bytes(),
    });
    let text = serde_json::to_string_pretty(&report)? + "\n";
    newsbrief::fsutil::write_atomic(path, text.as_bytes())
}

/// The Markdown summary for the GitHub Actions job page: the counts, then the key judgments,
/// the changes since the last run and the disagreements ([`RunSummary::step_summary`]).
/// Failing to write it is not worth failing the run.
fn append_step_summary(path: &Path, config: &Config, s: &RunSummary) {
    let written = s.written.iter().map(|p| format!("`{}`", p.display())).collect::<Vec<_>>().join(", ");
    let text = format!(
        "### newsbrief: {}\n\n| articles | duplicates | claims | skipped | warnings |\n|---|---|---|---|---|\n| {} | {} | {} | {} | {} |\n\n{}\nWritten: {written}\n\n",
        render::templates::escape_markdown(&config.title),
        s.articles,
        s.duplicates,
        s.claims,
        s.skipped,
        s.warnings,
        s.step_summary,
    );
    let file = std::fs::OpenOptions::new().create(true).append(true).open(path);
    if let Err(e) = file.and_then(|mut f| f.write_all(text.as_bytes())) {
        term::eprint(
            Level::Warning,
            &format!("cannot append to GITHUB_STEP_SUMMARY `{}`: {e}", path.display()),
        );
    }
}

/// Each skipped or damaged file as a GitHub Actions annotation (`::warning file=…::…`), which
/// the job page lists and links to the file.
fn annotate(problems: &[newsbrief::diagnostics::Diagnostic]) {
    let mut stdout = std::io::stdout().lock();
    for d in problems {
        let line = format!(
            "::warning file={},title=newsbrief {}::{}\n",
            workflow_escape(&d.path, true),
            d.severity,
            workflow_escape(&d.message, false)
        );
        // A closed standard output loses the annotations, not the briefing.
        if stdout.write_all(line.as_bytes()).is_err() {
            return;
        }
    }
}

/// Escapes text for a workflow command: `%`, CR and LF always, and in a property also `:`
/// and `,`, which would end it (GitHub's `toolkit/packages/core/src/command.ts`).
fn workflow_escape(text: &str, property: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' if property => out.push_str("%3A"),
            ',' if property => out.push_str("%2C"),
            c => out.push(c),
        }
    }
    out
}

/// `newsbrief init`: writes `dir/pipeline.toml` and, with `templates`, the default templates,
/// never over a file that exists.
fn init(dir: &Path, templates: bool) -> Result<ExitCode> {
    let mut files = vec![(dir.join(DEFAULT_CONFIG), INIT_CONFIG)];
    if templates {
        files.extend(
            newsbrief::render::templates::defaults()
                .map(|(name, text)| (dir.join("templates").join(name), text)),
        );
    }
    if let Some((path, _)) = files.iter().find(|(path, _)| path.exists()) {
        anyhow::bail!("{} exists already: nothing was written", path.display());
    }
    for (path, text) in &files {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
        }
        newsbrief::fsutil::write_atomic(path, text.as_bytes())?;
        eprintln!("wrote {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// `newsbrief validate`: the configuration, then the templates it names, rendered against the
/// built-in sample briefings. A configuration named with `--config` must exist (its templates
/// are not guessed); with none named and no `pipeline.toml`, the defaults are checked, as `run`
/// would use them.
fn validate(named: Option<&Path>) -> Result<ExitCode> {
    let path = named.unwrap_or(Path::new(DEFAULT_CONFIG));
    let mut problems = Vec::new();
    let parsed = match named {
        None if !path.exists() => Config::from_str("", path, &Overrides::default()),
        _ => Config::from_path(path, &Overrides::default()),
    };
    match parsed {
        Ok(cfg) => problems.extend(render::templates::check(&cfg.templates_dir)),
        Err(e) => {
            let unreadable = !path.is_file();
            problems.extend(e.problems);
            // The templates' folder is the config's to name; without the config there is
            // nothing sure to check.
            if !unreadable {
                let dir = path.parent().unwrap_or(Path::new(".")).join("templates");
                problems.extend(render::templates::check(&dir));
            }
        }
    }
    if problems.is_empty() {
        eprintln!("{}: ok", path.display());
        return Ok(ExitCode::SUCCESS);
    }
    for p in &problems {
        term::eprint(Level::Error, &p.to_string());
    }
    eprintln!("{} found.", render::count(problems.len() as u64, "problem", None));
    Ok(ExitCode::from(FATAL))
}

fn clean(files: &[PathBuf], out: Option<&Path>, config_path: &Path, strict: bool) -> Result<ExitCode> {
    // Only `[clean]` matters: the input folder (./seeds by default) need not exist.
    let here = Overrides { input: Some(PathBuf::from(".")), ..Overrides::default() };
    let config = if config_path.exists() {
        Config::from_path(config_path, &here)?
    } else {
        Config::from_str("", Path::new(DEFAULT_CONFIG), &here)?
    };
    // Each article with the file it came from: a file that cannot be read is left out of both.
    let mut articles = Vec::new();
    let mut paths = Vec::new();
    let mut failed = 0;
    let mut missing = 0;
    for path in files {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                term::eprint(Level::Skipped, &format!("{}: no such file", path.display()));
                missing += 1;
                continue;
            }
            Err(e) => {
                term::eprint(Level::Skipped, &format!("{}: cannot be read: {e}", path.display()));
                failed += 1;
                continue;
            }
        };
        let name = path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        match ingest::read_bytes(&name, bytes, config.max_file_bytes) {
            Ok((text, html, notices)) => {
                for (severity, message) in notices {
                    term::eprint(severity.into(), &format!("{}: {message}", path.display()));
                }
                let mut article = newsbrief::model::Article::new(
                    ingest::article_id(&name),
                    path.display().to_string(),
                    text,
                );
                article.html = html;
                articles.push(article);
                paths.push(path);
            }
            Err(why) => {
                term::eprint(Level::Skipped, &format!("{}: {why}", path.display()));
                failed += 1;
            }
        }
    }
    let stages::clean::Boilerplate { corpus_lines: repeated, sites, site_lines } =
        stages::clean::corpus_and_site_boilerplate(&articles, config.clean.corpus_repeat_min);
    let rules = stages::clean::Rules {
        extra: &config.extra_boilerplate,
        corpus_lines: &repeated,
        site_lines: None,
        enabled: config.clean.enabled,
        thresholds: stages::clean::Thresholds::default(),
    };
    let mut stdout = std::io::stdout().lock();
    for ((article, path), site) in articles.into_iter().zip(paths).zip(sites) {
        let own = site.as_ref().and_then(|s| site_lines.get(s));
        let rules = stages::clean::Rules { site_lines: own, ..rules };
        let a = match stages::clean::clean_article(article, &rules) {
            Ok(a) => a,
            Err(why) => {
                term::eprint(Level::Skipped, &format!("{}: {why}", path.display()));
                failed += 1;
                continue;
            }
        };
        let body = a.paragraphs.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n\n");
        match out {
            Some(dir) => {
                // A page's text under its own name; an HTML page's as `<id>.txt`.
                let name = if a.html {
                    format!("{}.txt", a.id).into()
                } else {
                    path.file_name().context("a file name")?.to_owned()
                };
                newsbrief::fsutil::write_atomic(&dir.join(name), format!("{body}\n").as_bytes())?;
            }
            None => {
                let m = &a.meta;
                let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
                writeln!(stdout, "== {}", a.path)?;
                writeln!(stdout, "title: {}", show(&m.title))?;
                writeln!(stdout, "date: {}", m.date.map_or_else(|| "-".into(), |d| d.to_string()))?;
                writeln!(stdout, "author: {}", show(&m.author))?;
                writeln!(stdout, "publisher: {}\n", show(&m.publisher))?;
                writeln!(stdout, "{body}\n")?;
            }
        }
    }
    Ok(match (missing, failed) {
        (0, 0) => ExitCode::SUCCESS,
        (0, _) if strict => ExitCode::from(PARTIAL),
        (0, _) => ExitCode::SUCCESS,
        _ => ExitCode::from(USAGE),
    })
}
