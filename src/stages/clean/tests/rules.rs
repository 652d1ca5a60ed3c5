//! The table of `tests/rules/clean.toml`: a case per rule, each naming the removal reason
//! that must decide it.

use super::*;

/// One case of the table.
#[derive(serde::Deserialize)]
struct Case {
    name: String,
    page: String,
    #[serde(default)]
    removed: Vec<Expected>,
    #[serde(default)]
    kept: Vec<String>,
    #[serde(default)]
    extra: Vec<String>,
    #[serde(default)]
    corpus: Vec<String>,
}

/// A block a case expects removed: the start of its text and the reason.
#[derive(serde::Deserialize)]
struct Expected {
    text: String,
    reason: String,
}

/// What went wrong with one case, if anything.
fn check(case: &Case) -> Vec<String> {
    let extra: Vec<regex::Regex> =
        case.extra.iter().map(|p| regex::Regex::new(p).expect("pattern")).collect();
    let corpus_lines: HashSet<u64> = case.corpus.iter().flat_map(|l| line_keys(l)).collect();
    let rules = Rules {
        extra: &extra,
        corpus_lines: &corpus_lines,
        site_lines: None,
        enabled: true,
        thresholds: Thresholds::default(),
    };
    let cleaned = clean_text(&case.page, &rules);
    let mut problems = Vec::new();
    // Each expected removal takes the first removed block that starts with its text and
    // gives its reason, so a text expected twice needs two blocks.
    let mut taken = vec![false; cleaned.removed.len()];
    for want in &case.removed {
        let found = cleaned.removed.iter().enumerate().position(|(i, r)| {
            !taken[i] && r.text.starts_with(&want.text) && r.reason.to_string() == want.reason
        });
        match found {
            Some(i) => taken[i] = true,
            None => problems.push(format!("{:?} not removed as {}", want.text, want.reason)),
        }
    }
    for want in &case.kept {
        if !cleaned.paragraphs.iter().any(|p| p.text.starts_with(want.as_str())) {
            problems.push(format!("{want:?} not kept"));
        }
    }
    if !problems.is_empty() {
        let removed: Vec<String> =
            cleaned.removed.iter().map(|r| format!("{} {:?}", r.reason, r.text)).collect();
        problems.push(format!("removed: {removed:?}"));
    }
    problems
}

#[test]
fn every_removal_reason_decides_its_cases() {
    #[derive(serde::Deserialize)]
    struct Table {
        case: Vec<Case>,
    }
    let table: Table =
        toml::from_str(include_str!("../../../../tests/rules/clean.toml")).expect("clean.toml");
    let failures: Vec<String> = table
        .case
        .iter()
        .filter_map(|case| {
            let problems = check(case);
            (!problems.is_empty()).then(|| format!("{}: {}", case.name, problems.join("; ")))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Every reason a rule gives has a case. The block model's reason is tested on pages with
    // hand-made models (`tests::model`): what the shipped model drops moves when it is trained
    // again.
    let decided: HashSet<String> =
        table.case.iter().flat_map(|c| c.removed.iter().map(|r| r.reason.clone())).collect();
    let reasons = [
        RemovalReason::Navigation,
        RemovalReason::Social,
        RemovalReason::Caption,
        RemovalReason::Disclaimer,
        RemovalReason::Repeated,
        RemovalReason::Teaser,
        RemovalReason::Metadata,
        RemovalReason::CorpusRepeated,
        RemovalReason::UserRule,
        RemovalReason::Fragment,
        RemovalReason::Trailing,
    ];
    let untested: Vec<String> =
        reasons.iter().map(ToString::to_string).filter(|r| !decided.contains(r)).collect();
    assert!(untested.is_empty(), "reasons with no case in tests/rules/clean.toml: {untested:?}");
}
