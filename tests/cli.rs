//! End to end: the real binary on a temporary copy of the repo (seeds, pipeline.toml,
//! templates), checking the four outputs, determinism, config errors and bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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

#[test]
fn writes_five_outputs_with_the_json_contract() {
    let fx = Fixture::repo();
    let out = fx.run(&[]);
    assert!(out.status.success(), "{}", stderr(&out));
    for f in OUTPUTS {
        assert!(!fx.read(f).is_empty(), "{f} is empty");
    }
    // One plain progress line per stage when stderr is not a terminal.
    let err = stderr(&out);
    for stage in ["ingest:", "clean:", "dedup:", "extract:", "consolidate:", "render:"] {
        assert!(err.lines().any(|l| l.starts_with(stage)), "no `{stage}` line in {err}");
    }

    let json: serde_json::Value = serde_json::from_slice(&fx.read("out/briefing.json")).unwrap();
    assert_eq!(json["schema_version"], 2);
    for key in [
        "title",
        "articles",
        "duplicates",
        "actors",
        "quotes",
        "stories",
        "key_judgments",
        "claims",
        "figures",
        "contradictions",
        "timeline",
    ] {
        assert!(json.get(key).is_some(), "missing `{key}`");
    }
    // Articles carry their metadata; their text is in corpus.jsonl, a line each, in the same
    // order.
    let articles = json["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 5);
    let corpus = String::from_utf8(fx.read("out/corpus.jsonl")).unwrap();
    let lines: Vec<serde_json::Value> = corpus.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), articles.len());
    for (a, text) in articles.iter().zip(&lines) {
        for key in [
            "id",
            "path",
            "url",
            "title",
            "date",
            "date_source",
            "author",
            "publisher",
            "outlet",
            "duplicate_of",
        ] {
            assert!(a.get(key).is_some(), "article misses `{key}`");
        }
        assert!(a.get("paragraphs").is_none() && a.get("removed").is_none(), "text in briefing.json");
        assert_eq!((&text["id"], &text["path"]), (&a["id"], &a["path"]));
        let p = &text["paragraphs"][0];
        assert!(p["text"].is_string() && p["lines"].as_array().unwrap().len() == 2 && p["index"] == 0);
        assert!(text["removed"].is_array());
    }
    // Every source of a claim is a paragraph that corpus.jsonl holds, with the claim's words.
    for c in json["claims"].as_array().unwrap() {
        for s in c["sources"].as_array().unwrap() {
            let text = lines.iter().find(|l| l["id"] == s["article"]).expect("the source's article");
            let paragraph = text["paragraphs"]
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["index"] == s["paragraph"])
                .map(|p| p["text"].as_str().unwrap());
            let said = s["text"].as_str().unwrap();
            // A headline is in no paragraph: its source names the line.
            assert!(
                paragraph.is_some_and(|p| p.contains(said)) || s["paragraph"].is_null() && s["line"].is_u64(),
                "{s}"
            );
        }
    }
    let actor = &json["actors"][0];
    for key in ["id", "name", "kind", "aliases", "roles", "mentions", "articles"] {
        assert!(actor.get(key).is_some(), "actor misses `{key}`");
    }
    let claim = &json["claims"][0];
    for key in ["id", "summary", "kind", "score", "actors", "story", "independent_sources", "sources"] {
        assert!(claim.get(key).is_some(), "claim misses `{key}`");
    }
    // One folder about one war is one story, and every claim of it names it.
    let stories = json["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 1, "{stories:?}");
    assert_eq!(stories[0]["articles"].as_array().unwrap().len(), 5);
    let claims = json["claims"].as_array().unwrap();
    assert!(claims.iter().all(|c| c["story"] == stories[0]["id"]));
    // Key judgments are objects that name their claim, story and sources.
    let first = &json["key_judgments"][0];
    let lead = claims.iter().find(|c| c["id"] == first["claim"]).expect("the key judgment's claim");
    // Its text is the claim's sentence, a date added after each weekday.
    assert!(first["text"].as_str().unwrap().starts_with(&lead["summary"].as_str().unwrap()[..20]));
    assert_eq!(first["story"], stories[0]["id"]);
    assert!(!first["sources"].as_array().unwrap().is_empty());
    // Every claim, quote and figure names its sources.
    assert!(json["claims"].as_array().unwrap().iter().all(|c| !c["sources"].as_array().unwrap().is_empty()));
    assert!(json["quotes"].as_array().unwrap().iter().all(|q| q["article"].is_string()));
    assert!(json["figures"].as_array().unwrap().iter().all(|f| f["article"].is_string()));
}

