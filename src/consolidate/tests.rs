use super::actors::slug;
use super::*;
use crate::config::ExtractConfig;
use crate::lexicon::is_reporting;
use crate::model::{Article, Day};
use crate::stages::extract::extract_article;

/// An article as extract leaves it.
fn article(id: &str, date: Day, paras: &[&str]) -> Article {
    let mut a = Article::from_paragraphs(id, date, paras);
    a.extraction = extract_article(&a, &ExtractConfig::default());
    a
}

fn corpus(articles: Vec<Article>) -> Corpus {
    Corpus { articles, ..Corpus::default() }
}

/// The digest of articles all dated 5 March 2024, each given as its id and paragraphs.
fn digest_of(articles: &[(&str, &[&str])]) -> Digest {
    let day = Day::ymd(2024, 3, 5);
    let mut c = corpus(articles.iter().map(|(id, paras)| article(id, day, paras)).collect());
    consolidate(&mut c, &ConsolidateConfig::default(), None)
}

/// The claim whose summary holds `words`.
fn claim_with<'d>(digest: &'d Digest, words: &str) -> &'d Claim {
    let claim = digest.claims.iter().find(|c| c.summary.contains(words));
    claim.unwrap_or_else(|| panic!("no claim with {words:?} in {:#?}", digest.claims))
}

/// The sources of the claim whose summary holds `words`.
fn sources_of<'d>(digest: &'d Digest, words: &str) -> BTreeSet<&'d str> {
    claim_with(digest, words).sources.iter().map(|s| &*s.article).collect()
}

#[test]
fn a_summary_loses_a_doubled_full_stop_but_not_an_ellipsis() {
    assert_eq!(without_doubled_stop("It came from a attack.."), "It came from a attack.");
    assert_eq!(without_doubled_stop("And then..."), "And then...");
    assert_eq!(without_doubled_stop("It ended."), "It ended.");
}

#[test]
fn the_same_claim_from_two_outlets_is_one_claim_with_both_sources() {
    let digest = digest_of(&[
        (
            "a",
            &[
                "The central bank of Norland raised its key interest rate by half a point on Tuesday, governor Ola Berg said.",
                "Farmers in the south of Norland protested against new fuel taxes for a third day in a row.",
            ],
        ),
        (
            "b",
            &[
                "On Tuesday the central bank of Norland raised the key interest rate by half a point, Ola Berg said.",
            ],
        ),
    ]);
    let rate = claim_with(&digest, "interest rate");
    assert_eq!(rate.independent_sources, 2, "{rate:?}");
    assert_eq!(sources_of(&digest, "interest rate"), BTreeSet::from(["a", "b"]));
    let farmers = claim_with(&digest, "Farmers");
    assert_eq!(farmers.independent_sources, 1);
    assert_eq!(
        digest.key_judgments.first().map(|k| &k.claim),
        Some(&rate.id),
        "the corroborated claim leads"
    );
}

#[test]
fn a_sentence_two_articles_print_word_for_word_is_one_source_but_a_quote_is_not() {
    let wire = "The central bank of Norland raised its key interest rate by half a point on Tuesday, the largest increase in two decades, governor Ola Berg said.";
    let quote = "“We will not raise taxes this year, whatever the opposition says about the budget and the deficit,” said Ola Berg.";
    let digest = digest_of(&[
        ("a", &[wire, quote]),
        ("b", &["Farmers blocked the roads of Varna province for a third day.", wire, quote]),
        (
            "c",
            &[
                "Ola Berg told reporters on Tuesday that the central bank of Norland had raised its interest rate by half a point.",
            ],
        ),
    ]);
    let rate = claim_with(&digest, "interest rate");
    assert_eq!(sources_of(&digest, "interest rate"), BTreeSet::from(["a", "b", "c"]));
    assert_eq!(rate.independent_sources, 2, "a and b ran one wire story: {rate:?}");
    let taxes = claim_with(&digest, "raise taxes");
    assert_eq!(taxes.independent_sources, 2, "{taxes:?}");
}

