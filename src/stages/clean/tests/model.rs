//! The block model on small pages, with hand-made one-split models, and its file's parse.

use super::*;

/// A model of one split: a block whose `feature` is above `threshold` is not the article's.
fn one_split(feature: &str, threshold: f64) -> scores::BlockModel {
    scores::BlockModel::parse(&format!(
        "# a test model\nbaseline\t0.5\ndrop_below\t0\ntree\nsplit\t{feature}\t{threshold}\t1\t2\nleaf\t1.5\nleaf\t-3\n"
    ))
    .unwrap()
}

/// The rules' labels of a page, and what is left kept once `model` has had its word.
fn rescored(text: &str, model: &scores::BlockModel) -> Vec<String> {
    let blocks = join_fragments(split_blocks(text));
    let RuleLabels { mut labels, structure, .. } = with_rules(|rules| rule_labels(&blocks, rules));
    scores::rescore(&blocks, &mut labels, &structure, model, &Thresholds::default());
    blocks.iter().zip(&labels).filter(|(_, l)| l.is_kept()).map(|(b, _)| b.text.clone()).collect()
}

#[test]
fn the_block_model_drops_kept_prose_it_scores_below_zero_but_never_the_longest() {
    let lead = "The council met on Friday in the capital to discuss the budget, and the ministers agreed on most items of it.";
    let ad = "Read the full plan at www.example.org before the vote next week, the council said.";
    let page = format!(
        "{lead}\n\n{ad}\n\nThe debate went on late into the night, and several members walked out.\n"
    );
    // The rules keep all three; a model that scores link-like blocks low drops the link.
    let model = one_split("link_like", 0.5);
    assert_eq!(
        rescored(&page, &model),
        [lead, "The debate went on late into the night, and several members walked out."]
    );
    // A model that scores every block low keeps the longest: the article is never emptied.
    let model = one_split("words", 0.0);
    assert_eq!(rescored(&page, &model), [lead]);
    // What is kept as a structure (a numbered list) stays, whatever the model says.
    let list = "1) Lower fuel taxes\n\n2) New rail line at www.example.org\n\n3) School meals";
    let kept = rescored(&format!("{lead}\n\n{lead} Again.\n\n{list}\n"), &one_split("link_like", 0.5));
    assert!(kept.contains(&"2) New rail line at www.example.org".to_string()), "{kept:#?}");
    // And the model never brings back what a rule removed (a share button).
    let kept = rescored(&format!("{lead}\n\nShare this\n"), &one_split("words", 1e9));
    assert_eq!(kept, [lead]);
}

#[test]
fn the_block_model_file_is_read_strictly() {
    let model = one_split("words", 10.0);
    let mut f = [0.0; scores::N_FEATURES];
    f[0] = 10.0;
    assert_eq!(model.log_odds(&f), 2.0);
    f[0] = 10.5;
    assert_eq!(model.log_odds(&f), -2.5);
    let bad = |text: &str| scores::BlockModel::parse(text).unwrap_err();
    assert!(
        bad("baseline\t0\ntree\nsplit\tno_such\t1\t1\t2\nleaf\t1\nleaf\t2\n").contains("unknown feature")
    );
    assert!(bad("baseline\t0\ntree\nsplit\twords\t1\t0\t2\nleaf\t1\nleaf\t2\n").contains("out of place"));
    assert!(bad("baseline\t0\ntree\nsplit\twords\t1\t1\t3\nleaf\t1\nleaf\t2\n").contains("out of place"));
    assert!(bad("baseline\t0\nleaf\t1\n").contains("before any `tree`"));
    assert!(bad("drop_below\t0\ntree\nleaf\t1\n").contains("baseline"));
    assert!(bad("baseline\t0\ntree\nleaf\t1\n").contains("drop_below"));
    assert!(bad("baseline\tx\n").contains("line 1"));
    // The shipped model reads, and has the trees its training wrote.
    assert!(scores::SHIPPED.trees.len() >= 10);
}

#[test]
fn training_rows_carry_every_block_with_its_features_and_the_rules_say() {
    let rows = with_rules(|rules| block_rows(PAGE, rules));
    assert_eq!(rows.len(), join_fragments(split_blocks(PAGE)).len());
    let share = rows.iter().find(|r| r.text == "Share this post").unwrap();
    assert!(!share.rule_kept && share.rule_final);
    let lead = rows.iter().find(|r| r.text.starts_with("The council met")).unwrap();
    assert!(lead.rule_kept && !lead.rule_final);
    let words = scores::FEATURES.iter().position(|f| *f == "words").unwrap();
    assert_eq!(lead.features[words], 21.0);
}
