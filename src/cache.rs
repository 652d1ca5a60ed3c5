//! The per-article cache (`[cache]`): what clean and extract made of an article, kept between
//! runs so that a scheduled run redoes only what changed.
//!
//! Each stage has one pack file in the cache folder (`clean.pack`, `extract.pack`). An entry is
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
use std::io::Write;
use std::ops::Range;
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
    pub fn bytes(mut self, b: &[u8]) -> KeyBuilder {
        self.0.update(&(b.len() as u64).to_le_bytes());
        self.0.update(b);
        self
    }

    /// Adds a number.
    pub fn u64(self, n: u64) -> KeyBuilder {
        self.bytes(&n.to_le_bytes())
    }

    /// The key.
    pub fn finish(self) -> Key {
        self.0.digest128()
    }
}

/// One stage's pack: the entries read from disk and those made in this run.
#[derive(Default)]
struct Pack {
    /// The file's bytes, and where each entry's payload sits in them.
    old: Vec<u8>,
    index: HashMap<Key, Range<usize>>,
    /// Entries of this run: found in `old` (None) or made now (Some).
    used: Mutex<Vec<(Key, Option<Vec<u8>>)>>,
    cached: AtomicUsize,
    new: AtomicUsize,
}

/// The cache of one run. A stage's pack is read when the stage first asks for it and written
/// (then dropped) when the stage is done ([`Cache::finish`]), so that only one stage's pack
/// is in memory at a time.
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
    pub fn open(dir: &Path) -> Cache {
        Cache {
            dir: dir.to_path_buf(),
            program: program_fingerprint(),
            packs: STAGES.iter().map(|&stage| (stage, OnceLock::new())).collect(),
            problems: Mutex::new(Vec::new()),
        }
    }

    /// The problems met while reading packs since the last call.
    pub fn problems(&self) -> Vec<String> {
        std::mem::take(&mut *self.problems.lock().expect("cache lock"))
    }

    fn read_pack(&self, stage: &str) -> Pack {
        let path = self.pack_path(stage);
        let (pack, problem) = match std::fs::read(&path) {
            Ok(bytes) => {
                let (pack, bad) = Pack::parse(bytes);
                (pack, bad.map(|why| format!("{}: {why}; its entries are recomputed", path.display())))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Pack::default(), None),
            Err(e) => {
                (Pack::default(), Some(format!("{}: cannot be read: {e}; recomputing", path.display())))
            }
        };
        self.problems.lock().expect("cache lock").extend(problem);
        pack
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
        let range = pack.index.get(&key)?.clone();
        let value = serde_json::from_slice(&pack.old[range]).ok()?;
        pack.used.lock().expect("cache lock").push((key, None));
        pack.cached.fetch_add(1, Ordering::Relaxed);
        Some(value)
    }

    /// Stores the result for `key`.
    pub fn put<T: Serialize>(&self, stage: &str, key: Key, value: &T) {
        let pack = self.pack(stage);
        // Serialising our own model cannot fail; if it ever did, the entry is simply not kept.
        if let Ok(bytes) = serde_json::to_vec(value) {
            pack.used.lock().expect("cache lock").push((key, Some(bytes)));
        }
        pack.new.fetch_add(1, Ordering::Relaxed);
    }

    /// The cached result for `entry`'s key, or `compute()`'s, which is then stored. With no
    /// cache (`entry` is `None`) it just computes.
    pub fn or_compute<T: Serialize + DeserializeOwned>(
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
    pub fn counts(&self, stage: &str) -> (usize, usize) {
        let pack = self.pack(stage);
        (pack.new.load(Ordering::Relaxed), pack.cached.load(Ordering::Relaxed))
    }

    /// Rewrites `stage`'s pack with the entries this run used, sorted by key (so the same run
    /// writes the same bytes), atomically, and frees it. A pack this run never read is left
    /// as it is.
    pub fn finish(&mut self, stage: &str) -> Result<()> {
        let Some(pack) = self.packs.get_mut(stage).and_then(OnceLock::take) else { return Ok(()) };
        let mut used = pack.used.into_inner().expect("cache lock");
        used.sort_by_key(|(k, _)| *k);
        used.dedup_by_key(|(k, _)| *k);
        let mut file = Staged::new(&self.pack_path(stage))?;
        file.write_all(MAGIC)?;
        for (key, fresh) in &used {
            let payload = match fresh {
                Some(bytes) => bytes.as_slice(),
                None => &pack.old[pack.index[key].clone()],
            };
            file.write_all(&key.to_le_bytes())?;
            file.write_all(&(payload.len() as u32).to_le_bytes())?;
            file.write_all(&checksum(*key, payload).to_le_bytes())?;
            file.write_all(payload)?;
        }
        file.commit()
    }
}

impl Pack {
    /// Reads a pack; returns what checked out and, if something did not, why.
    fn parse(bytes: Vec<u8>) -> (Pack, Option<String>) {
        if !bytes.starts_with(MAGIC) {
            let why = "not a newsbrief cache of this format".to_string();
            return (Pack::default(), Some(why));
        }
        let mut index = HashMap::new();
        let mut bad = 0;
        let mut at = MAGIC.len();
        let mut truncated = false;
        while at < bytes.len() {
            let Some(head) = bytes.get(at..at + 28) else {
                truncated = true;
                break;
            };
            let key = Key::from_le_bytes(head[..16].try_into().expect("16 bytes"));
            let len = u32::from_le_bytes(head[16..20].try_into().expect("4 bytes")) as usize;
            let sum = u64::from_le_bytes(head[20..28].try_into().expect("8 bytes"));
            let body = at + 28..at + 28 + len;
            let Some(payload) = bytes.get(body.clone()) else {
                truncated = true;
                break;
            };
            if checksum(key, payload) == sum {
                index.insert(key, body.clone());
            } else {
                bad += 1;
            }
            at = body.end;
        }
        let why = match (bad, truncated) {
            (0, false) => None,
            (n, t) => Some(format!(
                "{n} damaged entr{}{}",
                if n == 1 { "y" } else { "ies" },
                if t { ", and the file is cut short" } else { "" }
            )),
        };
        (Pack { old: bytes, index, ..Pack::default() }, why)
    }
}

fn checksum(key: Key, payload: &[u8]) -> u64 {
    xxh3_64(payload) ^ (key as u64) ^ ((key >> 64) as u64)
}

/// A hash of this program's executable, so that any other build (another version, or the same
/// version rebuilt with changes) never reads this one's entries. Falls back to the version.
fn program_fingerprint() -> u64 {
    let exe = std::env::current_exe().and_then(std::fs::read);
    match exe {
        Ok(bytes) => xxh3_64(&bytes),
        Err(_) => xxh3_64(env!("CARGO_PKG_VERSION").as_bytes()),
    }
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
        assert_eq!(cache.counts("clean"), (0, 1));
        cache.finish("clean").unwrap();

        let cache = Cache::open(dir.path());
        assert!(cache.get::<String>("clean", k2).is_none(), "an entry no run used is dropped");
        assert!(cache.get::<Vec<f64>>("clean", k1).is_some());
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
        let cache = Cache::open(dir.path());
        assert!(cache.get::<String>("extract", k).is_none());
        let problems = cache.problems();
        assert!(problems[0].contains("1 damaged entry"), "{problems:?}");

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