#[test]
fn how_outlets_attribute_a_claim_does_not_keep_it_apart() {
    for word in
        ["said", "told", "tells", "added", "noted", "explained", "reporters", "spokeswoman", "according"]
    {
        assert!(is_reporting(word), "{word}");
    }
    let digest = digest_of(&[
        (
            "a",
            &[
                "Lena Marsh said at a press conference on Friday that the new bridge over the Tolby river will open in May.",
            ],
        ),
        (
            "b",
            &[
                "The new bridge over the Tolby river will open in May, Lena Marsh told reporters in a statement.",
            ],
        ),
    ]);
    assert_eq!(sources_of(&digest, "bridge"), BTreeSet::from(["a", "b"]), "{:#?}", digest.claims);
}

#[test]
fn a_sentence_that_restates_two_claims_does_not_chain_them() {
    let digest = digest_of(&[
        (
            "a",
            &[
                "The parliament of Norland voted to lower the national speed limit on motorways to 100 kilometres an hour.",
            ],
        ),
        (
            "b",
            &[
                "The parliament of Norland voted to lower the national speed limit on motorways to 100 kilometres an hour, and the health ministry ordered every school in Varna province closed until the flu season ends.",
            ],
        ),
        (
            "c",
            &[
                "The health ministry ordered every school in Varna province closed until the flu season ends, officials confirmed.",
            ],
        ),
    ]);
    let speed = sources_of(&digest, "speed limit");
    let schools = sources_of(&digest, "every school");
    assert!(speed.len() == 2 || schools.len() == 2, "{:#?}", digest.claims);
    assert!(!(speed.contains("a") && speed.contains("c")), "a and c say different things: {speed:?}");
}

#[test]
fn shared_names_or_differing_numbers_do_not_make_one_claim() {
    let digest = digest_of(&[
        (
            "a",
            &[
                "A spokesman for Ola Berg declined to comment on the report on Tuesday evening.",
                "At least 12 people were killed in the flooding in Varna province, officials said.",
            ],
        ),
        (
            "b",
            &[
                "A spokesman for Kari Lund declined to comment on the report on Tuesday evening.",
                "At least 20 people were killed in the flooding in Varna province, officials said.",
            ],
        ),
    ]);
    assert_eq!(sources_of(&digest, "Ola Berg"), BTreeSet::from(["a"]));
    assert_eq!(sources_of(&digest, "12 people"), BTreeSet::from(["a"]));
    assert_eq!(digest.contradictions.len(), 1, "the counts differ: {:?}", digest.contradictions);
}

#[test]
fn one_telling_figure_of_one_thing_makes_one_claim_however_worded() {
    let digest = digest_of(&[
        (
            "a",
            &[
                "The central bank raised rates by half a point on Thursday, its biggest increase in two decades.",
                "In Varna, 46 percent of voters backed the mayor in the poll published on Monday.",
                "Unemployment in Varna fell to 4.9 percent last month, the statistics office said.",
                "Ola Berg's campaign raised $6 million from small donors in March.",
            ],
        ),
        (
            "b",
            &[
                "Interest rates went up 0.5 percentage points after the central bank's board met in the capital.",
                "In Varna, 46 percent of voters backed the new tax on tourists, a separate survey found.",
                "Unemployment in Tolby fell to 4.9 percent in the spring, the statistics office said.",
                "The online appeal raised $6 million in the day after the polls closed.",
            ],
        ),
    ]);
    assert_eq!(sources_of(&digest, "half a point"), BTreeSet::from(["a", "b"]));
    // A share in whole percent is in every poll; one figure of two places is two claims.
    assert_eq!(
        sources_of(&digest, "46 percent of voters backed the mayor in the poll"),
        BTreeSet::from(["a"])
    );
    assert_eq!(sources_of(&digest, "Unemployment in Varna"), BTreeSet::from(["a"]));
    // Worded differently, one figure is one claim only where both name the same actor or
    // neither names any: whose campaign raised the $6 million the other does not say.
    assert_eq!(sources_of(&digest, "Ola Berg's campaign raised"), BTreeSet::from(["a"]));
}

