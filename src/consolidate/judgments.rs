//! Key judgments: the claims that lead the briefing.

use super::*;
use crate::dates::DateKind;

/// The paragraphs of an article, after its headline, that are its lead.
const LEAD_PARAGRAPHS: usize = 1;

/// The key judgments: the claims that the most independent sources carry, then the best
/// scored (corroboration and centrality in their story); a claim from one source only leads
/// when too few are corroborated, and a quote only when several outlets carry it.
pub(super) fn pick_key_judgments(
    claims: &[Claim],
    n: usize,
    date_of: impl Fn(&str) -> Option<Day>,
) -> Vec<KeyJudgment> {
    let mut ranked: Vec<&Claim> =
        claims.iter().filter(|c| c.kind != ClaimKind::Quote || c.independent_sources > 1).collect();
    // An article's headline and first paragraph say what its story is about (news is written
    // lead first): an article that states the claim there counts as much as one more
    // independent report. Events-dev: the first judgment reports one of the event's three most
    // reported facts in 38 of 40 events (34 counting headlines alone).
    let leads = |c: &Claim| {
        let mut articles: Vec<&str> = c
            .sources
            .iter()
            .filter(|s| s.paragraph.is_none_or(|p| p < LEAD_PARAGRAPHS))
            .map(|s| &*s.article)
            .collect();
        articles.dedup();
        articles.len()
    };
    ranked.sort_by(|a, b| {
        (b.independent_sources + leads(b))
            .cmp(&(a.independent_sources + leads(a)))
            .then(b.score.total_cmp(&a.score))
            .then(a.id.cmp(&b.id))
    });
    ranked
        .into_iter()
        .take(n)
        .map(|c| {
            let mut sources: Vec<ArticleId> = c.sources.iter().map(|s| s.article.clone()).collect();
            sources.dedup();
            // The article the summary sentence comes from dates its "Thursday".
            let anchor = c.sources.iter().find(|s| s.text == c.summary).and_then(|s| date_of(&s.article));
            KeyJudgment {
                text: with_absolute_dates(&c.summary, anchor),
                claim: c.id.clone(),
                story: c.story.clone(),
                sources,
            }
        })
        .collect()
}

/// `sentence` with each weekday or month and day it names followed by the date it stands for,
/// from the date of the article it comes from: "On Thursday (3 March 2022), …". A key judgment
/// is read apart from its article, where "Thursday" no longer says which.
pub(super) fn with_absolute_dates(sentence: &str, anchor: Option<Day>) -> String {
    let mut out = String::with_capacity(sentence.len() + 16);
    let mut from = 0;
    for m in crate::dates::find_dates(sentence) {
        let relative = matches!(
            m.kind,
            DateKind::Weekday(_) | DateKind::MonthDay { .. } | DateKind::Month(_) | DateKind::MonthAhead(_)
        );
        if let Some(day) = crate::dates::resolve(m.kind, anchor, None).filter(|_| relative) {
            out.push_str(&sentence[from..m.range.end]);
            out.push_str(&format!(" ({})", day.human()));
            from = m.range.end;
        }
    }
    out.push_str(&sentence[from..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A claim `id` of three independent articles, stated in the given paragraph of each.
    fn claim(id: &str, summary: &str, paragraphs: [Option<usize>; 3]) -> Claim {
        Claim {
            id: id.into(),
            summary: summary.into(),
            kind: ClaimKind::Statement,
            score: if id == "claim-001" { 0.9 } else { 0.5 },
            actors: vec![],
            attributed_to: vec![],
            story: Some("story-01".into()),
            independent_sources: 3,
            sources: ["a", "b", "c"]
                .iter()
                .zip(paragraphs)
                .map(|(article, paragraph)| ClaimSource {
                    article: ArticleId::from(*article),
                    paragraph,
                    line: None,
                    text: summary.into(),
                })
                .collect(),
        }
    }

    #[test]
    fn a_claim_that_articles_lead_with_leads_the_judgments() {
        let background =
            claim("claim-001", "The island had a strong quake in 2005.", [Some(6), Some(9), Some(4)]);
        let event = claim("claim-002", "A quake hit the island on Sunday.", [None, Some(0), Some(0)]);
        let picked = pick_key_judgments(&[background, event], 2, |_| None);
        let order: Vec<&str> = picked.iter().map(|k| k.claim.as_str()).collect();
        assert_eq!(order, ["claim-002", "claim-001"]);
    }

    #[test]
    fn a_weekday_or_a_day_without_year_gets_its_date_from_the_article() {
        let friday = Some(Day::ymd(2022, 3, 4));
        assert_eq!(
            with_absolute_dates(
                "On Thursday, the minister said the talks on February 16 had failed.",
                friday
            ),
            "On Thursday (3 March 2022), the minister said the talks on February 16 (16 February 2022) had failed."
        );
        // A full date stays as written, and without the article's date nothing is added.
        assert_eq!(with_absolute_dates("On 3 March 2022 it ended.", friday), "On 3 March 2022 it ended.");
        assert_eq!(with_absolute_dates("On Thursday it ended.", None), "On Thursday it ended.");
    }
}
