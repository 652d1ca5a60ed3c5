use super::*;

fn parse(text: &str) -> Result<Config, ConfigError> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("seeds")).unwrap();
    Config::from_str(text, &dir.path().join("pipeline.toml"), &Overrides::default())
}

#[test]
fn the_file_init_writes_holds_the_defaults() {
    let at = Path::new("pipeline.toml");
    let defaults = Config::from_str("[input]\ndir = \".\"\n", at, &Overrides::default()).unwrap();
    let written = include_str!("../init.toml").replace("dir = \"seeds\"", "dir = \".\"");
    let init = Config::from_str(&written, at, &Overrides::default()).unwrap();
    assert_eq!(format!("{init:?}"), format!("{defaults:?}"));
}

#[test]
fn an_output_folder_that_is_or_holds_the_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("news/in")).unwrap();
    let at = dir.path().join("pipeline.toml");
    let with = |out: &str| {
        let text = format!("[input]\ndir = \"news/in\"\n[output]\ndir = \"{out}\"\n");
        Config::from_str(&text, &at, &Overrides::default())
    };
    for bad in ["news/in", "news", ".", "/", "news/in/../../news/in/."] {
        let e = with(bad).expect_err(bad);
        assert!(e.to_string().contains("pipeline.toml:4:7: `output.dir`: the output folder"), "{e}");
    }
    for good in ["out", "news/out", "news/in/out", "news/in2"] {
        assert!(with(good).is_ok(), "{good}");
    }
    let flag = Overrides { out: Some(dir.path().join("news")), ..Overrides::default() };
    let e = Config::from_str("[input]\ndir = \"news/in\"\n", &at, &flag).unwrap_err();
    assert!(e.to_string().contains("--out: the output folder"), "{e}");
}

#[test]
fn defaults_are_valid() {
    let cfg = parse("").unwrap();
    assert_eq!(cfg.formats, Format::ALL.to_vec());
    assert_eq!(cfg.dedup.shingle_words, 5);
    assert!(cfg.include.is_match("a/b.txt"));
}

#[test]
fn a_key_or_table_defined_twice_is_named() {
    let err = parse("[output]\nmax_rows = 3\n[output]\n").unwrap_err();
    assert_eq!(err.problems[0].message, "`output` is defined twice; a key, or a [table], may appear once");
    let err = parse("title = \"a\"\ntitle = \"b\"\n").unwrap_err();
    assert_eq!(
        (err.problems[0].line, err.problems[0].message.starts_with("`title` is defined twice")),
        (2, true)
    );
}

#[test]
fn the_cache_lives_in_the_output_folder_unless_named() {
    let cfg = parse("[output]\ndir = \"brief\"\n").unwrap();
    assert!(cfg.cache_dir.unwrap().ends_with("brief/.cache"));
    let cfg = parse("[output]\ndir = \"brief\"\n[cache]\ndir = \"shared\"\n").unwrap();
    assert!(cfg.cache_dir.unwrap().ends_with("shared"));
    assert_eq!(parse("[cache]\nenabled = false\n").unwrap().cache_dir, None);
}

#[test]
fn misspelled_key_is_reported_with_line_and_column() {
    let err = parse("title = \"x\"\n[dedup]\nshingle_word = 4\n").unwrap_err();
    assert_eq!(err.problems.len(), 1, "{err}");
    let p = &err.problems[0];
    assert_eq!((p.line, p.column), (3, 1));
    assert_eq!(p.message, "unknown key `shingle_word` in [dedup]; did you mean `shingle_words`?");
}

#[test]
fn every_problem_is_reported_at_once() {
    let text = "titel = \"x\"\n[dedup]\narticle_threshold = 1.5\nshingle_words = \"five\"\n\
                [output]\nformats = [\"docx\"]\n[clean]\nextra_boilerplate = [\"(\"]\n";
    let err = parse(text).unwrap_err();
    let lines: Vec<usize> = err.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, vec![1, 3, 4, 6, 8], "{err}");
    assert!(err.to_string().contains("must be in 0..=1"), "{err}");
}

#[test]
fn missing_input_folder_is_an_error() {
    let err = parse("[input]\ndir = \"nowhere\"\n").unwrap_err();
    assert_eq!(err.problems[0].line, 2);
    assert!(err.problems[0].message.contains("does not exist"));
}

#[test]
fn syntax_error_has_a_place() {
    let err = parse("[dedup\n").unwrap_err();
    assert_eq!(err.problems[0].line, 1);
}

#[test]
fn line_col_counts_characters() {
    assert_eq!(line_col("ab\n«c»d", 7), (2, 3));
    assert_eq!(line_col("", 5), (1, 1));
}