#[test]
fn pdf_text_has_curly_quotes_and_a_name_from_the_articles() {
    let fx = Fixture::repo();
    assert!(fx.run(&["run", "--format", "pdf,json"]).status.success());
    let json: serde_json::Value = serde_json::from_slice(&fx.read("out/briefing.json")).unwrap();
    let person = json["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "person")
        .and_then(|a| a["name"].as_str())
        .expect("a person among the actors")
        .to_string();
    let doc = lopdf::Document::load_mem(&fx.read("out/briefing.pdf")).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    assert!(pages.len() > 1);
    let text = doc.extract_text(&pages).unwrap();
    assert!(text.contains('“') && text.contains('”'), "no curly quotes in the PDF text");
    assert!(text.contains(&person), "`{person}` not in the PDF text");
    assert!(text.contains("Page 1 of"), "no page numbers");
    // Dated as the newest article (the seeds': 6 December 2023), not 1970, when
    // SOURCE_DATE_EPOCH is unset.
    let newest =
        json["articles"].as_array().unwrap().iter().filter_map(|a| a["date"].as_str()).max().unwrap();
    let stamp = format!("CreationDate(D:{}", newest.replace('-', ""));
    let pdf = fx.read("out/briefing.pdf");
    assert!(pdf.windows(stamp.len()).any(|w| w == stamp.as_bytes()), "no `{stamp}` in the PDF");
}

/// The words of a text, lower-cased, with markup and entities gone: Markdown escapes,
/// HTML tags and entities, and PDF line wrapping all reduce to the same sequence.
fn words_of(text: &str) -> Vec<String> {
    let mut plain = String::with_capacity(text.len());
    let mut in_tag = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '<' => {
                in_tag = true;
                plain.push(' ');
            }
            '>' if in_tag => in_tag = false,
            '&' if !in_tag => {
                // An entity (`&amp;`, `&#x27;`): a separator like the character it stands for.
                while chars.next_if(|&n| n != ';' && !n.is_whitespace()).is_some() {}
                chars.next_if_eq(&';');
                plain.push(' ');
            }
            _ if !in_tag => plain.push(c),
            _ => {}
        }
    }
    plain.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

