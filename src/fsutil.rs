//! Every file written under `out/` goes through here: into a temporary file in the same
//! folder, flushed, then renamed over the old one, so a reader (or a failed run) never sees a
//! half-written file.
//!
//! The briefing's files and the state file change together: [`OutputSet::commit`] writes them
//! all as temporaries, then a small journal naming the moves, then moves them, then removes the
//! journal. A run killed before the journal is on disk leaves the old set (and temporaries that
//! the next run's [`recover`] deletes); killed after, the next run's [`recover`] finishes the
//! moves. Exactly how SQLite's rollback journal and git's ref locks make several renames one.
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use tempfile::NamedTempFile;

/// Hidden temporaries are `.newsbrief-*.tmp`; any left in `out/` when a run starts is from a
/// run that was killed, and is deleted.
const TEMP_PREFIX: &str = ".newsbrief-";
const TEMP_SUFFIX: &str = ".tmp";

/// The journal of a set being moved into place, in the output folder.
pub const JOURNAL: &str = ".newsbrief-journal";

/// The lock that keeps two runs from writing one output folder at once.
pub const LOCK: &str = ".newsbrief-lock";

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
        builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
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
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// Flushes the file to disk and renames it over the target. A target that already holds
    /// the same bytes is left alone (its mtime too), so `make` and `rsync` see no change.
    pub(crate) fn commit(self) -> Result<()> {
        if let Some(ready) = self.finish()? {
            if let Err(e) = ready.apply() {
                let _ = std::fs::remove_file(&ready.tmp);
                return Err(e);
            }
            sync_dir(&ready.target);
        }
        Ok(())
    }

    /// Flushes the file to disk and keeps it under its temporary name: `None` when the target
    /// holds these bytes already (the temporary is then deleted).
    fn finish(self) -> Result<Option<Move>> {
        let path = self.path;
        let tmp = self
            .tmp
            .into_inner()
            .map_err(|e| e.into_error())
            .with_context(|| format!("cannot write `{}`", path.display()))?;
        tmp.as_file().sync_all().with_context(|| format!("cannot write `{}`", path.display()))?;
        if same_contents(tmp.path(), &path) {
            return Ok(None);
        }
        let tmp = tmp.into_temp_path().keep().with_context(|| format!("cannot keep `{}`", path.display()))?;
        Ok(Some(Move { tmp, target: path }))
    }
}

/// A finished temporary and the file it is to replace.
struct Move {
    tmp: PathBuf,
    target: PathBuf,
}

impl Move {
    fn apply(&self) -> Result<()> {
        std::fs::rename(&self.tmp, &self.target)
            .with_context(|| format!("cannot move the new `{}` into place", self.target.display()))
    }
}

/// Files of one folder that change together (the briefing's formats and the state file).
pub struct OutputSet {
    dir: PathBuf,
    files: Vec<Staged>,
}

impl OutputSet {
    /// An empty set of files in `dir`.
    pub fn new(dir: &Path) -> OutputSet {
        OutputSet { dir: dir.to_path_buf(), files: Vec::new() }
    }

    /// Adds a file; it must be in the set's folder.
    pub(crate) fn push(&mut self, file: Staged) {
        debug_assert_eq!(file.path.parent(), Some(self.dir.as_path()), "{}", file.path.display());
        self.files.push(file);
    }

    /// The files of the set, in the order they were added.
    pub(crate) fn paths(&self) -> Vec<PathBuf> {
        self.files.iter().map(|f| f.path.clone()).collect()
    }

    /// Moves every file into place, all or none: see the module's comment. On an error before
    /// the journal is written, no file has changed and the temporaries are gone.
    pub(crate) fn commit(self) -> Result<()> {
        self.prepare()?.apply()
    }

