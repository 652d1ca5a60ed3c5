//! The view model: what a reader sees, already ordered, numbered and phrased. Templates and the
//! PDF layout read only this.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use crate::changes::Changes;
use crate::config::Config;
use crate::consolidate::{Actor, Claim, Contradiction, Digest, FigureOut, QuoteOut, set_off};
use crate::model::{Article, Corpus, Day, RemovalReason};

mod changes;

pub use changes::ChangesView;

/// Everything the briefing shows, in order.
#[derive(Debug, Clone, Serialize)]
pub struct ReportView {
    /// Briefing title.
    pub title: String,
    /// "20 May 2022 – 6 December 2023", from the articles' dates.
    pub date_span: Option<String>,
    /// The newest article's date: the PDF's creation date when `SOURCE_DATE_EPOCH` is unset.
    #[serde(skip)]
    pub newest: Option<Day>,
    /// Headline counts.
    pub counts: Counts,
    /// What changed since the last run.
    pub changes: ChangesView,
    /// Bottom line up front.
    pub key_judgments: Vec<ClaimView>,
    /// Stories, largest first, each with its summary and its other claims.
    pub stories: Vec<StoryView>,
    /// Claims, best first, but those that lead as key judgments.
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
    /// What cleaning removed and dedup merged, per listed source and its copies.
    pub appendix: Vec<AppendixView>,
    /// What the sections leave out for length (all of it is in `briefing.json`).
    pub unlisted: Unlisted,
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

/// How many items each bounded section leaves out.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Unlisted {
    /// Kept articles not in the sources list.
    pub sources: usize,
    /// Actors beyond the table.
    pub actors: usize,
    /// Quotes beyond the table.
    pub quotes: usize,
    /// Figures beyond the table.
    pub figures: usize,
    /// Disagreements beyond the section.
    pub contradictions: usize,
    /// Files with problems beyond the list.
    pub diagnostics: usize,
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
    /// "4 outlets, 2 independent reports" / "2 outlets" / "1 source".
    pub sources_label: String,
    /// Its story's label, when the briefing has several stories.
    pub story: String,
    /// Distinct sources.
    pub independent_sources: usize,
    /// Citations.
    pub cites: Vec<Cite>,
    /// Cited articles beyond those shown.
    pub more_cites: usize,
    /// "[1, 3]".
    pub cite_label: String,
    /// Actor names, comma separated.
    pub actors: String,
    /// Who it is attributed to.
    pub attributed: String,
}

/// A story as shown.
#[derive(Debug, Clone, Serialize)]
pub struct StoryView {
    /// Story id.
    pub id: String,
    /// Its headline.
    pub label: String,
    /// "12 articles".
    pub articles_label: String,
    /// The sentences of its top claims.
    pub summary: Vec<ClaimView>,
    /// Its other claims shown, but the key judgments.
    pub claims: Vec<ClaimView>,
}

/// A disagreement as shown.
#[derive(Debug, Clone, Serialize)]
pub struct ContradictionView {
    /// What it is about.
    pub about: String,
    /// "Conflicting figures" or "Change over time".
    pub label: String,
    /// Each side (the first few).
    pub values: Vec<ContradictionValueView>,
    /// Sides beyond those shown.
    pub more_values: usize,
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
    /// Cited articles beyond those shown.
    pub more_cites: usize,
    /// "[1, 3]".
    pub cite_label: String,
}

/// A quote as shown.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteView {
    /// Speaker, or "Unattributed".
    pub speaker: String,
    /// What the attribution says of them, set off as after the name (", the chair of the
    /// Party"), or empty.
    pub about: String,
    /// The words.
    pub text: String,
    /// Whether `text` is the clause around a partial quote, its marks inside it: shown
    /// without marks of its own.
    pub partial: bool,
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
    /// Cited articles beyond those shown.
    pub more_cites: usize,
    /// Whether it happened long before its story (shown after the story's own events).
    pub background: bool,
    /// Its story's label, when the briefing has several stories.
    pub story: String,
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
    /// The page's address, when the article gives one with `http` or `https` (a link target).
    pub url: Option<String>,
    /// Copies of this story that dedup merged into it (paths, the first few).
    pub copies: Vec<String>,
    /// Copies beyond those shown.
    pub more_copies: usize,
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

