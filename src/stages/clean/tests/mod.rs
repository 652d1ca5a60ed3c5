use super::*;

/// `f` with the default rules and no corpus.
fn with_rules<T>(f: impl FnOnce(&Rules<'_>) -> T) -> T {
    let empty = HashSet::new();
    f(&Rules {
        extra: &[],
        corpus_lines: &empty,
        site_lines: None,
        enabled: true,
        thresholds: Thresholds::default(),
    })
}

fn clean(text: &str) -> Cleaned {
    with_rules(|rules| clean_text(text, rules))
}

/// The texts of the paragraphs kept.
fn kept(c: &Cleaned) -> Vec<&str> {
    c.paragraphs.iter().map(|p| p.text.as_str()).collect()
}

const PAGE: &str = "Home » World » The Council Meets Again\n\nThe Council Meets Again\n\n20 May 2022\n\n\
    By: Jane Roe\n\nThe council met on Friday in the capital to discuss the budget, and the ministers agreed on most of the items.\n\n\
    “We are not going to raise taxes this year,” the finance minister told\nReuters\n.\n\n\
    A new section\n\nThe debate went on late into the night, and several members of the opposition walked out of the chamber.\n\n\
    Photo: a minister © Jane Doe/AFP\n\nShare this post\n\nShare on facebook\n\nLeave a Comment\n";

#[test]
fn the_date_and_byline_below_a_long_menu_are_metadata() {
    let menu: String = (1..=40).map(|i| format!("Section {i}\n\n")).collect();
    let lead = "The council met on Friday in the capital to discuss the budget, and the ministers agreed on most items.";
    let page = format!(
        "{menu}The Council Meets Again\n\nNov. 18, 2019 7:04 pm ET\n\nJane Roe\n\n{lead}\n\n\
         The debate went on late into the night, and several members of the opposition walked out.\n"
    );
    let c = clean(&page);
    assert_eq!(c.meta.date, Some(Day::ymd(2019, 11, 18)));
    assert_eq!(c.meta.author.as_deref(), Some("Jane Roe"));
    let texts = kept(&c);
    assert!(!texts.iter().any(|t| t.contains("7:04") || *t == "Jane Roe"), "{texts:#?}");
    assert_eq!(texts[0], lead, "{texts:#?}");

    // With no title to stand under, the name stands by the date.
    let c = clean(&format!("{menu}Jane Roe\n\nNov. 18, 2019 7:04 pm ET\n\n{lead}\n"));
    assert_eq!(c.meta.author.as_deref(), Some("Jane Roe"));
    assert_eq!(kept(&c), [lead]);

    let c = clean(&format!("{menu}By Troy L. Smith, Cleveland.com\n\n{lead}\n"));
    assert_eq!(c.meta.author.as_deref(), Some("Troy L. Smith"));
    assert_eq!(kept(&c), [lead]);
}

#[test]
fn keeps_body_and_reads_metadata() {
    let c = clean(PAGE);
    assert_eq!(c.meta.title.as_deref(), Some("The Council Meets Again"));
    assert_eq!(c.meta.date, Some(Day::ymd(2022, 5, 20)));
    assert_eq!(c.meta.author.as_deref(), Some("Jane Roe"));
    let texts: Vec<&str> = c.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts.len(), 4, "{texts:#?}");
    assert!(texts[1].ends_with("the finance minister told Reuters."), "{texts:#?}");
    assert_eq!(c.paragraphs[1].lines, [11, 13]);
    assert!(c.paragraphs[2].heading);
}

#[test]
fn a_photo_credit_mid_story_does_not_end_it_but_a_footer_does() {
    let para = |n: usize| {
        format!(
            "The council met on Friday in the capital to discuss the budget, and the ministers agreed on item {n}."
        )
    };
    let caption = "Close allies: the two presidents shake hands at a meeting.";
    let page = |before: usize, between: &[&str], after: usize| {
        let mut blocks: Vec<String> = (1..=before).map(para).collect();
        blocks.extend(between.iter().map(|b| b.to_string()));
        blocks.extend((before + 1..=before + after).map(para));
        blocks.join("\n\n")
    };
    // Under a caption, a credit with no year is the photo's.
    let c = clean(&page(4, &[caption, "© Mikhail Metzel/dpa"], 2));
    assert_eq!(kept(&c).len(), 6, "{:#?}", kept(&c));
    // A footer gives the year or reserves the rights: what follows is not the story.
    for footer in ["© 2019 The Daily Planet", "© The Daily Planet. All rights reserved."] {
        let c = clean(&page(4, &[caption, footer], 5));
        assert_eq!(kept(&c).len(), 4, "{footer}: {:#?}", kept(&c));
    }
}

#[test]
fn a_subheading_over_a_short_sentence_stays_apart_from_it() {
    let lead = "Even if most summit participants support the plan, the president could also encounter critical voices there.";
    let heading = "Kazakhstan is on a confrontational course with the council: the plan is not recognized";
    let split = "De facto, this is not a war of two states but a war of three, said Ann Lee of the Council on Foreign Relations (CFR)";
    let page = format!(
        "{lead}\n\n{heading}\n\nAn example is Kazakhstan.\n\n\
         The country's president caused a stir a few days ago with critical statements that are rarely heard outside.\n\n\
         {split}\n\ntold Tagesspiegel\n\n.\n\n{lead}\n"
    );
    let c = clean(&page);
    let texts = kept(&c);
    assert_eq!(texts[1], heading, "{texts:#?}");
    assert!(c.paragraphs[1].heading);
    assert_eq!(texts[2], "An example is Kazakhstan.", "{texts:#?}");
    assert_eq!(texts[4], format!("{split} told Tagesspiegel."), "{texts:#?}");
}

