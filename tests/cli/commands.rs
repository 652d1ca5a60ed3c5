//! The other commands and surroundings: `clean`, `init`, runs without a config, completions and the man page, GitHub Actions.

use super::*;

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
fn a_line_that_two_stories_of_one_site_share_is_its_furniture() {
    let fx = Fixture::repo();
    // A teaser of the site's most-read story, which reads like prose.
    let box_line =
        "Five years after the flood, the farmers of the valley are planting rice again on their old fields.";
    let page = |url: &str, story: &[&str]| format!("{url}\n\n{}\n\n{box_line}\n", story.join("\n\n"));
    let harbour = [
        "The harbour of Klaipeda reopened on Monday after a storm that had closed it for three days.",
        "Forty ships had waited at anchor off the coast, and the first of them came in at dawn, the port said.",
    ];
    let budget = [
        "The city council agreed its budget on Friday after a debate that went on late into the night.",
        "Most of the new money goes to schools and to the repair of the old bridge over the river.",
    ];
    std::fs::write(
        fx.path("seeds/harbour.txt"),
        page("https://www.courier.example/2024/03/04/harbour", &harbour),
    )
    .unwrap();
    std::fs::write(fx.path("seeds/budget.txt"), page("https://courier.example/2024/03/05/budget", &budget))
        .unwrap();
    // Another site's page with the same line keeps it: one page is no site's furniture.
    std::fs::write(fx.path("seeds/other.txt"), page("https://other.example/2024/03/05/bridge", &budget[1..]))
        .unwrap();
    let out = fx.run(&["run", "--format", "json,corpus", "--no-cache"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let corpus = String::from_utf8(fx.read("out/corpus.jsonl")).unwrap();
    let article = |id: &str| -> serde_json::Value {
        corpus
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .find(|a| a["id"] == id)
            .unwrap()
    };
    for id in ["harbour", "budget"] {
        let a = article(id);
        let kept: Vec<&str> =
            a["paragraphs"].as_array().unwrap().iter().map(|p| p["text"].as_str().unwrap()).collect();
        assert!(!kept.contains(&box_line), "{id}: {kept:?}");
        assert!(kept.len() >= 2, "{id} lost its story: {kept:?}");
        let removed = a["removed"].as_array().unwrap();
        assert!(
            removed.iter().any(|r| r["text"] == box_line && r["reason"] == "corpus_repeated"),
            "{removed:?}"
        );
    }
    let other = article("other");
    let kept: Vec<&str> =
        other["paragraphs"].as_array().unwrap().iter().map(|p| p["text"].as_str().unwrap()).collect();
    assert!(kept.contains(&box_line), "{kept:?}");
}
