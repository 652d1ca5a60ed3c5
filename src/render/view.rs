//! The view model: what a reader sees, already ordered, numbered and phrased. Templates and the
//! PDF layout read only this.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::config::Config;
use crate::consolidate::{Claim, Digest};
use crate::model::{Corpus, Day, RemovalReason};

/// Everything the briefing shows, in order.
#[derive(Debug, Clone, Serialize)]
pub struct ReportView {
    /// Briefing title.
    pub title: String,
    /// "20 May 2022 – 6 December 2023", from the articles' dates.
    pub date_span: Option<String>,
    /// Headline counts.
    pub counts: Counts,
    /// Bottom line up front.
    pub key_judgments: Vec<ClaimView>,
    /// Claims, best first.
    pub claims: Vec<ClaimView>,
    /// Disagreements.
    pub contradictions: Vec<ContradictionView>,
    /// Actors, most mentioned first.
    pub actors: Vec<ActorView>,
    /// Quotes.
    pub quotes: Vec<QuoteView>,
    /// Figures.
    pub figures: Vec<FigureView>,
    /// Timeline, oldest first.
    pub timeline: Vec<TimelineView>,
    /// Numbered sources.
    pub sources: Vec<SourceView>,
    /// What cleaning removed and dedup merged, per article.
    pub appendix: Vec<AppendixView>,
    /// Files that were skipped or decoded with a warning.
    pub diagnostics: Vec<String>,
}

/// Headline counts.
#[derive(Debug, Clone, Serialize)]
pub struct Counts {
    /// Articles read.
    pub articles: usize,
    /// Articles merged into another as copies.
    pub duplicates: usize,
    /// Paragraphs merged as repeats.
    pub duplicate_paragraphs: usize,
    /// Actors.
    pub actors: usize,
    /// Claims shown.
    pub claims: usize,
    /// Quotes.
    pub quotes: usize,
}

/// A citation: the source number and the article it points at.
#[derive(Debug, Clone, Serialize)]
pub struct Cite {
    /// Source number (section "Sources").
    pub n: usize,
    /// Article id.
    pub article: String,
}

/// A claim as shown.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimView {
    /// Claim id.
    pub id: String,
    /// The representative sentence.
    pub summary: String,
    /// "3 independent sources" / "1 source".
    pub sources_label: String,
    /// Distinct sources.
    pub independent_sources: usize,
    /// Citations.
    pub cites: Vec<Cite>,
    /// "[1, 3]".
    pub cite_label: String,
    /// Actor names, comma separated.
    pub actors: String,
    /// Who it is attributed to.
    pub attributed: String,
}

/// A disagreement as shown.
#[derive(Debug, Clone, Serialize)]
pub struct ContradictionView {
    /// What it is about.
    pub about: String,
    /// "Conflicting figures" or "Change over time".
    pub label: String,
    /// Each side.
    pub values: Vec<ContradictionValueView>,
}

/// One side of a disagreement.
#[derive(Debug, Clone, Serialize)]
pub struct ContradictionValueView {
    /// The value.
    pub value: String,
    /// The article's date.
    pub date: String,
    /// The sentence.
    pub text: String,
    /// Citation.
    pub cite: Cite,
}

/// An actor as shown.
#[derive(Debug, Clone, Serialize)]
pub struct ActorView {
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: String,
    /// Roles, "; " separated.
    pub roles: String,
    /// Aliases, ", " separated.
    pub aliases: String,
    /// Mentions.
    pub mentions: usize,
    /// Citations.
    pub cites: Vec<Cite>,
    /// "[1, 3]".
    pub cite_label: String,
}

/// A quote as shown.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteView {
    /// Speaker, or "Unattributed".
    pub speaker: String,
    /// The words.
    pub text: String,
    /// Citation.
    pub cite: Cite,
}

/// A figure as shown.
#[derive(Debug, Clone, Serialize)]
pub struct FigureView {
    /// As written.
    pub value: String,
    /// What it measures.
    pub about: String,
    /// Citation.
    pub cite: Cite,
}