/// Most citations a row shows; the rest are counted ("[1, 2, 3, 4, 5 +12]").
const MAX_CITES: usize = 5;

fn label(cites: &[Cite], more: usize) -> String {
    if cites.is_empty() {
        return String::new();
    }
    let ns: Vec<String> = cites.iter().map(|c| c.n.to_string()).collect();
    let more = if more > 0 { format!(" +{more}") } else { String::new() };
    format!("[{}{more}]", ns.join(", "))
}

/// The kept article each article id stands for (a copy stands for the article it copies).
fn originals(corpus: &Corpus) -> HashMap<&str, &str> {
    corpus.articles.iter().map(|a| (a.id.as_str(), a.duplicate_of.as_deref().unwrap_or(&a.id))).collect()
}

/// Numbers the sources a reader sees and turns article ids into citations.
struct Citer<'a> {
    original: HashMap<&'a str, &'a str>,
    number: HashMap<&'a str, usize>,
}

impl<'a> Citer<'a> {
    /// The kept articles a row cites: distinct, in id order, at most [`MAX_CITES`], and how
    /// many more there are.
    fn pick<'b>(original: &HashMap<&str, &str>, ids: impl Iterator<Item = &'b str>) -> (Vec<String>, usize) {
        let mut kept: Vec<String> =
            ids.map(|id| original.get(id).copied().unwrap_or(id).to_string()).collect();
        kept.sort_unstable();
        kept.dedup();
        let more = kept.len().saturating_sub(MAX_CITES);
        kept.truncate(MAX_CITES);
        (kept, more)
    }

    fn cite(&self, article: &str) -> Cite {
        let kept = self.original.get(article).copied().unwrap_or(article);
        Cite { n: self.number.get(kept).copied().unwrap_or(0), article: kept.to_string() }
    }

    fn cites<'b>(&self, ids: impl Iterator<Item = &'b str>) -> (Vec<Cite>, String, usize) {
        let (picked, more) = Citer::pick(&self.original, ids);
        let cites: Vec<Cite> = picked.iter().map(|id| self.cite(id)).collect();
        let label = label(&cites, more);
        (cites, label, more)
    }
}

/// The quotes the briefing shows: attributed ones first, the most mentioned speakers first;
/// shown in corpus order. A few words in quotation marks that nobody is said to have spoken
/// ("the “color revolution organized by the West”") are a phrase set apart, not a quote to
/// read on its own: only `briefing.json` lists them.
fn pick_quotes(digest: &Digest, max: usize) -> Vec<&QuoteOut> {
    let rank: HashMap<&str, usize> =
        digest.actors.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    let shown =
        |q: &QuoteOut| q.speaker.is_some() || crate::text::words(&q.text).count() >= UNATTRIBUTED_WORDS;
    let mut order: Vec<usize> = (0..digest.quotes.len()).filter(|&i| shown(&digest.quotes[i])).collect();
    order.sort_by_key(|&i| {
        let q = &digest.quotes[i];
        (q.speaker.as_deref().and_then(|s| rank.get(s)).copied().unwrap_or(usize::MAX), i)
    });
    order.truncate(max);
    order.sort_unstable();
    order.into_iter().map(|i| &digest.quotes[i]).collect()
}

/// Whether `url` is an `http` or `https` address: only those become links (a `javascript:`
/// address in a scraped page must not).
fn is_web_address(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && !url.contains(char::is_whitespace)
}

/// The fewest words an unattributed quote needs to be shown (see [`pick_quotes`]).
const UNATTRIBUTED_WORDS: usize = 8;