    /// Writes every file under its temporary name and then the journal. Until the journal is
    /// on disk, an error leaves no trace; after it, the set is as good as moved: a run killed
    /// now has [`recover`] finish the moves.
    fn prepare(self) -> Result<Prepared> {
        let mut moves = Vec::new();
        let mut finished = Ok(());
        for file in self.files {
            match file.finish() {
                Ok(ready) => moves.extend(ready),
                Err(e) => {
                    finished = Err(e);
                    break;
                }
            }
        }
        let journal = self.dir.join(JOURNAL);
        let logged = finished.and_then(|()| {
            if moves.is_empty() {
                return Ok(());
            }
            let names: Vec<(String, String)> =
                moves.iter().map(|m| (file_name(&m.tmp), file_name(&m.target))).collect();
            let text = serde_json::to_vec(&names).context("cannot write the journal")?;
            write_atomic(&journal, &text)
        });
        if let Err(e) = logged {
            for m in &moves {
                let _ = std::fs::remove_file(&m.tmp);
            }
            return Err(e);
        }
        Ok(Prepared { journal, moves })
    }
}

/// A set whose files and journal are on disk, ready to move into place.
struct Prepared {
    journal: PathBuf,
    moves: Vec<Move>,
}

impl Prepared {
    fn apply(self) -> Result<()> {
        if self.moves.is_empty() {
            return Ok(());
        }
        simulated_kill::after_moves(0);
        for (i, m) in self.moves.iter().enumerate() {
            m.apply().context("the next run finishes moving the new files into place")?;
            simulated_kill::after_moves(i + 1);
        }
        sync_dir(&self.journal);
        std::fs::remove_file(&self.journal)
            .with_context(|| format!("cannot remove `{}`", self.journal.display()))?;
        sync_dir(&self.journal);
        Ok(())
    }
}

/// What [`recover`] found in an output folder.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Recovered {
    /// Files a killed run had journalled and this one moved into place.
    pub finished: usize,
    /// Temporaries of killed runs, deleted.
    pub removed: usize,
}

/// Brings `dir` back to one whole set: finishes the moves of a journal a killed run left, then
/// deletes the temporaries of killed runs. Call with the folder's [`lock`] held.
pub(crate) fn recover(dir: &Path) -> Result<Recovered> {
    let mut recovered = Recovered::default();
    let journal = dir.join(JOURNAL);
    match std::fs::read(&journal) {
        Ok(bytes) => {
            // The journal is itself written whole or not at all; one that does not parse is
            // not ours, and moving nothing is the safe reading of it.
            let moves: Vec<(String, String)> = serde_json::from_slice(&bytes).unwrap_or_default();
            for (tmp, target) in moves {
                if !is_temp_name(&tmp) || !plain_name(&tmp) || !plain_name(&target) {
                    continue;
                }
                let m = Move { tmp: dir.join(tmp), target: dir.join(target) };
                if m.tmp.is_file() {
                    m.apply()?;
                    recovered.finished += 1;
                }
            }
            sync_dir(&journal);
            std::fs::remove_file(&journal)
                .with_context(|| format!("cannot remove `{}`", journal.display()))?;
            sync_dir(&journal);
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e).with_context(|| format!("cannot read `{}`", journal.display())),
    }
    let Ok(entries) = std::fs::read_dir(dir) else { return Ok(recovered) };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_temp_name(&name) && entry.file_type().is_ok_and(|t| t.is_file()) {
            std::fs::remove_file(entry.path())
                .with_context(|| format!("cannot remove `{}`", entry.path().display()))?;
            recovered.removed += 1;
        }
    }
    Ok(recovered)
}

fn is_temp_name(name: &str) -> bool {
    name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)
}

/// A name of a file in the folder itself.
fn plain_name(name: &str) -> bool {
    !matches!(name, "" | "." | "..") && !name.contains(['/', '\\'])
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}

/// Takes the output folder's lock (creating the folder), waiting for another run that holds
/// it, as cargo waits for its build folder. Held until the returned file is dropped.
pub(crate) fn lock(dir: &Path) -> Result<std::fs::File> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create `{}`", dir.display()))?;
    let path = dir.join(LOCK);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("cannot open the lock `{}`", path.display()))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            eprintln!("waiting for another newsbrief run writing to `{}`", dir.display());
            file.lock().with_context(|| format!("cannot lock `{}`", path.display()))?;
        }
        Err(std::fs::TryLockError::Error(e)) => {
            return Err(e).with_context(|| format!("cannot lock `{}`", path.display()));
        }
    }
    Ok(file)
}

