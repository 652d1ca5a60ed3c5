//! Two small built-in briefings for `newsbrief validate`: one where every list has items and
//! every optional value and flag is set, one where every list is empty and nothing is set.
//! Rendering a template against both takes it through both sides of each `{{#if}}` and
//! `{{#each}}`, so what a real run could trip over in a template (an unknown field or helper,
//! a wrong parameter) is found before any article is read. Built as the view's own types, so
//! a field added to the view is a compile error here until the sample has it too.

use super::view::{
    ActorView, AppendixView, ChangesView, Cite, ClaimView, ContradictionValueView, ContradictionView, Counts,
    FigureView, QuoteView, ReportView, SourceView, StoryView, TimelineView, Unlisted,
};

fn cite(n: usize) -> Cite {
    Cite { n, article: format!("article-{n}") }
}

fn claim(summary: &str) -> ClaimView {
    ClaimView {
        id: "c1".into(),
        summary: summary.into(),
        sources_label: "2 outlets, 2 independent reports".into(),
        story: "Border talks".into(),
        independent_sources: 2,
        cites: vec![cite(1), cite(2)],
        more_cites: 1,
        cite_label: "[1, 2 +1]".into(),
        actors: "Minister A".into(),
        attributed: "the ministry".into(),
    }
}

/// A briefing with something in every field.
pub(crate) fn full() -> ReportView {
    let source = |n: usize| SourceView {
        n,
        id: format!("article-{n}"),
        title: format!("Headline {n}"),
        publisher: Some("The Daily".into()),
        author: Some("A. Writer".into()),
        date: Some("3 March 2024".into()),
        path: format!("articles/article-{n}.txt"),
        url: Some(format!("https://example.org/{n}")),
        copies: vec!["articles/copy.txt".into()],
        more_copies: 1,
    };
    ReportView {
        title: "Sample briefing".into(),
        date_span: Some("1 March 2024 – 3 March 2024".into()),
        newest: None,
        counts: Counts {
            articles: 2,
            duplicates: 1,
            duplicate_paragraphs: 1,
            actors: 1,
            claims: 2,
            quotes: 1,
        },
        changes: ChangesView {
            compared: true,
            summary: "1 new article.".into(),
            articles: vec!["Headline 2 (new, articles/article-2.txt)".into()],
            removed: vec!["old-article".into()],
            new_claims: vec!["Talks resumed.".into()],
            dropped_claims: vec!["Talks stalled.".into()],
            figures: vec!["troops: 10 → 12 [1]".into()],
            updates: vec!["Headline 2 (articles/article-2.txt) updates [1]: troops: 10 → 12".into()],
        },
        key_judgments: vec![claim("Talks resumed on Monday.")],
        stories: vec![StoryView {
            id: "story-1".into(),
            label: "Border talks".into(),
            articles_label: "2 articles".into(),
            summary: vec![claim("Talks resumed on Monday.")],
            claims: vec![claim("The border stays closed.")],
        }],
        claims: vec![claim("The border stays closed.")],
        contradictions: vec![ContradictionView {
            about: "troops".into(),
            label: "Conflicting figures".into(),
            values: vec![ContradictionValueView {
                value: "10".into(),
                date: "1 March 2024".into(),
                text: "10 troops crossed.".into(),
                cite: cite(1),
            }],
            more_values: 1,
        }],
        actors: vec![ActorView {
            name: "Minister A".into(),
            kind: "person".into(),
            roles: "minister".into(),
            aliases: "A".into(),
            mentions: 3,
            cites: vec![cite(1)],
            more_cites: 1,
            cite_label: "[1 +1]".into(),
        }],
        quotes: vec![QuoteView {
            speaker: "Minister A".into(),
            about: " on the border".into(),
            text: "We will talk.".into(),
            partial: false,
            cite: cite(1),
        }],
        figures: vec![FigureView { value: "10".into(), about: "troops".into(), cite: cite(1) }],
        timeline: vec![TimelineView {
            date: "1 March 2024".into(),
            precision: "day".into(),
            text: "Talks resumed.".into(),
            cites: vec![cite(1)],
            more_cites: 1,
            background: true,
            story: "Border talks".into(),
            cite_label: "[1 +1]".into(),
        }],
        sources: vec![source(1), source(2)],
        appendix: vec![AppendixView {
            path: "articles/article-1.txt".into(),
            kept: 4,
            removed: "navigation 2".into(),
            removed_count: 2,
            dedup: "kept".into(),
        }],
        unlisted: Unlisted {
            sources: 1,
            actors: 1,
            quotes: 1,
            figures: 1,
            contradictions: 1,
            diagnostics: 1,
        },
        diagnostics: vec!["skipped: articles/x.bin: looks like a binary file, not text".into()],
    }
}

/// A briefing with every list empty, every optional value absent and every flag false.
pub(crate) fn empty() -> ReportView {
    ReportView {
        title: "Sample briefing".into(),
        date_span: None,
        newest: None,
        counts: Counts {
            articles: 0,
            duplicates: 0,
            duplicate_paragraphs: 0,
            actors: 0,
            claims: 0,
            quotes: 0,
        },
        changes: ChangesView::default(),
        key_judgments: Vec::new(),
        stories: Vec::new(),
        claims: Vec::new(),
        contradictions: Vec::new(),
        actors: Vec::new(),
        quotes: Vec::new(),
        figures: Vec::new(),
        timeline: Vec::new(),
        sources: Vec::new(),
        appendix: Vec::new(),
        unlisted: Unlisted::default(),
        diagnostics: Vec::new(),
    }
}