#[test]
fn a_headline_between_a_url_and_the_story_is_the_title_and_a_url_never_is() {
    let body = "The coach said the team had trained twice a day since August and would now aim for the national title.";
    let page = format!(
        "http://www.example.com/sport/2024/03/05/team-aims-for-title\n\nTeam aims for the national title\n\n{body}\n\n{body} Again.\n"
    );
    let c = clean(&page);
    assert_eq!(c.meta.title.as_deref(), Some("Team aims for the national title"));
    assert!(!kept(&c).iter().any(|p| p.contains("http")));
    // With the story right under the URL, there is no title at all.
    let c = clean(&format!("http://www.example.com/sport/team-aims-for-title\n\n{body}\n\n{body} Again.\n"));
    assert_eq!(c.meta.title, None);
    // A headline under another one above the story is a line of the page, not its title.
    let c = clean(&format!(
        "Sport\n\nFootball news and more from the league\n\nTeam aims for the national title\n\n{body}\n"
    ));
    assert_eq!(c.meta.title, None, "{:?}", kept(&c));
}

#[test]
fn a_dateline_printed_without_a_space_or_in_capitals_dates_the_page_and_marks_its_headline() {
    let body = "The swimming champion turned actress died in her sleep on Thursday, her publicist said.";
    for (above, below) in [("June 06,2013", ""), ("", "JUNE 6,2013 11:34PM")] {
        let page = format!(
            "http://www.example.com/video/52126262\n\n{above}\n\nSwimming star dies at 91\n\n{below}\n\n{body}\n\n{body} Again.\n"
        );
        let c = clean(&page);
        assert_eq!(c.meta.title.as_deref(), Some("Swimming star dies at 91"), "{page}");
        assert_eq!(c.meta.date.map(|d| d.to_string()).as_deref(), Some("2013-06-06"), "{page}");
    }
    // A line of four words right above a date line that gives two dates.
    let page = format!(
        "http://www.example.com/boxing/8139047\n\nChampion retains his belts\n\non July 7,2012 at 4:31 AM, updated July 7,2012 at 10:04 PM\n\n{body}\n\n{body} Again.\n"
    );
    let c = clean(&page);
    assert_eq!(c.meta.title.as_deref(), Some("Champion retains his belts"));
    assert_eq!(c.meta.date.map(|d| d.to_string()).as_deref(), Some("2012-07-07"));
    // A time zone in capitals, and a date line that the page repeats, which is no title.
    let page = format!(
        "Overnight fire destroys the old dairy building\n\nStory Created: Aug 7,2012 at 9:56 AM AKDT\n\n{body}\n\n{body} Again.\n"
    );
    let c = clean(&page);
    assert_eq!(c.meta.title.as_deref(), Some("Overnight fire destroys the old dairy building"));
    assert_eq!(c.meta.date.map(|d| d.to_string()).as_deref(), Some("2012-08-07"));
    let page = format!("Tuesday, August 7,2012\n\nTuesday, August 7,2012\n\n{body}\n\n{body} Again.\n");
    assert_eq!(clean(&page).meta.title, None);
    // Four words beside two capitalised words in a menu are not a headline.
    let menu = format!(
        "Pensions\n\nPersonal banking and insurance\n\nSchroders Talk\n\nSport\n\n{body}\n\n{body} Again.\n"
    );
    assert_eq!(clean(&menu).meta.title, None);
}

#[test]
fn the_standfirst_above_the_story_is_its_lead() {
    let standfirst = "Perhaps the president is the last remaining ally of the council in the region";
    let body = "At the May 16 summit in the capital, the president was the only leader to call on the bloc to join forces.";
    let page = format!("Will The President Stay Loyal?\n\n{standfirst}\n\n{body}\n\n{body} Again.\n");
    let texts = kept(&clean(&page)).join("\n");
    assert!(texts.contains(&format!("{standfirst}\n{body}")), "{texts}");
    // A headline in title case is not one.
    let headline = "Tim Cook On Apple Being Pulled Into The Enterprise Market Again";
    let page = format!("{headline}\n\n{body}\n\n{body} Again.\n");
    assert!(!kept(&clean(&page)).contains(&headline));
    // A lead the page broke into lines before its sentences ended is kept whole.
    let broken = [
        "Chelsea have this morning paid the fee to the Spanish league to secure the signing of the keeper",
        "This has freed the move of Thibaut Courtois to Real Madrid",
    ];
    let page = format!("{headline}\n\n{}\n\n{}\n\n{body}\n\n{body} Again.\n", broken[0], broken[1]);
    assert_eq!(kept(&clean(&page))[..2], broken);
}

#[test]
fn a_standfirst_set_apart_by_the_byline_is_a_teaser() {
    let dek = "The deal comes on top of five sales earlier this week, and it cuts an older order for a larger model.";
    let lead = "The carrier finalized a deal to purchase 30 of the jets, executives of both companies announced on Wednesday.";
    let more = "The order replaces part of an earlier one for a larger model, which has been delayed by problems with its engines.";
    let page =
        format!("The Carrier Buys Jets\n\n{dek}\n\nBy Jane Roe\n\nNov. 18, 2019\n\n{lead}\n\n{more}\n");
    let c = clean(&page);
    assert_eq!(kept(&c), [lead, more]);
    assert!(c.removed.iter().any(|r| r.text == dek && r.reason == RemovalReason::Teaser));
    // Under the date line, the first paragraph is the story's.
    let page =
        format!("The Carrier Buys Jets\n\nNov. 18, 2019\n\n{dek}\n\nBy Jane Roe\n\n{lead}\n\n{more}\n");
    assert_eq!(kept(&clean(&page)), [dek, lead, more]);
    // Today's date in the site's header, far above, says nothing of it.
    let header = "November 20, 2019\n\nWorld\n\nBusiness\n\nMarkets\n\nTech\n\nOpinion";
    let page = format!(
        "{header}\n\nThe Carrier Buys Jets\n\n{dek}\n\nBy Jane Roe\n\nNov. 18, 2019\n\n{lead}\n\n{more}\n"
    );
    assert_eq!(kept(&clean(&page)), [lead, more]);
    // A byline spread over lines may push the date line well below the standfirst.
    let byline =
        "By\n\nJane Roe\n\nThe Carrier Times\n\nBiographyJane Roe\n\n@janeroe\n\njane.roe@example.com";
    let menu: String = (1..=30).map(|i| format!("Section {i}\n\n")).collect();
    let page = format!(
        "{menu}The Carrier Buys Jets\n\n{dek}\n\n{byline}\n\nNov. 18, 2019 8:03 am ET\n\n{lead}\n\n{}",
        [more; 8].join("\n\n")
    );
    let c = clean(&page);
    assert_eq!(c.meta.date, Some(Day::ymd(2019, 11, 18)));
    assert_eq!(kept(&c)[..2], [lead, more]);
}