/// Takes the locks of several folders (see [`lock`]): the output folder and a cache folder
/// that lies elsewhere, which two runs writing to different output folders may share (each
/// deletes the other's cache temporaries when it starts). Taken in the order of the folders'
/// real paths, so that two runs never wait for each other in a circle.
pub(crate) fn lock_all<'a>(dirs: impl Iterator<Item = &'a Path>) -> Result<Vec<std::fs::File>> {
    let mut dirs: Vec<(PathBuf, &Path)> = dirs
        .map(|d| {
            std::fs::create_dir_all(d).with_context(|| format!("cannot create `{}`", d.display()))?;
            Ok((crate::config::real_path(d), d))
        })
        .collect::<Result<_>>()?;
    dirs.sort();
    dirs.dedup_by(|a, b| a.0 == b.0);
    dirs.into_iter().map(|(_, d)| lock(d)).collect()
}

/// Makes a rename in `path`'s folder durable (a no-op where folders cannot be opened).
fn sync_dir(path: &Path) {
    #[cfg(unix)]
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty())
        && let Ok(dir) = std::fs::File::open(dir)
    {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = path;
}

impl Write for Staged {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        simulated_disk::take(buf.len())?;
        self.tmp.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.tmp.flush()
    }
}

/// A full disk on demand, for the tests: with `__NEWSBRIEF_TEST_DISK_BYTES=N` in the
/// environment, the writes of [`Staged`] files fail as on a full disk once they total more
/// than `N` bytes in this process. The end-to-end tests use it to check that a full disk at any
/// point leaves the previous briefing and state whole (a per-file `RLIMIT_FSIZE` cannot fill
/// the disk between two files, and mounting a small filesystem needs root).
mod simulated_disk {
    use std::sync::OnceLock;
    use std::sync::atomic::{AtomicU64, Ordering};

    static LEFT: OnceLock<Option<AtomicU64>> = OnceLock::new();

    pub(super) fn take(bytes: usize) -> std::io::Result<()> {
        let left = LEFT.get_or_init(|| {
            let n = std::env::var("__NEWSBRIEF_TEST_DISK_BYTES").ok()?.parse().ok()?;
            Some(AtomicU64::new(n))
        });
        let Some(left) = left else { return Ok(()) };
        let bytes = bytes as u64;
        match left.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_sub(bytes)) {
            Ok(_) => Ok(()),
            Err(_) => {
                left.store(0, Ordering::Relaxed);
                Err(std::io::Error::new(
                    std::io::ErrorKind::StorageFull,
                    "no space left on device (simulated)",
                ))
            }
        }
    }
}

/// A kill inside the journal's window on demand, for the tests: with
/// `__NEWSBRIEF_TEST_KILL_AFTER_MOVES=N` in the environment, the process aborts (no destructor
/// runs, as under `kill -9`) once the journal is written and `N` of the set's files are moved.
/// A random `kill -9` almost never lands in this window of a few microseconds (0 of 150 in the
/// kill test), so the tests aim at it.
mod simulated_kill {
    use std::sync::OnceLock;

    pub(super) fn after_moves(done: usize) {
        static AT: OnceLock<Option<usize>> = OnceLock::new();
        let at = AT.get_or_init(|| std::env::var("__NEWSBRIEF_TEST_KILL_AFTER_MOVES").ok()?.parse().ok());
        if *at == Some(done) {
            std::process::abort();
        }
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

    /// A set of `(name, contents)` files staged in `dir`.
    fn staged_set(dir: &Path, files: &[(&str, &str)]) -> OutputSet {
        let mut set = OutputSet::new(dir);
        for (name, text) in files {
            let mut file = Staged::new(&dir.join(name)).unwrap();
            file.write_all(text.as_bytes()).unwrap();
            set.push(file);
        }
        set
    }

    fn contents(dir: &Path) -> Vec<(String, String)> {
        let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap())
            .map(|e| {
                (e.file_name().to_string_lossy().into_owned(), std::fs::read_to_string(e.path()).unwrap())
            })
            .collect();
        files.sort();
        files
    }

    const OLD: &[(&str, &str)] = &[("a.md", "old a"), ("b.json", "old b"), ("same.html", "same")];
    const NEW: &[(&str, &str)] = &[("a.md", "new a"), ("b.json", "new b"), ("same.html", "same")];

