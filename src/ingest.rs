//! Ingest: the input folder → `Vec<Article>` plus a diagnostic for every file that could not be
//! used. A sorted walk, so the article order never depends on the file system.
//!
//! A bad file never stops the run: it is skipped (empty, binary, too large, unreadable, a loop)
//! or decoded with a warning (invalid UTF-8), and the diagnostic names it.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::config::{Config, real_path};
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::{Article, Corpus};

/// Reads every article under the input folder.
pub(crate) fn ingest(config: &Config) -> Corpus {
    let (files, mut diagnostics) = walk(config);
    let read: Vec<Result<(Article, Vec<Diagnostic>), Diagnostic>> =
        files.par_iter().map(|(rel, path)| read_article(config, rel, path)).collect();
    let mut articles = Vec::with_capacity(read.len());
    let mut rels = Vec::with_capacity(read.len());
    for (result, (rel, _)) in read.into_iter().zip(&files) {
        match result {
            Ok((article, notes)) => {
                articles.push(article);
                rels.push(rel.as_str());
                diagnostics.extend(notes);
            }
            Err(diagnostic) => diagnostics.push(diagnostic),
        }
    }
    assign_unique_ids(&mut articles, &rels);
    articles.sort_by(|a, b| a.id.cmp(&b.id));
    diagnostics.sort();
    Corpus { articles, duplicates: Vec::new(), diagnostics }
}

/// The article files under the input folder, sorted, with a diagnostic for every entry that
/// is left out although `input.include` takes it. Only regular files are read: not devices,
/// FIFOs (which would block the run) or sockets; not what a symbolic link points to outside
/// the input folder, unless `input.follow_symlinks`; never the output or cache folder.
fn walk(config: &Config) -> (Vec<(String, PathBuf)>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut files = Vec::new();
    let root = real_path(&config.input_dir);
    let ours: Vec<PathBuf> =
        std::iter::once(&config.out_dir).chain(&config.cache_dir).map(|d| real_path(d)).collect();
    let mut walker = WalkDir::new(&config.input_dir).follow_links(true).sort_by_file_name().into_iter();
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e.path().map_or_else(|| config.input_display.clone(), |p| display(config, p));
                let why = if e.loop_ancestor().is_some() {
                    "symbolic link loop; skipped".to_string()
                } else {
                    format!("cannot be read: {}", io_reason(&e.to_string()))
                };
                diagnostics.push(Diagnostic::skipped(path, why));
                continue;
            }
        };
        let Ok(rel) = entry.path().strip_prefix(&config.input_dir) else { continue };
        if rel.as_os_str().is_empty() {
            continue;
        }
        let is_dir = entry.file_type().is_dir();
        let real = (is_dir || entry.path_is_symlink()).then(|| real_path(entry.path()));
        if is_dir && ours.iter().any(|d| Some(d) == real.as_ref()) {
            walker.skip_current_dir();
            continue;
        }
        let rel_str = rel.to_string_lossy().replace('\\', "/");
        let wanted = config.include.is_match(&rel_str) && !config.exclude.is_match(&rel_str);
        if entry.path_is_symlink()
            && !config.follow_symlinks
            && !real.as_ref().is_some_and(|r| r.starts_with(&root))
        {
            if wanted || is_dir {
                let target = real.as_ref().map_or_else(String::new, |r| format!(" `{}`", r.display()));
                diagnostics.push(Diagnostic::skipped(
                    display(config, entry.path()),
                    format!(
                        "is a symbolic link to{target}, outside the input folder; skipped \
                         (`input.follow_symlinks = true` reads it)"
                    ),
                ));
            }
            if is_dir {
                walker.skip_current_dir();
            }
            continue;
        }
        if !wanted {
            continue;
        }
        if is_dir {
            diagnostics.push(Diagnostic::skipped(
                display(config, entry.path()),
                "is a folder whose name matches `input.include`; skipped",
            ));
            continue;
        }
        if !entry.file_type().is_file() {
            diagnostics.push(Diagnostic::skipped(
                display(config, entry.path()),
                format!("is {}, not a regular file; skipped", kind_of(entry.file_type())),
            ));
            continue;
        }
        files.push((rel_str, entry.into_path()));
    }
    (files, diagnostics)
}

/// What a file that is neither a regular file nor a folder is, for a message.
fn kind_of(file_type: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if file_type.is_socket() {
            return "a socket";
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return "a device";
        }
    }
    let _ = file_type;
    "a special file"
}

fn display(config: &Config, path: &Path) -> String {
    match path.strip_prefix(&config.input_dir) {
        Ok(rel) if !config.input_display.is_empty() && config.input_display != "." => {
            format!("{}/{}", config.input_display, rel.to_string_lossy().replace('\\', "/"))
        }
        Ok(rel) => rel.to_string_lossy().replace('\\', "/"),
        Err(_) => path.display().to_string(),
    }
}

/// The OS error without the path that walkdir repeats.
fn io_reason(message: &str) -> String {
    message.rsplit(": ").next().unwrap_or(message).to_string()
}