#[test]
fn a_sentence_above_the_story_stays_only_next_to_it() {
    let lead = "The carrier finalized a deal to purchase 30 of the jets, executives of both companies announced on Wednesday.";
    let more = "The order replaces part of an earlier one for a larger model, which has been delayed by problems with its engines.";
    let other = "Is the new runway ready now?";
    let page = format!(
        "The Carrier Buys Jets\n\nThe Carrier Buys Jets\n\n{other}\n\nShare this article\n\n{lead}\n\n{more}\n"
    );
    assert_eq!(kept(&clean(&page)), [lead, more]);
    let page = format!("The Carrier Buys Jets\n\nThe Carrier Buys Jets\n\n{other}\n\n{lead}\n\n{more}\n");
    assert_eq!(kept(&clean(&page)), [other, lead, more]);
}

#[test]
fn a_table_flattened_one_cell_to_a_line_is_body() {
    let body =
        "The final standings of the series after 36 races, with the points each driver scored this season:";
    let mut rows = ["Pos.", "Driver", "Points", "Wins"].join("\n\n");
    for (pos, name, points, wins) in [
        (1, "Kyle Busch", 5040, 5),
        (2, "Martin Truex Jr.", 5035, 7),
        (3, "Ann Lee", 5033, 4),
        (4, "Joey Logano", 2380, 1),
    ] {
        rows.push_str(&format!("\n\n{pos}\n\n{name}\n\n{points}\n\n{wins}"));
    }
    let menu = "Home\n\nNews\n\nSport";
    let c = clean(&format!("{body}\n\n{rows}\n\n{menu}\n"));
    let texts = kept(&c);
    assert_eq!(texts.len(), 1 + 4 + 16, "{texts:#?}");
    assert!(texts.contains(&"5040") && texts.contains(&"Kyle Busch") && !texts.contains(&"Sport"));
    // Three rows of a quote table, its changes signed.
    let quotes = "Ticker\n\nSecurity\n\nLast\n\nChange\n\nHD\n\nTHE HOME DEPOT INC.\n\n225.86\n\n-12.99\n\nLOW\n\nLOWE'S COMPANIES INC.\n\n113.40\n\n-1.62";
    let c = clean(&format!("{body}\n\n{quotes}\n\n{menu}\n"));
    assert_eq!(kept(&c).len(), 1 + 12, "{:#?}", kept(&c));
    // A list of short links under the text is no table.
    let links = ["Home", "World", "Sport", "Business", "Science", "Culture", "Travel", "Weather"]
        .repeat(2)
        .join("\n\n");
    assert_eq!(kept(&clean(&format!("{body}\n\n{links}\n"))), [body]);
}

#[test]
fn a_list_inside_the_body_is_body_and_a_tag_line_is_not() {
    let intro = "This meal plan works for both programs, so there is no need to work out a new one when you finish the first.";
    let dish = "Beef and Peppers [4 oz. ground beef, 1 cup sweet peppers, 10 olives, 1 Tbsp. cilantro or green onions]";
    let tags = "This Article is related to: Awards and tagged Consider This, Jessie Buckley, Mary Steenburgen, Wild Rose";
    let end = "Drink plenty of water through the day, and eat the last meal at least two hours before you go to bed.";
    let c = clean(&format!(
        "Meal Prep for the Week\n\n{intro}\n\n{dish}\n\n{tags}\n\n{}\n\n{end}\n",
        dish.replace("Beef", "Lamb")
    ));
    assert_eq!(kept(&c)[..2], [intro, dish]);
    assert!(!kept(&c).contains(&tags));
}

#[test]
fn a_headline_in_capitals_inside_the_story_goes() {
    let body = "The retailer earned $2.8 billion in the third quarter, as revenue rose 3.5 percent to $27.2 billion.";
    let heading = "WHAT THE COMPANY EXPECTS FOR THE YEAR";
    let more = "Comparable sales rose 3.6 percent, missing the 4.8 percent gain that analysts surveyed had expected.";
    let video = "CO-FOUNDER 'PROUD' OF HOME DEPOT EMPLOYEES LIVING OUT THEIR AMERICAN DREAM";
    let end = "The shares are up 39 percent this year, while the broader market is up 24.5 percent over the same time.";
    let c = clean(&format!("The Retailer Reports\n\n{body}\n\n{heading}\n\n{more}\n\n{video}\n\n{end}\n"));
    assert_eq!(kept(&c), [body, heading, more, end]);
    // A script without capitals does not shout.
    let korean =
        "엔터미디어 KBS 예능국의 아침마당 접수한 유재석, 그가 뜨는 이유는 무엇인가 하는 질문에 대한 답이다";
    assert!(!shouts(&Block::new(korean.to_string(), [1, 1])));
}

#[test]
fn a_line_the_story_repeats_is_part_of_it() {
    let intro =
        "We asked five of the city's food bloggers the same questions about their work and their kitchens.";
    let question = "What inspired you to start your page?";
    let answer =
        "My grandmother cooked for the whole street every Sunday, and I wanted to keep her recipes alive.";
    let page: String =
        (1..=4).map(|i| format!("{question}\n\nAdvert\n\n{answer} Blogger {i}.\n\n")).collect::<String>();
    let c = clean(&format!("The City's Food Bloggers\n\n{intro}\n\n{page}"));
    let texts = kept(&c);
    assert_eq!(texts.iter().filter(|t| **t == question).count(), 4, "{texts:#?} {:#?}", c.removed);
    assert!(!texts.contains(&"Advert"));
    // A title printed twice is dropped the second time.
    let title = "Bloggers of the city talk about their kitchens";
    let c = clean(&format!("{title}\n\n{intro}\n\n{title}\n\n{answer}\n\n{title}\n\n{answer} Again.\n"));
    assert!(!kept(&c).contains(&title), "{:#?}", kept(&c));
}

