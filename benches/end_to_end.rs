//! The end-to-end benchmark: builds corpora of 1k, 10k (and, when asked, 100k) articles from
//! the BBC set (see `support`), runs the real `newsbrief` binary on each with `--timings`, and
//! prints per stage the median seconds, MB/s and articles/s, the total wall time and the peak
//! resident memory.
//!
//! ```text
//! cargo bench --bench end_to_end                              # 1k and 10k, 3 runs each
//! cargo bench --bench end_to_end -- --sizes 100000 --runs 1
//! cargo bench --bench end_to_end -- --sizes 100000 --incremental
//! ```
//!
//! `--incremental` measures a scheduled run: fill the cache, add one article, run again.
//!
//! ```text
//! cargo bench --bench end_to_end -- --long                   # 5 MB articles of odd shapes
//! ```
//!
//! `--long` runs one article of 5 MB in each shape that once cost time quadratic in its
//! length: one line with no sentence end, one sentence over many lines, one line of
//! sentences, and a line of "Name said." with a new name each time.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

struct Options {
    sizes: Vec<usize>,
    runs: usize,
    incremental: bool,
    long: bool,
    jobs: Option<usize>,
}

fn options() -> Options {
    let mut o = Options { sizes: vec![1_000, 10_000], runs: 3, incremental: false, long: false, jobs: None };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--sizes" => {
                let v = args.next().expect("--sizes needs a value such as 1000,10000");
                o.sizes = v.split(',').map(|s| s.trim().parse().expect("a number of articles")).collect();
            }
            "--runs" => o.runs = args.next().and_then(|v| v.parse().ok()).expect("--runs needs a number"),
            "--jobs" => {
                o.jobs = Some(args.next().and_then(|v| v.parse().ok()).expect("--jobs needs a number"))
            }
            "--incremental" => o.incremental = true,
            "--long" => o.long = true,
            // `cargo bench` passes `--bench`; a name filter may follow.
            _ => {}
        }
    }
    o
}

