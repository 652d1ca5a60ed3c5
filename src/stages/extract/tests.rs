use super::*;
use crate::model::Day;

fn article(paras: &[&str]) -> Article {
    Article::from_paragraphs("a", Day::ymd(2022, 5, 20), paras)
}

/// Asserts the speaker of each quote extract finds in an article of these paragraphs.
#[track_caller]
fn assert_speakers(paras: &[&str], expected: &[Option<&str>]) {
    let x = extract_article(&article(paras), &ExtractConfig::default());
    let speakers: Vec<Option<&str>> = x.quotes.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(speakers, expected);
}

/// Asserts what the attribution says of each quote's speaker in an article of these paragraphs.
#[track_caller]
fn assert_descriptions(paras: &[&str], expected: &[Option<&str>]) {
    let x = extract_article(&article(paras), &ExtractConfig::default());
    let asides: Vec<Option<&str>> = x.quotes.iter().map(|q| q.speaker_apposition.as_deref()).collect();
    assert_eq!(asides, expected);
}

/// One case of `tests/rules/speakers.toml`.
#[derive(serde::Deserialize)]
struct SpeakerCase {
    name: String,
    paragraphs: Vec<String>,
    quotes: Vec<ExpectedQuote>,
}

/// What a case expects of one quote.
#[derive(serde::Deserialize, Debug, PartialEq)]
struct ExpectedQuote {
    speaker: Option<String>,
    described: Option<String>,
    rule: String,
}