#[test]
fn two_polls_are_one_claim_only_for_one_result_about_the_same_people() {
    let digest = digest_of(&[
        (
            "a",
            &[
                "Ana Lind is leading Jon Frey among likely voters in Tolby, 48 percent to 45 percent, the poll found.",
                "The poll has a margin of error of 3 percentage points.",
                "The poll by the Tolby Institute shows Ana Lind leading Eva Berg, 51 percent to 40 percent.",
            ],
        ),
        (
            "b",
            &[
                "Ana Lind is leading Ola Dahl among likely voters in Tolby, 48 percent to 45 percent, the poll found.",
                "The new poll has a margin of error of three percentage points.",
                "The survey by the Tolby Institute finds Ana Lind ahead of Eva Berg, 51 percent to 40 percent.",
            ],
        ),
    ]);
    // The same figures of two races, and two polls' margins of error, are two claims each.
    assert_eq!(sources_of(&digest, "leading Jon Frey"), BTreeSet::from(["a"]));
    assert_eq!(sources_of(&digest, "The poll has a margin"), BTreeSet::from(["a"]));
    // One poll's result, reported twice, is one claim.
    assert_eq!(sources_of(&digest, "Tolby Institute shows"), BTreeSet::from(["a", "b"]));
}

#[test]
fn a_day_long_past_takes_its_year_from_an_article_written_near_it() {
    let early = "From February 24, when the invasion began, it was clear the leader hoped for a quick end.";
    let late = |what: &str| {
        format!("He accused the council of planning an attack before the {what} on February 24.")
    };
    let dates_of = |late_text: &str| -> Vec<(Day, String)> {
        let mut c = corpus(vec![
            article("early", Day::ymd(2022, 5, 20), &[early]),
            article("late", Day::ymd(2023, 12, 6), &[late_text]),
        ]);
        let digest = consolidate(&mut c, &ConsolidateConfig::default(), None);
        digest.timeline.iter().map(|t| (t.date, t.article.to_string())).collect()
    };
    // Both speak of the invasion: the article three months after it dates it.
    assert_eq!(
        dates_of(&late("invasion")),
        [(Day::ymd(2022, 2, 24), "early".to_string()), (Day::ymd(2022, 2, 24), "late".to_string())]
    );
    // Nothing shared: each article's own reading stands.
    assert_eq!(
        dates_of(&late("vote")),
        [(Day::ymd(2022, 2, 24), "early".to_string()), (Day::ymd(2023, 2, 24), "late".to_string())]
    );
}

#[test]
fn an_undated_story_is_dated_by_its_events_and_an_old_disaster_is_background() {
    let struck = "The earthquake struck the island of Qeshm on 12 March 2021, officials said.";
    let aftershock = "A strong aftershock hit Qeshm again on 14 March 2021, the governor said.";
    let bam = "An earthquake in the city of Bam killed more than 26,000 people in 2003.";
    let mut a = article("a", Day::ymd(2021, 3, 15), &[struck, bam]);
    let mut b = article("b", Day::ymd(2021, 3, 15), &[aftershock]);
    a.meta.date = None;
    b.meta.date = None;
    let mut c = corpus(vec![a, b]);
    let digest = consolidate(&mut c, &ConsolidateConfig::default(), None);
    let rows: Vec<(&str, bool)> = digest.timeline.iter().map(|t| (t.text.as_str(), t.background)).collect();
    assert_eq!(rows, [(struck, false), (aftershock, false), (bam, true)]);
    assert!(digest.timeline.iter().all(|t| t.story.is_some()), "{:?}", digest.timeline);
}

#[test]
fn an_undated_article_takes_the_date_of_the_closest_dated_one_and_its_dates_resolve() {
    let dated = [
        "The leaders of the Collective Security Treaty Organization met in Moscow to mark its anniversary.",
        "President Ann Lee of Norland was the only leader at the Moscow summit to back the war.",
    ];
    let undated = [
        "At the May 16 summit in Moscow, the Collective Security Treaty Organization marked its anniversary.",
        "Norland's President Ann Lee was the only leader at the summit to back the war.",
    ];
    let mut b = article("b", Day::ymd(2022, 5, 20), &undated);
    b.meta.date = None;
    b.extraction = extract_article(&b, &ExtractConfig::default());
    assert!(b.extraction.events.is_empty(), "no date to resolve May 16 against yet");
    let mut c = corpus(vec![article("a", Day::ymd(2022, 5, 20), &dated), b]);
    let digest = consolidate(&mut c, &ConsolidateConfig::default(), None);
    assert_eq!(c.articles[1].meta.date, Some(Day::ymd(2022, 5, 20)));
    assert_eq!(c.articles[1].meta.date_source, Some(DateSource::Inferred));
    let rows: Vec<(Day, &str)> = digest.timeline.iter().map(|t| (t.date, t.text.as_str())).collect();
    assert_eq!(rows, [(Day::ymd(2022, 5, 16), undated[0])]);
}

