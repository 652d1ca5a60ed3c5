use super::*;

/// A figure of `number` comments in `article`.
fn comments(number: f64) -> FigureOut {
    FigureOut {
        value: format!("{number} comments"),
        number,
        number_max: None,
        unit: "count".into(),
        about: "comments".into(),
        article: "a".into(),
        paragraph: 0,
        sentence: Span { paragraph: 0, start: 0, end: 0 },
    }
}

/// Figure `figure` measured in `article`, its sentence's vector `vector`.
fn measure(figure: usize, article: usize, vector: &Vector) -> Measure<'_> {
    Measure {
        figure,
        article,
        story: 0,
        key: "count/comment".into(),
        noun: None,
        vector,
        names: vec![],
        years: vec![],
        gist: String::new(),
        scope: vec![],
        sentence_names: vec![],
        whole: None,
        bound: Bound::Exact,
    }
}

/// A figure whose value is `value`, of `unit`, about `about`.
fn figure(value: &str, number: f64, unit: &str, about: &str) -> FigureOut {
    FigureOut { value: value.into(), number, unit: unit.into(), about: about.into(), ..comments(number) }
}

#[test]
fn two_bounds_of_one_kind_disagree_a_number_near_a_bound_agrees_with_it() {
    let figures = [26_000.0, 31_000.0, 27_000.0, 40_000.0].map(comments);
    let vector = Vector([Vector::ONE as i16].into());
    let bound = |k: usize, bound: Bound| Measure { bound, ..measure(k, k, &vector) };
    // "more than 26,000 killed" against "more than 31,000 killed".
    assert!(differ(&bound(0, Bound::Floor), &bound(1, Bound::Floor), &figures));
    // "more than 26,000" against "27,000": within the slack past the floor.
    assert!(!differ(&bound(0, Bound::Floor), &bound(2, Bound::Exact), &figures));
    assert!(!differ(&bound(2, Bound::Exact), &bound(0, Bound::Floor), &figures));
    // "more than 26,000" against "40,000": too far past it.
    assert!(differ(&bound(0, Bound::Floor), &bound(3, Bound::Exact), &figures));
    // "nearly 31,000" against "27,000", and two exact numbers.
    assert!(!differ(&bound(1, Bound::Ceiling), &bound(2, Bound::Exact), &figures));
    assert!(differ(&bound(1, Bound::Exact), &bound(2, Bound::Exact), &figures));
}

#[test]
fn a_range_agrees_with_a_number_inside_it_and_with_a_range_it_overlaps() {
    let range = |lo: f64, hi: f64| FigureOut { number_max: Some(hi), ..comments(lo) };
    let figures = [range(6.0, 11.0), comments(8.0), comments(3.0), range(10.0, 20.0)];
    let vector = Vector([Vector::ONE as i16].into());
    let m = |k: usize| measure(k, k, &vector);
    assert!(!differ(&m(0), &m(1), &figures));
    assert!(differ(&m(0), &m(2), &figures), "\"between 6 and 11 percent\" against 3 percent");
    assert!(!differ(&m(0), &m(3), &figures));
}

#[test]
fn a_count_counts_the_first_plural_after_its_number() {
    let key = |value: &str| {
        let f = figure(value, 1.0, "count", "");
        measure_key(&f, &["", "in", "Athens"]).map(|(_, noun)| noun)
    };
    assert_eq!(key("565 shops suffering serious"), Some(Some("shops".into())));
    assert_eq!(key("355 damaged shops"), Some(Some("damaged shops".into())));
    assert_eq!(key("20,000 people took"), Some(Some("people".into())));
    assert_eq!(key("seven AK-47 assault rifles"), Some(Some("assault rifles".into())));
    assert!(is_plural("rifles") && is_plural("men"));
    assert!(!is_plural("this") && !is_plural("across") && !is_plural("status") && !is_plural("crisis"));
}

