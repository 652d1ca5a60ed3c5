//! Actors in one article: the names of its sentences ([`sentence`]: the entity tagger's names
//! combined with capitalised spans typed by general knowledge, titles split off as roles,
//! sentence-initial words and headings left out); here each name's kind is decided over all
//! its mentions, and variants within the article are merged (a surname to the full name, an
//! acronym to its expansion).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use crate::lexicon;
use crate::model::{ActorKind, LocalActor};
use crate::ner::EntityKind;
use crate::sorted;
use crate::text::fold;

mod sentence;

pub(crate) use sentence::{Span, kind_of, names};
use sentence::{is_acronym, speaks_after};

/// An actor's kind for the tagger's kind of a name (never [`EntityKind::Misc`], which
/// [`names`] leaves out).
fn actor_kind(kind: EntityKind) -> ActorKind {
    match kind {
        EntityKind::Person => ActorKind::Person,
        EntityKind::Organization => ActorKind::Organization,
        EntityKind::Location | EntityKind::Misc => ActorKind::Place,
    }
}

/// The kind most mentions of an actor were given (`votes` by [`ActorKind`]); of equal
/// counts, the first kind (a person before an organisation before a place).
fn most_given(votes: &[u32; 4]) -> ActorKind {
    const KINDS: [ActorKind; 4] =
        [ActorKind::Person, ActorKind::Organization, ActorKind::Place, ActorKind::Group];
    let best = (0..KINDS.len()).fold(0, |b, k| if votes[k] > votes[b] { k } else { b });
    KINDS[best]
}

/// A name mention at a place in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Paragraph index.
    pub paragraph: usize,
    /// Byte offset in the paragraph.
    pub offset: usize,
    /// Index into the article's actor list.
    pub actor: usize,
}

/// The mentions in `paragraph` whose offset lies in `range`, in text order. `mentions` are in
/// text order, as [`collect`] returns them: two binary searches find them, so that asking
/// once per sentence does not cost the article's length squared.
pub(crate) fn mentions_in(
    mentions: &[Mention],
    paragraph: usize,
    range: std::ops::Range<usize>,
) -> impl DoubleEndedIterator<Item = &Mention> {
    let from = mentions.partition_point(|m| (m.paragraph, m.offset) < (paragraph, range.start));
    let to = mentions.partition_point(|m| (m.paragraph, m.offset) < (paragraph, range.end));
    mentions[from..to.max(from)].iter()
}

/// Adds the places of a dateline ("LA CORUNA, Spain"): where the story was filed is one of its
/// places, even where the text does not name it again. A place the text names gains a mention.
pub(crate) fn add_dateline(actors: &mut Vec<LocalActor>, dateline: &str) {
    for part in dateline.split(',') {
        let name = unshout(part.trim());
        if name.chars().count() < 2 {
            continue;
        }
        let key = fold(&name);
        let same = |a: &&mut LocalActor| fold(&a.name) == key || a.aliases.iter().any(|x| fold(x) == key);
        match actors.iter_mut().find(same) {
            Some(a) => a.mentions += 1,
            None => actors.push(LocalActor {
                kind: ActorKind::Place,
                name,
                aliases: Box::default(),
                roles: Box::default(),
                mentions: 1,
            }),
        }
    }
}

/// A name written in capitals, in the case it is written in running text: "LA CORUNA" → "La
/// Coruna", "N'DJAMENA" → "N'Djamena". Other names stay as they are.
fn unshout(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len());
    let mut start = true;
    for c in name.chars() {
        if start {
            out.extend(c.to_uppercase())
        } else {
            out.extend(c.to_lowercase())
        }
        start = !c.is_alphanumeric();
    }
    out
}

