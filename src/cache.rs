//! The per-article cache (`[cache]`): what clean and extract made of an article, kept between
//! runs so that a scheduled run redoes only what changed.
//!
//! Each stage has one pack file in the cache folder (`clean.pack`, `extract.pack`, and
//! `embed.pack` for the sentence vectors consolidate computes). An entry is
//! found by a 128-bit key that hashes everything the result depends on: this program's own
//! bytes (any rebuild invalidates everything), the stage's settings, and the stage's input for
//! that article (see the stages). So an entry is never stale: it either matches exactly or is
//! not found. When a stage ends its pack is rewritten with the entries the run used,
//! atomically, so packs do not grow with articles that are gone.
//!
//! A pack is `MAGIC`, then records `[key: 16][len: 4][checksum: 8][payload: len]`, little
//! endian, the payload JSON (self-describing, so the model's `skip_serializing_if` fields
//! round-trip; `float_roundtrip` keeps numbers exact). A pack with another header is ignored;
//! a record whose checksum or JSON does not match is dropped and its article recomputed.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use anyhow::Result;
use serde::Serialize;
use serde::de::DeserializeOwned;
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use crate::fsutil::Staged;

/// The first bytes of every pack; the digit is the format version.
const MAGIC: &[u8; 8] = b"NBCACHE1";

/// The stages whose results are cached, one pack each.
pub const STAGES: [&str; 2] = ["clean", "extract"];

/// The pack of sentence vectors (`embed.pack`), one entry per distinct sentence, written by
/// consolidate.
pub const EMBED: &str = "embed";

/// A cache key: a hash of everything one article's result depends on.
pub type Key = u128;

/// Builds a [`Key`] from the program fingerprint, the stage and its inputs.
pub struct KeyBuilder(Xxh3);

impl KeyBuilder {
    /// Starts a key for `stage` under this program and these settings.
    pub fn new(cache: &Cache, stage: &str, settings: &str) -> KeyBuilder {
        let mut h = Xxh3::new();
        h.update(&cache.program.to_le_bytes());
        KeyBuilder(h).bytes(stage.as_bytes()).bytes(settings.as_bytes())
    }

    /// Adds a field; each is length-prefixed so that fields cannot run into each other.
    pub(crate) fn bytes(mut self, b: &[u8]) -> KeyBuilder {
        self.0.update(&(b.len() as u64).to_le_bytes());
        self.0.update(b);
        self
    }

    /// Adds a number.
    pub(crate) fn u64(self, n: u64) -> KeyBuilder {
        self.bytes(&n.to_le_bytes())
    }

    /// The key.
    pub(crate) fn finish(self) -> Key {
        self.0.digest128()
    }
}

/// Where an entry's payload lies in a file, and its checksum.
#[derive(Debug, Clone, Copy)]
struct Slot {
    at: u64,
    len: u32,
    sum: u64,
}

/// One stage's pack: an index of the entries on disk, and those made in this run. Payloads
/// stay in files, the old pack's and a spill file of this run's, and are read one at a time:
/// a pack of a 100k-article corpus holds hundreds of megabytes that memory need not.
#[derive(Default)]
struct Pack {
    old: Option<File>,
    index: HashMap<Key, Slot>,
    made: Mutex<Made>,
    cached: AtomicUsize,
    new: AtomicUsize,
    /// Entries whose checksum or JSON did not match when read.
    damaged: AtomicUsize,
}

/// What this run did with a pack.
#[derive(Default)]
struct Made {
    /// Keys of the old entries the run used.
    kept: Vec<Key>,
    /// This run's entries, appended to an anonymous temporary file as they come.
    spill: Option<BufWriter<File>>,
    /// Where each of this run's entries lies in the spill file, in the order written.
    fresh: Vec<(Key, Slot)>,
    /// Why the spill file could not be made or written, once; the entries are then not kept.
    failed: Option<String>,
}

/// The cache of one run. A stage's pack is opened when the stage first asks for it and written
/// (then closed) when the stage is done ([`Cache::finish`]).
pub struct Cache {
    dir: PathBuf,
    program: u64,
    packs: HashMap<&'static str, OnceLock<Pack>>,
    /// Problems found while reading (unreadable pack, bad records), for the run's messages.
    problems: Mutex<Vec<String>>,
}

