//! Per-file problems: a file that could not be read, was empty or binary, or was decoded with
//! replacement characters. They are reported and counted, never fatal (ripgrep's habit): the run
//! goes on without the file, and `--strict` turns the exit code to 2.

use std::fmt;

use serde::Serialize;

/// How bad a per-file problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The file was used, with something changed that loses none of its text (controls
    /// removed). Not counted as damage by `--strict`.
    Note,
    /// The file was used, but something about it is worth knowing (lossy decoding, a BOM).
    Warning,
    /// The file was skipped.
    Skipped,
}

/// One problem with one input file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Diagnostic {
    /// The file, as the user would type it.
    pub path: String,
    /// Warning or skipped.
    pub severity: Severity,
    /// What is wrong, as a sentence.
    pub message: String,
}

impl Diagnostic {
    /// The file was skipped.
    pub(crate) fn skipped(path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic { path: path.into(), severity: Severity::Skipped, message: message.into() }
    }

    /// A diagnostic of any severity.
    pub fn new(path: impl Into<String>, severity: Severity, message: impl Into<String>) -> Self {
        Diagnostic { path: path.into(), severity, message: message.into() }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.severity, self.path, self.message)
    }
}

impl From<Severity> for crate::term::Level {
    fn from(s: Severity) -> Self {
        match s {
            Severity::Note => crate::term::Level::Note,
            Severity::Warning => crate::term::Level::Warning,
            Severity::Skipped => crate::term::Level::Skipped,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Skipped => "skipped",
        })
    }
}