#[test]
fn a_quote_keeps_its_signature_line() {
    let page = "The Quotes Of The Week\n\n\
        The week brought the candidates to the state, and the voters heard a great deal from each of them about taxes.\n\n\
        “The idea that I would cut health care in this state while we wait for a new law is just not accurate at all.”\n\n\
        - Ann Lee.\n\n\
        - Share this\n";
    let c = clean(page);
    assert_eq!(kept(&c).last(), Some(&"- Ann Lee."), "{:#?}", kept(&c));
}

#[test]
fn a_heading_with_no_text_under_it_goes() {
    let page = "The week brought the candidates to the state, and the voters heard a great deal from each of them about taxes.\n\n\
        The vote on the new law is due in the spring, and the council expects it to pass by a wide margin.\n\n\
        The opposition says that it will take the law to the courts if it passes, and that it has the votes to win there.\n\n\
        Subscribe to the daily newsletter\n\n\
        Digest of the author’s views on the most pressing issues Every Tuesday\n\n\
        Leave a Comment\n\n\
        This site uses a filter to reduce spam. Learn how your comment data is processed.\n";
    let c = clean(page);
    assert_eq!(kept(&c).len(), 3, "{:#?}", kept(&c));
}

#[test]
fn calls_to_the_reader_go_however_long() {
    let body = "The week brought the candidates to the state, and the voters heard a great deal from each of them about taxes.";
    let prompts = [
        "There is plenty more where that came from. Sign up for The Morning Bell today to get the free daily newsletter delivered to your inbox.",
        "As you comment, please be respectful of other commenters and other viewpoints, and keep the conversation civil and on topic.",
        "Utilizziamo i cookie per essere sicuri che tu possa avere la migliore esperienza sul nostro sito web.",
        "Ann Lee's book about the search for life, out now, is a good read. Follow her on Twitter and join our Space Forums.",
    ];
    let page = format!("{body}\n\n{}\n\n{body} Again.\n", prompts.join("\n\n"));
    let c = clean(&page);
    for p in prompts {
        assert!(
            c.removed.iter().any(|r| r.text == p && r.reason == RemovalReason::Social),
            "{p}: {:#?}",
            kept(&c)
        );
    }
}

#[test]
fn a_caption_goes_with_the_bare_credit_under_it() {
    let body = "The week brought the candidates to the state, and the voters heard a great deal from each of them about taxes.";
    let caption = "Teachers wearing red carry signs as they rally at the Statehouse on Tuesday.";
    let page = format!(
        "{body}\n\n{caption}\n\nAnn Lee, AP\n\n{body} Again.\n\n{body} Once more.\n\nPhoto: a minister © Ann Lee/AFP\n"
    );
    let c = clean(&page);
    assert!(
        c.removed.iter().any(|r| r.text == caption && r.reason == RemovalReason::Caption),
        "{:#?}",
        kept(&c)
    );
    assert!(
        kept(&c).iter().any(|p| p.ends_with("Once more.")),
        "a credit with its own words is its own caption"
    );
}

#[test]
fn a_line_that_introduces_a_quote_is_body() {
    let page = "The week brought the candidates to the state, and the voters heard a great deal from each of them about taxes.\n\n\
        Stated Lee:\n\n\
        “The idea that I would cut health care in this state while we wait for a new law is just not accurate at all.”\n\n\
        The vote on the new law is due in the spring, and the council expects it to pass by a wide margin.\n";
    let c = clean(page);
    assert!(kept(&c).contains(&"Stated Lee:"), "{:#?}", kept(&c));
}

#[test]
fn records_every_removed_block() {
    let c = clean(PAGE);
    let reasons: Vec<RemovalReason> = c.removed.iter().map(|r| r.reason).collect();
    use RemovalReason::*;
    assert_eq!(reasons, [Navigation, Metadata, Metadata, Metadata, Caption, Social, Social, Social]);
    let kept: usize = c.paragraphs.iter().map(|p| p.lines[1] - p.lines[0] + 1).sum();
    assert_eq!(kept + c.removed.len(), PAGE.lines().filter(|l| !l.trim().is_empty()).count());
}

#[test]
fn bad_shapes_do_not_panic() {
    for text in ["", "\n\n\n", "Share\nSubscribe\n© AFP", "one line with no blank lines at all", "x\u{FFFD}y"]
    {
        let c = clean(text);
        assert!(c.paragraphs.len() <= 1, "{text:?}");
    }
}

#[test]
fn comments_after_the_article_are_cut() {
    let body = "The council met on Friday in the capital to discuss the budget, and the ministers agreed on most items.";
    let comment =
        "I think this is a terrible idea and the council should be ashamed of what it has done here.";
    let text =
        format!("{body}\n\n{body} Again.\n\n{body} Once more.\n\n[ 12 comments ]\n\nuser1\n\n{comment}\n");
    let c = clean(&text);
    assert_eq!(c.paragraphs.len(), 3);
    assert!(c.removed.iter().any(|r| r.reason == RemovalReason::Trailing && r.text == comment));
    // A prompt that reads as a sentence ends it too.
    let text = format!(
        "{body}\n\n{body} Again.\n\n{body} Once more.\n\nWant more stories like this?\n\n{comment}\n"
    );
    assert_eq!(clean(&text).paragraphs.len(), 3);
}

#[test]
fn a_most_popular_list_above_the_story_is_a_sidebar_below_it_an_end() {
    let body = "The council met on Friday in the capital to discuss the budget, and the ministers agreed on most items.";
    let teaser = "Police close the river road after a truck spills its load near the bridge";
    let story = [format!("{body} One."), format!("{body} Two."), format!("{body} Three.")].join("\n\n");
    // Above: the list and its headlines go, the story stays whole.
    let c = clean(&format!("Most Popular\n\n{teaser}\n\n{teaser} again\n\n{story}\n"));
    let kept = kept(&c);
    assert_eq!(kept.len(), 3, "{kept:#?}");
    assert!(kept.iter().all(|p| p.starts_with("The council met")), "{kept:#?}");
    // Below: it ends the article, even before prose.
    let c = clean(&format!("{story}\n\nMore in Politics\n\n{body} Four.\n"));
    assert_eq!(c.paragraphs.len(), 3, "{:#?}", c.paragraphs);
    assert!(c.removed.iter().any(|r| r.reason == RemovalReason::Trailing && r.text.ends_with("Four.")));
}