impl Cache {
    /// Opens the cache in `dir`. Never fails: what cannot be read is reported by
    /// [`Cache::problems`] and recomputed.
    pub(crate) fn open(dir: &Path) -> Cache {
        Cache {
            dir: dir.to_path_buf(),
            program: program_fingerprint(),
            packs: STAGES.iter().chain(&[EMBED]).map(|&stage| (stage, OnceLock::new())).collect(),
            problems: Mutex::new(Vec::new()),
        }
    }

    /// The problems met since the last call.
    pub(crate) fn problems(&self) -> Vec<String> {
        std::mem::take(&mut *self.problems.lock().expect("cache lock"))
    }

    fn report(&self, problem: String) {
        self.problems.lock().expect("cache lock").push(problem);
    }

    fn read_pack(&self, stage: &str) -> Pack {
        let path = self.pack_path(stage);
        match File::open(&path).and_then(Pack::parse) {
            Ok((pack, problem)) => {
                if let Some(why) = problem {
                    self.report(format!("{}: {why}; its entries are recomputed", path.display()));
                }
                pack
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Pack::default(),
            Err(e) => {
                self.report(format!("{}: cannot be read: {e}; recomputing", path.display()));
                Pack::default()
            }
        }
    }

    fn pack_path(&self, stage: &str) -> PathBuf {
        self.dir.join(format!("{stage}.pack"))
    }

    fn pack(&self, stage: &str) -> &Pack {
        let slot = self.packs.get(stage).unwrap_or_else(|| panic!("`{stage}` is not a cached stage"));
        slot.get_or_init(|| self.read_pack(stage))
    }

    /// The entry for `key`, if there is one that checks out.
    pub fn get<T: DeserializeOwned>(&self, stage: &str, key: Key) -> Option<T> {
        let pack = self.pack(stage);
        let (file, slot) = (pack.old.as_ref()?, *pack.index.get(&key)?);
        let value = read_payload(file, key, slot).and_then(|bytes| serde_json::from_slice(&bytes).ok());
        if value.is_none() {
            pack.damaged.fetch_add(1, Ordering::Relaxed);
            return None;
        }
        pack.made.lock().expect("cache lock").kept.push(key);
        pack.cached.fetch_add(1, Ordering::Relaxed);
        value
    }

    /// Stores the result for `key`.
    pub(crate) fn put<T: Serialize>(&self, stage: &str, key: Key, value: &T) {
        let pack = self.pack(stage);
        pack.new.fetch_add(1, Ordering::Relaxed);
        // Serialising our own model cannot fail; if it ever did, the entry is simply not kept.
        let Ok(payload) = serde_json::to_vec(value) else { return };
        let mut made = pack.made.lock().expect("cache lock");
        if made.failed.is_some() {
            return;
        }
        if made.spill.is_none() {
            let file = std::fs::create_dir_all(&self.dir).and_then(|()| tempfile::tempfile_in(&self.dir));
            match file {
                Ok(file) => made.spill = Some(BufWriter::with_capacity(1 << 16, file)),
                Err(e) => {
                    made.failed =
                        Some(format!("cannot make a temporary file in `{}`: {e}", self.dir.display()));
                    return;
                }
            }
        }
        // Entries lie end to end in the spill file: the next starts where the last one ends.
        let at = made.fresh.last().map_or(0, |(_, last)| last.at + u64::from(last.len));
        let slot = Slot { at, len: payload.len() as u32, sum: checksum(key, &payload) };
        let written = made.spill.as_mut().map(|w| w.write_all(&payload));
        match written {
            Some(Ok(())) => {
                made.fresh.push((key, slot));
            }
            Some(Err(e)) => made.failed = Some(format!("cannot write a temporary file: {e}")),
            None => {}
        }
    }

    /// The cached result for `entry`'s key, or `compute()`'s, which is then stored. With no
    /// cache (`entry` is `None`) it just computes.
    pub(crate) fn or_compute<T: Serialize + DeserializeOwned>(
        entry: Option<(&Cache, Key)>,
        stage: &str,
        compute: impl FnOnce() -> T,
    ) -> T {
        if let Some((cache, key)) = entry
            && let Some(value) = cache.get(stage, key)
        {
            return value;
        }
        let value = compute();
        if let Some((cache, key)) = entry {
            cache.put(stage, key, &value);
        }
        value
    }

    /// How many articles this stage computed and how many it took from the cache.
    pub(crate) fn counts(&self, stage: &str) -> (usize, usize) {
        let pack = self.pack(stage);
        (pack.new.load(Ordering::Relaxed), pack.cached.load(Ordering::Relaxed))
    }

    /// Rewrites `stage`'s pack with the entries this run used, sorted by key (so the same run
    /// writes the same bytes), atomically, and closes it. A pack this run never read is left
    /// as it is.
    pub(crate) fn finish(&mut self, stage: &str) -> Result<()> {
        let Some(pack) = self.packs.get_mut(stage).and_then(OnceLock::take) else { return Ok(()) };
        let path = self.pack_path(stage);
        let damaged = pack.damaged.into_inner();
        if damaged > 0 {
            let s = if damaged == 1 { "y" } else { "ies" };
            self.report(format!("{}: {damaged} damaged entr{s}; recomputed", path.display()));
        }
        let made = pack.made.into_inner().expect("cache lock");
        if let Some(why) = made.failed {
            self.report(format!("{}: {why}; this run's entries are not kept", path.display()));
        }
        let spill = made.spill.map(BufWriter::into_inner).transpose().map_err(|e| e.into_error())?;
        // Each entry once, by key; an entry made now wins over an old one of the same key.
        let mut entries: Vec<(Key, Option<Slot>)> = made.fresh.iter().map(|&(k, s)| (k, Some(s))).collect();
        entries.extend(made.kept.iter().map(|&k| (k, None)));
        entries.sort_by_key(|&(k, fresh)| (k, fresh.is_none()));
        entries.dedup_by_key(|(k, _)| *k);
        let mut file = Staged::new(&path)?;
        file.write_all(MAGIC)?;
        for (key, fresh) in entries {
            let (source, slot) = match fresh {
                Some(slot) => (spill.as_ref(), slot),
                None => (pack.old.as_ref(), pack.index[&key]),
            };
            let Some(payload) = source.and_then(|f| read_payload(f, key, slot)) else { continue };
            file.write_all(&key.to_le_bytes())?;
            file.write_all(&slot.len.to_le_bytes())?;
            file.write_all(&slot.sum.to_le_bytes())?;
            file.write_all(&payload)?;
        }
        // The old pack is closed before the new one takes its name.
        drop(pack.old);
        file.commit()
    }
}

/// A payload, if it reads back whole and matches its checksum.
fn read_payload(file: &File, key: Key, slot: Slot) -> Option<Vec<u8>> {
    let mut payload = vec![0; slot.len as usize];
    read_at(file, slot.at, &mut payload).ok()?;
    (checksum(key, &payload) == slot.sum).then_some(payload)
}

#[cfg(unix)]
fn read_at(file: &File, at: u64, buf: &mut [u8]) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, at)
}