/// For each of `names` (single words), how often the text goes on after it as after a thing
/// (", which", "its", "it") and as after a person (", who", "he", "her", …): the first such word
/// within the four after each mention. One pass over the text's words.
fn pronoun_counts<'n>(text: &str, names: &BTreeSet<&'n str>) -> BTreeMap<&'n str, (u32, u32)> {
    let mut counts: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
    for word in crate::text::words(text) {
        let Some(&name) = names.get(word) else { continue };
        let at = word.as_ptr() as usize - text.as_ptr() as usize;
        let after = &text[at + word.len()..];
        let (thing, person) = counts.entry(name).or_default();
        if after.starts_with(", which") {
            *thing += 1;
        } else if after.starts_with(", who") {
            *person += 1;
        }
        for w in crate::text::words(after).take(4) {
            match w {
                "its" | "it" => *thing += 1,
                "he" | "she" | "his" | "her" | "him" => *person += 1,
                _ => continue,
            }
            break;
        }
    }
    counts
}

/// Acronyms written after what they stand for, "Advanced Micro Devices (AMD)", where the
/// words before the parenthesis are one of `names`. One pass over the text (looking back at
/// most eight words from each " ("), so the time grows with the text, not with the text
/// times its names. Where two names end at one parenthesis, the longer one wins.
fn acronyms_written_out(full_text: &str, names: &BTreeSet<&str>) -> BTreeMap<String, String> {
    let mut acronym_of = BTreeMap::new();
    for (pos, _) in full_text.match_indices(" (") {
        let rest = &full_text[pos + 2..];
        let Some((end, _)) = rest.char_indices().take(16).find(|&(_, c)| c == ')') else { continue };
        let acronym = &rest[..end];
        if !is_acronym(acronym) {
            continue;
        }
        let before = &full_text[..pos];
        let starts =
            before.char_indices().rev().filter(|&(_, c)| c.is_whitespace()).map(|(i, c)| i + c.len_utf8());
        let longest = std::iter::once(0)
            .chain(starts.take(8))
            .map(|start| &before[start..])
            .filter(|name| names.contains(name))
            .max_by_key(|name| name.len());
        if let Some(name) = longest {
            acronym_of.insert(acronym.to_string(), name.to_string());
        }
    }
    acronym_of
}

/// Most actors one article keeps. A news article names a few dozen, a long report a few
/// hundred; a page of "Kab said. Kac said. …" named 380,000, and each went through every later
/// step.
pub const MAX_ACTORS_PER_ARTICLE: usize = 2000;

/// The [`MAX_ACTORS_PER_ARTICLE`] most named of `actors` (ties by name), in their order.
fn most_named(actors: Vec<LocalActor>) -> Vec<LocalActor> {
    if actors.len() <= MAX_ACTORS_PER_ARTICLE {
        return actors;
    }
    let mut rank: Vec<usize> = (0..actors.len()).collect();
    rank.sort_by(|&a, &b| {
        actors[b].mentions.cmp(&actors[a].mentions).then(actors[a].name.cmp(&actors[b].name))
    });
    let mut keep = vec![false; actors.len()];
    for &i in &rank[..MAX_ACTORS_PER_ARTICLE] {
        keep[i] = true;
    }
    actors.into_iter().zip(keep).filter_map(|(a, k)| k.then_some(a)).collect()
}

