//! The cache, all-or-nothing outputs under a full disk and a kill, and what the input walk reads.

use super::*;

/// The `(N new, M cached)` counts of a stage's progress line.
fn cache_counts(o: &Output, stage: &str) -> (usize, usize) {
    let err = stderr(o);
    let line = err
        .lines()
        .find(|l| l.starts_with(&format!("{stage}:")))
        .unwrap_or_else(|| panic!("no `{stage}` line in {err}"));
    let inner = line.split('(').nth(1).and_then(|s| s.split(')').next()).unwrap_or_else(|| panic!("{line}"));
    let nums: Vec<usize> = inner.split(", ").map(|p| p.split(' ').next().unwrap().parse().unwrap()).collect();
    (nums[0], nums[1])
}

#[test]
fn the_cache_redoes_only_what_changed_and_changes_no_byte() {
    let fx = Fixture::repo();
    let seeds = fx.seeds();
    let last = seeds.last().unwrap().clone();
    let aside = fx.path("aside.txt");
    std::fs::rename(&last, &aside).unwrap();
    let first = fx.run(&[]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert_eq!(cache_counts(&first, "clean"), (4, 0));

    // One article added: only it is cleaned and extracted. (The run without the cache below
    // starts from the same last-run state, so that "since the last run" agrees.)
    std::fs::create_dir_all(fx.path("fresh")).unwrap();
    std::fs::copy(fx.path("out/.newsbrief-state.json"), fx.path("fresh/.newsbrief-state.json")).unwrap();
    std::fs::rename(&aside, &last).unwrap();
    let second = fx.run(&[]);
    assert!(second.status.success(), "{}", stderr(&second));
    assert_eq!(cache_counts(&second, "clean"), (1, 4));
    assert_eq!(cache_counts(&second, "extract"), (1, 4));
    let json: serde_json::Value = serde_json::from_slice(&fx.read("out/briefing.json")).unwrap();
    let stem = last.file_stem().unwrap().to_str().unwrap();
    assert_eq!(json["changes"]["compared"], true);
    assert_eq!(json["changes"]["new_articles"], serde_json::json!([stem]));
    assert!(String::from_utf8_lossy(&fx.read("out/briefing.md")).contains("1 new article"));

    // A run without the cache writes the same bytes.
    let fresh = fx.run(&["--no-cache", "--out", "fresh"]);
    assert!(fresh.status.success(), "{}", stderr(&fresh));
    assert!(!stderr(&fresh).contains("cached"), "--no-cache still used the cache: {}", stderr(&fresh));
    for f in OUTPUTS {
        let other = f.replace("out/", "fresh/");
        assert!(fx.read(f) == fx.read(&other), "{f} differs with and without the cache");
    }

    // An extract setting invalidates extract's entries and no others.
    let config = std::fs::read_to_string(fx.path("pipeline.toml")).unwrap();
    let changed = config.replace("[extract]\n", "[extract]\nmin_quote_words = 5\n");
    assert_ne!(config, changed);
    std::fs::write(fx.path("pipeline.toml"), changed).unwrap();
    let third = fx.run(&[]);
    assert!(third.status.success(), "{}", stderr(&third));
    assert_eq!(cache_counts(&third, "clean"), (0, 5));
    assert_eq!(cache_counts(&third, "extract"), (5, 0));
    std::fs::write(fx.path("pipeline.toml"), config).unwrap();

    // A damaged or foreign pack is reported, dropped and recomputed; the output is unchanged.
    let pack = fx.path("out/.cache/clean.pack");
    let mut bytes = std::fs::read(&pack).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0xff;
    std::fs::write(&pack, &bytes).unwrap();
    std::fs::write(fx.path("out/.cache/extract.pack"), b"PK\x03\x04 not ours").unwrap();
    std::fs::create_dir_all(fx.path("fresh2")).unwrap();
    std::fs::copy(fx.path("out/.newsbrief-state.json"), fx.path("fresh2/.newsbrief-state.json")).unwrap();
    let fourth = fx.run(&[]);
    assert!(fourth.status.success(), "{}", stderr(&fourth));
    let err = stderr(&fourth);
    assert!(err.contains("clean.pack: 1 damaged entry"), "{err}");
    assert!(err.contains("extract.pack: not a newsbrief cache"), "{err}");
    assert_eq!(cache_counts(&fourth, "clean").0, 1);
    assert_eq!(cache_counts(&fourth, "extract"), (5, 0));
    assert!(fx.run(&["--no-cache", "--out", "fresh2"]).status.success());
    for f in OUTPUTS {
        assert!(fx.read(f) == fx.read(&f.replace("out/", "fresh2/")), "{f} differs after a damaged cache");
    }
}

/// The files that change together: the briefing's four and the state file.
const SET: [&str; 6] = [
    "briefing.md",
    "briefing.html",
    "briefing.pdf",
    "briefing.json",
    "corpus.jsonl",
    ".newsbrief-state.json",
];

/// The bytes of each file of [`SET`], and the names of the other files in the folder.
type OutputSet = (Vec<Vec<u8>>, Vec<String>);

/// The files of [`SET`], as bytes, with the names of any other files a run left in `out/`
/// (temporaries, a journal).
fn output_set(dir: &Path) -> OutputSet {
    let files = SET.iter().map(|n| std::fs::read(dir.join(n)).unwrap_or_default()).collect();
    let mut others: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !SET.contains(&n.as_str()) && n != ".newsbrief-lock" && n != ".cache")
        .collect();
    others.sort();
    (files, others)
}