    fn owned(files: &[(&str, &str)]) -> Vec<(String, String)> {
        files.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn a_set_commits_whole_leaving_no_journal_or_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        staged_set(dir.path(), OLD).commit().unwrap();
        staged_set(dir.path(), NEW).commit().unwrap();
        assert_eq!(contents(dir.path()), owned(NEW));
        assert_eq!(recover(dir.path()).unwrap(), Recovered::default());
    }

    #[test]
    fn a_run_killed_after_the_journal_is_finished_by_the_next() {
        let dir = tempfile::tempdir().unwrap();
        staged_set(dir.path(), OLD).commit().unwrap();
        // Killed once the journal is on disk: nothing has moved yet.
        let prepared = staged_set(dir.path(), NEW).prepare().unwrap();
        let moves = prepared.moves.len();
        std::mem::forget(prepared);
        assert_eq!(moves, 2, "the unchanged file is not moved");
        assert!(dir.path().join(JOURNAL).exists());
        let recovered = recover(dir.path()).unwrap();
        assert_eq!(recovered, Recovered { finished: 2, removed: 0 });
        assert_eq!(contents(dir.path()), owned(NEW));
    }

    #[test]
    fn a_run_killed_halfway_through_the_moves_is_finished_by_the_next() {
        let dir = tempfile::tempdir().unwrap();
        staged_set(dir.path(), OLD).commit().unwrap();
        let prepared = staged_set(dir.path(), NEW).prepare().unwrap();
        prepared.moves[0].apply().unwrap();
        std::mem::forget(prepared);
        assert_eq!(recover(dir.path()).unwrap(), Recovered { finished: 1, removed: 0 });
        assert_eq!(contents(dir.path()), owned(NEW));
    }

    #[test]
    fn a_run_killed_before_the_journal_leaves_the_old_set_and_its_temporaries_go() {
        let dir = tempfile::tempdir().unwrap();
        staged_set(dir.path(), OLD).commit().unwrap();
        // Every new file written and kept, but no journal.
        for file in staged_set(dir.path(), NEW).files {
            std::mem::forget(file.finish().unwrap());
        }
        assert_eq!(recover(dir.path()).unwrap(), Recovered { finished: 0, removed: 2 });
        assert_eq!(contents(dir.path()), owned(OLD));
    }

    #[test]
    fn a_journal_naming_files_outside_the_folder_moves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(".newsbrief-x.tmp"), "x").unwrap();
        let journal = r#"[[".newsbrief-x.tmp","../escaped"],["../.newsbrief-y.tmp","a.md"]]"#;
        std::fs::write(dir.path().join(JOURNAL), journal).unwrap();
        assert_eq!(recover(dir.path()).unwrap(), Recovered { finished: 0, removed: 1 });
        assert!(std::fs::read_dir(dir.path()).unwrap().next().is_none());
        assert!(!dir.path().parent().unwrap().join("escaped").exists());
    }

    #[test]
    fn the_lock_is_taken_and_released() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let held = lock(&out).unwrap();
        let other = std::fs::File::open(out.join(LOCK)).unwrap();
        assert!(matches!(other.try_lock(), Err(std::fs::TryLockError::WouldBlock)));
        drop(held);
        assert!(other.try_lock().is_ok());
    }

    #[test]
    fn a_shared_cache_folder_is_locked_with_the_output_folder() {
        let dir = tempfile::tempdir().unwrap();
        let (out_a, out_b, cache) = (dir.path().join("a"), dir.path().join("b"), dir.path().join("cache"));
        let held = lock_all([out_a.as_path(), cache.as_path()].into_iter()).unwrap();
        assert_eq!(held.len(), 2);
        // Another run on another output folder with the same cache: its cache lock is taken.
        let probe = std::fs::File::open(cache.join(LOCK)).unwrap();
        assert!(matches!(probe.try_lock(), Err(std::fs::TryLockError::WouldBlock)));
        let b = lock(&out_b).unwrap();
        drop(b);
        drop(held);
        assert!(probe.try_lock().is_ok());
        // One folder named twice (the cache inside the output folder) is locked once.
        assert_eq!(
            lock_all([out_a.as_path(), dir.path().join("a/.").as_path()].into_iter()).unwrap().len(),
            1
        );
    }
}