#[test]
fn teasers_of_other_stories_and_cookie_banners_go() {
    let lead = "NEW DELHI: The council met on Friday in the capital to discuss the budget, and the ministers agreed on most items.";
    let teaser = "Deportees return home from the border after months NEW DELHI: Their dream shattered and their savings gone, nearly 150 people came back on a flight this week.";
    let with_colon = "Schools open again in the valley, attendance high: Govt NEW DELHI: All schools and colleges in the valley are now open, the government said.";
    let cookies = "This website uses cookies. By continuing to use our website without changing the settings, you are agreeing to our use of cookies.";
    let c = clean(&format!("{cookies}\n\n{lead}\n\n{lead} Again.\n\n{teaser}\n\n{with_colon}\n"));
    let kept = kept(&c);
    assert_eq!(kept.len(), 2, "{kept:#?}");
    assert!(kept.iter().all(|p| p.starts_with("NEW DELHI")), "{kept:#?}");
    // News about cookies is not a cookie banner.
    let news =
        "The regulator fined the firm on Friday over its use of cookies to track readers, officials said.";
    assert_eq!(clean(&format!("{lead}\n\n{news}\n")).paragraphs.len(), 2);
}

#[test]
fn a_headline_and_its_deck_are_the_title_and_a_section_label_does_not_hide_the_story() {
    let story = "Ben Carson says he is under political attack because of his rise in the polls, and his campaign raised more money.";
    let c = clean(&format!(
        "Carson on defense, attacking critics as scrutiny heats up; \nRepublican presidential candidate's biography questioned.\n\n{story}\n"
    ));
    assert_eq!(
        c.meta.title.as_deref(),
        Some(
            "Carson on defense, attacking critics as scrutiny heats up; Republican presidential candidate's biography questioned"
        )
    );
    // A headline ending with a period, then a section label, then the story.
    let c = clean(&format!("Clinton stays well ahead of Sanders in latest poll.\n\nABSTRACT.\n\n{story}\n"));
    assert_eq!(c.meta.title.as_deref(), Some("Clinton stays well ahead of Sanders in latest poll."));
    // A deck that names a share button, and a column's name that other files repeat, are
    // still the deck.
    let c = clean(&format!(
        "Social sites overflow when crisis strikes Paris; \nFacebook activates tool allowing users to tell readers that they're safe.\n\n{story}\n"
    ));
    assert_eq!(
        c.meta.title.as_deref(),
        Some(
            "Social sites overflow when crisis strikes Paris; Facebook activates tool allowing users to tell readers that they're safe"
        )
    );
    let empty = HashSet::new();
    let column: HashSet<u64> = [xxh3_64(b"economic scene")].into();
    let c = clean_text(
        &format!("Immigrants can find way in America; \nEconomic Scene.\n\n{story}\n"),
        &Rules {
            extra: &[],
            corpus_lines: &column,
            site_lines: Some(&empty),
            enabled: true,
            thresholds: Thresholds::default(),
        },
    );
    assert_eq!(c.meta.title.as_deref(), Some("Immigrants can find way in America; Economic Scene"));
    // A headline and deck open the file: a question the story repeats is not the title.
    let question = "Should federal funding for Planned Parenthood be eliminated?";
    let c = clean(&format!(
        "Most oppose defunding Planned Parenthood; \nPoll precedes battle on Capitol Hill.\n\n{question}\n\n{story}\n\n{question}\n"
    ));
    assert_eq!(
        c.meta.title.as_deref(),
        Some("Most oppose defunding Planned Parenthood; Poll precedes battle on Capitol Hill")
    );
    // A semicolon in a first line that is prose makes no deck.
    let prose = "The mayor said the budget would pass; the council was less sure that it would, and said so at length on Monday.";
    let c = clean(&format!("{prose}\nIt did not.\n\n{story}\n"));
    assert_eq!(c.meta.title, None);
}

#[test]
fn a_file_that_opens_with_a_headline_ending_in_a_period_has_it_as_title() {
    let story = "ROME - Bernie Sanders met privately with Pope Francis on Saturday, the capstone to an unusual detour from the campaign.";
    // The same story without its dateline, which would say the line above it is a headline.
    let undated = "Bernie Sanders met privately with Pope Francis in Rome on Saturday, the capstone to an unusual detour from the campaign.";
    let c = clean(&format!("O’Malley campaign to shift staff, resources to Iowa.\n\n{story}\n"));
    assert_eq!(c.meta.title.as_deref(), Some("O’Malley campaign to shift staff, resources to Iowa."));
    assert_eq!(kept(&c), [story]);
    // A one-line lede is the story, not its headline.
    let lede = "The council met on Friday to agree on the budget.";
    let c = clean(&format!("{lede}\n\n{undated}\n"));
    assert_eq!(c.meta.title, None);
    assert_eq!(kept(&c), [lede, undated]);
    // An abbreviation inside the headline, and a deck of one sentence before the story.
    let c = clean(&format!("All eggs in N.H. and Iowa baskets.\n\n{story}\n"));
    assert_eq!(c.meta.title.as_deref(), Some("All eggs in N.H. and Iowa baskets."));
    let deck = "Sources come in from fringe to help perpetuate questionable contentions.";
    let c = clean(&format!("Misinformation enters mainstream with Trump.\n\n{deck}\n\n{story}\n"));
    assert_eq!(c.meta.title.as_deref(), Some("Misinformation enters mainstream with Trump."));
    assert_eq!(kept(&c), [deck, story]);
    // A line of a word or two between them, whatever the page's rules made of it.
    let c = clean(&format!("Columbia defends Exxon articles.\n\nAdvertisement\n\n{story}\n"));
    assert_eq!(c.meta.title.as_deref(), Some("Columbia defends Exxon articles."));
    // Two short lines before the story are no headline and deck.
    let c = clean(&format!("The council met on Friday.\n\nIt agreed on the budget.\n\n{undated}\n"));
    assert_eq!(c.meta.title, None);
    // A headline in title case, however many function words and words it has, with its end
    // mark inside a quote, or asking; and a short first sentence under it.
    for headline in [
        "The Biggest Blow To Obamacare Yet Could Come From Democrats.",
        "Kasich: ‘We Are Going To Go All The Way To Cleveland and Secure The Republican Nomination.’",
        "John McCain: Populist Anger Appeals to ‘Bad Angels Of Our Nature.’",
        "Is This The End Of The Road For The Old Bridge?",
    ] {
        let c = clean(&format!("{headline}\n\n{story}\n"));
        assert_eq!(c.meta.title.as_deref(), Some(headline));
    }
    let c = clean(&format!(
        "Donald Trump Sounds Weirdly Sophisticated With A British Accent.\n\nWhat would he sound like if he had elocution lessons?\n\n{story}\n"
    ));
    assert_eq!(
        c.meta.title.as_deref(),
        Some("Donald Trump Sounds Weirdly Sophisticated With A British Accent.")
    );
    // A share button's word in the headline, and a title case that leaves short words low.
    for headline in ["Saudi prince mocks Trump on Twitter.", "A Rush for Books on Trump."] {
        let c = clean(&format!("{headline}\n\n{story}\n"));
        assert_eq!(c.meta.title.as_deref(), Some(headline));
    }
    // A long first sentence in sentence case is still the story.
    let long = "The council met on Friday to agree on the budget for the coming year and the repair of the old bridge.";
    let c = clean(&format!("{long}\n\n{undated}\n"));
    assert_eq!(c.meta.title, None);
}