/// Three seeds (enough, and the runs stay short): `out/` holds the set of two of them (the
/// old), `reference/` the set of all three (the new), both from `--no-cache` runs.
fn old_and_new_sets() -> (Fixture, OutputSet, OutputSet) {
    let fx = Fixture::repo();
    let mut seeds = fx.seeds();
    for extra in seeds.drain(3..) {
        std::fs::remove_file(extra).unwrap();
    }
    let aside = fx.path("aside.txt");
    std::fs::rename(seeds.last().unwrap(), &aside).unwrap();
    assert!(fx.run(&["--no-cache"]).status.success());
    let old = output_set(&fx.path("out"));
    std::fs::rename(&aside, seeds.last().unwrap()).unwrap();
    copy_dir(&fx.path("out"), &fx.path("reference"));
    assert!(fx.run(&["--no-cache", "--out", "reference"]).status.success());
    let new = output_set(&fx.path("reference"));
    assert_ne!(old.0, new.0);
    (fx, old, new)
}

#[test]
fn a_full_disk_at_any_point_leaves_the_whole_old_briefing_and_state_or_the_whole_new() {
    let (fx, old, new) = old_and_new_sets();

    // The disk fills just before each file would be complete, in the order they are written.
    let mut budgets = Vec::new();
    let mut total = 0;
    for file in &new.0 {
        total += file.len();
        budgets.push(total - 1);
    }
    budgets.push(total + 10_000);
    let mut failed = 0;
    for budget in budgets {
        std::fs::remove_dir_all(fx.path("out")).unwrap();
        std::fs::create_dir_all(fx.path("out")).unwrap();
        for (name, bytes) in SET.iter().zip(&old.0) {
            std::fs::write(fx.path("out").join(name), bytes).unwrap();
        }
        let out = Command::new(env!("CARGO_BIN_EXE_newsbrief"))
            .args(["--no-cache", "--quiet"])
            .current_dir(fx.path(""))
            .env("__NEWSBRIEF_TEST_DISK_BYTES", budget.to_string())
            .env_remove("SOURCE_DATE_EPOCH")
            .output()
            .unwrap();
        let now = output_set(&fx.path("out"));
        assert!(now.1.is_empty(), "a disk full after {budget} bytes left {:?}", now.1);
        match out.status.code() {
            Some(0) => assert!(now.0 == new.0, "exit 0 after {budget} bytes without the new set"),
            Some(1) => {
                failed += 1;
                assert!(stderr(&out).contains("no space left"), "{}", stderr(&out));
                assert!(now.0 == old.0, "exit 1 after {budget} bytes, and the old set changed");
            }
            code => panic!("exit {code:?} after {budget} bytes: {}", stderr(&out)),
        }
    }
    assert_eq!(failed, SET.len(), "every budget short of the whole set fails");
}

#[test]
fn a_kill_between_the_moves_is_rolled_forward_by_the_next_run() {
    let (fx, old, new) = old_and_new_sets();

    // Killed once the journal is on disk and 0, 1, … 6 of the six files are moved.
    for moved in 0..=SET.len() {
        std::fs::remove_dir_all(fx.path("out")).unwrap();
        std::fs::create_dir_all(fx.path("out")).unwrap();
        for (name, bytes) in SET.iter().zip(&old.0) {
            std::fs::write(fx.path("out").join(name), bytes).unwrap();
        }
        let killed = Command::new(env!("CARGO_BIN_EXE_newsbrief"))
            .args(["--no-cache", "--quiet"])
            .current_dir(fx.path(""))
            .env("__NEWSBRIEF_TEST_KILL_AFTER_MOVES", moved.to_string())
            .env_remove("SOURCE_DATE_EPOCH")
            .output()
            .unwrap();
        assert_eq!(killed.status.code(), None, "not killed after {moved} moves: {}", stderr(&killed));
        // What the journal says the folder becomes is the whole new set.
        let journal: Vec<(String, String)> =
            serde_json::from_slice(&fx.read("out/.newsbrief-journal")).expect("a journal");
        let mut rolled = output_set(&fx.path("out")).0;
        for (tmp, target) in journal {
            let tmp = fx.path("out").join(tmp);
            if let (Ok(bytes), Some(i)) = (std::fs::read(&tmp), SET.iter().position(|n| *n == target)) {
                rolled[i] = bytes;
            }
        }
        assert!(rolled == new.0, "after {moved} moves the journal does not lead to the new set");
        // The next run finishes the moves first, then writes the same set and cleans up.
        let next = fx.run(&["--no-cache"]);
        assert!(next.status.success(), "{}", stderr(&next));
        if moved < SET.len() {
            let said = stderr(&next);
            assert!(said.contains(&format!("moved into place ({} files)", SET.len() - moved)), "{said}");
        }
        let now = output_set(&fx.path("out"));
        assert!(now.0 == new.0, "after {moved} moves and a new run the set is not the new one");
        assert!(now.1.iter().all(|n| n == ".newsbrief-lock"), "left behind: {:?}", now.1);
    }
}

