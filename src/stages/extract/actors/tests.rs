use super::sentence::spans;
use super::*;

/// The actors of a text, sentence by sentence.
fn actors_of(text: &str) -> Vec<LocalActor> {
    let sentences: Vec<(usize, usize, &str)> =
        crate::text::sentences(text).into_iter().map(|r| (0, r.start, &text[r])).collect();
    collect(&sentences, text).0
}

fn actor_names(text: &str) -> Vec<String> {
    actors_of(text).into_iter().map(|a| a.name).collect()
}

fn names(s: &str) -> Vec<(String, Option<String>)> {
    spans(s).into_iter().map(|sp| (sp.name, sp.role)).collect()
}

#[test]
fn an_article_keeps_its_most_named_actors_only() {
    let mut text: String = (0..MAX_ACTORS_PER_ARTICLE + 50)
        .map(|i| {
            let name: String = format!("{i:04}").chars().map(|c| (b'a' + c as u8 - b'0') as char).collect();
            format!("K{name} said. ")
        })
        .collect();
    text.push_str("Ann Lee said. Ann Lee said. Ann Lee said.");
    let actors = actors_of(&text);
    assert_eq!(actors.len(), MAX_ACTORS_PER_ARTICLE);
    assert!(actors.iter().any(|a| a.name == "Ann Lee" && a.mentions == 3));
}

#[test]
fn a_name_that_speaks_is_a_person_unless_spoken_of_as_a_thing() {
    let kinds = |text: &str| -> Vec<(String, ActorKind)> {
        actors_of(text).into_iter().map(|a| (a.name, a.kind)).collect()
    };
    assert_eq!(
        kinds("Acme said its profits rose. Acme, which makes tools, did not comment."),
        [("Acme".to_string(), ActorKind::Organization)]
    );
    assert_eq!(
        kinds("Lind said he would run. Lind, who lost in 2020, did not comment."),
        [("Lind".to_string(), ActorKind::Person)]
    );
}

#[test]
fn titles_become_roles() {
    assert_eq!(
        names("On May 15, Prime Minister of Belarus Marta Kovalchuk said that sanctions hurt."),
        vec![("Marta Kovalchuk".into(), Some("Prime Minister of Belarus".into()))]
    );
    assert_eq!(
        names("Then Russian President Ivan Petrov’s plan failed."),
        vec![("Ivan Petrov".into(), Some("Russian President".into()))]
    );
    // A party is said of a person as a title is; a party's own name stays whole.
    assert_eq!(
        names("Democrat Ana Lind beat the Republican National Committee's pick."),
        vec![("Ana Lind".into(), Some("Democrat".into())), ("Republican National Committee".into(), None)]
    );
}

#[test]
fn an_and_inside_an_organisation_name_is_kept() {
    assert_eq!(
        names("Then the chief of the National Security and Defense Council spoke."),
        vec![("National Security and Defense Council".into(), None)]
    );
    assert_eq!(
        names("The talks between Anna Berg and Jon Frey failed."),
        vec![("Anna Berg".into(), None), ("Jon Frey".into(), None)]
    );
    assert_eq!(
        names("It came from the US and European Union."),
        vec![("US".into(), None), ("European Union".into(), None)]
    );
}