#[test]
fn lengths_of_time_are_measured_in_hours_and_periods_of_play_are_not() {
    let hours = |value: &str, number: f64, about: &str| hours_in(&figure(value, number, "count", about));
    assert_eq!(hours("three weeks", 3.0, "weeks"), Some(168.0));
    assert_eq!(hours("30 hours", 30.0, "hours of deliberation"), Some(1.0));
    assert_eq!(hours("two decades", 2.0, "decades"), Some(87_660.0));
    // Set a record's scope, measure nothing of their own.
    assert_eq!(hours("54 games", 54.0, "games"), None);
    // "an eight-year offer": the unit describes the offer.
    assert_eq!(hours("eight-year", 8.0, "year offer"), None);
    assert_eq!(hours("12 rifles", 12.0, "rifles"), None);
}

#[test]
fn a_length_of_time_after_in_or_past_frames_a_period() {
    let frames = |sentence: &str, value: &str| frames_a_period(&phrase(sentence, value).0);
    assert!(frames("Lee has done more in two weeks than Berg has in a year.", "two weeks"));
    assert!(frames("He has led the unit over the past five years.", "five years"));
    assert!(frames("Cheeks will be the fifth coach in the last four years.", "four years"));
    assert!(!frames("Page had been hospitalized for the past three weeks.", "three weeks"));
    assert!(!frames("Page had been hospitalized for three weeks.", "three weeks"));
    assert!(!frames("The initial tremor lasted just over 10 seconds.", "10 seconds"));
    assert!(!frames("The jury was unable to decide after 30 hours of deliberation.", "30 hours"));
}

#[test]
fn a_figure_in_parentheses_after_another_is_a_conversion() {
    let sentence = "Eight days of clashes have caused 200 million euros ($265.3 million) of damage.";
    assert!(converts(sentence, "$265.3 million"));
    assert!(!converts(sentence, "200 million euros"));
    assert!(converts("The epicentre was about 58km (36 miles) south-west of the port.", "36 miles"));
    assert!(!converts("Klitschko (52-3, 46 KOs) beat Rahman.", "46 KOs"));
}

#[test]
fn a_gist_is_the_phrase_around_a_figure_without_its_number() {
    let sentence = "The 6.1 - magnitude quake struck Qeshm island, home to 120,000 people, and the city.";
    let (words, _) = phrase(sentence, "120,000 people");
    assert_eq!(gist(&words, "120,000 people"), "home to people ,");
    let sentence = "The island, which has about 200,000 residents, is about 940 miles south of Tehran.";
    let (words, _) = phrase(sentence, "200,000 residents");
    assert_eq!(gist(&words, "200,000 residents"), "which has about residents ,");
}

#[test]
fn a_figure_alone_joins_the_group_of_several_articles_that_gives_its_number() {
    let figures = [235_000.0, 300_000.0, 235_000.0, 300_000.0, 46.0, 36.0, 36.0].map(comments);
    // One direction for every sentence, but the last: unlike every other.
    let alike = Vector([Vector::ONE as i16, 0].into());
    let unlike = Vector([0, Vector::ONE as i16].into());
    let measures = [
        measure(0, 0, &alike), // a group of two articles that disagree: 235,000 against 300,000
        measure(1, 1, &alike),
        measure(2, 2, &alike),  // gives 235,000: joins them
        measure(3, 3, &unlike), // gives 300,000, in a sentence like none of theirs
        measure(4, 4, &alike),  // a group of one article: two people's records in a sentence
        measure(5, 4, &alike),
        measure(6, 5, &alike), // gives 36, but a group of one article takes nothing in
    ];
    let members: Vec<usize> = (0..measures.len()).collect();
    let mut groups = UnionFind::new(members.len());
    groups.union(0, 1);
    groups.union(4, 5);
    restatements_join(&mut groups, &members, &measures, &figures, |_, _| true);
    let with_first: Vec<usize> =
        members.iter().copied().filter(|&k| groups.find(k) == groups.find(0)).collect();
    assert_eq!(with_first, [0, 1, 2]);
    assert_ne!(groups.find(6), groups.find(4));
    // What is not of one measure never joins.
    let mut groups = UnionFind::new(members.len());
    groups.union(0, 1);
    restatements_join(&mut groups, &members, &measures, &figures, |_, _| false);
    assert_ne!(groups.find(2), groups.find(0));
}