#[test]
fn a_headline_keeps_its_deck_its_second_sentence_and_its_capitals() {
    let story = "ROME - Bernie Sanders met privately with Pope Francis on Saturday, the capstone to an unusual detour from the campaign.";
    let title = |page: String| clean(&page).meta.title;
    // A deck with an abbreviation in it is still one sentence.
    assert_eq!(
        title(format!("Campaign cash tied to Turkish group;\n\nSen. Kelly Ayotte returns $43,100 in questionable donations.\n\n{story}\n")).as_deref(),
        Some("Campaign cash tied to Turkish group; Sen. Kelly Ayotte returns $43,100 in questionable donations")
    );
    // A headline in capitals, which the hard rules read as shouting.
    assert_eq!(
        title(format!("DEATH, LIES AND PANDERING ON THE CAMPAIGN TRAIL;\n\nCandidates step up war of words.\n\n{story}\n")).as_deref(),
        Some("DEATH, LIES AND PANDERING ON THE CAMPAIGN TRAIL; Candidates step up war of words")
    );
    // Title case over two sentences; "v." ends no sentence.
    let two = "Sanders Suffered A Big Blow. Here’s His Plan Going Forward.";
    assert_eq!(title(format!("{two}\n\n{story}\n")).as_deref(), Some(two));
    let case = "Clinton to Planned Parenthood: Trump will reverse Roe v. Wade.";
    assert_eq!(title(format!("{case}\n\n{story}\n")).as_deref(), Some(case));
    // A title-case headline over a line of attribution and a lede thick with names.
    let lede = "Democratic presidential candidate Sen. Bernie Sanders (I-Vt.) of Vermont on Saturday criticized the Paris Climate Agreement in Washington, D.C.";
    let head = "Bernie Sanders Isn’t Too Impressed By The Historic Climate Agreement.";
    assert_eq!(title(format!("{head}\n\nCo-authored by Ann Lee.\n\n{lede}\n")).as_deref(), Some(head));
    // Two sentences in sentence case are the story's opening, not a headline.
    let opening = "The council met on Friday. It agreed on the budget.";
    assert_eq!(title(format!("{opening}\n\n{story}\n")), None);
    // A headline thick with function words, over a story that opens with its dateline, or
    // over a deck and then such a story; without the dateline, the line is the story's.
    let head = "Mayor rejects the council's plan for the bridge but will meet with them.";
    let dated = "RYE, N.H. - State Rep. Ann Lee is certain that the council will vote on the plan before the end of the month.";
    assert_eq!(title(format!("{head}\n\n{dated}\n")).as_deref(), Some(head));
    let deck = "The city shuffles its engineers and hones its plans to defend the budget.";
    let agency = "ORLANDO, Fla. (Reuters) - The mayor met the council on Thursday and said the city must act on the bridge.";
    assert_eq!(title(format!("{head}\n\n{deck}\n\n{agency}\n")).as_deref(), Some(head));
    let undated = story.trim_start_matches("ROME - ");
    assert_eq!(title(format!("{head}\n\n{undated}\n")), None);
    // A quote over a subheading in capitals, below the story's first prose, is no headline by
    // a byline, however much the subheading looks like a name.
    let quote =
        "“That is because this region remains the most consequential for our own security and prosperity.”";
    let head = "Defense Chief Flexes Muscles As Asia Worries About The Sea Row.";
    let page =
        format!("{head}\n\n{story}\n\n{story} Again.\n\n{quote}\n\nTRUMP COUNTER.\n\n{story} Still.\n");
    assert_eq!(title(page).as_deref(), Some(head));
}

#[test]
fn title_case_capitalises_function_words() {
    use super::metadata::title_cased;
    assert!(title_cased("The Biggest Blow To Obamacare Yet Could Come From Democrats."));
    assert!(!title_cased("The biggest blow to Obamacare yet could come from Democrats."));
    // Capitalised names alone are not title case.
    assert!(!title_cased("Bernie Sanders met Pope Francis in Rome on Saturday."));
    assert!(title_cased("A Rush for Books on Trump."));
    assert!(!title_cased("A rush for books on Trump."));
}

#[test]
fn a_numbered_list_after_the_text_is_body() {
    let body = "The council met on Friday in the capital to discuss the budget, and the ministers agreed on most items.";
    let list = "1) Lower fuel taxes\n\nhttp://example.org/a\n\n2) New rail line\n\n3) School meals";
    let c = clean(&format!("{body}\n\n{body} Again.\n\n{list}\n"));
    let kept = kept(&c);
    assert_eq!(kept[2..], ["1) Lower fuel taxes", "2) New rail line", "3) School meals"], "{kept:#?}");
    // Two items, or items out of order, are not a list.
    let c = clean(&format!("{body}\n\n{body} Again.\n\n1) Home\n\n3) Sport\n\n2) Weather\n"));
    assert_eq!(c.paragraphs.len(), 2, "{:#?}", c.paragraphs);
}