/// A timeline entry as shown.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineView {
    /// "16 May 2022", "May 2022", "2022".
    pub date: String,
    /// day, month or year.
    pub precision: String,
    /// The sentence.
    pub text: String,
    /// Citations.
    pub cites: Vec<Cite>,
    /// "[1, 3]".
    pub cite_label: String,
}

/// A numbered source.
#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    /// Citation number.
    pub n: usize,
    /// Article id.
    pub id: String,
    /// Headline, or the file name.
    pub title: String,
    /// Publisher.
    pub publisher: Option<String>,
    /// Author.
    pub author: Option<String>,
    /// Date.
    pub date: Option<String>,
    /// File.
    pub path: String,
    /// Copies of this story that dedup merged into it (paths).
    pub copies: Vec<String>,
}

/// What cleaning and dedup did to one article.
#[derive(Debug, Clone, Serialize)]
pub struct AppendixView {
    /// File.
    pub path: String,
    /// Paragraphs kept.
    pub kept: usize,
    /// "navigation 3, social 5".
    pub removed: String,
    /// Blocks removed.
    pub removed_count: usize,
    /// "copy of 002 (0.93)", or repeated paragraphs.
    pub dedup: String,
}

fn label(cites: &[Cite]) -> String {
    if cites.is_empty() {
        return String::new();
    }
    let ns: Vec<String> = cites.iter().map(|c| c.n.to_string()).collect();
    format!("[{}]", ns.join(", "))
}