/// The figures the briefing shows: those in a shown claim first, then the rest in corpus
/// order; shown in corpus order.
fn pick_figures(digest: &Digest, max: usize) -> Vec<&FigureOut> {
    let in_claims: BTreeSet<(&str, usize)> = digest
        .claims
        .iter()
        .flat_map(|c| &c.sources)
        .filter_map(|s| Some((&*s.article, s.paragraph?)))
        .collect();
    let mut order: Vec<usize> = (0..digest.figures.len()).collect();
    order.sort_by_key(|&i| {
        let f = &digest.figures[i];
        (!in_claims.contains(&(&*f.article, f.paragraph)), i)
    });
    order.truncate(max);
    order.sort_unstable();
    order.into_iter().map(|i| &digest.figures[i]).collect()
}

impl ReportView {
    /// Builds the view from the corpus and the digest. Every section is bounded by
    /// `output.max_rows` (claims and the timeline by their own limits), so the readable
    /// briefing does not grow with the corpus; the sources listed are those cited, then the
    /// first others in id order up to the same bound.
    pub(crate) fn build(config: &Config, corpus: &Corpus, digest: &Digest, changes: &Changes) -> ReportView {
        let max = config.max_rows;
        let original = originals(corpus);
        // Actors named once are mostly noise; they show only while the table is short.
        let actors: Vec<&Actor> = digest
            .actors
            .iter()
            .enumerate()
            .take_while(|(i, a)| *i < 10 || a.mentions >= 2)
            .map(|(_, a)| a)
            .take(max)
            .collect();
        let quotes = pick_quotes(digest, max);
        let figures = pick_figures(digest, max);
        let contradictions: Vec<&Contradiction> = digest.contradictions.iter().take(max).collect();

        // Everything a shown row cites decides which sources are listed and numbered.
        let mut cited: BTreeSet<String> = BTreeSet::new();
        let mut cite_all = |ids: &mut dyn Iterator<Item = &str>| cited.extend(Citer::pick(&original, ids).0);
        for c in &digest.claims {
            cite_all(&mut c.sources.iter().map(|s| &*s.article));
        }
        for a in &actors {
            cite_all(&mut a.articles.iter().map(|id| &**id));
        }
        for t in &digest.timeline {
            cite_all(&mut t.sources.iter().map(|id| &**id));
        }
        let singles = quotes.iter().map(|q| &*q.article).chain(figures.iter().map(|f| &*f.article));
        let sides = contradictions.iter().flat_map(|c| c.values.iter().take(MAX_CITES)).map(|v| &*v.article);
        let moved = changes.changed_figures.iter().take(max).map(|f| &*f.article);
        for id in singles.chain(sides).chain(moved) {
            cited.insert(original.get(id).copied().unwrap_or(id).to_string());
        }
        let kept: Vec<&Article> = corpus.articles.iter().filter(|a| a.duplicate_of.is_none()).collect();
        let mut room = max.saturating_sub(cited.len());
        let listed: Vec<&Article> = kept
            .iter()
            .copied()
            .filter(|a| {
                let show = cited.contains(&a.id) || room > 0;
                if show && !cited.contains(&a.id) {
                    room -= 1;
                }
                show
            })
            .collect();
        let number: HashMap<&str, usize> =
            listed.iter().enumerate().map(|(i, a)| (a.id.as_str(), i + 1)).collect();
        let mut copies: HashMap<&str, Vec<&Article>> = HashMap::new();
        for a in &corpus.articles {
            if let Some(orig) = a.duplicate_of.as_deref().filter(|o| number.contains_key(o)) {
                copies.entry(orig).or_default().push(a);
            }
        }
        let sources: Vec<SourceView> = listed
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let all = copies.get(a.id.as_str()).map_or(&[][..], Vec::as_slice);
                SourceView {
                    n: i + 1,
                    id: a.id.clone(),
                    title: a.meta.title.clone().unwrap_or_else(|| a.id.clone()),
                    publisher: a.meta.publisher.clone(),
                    author: a.meta.author.clone(),
                    date: a.meta.date.map(|d| d.human()),
                    path: a.path.clone(),
                    url: a.meta.url.clone().filter(|u| is_web_address(u)),
                    copies: all.iter().take(MAX_CITES).map(|c| c.path.clone()).collect(),
                    more_copies: all.len().saturating_sub(MAX_CITES),
                }
            })
            .collect();
        // The appendix covers the listed sources and the copies shown with them.
        let in_appendix: Vec<&Article> = listed
            .iter()
            .flat_map(|a| {
                let shown = copies.get(a.id.as_str()).map_or(&[][..], |c| &c[..c.len().min(MAX_CITES)]);
                std::iter::once(*a).chain(shown.iter().copied())
            })
            .collect();
        let citer = Citer { original, number };

        let name_of: HashMap<&str, &str> =
            digest.actors.iter().map(|a| (a.id.as_str(), a.name.as_str())).collect();
        let names = |ids: &[String]| {
            ids.iter().filter_map(|i| name_of.get(i.as_str())).copied().collect::<Vec<_>>().join(", ")
        };
        let story_label: BTreeMap<&str, &str> =
            digest.stories.iter().map(|s| (s.id.as_str(), s.label.as_str())).collect();
        let claim_view = |c: &Claim| {
            let (cites, cite_label, more_cites) = citer.cites(c.sources.iter().map(|s| &*s.article));
            let outlets = c.sources.iter().map(|s| &*s.article).collect::<BTreeSet<_>>().len();
            ClaimView {
                id: c.id.clone(),
                summary: c.summary.clone(),
                sources_label: match (outlets, c.independent_sources) {
                    (1, _) => "1 source".into(),
                    (n, m) if n == m => format!("{n} outlets"),
                    (n, 1) => format!("{n} outlets, 1 independent report"),
                    (n, m) => format!("{n} outlets, {m} independent reports"),
                },
                story: match (digest.stories.len(), c.story.as_deref()) {
                    (2.., Some(id)) => story_label.get(id).map_or_else(String::new, |l| l.to_string()),
                    _ => String::new(),
                },
                independent_sources: c.independent_sources,
                cite_label,
                cites,
                more_cites,
                actors: names(&c.actors),
                attributed: names(&c.attributed_to),
            }
        };
        let by_id: BTreeMap<&str, &Claim> = digest.claims.iter().map(|c| (c.id.as_str(), c)).collect();
        let leading: BTreeSet<&str> = digest.key_judgments.iter().map(|k| k.claim.as_str()).collect();
        let key_judgments = digest
            .key_judgments
            .iter()
            .filter_map(|k| Some((k, by_id.get(k.claim.as_str())?)))
            .map(|(k, c)| ClaimView { summary: k.text.clone(), ..claim_view(c) })
            .collect();

        let dates: Vec<Day> = corpus.articles.iter().filter_map(|a| a.meta.date).collect();
        let date_span = match (dates.iter().min(), dates.iter().max()) {
            (Some(a), Some(b)) if a == b => Some(a.human()),
            (Some(a), Some(b)) => Some(format!("{} – {}", a.human(), b.human())),
            _ => None,
        };

        let similarity: HashMap<&str, f64> = corpus
            .duplicates
            .iter()
            .flat_map(|d| {
                d.dropped
                    .iter()
                    .filter(|x| x.paragraph.is_none())
                    .map(move |x| (x.article.as_str(), d.similarity))
            })
            .collect();
        let appendix = in_appendix
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
                        let sim = similarity
                            .get(a.id.as_str())
                            .map_or(String::new(), |s| format!(" (similarity {s:.2})"));
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
            .collect::<Vec<_>>();

        ReportView {
            title: config.title.clone(),
            changes: ChangesView::build(changes, corpus, digest, max, &|a| citer.cite(a)),
            date_span,
            newest: dates.iter().max().copied(),
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
            stories: digest
                .stories
                .iter()
                .map(|s| {
                    let in_summary: BTreeSet<&str> = s.summary.iter().map(|l| l.claim.as_str()).collect();
                    let of = |ids: &mut dyn Iterator<Item = &String>| -> Vec<ClaimView> {
                        ids.filter_map(|id| by_id.get(id.as_str())).map(|c| claim_view(c)).collect()
                    };
                    StoryView {
                        id: s.id.clone(),
                        label: s.label.clone(),
                        articles_label: super::count(s.articles.len() as u64, "article", None),
                        summary: of(&mut s
                            .summary
                            .iter()
                            .map(|l| &l.claim)
                            .filter(|id| !leading.contains(id.as_str()))),
                        claims: of(&mut s.claims.iter().filter(|id| {
                            !leading.contains(id.as_str()) && !in_summary.contains(id.as_str())
                        })),
                    }
                })
                .collect(),
            claims: digest
                .claims
                .iter()
                .filter(|c| !leading.contains(c.id.as_str()))
                .map(claim_view)
                .collect(),
            contradictions: contradictions
                .iter()
                .map(|c| ContradictionView {
                    about: c.about.clone(),
                    label: if c.kind == "change" {
                        format!("Change over time ({})", history(c))
                    } else {
                        "Conflicting figures".into()
                    },
                    more_values: c.values.len().saturating_sub(MAX_CITES),
                    values: c
                        .values
                        .iter()
                        .take(MAX_CITES)
                        .map(|v| ContradictionValueView {
                            value: v.value.clone(),
                            date: v.date.map_or_else(|| "undated".into(), |d| d.human()),
                            text: v.text.clone(),
                            cite: citer.cite(&v.article),
                        })
                        .collect(),
                })
                .collect(),
            actors: actors
                .iter()
                .map(|a| {
                    let (cites, cite_label, more_cites) = citer.cites(a.articles.iter().map(|id| &**id));
                    ActorView {
                        name: a.name.clone(),
                        kind: format!("{:?}", a.kind).to_lowercase(),
                        roles: a.roles.join("; "),
                        aliases: a.aliases.join(", "),
                        mentions: a.mentions,
                        cite_label,
                        cites,
                        more_cites,
                    }
                })
                .collect(),
            quotes: quotes
                .iter()
                .map(|q| {
                    let about = q.speaker_apposition.as_deref().map_or_else(String::new, set_off);
                    let name = q.speaker_name.as_deref().map(|n| n.strip_suffix(&about).unwrap_or(n));
                    QuoteView {
                        speaker: name.unwrap_or("Unattributed").to_string(),
                        about,
                        text: q.text.clone(),
                        partial: q.partial,
                        cite: citer.cite(&q.article),
                    }
                })
                .collect(),
            figures: figures
                .iter()
                .map(|f| FigureView {
                    value: f.value.clone(),
                    about: f.about.clone(),
                    cite: citer.cite(&f.article),
                })
                .collect(),
            timeline: digest
                .timeline
                .iter()
                .map(|t| {
                    let (cites, cite_label, more_cites) = citer.cites(t.sources.iter().map(|id| &**id));
                    TimelineView {
                        background: t.background,
                        story: match &t.story {
                            Some(id) if digest.stories.len() > 1 => {
                                story_label.get(id.as_str()).map_or_else(String::new, |l| l.to_string())
                            }
                            _ => String::new(),
                        },
                        date: t.date.human(),
                        precision: format!("{:?}", t.precision).to_lowercase(),
                        text: t.text.clone(),
                        cite_label,
                        cites,
                        more_cites,
                    }
                })
                .collect(),
            unlisted: Unlisted {
                sources: kept.len() - sources.len(),
                actors: digest.actors.len() - actors.len(),
                quotes: digest.quotes.len() - quotes.len(),
                figures: digest.figures.len() - figures.len(),
                contradictions: digest.contradictions.len() - contradictions.len(),
                diagnostics: corpus.diagnostics.len().saturating_sub(max),
            },
            sources,
            appendix,
            diagnostics: corpus.diagnostics.iter().take(max).map(ToString::to_string).collect(),
        }
    }
}

/// A change over time in a few words: each number in the order it was first reported, with its
/// date ("25–35 percent on 20 May 2022, then 3 percent on 6 December 2023").
fn history(c: &Contradiction) -> String {
    let steps: Vec<String> = c.values[..c.distinct.min(c.values.len())]
        .iter()
        .map(|v| {
            let on = v.date.map_or_else(String::new, |d| format!(" on {}", d.human()));
            format!("{}{on}", v.value)
        })
        .collect();
    steps.join(", then ")
}

#[cfg(test)]
mod tests;