#[test]
fn a_dateline_line_is_metadata() {
    let body =
        "Deportivo beat Valencia 2-1 on Saturday in front of a full stadium, and they lead the league.";
    for (line, place) in [("LA CORUNA , Spain 1996-08-31", "LA CORUNA, Spain"), ("MOSCOW, May 5", "MOSCOW")] {
        let c = clean(&format!("SOCCER - DEPORTIVO WIN\n\n{line}\n\n{body}\n"));
        assert_eq!(c.meta.dateline.as_deref(), Some(place), "{line}");
        assert!(c.paragraphs.iter().all(|p| p.text != line), "{:#?}", c.paragraphs);
    }
    // A headline in capitals is no dateline.
    assert_eq!(clean(&format!("SOCCER - DEPORTIVO WIN\n\n{body}\n")).meta.dateline, None);
}

#[test]
fn a_results_table_after_the_text_is_body() {
    let body = "Leaders Varna United were held at home on Saturday, and their lead at the top of the table fell to two points.";
    let table = "Varna United 1 Nordby 1\n\nPort Ellis 3 Hamar Town 0\n\nOstby Rovers 2 Lund 2";
    let c = clean(&format!("{body}\n\n{table}\n"));
    let kept = kept(&c);
    assert_eq!(kept[1..], ["Varna United 1 Nordby 1", "Port Ellis 3 Hamar Town 0", "Ostby Rovers 2 Lund 2"]);
    // Headlines of other stories that start with a number, and counts in brackets, are not rows.
    let links = "15 Amazing Images of Stars\n\n11 Facts About Our Galaxy\n\nAstronomy (47)\n\nPhysics (12)";
    let c = clean(&format!("{body}\n\n{links}\n"));
    assert_eq!(c.paragraphs.len(), 1, "{:#?}", c.paragraphs);
}

#[test]
fn long_notices_credits_and_bios_are_not_body() {
    let body = "Varna West won the city swimming final on Saturday, and three of its seniors set school records in the pool.";
    let body2 = "The coach said the team had trained twice a day since August and would now aim for the national title in March.";
    let cookies = "We use cookies and other tracking technologies to improve your browsing experience on our site, show personalized content and targeted ads, analyze site traffic, and understand where our audience is coming from. To find out more or to opt out, please read our privacy notice, and note that by choosing I Accept you consent to our use of cookies and other tracking technologies across all of our pages and partner sites.";
    let caption = "Swimmers wait for the start of the final at the city pool on Saturday.Credit...Ana Lind/The Varna Times";
    let credits = "Associated Press writers Ana Lind and Jon Frey contributed to this report.";
    let wire = "(Reporting by Ana Lind; editing by Jon Frey)";
    let bio = "Kari Dahl is a sports reporter for the Varna Times, covering swimming and athletics.";
    let consent = "By choosing I Accept, you consent to our use of cookies and other tracking technologies.";
    let credited =
        "A swimmer dives at the start of the final in Varna, November 19, 2019. © Reuters / Ana Lind";
    let via = "This illustration shows the plans for the new city pool in Varna [City Council via Reuters]";
    let file = "FILE PHOTO: Swimmers train at the city pool in Varna, Bulgaria, November 18, 2019, ahead of the final. REUTERS/Ana Lind";
    let updated = "This story has been updated with comments from the coach and from the city council.";
    let page = [cookies, consent, credited, body, caption, via, file, body2, updated, credits, wire, bio]
        .join("\n\n");
    let c = clean(&page);
    let kept = kept(&c);
    assert_eq!(kept, [body, body2]);
    // A teaser of another story whose headline holds a figure or a colon.
    let teaser = "Court says 1.9 million residents may lose their votes: report NEW DELHI: The court on Wednesday said that the rolls would be checked again before the vote in May.";
    let c = clean(&format!("{body}\n\n{body2}\n\n{teaser}\n"));
    assert_eq!(c.paragraphs.len(), 2, "{:#?}", c.paragraphs);
}

#[test]
fn an_embedded_post_ends_its_sentence_before_its_link() {
    let body = "Varna West won the city swimming final on Saturday, and three of its seniors set school records in the pool.";
    let post =
        "What a night for the team, and what a season it has been for all of us. pic.twitter.com/3BdnrvkoMs";
    let c = clean(&format!("{body}\n\n{post}\n\n{body} Again.\n"));
    let kept = kept(&c);
    assert_eq!(kept.len(), 3, "{kept:?}");
}

#[test]
fn sentences_right_after_the_text_are_body_and_a_footer_is_not() {
    let body = "Varna West won the city swimming final on Saturday, and three of its seniors set school records in the pool.";
    let short = "Ana Lind finished second in the 50 yard freestyle.";
    let footer = "Example Press Theme. Designed by Studio Nine.";
    let c = clean(&format!("{body}\n\n{short}\n\nShare\n\n{footer}\n"));
    let kept = kept(&c);
    assert_eq!(kept, [body, short]);
}

#[test]
fn a_line_up_after_the_text_is_body_and_a_tag_list_is_not() {
    let body =
        "Varna United named an unchanged side on Saturday for the match against Nordby, which they must win.";
    let line_up =
        "Varna United : Ola Berg ( captain ) , Jon Frey , Ana Lind , Per Holt , Kari Dahl , Nils Moe";
    let tags = "Tags: Varna United, Nordby, Port Ellis, Hamar Town, Ostby Rovers, Lund, Premier League, Cup Results, Transfer News";
    let c = clean(&format!("{body}\n\n{line_up}\n\n{tags}\n"));
    let kept = kept(&c);
    assert_eq!(kept, [body, line_up]);
}

#[test]
fn guillemets_are_quotes_and_breadcrumb_marks_are_not() {
    let para = "Вместе с дочерью мы придумали «Замешайку», а потом и «Тёплый суп»: блюда полезные, несложные и готовятся из того, что есть дома.";
    let c = clean(&format!("Главная » Новости » Мир\n\n{para}\n\n{para} Ещё.\n"));
    let kept = kept(&c);
    assert_eq!(kept.len(), 2, "{kept:?}");
    assert!(kept.iter().all(|k| k.starts_with("Вместе")), "{kept:?}");
}