impl ReportView {
    /// Builds the view from the corpus and the digest.
    pub fn build(config: &Config, corpus: &Corpus, digest: &Digest) -> ReportView {
        // Sources: kept articles numbered in id order; copies listed under their original.
        let mut number: HashMap<&str, usize> = HashMap::new();
        let mut sources: Vec<SourceView> = Vec::new();
        for a in corpus.articles.iter().filter(|a| a.duplicate_of.is_none()) {
            number.insert(&a.id, sources.len() + 1);
            sources.push(SourceView {
                n: sources.len() + 1,
                id: a.id.clone(),
                title: a.meta.title.clone().unwrap_or_else(|| a.id.clone()),
                publisher: a.meta.publisher.clone(),
                author: a.meta.author.clone(),
                date: a.meta.date.map(|d| d.human()),
                path: a.path.clone(),
                copies: Vec::new(),
            });
        }
        for a in &corpus.articles {
            if let Some(orig) = &a.duplicate_of
                && let Some(&n) = number.get(orig.as_str())
            {
                sources[n - 1].copies.push(a.path.clone());
                number.insert(&a.id, n);
            }
        }
        let cite = |article: &str| Cite {
            n: number.get(article).copied().unwrap_or(0),
            article: article.to_string(),
        };
        let cites_of = |articles: &mut dyn Iterator<Item = &str>| {
            let mut cs: Vec<Cite> = articles.map(cite).collect();
            cs.sort_by_key(|c| c.n);
            cs.dedup_by_key(|c| c.n);
            cs
        };
        let name_of: HashMap<&str, &str> =
            digest.actors.iter().map(|a| (a.id.as_str(), a.name.as_str())).collect();
        let names = |ids: &[String]| {
            ids.iter().filter_map(|i| name_of.get(i.as_str())).copied().collect::<Vec<_>>().join(", ")
        };
        let claim_view = |c: &Claim| {
            let cites = cites_of(&mut c.sources.iter().map(|s| s.article.as_str()));
            ClaimView {
                id: c.id.clone(),
                summary: c.summary.clone(),
                sources_label: match c.independent_sources {
                    1 => "1 source".into(),
                    n => format!("{n} independent sources"),
                },
                independent_sources: c.independent_sources,
                cite_label: label(&cites),
                cites,
                actors: names(&c.actors),
                attributed: names(&c.attributed_to),
            }
        };
        let by_id: BTreeMap<&str, &Claim> = digest.claims.iter().map(|c| (c.id.as_str(), c)).collect();
        let key_judgments = digest
            .key_judgments
            .iter()
            .filter_map(|id| by_id.get(id.as_str()))
            .map(|c| claim_view(c))
            .collect();

        let dates: Vec<Day> = corpus.articles.iter().filter_map(|a| a.meta.date).collect();
        let date_span = match (dates.iter().min(), dates.iter().max()) {
            (Some(a), Some(b)) if a == b => Some(a.human()),
            (Some(a), Some(b)) => Some(format!("{} – {}", a.human(), b.human())),
            _ => None,
        };

        let appendix = corpus
            .articles
            .iter()
            .map(|a| {
                let mut reasons: BTreeMap<RemovalReason, usize> = BTreeMap::new();
                for r in &a.removed {
                    *reasons.entry(r.reason).or_default() += 1;
                }
                let removed = reasons.iter().map(|(r, n)| format!("{r} {n}")).collect::<Vec<_>>().join(", ");
                let repeats = a.paragraphs.iter().filter(|p| p.duplicate_of.is_some()).count();
                let dedup = match (&a.duplicate_of, repeats) {
                    (Some(orig), _) => {
                        let sim = corpus
                            .duplicates
                            .iter()
                            .find(|d| d.dropped.iter().any(|x| x.article == a.id && x.paragraph.is_none()))
                            .map_or(String::new(), |d| format!(" (similarity {:.2})", d.similarity));
                        format!("copy of {orig}{sim}")
                    }
                    (None, 0) => String::new(),
                    (None, n) => format!("{n} repeated paragraph{}", if n == 1 { "" } else { "s" }),
                };
                AppendixView {
                    path: a.path.clone(),
                    kept: a.paragraphs.len(),
                    removed,
                    removed_count: a.removed.len(),
                    dedup,
                }
            })
            .collect();

        ReportView {
            title: config.title.clone(),
            date_span,
            counts: Counts {
                articles: corpus.articles.len(),
                duplicates: corpus.articles.iter().filter(|a| a.duplicate_of.is_some()).count(),
                duplicate_paragraphs: corpus
                    .articles
                    .iter()
                    .flat_map(|a| &a.paragraphs)
                    .filter(|p| p.duplicate_of.is_some())
                    .count(),
                actors: digest.actors.len(),
                claims: digest.claims.len(),
                quotes: digest.quotes.len(),
            },
            key_judgments,
            claims: digest.claims.iter().map(claim_view).collect(),
            contradictions: digest
                .contradictions
                .iter()
                .map(|c| ContradictionView {
                    about: c.about.clone(),
                    label: if c.kind == "change" {
                        "Change over time".into()
                    } else {
                        "Conflicting figures".into()
                    },
                    values: c
                        .values
                        .iter()
                        .map(|v| ContradictionValueView {
                            value: v.value.clone(),
                            date: v.date.map_or_else(|| "undated".into(), |d| d.human()),
                            text: v.text.clone(),
                            cite: cite(&v.article),
                        })
                        .collect(),
                })
                .collect(),
            actors: digest
                .actors
                .iter()
                .take(40)
                .map(|a| {
                    let cites = cites_of(&mut a.articles.iter().map(String::as_str));
                    ActorView {
                        name: a.name.clone(),
                        kind: format!("{:?}", a.kind).to_lowercase(),
                        roles: a.roles.join("; "),
                        aliases: a.aliases.join(", "),
                        mentions: a.mentions,
                        cite_label: label(&cites),
                        cites,
                    }
                })
                .collect(),
            quotes: digest
                .quotes
                .iter()
                .map(|q| QuoteView {
                    speaker: q.speaker_name.clone().unwrap_or_else(|| "Unattributed".into()),
                    text: q.text.clone(),
                    cite: cite(&q.article),
                })
                .collect(),
            figures: digest
                .figures
                .iter()
                .map(|f| FigureView {
                    value: f.value.clone(),
                    about: f.about.clone(),
                    cite: cite(&f.article),
                })
                .collect(),
            timeline: digest
                .timeline
                .iter()
                .map(|t| {
                    let cites = cites_of(&mut t.sources.iter().map(String::as_str));
                    TimelineView {
                        date: t.date.human(),
                        precision: format!("{:?}", t.precision).to_lowercase(),
                        text: t.text.clone(),
                        cite_label: label(&cites),
                        cites,
                    }
                })
                .collect(),
            sources,
            appendix,
            diagnostics: corpus.diagnostics.iter().map(ToString::to_string).collect(),
        }
    }
}
