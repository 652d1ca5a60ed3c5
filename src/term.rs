//! Messages on stderr, one style everywhere: `error:`, `warning:`, `skipped:` or `note:`, then
//! the message. The label is coloured when stderr is a terminal and `NO_COLOR` is unset
//! (cargo's and ripgrep's habit); logs and CI get plain text.

use std::io::IsTerminal;

use anstyle::{AnsiColor, Style};

/// How bad a message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// The run or the command failed.
    Error,
    /// Something worth knowing; the run goes on.
    Warning,
    /// A file was left out.
    Skipped,
    /// For information.
    Note,
}

impl Level {
    fn label(self) -> (&'static str, Style) {
        let bold = Style::new().bold();
        match self {
            Level::Error => ("error", bold.fg_color(Some(AnsiColor::Red.into()))),
            Level::Warning => ("warning", bold.fg_color(Some(AnsiColor::Yellow.into()))),
            Level::Skipped => ("skipped", bold.fg_color(Some(AnsiColor::Yellow.into()))),
            Level::Note => ("note", bold.fg_color(Some(AnsiColor::Cyan.into()))),
        }
    }
}

/// Whether stderr shows colour: a terminal, and no `NO_COLOR` (https://no-color.org).
pub(crate) fn colour() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// `level: message`, the label coloured when `colour`.
pub(crate) fn line(level: Level, message: &str, colour: bool) -> String {
    let (label, style) = level.label();
    if colour { format!("{style}{label}:{style:#} {message}") } else { format!("{label}: {message}") }
}

/// Prints `level: message` on stderr.
pub fn eprint(level: Level, message: &str) {
    eprintln!("{}", line(level, message, colour()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_label_is_plain_or_coloured() {
        assert_eq!(line(Level::Error, "x", false), "error: x");
        let coloured = line(Level::Error, "x", true);
        assert!(coloured.starts_with("\u{1b}[") && coloured.contains("error:") && coloured.ends_with(" x"));
    }
}
