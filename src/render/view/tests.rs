use super::*;

fn quote(text: &str, speaker: Option<&str>) -> QuoteOut {
    QuoteOut {
        text: text.to_string(),
        partial: false,
        speaker: speaker.map(str::to_string),
        speaker_name: speaker.map(str::to_string),
        speaker_apposition: None,
        article: "a".into(),
        paragraph: 0,
        rule: speaker.map(|_| "verb-then-name-after".to_string()),
    }
}

#[test]
fn a_phrase_in_quotation_marks_that_nobody_spoke_is_not_shown() {
    let digest = Digest {
        quotes: vec![
            quote("hellish sanctions", Some("ann-lee")),
            quote("color revolution organized by the West", None),
            quote("There are many who opened offices here and moved their money through them,", None),
        ],
        ..Digest::default()
    };
    let shown: Vec<&str> = pick_quotes(&digest, 10).iter().map(|q| q.text.as_str()).collect();
    assert_eq!(
        shown,
        ["hellish sanctions", "There are many who opened offices here and moved their money through them,"]
    );
}

#[test]
fn a_change_reads_as_its_numbers_in_the_order_first_reported() {
    use crate::consolidate::ContradictionValue;
    let value = |v: &str, day: u8| ContradictionValue {
        value: v.into(),
        article: "a".into(),
        paragraph: 0,
        date: Some(Day::ymd(2024, 7, day)),
        text: String::new(),
    };
    let c = Contradiction {
        about: "toll".into(),
        kind: "change".into(),
        story: "story-01".into(),
        values: vec![value("3 dead", 2), value("24 dead", 4), value("3 dead", 5)],
        distinct: 2,
    };
    assert_eq!(history(&c), "3 dead on 2 July 2024, then 24 dead on 4 July 2024");
}
