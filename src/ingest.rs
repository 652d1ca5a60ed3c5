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
    let (text, html, notices) =
        read_bytes(rel, bytes, config.max_file_bytes).map_err(|why| Diagnostic::skipped(&shown, why))?;
    let mut article = Article::new(article_id(rel), shown.clone(), text);
    article.html = html;
    let diagnostics =
        notices.into_iter().map(|(severity, message)| Diagnostic::new(&shown, severity, message));
    Ok((article, diagnostics.collect()))
}

/// A file's text from its bytes, by its name: unpacked if it ends in `.gz` (to at most
/// `limit` bytes), decoded by the character set it declares if it is an HTML page, then as
/// [`decode`] does. Also whether it is an HTML page, and what decoding found worth telling.
pub fn read_bytes(name: &str, mut bytes: Vec<u8>, limit: u64) -> Result<(String, bool, Vec<Notice>), String> {
    if has_extension(name, ".gz") {
        bytes = gunzip(&bytes, limit)?;
    }
    let html = is_html(name);
    let mut notices = Vec::new();
    if html {
        bytes = html_to_utf8(bytes, &mut notices);
    }
    let (text, more) = decode(&bytes)?;
    notices.extend(more);
    Ok((text, html, notices))
}

/// An article's id from its file name: the name without its extensions (`page.html.gz` is
/// `page`).
pub fn article_id(name: &str) -> String {
    let path = Path::new(name);
    let stem = if has_extension(name, ".gz") {
        path.file_stem().map(Path::new).and_then(Path::file_stem)
    } else {
        path.file_stem()
    };
    stem.map_or_else(|| name.to_string(), |s| s.to_string_lossy().into())
}

/// Whether a file name ends in `suffix`, in any case.
fn has_extension(name: &str, suffix: &str) -> bool {
    name.len() >= suffix.len()
        && name.is_char_boundary(name.len() - suffix.len())
        && name[name.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// Whether a file is an HTML page by its name: `.html`, `.htm`, either gzipped.
pub(crate) fn is_html(name: &str) -> bool {
    let name = if has_extension(name, ".gz") { &name[..name.len() - 3] } else { name };
    has_extension(name, ".html") || has_extension(name, ".htm")
}

/// A gzipped file's content, no more than `limit` bytes of it (a small file can unpack to
/// gigabytes).
fn gunzip(bytes: &[u8], limit: u64) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("is not a readable gzip file ({e}); skipped"))?;
    if out.len() as u64 > limit {
        return Err(format!(
            "unpacks to over the {:.1} MB limit (`input.max_file_bytes`); skipped",
            limit as f64 / 1e6
        ));
    }
    Ok(out)
}

/// An HTML page's bytes in UTF-8: a page that is not valid UTF-8 is decoded with the
/// character set its byte-order mark or `<meta charset>` declares (the HTML standard's
/// prescan, over the first 1,024 bytes), else as Windows-1252, the web's default; a page that
/// is valid UTF-8 is taken as it is, whatever it declares.
fn html_to_utf8(bytes: Vec<u8>, notices: &mut Vec<Notice>) -> Vec<u8> {
    if std::str::from_utf8(&bytes).is_ok() {
        return bytes;
    }
    let declared = encoding_rs::Encoding::for_bom(&bytes)
        .map(|(encoding, _)| encoding)
        .or_else(|| declared_charset(&bytes[..bytes.len().min(1024)]));
    let encoding = declared.unwrap_or(encoding_rs::WINDOWS_1252);
    if encoding == encoding_rs::UTF_8 {
        // Declared UTF-8 but not: `decode` replaces the bad bytes and warns.
        return bytes;
    }
    let (text, _, malformed) = encoding.decode(&bytes);
    let how =
        if declared.is_some() { "as the page declares" } else { "the web's default: the page declares none" };
    notices.push((Severity::Note, format!("is not UTF-8; read as {} ({how})", encoding.name())));
    if malformed {
        notices.push((
            Severity::Warning,
            format!("has bytes that are not {}; decoded with replacement characters", encoding.name()),
        ));
    }
    text.into_owned().into_bytes()
}

/// The character set a page's head declares: `<meta charset="…">` or `<meta
/// http-equiv="Content-Type" content="text/html; charset=…">`.
fn declared_charset(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let lower = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = lower.find("charset=")? + "charset=".len();
    let label: String = lower[at..]
        .trim_start_matches(['"', '\'', ' '])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    encoding_rs::Encoding::for_label(label.as_bytes())
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
            let rel = if has_extension(rel, ".gz") { &rel[..rel.len() - 3] } else { rel };
            let rel = rel.rsplit_once('.').map_or(rel, |(r, _)| r);
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
    fn gzipped_and_html_pages_are_unpacked_and_decoded_by_their_declared_charset() {
        use std::io::Write;
        let gzip = |bytes: &[u8]| {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            gz.write_all(bytes).unwrap();
            gz.finish().unwrap()
        };
        let page = b"<html><body><p>Plain page.</p></body></html>";
        let (text, html, notices) = read_bytes("a/page.HTML.gz", gzip(page), 1 << 20).unwrap();
        assert_eq!((text.as_str(), html, notices.len()), (std::str::from_utf8(page).unwrap(), true, 0));
        // A small file that unpacks past the limit, and one that is not gzip at all.
        let bomb = gzip(&vec![b' '; 100_000]);
        assert!(read_bytes("x.html.gz", bomb, 10_000).unwrap_err().contains("unpacks to over"));
        assert!(read_bytes("x.html.gz", b"<html>".to_vec(), 10_000).unwrap_err().contains("gzip"));
        // Windows-1252 that the page declares, and Latin bytes that it does not.
        let declared =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><p>Caf\xe9</p>";
        let (text, _, notices) = read_bytes("cafe.htm", declared.to_vec(), 1 << 20).unwrap();
        assert!(text.contains("Café"), "{text}");
        assert!(notices[0].1.contains("windows-1252 (as the page declares)"), "{notices:?}");
        let (text, _, notices) = read_bytes("cafe.html", b"<p>Caf\xe9</p>".to_vec(), 1 << 20).unwrap();
        assert!(text.contains("Café") && notices[0].1.contains("declares none"), "{text} {notices:?}");
        // A text dump keeps the old rule: bad bytes replaced, with a warning.
        let (text, html, notices) = read_bytes("cafe.txt", b"Caf\xe9".to_vec(), 1 << 20).unwrap();
        assert!(!html && text.contains('\u{FFFD}') && notices[0].0 == Severity::Warning);
    }

    #[test]
    fn an_articles_id_is_its_name_without_extensions() {
        assert_eq!(article_id("x/page.html.gz"), "page");
        assert_eq!(article_id("page.htm"), "page");
        assert_eq!(article_id("nyt_2016-10-28.txt"), "nyt_2016-10-28");
        assert!(is_html("a/B.HTM") && is_html("p.html.gz") && !is_html("p.txt.gz") && !is_html("html"));
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
