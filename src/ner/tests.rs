use super::*;

fn named(sentence: &str) -> Vec<(&str, &'static str)> {
    entities(sentence).into_iter().map(|e| (&sentence[e.range], e.kind.label())).collect()
}

#[test]
fn the_committed_model_finds_people_organisations_and_places() {
    assert_eq!(
        named("Prime Minister Boris Johnson met officials of the European Union in Brussels on Monday."),
        [("Boris Johnson", "PER"), ("European Union", "ORG"), ("Brussels", "LOC")]
    );
}

#[test]
fn a_capitalised_sentence_opener_is_no_part_of_a_name() {
    let found = named("Currently SeaMicro sells its servers to Verizon, the company said.");
    assert!(found.iter().all(|(name, _)| !name.contains("Currently")), "{found:?}");
    assert!(found.iter().any(|(name, _)| *name == "SeaMicro"), "{found:?}");
}

#[test]
fn iob1_becomes_bio() {
    let text = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nPeter NNP I-NP I-PER\n\
                Blackburn NNP I-NP I-PER\nJohn NNP I-NP B-PER\n\nLONDON NNP I-NP I-LOC\n";
    let sentences = train::read_conll(text).expect("reads");
    assert_eq!(sentences.len(), 2);
    let per = |inside| Tag::new(EntityKind::Person, inside);
    assert_eq!(
        sentences[0].tags,
        [Tag::new(EntityKind::Organization, false), Tag::OUTSIDE, per(false), per(true), per(false)]
    );
    assert_eq!(spans(&sentences[0].tags).len(), 3);
    assert_eq!(sentences[1].tags, [Tag::new(EntityKind::Location, false)]);
}

#[test]
fn a_name_is_continued_only_by_its_own_kind() {
    let org = Tag::new(EntityKind::Organization, true);
    assert!(!org.may_follow(None));
    assert!(!org.may_follow(Some(Tag::new(EntityKind::Person, false))));
    assert!(org.may_follow(Some(Tag::new(EntityKind::Organization, false))));
    // Even where the continuing tag scores best, decoding does not open a name with it.
    let words = features::words(&["Acme"]);
    let tags = decode(&words, |_, scores| {
        scores[org.index()] += 5.0;
        scores[Tag::new(EntityKind::Misc, false).index()] += 1.0;
    });
    assert_eq!(tags, [Tag::new(EntityKind::Misc, false)]);
}

#[test]
fn training_learns_its_data_the_same_way_twice() {
    let text = "Anna NNP x I-PER\nvisited VBD x O\nOslo NNP x I-LOC\n.\t. x O\n\n\
                Acme NNP x I-ORG\nhired VBD x O\nBoris NNP x I-PER\nKlein NNP x I-PER\n";
    let sentences = train::read_conll(text).expect("reads");
    let first = train::train(&sentences, 5, |_, _| {});
    let again = train::train(&sentences, 5, |_, _| {});
    assert!(first == again, "training is deterministic");
    let tagger = train::quantize(&first, 0.9999);
    let (p, r, _) = train::score(&sentences, |t| tagger.tag(t));
    assert_eq!((p, r), (1.0, 1.0));
    let back = Tagger::from_bytes(&tagger.to_bytes()).expect("reads its own bytes");
    assert_eq!(
        back.tag(&["Acme", "hired", "Boris", "Klein"]),
        tagger.tag(&["Acme", "hired", "Boris", "Klein"])
    );
}

#[test]
fn a_model_file_of_another_shape_is_refused() {
    assert!(Tagger::from_bytes(b"not a model").is_err());
    let mut bytes = TAGGER.to_bytes();
    bytes.pop();
    assert!(Tagger::from_bytes(&bytes).unwrap_err().contains("buckets"));
}