#[test]
fn every_speaker_rule_decides_its_cases() {
    #[derive(serde::Deserialize)]
    struct Table {
        case: Vec<SpeakerCase>,
    }
    let table: Table =
        toml::from_str(include_str!("../../../tests/rules/speakers.toml")).expect("speakers.toml");
    let mut failures = Vec::new();
    for case in &table.case {
        let paras: Vec<&str> = case.paragraphs.iter().map(String::as_str).collect();
        let x = extract_article(&article(&paras), &ExtractConfig::default());
        let found: Vec<ExpectedQuote> = x
            .quotes
            .iter()
            .map(|q| ExpectedQuote {
                speaker: q.speaker.clone(),
                described: q.described_speaker.clone(),
                rule: q.rule.clone(),
            })
            .collect();
        if found != case.quotes {
            failures.push(format!("{}: expected {:?}, found {:?}", case.name, case.quotes, found));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Every sieve and every other rule has a case that it decides.
    let decided: std::collections::HashSet<&str> =
        table.case.iter().flat_map(|c| c.quotes.iter().map(|q| q.rule.as_str())).collect();
    let rules = quotes::SIEVES.iter().map(|s| s.name).chain([
        quotes::CARRIED_IN_PARAGRAPH,
        quotes::CARRIED_FROM_PARAGRAPH_BEFORE,
        quotes::DESCRIBED,
        quotes::DESCRIBED_CARRIED,
    ]);
    let untested: Vec<&str> = rules.filter(|r| !decided.contains(r)).collect();
    assert!(untested.is_empty(), "rules with no case in tests/rules/speakers.toml: {untested:?}");
}

#[test]
fn a_speaker_is_not_whom_the_attribution_addresses_or_mentions() {
    assert_speakers(
        &[
            "Ivo Brandt asked Tom Frey about the wall.",
            "“It could be higher than that,” he told Brandt.",
            "“This will be a challenge” for Frey, said Anna Berg.",
            "“Nobody is safe,” said Frey supporter Jon Lind when asked about it.",
            "“We gave it all back,” said Frey campaign manager Olaf Berg. Frey called on others to do so.",
            "Senator Eva Holm said that Frey is a “good and decent man,” and said that Brandt “melted down last night.”",
            "The book quotes former Brandt adviser Karl Lund:",
            "“I would love the unions to be worse off, and I am not ashamed to say it.”",
            "“Many have opened offices here,” an anonymous businessman tells Harbor Radio.",
            "“It is a war of three,” Ana Lind from the Harbor Council on Foreign Relations (HCFR) told the paper.",
        ],
        &[
            Some("Tom Frey"),
            Some("Anna Berg"),
            Some("Jon Lind"),
            Some("Olaf Berg"),
            Some("Eva Holm"),
            Some("Eva Holm"),
            Some("Karl Lund"),
            None,
            Some("Ana Lind"),
        ],
    );
}

#[test]
fn the_senator_and_the_foundation_are_the_ones_named_before() {
    assert_speakers(
        &[
            "Sen. Ana Lind and the Harbor Foundation met on Monday.",
            "“We will fund it,” the foundation said. “The bill will pass,” the senator said.",
            "Asked about the vote, the senator said: “We will win it by ten votes.”",
            "Sen. Jon Frey disagreed with her.",
            "“It will not pass this year or in any other year,” the senator said.",
            "Sen. Ana Lind and Sen. Jon Frey left the chamber together.",
            "“We will try again next year, with a bill that has more votes,” the senator said.",
        ],
        // Two senators by then: "the senator" is the one named last, just before, and
        // could be either once both are named together.
        &[Some("Harbor Foundation"), Some("Ana Lind"), Some("Ana Lind"), Some("Jon Frey"), None],
    );
    // A senator in office is not "the former senator".
    assert_speakers(
        &[
            "Sen. Ana Lind met the mayor on Monday.",
            "“We will pass the bill next year, whatever it takes,” the former senator said.",
        ],
        &[None],
    );
}

#[test]
fn a_speaker_keeps_what_the_attribution_says_of_them() {
    let x = extract_article(
        &article(&[
            "“The vote is close,” said Ana Lind, the chair of the Farmers' Union. Ana Lind, 52, of Tula, Ark., has said before: “We will win the vote.”",
            "“It was not close at all,” Rep. Jon Frey (R-Ohio), a member of the committee, told reporters in a statement.",
            "“They lost,” said Bo Ek, adding that nobody was surprised. Frey, he said, was “not a good loser at all today”.",
            "“It is over,” said Eva Lund of the Heritage Institute. “It is,” said Lund of the plans of Ivo Brandt, “a defeat for everybody here.”",
            "“We are done with it,” said Nils Berg, clearly tired.",
            "“It is late,” said voter Kim Holm of Derry, N.H., before the event.",
            "“No,” replied Per Dahl, President of the Farmers' Union, when asked.",
        ]),
        &ExtractConfig::default(),
    );
    let asides: Vec<Option<&str>> = x.quotes.iter().map(|q| q.speaker_apposition.as_deref()).collect();
    // The description's first clause is a role; an age, a home or a clause about them is not.
    let roles = |name: &str| x.actors.iter().find(|a| a.name == name).map(|a| a.roles.to_vec());
    assert_eq!(roles("Ana Lind"), Some(vec!["chair of the Farmers' Union".to_string()]));
    assert_eq!(roles("Per Dahl"), Some(vec!["President of the Farmers' Union".to_string()]));
    assert_eq!(roles("Kim Holm"), Some(Vec::new()));
    assert_eq!(
        asides,
        [
            Some("the chair of the Farmers' Union"),
            Some("52, of Tula, Ark."),
            Some("(R-Ohio), a member of the committee"),
            None,
            None,
            Some("of the Heritage Institute"),
            None,
            None,
            None,
            Some("of Derry, N.H."),
            Some("President of the Farmers' Union"),
        ]
    );
}

#[test]
fn a_speaker_named_again_is_described_as_first_described() {
    assert_descriptions(
        &[
            "Ana Lind, the chair of the Farmers' Union, called the vote a “disgrace.”",
            "“We will not accept it,” Lind said. “It is over,” said Ivo Brandt, the Post reported.",
            "“It was a good vote,” said Jon Frey, a pollster who advised Brandt.",
            "“We have won it,” said Tor Lid of Madison, Alabama, after the vote.",
            "Eva Holm, a conservative independent, went to see Brandt last week. “She is a fake,” Holm said.",
            "Ivo Brandt brought Bo Ek, a former county chairman in Tula, onto the stage. Ek added that it was over. “I make my own money.”",
        ],
        &[
            Some("the chair of the Farmers' Union"),
            Some("the chair of the Farmers' Union"),
            None,
            Some("a pollster who advised Brandt"),
            Some("of Madison, Alabama"),
            Some("a conservative independent"),
            Some("a former county chairman in Tula"),
        ],
    );
}

#[test]
fn a_short_quote_is_a_speakers_partial_quote_not_a_name_or_a_distanced_term() {
    let x = extract_article(
        &article(&[
            "Ivo Brandt called the sanctions “illegal piggery” and the so-called “special operation” a success.",
            "Ivo Brandt called the show “Fox and Friends” once.",
            "Critics called it “a disaster” though.",
        ]),
        &ExtractConfig::default(),
    );
    let quotes: Vec<(&str, Option<&str>)> =
        x.quotes.iter().map(|q| (q.text.as_str(), q.speaker.as_deref())).collect();
    // The one quote is shown in the clause that reports it (see the test below).
    assert_eq!(
        quotes,
        [(
            "the sanctions “illegal piggery” and the so-called “special operation” a success.",
            Some("Ivo Brandt")
        )]
    );
}

#[test]
fn a_quote_after_a_sentence_that_opens_with_its_speaker_is_theirs() {
    assert_speakers(
        &[
            "Analysts expect the bank to raise its rates in the spring.",
            "Ana Lind added that the bank very much wants to get out of the way well before the election in the autumn, when the parties and their candidates will have other things to talk about than rates. “They don't like to talk about it, but they will.”",
        ],
        &[Some("Ana Lind")],
    );
    // Not the subject of the paragraph before when the quote does not open its own.
    assert_speakers(
        &[
            "Ana Lind expects the bank to raise its rates in the spring.",
            "The bank held its rates on Monday, as it had done for most of the year, and the markets barely moved at all on the news from the meeting. “They don't like to talk about it, but they will.”",
        ],
        &[None],
    );
}

#[test]
fn speakers_after_brackets_according_to_colons_and_any_verb() {
    assert_speakers(
        &[
            "“It reminds us how important this election is,” Sen. Ana Lind (R-Fla.) said on Saturday.",
            "“The material shows that the department compiled files,” according to the Harbor Foundation.",
            "The Board of Elections was conclusive in its findings: “Further discussion is unnecessary.”",
            "“For a start, that was not what she said at all,” Ivo Brandt erupted.",
            "“He will always be the one to blame,” an angry crowd chanted.",
            "“This is a fantastic day for us!” beamed Jon Frey. “It is not a good day,” Eva Holm shot back.",
            "“Nothing we do now would make a difference,” Per Dahl, director of the Open Markets Project at the Harbor Institute, said.",
            "Gov. Ole Sand blamed the court's “four liberal justices who blocked our sensible laws.”",
            "Kim Holm also embraced the new rules -- “I think the rules are peanuts compared to theirs.”",
            "Because of the calendar, explained Tor Lid, “it will be over by March.”",
            "Olaf Berg, who was on the slate, told Harbor Radio, “Of the three, I like Lid the best.”",
            "Gov. Eva Lund endorsed her, citing her “firm grasp of the issues” and more.",
            "Ana Lind asked Ivo Brandt: “Where were you on the day of the vote?”",
            "Tor Lid estimated that there are “somewhere between 23 and 28 people who are opposed.”",
            "“You know, it happens, right?” Jon Frey went on, as if he did not hear. “But you get over it.”",
            "Said Eva Holm, “The thought that we erred is very painful to us.”",
        ],
        &[
            Some("Ana Lind"),
            Some("Harbor Foundation"),
            Some("Board of Elections"),
            Some("Ivo Brandt"),
            None,
            Some("Jon Frey"),
            Some("Eva Holm"),
            Some("Per Dahl"),
            Some("Ole Sand"),
            Some("Kim Holm"),
            Some("Tor Lid"),
            Some("Olaf Berg"),
            Some("Eva Lund"),
            Some("Ana Lind"),
            Some("Tor Lid"),
            Some("Jon Frey"),
            Some("Jon Frey"),
            Some("Eva Holm"),
        ],
    );
}

#[test]
fn a_quote_with_no_verb_of_speech_is_the_sentence_subjects_not_a_things_name_nor_a_qualifiers() {
    assert_speakers(
        &[
            "In the depths of the recession, Ana Lind worried that the safety net was becoming “a hammock that lulls people.”",
            "Lind campaign manager Ivo Brandt fretted that voters were “tired of the same old promises.”",
            "Olaf Berg acted in the movie “Hell On The High Seas 3: Tonight” last year.",
            "As The Harbor Times’s Eva Holm puts it, Jon Frey is making the voters “an offer they cannot refuse.”",
            "After Jon Frey criticized the plan, Ana Lind shot back: “That plan was never ours to begin with.”",
            "“We are not worried,” said Lind campaign spokesman Tor Lid. “The numbers are with us.”",
            "Jon Frey bought a “promoted trend” for the convention.",
        ],
        &[
            Some("Ana Lind"),
            Some("Ivo Brandt"),
            None,
            Some("Eva Holm"),
            Some("Ana Lind"),
            Some("Tor Lid"),
            Some("Tor Lid"),
        ],
    );
}

#[test]
fn a_pronoun_goes_to_the_person_it_fits() {
    assert_speakers(
        &[
            "“We have the votes,” Senator Ana Lind told reporters, and she said the bill would pass.",
            "Her rival, Mr. Jon Frey, disagreed with the count.",
            "“The count is wrong, and everybody in the chamber knows it,” she said.",
            "Asked on Tuesday about Tor Lid, Eva Holm said “I know nothing about Lid and his emails,” she said.",
        ],
        &[Some("Ana Lind"), Some("Ana Lind"), Some("Eva Holm")],
    );
}

#[test]
fn quotes_get_speakers_from_either_side() {
    let a = article(&[
        "Foreign Minister Anna Berg arrived in Vilnius on Friday.",
        "“We will not accept these terms under any circumstances,” Berg told reporters.",
        "Later, Jon Frey said: “The talks are over for this year at least.”",
        "“There is nothing more to discuss with them,” he said.",
    ]);
    let x = extract_article(&a, &ExtractConfig::default());
    let speakers: Vec<Option<&str>> = x.quotes.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(speakers, [Some("Anna Berg"), Some("Jon Frey"), Some("Jon Frey")]);
    let berg = x.actors.iter().find(|a| a.name == "Anna Berg").unwrap();
    assert!(berg.roles.iter().any(|r| r == "Foreign Minister"), "{berg:?}");
    let friday = x.events.iter().find(|e| e.as_written == "Friday").unwrap();
    assert_eq!(friday.date, Day::ymd(2022, 5, 20), "20 May 2022 is a Friday");
}

#[test]
fn a_date_in_a_relative_clause_is_not_when_the_sentence_happened() {
    let a = article(&[
        "Ana Lind, the opposition leader who ran against Jon Frey in 2020, called for new elections on Monday.",
        "She met Eva Berg, who took office in 2019.",
        "The party, founded in 1998, won the vote in 2021.",
    ]);
    let x = extract_article(&a, &ExtractConfig::default());
    let dates: Vec<&str> = x.events.iter().map(|e| e.as_written.as_str()).collect();
    assert_eq!(dates, ["Monday", "1998", "2021"]);
}

#[test]
fn a_continued_quote_keeps_its_speaker() {
    assert_speakers(
        &[
            "“The ones who have been here for years,” Dana Holt asked the crowd. “Do we throw them out or work with them?”",
        ],
        &[Some("Dana Holt"), Some("Dana Holt")],
    );
}

#[test]
fn speakers_are_people_with_their_titles_and_days_split_off() {
    let a = article(&[
        "“We have absolutely no violations of any kind,” Wasserman Schultz said.",
        "“There is a special place for all of them,” Former Secretary of State Madeleine Albright said in New Hampshire Monday.",
        "“Imagine the two of them on the same stage,” mused Blaze co-host Stu Burguiere.",
        "“I will say we are tired of being told that it is wrong!” Cruz said.",
    ]);
    let x = extract_article(&a, &ExtractConfig::default());
    let speakers: Vec<Option<&str>> = x.quotes.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(
        speakers,
        [Some("Wasserman Schultz"), Some("Madeleine Albright"), Some("Stu Burguiere"), Some("Cruz")]
    );
    let kind = |name: &str| x.actors.iter().find(|a| a.name == name).map(|a| a.kind);
    assert_eq!(kind("New Hampshire"), Some(crate::model::ActorKind::Place));
    let albright = x.actors.iter().find(|a| a.name == "Madeleine Albright").unwrap();
    assert!(albright.roles.iter().any(|r| r == "Secretary of State"), "{albright:?}");
}

#[test]
fn speakers_past_abbreviations_employers_and_participles() {
    assert_speakers(
        &[
            "“We are going to win that one easily,” Gov. Kasich replied.",
            "“The vote was fair and the count was honest,” Acme Group spokesman Lars Odum said.",
            "The minister met Ivo Brandt on Monday, Nina Vold said, adding: “We will not sign anything today.”",
        ],
        &[Some("Kasich"), Some("Lars Odum"), Some("Nina Vold")],
    );
}

#[test]
fn speakers_named_in_the_paragraph_before_or_after() {
    assert_speakers(
        &[
            "“We will look at every option we have,” Tomas Rand told the committee on Monday.",
            "“None of them is cheap, and none of them is quick.”",
            "“And the money is not there yet,” a spokesman said.",
            "Sen. Ivo Kell (Ark.) has said that he would \"cut the budget in half before the year is out.\"",
            "“It's unusual,” said Lena Marsh, an attorney with the Civic Law Center. “It is a hard thing to do well.”",
            "Reporter Mia Soto says:",
            "“The crowd has been waiting here since the early morning.”",
            "“She never quits, and that is why she should be our next president.”",
            "- Ola Brun, Philadelphia.",
            "The deal is what Petra Lind called “a bad bargain for every family in this state.”",
            "Carl Moen, clearly annoyed, went on about the budget.",
            "“Nobody in this building has read the bill, and nobody will read it before the vote.”",
            "The vote was delayed after the session with Mark Dahl.",
            "“We will need another week to count what was spent.”",
        ],
        &[
            Some("Tomas Rand"),
            // The paragraph before continues; a paragraph with its own (unnamed) speaker does not.
            Some("Tomas Rand"),
            None,
            Some("Ivo Kell"),
            // "“It's unusual,” said Lena Marsh" is short but a whole utterance.
            Some("Lena Marsh"),
            Some("Lena Marsh"),
            Some("Mia Soto"),
            Some("Ola Brun"),
            Some("Petra Lind"),
            // A paragraph that is one quote continues the person the sentence before opens
            // with, not one it names elsewhere.
            Some("Carl Moen"),
            None,
        ],
    );
}

#[test]
fn speakers_past_appositions_and_not_from_far_quotes() {
    assert_speakers(
        &[
            "Dana Vick, the opposition leader who ran against Karl Moss in 2020, called for soldiers “to lay down their arms and go home to their families.”",
            "Karl Moss spoke on Monday. The contrast with the warmongering cries to “keep going until the bitter end” is vivid, even if, predictably, the ministry puts the blame for the conflict on its neighbours and their many allies. In a recent interview with the Acme News agency, he even said he had not expected the war to “drag on for so long.”",
        ],
        &[Some("Dana Vick"), None, Some("Karl Moss")],
    );
}

#[test]
fn reported_speech_becomes_an_attributed_claim() {
    let a = article(&["According to Mark Lane, the army has lost 5,000 soldiers since the war began."]);
    let x = extract_article(&a, &ExtractConfig::default());
    assert_eq!(x.statements.len(), 1);
    let speaker = x.statements[0].attributed_to.map(|i| x.actors[i as usize].name.as_str());
    assert_eq!(speaker, Some("Mark Lane"));
    // Findings point into the article's text rather than copying it.
    assert_eq!(a.text_at(x.statements[0].sentence), a.paragraphs[0].text);
    assert_eq!(a.text_at(x.figures[0].sentence), a.paragraphs[0].text);
    assert_eq!(x.figures[0].number, 5000.0);
}

#[test]
fn a_sentence_that_introduces_what_follows_is_no_claim() {
    let a = article(&[
        "WASHINGTON (AP) — The Latest on the campaign of Lena Marsh in Tolby on Tuesday (all times local):",
        "Lena Marsh, the mayor of Tolby, opened the new bridge over the river on Friday.",
    ]);
    let claims_of = |a: &Article| -> Vec<String> {
        let x = extract_article(a, &ExtractConfig::default());
        x.statements.iter().map(|s| a.text_at(s.sentence).to_string()).collect()
    };
    assert_eq!(claims_of(&a), [a.paragraphs[1].text.as_str()]);

    // Nor does a subheading.
    let mut a = article(&[
        "Tolby: Lena Marsh with a balancing act – no new bridge over the river this year",
        "Lena Marsh, the mayor of Tolby, opened the new bridge over the river on Friday.",
    ]);
    a.paragraphs[0].heading = true;
    assert_eq!(claims_of(&a), [a.paragraphs[1].text.as_str()]);
}

#[test]
fn a_label_in_quotation_marks_is_nobody_s_words() {
    let a = article(&[
        "But even if Lena Marsh continues to tie her town closely to the capital, “the last mayor of the valley” is attempting a balancing act.",
        "“Boots on the ground” would be appropriate, council member Per Dahl said after the attacks.",
    ]);
    let x = extract_article(&a, &ExtractConfig::default());
    let quotes: Vec<(&str, Option<&str>)> =
        x.quotes.iter().map(|q| (q.text.as_str(), q.speaker.as_deref())).collect();
    assert_eq!(quotes, [("the last mayor of the valley", None), ("Boots on the ground", Some("Per Dahl"))]);
    assert_eq!(x.statements[0].attributed_to, None, "continuing to do something is not speaking");
}

#[test]
fn a_plural_noun_is_no_verb_of_speech() {
    let a = article(&[
        "Its position between Russia and the NATO states may enable Lena Marsh to resist the pressure.",
    ]);
    let x = extract_article(&a, &ExtractConfig::default());
    assert_eq!(x.statements.len(), 1);
    assert_eq!(x.statements[0].attributed_to, None);
    let a = article(&["Lena Marsh states that the pressure on the council was never higher than this year."]);
    let x = extract_article(&a, &ExtractConfig::default());
    let speaker = x.statements[0].attributed_to.map(|i| x.actors[i as usize].name.as_str());
    assert_eq!(speaker, Some("Lena Marsh"));
}

#[test]
fn a_paragraph_another_article_carries_still_names_actors_but_adds_no_claims() {
    let mut a = article(&[
        "Lena Marsh, the mayor of Tolby, opened the new bridge over the river on Friday.",
        "“We have waited for this bridge for twenty years,” Lena Marsh said at the opening.",
    ]);
    a.paragraphs[1].duplicate_of = Some(crate::model::ParagraphRef { article: "other".into(), paragraph: 3 });
    let x = extract_article(&a, &ExtractConfig::default());
    let marsh = x.actors.iter().find(|a| a.name == "Lena Marsh").expect("actor");
    assert_eq!(marsh.mentions, 2, "the copied paragraph's mention counts");
    assert!(x.quotes.is_empty(), "the copied quote belongs to the other article");
    assert_eq!(x.statements.len(), 1);
}

#[test]
fn a_pronoun_may_point_into_a_paragraph_another_article_carries() {
    let mut a = article(&[
        "Lena Marsh, the mayor of Tolby, opened the new bridge over the river on Friday.",
        "About the delays, Per Dahl told the council that the money had run out.",
        "“We have waited for this bridge for twenty years,” he said at the opening.",
    ]);
    a.paragraphs[1].duplicate_of = Some(crate::model::ParagraphRef { article: "other".into(), paragraph: 3 });
    let x = extract_article(&a, &ExtractConfig::default());
    let speakers: Vec<Option<&str>> = x.quotes.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(speakers, [Some("Per Dahl")]);
}

#[test]
fn a_speaker_no_one_names_is_described_as_the_attribution_describes_them() {
    let a = article(&[
        "“Many firms have opened offices in Tolby to move their money through them,” an anonymous businessman tells the paper.",
        "According to British intelligence, the leader walks a knife edge, “probably balancing between the two sides of the war.”",
        "“We will see what the week brings for all of us here,” he said.",
        "“The gap is too wide for her to close in a week,” added a Nevada Democrat. “She needs to win big in the south.”",
        "Mayor Ana Lind lost the vote on Tuesday.",
        "“The council does not even care any more about the port,” wrote one Lind supporter, with a link.",
    ]);
    let x = extract_article(&a, &ExtractConfig::default());
    let described: Vec<Option<&str>> = x.quotes.iter().map(|q| q.described_speaker.as_deref()).collect();
    let nevada = Some("a Nevada Democrat");
    let supporter = Some("one Lind supporter");
    assert_eq!(
        described,
        [Some("an anonymous businessman"), Some("British intelligence"), None, nevada, nevada, supporter]
    );
    assert!(x.quotes.iter().all(|q| q.speaker.is_none()), "{:?}", x.quotes);
}

#[test]
fn a_headline_in_title_case_names_only_what_stands_apart_in_it() {
    let a = article(&[
        "Flint Water Response Perfectly Captures The Difference Between Bernie Sanders And Hillary Clinton.",
        "Cecile Richards: ‘I’m Sick Of Men Telling Us What To Do With Our Bodies.’",
        "From Ann Lee of The Tolby Post, with Will Hay.",
    ]);
    let x = extract_article(&a, &ExtractConfig::default());
    let names: Vec<&str> = x.actors.iter().map(|a| a.name.as_str()).collect();
    assert!(names.iter().all(|n| !n.contains("Water") && !n.contains("Sick")), "{names:?}");
    // The part of a headline that is no headline, and a sentence with a few names in it,
    // are read as usual.
    for name in ["Cecile Richards", "Ann Lee", "Tolby Post", "Will Hay"] {
        assert!(names.contains(&name), "{name}: {names:?}");
    }
}

#[test]
fn the_places_of_the_dateline_are_actors() {
    let mut a = article(&["Deportivo beat Valencia 2-1 on Saturday in front of a full stadium in Tolby."]);
    a.meta.dateline = Some("LA CORUNA, Spain".into());
    let x = extract_article(&a, &ExtractConfig::default());
    for place in ["La Coruna", "Spain"] {
        let actor = x.actors.iter().find(|a| a.name == place);
        assert_eq!(actor.map(|a| a.kind), Some(crate::model::ActorKind::Place), "{place}: {:?}", x.actors);
    }
    // A place the text names again gains a mention rather than a second actor.
    a.meta.dateline = Some("TOLBY".into());
    let x = extract_article(&a, &ExtractConfig::default());
    let tolby: Vec<_> = x.actors.iter().filter(|a| a.name.eq_ignore_ascii_case("Tolby")).collect();
    assert_eq!(tolby.len(), 1, "{:?}", x.actors);
    assert_eq!(tolby[0].mentions, 2);
}

#[test]
fn reported_speech_needs_a_subject_and_a_verb() {
    let a = article(&[
        "In particular, the resolution did not recognize Karl Moss as a legitimate president and demanded the release of all prisoners.",
        "Neither the EU nor the United States recognizes Karl Moss as a legitimate president of the country.",
        "I already wrote that Karl Moss’s survival instincts push him in opposite directions on the war.",
        "Dana Vick, the opposition leader, has repeatedly warned that the army is not ready for any war.",
    ]);
    let x = extract_article(&a, &ExtractConfig::default());
    let by: Vec<Option<&str>> =
        x.statements.iter().map(|s| s.attributed_to.map(|i| x.actors[i as usize].name.as_str())).collect();
    assert_eq!(by, [None, None, None, Some("Dana Vick")]);
}

/// The quotes of an article of these paragraphs: text, whether partial, speaker.
fn quotes_of(paras: &[&str]) -> Vec<(String, bool, Option<String>)> {
    let x = extract_article(&article(paras), &ExtractConfig::default());
    x.quotes.into_iter().map(|q| (q.text, q.partial, q.speaker)).collect()
}

#[test]
fn a_partial_quote_is_shown_in_the_clause_that_reports_it() {
    let lee = Some("Ann Lee".to_string());
    // The verb before the quote: the rest of the sentence, up to a second report.
    assert_eq!(
        quotes_of(&[
            "Senator Ann Lee said there was “no daylight” between the two plans, adding that the vote would be close."
        ]),
        [("there was “no daylight” between the two plans".to_string(), true, lee.clone())]
    );
    // A participle of a verb of report, and two quotes in one clause are one.
    assert_eq!(
        quotes_of(&[
            "Ann Lee spoke in Boston on Monday, denouncing the new tariffs as “illegal” and “deeply unfair” to farmers."
        ]),
        [("the new tariffs as “illegal” and “deeply unfair” to farmers.".to_string(), true, lee.clone())]
    );
    // The attribution after the quote: the sentence up to the closing mark.
    assert_eq!(
        quotes_of(&[
            "The senator Ann Lee opened the hearing.",
            "The bill's cost may be “far too high,” Lee said."
        ]),
        [("The bill's cost may be “far too high,”".to_string(), true, lee.clone())]
    );
    // A quote that is its clause, or that the writer only introduces, keeps its words alone.
    assert_eq!(
        quotes_of(&["Ann Lee said: “We will not raise taxes this year, whatever the council decides.”"]),
        [(
            "We will not raise taxes this year, whatever the council decides.".to_string(),
            false,
            lee.clone()
        )]
    );
    assert_eq!(
        quotes_of(&["Ann Lee complained about “hellish sanctions” on Monday."]),
        [("hellish sanctions".to_string(), false, lee.clone())]
    );
    // One word of the speaker's in the clause that reports it is a quote; one in a sentence
    // that reports nothing is the writer's.
    assert_eq!(
        quotes_of(&["Ann Lee called Britain's vote to leave “fantastic” on Friday."]),
        [("Britain's vote to leave “fantastic” on Friday.".to_string(), true, lee)]
    );
    assert_eq!(quotes_of(&["Ann Lee met the “experts” in Boston on Friday."]), []);
}