/// Builds the article's actors from its sentences' spans and returns them with every mention.
/// `sentences` holds (paragraph index, byte offset of the sentence in the paragraph, sentence).
pub(crate) fn collect(
    sentences: &[(usize, usize, &str)],
    full_text: &str,
) -> (Vec<LocalActor>, Vec<Mention>) {
    // First pass: every name, and which single words appear capitalised mid-sentence.
    // (paragraph, offset, span, followed by speech verb, the tagger's kind)
    let found: Vec<(usize, usize, Span, bool, Option<EntityKind>)> = sentences
        .par_iter()
        .with_min_len(super::SENTENCES_PER_TASK)
        .flat_map_iter(|&(p, off, s)| {
            names(s).into_iter().map(move |(span, vote)| {
                let speaks = speaks_after(&s[span.range.end..]);
                (p, off + span.range.start, span, speaks, vote)
            })
        })
        .collect();
    // Sets asked only whether they hold a name: hashed, as a page may hold 100,000 names.
    let mid_sentence: FxHashSet<&str> = found
        .iter()
        .filter(|(_, _, span, _, _)| !span.initial)
        .map(|(_, _, span, _, _)| span.name.as_str())
        .collect();
    let names: BTreeSet<&str> = found
        .iter()
        .filter(|(_, _, span, _, _)| span.name.split_whitespace().count() >= 2)
        .map(|(_, _, span, _, _)| span.name.as_str())
        .collect();
    let mut acronym_of = acronyms_written_out(full_text, &names);
    for (other, name) in lexicon::other_names() {
        acronym_of.entry(other.to_string()).or_insert_with(|| name.to_string());
    }

    // A single word that speaks or carries a title somewhere in the article is a person
    // everywhere in it ("Trump said" makes every "Trump" a person), unless the article speaks
    // of it as of a thing ("Apple said its", "Apple, which").
    let speakers: BTreeSet<&str> = found
        .iter()
        .filter(|(_, _, s, speaks, _)| *speaks && !s.name.contains(' '))
        .map(|(_, _, s, _, _)| s.name.as_str())
        .collect();
    let counts = pronoun_counts(full_text, &speakers);
    let things: BTreeSet<&str> = speakers
        .into_iter()
        .filter(|name| counts.get(name).is_some_and(|(thing, person)| thing > person))
        .collect();
    let speaking: FxHashSet<&str> = found
        .iter()
        .filter(|(_, _, s, speaks, _)| {
            !s.name.contains(' ')
                && s.kind.is_none()
                && (s.role.is_some() || *speaks && !things.contains(s.name.as_str()))
        })
        .map(|(_, _, s, _, _)| s.name.as_str())
        .collect();
    // Single words a body's or a medium's noun introduces somewhere in the article ("the
    // newspaper Vzglyad", "the company “Wagner”").
    let bodies: FxHashSet<&str> = found
        .iter()
        .filter(|(_, _, s, _, _)| !s.name.contains(' ') && lexicon::is_body_noun(&s.before))
        .map(|(_, _, s, _, _)| s.name.as_str())
        .collect();
    // Decide each span's actor name and kind.
    struct Found {
        aliases: Vec<String>,
        roles: Vec<String>,
        mentions: u32,
        /// How many mentions were given each kind, by [`ActorKind`].
        votes: [u32; 4],
    }
    let mut by_name: BTreeMap<String, Found> = BTreeMap::new();
    let mut resolved: Vec<(usize, usize, String)> = Vec::new();
    let full_names: Vec<String> = found
        .iter()
        .filter(|(_, _, s, _, vote)| match vote {
            Some(tagged) => *tagged == EntityKind::Person && s.name.contains(' '),
            None => s.kind == Some(ActorKind::Person),
        })
        .map(|(_, _, s, _, _)| s.name.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    // The full names by their last word, in name order: one lookup per span, not a scan of
    // every name (an article of thousands of names took their square).
    let mut by_last_word: HashMap<&str, Vec<&String>> = HashMap::new();
    for full in &full_names {
        by_last_word.entry(full.rsplit(' ').next().unwrap_or(full)).or_default().push(full);
    }
    // Each span's actor, name and kind, if it stands for one: decided in parallel on a long page.
    let decided: Vec<Option<(String, ActorKind)>> = found
        .par_iter()
        .with_min_len(super::SENTENCES_PER_TASK)
        .map(|(_, _, span, speaks, vote)| {
            let single = !span.name.contains(' ');
            // A surname or first name alone: the one full name in the article that ends (or starts)
            // with it. A place's name is no surname ("Moscow" is not "Dynamo Moscow").
            let person_match: Vec<&String> = if single && kind_of(&span.name) != Some(ActorKind::Place) {
                by_last_word.get(span.name.as_str()).cloned().unwrap_or_default()
            } else {
                Vec::new()
            };
            // Two people's surnames side by side ("Volkov Petrov even suggested", a slip of
            // the page) are no one's full name: the first, the sentence's subject, stands.
            let other_full = |w: &str| {
                by_last_word.get(w).and_then(|fulls| fulls.iter().find(|f| ***f != span.name).copied())
            };
            if let [first, last] = span.name.split(' ').collect::<Vec<_>>()[..]
                && let (Some(full), Some(_)) = (other_full(first), other_full(last))
            {
                return Some((full.clone(), ActorKind::Person));
            }
            let (name, kind) = if let Some(expansion) = acronym_of.get(&span.name) {
                (expansion.clone(), kind_of(expansion).unwrap_or(ActorKind::Organization))
            } else if let Some(full) = person_match.first() {
                // Several spellings of one full name ("Alexander Kovalenka", "Aleksandr
                // Kovalenka") all fit: the first stands for them; consolidate merges the rest.
                ((*full).clone(), ActorKind::Person)
            } else if span.kind == Some(ActorKind::Group) {
                (span.name.clone(), ActorKind::Group)
            } else if single && span.kind.is_none() && bodies.contains(span.name.as_str()) {
                // "the business newspaper Vzglyad notes": a medium, however it speaks; "the
                // private military company “Wagner”": a body, wherever the article names it.
                (span.name.clone(), ActorKind::Organization)
            } else if single
                && span.kind.is_none()
                && (span.role.is_some()
                    || *speaks && !things.contains(span.name.as_str())
                    || speaking.contains(span.name.as_str()))
            {
                // What the article says of a single word (it speaks, "he", a title) tells more
                // than the words around one mention, which is all the tagger sees.
                (span.name.clone(), ActorKind::Person)
            } else if single && span.kind.is_none() && things.contains(span.name.as_str()) {
                // "Verizon said in a statement", where the article says "its": a thing that
                // speaks, wherever it is named.
                (span.name.clone(), ActorKind::Organization)
            } else if let Some(tagged) = vote {
                (span.name.clone(), actor_kind(*tagged))
            } else if let Some(kind) = span.kind {
                (span.name.clone(), kind)
            } else if single && *speaks {
                // "Verizon said in a statement", where the article says "its": a thing that speaks.
                (span.name.clone(), ActorKind::Organization)
            } else {
                return None;
            };
            // A sentence-initial single word that the tagger did not tag needs support
            // elsewhere in the article.
            if vote.is_none()
                && span.initial
                && single
                && !speaks
                && span.kind.is_none()
                && person_match.is_empty()
                && !mid_sentence.contains(span.name.as_str())
            {
                return None;
            }
            Some((name, kind))
        })
        .collect();
    for ((p, offset, span, _, _), decided) in found.iter().zip(decided) {
        let Some((name, kind)) = decided else { continue };
        let entry = by_name.entry(name.clone()).or_insert_with(|| Found {
            aliases: Vec::new(),
            roles: Vec::new(),
            mentions: 0,
            votes: Default::default(),
        });
        entry.mentions += 1;
        entry.votes[kind as usize] += 1;
        if span.name != name {
            sorted::insert(&mut entry.aliases, span.name.clone());
        }
        if let Some(role) = &span.role {
            sorted::insert(&mut entry.roles, role.clone());
        }
        resolved.push((*p, *offset, name));
    }
    let actors: Vec<LocalActor> = by_name
        .into_iter()
        .map(|(name, f)| LocalActor {
            name,
            kind: most_given(&f.votes),
            aliases: f.aliases.into_boxed_slice(),
            roles: f.roles.into_boxed_slice(),
            mentions: f.mentions,
        })
        .collect();
    let actors = most_named(actors);
    let index: BTreeMap<&str, usize> = actors.iter().enumerate().map(|(i, a)| (a.name.as_str(), i)).collect();
    let mut mentions: Vec<Mention> = resolved
        .into_iter()
        .filter_map(|(paragraph, offset, name)| {
            Some(Mention { paragraph, offset, actor: *index.get(name.as_str())? })
        })
        .collect();
    // In text order, which [`mentions_in`] relies on (a stable sort: already so, it is free).
    mentions.sort_by_key(|m| (m.paragraph, m.offset));
    (actors, mentions)
}

#[cfg(test)]
mod tests;
