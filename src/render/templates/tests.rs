use super::*;

#[test]
fn a_code_span_shows_its_text_as_written() {
    assert_eq!(code_span("seeds/000_984.txt"), "`seeds/000_984.txt`");
    assert_eq!(code_span("a`b"), "``a`b``");
    assert_eq!(code_span("`x"), "`` `x ``");
    assert_eq!(code_span("a|b\nc"), "`a\\|b c`");
}

#[test]
fn markdown_escaping_makes_text_inert() {
    assert_eq!(
        escape_markdown("<script>a*b_c</script> {{x}} &amp;"),
        "&lt;script&gt;a\\*b\\_c&lt;/script&gt; {{x}} &amp;amp;"
    );
}

#[test]
fn broken_override_is_reported_with_position() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("briefing.md.hbs"), "ok\n{{#each claims}}\n{{/if}}\n").unwrap();
    let problems = check(dir.path());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].line, 3);
    assert!(problems[0].file.ends_with("briefing.md.hbs"));
}

fn problems_of(md: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("briefing.md.hbs"), md).unwrap();
    check(dir.path()).into_iter().map(|p| p.message).collect()
}

#[test]
fn templates_that_would_recurse_forever_are_refused() {
    let refused = [
        ("{{> briefing}}", "the partial `briefing` is not an inline partial"),
        ("{{#*inline \"row\"}}{{> row}}{{/inline}}{{> row}}", "loop: row → row"),
        (
            "{{#*inline \"a\"}}{{> b}}{{/inline}}{{#*inline \"b\"}}x{{> a}}{{/inline}}{{> a}}",
            "loop: a → b → a",
        ),
        ("{{#> layout}}x{{/layout}}", "partial blocks"),
        ("{{> (lookup this \"name\")}}", "must be written out"),
        (&"{{#if x}}".repeat(40), "nested 40 deep"),
    ];
    for (template, expected) in refused {
        let problems = problems_of(template);
        assert!(problems.iter().any(|p| p.contains(expected)), "{template}: {problems:?}");
    }
    let fine = "{{#*inline \"row\"}}| {{name}} |{{/inline}}{{#each actors}}{{> row}}{{/each}}";
    assert_eq!(problems_of(fine), Vec::<String>::new());
    let deep = format!("{}x{}", "{{#if title}}".repeat(MAX_NESTING), "{{/if}}".repeat(MAX_NESTING));
    assert_eq!(problems_of(&deep), Vec::<String>::new());
}

#[test]
fn a_template_that_writes_too_much_stops_with_an_error() {
    let mut out = Bounded { bytes: Vec::new(), limit: 10 };
    let mut registry = Handlebars::new();
    registry
        .register_template_string("briefing", "{{#each this}}{{#each ../this}}{{this}}{{/each}}{{/each}}")
        .unwrap();
    let e = registry.render_to_write("briefing", &["abc"; 3], &mut out).unwrap_err();
    assert!(format!("{e:?}").contains("more than 10 bytes"), "{e:?}");
    assert!(out.bytes.len() <= 10);
}

#[test]
fn the_step_summary_renders_every_sample() {
    for view in [crate::render::sample::full(), crate::render::sample::empty()] {
        let text = Templates::step_summary(&view).unwrap();
        assert!(text.contains("#### Key judgments"), "{text}");
    }
    let full = Templates::step_summary(&crate::render::sample::full()).unwrap();
    assert!(
        full.contains("- **Border talks:** Talks resumed on Monday.")
            && full.contains("New claim: Talks resumed.")
    );
}

#[test]
fn fields_are_followed_into_blocks_and_partials() {
    let problems = |text: &str| -> Vec<String> {
        unknown_fields(&Template::compile(text).unwrap()).into_iter().map(|p| p.2).collect()
    };
    assert_eq!(
        problems(
            "{{#each claims}}{{summary}}{{../title}}{{@index}}{{/each}}{{#with counts}}{{articles}}{{/with}}"
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        problems(
            "{{#*inline \"c\"}}{{#each cites}}{{nn}}{{/each}}{{/inline}}{{#each claims}}{{> c}}{{/each}}"
        ),
        vec!["`nn` is not a field of the briefing here; did you mean `n`?".to_string()]
    );
    assert_eq!(problems("{{#each claimz}}x{{else}}y{{/each}}").len(), 1);
    assert_eq!(problems("{{count counts.article \"x\"}}").len(), 1);
}

#[test]
fn embedded_defaults_compile() {
    assert!(check(Path::new("/nonexistent")).is_empty());
}