#[test]
fn sentence_starters_and_calendar_words_are_not_names() {
    assert_eq!(names("However, the talks in May failed."), vec![]);
    assert_eq!(
        names("Whenever the talks failed, Sen. Ann Lee, R-Ohio, left."),
        vec![("Ann Lee".into(), Some("Sen.".into()))]
    );
    assert_eq!(
        actor_names("She voted for the Affordable Care Act and the Patriot Act."),
        Vec::<String>::new()
    );
    assert_eq!(
        actor_names(
            "Since the Russia-Ukraine war, Russian-Belarusian ties are on Central European time, and Russophobia grows."
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        names("The Institute for the Study of War said so."),
        vec![("Institute for the Study of War".into(), None)]
    );
    assert_eq!(
        names("Ivo Brandt of the Harbor Council on Foreign Relations spoke on Monday."),
        vec![("Ivo Brandt".into(), None), ("Harbor Council on Foreign Relations".into(), None)]
    );
    assert_eq!(names("Ruler Ana Lind spoke."), vec![("Ana Lind".into(), Some("Ruler".into()))]);
    assert_eq!(names("He said on Friday Ana Lind won."), vec![("Ana Lind".into(), None)]);
    assert_eq!(names("And Ana Lind said so."), vec![("Ana Lind".into(), None)]);
    assert_eq!(names("“I’m not running,” Ana Lind said."), vec![("Ana Lind".into(), None)]);
    assert_eq!(
        names("A South Carolina Republican and an Ohio Senator met Ana Lind."),
        vec![("Ana Lind".into(), None)]
    );
}

#[test]
fn a_place_made_an_adjective_is_not_a_name() {
    assert_eq!(
        names("Florida-based Republican strategist Al Cardenas spoke."),
        vec![("Al Cardenas".into(), None)]
    );
    assert_eq!(
        names("Ana Lind of the Kremlin-funded TV channel asked him."),
        vec![("Ana Lind".into(), None)]
    );
    assert_eq!(names("The meeting with former Soviet states was short."), vec![]);
}

#[test]
fn a_persons_name_does_not_run_on_into_of_the() {
    assert_eq!(
        names("Presenter Ana Lind of the state-funded channel RT asked him."),
        vec![("Ana Lind".into(), Some("Presenter".into())), ("RT".into(), None)]
    );
    assert_eq!(names("The Bank of England raised rates."), vec![("Bank of England".into(), None)]);
    assert_eq!(
        names("He met the Minister of Foreign Affairs of Norland."),
        vec![("Minister of Foreign Affairs of Norland".into(), None)]
    );
}

#[test]
fn names_with_scores_in_a_table_are_teams() {
    let kinds = |row: &str| spans(row).into_iter().map(|s| (s.name, s.kind)).collect::<Vec<_>>();
    let org = Some(ActorKind::Organization);
    assert_eq!(kinds("Detroit 5 Baltimore 3"), [("Detroit".into(), org), ("Baltimore".into(), org)]);
    assert_eq!(kinds("Leyton Orient 4 1 1 2 3 3 4"), [("Leyton Orient".into(), org)]);
    assert_eq!(kinds("Houston 73 63 .537 -"), [("Houston".into(), org)]);
    // A golfer's rounds, and a sentence with a number, are no team rows.
    assert_ne!(kinds("Billy Andrade 68 70 138")[0].1, org);
    assert_ne!(kinds("Detroit lost 5 games in a row")[0].1, org);
}

#[test]
fn a_quotation_or_a_dateline_starts_a_sentence() {
    for text in [
        "The Kazakh president said: “Therefore we will not recognize Taiwan.”",
        "The Kazakh president said, \"Therefore we will not recognize Taiwan.\"",
    ] {
        assert_eq!(actor_names(text), ["Taiwan"], "{text}");
    }
    for text in ["OSLO – More ministers met in Bergen.", "OSLO (AP) — More ministers met in Bergen."] {
        let names = actor_names(text);
        assert!(
            names.iter().any(|n| n == "Bergen") && !names.iter().any(|n| n == "More"),
            "{text}: {names:?}"
        );
    }
}

#[test]
fn a_word_that_opens_a_sentence_is_no_part_of_the_name_after_it() {
    for (text, name) in [
        ("Against Ivo Brandt, Ana Lind said little.", "Ivo Brandt"),
        ("Was Olaf Berg there at all?", "Olaf Berg"),
        ("Stated Olaf Berg: it is over.", "Olaf Berg"),
        ("George Will wrote about it.", "George Will"),
        ("Party Chairman G.K. Lund of Tula said it was over.", "G.K. Lund"),
    ] {
        let names = actor_names(text);
        assert!(names.iter().any(|n| n == name), "{text}: {names:?}");
    }
}

#[test]
fn kinds_from_general_knowledge() {
    assert_eq!(kind_of("Kazakhstan"), Some(ActorKind::Place));
    assert_eq!(kind_of("European Union"), Some(ActorKind::Organization));
    assert_eq!(kind_of("Belarusians"), Some(ActorKind::Group));
    assert_eq!(kind_of("Margarita Simonyan"), Some(ActorKind::Person));
    assert_eq!(kind_of("G.K. Chesterton"), Some(ActorKind::Person));
    // Two capitalised words are a person unless a word says what kind of body it is.
    for org in ["Judicial Watch", "Elm Capital", "Critical Threats Project", "Freedom Caucus"] {
        assert_eq!(kind_of(org), Some(ActorKind::Organization), "{org}");
    }
    assert_eq!(kind_of("NATO"), Some(ActorKind::Organization));
    // A demonym that speaks is a surname.
    assert_eq!(actor_names("\"We will stay,\" Cuban said. A Russian said nothing."), ["Cuban"]);
    // Events are none of these, though their words are capitalised like a name's.
    assert_eq!(kind_of("World Cup"), None);
    assert_eq!(kind_of("Hong Kong Open"), None);
    // A city's club is an organisation; other "… City" and "… Road" are places.
    assert_eq!(kind_of("Atlantic City"), Some(ActorKind::Place));
    assert_eq!(kind_of("Grace Road"), Some(ActorKind::Place));
    assert_eq!(kind_of("Quicken Loans Arena"), Some(ActorKind::Place));
    assert_eq!(kind_of("Manchester City"), Some(ActorKind::Organization));
    assert_eq!(kind_of("Puerto Rico"), Some(ActorKind::Place));
}

#[test]
fn surnames_and_acronyms_merge_within_an_article() {
    let text = "Andriy Melnychuk spoke to the Institute for the Study of War (ISW). Later Melnychuk said the ISW was right.";
    let sentences: Vec<(usize, usize, &str)> =
        crate::text::sentences(text).into_iter().map(|r| (0, r.start, &text[r])).collect();
    let (actors, mentions) = collect(&sentences, text);
    let person = actors.iter().find(|a| a.kind == ActorKind::Person).unwrap();
    assert_eq!(person.name, "Andriy Melnychuk");
    assert_eq!(person.mentions, 2);
    let org = actors.iter().find(|a| a.kind == ActorKind::Organization).unwrap();
    assert!(org.aliases.iter().any(|a| a == "ISW"), "{actors:?}");
    assert_eq!(mentions.len(), 5);
}

#[test]
fn a_name_after_the_word_for_a_medium_is_an_organisation() {
    let actors = actors_of("Commentators for the business newspaper Vzglyad note that the talks failed.");
    assert_eq!(
        actors.iter().map(|a| (a.name.as_str(), a.kind)).collect::<Vec<_>>(),
        [("Vzglyad", ActorKind::Organization)]
    );
    // A body's noun before a name in quotes, which would otherwise open a quotation, types
    // the name wherever the article writes it (the tagger reads “Lebedev” alone as a person).
    let actors = actors_of(
        "The police arrested 33 employees of the private military company “Lebedev” on Monday. \
         The members of “Lebedev” were lured into the country, the police said.",
    );
    let kinds: Vec<(&str, ActorKind)> = actors.iter().map(|a| (a.name.as_str(), a.kind)).collect();
    assert!(kinds.contains(&("Lebedev", ActorKind::Organization)), "{kinds:?}");
}

#[test]
fn acronyms_every_reader_knows_are_their_names() {
    let actors =
        actors_of("Neither the EU nor the US recognizes the vote. The European Union said so on Friday.");
    let eu = actors.iter().find(|a| a.name == "European Union").expect("the EU");
    assert_eq!((eu.mentions, &*eu.aliases), (2, &["EU".to_string()][..]));
    let us = actors.iter().find(|a| a.name == "United States").expect("the US");
    assert_eq!(us.kind, ActorKind::Place);
}

#[test]
fn a_country_named_by_its_official_name_is_the_country() {
    let actors = actors_of(
        "The Russian Federation signed the treaty in Minsk. Russia had refused to sign for years, as the USSR had before it. \
         Belarus welcomed the step on Monday, and the Soviet Union was not mentioned again.",
    );
    let russia = actors.iter().find(|a| a.name == "Russia").expect("Russia");
    assert_eq!(
        (russia.kind, russia.mentions, &*russia.aliases),
        (ActorKind::Place, 2, &["Russian Federation".to_string()][..])
    );
    let soviet = actors.iter().find(|a| a.name == "Soviet Union").expect("the Soviet Union");
    assert_eq!((soviet.mentions, &*soviet.aliases), (2, &["USSR".to_string()][..]));
    assert!(actors.iter().all(|a| a.name != "Russian Federation" && a.name != "USSR"), "{actors:?}");
}

#[test]
fn a_place_is_no_surname() {
    let actors =
        actors_of("Fans threw bottles at Dynamo Moscow players. The club will appeal in Moscow on Monday.");
    let moscow = actors.iter().find(|a| a.name == "Moscow");
    assert_eq!(moscow.map(|a| a.kind), Some(ActorKind::Place), "{actors:?}");
}

/// The tagger and the rules together (`super::names`): the tagger's names and kinds, with
/// what the rules know of titles, openers and names they keep apart.
mod tagger_and_rules {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, ActorKind)> {
        actors_of(text).into_iter().map(|a| (a.name, a.kind)).collect()
    }

    #[test]
    fn a_word_set_apart_at_the_start_is_no_name() {
        let names =
            actor_names("Interestingly, the analysts in Minsk admitted that Moscow had chosen the tactic.");
        assert!(!names.iter().any(|n| n == "Interestingly"), "{names:?}");
        assert!(names.iter().any(|n| n == "Moscow"), "{names:?}");
    }

    #[test]
    fn a_name_the_tagger_reads_as_an_event_is_no_actor() {
        let names =
            actor_names("Relations between Moscow and Washington have not been this bad since the Cold War.");
        assert!(!names.iter().any(|n| n == "Cold War"), "{names:?}");
    }

    #[test]
    fn names_the_rules_keep_apart_stay_apart() {
        let names =
            actor_names("Exports to the European Union and North America are blocked, the minister said.");
        assert_eq!(names, ["European Union", "North America"]);
    }

    #[test]
    fn a_titled_name_is_a_person_whatever_the_tagger_reads() {
        let found =
            kinds("Prime Minister of Belarus Roman Golovchenko said that sanctions cost $16 billion.");
        assert!(found.contains(&("Roman Golovchenko".to_string(), ActorKind::Person)), "{found:?}");
    }

    #[test]
    fn the_tagger_leaves_out_an_opener_the_rules_would_keep() {
        let names = actor_names("Currently SeaMicro sells its servers to web companies.");
        assert!(names.iter().any(|n| n == "SeaMicro"), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("Currently")), "{names:?}");
    }

    #[test]
    fn a_body_named_with_a_people_s_adjective_is_read_whole() {
        let names = actor_names("Andras Racz from the German Council on Foreign Relations (DGAP) said so.");
        assert!(names.iter().any(|n| n == "German Council on Foreign Relations"), "{names:?}");
    }

    #[test]
    fn a_name_s_kind_is_what_most_of_its_mentions_say() {
        let mut votes = [0u32; 4];
        votes[ActorKind::Place as usize] = 2;
        votes[ActorKind::Person as usize] = 1;
        assert_eq!(most_given(&votes), ActorKind::Place);
        votes[ActorKind::Person as usize] = 2;
        assert_eq!(most_given(&votes), ActorKind::Person, "a tie goes to the first kind");
    }
}

#[test]
fn a_common_word_cut_from_a_longer_name_is_no_actor() {
    // The tagger may stop at the possessive; the word alone names nothing.
    let names = actor_names(
        "Ann Lee does not want to recognize the self-proclaimed People's Republics of Tula and Lida.",
    );
    assert!(!names.iter().any(|n| n == "People"), "{names:?}");
    // The word as a name of its own stays: a magazine.
    let names = actor_names("Ann Lee checked into a clinic on Monday, her agent told People in a statement.");
    assert!(names.iter().any(|n| n == "People"), "{names:?}");
}

#[test]
fn two_surnames_side_by_side_are_the_first_person() {
    let text = "Konstantin Volkov spoke first. Ivan Petrov was silent. \
                Speaking to the radio, Volkov Petrov even suggested another vote.";
    let actors = actor_names(text);
    assert_eq!(actors, ["Ivan Petrov", "Konstantin Volkov"], "{actors:?}");
    let volkov = actors_of(text).into_iter().find(|a| a.name == "Konstantin Volkov").map(|a| a.mentions);
    assert_eq!(volkov, Some(2));
}