fn contains_words(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn every_format_shows_the_same_judgments_claims_quotes_and_sources() {
    let fx = Fixture::repo();
    let out = fx.run(&[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&fx.read("out/briefing.json")).unwrap();
    let md = words_of(&String::from_utf8(fx.read("out/briefing.md")).unwrap());
    let html = words_of(&String::from_utf8(fx.read("out/briefing.html")).unwrap());
    let doc = lopdf::Document::load_mem(&fx.read("out/briefing.pdf")).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let mut pdf = words_of(&doc.extract_text(&pages).unwrap());
    // A page's footer ("Page 2 of 8") comes out of the PDF wherever the page broke the text.
    let mut k = 0;
    while k + 4 <= pdf.len() {
        let footer = pdf[k] == "page"
            && pdf[k + 2] == "of"
            && [&pdf[k + 1], &pdf[k + 3]].iter().all(|w| w.chars().all(|c| c.is_ascii_digit()));
        if footer {
            pdf.drain(k..k + 4);
        } else {
            k += 1;
        }
    }

    let texts = |key: &str, field: &str| -> Vec<String> {
        json[key].as_array().unwrap().iter().filter_map(|x| x[field].as_str()).map(String::from).collect()
    };
    // Everything the seeds give fits the bounded sections, so every format must show all of it.
    let mut items: Vec<(String, String)> = Vec::new();
    items.extend(texts("claims", "summary").into_iter().map(|t| ("claim".to_string(), t)));
    // Quotes with a speaker: a phrase set apart in quotation marks that nobody spoke is listed
    // in the JSON only.
    let spoken = json["quotes"].as_array().unwrap().iter().filter(|q| q["speaker"].is_string());
    items.extend(spoken.filter_map(|q| q["text"].as_str()).map(|t| ("quote".to_string(), t.to_string())));
    items.extend(texts("timeline", "text").into_iter().map(|t| ("timeline".to_string(), t)));
    items.extend(texts("articles", "title").into_iter().map(|t| ("source".to_string(), t)));
    assert!(items.len() > 60, "too little to compare: {}", items.len());
    for (what, text) in &items {
        let needle = words_of(text);
        for (format, words) in [("md", &md), ("html", &html), ("pdf", &pdf)] {
            assert!(contains_words(words, &needle), "{format} misses the {what} “{text}”");
        }
    }
    // Actors: each format's table (from its header row to the section's end) lists the same ones.
    let shown = |words: &[String]| -> Vec<String> {
        let header = words_of("Name Kind Roles Aliases Mentions Sources");
        let start = words.windows(header.len()).position(|w| w == header).expect("an actors table");
        let table = &words[start..];
        let end = table.iter().position(|w| w == "quotes").unwrap_or(table.len());
        let table = &table[..end];
        texts("actors", "name").into_iter().filter(|n| contains_words(table, &words_of(n))).collect()
    };
    assert!(shown(&md).len() >= 10, "{:?}", shown(&md));
    assert_eq!(shown(&md), shown(&html), "md and html list different actors");
    assert_eq!(shown(&md), shown(&pdf), "md and pdf list different actors");
}

#[test]
fn outputs_are_byte_identical_across_runs_and_thread_counts() {
    let fx = Fixture::repo();
    assert!(fx.run(&["run", "--jobs", "1"]).status.success());
    let first: Vec<Vec<u8>> = OUTPUTS.iter().map(|f| fx.read(f)).collect();
    assert!(String::from_utf8_lossy(&first[0]).contains("First briefing in this output folder"));
    assert!(fx.run(&["run", "--jobs", "2", "--no-cache"]).status.success());
    let second: Vec<Vec<u8>> = OUTPUTS.iter().map(|f| fx.read(f)).collect();
    for (i, f) in OUTPUTS.iter().enumerate() {
        assert!(first[i] == second[i], "{f} differs between --jobs 1 and --jobs 2");
    }
}

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
    let config =
        config.replace("include = [\"**/*.txt\"]", "include = [\"**/*.txt\"]\nexclude = [\"draft.txt\"]");
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
fn hostile_text_stays_inert_in_html_and_markdown() {
    let fx = Fixture::repo();
    std::fs::write(
        fx.path("seeds/zz_hostile.txt"),
        "Budget plan <script>alert('x')</script> costs &amp; {{title}} more\n\nBudget plan <script>alert('x')</script> costs &amp; {{title}} more\n\n\
         The minister said the plan would cost about $5 billion over three years, officials said on Monday.\n\n\
         \u{201c}We will not pay for this plan,\u{201d} said Ann\u{202e}Lee\u{202c}, the \x1b]0;pwned\x07treasurer\x08, on Tuesday.\n",
    )
    .unwrap();
    let out = fx.run(&[]);
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("note: seeds/zz_hostile.txt: 5 control or text-direction characters removed"),
        "{}",
        stderr(&out)
    );
    for f in ["out/briefing.md", "out/briefing.html", "out/briefing.json"] {
        let text = String::from_utf8(fx.read(f)).unwrap();
        let hidden = text.chars().filter(|&c| newsbrief::ingest::is_hidden_control(c)).count();
        assert_eq!(hidden, 0, "{f} holds control or direction characters");
        assert!(text.contains("Ann"), "{f} lost the quote's speaker");
    }
    let html = String::from_utf8(fx.read("out/briefing.html")).unwrap();
    assert!(!html.contains("<script>"), "raw <script> in HTML");
    assert!(html.contains("&lt;script&gt;"), "the hostile title is not shown");
    assert!(html.contains("&amp;amp;"), "an entity in the text was not escaped");
    assert!(html.contains("{{title}}"), "handlebars syntax from an article was evaluated");
    let md = String::from_utf8(fx.read("out/briefing.md")).unwrap();
    assert!(!md.contains("<script>"), "raw <script> in Markdown");
    assert!(md.contains("{{title}}"));
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
fn clean_command_writes_cleaned_files() {
    let fx = Fixture::repo();
    let seed = std::fs::read_dir(fx.path("seeds")).unwrap().next().unwrap().unwrap().path();
    let out = fx.run(&["clean", "--out", "cleaned", seed.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let cleaned = std::fs::read_to_string(fx.path("cleaned").join(seed.file_name().unwrap())).unwrap();
    let raw = std::fs::read_to_string(&seed).unwrap();
    assert!(!cleaned.trim().is_empty() && cleaned.len() < raw.len());
}

#[test]
fn clean_command_names_each_output_after_its_own_file_when_some_are_skipped() {
    let fx = Fixture::repo();
    std::fs::create_dir(fx.path("pages")).unwrap();
    let mut args = vec!["clean".to_string(), "--out".into(), "cleaned".into()];
    for i in 0..30 {
        let name = format!("pages/page-{i:02}.txt");
        // Every seventh file is not text and is skipped; the others name their own number.
        let body: Vec<u8> = if i % 7 == 3 {
            vec![0, 159, 146, 150, 0, 0, 1]
        } else {
            format!(
                "Page {i} of the test.

The harbour of town number {i} reopened on Monday after a storm.
"
            )
            .into_bytes()
        };
        std::fs::write(fx.path(&name), body).unwrap();
        args.push(name);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = fx.run(&args);
    assert!(stderr(&out).contains("page-03.txt"), "{}", stderr(&out));
    for i in (0..30).filter(|i| i % 7 != 3) {
        let cleaned = std::fs::read_to_string(fx.path(&format!("cleaned/page-{i:02}.txt"))).unwrap();
        assert!(cleaned.contains(&format!("town number {i} ")), "page-{i:02}.txt holds {cleaned:?}");
    }
    assert!(!fx.path("cleaned/page-03.txt").exists());
}

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

/// The seeds' briefing as Markdown and JSON, and their text, against the copies in `tests/golden/seeds/`: the
/// safety net of every refactoring, which must change nothing a user sees. A change that means
/// to change the briefing writes the new copies with `NEWSBRIEF_BLESS=1 cargo test golden`,
/// and its commit says why they changed. The sentence model's vectors are the same on any CPU
/// (`src/embed/gemm.rs`), so these copies are too.
#[test]
fn golden_briefing_of_the_seeds() {
    let fx = Fixture::repo();
    let out = Command::new(env!("CARGO_BIN_EXE_newsbrief"))
        .args(["run", "--format", "md,json,corpus", "--no-cache", "--quiet"])
        .current_dir(fx.dir.path())
        .env_remove("GITHUB_STEP_SUMMARY")
        .env("SOURCE_DATE_EPOCH", "0")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let golden = Path::new(REPO).join("tests/golden/seeds");
    let bless = std::env::var_os("NEWSBRIEF_BLESS").is_some();
    let mut differ = Vec::new();
    for name in ["briefing.md", "briefing.json", "corpus.jsonl"] {
        let got = String::from_utf8(fx.read(&format!("out/{name}"))).unwrap();
        if bless {
            std::fs::write(golden.join(name), &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(golden.join(name)).unwrap_or_default();
        if let Some((line, (w, g))) = want
            .lines()
            .chain(std::iter::repeat(""))
            .zip(got.lines().chain(std::iter::repeat("")))
            .take(want.lines().count().max(got.lines().count()))
            .enumerate()
            .find(|(_, (w, g))| w != g)
        {
            differ.push(format!("{name}:{}:\n  golden: {w}\n  now:    {g}", line + 1));
        }
    }
    assert!(
        differ.is_empty(),
        "the seeds' briefing changed (first difference of each file below); if the change is \
         meant, run `NEWSBRIEF_BLESS=1 cargo test golden` and say why in the commit\n{}",
        differ.join("\n")
    );
}

#[test]
fn init_writes_a_config_and_templates_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let init = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_newsbrief"))
            .arg("init")
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    let out = init(&["project", "--templates"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let config = std::fs::read_to_string(dir.path().join("project/pipeline.toml")).unwrap();
    assert!(config.contains("[consolidate]") && config.contains("embed_budget"), "{config}");
    let template = std::fs::read_to_string(dir.path().join("project/templates/briefing.md.hbs")).unwrap();
    assert_eq!(template, std::fs::read_to_string(Path::new(REPO).join("templates/briefing.md.hbs")).unwrap());
    std::fs::write(dir.path().join("project/pipeline.toml"), "title = \"Mine\"\n").unwrap();
    let again = init(&["project"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("exists already"), "{}", stderr(&again));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("project/pipeline.toml")).unwrap(),
        "title = \"Mine\"\n"
    );
}

#[test]
fn a_run_needs_no_config_and_flags_are_relative_to_the_current_folder() {
    let fx = Fixture::repo();
    std::fs::create_dir(fx.path("work")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_newsbrief"))
        .args(["run", "--input", "../seeds", "--out", "brief", "--format", "json", "--quiet"])
        .current_dir(fx.path("work"))
        .env_remove("GITHUB_STEP_SUMMARY")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&fx.read("work/brief/briefing.json")).unwrap();
    assert_eq!(json["articles"].as_array().unwrap().len(), 5);
    // The cache follows the output folder.
    assert!(fx.path("work/brief/.cache").is_dir());
    assert!(!fx.path("work/out").exists());
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

#[test]
fn completions_and_the_man_page_come_from_the_command_definition() {
    let fx = Fixture::repo();
    let bash = fx.run(&["completions", "bash"]);
    assert!(bash.status.success(), "{}", stderr(&bash));
    let script = String::from_utf8(bash.stdout).unwrap();
    for word in ["validate", "init", "--no-cache", "--strict", "completions"] {
        assert!(script.contains(word), "the bash completions lack `{word}`");
    }
    // The script loads in bash and registers itself for the command.
    let path = fx.path("newsbrief.bash");
    std::fs::write(&path, &script).unwrap();
    let loaded = Command::new("bash")
        .arg("-c")
        .arg(format!("source '{}' && complete -p newsbrief", path.display()))
        .output()
        .unwrap();
    assert!(loaded.status.success(), "{}", stderr(&loaded));
    assert!(String::from_utf8_lossy(&loaded.stdout).contains("newsbrief"));
    let zsh = fx.run(&["completions", "zsh"]);
    assert!(String::from_utf8_lossy(&zsh.stdout).starts_with("#compdef newsbrief"));
    assert_eq!(fx.run(&["completions", "tcsh"]).status.code(), Some(2));

    let man = fx.run(&["man"]);
    assert!(man.status.success(), "{}", stderr(&man));
    let page = String::from_utf8(man.stdout).unwrap();
    for word in [".TH newsbrief 1", "validate", "init", "\\-\\-strict"] {
        assert!(page.contains(word), "the man page lacks `{word}`");
    }
}

#[test]
fn on_github_actions_the_step_summary_has_judgments_and_changes_and_bad_files_are_annotated() {
    let fx = Fixture::repo();
    let summary = fx.path("summary.md");
    let run = |fx: &Fixture| {
        Command::new(env!("CARGO_BIN_EXE_newsbrief"))
            .args(["run", "--format", "json", "--quiet"])
            .current_dir(fx.dir.path())
            .env("GITHUB_ACTIONS", "true")
            .env("GITHUB_STEP_SUMMARY", &summary)
            .output()
            .unwrap()
    };
    std::fs::write(fx.path("seeds/bad, file.txt"), b"\x00\x01\x02\x03 binary").unwrap();
    let first = run(&fx);
    assert!(first.status.success(), "{}", stderr(&first));
    let annotations = String::from_utf8(first.stdout).unwrap();
    assert!(
        annotations.contains("::warning file=seeds/bad%2C file.txt,title=newsbrief skipped::"),
        "{annotations}"
    );
    let json: serde_json::Value = serde_json::from_slice(&fx.read("out/briefing.json")).unwrap();
    let text = std::fs::read_to_string(&summary).unwrap();
    assert!(text.contains("#### Key judgments") && text.contains("nothing to compare with yet"), "{text}");
    // The judgment the briefing leads with leads the summary too.
    let first_judgment = json["key_judgments"][0]["text"].as_str().unwrap();
    let words: Vec<&str> = first_judgment.split_whitespace().take(4).collect();
    assert!(text.contains(&words.join(" ")), "`{first_judgment}` is not in:\n{text}");

    // A new article: the second summary says what changed.
    let seed = fx.seeds()[0].clone();
    let mut edited = std::fs::read_to_string(&seed).unwrap();
    edited
        .push_str("\n\nThe ministry said on Monday that 4,000 soldiers had crossed the border near Brest.\n");
    std::fs::write(fx.path("seeds/zz-new.txt"), edited).unwrap();
    std::fs::remove_file(&summary).unwrap();
    let second = run(&fx);
    assert!(second.status.success(), "{}", stderr(&second));
    let text = std::fs::read_to_string(&summary).unwrap();
    assert!(text.contains("1 new article") && text.contains("zz-new.txt"), "{text}");
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

#[test]
fn citations_link_to_their_sources_and_sources_to_their_pages_in_every_format() {
    let fx = Fixture::repo();
    let url = "https://example.org/world/2022/05/summit?id=7&x=1";
    let first = fx.seeds()[0].clone();
    let text = std::fs::read_to_string(&first).unwrap();
    std::fs::write(&first, format!("{url}\n\n{text}")).unwrap();
    let out = fx.run(&["run", "--quiet"]);
    assert!(out.status.success(), "{}", stderr(&out));

    // Markdown: each citation is a link to an anchor that the sources list defines.
    let md = String::from_utf8(fx.read("out/briefing.md")).unwrap();
    let cited: std::collections::BTreeSet<&str> =
        md.match_indices("](#source-").map(|(i, _)| md[i + 3..].split(')').next().unwrap()).collect();
    assert!(cited.len() >= 3, "few linked citations:\n{md}");
    for anchor in &cited {
        assert!(md.contains(&format!("<a id=\"{anchor}\"></a>")), "no anchor for #{anchor}");
    }
    assert!(
        md.contains(&format!("](<{}>)", url.replace('&', "&amp;"))),
        "the headline is not linked to {url}"
    );

    // HTML: a table of contents, every in-page link resolves, the source links to its page.
    let html = String::from_utf8(fx.read("out/briefing.html")).unwrap();
    assert!(html.contains("<nav class=\"toc\""), "no table of contents");
    for (i, _) in html.match_indices("href=\"#") {
        let id = html[i + 7..].split('"').next().unwrap();
        assert!(html.contains(&format!("id=\"{id}\"")), "`#{id}` leads nowhere");
    }
    // Handlebars escapes `=` and `&` in the attribute; a browser reads them back.
    let attributes = html.replace("&#x3D;", "=").replace("&amp;", "&");
    assert!(attributes.contains(&format!("<a href=\"{url}\">")), "no link to {url}");

    // PDF: citations go to the Sources page, the headline to the URL.
    let doc = lopdf::Document::load_mem(&fx.read("out/briefing.pdf")).unwrap();
    let pages = doc.get_pages();
    let page_ids: std::collections::BTreeSet<lopdf::ObjectId> = pages.values().copied().collect();
    let (mut internal, mut uris) = (0, Vec::new());
    for &page in pages.values() {
        let dict = doc.get_dictionary(page).unwrap();
        let Ok(annots) = dict.get(b"Annots") else { continue };
        let annots = match annots {
            lopdf::Object::Reference(r) => doc.get_object(*r).unwrap().as_array().unwrap().clone(),
            other => other.as_array().unwrap().clone(),
        };
        for a in annots {
            let a = match a {
                lopdf::Object::Reference(r) => doc.get_dictionary(r).unwrap().clone(),
                lopdf::Object::Dictionary(d) => d,
                other => panic!("annotation {other:?}"),
            };
            let action = a.get(b"A").unwrap().as_dict().unwrap();
            match action.get(b"S").unwrap().as_name().unwrap() {
                b"GoTo" => {
                    let dest = action.get(b"D").unwrap().as_array().unwrap();
                    assert!(page_ids.contains(&dest[0].as_reference().unwrap()), "a link to no page");
                    internal += 1;
                }
                b"URI" => uris.push(
                    String::from_utf8_lossy(action.get(b"URI").unwrap().as_str().unwrap()).into_owned(),
                ),
                other => panic!("unexpected action {}", String::from_utf8_lossy(other)),
            }
        }
    }
    assert!(internal >= 10, "only {internal} citation links in the PDF");
    assert_eq!(uris, vec![url.to_string()]);
}

#[test]
fn changes_compare_every_claim_of_the_corpus_not_the_shown_ones() {
    let fx = Fixture::repo();
    let config = std::fs::read_to_string(fx.path("pipeline.toml")).unwrap();
    let with_claims =
        |n: usize| config.replace("[consolidate]\n", &format!("[consolidate]\nmax_claims = {n}\n"));
    let changes = |fx: &Fixture| -> serde_json::Value {
        let json: serde_json::Value = serde_json::from_slice(&fx.read("out/briefing.json")).unwrap();
        json["changes"].clone()
    };
    std::fs::write(fx.path("pipeline.toml"), with_claims(40)).unwrap();
    assert!(fx.run(&["--format", "json", "--quiet"]).status.success());
    let shown_before: serde_json::Value = serde_json::from_slice(&fx.read("out/briefing.json")).unwrap();
    // Fewer claims shown, the same articles: nothing is new and nothing dropped.
    std::fs::write(fx.path("pipeline.toml"), with_claims(3)).unwrap();
    assert!(fx.run(&["--format", "json", "--quiet"]).status.success());
    let c = changes(&fx);
    assert_eq!(c["compared"], true, "{c}");
    assert_eq!(c["dropped_claims"], serde_json::json!([]), "outranked claims reported as dropped: {c}");
    assert_eq!(c["new_claims"], serde_json::json!([]), "{c}");
    // More claims shown again, the same articles: those that come back are not new.
    std::fs::write(fx.path("pipeline.toml"), with_claims(40)).unwrap();
    assert!(fx.run(&["--format", "json", "--quiet"]).status.success());
    let c = changes(&fx);
    assert_eq!(c["new_claims"], serde_json::json!([]), "claims shown again reported as new: {c}");
    // An article removed: the claims only it said are dropped, and only those.
    let claims = shown_before["claims"].as_array().unwrap();
    let single =
        claims.iter().find(|c| c["sources"].as_array().unwrap().len() == 1).expect("a one-source claim");
    let gone_id = single["sources"][0]["article"].as_str().unwrap().to_string();
    let gone = fx.seeds().into_iter().find(|p| p.file_stem().unwrap().to_string_lossy() == gone_id).unwrap();
    std::fs::remove_file(&gone).unwrap();
    std::fs::write(fx.path("pipeline.toml"), with_claims(40)).unwrap();
    assert!(fx.run(&["--format", "json", "--quiet"]).status.success());
    let c = changes(&fx);
    let dropped: Vec<&str> =
        c["dropped_claims"].as_array().unwrap().iter().map(|d| d.as_str().unwrap()).collect();
    let only_in_gone: Vec<&str> = claims
        .iter()
        .filter(|claim| claim["sources"].as_array().unwrap().iter().all(|s| s["article"] == gone_id.as_str()))
        .map(|claim| claim["summary"].as_str().unwrap())
        .collect();
    assert!(dropped.contains(&single["summary"].as_str().unwrap()), "{c}");
    for d in &dropped {
        assert!(only_in_gone.contains(d), "`{d}` is dropped although another article still says it");
    }
}

#[test]
fn an_outlets_update_of_an_earlier_article_is_reported_with_what_it_changed() {
    let fx = Fixture::repo();
    assert!(fx.run(&["--format", "md,json", "--quiet"]).status.success());
    let earlier =
        fx.seeds().into_iter().find(|p| std::fs::read_to_string(p).unwrap().contains("$16 billion")).unwrap();
    let earlier_id = earlier.file_stem().unwrap().to_string_lossy().into_owned();
    let text = std::fs::read_to_string(&earlier).unwrap();
    let updated = text.replacen("$16 billion", "$19 billion", 1)
        + "\n\nThe ministry revised its estimate of the cost of the sanctions on Tuesday.\n";
    std::fs::write(fx.path("seeds/zz-update.txt"), updated).unwrap();
    let out = fx.run(&["--format", "md,json", "--quiet"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&fx.read("out/briefing.json")).unwrap();
    let updates = json["changes"]["updates"].as_array().unwrap();
    assert_eq!(updates.len(), 1, "{updates:?}");
    let u = &updates[0];
    assert_eq!(
        (u["article"].as_str(), u["of"].as_str()),
        (Some("zz-update"), Some(earlier_id.as_str())),
        "{u}"
    );
    let figure = u["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["after"] == "$19 billion")
        .expect("the new figure");
    assert_eq!(figure["before"], "$16 billion");
    assert!(u["added_sentences"].as_u64().unwrap() >= 1 && u["removed_sentences"] == 1, "{u}");
    let md = String::from_utf8(fx.read("out/briefing.md")).unwrap();
    assert!(md.contains("- Update: ") && md.contains("$16 billion → $19 billion"), "{md}");
}
