//! Every file written under `out/` goes through here: into a temporary file in the same
//! folder, flushed, then renamed over the old one, so a reader (or a failed run) never sees a
//! half-written briefing.

use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use tempfile::NamedTempFile;

/// A file being written: a hidden temporary file beside its target until [`Staged::commit`]
/// moves it into place. Dropped without a commit, it is deleted and the target is untouched.
pub struct Staged {
    path: PathBuf,
    tmp: BufWriter<NamedTempFile>,
}

impl Staged {
    /// Starts writing `path` (its folder is created if needed).
    pub fn new(path: &Path) -> Result<Staged> {
        let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create `{}`", dir.display()))?;
        let mut builder = tempfile::Builder::new();
        builder.prefix(".newsbrief-").suffix(".tmp");
        // tempfile's default is 0600; a briefing is meant to be read by others, like any file
        // the user's tools write.
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
        let tmp = builder
            .tempfile_in(dir)
            .with_context(|| format!("cannot create a temporary file in `{}`", dir.display()))?;
        Ok(Staged { path: path.to_path_buf(), tmp: BufWriter::with_capacity(1 << 16, tmp) })
    }

    /// The file this will become.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Flushes the file to disk and renames it over the target. A target that already holds
    /// the same bytes is left alone (its mtime too), so `make` and `rsync` see no change.
    pub fn commit(self) -> Result<()> {
        let path = self.path;
        let tmp = self
            .tmp
            .into_inner()
            .map_err(|e| e.into_error())
            .with_context(|| format!("cannot write `{}`", path.display()))?;
        tmp.as_file().sync_all().with_context(|| format!("cannot write `{}`", path.display()))?;
        if same_contents(tmp.path(), &path) {
            return Ok(());
        }
        tmp.persist(&path).with_context(|| format!("cannot move the new `{}` into place", path.display()))?;
        Ok(())
    }
}

impl Write for Staged {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.tmp.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.tmp.flush()
    }
}

/// Whether two files hold the same bytes (false when either cannot be read).
fn same_contents(a: &Path, b: &Path) -> bool {
    let (Ok(fa), Ok(fb)) = (std::fs::File::open(a), std::fs::File::open(b)) else { return false };
    match (fa.metadata(), fb.metadata()) {
        (Ok(ma), Ok(mb)) if ma.len() == mb.len() => {}
        _ => return false,
    }
    let (mut ra, mut rb) = (std::io::BufReader::new(fa), std::io::BufReader::new(fb));
    let (mut ba, mut bb) = (vec![0u8; 1 << 16], vec![0u8; 1 << 16]);
    loop {
        let (Ok(na), Ok(nb)) = (read_full(&mut ra, &mut ba), read_full(&mut rb, &mut bb)) else {
            return false;
        };
        if na != nb || ba[..na] != bb[..nb] {
            return false;
        }
        if na == 0 {
            return true;
        }
    }
}

/// Reads until the buffer is full or the file ends.
fn read_full(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// Writes `bytes` to `path` atomically. An unchanged file is left alone (its mtime too).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut staged = Staged::new(path)?;
    staged.write_all(bytes).with_context(|| format!("cannot write `{}`", path.display()))?;
    staged.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<std::ffi::OsString> {
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name()).collect()
    }

    #[test]
    fn writes_and_replaces_leaving_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/briefing.md");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(names(&dir.path().join("sub")).len(), 1);
    }

    #[test]
    fn a_staged_file_dropped_without_commit_leaves_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("briefing.json");
        write_atomic(&path, b"old").unwrap();
        let mut staged = Staged::new(&path).unwrap();
        staged.write_all(b"half").unwrap();
        drop(staged);
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        assert_eq!(names(dir.path()).len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn outputs_are_readable_by_others() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("briefing.md");
        write_atomic(&path, b"x").unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o644);
    }

    #[test]
    fn unchanged_contents_keep_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("briefing.md");
        write_atomic(&path, b"same").unwrap();
        let before = std::fs::metadata(&path).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        write_atomic(&path, b"same").unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().modified().unwrap(), before);
        assert!(!same_contents(&path, &dir.path().join("missing")));
    }
}