#[cfg(windows)]
fn read_at(file: &File, mut at: u64, mut buf: &mut [u8]) -> std::io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !buf.is_empty() {
        match file.seek_read(buf, at) {
            Ok(0) => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            Ok(n) => {
                buf = &mut buf[n..];
                at += n as u64;
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

impl Pack {
    /// Reads a pack's index (its records' headers), leaving the payloads on disk; returns the
    /// pack and, if the file is not a pack or is cut short, why. A payload is checked when it
    /// is read.
    fn parse(file: File) -> std::io::Result<(Pack, Option<String>)> {
        let size = file.metadata()?.len();
        let mut reader = BufReader::new(&file);
        let mut magic = [0; MAGIC.len()];
        if reader.read_exact(&mut magic).is_err() || &magic != MAGIC {
            return Ok((Pack::default(), Some("not a newsbrief cache of this format".to_string())));
        }
        let mut index = HashMap::new();
        let mut at = MAGIC.len() as u64;
        let mut head = [0; 28];
        let mut truncated = false;
        while at < size {
            if at + 28 > size {
                truncated = true;
                break;
            }
            reader.read_exact(&mut head)?;
            let key = Key::from_le_bytes(head[..16].try_into().expect("16 bytes"));
            let len = u32::from_le_bytes(head[16..20].try_into().expect("4 bytes"));
            let sum = u64::from_le_bytes(head[20..28].try_into().expect("8 bytes"));
            at += 28;
            if at + u64::from(len) > size {
                truncated = true;
                break;
            }
            index.insert(key, Slot { at, len, sum });
            reader.seek_relative(i64::from(len))?;
            at += u64::from(len);
        }
        drop(reader);
        let why = truncated.then(|| "the file is cut short".to_string());
        Ok((Pack { old: Some(file), index, ..Pack::default() }, why))
    }
}

fn checksum(key: Key, payload: &[u8]) -> u64 {
    xxh3_64(payload) ^ (key as u64) ^ ((key >> 64) as u64)
}

/// A hash of this program's executable, so that any other build (another version, or the same
/// version rebuilt with changes) never reads this one's entries. Falls back to the version.
fn program_fingerprint() -> u64 {
    // Read once a process: the stages and consolidate each open the cache, and the executable,
    // which holds the sentence model, is tens of megabytes.
    static FINGERPRINT: OnceLock<u64> = OnceLock::new();
    *FINGERPRINT.get_or_init(|| {
        let exe = std::env::current_exe().and_then(std::fs::read);
        match exe {
            Ok(bytes) => xxh3_64(&bytes),
            Err(_) => xxh3_64(env!("CARGO_PKG_VERSION").as_bytes()),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(cache: &Cache, n: u64) -> Key {
        KeyBuilder::new(cache, "clean", "settings").u64(n).finish()
    }

    #[test]
    fn entries_survive_a_save_and_only_used_ones_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let mut cache = Cache::open(dir.path());
        let (k1, k2) = (key(&cache, 1), key(&cache, 2));
        assert_ne!(k1, k2);
        cache.put("clean", k1, &vec![1.5f64, 0.1 + 0.2]);
        cache.put("clean", k2, &"two");
        cache.finish("clean").unwrap();

        let mut cache = Cache::open(dir.path());
        assert_eq!(cache.get::<Vec<f64>>("clean", k1), Some(vec![1.5, 0.1 + 0.2]));
        assert!(cache.problems().is_empty());
        let k3 = key(&cache, 3);
        cache.put("clean", k3, &"three");
        assert_eq!(cache.counts("clean"), (1, 1));
        cache.finish("clean").unwrap();

        let cache = Cache::open(dir.path());
        assert!(cache.get::<String>("clean", k2).is_none(), "an entry no run used is dropped");
        assert!(cache.get::<Vec<f64>>("clean", k1).is_some(), "a kept entry is copied over");
        assert_eq!(cache.get::<String>("clean", k3).as_deref(), Some("three"), "a new entry is written");
    }

    #[test]
    fn damaged_and_foreign_packs_are_dropped_not_trusted() {
        let dir = tempfile::tempdir().unwrap();
        let mut cache = Cache::open(dir.path());
        let k = key(&cache, 7);
        cache.put("extract", k, &"payload");
        cache.finish("extract").unwrap();
        let path = dir.path().join("extract.pack");
        let mut bytes = std::fs::read(&path).unwrap();
        let last = bytes.len() - 2;
        bytes[last] ^= 0x20;
        std::fs::write(&path, &bytes).unwrap();
        let mut cache = Cache::open(dir.path());
        assert!(cache.get::<String>("extract", k).is_none());
        cache.finish("extract").unwrap();
        let problems = cache.problems();
        assert!(problems[0].contains("1 damaged entry"), "{problems:?}");
        std::fs::write(&path, &bytes).unwrap();

        std::fs::write(&path, b"{\"something\": \"else\"}").unwrap();
        let cache = Cache::open(dir.path());
        assert!(cache.get::<String>("extract", k).is_none());
        let problems = cache.problems();
        assert!(problems[0].contains("not a newsbrief cache"), "{problems:?}");

        std::fs::write(&path, &bytes[..bytes.len() - 3]).unwrap();
        let cache = Cache::open(dir.path());
        assert!(cache.get::<String>("extract", k).is_none());
        assert!(cache.problems()[0].contains("cut short"));
    }
}