#[test]
fn non_english_prose_is_kept() {
    let para = "Menghina para sahabat nabi tidak dibenarkan apa pun alasannya menurut para ulama yang hadir dalam acara itu.";
    let c = clean(&format!("Beranda\n\n{para}\n\n{para} Lagi.\n\nBagikan\n"));
    assert_eq!(c.paragraphs.len(), 2, "{:?}", c.paragraphs);
    // A tag cloud: many words, no punctuation.
    let tags = "Afghanistan Akhlak aliran sesat arab saudi Bekam Buku Iman Caleg Dinar Doa Ekonomi Fiqih Hadits Haji Hukum Islam Jihad Kesehatan Khilafah Muamalah Nasihat Pemilu Politik Puasa Sejarah Syariah Tafsir Tauhid Umrah Zakat";
    let c = clean(&format!("{para}\n\n{para} Lagi.\n\n{tags}\n"));
    assert_eq!(c.paragraphs.len(), 2, "{:?}", c.paragraphs);
}

#[test]
fn missing_metadata_stays_null() {
    let c = clean("The minister spoke for an hour about the plan and what it would cost the country.");
    assert_eq!(c.meta, Metadata::default());
    assert_eq!(c.paragraphs.len(), 1);
}

#[test]
fn corpus_repetition_needs_different_neighbours() {
    let make = |id: &str, body: &str| {
        Article::new(id.into(), id.into(), format!("Site Banner Line\n{body}\nFooter text here\n"))
    };
    let articles = vec![make("a", "alpha"), make("b", "beta"), make("c", "gamma")];
    let lines = corpus_boilerplate(&articles, 3);
    assert!(lines.contains(&xxh3_64(b"site banner line")));
    // The same story three times: nothing is boilerplate.
    let copies = vec![make("a", "alpha"), make("b", "alpha"), make("c", "alpha")];
    assert!(corpus_boilerplate(&copies, 3).is_empty());
}

#[test]
fn a_line_reports_with_a_verb_of_report_or_according_to() {
    assert!(reports("The minister said on Monday that the border would stay closed."));
    assert!(reports("According to the police, three people were hurt."));
    assert!(reports("The talks, according to diplomats, went on all night."));
    assert!(!reports("The border stays closed, and the queue of trucks grows longer."));
}

#[test]
fn a_page_in_a_script_without_spaces_keeps_its_body_and_drops_its_menu() {
    // A news page in Chinese: menu words, the headline, three paragraphs, the share buttons.
    let body = [
        "在抗击疫情的日子里，封在城里的父母们总要想方设法让孩子们在家中过得充实一些，也让自己保持好心态。",
        "一月二十三日，城市全面封闭离城通道时，三镇尚有九百多万人，他们的生活从那一天起完全改变了。",
        "面对突如其来的疫情，有的人一度崩溃了，但更多的人挺住了，他们互相帮助，共同度过了最艰难的日子。",
    ];
    let page = format!(
        "客户端\n\n搜索\n\n频道\n\n时政 地方 法治 高层 人事\n\n城市的声音：有英勇的你，才有英雄的城！\n\n{}\n\n关注我们\n\n微信\n\n微博\n",
        body.join("\n\n")
    );
    let c = clean(&page);
    let texts = kept(&c);
    for p in body {
        assert!(texts.contains(&p), "{p} dropped: {texts:#?}");
    }
    for menu in ["客户端", "搜索", "微信", "时政 地方 法治 高层 人事"] {
        assert!(!texts.contains(&menu), "{menu} kept: {texts:#?}");
    }
}

#[test]
fn lines_of_twelve_words_or_more_are_prose() {
    let lines =
        ["Get breaking news alerts", "The council met on Friday and agreed the budget after a long debate."];
    let (keys, prose) = keys_and_prose(lines.into_iter());
    assert_eq!(keys, [line_keys(lines[0]), line_keys(lines[1])].concat());
    // The prose's sampled word sequences are the long line's, none of the short one's.
    assert!(!prose.is_empty());
    assert_eq!(prose, keys_and_prose(lines[1..].iter().copied()).1);
    assert!(keys_and_prose(lines[..1].iter().copied()).1.is_empty());
    assert!(prose.windows(2).all(|w| w[0] < w[1]), "sorted and distinct");
}

#[test]
fn a_thread_of_stamped_comments_under_the_story_goes_whatever_its_heading() {
    let story = "The city council approved the new budget on Friday after a debate that ran late into the night, with nine members in favour.\n\n\
        The plan raises spending on schools and roads by four percent and cuts the money set aside for new offices, the committee said.\n\n\
        Opposition members said the plan relied on tax revenue that might not arrive if the economy slowed in the coming year.";
    let comments = "gnaddrig sagt:\n\n06.01.2020 um 9:58\n\nDanke, ich finde auch, ohne den neuen Plan fehlt was.\n\n\
        Mark Smith\n\nNov 19, 2019 at 6:34 am\n\nI think this is a terrible idea and the council should be ashamed of itself.";
    let c = clean(&format!("{story}\n\n{comments}\n"));
    let texts = kept(&c);
    assert_eq!(texts.len(), 3, "{texts:#?}");
    assert!(c.removed.iter().any(|r| r.text == "gnaddrig sagt:" && r.reason == RemovalReason::Trailing));
    // A live blog's entries carry a time alone: they are the story.
    let blog = format!(
        "{story}\n\n10:32\n\nThe mayor has arrived at the chamber and will speak first.\n\n11:05\n\nThe vote has begun, and the result is expected within the hour.\n"
    );
    assert_eq!(kept(&clean(&blog)).len(), 5, "{:#?}", kept(&clean(&blog)));
    // One stamped line under a story is its update time, not a thread.
    let updated = format!(
        "{story}\n\nUpdated Nov 19, 2019 at 6:34 am\n\nMore on this story as it develops this evening.\n"
    );
    assert_eq!(kept(&clean(&updated)).len(), 4, "{:#?}", kept(&clean(&updated)));
}

mod model;

mod rules;
