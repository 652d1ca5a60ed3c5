//! Bad configs, bad input and bad templates: clear messages, exit codes, and the previous briefing kept.

use super::*;

#[test]
fn misspelled_key_is_rejected_with_line_and_column_and_out_is_untouched() {
    let fx = Fixture::repo();
    let config = std::fs::read_to_string(fx.path("pipeline.toml")).unwrap();
    let bad = config.replace("shingle_words", "shingle_wrds");
    std::fs::write(fx.path("pipeline.toml"), &bad).unwrap();
    let line = bad.lines().position(|l| l.starts_with("shingle_wrds")).unwrap() + 1;
    for args in [&["validate"][..], &["run"][..]] {
        let out = fx.run(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains(&format!("pipeline.toml:{line}:1:")), "{err}");
        assert!(
            err.contains("unknown key `shingle_wrds` in [dedup]; did you mean `shingle_words`?"),
            "{err}"
        );
    }
    assert!(!fx.path("out").exists(), "a failed run wrote to out/");
}

#[test]
fn validate_reports_every_problem_at_once() {
    let fx = Fixture::repo();
    std::fs::write(
        fx.path("pipeline.toml"),
        "title = 1\n[input]\ndir = \"missing\"\n[dedup]\narticle_threshold = 2.0\n[extract]\nenable = true\n",
    )
    .unwrap();
    std::fs::write(fx.path("templates/briefing.md.hbs"), "{{#each claims}}\n{{/if}}\n").unwrap();
    let out = fx.run(&["validate"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for needle in [
        "pipeline.toml:1:9:",
        "pipeline.toml:3:7:",
        "pipeline.toml:5:21:",
        "pipeline.toml:7:1:",
        "briefing.md.hbs:2:",
    ] {
        assert!(err.contains(needle), "missing `{needle}` in:\n{err}");
    }
}

#[test]
fn bad_files_are_reported_skipped_and_strict_exits_3() {
    let fx = Fixture::repo();
    let seeds = fx.path("seeds");
    std::fs::write(seeds.join("empty.txt"), "").unwrap();
    std::fs::write(seeds.join("binary.txt"), b"\x00\x01\x02PNG\x00\x00").unwrap();
    std::fs::write(
        seeds.join("latin1.txt"),
        b"Caf\xe9 owners said the new rules would cost them dearly this year.\n",
    )
    .unwrap();
    std::fs::write(
        seeds.join("crlf.txt"),
        "\u{feff}Title line\r\n\r\nThe council met on Friday and agreed the budget after a long debate.\r\n",
    )
    .unwrap();
    std::fs::create_dir(seeds.join("folder.txt")).unwrap();
    // 50 MB of prose: over `input.max_file_bytes` (16 MiB by default).
    let huge = "The council met again on Friday and the budget debate went on. ".repeat(800_000);
    std::fs::write(seeds.join("huge.txt"), huge).unwrap();
    // A file the config excludes is not read at all (no article, no message).
    std::fs::write(seeds.join("draft.txt"), "A draft that should never appear in the briefing at all.\n")
        .unwrap();
    let config = std::fs::read_to_string(fx.path("pipeline.toml")).unwrap();
    let config = config.replace("[input]\n", "[input]\nexclude = [\"draft.txt\"]\n");
    assert!(config.contains("draft.txt"), "{config}");
    std::fs::write(fx.path("pipeline.toml"), config).unwrap();
    #[cfg(unix)]
    {
        // A link to itself loops; a link to nothing cannot be read.
        std::os::unix::fs::symlink(&seeds, seeds.join("loop")).unwrap();
        std::os::unix::fs::symlink(seeds.join("gone.txt"), seeds.join("dangling.txt")).unwrap();
    }
    let out = fx.run(&[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    let mut needles = vec![
        "seeds/empty.txt: is empty",
        "seeds/binary.txt: looks like a binary",
        "seeds/latin1.txt: is not valid UTF-8",
        "seeds/folder.txt: is a folder",
        "seeds/huge.txt: is 50.4 MB, over the 16.8 MB limit",
    ];
    if cfg!(unix) {
        needles.extend(["seeds/loop: symbolic link loop", "seeds/dangling.txt: cannot be read"]);
    }
    for needle in needles {
        assert!(err.contains(needle), "missing `{needle}` in:\n{err}");
    }
    assert!(!err.contains("draft.txt"), "an excluded file was reported:\n{err}");
    let json: serde_json::Value = serde_json::from_slice(&fx.read("out/briefing.json")).unwrap();
    assert_eq!(json["articles"].as_array().unwrap().len(), 7);
    let strict = fx.run(&["run", "--strict"]);
    assert_eq!(strict.status.code(), Some(3), "{}", stderr(&strict));
}

#[test]
fn usage_errors_exit_2_and_partial_runs_3() {
    let fx = Fixture::repo();
    for args in [
        &["run", "--bogus"][..],
        &["run", "--format", "MD"],
        &["run", "--jobs", "-1"],
        &["clean", "nothere.txt"],
    ] {
        let out = fx.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
    // No config and no articles' folder: say what to give.
    std::fs::create_dir(fx.path("empty")).unwrap();
    let none = Command::new(env!("CARGO_BIN_EXE_newsbrief"))
        .arg("run")
        .current_dir(fx.path("empty"))
        .output()
        .unwrap();
    assert_eq!(none.status.code(), Some(2), "{}", stderr(&none));
    assert!(stderr(&none).contains("--input DIR"), "{}", stderr(&none));
    std::fs::write(fx.path("binary.txt"), b"\x00\x01\x02PNG\x00\x00").unwrap();
    // `clean`, like `run`: a skipped file is a warning, and exit 3 under --strict.
    let out = fx.run(&["clean", "binary.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("skipped: binary.txt"), "{}", stderr(&out));
    let out = fx.run(&["clean", "--strict", "binary.txt"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    // `clean` reads only `[clean]`: a config whose input folder is missing does not stop it.
    std::fs::write(fx.path("elsewhere.toml"), "[input]\ndir = \"not-yet\"\n").unwrap();
    let seed = fx.seeds()[0].display().to_string();
    let out = fx.run(&["clean", "--config", "elsewhere.toml", &seed]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let broken = fx.run(&["run", "--config", "nothere.toml"]);
    assert_eq!(broken.status.code(), Some(1), "{}", stderr(&broken));
}

#[test]
fn a_failed_render_keeps_the_previous_briefing() {
    let fx = Fixture::repo();
    assert!(fx.run(&[]).status.success());
    let before: Vec<Vec<u8>> = OUTPUTS.iter().map(|f| fx.read(f)).collect();
    // A template that compiles but names an unknown field (found by the sample render before
    // any article is read; the byte limit test below fails halfway through a real render).
    std::fs::write(fx.path("templates/briefing.html.hbs"), "{{no_such_field}}").unwrap();
    std::fs::write(
        fx.path("seeds/new.txt"),
        "A new article arrived about the summit and its long list of outcomes.\n",
    )
    .unwrap();
    let out = fx.run(&[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    for (i, f) in OUTPUTS.iter().enumerate() {
        assert!(fx.read(f) == before[i], "{f} changed after a failed run");
    }
}

#[test]
fn a_template_that_recurses_or_writes_without_end_stops_with_exit_1_and_out_untouched() {
    let fx = Fixture::repo();
    assert!(fx.run(&[]).status.success());
    let before: Vec<Vec<u8>> = OUTPUTS.iter().map(|f| fx.read(f)).collect();
    let config = std::fs::read_to_string(fx.path("pipeline.toml")).unwrap();
    let small = config.replace("[output]\n", "[output]\nmax_template_bytes = 100000\n");
    assert_ne!(small, config);
    std::fs::write(fx.path("pipeline.toml"), small).unwrap();
    let each = "{{#each claims}}{{#each ../claims}}{{#each ../../claims}}{{#each ../../../claims}}{{summary}}{{/each}}{{/each}}{{/each}}{{/each}}";
    for (template, expected) in [
        ("{{> briefing}}", "the partial `briefing` is not an inline partial"),
        ("{{#*inline \"row\"}}{{> row}}{{/inline}}{{> row}}", "loop: row → row"),
        (each, "the template writes more than 100000 bytes (`output.max_template_bytes`)"),
    ] {
        std::fs::write(fx.path("templates/briefing.md.hbs"), template).unwrap();
        let out = fx.run(&[]);
        assert_eq!(out.status.code(), Some(1), "{template}: {}", stderr(&out));
        assert!(stderr(&out).contains(expected), "{template}: {}", stderr(&out));
        for (i, f) in OUTPUTS.iter().enumerate() {
            assert!(fx.read(f) == before[i], "{f} changed after a failed run");
        }
        let strays: Vec<_> = std::fs::read_dir(fx.path("out"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        assert!(strays.is_empty(), "{strays:?}");
    }
}

#[test]
fn validate_finds_what_run_would_trip_over_in_plain_words() {
    let fx = Fixture::repo();
    // Each template problem is found by validate, with its place, and run fails on it too.
    let cases = [
        (
            "{{#each key_judgment}}{{summary}}{{/each}}",
            "briefing.md.hbs:1:1:",
            "did you mean `key_judgments`?",
        ),
        ("ok\n{{#each claims}}{{sumary}}{{/each}}", "briefing.md.hbs:2:17:", "did you mean `summary`?"),
        (
            "{{cuont counts.articles \"x\"}}",
            "briefing.md.hbs:1:1:",
            "there is no helper `cuont`; did you mean `count`?",
        ),
        (
            "{{#each stories}}{{label}}{{else}}{{#each claims}}{{actorz}}{{/each}}{{/each}}",
            "briefing.md.hbs:1:51:",
            "did you mean `actors`?",
        ),
        (
            "{{#each claims}}\nx\n",
            "briefing.md.hbs:3:1:",
            "`{{#each}}` opened at line 1, column 1 is never closed",
        ),
        ("{{title", "briefing.md.hbs:1:8:", "is not finished"),
    ];
    // Typos that strict rendering lets through (an `each` with an `else`, an `if`): the
    // section comes out empty. validate names them; run would write the empty section.
    let quiet = [
        ("{{#each key_judgment}}\n- {{summary}}\n{{else}}\nnone\n{{/each}}", "did you mean `key_judgments`?"),
        ("{{#if titel}}# {{title}}{{/if}}", "did you mean `title`?"),
    ];
    for (template, words) in quiet {
        std::fs::write(fx.path("templates/briefing.md.hbs"), template).unwrap();
        let err = stderr(&fx.run(&["validate"]));
        assert!(err.contains("briefing.md.hbs:1:1:") && err.contains(words), "{template}: {err}");
    }
    for (template, place, words) in cases {
        std::fs::write(fx.path("templates/briefing.md.hbs"), template).unwrap();
        let out = fx.run(&["validate"]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{template}: {err}");
        assert!(
            err.contains(place) && err.contains(words),
            "{template}: expected `{place}` and `{words}` in\n{err}"
        );
        assert!(!err.contains("helper_block") && !err.contains("strict mode"), "{err}");
        let run = fx.run(&["run", "--format", "md", "--quiet"]);
        assert_eq!(run.status.code(), Some(1), "{template}: run should fail too: {}", stderr(&run));
    }
    std::fs::copy(Path::new(REPO).join("templates/briefing.md.hbs"), fx.path("templates/briefing.md.hbs"))
        .unwrap();

    // Config errors: plain type names and the nearest key, each prefixed `error:`.
    std::fs::write(
        fx.path("pipeline.toml"),
        "[dedup]\nshingle_word = 3\narticle_threshold = \"high\"\n[output]\nmax_rows = -1\nformats = \"md\"\n",
    )
    .unwrap();
    let err = stderr(&fx.run(&["validate"]));
    for needle in [
        "error: pipeline.toml:2:1: unknown key `shingle_word` in [dedup]; did you mean `shingle_words`?",
        "error: pipeline.toml:3:21: `dedup.article_threshold`: expected a number, found \"high\"",
        "error: pipeline.toml:5:12: `output.max_rows`: expected a whole number, 0 or more, found -1",
        "`output.formats`: expected a list",
    ] {
        assert!(err.contains(needle), "missing `{needle}` in:\n{err}");
    }
    assert!(!err.contains("usize") && !err.contains("f64") && !err.contains("a sequence"), "{err}");

    // A config that is not there is the only problem: `./templates` is not its folder.
    std::fs::write(fx.path("templates/briefing.md.hbs"), "{{titel}}").unwrap();
    let out = fx.run(&["validate", "--config", "nothere.toml"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("nothere.toml") && !err.contains("briefing.md.hbs"), "{err}");
}