#[test]
fn a_month_and_day_take_the_year_another_article_gives_the_month_and_so_do_their_neighbours() {
    let held = "Until the presidential elections in Norland held on August 9, Ann Lee said little.";
    let met = "Ann Lee met the Russian president in Sochi on September 14 to ask for a loan.";
    let contested =
        "After the contested August 2020 presidential election, the EU imposed sanctions on Norland.";
    let mut c = corpus(vec![
        article("a", Day::ymd(2022, 5, 20), &[held, met]),
        article("b", Day::ymd(2022, 5, 20), &[contested]),
    ]);
    let digest = consolidate(&mut c, &ConsolidateConfig::default(), None);
    let date_of = |text: &str| digest.timeline.iter().find(|t| t.text == text).map(|t| t.date);
    assert_eq!(date_of(held), Some(Day::ymd(2020, 8, 9)), "{:?}", digest.timeline);
    assert_eq!(date_of(met), Some(Day::ymd(2020, 9, 14)), "{:?}", digest.timeline);
}

#[test]
fn a_sentence_with_two_dates_is_one_row_dated_by_the_earlier() {
    // 29 June 2022 was a Wednesday.
    let trip = "On Tuesday, the president flew to Tajikistan before going on to Turkmenistan on Wednesday.";
    let vote = "The council voted on the budget in March 2021, and again in May 2021.";
    let mut c = corpus(vec![article("trip", Day::ymd(2022, 6, 29), &[trip, vote])]);
    let digest = consolidate(&mut c, &ConsolidateConfig::default(), None);
    let rows: Vec<(Day, &str, bool)> =
        digest.timeline.iter().map(|t| (t.date, t.text.as_str(), t.background)).collect();
    // The vote, a year before the article, is background and follows the article's own event.
    assert_eq!(rows, [(Day::ymd(2022, 6, 28), trip, false), (Day::ymd(2021, 3, 0), vote, true)]);
}

#[test]
fn differing_figures_are_a_conflict_on_one_day_and_a_change_over_days() {
    let flood = |n: u32| {
        format!("At least {n} people were killed in the flooding in Varna province, officials said.")
    };
    for (second_day, kind) in [(Day::ymd(2024, 3, 5), "conflict"), (Day::ymd(2024, 3, 9), "change")] {
        let mut c = corpus(vec![
            article("a", Day::ymd(2024, 3, 5), &[&flood(12)]),
            article("b", second_day, &[&flood(20)]),
        ]);
        let digest = consolidate(&mut c, &ConsolidateConfig::default(), None);
        assert_eq!(digest.contradictions.len(), 1, "{:?}", digest.contradictions);
        let found = &digest.contradictions[0];
        assert_eq!(found.kind, kind);
        let values: Vec<&str> = found.values.iter().map(|v| v.value.as_str()).collect();
        assert!(
            values.iter().any(|v| v.contains("12")) && values.iter().any(|v| v.contains("20")),
            "{values:?}"
        );
    }
}

#[test]
fn counts_of_unrelated_things_are_no_disagreement() {
    let digest = digest_of(&[
        ("a", &["Three people were shot last summer at a cinema screening in Lafayette."]),
        ("b", &["The senator spoke to a crowd of 3,000 people in downtown Reno on Sunday."]),
    ]);
    assert_eq!(digest.figures.len(), 2, "{:?}", digest.figures);
    assert!(digest.contradictions.is_empty(), "{:?}", digest.contradictions);
}