/// One run of the binary; returns its `--timings` report.
fn run(config: &Path, work: &Path, cached: bool, jobs: Option<usize>) -> Value {
    let timings = work.join("timings.json");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsbrief"));
    cmd.arg("--config").arg(config).arg("--quiet").arg("--timings").arg(&timings);
    if !cached {
        cmd.arg("--no-cache");
    }
    if let Some(j) = jobs {
        cmd.arg("--jobs").arg(j.to_string());
    }
    let status = cmd.status().expect("run newsbrief");
    assert!(status.success(), "newsbrief failed: {status}");
    serde_json::from_slice(&std::fs::read(&timings).expect("timings written")).expect("timings are JSON")
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn report(n: usize, reports: &[Value]) {
    let stages = reports[0]["stages"].as_array().expect("stages");
    println!(
        "\n### {n} articles ({} run{}, medians)\n",
        reports.len(),
        if reports.len() == 1 { "" } else { "s" }
    );
    println!("| stage | seconds | MB/s | articles/s | peak RSS at end (MiB) |");
    println!("|---|---:|---:|---:|---:|");
    for (i, stage) in stages.iter().enumerate() {
        let secs =
            median(reports.iter().map(|r| r["stages"][i]["seconds"].as_f64().unwrap_or(0.0)).collect());
        let bytes = stage["bytes"].as_f64().unwrap_or(0.0);
        let articles = stage["articles"].as_f64().unwrap_or(0.0);
        let rss = stage["peak_rss_bytes"].as_f64().unwrap_or(0.0) / 1048576.0;
        println!(
            "| {} | {secs:.3} | {:.1} | {:.0} | {rss:.0} |",
            stage["stage"].as_str().unwrap_or("?"),
            bytes / 1e6 / secs.max(1e-9),
            articles / secs.max(1e-9)
        );
    }
    let total = median(reports.iter().map(|r| r["total_seconds"].as_f64().unwrap_or(0.0)).collect());
    let rss = reports.iter().filter_map(|r| r["peak_rss_bytes"].as_f64()).fold(0.0, f64::max);
    println!("| **total** | **{total:.3}** | | | |");
    println!("\npeak RSS: {:.0} MiB", rss / 1048576.0);
}

fn write_config(work: &Path, input: &Path) -> PathBuf {
    let config = work.join("pipeline.toml");
    let text = format!(
        "title = \"Benchmark\"\n[input]\ndir = {:?}\n[output]\ndir = {:?}\n[cache]\ndir = {:?}\n",
        input.display().to_string(),
        work.join("out").display().to_string(),
        work.join("cache").display().to_string(),
    );
    std::fs::write(&config, text).expect("write the bench config");
    config
}

fn main() {
    let o = options();
    if o.long {
        long_articles(&o);
        return;
    }
    for &n in &o.sizes {
        let corpus = support::ensure_corpus(n);
        let work = corpus.with_file_name(format!("work-{n}"));
        let _ = std::fs::remove_dir_all(&work);
        std::fs::create_dir_all(&work).expect("create the work folder");
        let config = write_config(&work, &corpus);
        if o.incremental {
            incremental(n, &corpus, &work, &config, o.jobs);
            continue;
        }
        let reports: Vec<Value> = (0..o.runs).map(|_| run(&config, &work, false, o.jobs)).collect();
        report(n, &reports);
    }
}

/// Fills the cache, adds one article, runs again (timed), and removes the article.
fn incremental(n: usize, corpus: &Path, work: &Path, config: &Path, jobs: Option<usize>) {
    let _ = run(config, work, true, jobs);
    let added = corpus.join("added/one-more.txt");
    std::fs::create_dir_all(added.parent().expect("a parent")).expect("create a folder");
    let base = support::read_bbc(&support::bbc_dir());
    std::fs::write(&added, support::article(&base, n + 1)).expect("write the added article");
    let reports = vec![run(config, work, true, jobs)];
    let _ = std::fs::remove_dir_all(added.parent().expect("a parent"));
    println!("\n#### one article added to a cached corpus of {n}");
    report(n + 1, &reports);
}

/// The `--long` shapes: (name, text of about 5 MB).
fn long_shapes() -> Vec<(&'static str, String)> {
    const SIZE: usize = 5_000_000;
    let words =
        ["minister", "said", "the", "Minsk", "talks", "would", "raise", "exports", "Moscow", "in", "of"];
    // A fixed walk through the words, so every run reads the same text.
    let text = |every: usize, stop: &str, newline: usize| {
        let mut out = String::with_capacity(SIZE + 64);
        let mut i = 0usize;
        while out.len() < SIZE {
            i += 1;
            out.push_str(words[(i * 7 + i / 3) % words.len()]);
            out.push_str(if every > 0 && i.is_multiple_of(every) { stop } else { "" });
            out.push(if newline > 0 && i.is_multiple_of(newline) { '\n' } else { ' ' });
        }
        out + ".\n"
    };
    let mut speakers = String::with_capacity(SIZE + 64);
    let mut i = 0u64;
    while speakers.len() < SIZE {
        i += 1;
        // A new capitalised name each time: "Kab said. Kac said. …"
        let name: String = format!("{i:x}").chars().map(|c| (b'a' + (c as u8 % 26)) as char).collect();
        speakers.push('K');
        speakers.push_str(&name);
        speakers.push_str(" said. ");
    }
    // News words: names (a new surname every few words, full names and surnames alone),
    // numbers, money, percentages, dates and a curly apostrophe, which once sent the regex
    // engine to its slow path and the full-name lookup to a scan per name.
    let news = |stop: bool| {
        const WORDS: [&str; 16] = [
            "said",
            "the",
            "Minsk",
            "on",
            "May",
            "16",
            "talks",
            "$16",
            "billion",
            "15%",
            "of",
            "Putin’s",
            "3,000",
            "troops",
            "in",
            "Moscow",
        ];
        let mut out = String::with_capacity(SIZE + 64);
        let mut i = 0usize;
        while out.len() < SIZE {
            i += 1;
            if i.is_multiple_of(5) {
                let name: String =
                    format!("{:x}", i / 5).chars().map(|c| (b'a' + (c as u8 % 26)) as char).collect();
                out.push_str(if i.is_multiple_of(10) { "Anna K" } else { "K" });
                out.push_str(&name);
            } else {
                out.push_str(WORDS[(i * 7 + i / 3) % WORDS.len()]);
            }
            out.push_str(if stop && i.is_multiple_of(25) { ". " } else { " " });
        }
        out + ".\n"
    };
    vec![
        ("one line of news words, no sentence end", news(false)),
        ("one line of news sentences", news(true)),
        ("one line, no sentence end", text(0, "", 0)),
        ("one sentence over many lines", text(0, "", 12)),
        ("one line of sentences", text(25, ".", 0)),
        ("a new speaker in each sentence", speakers + "\n"),
    ]
}

/// Runs the pipeline on one 5 MB article of each [`long_shapes`] shape.
fn long_articles(o: &Options) {
    let root = std::env::temp_dir().join("newsbrief-bench-long");
    for (name, text) in long_shapes() {
        let input = root.join("in");
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&input).expect("create the input folder");
        std::fs::write(input.join("long.txt"), &text).expect("write the article");
        let work = root.join("work");
        std::fs::create_dir_all(&work).expect("create the work folder");
        let config = write_config(&work, &input);
        let reports: Vec<Value> = (0..o.runs).map(|_| run(&config, &work, false, o.jobs)).collect();
        println!("\n## {name} ({:.1} MB)", text.len() as f64 / 1e6);
        report(1, &reports);
    }
}