/// Runs the binary in `dir`, failing the test if it has not finished in `limit`.
fn run_within(dir: &Path, args: &[&str], limit: std::time::Duration) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsbrief"))
        .args(args)
        .current_dir(dir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            child.kill().unwrap();
            panic!("newsbrief {args:?} did not finish in {limit:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

#[cfg(unix)]
#[test]
fn only_regular_files_inside_the_input_folder_are_read() {
    use std::os::unix::fs::symlink;
    let fx = Fixture::repo();
    let seeds = fx.path("seeds");
    // Outside the input folder: a secret, and a folder of articles.
    std::fs::write(fx.path("secret.txt"), "root:x:0:0:root:/root:/bin/bash password file line\n").unwrap();
    std::fs::create_dir(fx.path("elsewhere")).unwrap();
    std::fs::write(fx.path("elsewhere/far.txt"), "A far article about the summit, linked into the input.\n")
        .unwrap();
    symlink(fx.path("secret.txt"), seeds.join("passwd.txt")).unwrap();
    symlink(fx.path("elsewhere"), seeds.join("linked")).unwrap();
    symlink("/dev/zero", seeds.join("zero.txt")).unwrap();
    let fifo = seeds.join("pipe.txt");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    // Inside: a link to another article is read like the article.
    let first = std::fs::read_dir(&seeds).unwrap().map(|e| e.unwrap().path()).find(|p| p.is_file()).unwrap();
    symlink(&first, seeds.join("alias.txt")).unwrap();
    // An output folder inside the input folder, with a briefing of its own in it.
    let config = std::fs::read_to_string(fx.path("pipeline.toml")).unwrap();
    let config =
        config.replace("dir = \"out\"", "dir = \"seeds/out\"").replace("out/.cache", "seeds/out/.cache");
    std::fs::write(fx.path("pipeline.toml"), config).unwrap();
    for _ in 0..2 {
        let out = run_within(fx.path("").as_path(), &[], std::time::Duration::from_secs(120));
        let err = stderr(&out);
        assert!(out.status.success(), "{err}");
        for needle in [
            "seeds/passwd.txt: is a symbolic link to",
            "seeds/linked: is a symbolic link to",
            "outside the input folder; skipped",
            "seeds/zero.txt: is a symbolic link to `/dev/zero`",
            "seeds/pipe.txt: is a named pipe (FIFO), not a regular file; skipped",
        ] {
            assert!(err.contains(needle), "missing `{needle}` in:\n{err}");
        }
        assert!(!err.contains("seeds/out/"), "the output folder was read:\n{err}");
        let json: serde_json::Value = serde_json::from_slice(&fx.read("seeds/out/briefing.json")).unwrap();
        let paths: Vec<&str> =
            json["articles"].as_array().unwrap().iter().map(|a| a["path"].as_str().unwrap()).collect();
        assert_eq!(paths.len(), 6, "{paths:?}");
        assert!(paths.contains(&"seeds/alias.txt"), "{paths:?}");
        let text = String::from_utf8_lossy(&fx.read("seeds/out/corpus.jsonl")).into_owned();
        assert!(!text.contains("root:x:0:0") && !text.contains("far article"), "a link out was followed");
    }
    // Unless the config says to follow links out.
    let config = std::fs::read_to_string(fx.path("pipeline.toml")).unwrap();
    std::fs::write(
        fx.path("pipeline.toml"),
        config.replace("[input]\n", "[input]\nfollow_symlinks = true\n"),
    )
    .unwrap();
    let out = run_within(fx.path("").as_path(), &[], std::time::Duration::from_secs(120));
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("seeds/zero.txt: is a device, not a regular file; skipped"), "{err}");
    let text = String::from_utf8_lossy(&fx.read("seeds/out/corpus.jsonl")).into_owned();
    assert!(text.contains("far article"), "follow_symlinks = true did not follow");
}