#[test]
fn counts_of_people_disagree_only_on_what_happened_to_them() {
    // Killed against injured: two figures.
    let found = disagreements(
        "The earthquake struck the island of Qeshm on Sunday, killing at least 10 people.",
        "Governor Ali Reza said 50 were injured when the earthquake struck Qeshm.",
    );
    assert!(found.is_empty(), "{found:?}");
    // Injured, however worded: one figure, two numbers, in one story.
    let found = disagreements(
        "The earthquake struck the island of Qeshm on Sunday, killing 10 people and injuring 80.",
        "Governor Ali Reza said 50 were injured when the earthquake struck Qeshm on Sunday.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].story, "story-01");
    let values: BTreeSet<&str> = found[0].values.iter().map(|v| v.value.as_str()).collect();
    assert_eq!(values, BTreeSet::from(["injuring 80", "50 were injured"]));
}

#[test]
fn a_floor_agrees_with_a_number_a_little_past_it_and_a_past_year_is_another_event() {
    let found = disagreements(
        "The judge sentenced Terry Nichols on each of 54 charges in the Atlanta courthouse case.",
        "Terry Nichols faced more than 50 charges in the Atlanta courthouse case, the judge said.",
    );
    assert!(found.is_empty(), "{found:?}");
    let found = disagreements(
        "The earthquake in Qeshm killed at least 10 people on Sunday, officials in Iran said.",
        "An earthquake in Bam killed more than 26,000 people in 2003, officials in Iran said.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn vague_amounts_disagree_with_numbers_outside_their_range_and_not_with_each_other() {
    let found = disagreements(
        "Military analysts say the Norland army could send five to ten battalion tactical groups to the border.",
        "Military analysts say the Norland army will rather send a few battalions to the border.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    let found = disagreements(
        "Firefighters said a few trucks from Varna were sent to the burning warehouse on Monday.",
        "Firefighters said several trucks from Varna were sent to the burning warehouse on Monday.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn figures_counted_over_different_periods_are_two_stat_lines() {
    let found = disagreements(
        "Mark Lind hit .358 with 13 homers and 43 RBIs in 54 games with the Varna Bears this year.",
        "Mark Lind had 33 homers and 121 RBIs in 157 games with the Varna Bears this year.",
    );
    assert!(found.is_empty(), "{found:?}");
}

/// The disagreements between two articles of one sentence each.
fn disagreements(a: &str, b: &str) -> Vec<Contradiction> {
    digest_of(&[("a", &[a]), ("b", &[b])]).contradictions
}

#[test]
fn figures_of_unnamed_polls_or_of_other_states_are_no_disagreement() {
    // Two polls' margins of error: nothing names which poll.
    let found = disagreements(
        "The poll of likely voters has a margin of error of plus or minus 3 percentage points.",
        "The poll of likely voters has a margin of error of plus or minus 4.5 percentage points.",
    );
    assert!(found.is_empty(), "{found:?}");
    // Named or not, two polls' margins of error and samples are how each was taken.
    let found = disagreements(
        "The Quinnipiac poll of 1,237 voters has a margin of error of 3 percentage points.",
        "The Quinnipiac poll of 1,561 voters has a margin of error of 2.5 percentage points.",
    );
    assert!(found.is_empty(), "{found:?}");
    // A sentence that gives the other's number too speaks of something else with its own.
    let florida = "Senator Ann Lee picked up all 99 delegates in Florida on Tuesday night.";
    let found = disagreements(
        florida,
        "Both Florida, 99 delegates, and Ohio, 66 delegates, went to Senator Ann Lee on Tuesday.",
    );
    assert!(found.is_empty(), "{found:?}");
    // Named, and with nothing to tell them apart, they disagree.
    let found = disagreements(florida, &florida.replace("99", "92"));
    assert_eq!(found.len(), 1, "{found:?}");
    // One that writes the other's number without a noun after it speaks of it too.
    let found = disagreements(
        "Senator Ann Lee is within 150 delegates of the 2,383 needed to clinch the nomination.",
        "Senator Ann Lee needs 2,383 delegates to clinch the nomination of the party.",
    );
    assert!(found.is_empty(), "{found:?}");
    // Another state is another race.
    let found = disagreements(florida, &florida.replace("99", "92").replace("Florida", "Ohio"));
    assert!(found.is_empty(), "{found:?}");
    // Two lengths of time are two periods.
    let found = disagreements(
        "Ann Lee has done more presidential things in two weeks than Eva Berg has in 2016.",
        "Ann Lee has done more presidential things in three weeks than Eva Berg has done in 2016.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_described_speaker_is_the_quotes_speaker_name_but_no_actor() {
    let digest = digest_of(&[(
        "a",
        &[
            "“Many firms have opened offices in Tolby to move their money,” an anonymous businessman tells the paper.",
        ],
    )]);
    let quote = &digest.quotes[0];
    assert_eq!(
        (quote.speaker.as_deref(), quote.speaker_name.as_deref()),
        (None, Some("an anonymous businessman"))
    );
}

#[test]
fn a_surname_alone_is_the_namesake_far_more_articles_name() {
    let ana = "Ana Lind, the mayor of Tolby, opened the new bridge on Monday.";
    let eva = "Eva Lind, her cousin, spoke at the opening of the bridge in Tolby.";
    let lone = "Lind said the bridge would cut the drive to the capital by an hour.";
    let aliases_of = |articles: &[(&str, &[&str])]| {
        let digest = digest_of(articles);
        let ana = digest.actors.iter().find(|a| a.name == "Ana Lind").expect("Ana Lind");
        ana.aliases.clone()
    };
    let (ana, eva, lone): (&[&str], &[&str], &[&str]) = (&[ana], &[eva], &[lone]);
    let mut articles = vec![("a", ana), ("b", ana), ("c", ana), ("d", ana), ("e", eva), ("f", lone)];
    assert_eq!(aliases_of(&articles), ["Lind"]);
    // With a second namesake as well known, "Lind" could be either.
    articles.extend([("g", eva), ("h", eva)]);
    assert!(aliases_of(&articles).is_empty());
}

#[test]
fn slugs_are_ascii() {
    assert_eq!(slug("Ségolène Royal"), "segolene-royal");
    assert_eq!(slug("Институт"), "actor");
}

/// Sentences of other news, each naming someone else: enough of a story around a pair for
/// its mean to say what the story is about (see `meaning::MIN_TO_CENTRE`).
fn other_news(article: usize) -> Vec<String> {
    const PEOPLE: [&str; 8] =
        ["Ola Berg", "Dana Vick", "Ivo Lund", "Mira Holt", "Tom Frey", "Ana Lind", "Bo Ek", "Kai Dahl"];
    const DOINGS: [&str; 14] = [
        "opened a new bakery in the old harbour district on Monday morning",
        "won the regional chess championship after a nine-hour final game",
        "published a cookbook of traditional fish recipes from the islands",
        "was appointed coach of the national volleyball team for two years",
        "restored a medieval church organ that had been silent since the war",
        "sailed alone around the southern cape in a small wooden boat",
        "planted four hundred apple trees on the hills above the village",
        "released an album of folk songs recorded in a mountain cabin",
        "donated a collection of rare butterflies to the natural history museum",
        "designed the new footbridge that links the two halves of the town",
        "ran the city marathon in under three hours at the age of seventy",
        "opened a school for young violin makers in a former fire station",
        "found the wreck of a merchant ship off the northern coast",
        "painted a mural of the town's fishermen on the wall of the market hall",
    ];
    DOINGS
        .iter()
        .enumerate()
        .map(|(i, d)| format!("{} {d}.", PEOPLE[(i + article * 3) % PEOPLE.len()]))
        .collect()
}

/// The digest of two articles of one story: each holds other news and `said`.
fn story_of_two(a: &[&str], b: &[&str]) -> Digest {
    let (mut pa, mut pb) = (other_news(0), other_news(1));
    pa.extend(a.iter().map(|s| s.to_string()));
    pb.extend(b.iter().map(|s| s.to_string()));
    let pa: Vec<&str> = pa.iter().map(String::as_str).collect();
    let pb: Vec<&str> = pb.iter().map(String::as_str).collect();
    digest_of(&[("a", &pa), ("b", &pb)])
}

#[test]
fn one_fact_worded_differently_by_two_outlets_is_one_claim() {
    let digest = story_of_two(
        &[
            "Almost all exports of Norland to the European Union are now blocked by the sanctions, Ola Berg said.",
        ],
        &[
            "Ola Berg said trade restrictions have put a stop to most of what Norland sells to the European Union.",
        ],
    );
    assert_eq!(sources_of(&digest, "exports of Norland"), BTreeSet::from(["a", "b"]));
    assert_eq!(claim_with(&digest, "exports of Norland").story.as_deref(), Some("story-01"));
}

#[test]
fn a_denial_or_another_number_is_not_the_same_fact_however_alike() {
    let digest = story_of_two(
        &[
            "Almost all exports of Norland to the European Union are now blocked by the sanctions, Ola Berg said.",
            "The storm destroyed 120 houses on the coast of Norland, Dana Vick said.",
        ],
        &[
            "Ola Berg said the sanctions have not blocked the exports of Norland to the European Union.",
            "The storm destroyed 300 houses on the coast of Norland, Dana Vick said.",
        ],
    );
    assert_eq!(sources_of(&digest, "are now blocked"), BTreeSet::from(["a"]));
    assert_eq!(sources_of(&digest, "120 houses"), BTreeSet::from(["a"]));
}

#[test]
fn a_folder_of_two_events_is_two_stories() {
    let quake = [
        "A strong earthquake struck the island of Qeshm in southern Iran on Sunday, killing at least five people.",
        "Rescue teams searched the rubble of collapsed houses in the villages of Qeshm for survivors.",
    ];
    let transfer = [
        "Real Madrid signed the goalkeeper Thibaut Courtois from Chelsea for a fee of 35 million euros.",
        "Courtois passed a medical in Madrid and signed a six-year contract with the Spanish club.",
    ];
    let digest = digest_of(&[
        ("q1", &quake[..]),
        ("t1", &transfer[..]),
        ("q2", &[quake[1], quake[0]][..]),
        ("t2", &[transfer[1], transfer[0]][..]),
    ]);
    let stories: Vec<Vec<&str>> =
        digest.stories.iter().map(|s| s.articles.iter().map(|a| &**a).collect()).collect();
    assert_eq!(stories, [vec!["q1", "q2"], vec!["t1", "t2"]]);
}

#[test]
fn a_quote_copied_with_its_framing_is_one_report_and_quoted_anew_is_two() {
    let quote = "“We will not send a single soldier across the border, whatever Moscow asks of us,”";
    let copied = format!("{quote} Ann Lee told reporters in the capital on Thursday after the meeting.");
    let anew = format!("{quote} Ann Lee said in parliament on Thursday.");
    let digest = digest_of(&[("a", &[&copied]), ("b", &[&copied]), ("c", &[&anew])]);
    let claim = claim_with(&digest, "single soldier");
    assert_eq!(claim.sources.len(), 3, "{claim:#?}");
    assert_eq!(claim.independent_sources, 2);
}

#[test]
fn text_outside_quotes_is_the_framing() {
    assert_eq!(outside_quotes("“Go,” she said, “now.” Then “x"), " she said,  Then ");
    assert_eq!(outside_quotes("He said \"no\" twice."), "He said  twice.");
}

#[test]
fn a_place_carries_no_title() {
    // A title the page sets before a place's name ("Mr Mongolia") is no
    // role of the place's; a person keeps theirs.
    let digest = digest_of(&[
        (
            "a",
            &[
                "Foreign Minister Ann Lee flew to Mongolia on Monday to discuss the grain deal.",
                "Mongolia grows more grain than any of its neighbours, and Mongolia sells most of it abroad.",
                "In Ulaanbaatar she met Mr Mongolia, as the trade minister is known.",
            ],
        ),
        ("b", &["Mongolia signed the grain deal on Tuesday, Foreign Minister Ann Lee said."]),
    ]);
    let roles = |name: &str| digest.actors.iter().find(|a| a.name == name).map(|a| a.roles.clone());
    assert_eq!(roles("Mongolia"), Some(Vec::new()), "{:?}", digest.actors);
    assert_eq!(roles("Ann Lee"), Some(vec!["Foreign Minister".to_string()]));
}