fn read_article(config: &Config, rel: &str, path: &Path) -> Result<(Article, Vec<Diagnostic>), Diagnostic> {
    let shown = display(config, path);
    let cannot_read = |e: std::io::Error| Diagnostic::skipped(&shown, format!("cannot be read: {e}"));
    let file = std::fs::File::open(path).map_err(cannot_read)?;
    let metadata = file.metadata().map_err(cannot_read)?;
    if !metadata.is_file() {
        return Err(Diagnostic::skipped(
            &shown,
            format!("is {}, not a regular file; skipped", kind_of(metadata.file_type())),
        ));
    }
    let size = metadata.len();
    if size > config.max_file_bytes {
        return Err(Diagnostic::skipped(
            &shown,
            format!(
                "is {:.1} MB, over the {:.1} MB limit (`input.max_file_bytes`); skipped",
                size as f64 / 1e6,
                config.max_file_bytes as f64 / 1e6
            ),
        ));
    }
    // Read no more than the limit allows, whatever the file grows to meanwhile.
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(config.max_file_bytes).read_to_end(&mut bytes).map_err(cannot_read)?;
    let (text, notices) = decode(&bytes).map_err(|why| Diagnostic::skipped(&shown, why))?;
    let stem = Path::new(rel).file_stem().map_or_else(|| rel.to_string(), |s| s.to_string_lossy().into());
    let article = Article::new(stem, shown.clone(), text);
    let diagnostics =
        notices.into_iter().map(|(severity, message)| Diagnostic::new(&shown, severity, message));
    Ok((article, diagnostics.collect()))
}

/// What decoding found worth telling about a file that is still used.
pub type Notice = (Severity, String);

/// Decodes file bytes to text: strips a UTF-8 BOM, normalises CRLF and CR to LF, decodes
/// invalid UTF-8 lossily with a warning, and removes the characters of [`is_hidden_control`]
/// with a note. Empty and binary files are refused.
pub fn decode(bytes: &[u8]) -> Result<(String, Vec<Notice>), String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("is empty; skipped".into());
    }
    if looks_binary(bytes) {
        return Err("looks like a binary file, not text; skipped".into());
    }
    let mut notices = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(e) => {
            notices.push((
                Severity::Warning,
                format!(
                    "is not valid UTF-8 (first bad byte at offset {}); decoded with replacement characters",
                    e.valid_up_to()
                ),
            ));
            String::from_utf8_lossy(bytes).into_owned()
        }
    };
    let mut text = if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text };
    let hidden = text.chars().filter(|&c| is_hidden_control(c)).count();
    if hidden > 0 {
        text.retain(|c| !is_hidden_control(c));
        let s = if hidden == 1 { "" } else { "s" };
        notices.push((
            Severity::Note,
            format!("{hidden} control or text-direction character{s} removed (terminal escapes, direction overrides)"),
        ));
    }
    Ok((text, notices))
}

/// Characters no article needs and a reader can be fooled by: the bidirectional embeddings,
/// overrides, isolates and marks, which reorder what is shown (U+202E turns the rest of a line,
/// citation numbers included, around), and C0 and C1 controls other than tab and newline,
/// which a terminal obeys (`ESC ]0;…BEL` sets its title).
pub fn is_hidden_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
        || (c.is_control() && c != '\t' && c != '\n')
}

/// NUL bytes, or many control characters, in the first 8 KiB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
    control * 10 > head.len()
}

/// File stems can clash across subfolders: those get their path relative to the input folder
/// (without the extension, `/` as `_`) as their id instead.
fn assign_unique_ids(articles: &mut [Article], rels: &[&str]) {
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for a in articles.iter() {
        *count.entry(a.id.clone()).or_default() += 1;
    }
    for (a, rel) in articles.iter_mut().zip(rels) {
        if count[&a.id] > 1 {
            let rel = rel.rsplit_once('.').map_or(*rel, |(r, _)| r);
            a.id = rel.replace('/', "_");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_handles_bom_crlf_and_bad_bytes() {
        let cases: &[(&[u8], Result<&str, ()>, bool)] = &[
            (b"\xEF\xBB\xBFHello\r\nWorld\r", Ok("Hello\nWorld\n"), false),
            (b"caf\xE9 au lait", Ok("caf\u{FFFD} au lait"), true),
            (b"", Err(()), false),
            (b" \n\t\n", Err(()), false),
            (b"PK\x03\x04\x00\x00binary", Err(()), false),
        ];
        for (input, expected, warns) in cases {
            let got = decode(input);
            match expected {
                Ok(text) => {
                    let (decoded, notices) = got.unwrap();
                    assert_eq!(&decoded, text);
                    assert_eq!(!notices.is_empty(), *warns, "{decoded:?}");
                }
                Err(()) => assert!(got.is_err(), "{input:?} should be refused"),
            }
        }
    }

    #[test]
    fn direction_overrides_and_terminal_controls_are_removed_and_counted() {
        let input = "Ann Lee\u{202E}dias ,\u{202C} said [1].\n\x1b]0;pwned\x07Tab\there, caf\u{e9}, \u{5d0}\u{200F}.\u{85}\n";
        let (text, notices) = decode(input.as_bytes()).unwrap();
        assert_eq!(text, "Ann Leedias , said [1].\n]0;pwnedTab\there, caf\u{e9}, \u{5d0}.\n");
        assert_eq!(
            notices,
            [(
                Severity::Note,
                "6 control or text-direction characters removed (terminal escapes, direction overrides)"
                    .to_string()
            )]
        );
        let (plain, notices) = decode("Nothing to remove here.\n".as_bytes()).unwrap();
        assert_eq!(plain, "Nothing to remove here.\n");
        assert!(notices.is_empty());
    }

    #[test]
    fn clashing_stems_get_path_ids() {
        let mut articles = vec![
            Article::new("a".into(), "../in/x/a.txt".into(), "t".into()),
            Article::new("a".into(), "../in/y/a.txt".into(), "t".into()),
            Article::new("b".into(), "../in/b.txt".into(), "t".into()),
        ];
        assign_unique_ids(&mut articles, &["x/a.txt", "y/a.txt", "b.txt"]);
        let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["x_a", "y_a", "b"]);
    }
}
