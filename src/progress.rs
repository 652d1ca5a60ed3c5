//! Stage progress on stderr: an indicatif bar per stage on a terminal, one plain line per stage
//! otherwise (`clean: 5 articles, 0.01 s`), nothing with `--quiet`. stdout stays free.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How the run reports progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Bars on a terminal.
    Bars,
    /// One line per stage.
    Lines,
    /// Nothing.
    Quiet,
}

impl Mode {
    /// Bars when stderr is a terminal, lines otherwise; quiet when asked.
    pub fn detect(quiet: bool) -> Mode {
        if quiet {
            Mode::Quiet
        } else if std::io::stderr().is_terminal() && std::env::var_os("TERM").is_none_or(|t| t != "dumb") {
            Mode::Bars
        } else {
            Mode::Lines
        }
    }
}

/// Progress of one stage.
pub struct Progress {
    bar: Option<ProgressBar>,
    mode: Mode,
    name: &'static str,
    started: Instant,
}

impl Progress {
    /// Starts a stage over `len` items.
    pub(crate) fn start(mode: Mode, name: &'static str, len: u64) -> Progress {
        let bar = (mode == Mode::Bars).then(|| {
            // https://no-color.org: any non-empty NO_COLOR turns colour off.
            let colour = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            let bar = if colour { "{wide_bar:.cyan/blue}" } else { "{wide_bar}" };
            let style = ProgressStyle::with_template(&format!(
                "{{prefix:>12}} {bar} {{pos:>6}}/{{len:6}} {{elapsed}}"
            ))
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
            bar.set_style(style.progress_chars("##-"));
            bar.set_prefix(name);
            bar
        });
        Progress { bar, mode, name, started: Instant::now() }
    }

    /// A progress that shows nothing (tests, library use).
    pub fn hidden() -> Progress {
        Progress { bar: None, mode: Mode::Quiet, name: "", started: Instant::now() }
    }

    /// One more item done.
    pub(crate) fn inc(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    /// Ends the stage with a summary such as `5 articles`.
    pub(crate) fn finish(self, summary: &str) -> Duration {
        let elapsed = self.started.elapsed();
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        if self.mode != Mode::Quiet {
            eprintln!("{}: {summary}, {:.2} s", self.name, elapsed.as_secs_f64());
        }
        elapsed
    }
}

/// The process's peak resident set size so far (`VmHWM`), where the platform tells it (Linux).
pub fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}
