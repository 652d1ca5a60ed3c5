//! End to end: the real binary on a temporary copy of the repo (seeds, pipeline.toml,
//! templates), checking the four outputs, determinism, config errors and bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod commands;
mod errors;
mod html;
mod outputs;
mod reliability;

const REPO: &str = env!("CARGO_MANIFEST_DIR");

/// A temporary copy of the repo's seeds, config and templates.
struct Fixture {
    dir: tempfile::TempDir,
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

impl Fixture {
    fn repo() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let root = Path::new(REPO);
        copy_dir(&root.join("seeds"), &dir.path().join("seeds"));
        copy_dir(&root.join("templates"), &dir.path().join("templates"));
        std::fs::copy(root.join("pipeline.toml"), dir.path().join("pipeline.toml")).unwrap();
        Fixture { dir }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_newsbrief"))
            .args(args)
            .current_dir(self.dir.path())
            .env_remove("GITHUB_STEP_SUMMARY")
            .env_remove("SOURCE_DATE_EPOCH")
            .output()
            .unwrap()
    }

    /// The seed articles' paths, sorted.
    fn seeds(&self) -> Vec<PathBuf> {
        let mut seeds: Vec<PathBuf> =
            std::fs::read_dir(self.path("seeds")).unwrap().map(|e| e.unwrap().path()).collect();
        seeds.sort();
        seeds
    }

    fn read(&self, rel: &str) -> Vec<u8> {
        std::fs::read(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const OUTPUTS: [&str; 5] =
    ["out/briefing.md", "out/briefing.html", "out/briefing.pdf", "out/briefing.json", "out/corpus.jsonl"];
