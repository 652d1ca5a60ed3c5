//! Actors across the corpus: each article's local actors merged by name, spelling and
//! alias into corpus actors, with where each local actor went.

use super::*;

/// An actor's id: its name folded to ASCII, lower case, words joined by hyphens.
pub(super) fn slug(name: &str) -> String {
    let mut s: String = fold_ascii(name)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect();
    while s.contains("--") {
        s = s.replace("--", "-");
    }
    let s = s.trim_matches('-').to_string();
    if s.is_empty() { "actor".into() } else { s }
}

pub(super) fn fold_ascii(s: &str) -> String {
    s.nfd().filter(|c| c.is_ascii()).collect()
}

/// Where each article's local actors went: the corpus actor of every (article, local actor),
/// stored flat in article order, so that the map costs four bytes per local actor.
pub(super) struct ActorIds {
    /// Per article (corpus order), where its local actors start in `actor_of`; `None` for copies.
    start: Vec<Option<usize>>,
    /// The index in [`Digest::actors`] of each local actor.
    actor_of: Vec<u32>,
}

impl ActorIds {
    /// The corpus actor (an index in [`Digest::actors`]) that article `article` (its position
    /// in the corpus), whose local actors are `locals`, calls `local`.
    pub(super) fn get(&self, article: usize, locals: &[LocalActor], local: &str) -> Option<u32> {
        let start = self.start[article]?;
        let at = locals.iter().position(|l| l.name == local)?;
        Some(self.actor_of[start + at])
    }

    /// The corpus actor of the article's local actor number `local`.
    pub(super) fn at(&self, article: usize, local: u32) -> Option<u32> {
        self.actor_of.get(self.start[article]? + local as usize).copied()
    }
}

/// Merges the articles' local actors into corpus actors. Returns the actors and where each
/// local actor went.
pub(super) fn merge_actors(corpus: &Corpus, article_ids: &[ArticleId]) -> (Vec<Actor>, ActorIds) {
    struct Entry<'a> {
        /// The article's position in the corpus.
        article: usize,
        actor: &'a crate::model::LocalActor,
        /// A hash of the folded name, the key of the exact pass.
        key: u64,
        /// How many words the folded name has.
        words: u8,
        /// The folded name, its words separated by single spaces: kept only where the fuzzy
        /// passes read it (people, and single words), which saves memory on large corpora.
        folded: Box<str>,
    }
    impl Entry<'_> {
        fn first_word(&self) -> &str {
            self.folded.split(' ').next().unwrap_or("")
        }
        fn last_word(&self) -> &str {
            self.folded.rsplit(' ').next().unwrap_or("")
        }
        fn words(&self) -> usize {
            usize::from(self.words)
        }
    }
    let mut start = Vec::with_capacity(corpus.articles.len());
    let mut refs = Vec::new();
    for (ai, a) in corpus.articles.iter().enumerate() {
        if a.duplicate_of.is_some() {
            start.push(None);
            continue;
        }
        start.push(Some(refs.len()));
        refs.extend(a.extraction.actors.iter().map(|l| (ai, l)));
    }
    let entries: Vec<Entry<'_>> = refs
        .into_par_iter()
        .map(|(article, actor)| {
            let folded = fold(&actor.name).split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
            let words = if folded.is_empty() { 0 } else { folded.matches(' ').count() + 1 };
            let key = xxh3_64(folded.as_bytes());
            let keep = actor.kind == ActorKind::Person || words == 1;
            Entry {
                article,
                actor,
                key,
                words: words.min(255) as u8,
                folded: if keep { folded.into_boxed_str() } else { Box::default() },
            }
        })
        .collect();
    let mut sets = UnionFind::new(entries.len());
    // Exact: same kind and folded name, or a shared alias (an acronym).
    // An acronym alias ("ISW") is a key like a name, so that it meets an actor named by it.
    // Keys are 64-bit hashes of the folded forms: a million names take a few megabytes.
    let mut by_key: HashMap<(ActorKind, u64), usize> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        let first = *by_key.entry((e.actor.kind, e.key)).or_insert(i);
        sets.union(i, first);
        for acronym in e.actor.aliases.iter().filter(|a| a.chars().all(|c| c.is_uppercase())) {
            let first = *by_key.entry((e.actor.kind, xxh3_64(fold(acronym).as_bytes()))).or_insert(i);
            sets.union(i, first);
        }
    }
    drop(by_key);
    // Fuzzy, for people: same surname up to spelling, and first names that agree (or one
    // missing). Compared over distinct folded names, and only where the surnames are close
    // (found through `close_pairs`, not by comparing every pair): linear in practice.
    // Each distinct name of a person: its first entry, and how many articles name them so.
    let mut reps: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        if e.actor.kind == ActorKind::Person && !e.folded.is_empty() {
            reps.entry(&e.folded).or_insert((i, 0)).1 += 1;
        }
    }
    // Surname → (number of words, first word, entry) of the distinct people who carry it.
    let mut by_surname: BTreeMap<&str, Vec<(usize, &str, usize)>> = BTreeMap::new();
    let mut named_by: HashMap<usize, usize> = HashMap::with_capacity(reps.len());
    for &(i, articles) in reps.values() {
        let e = &entries[i];
        by_surname.entry(e.last_word()).or_default().push((e.words(), e.first_word(), i));
        named_by.insert(i, articles);
    }
    drop(reps);
    // Single words that are not people by their context but may be a person's surname.
    let lone: Vec<usize> = (0..entries.len())
        .filter(|&i| {
            let e = &entries[i];
            e.actor.kind != ActorKind::Person && e.words() == 1 && kind_of(&e.actor.name).is_none()
        })
        .collect();
    let mut words: Vec<&str> = by_surname.keys().copied().collect();
    let surnames = words.len();
    let mut lone_words: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for &i in &lone {
        lone_words.entry(&entries[i].folded).or_default().push(i);
    }
    words.extend(lone_words.keys().copied().filter(|w| !by_surname.contains_key(w)));
    // For each word, the surnames close to it (itself included).
    let mut near: Vec<Vec<usize>> =
        (0..words.len()).map(|i| if i < surnames { vec![i] } else { Vec::new() }).collect();
    for (i, j) in close_pairs(&words) {
        if j < surnames {
            near[i].push(j);
        }
        if i < surnames {
            near[j].push(i);
        }
    }
    let index_of: HashMap<&str, usize> = words.iter().enumerate().map(|(i, w)| (*w, i)).collect();
    let full_names = |s: usize| by_surname[words[s]].iter().filter(|(n, _, _)| *n >= 2);
    // Full names first: the surnames close, the first names close or one an initial.
    for (s, close_to) in near.iter().enumerate().take(surnames) {
        for &t in close_to.iter().filter(|&&t| t >= s) {
            for (x, &(_, a, i)) in full_names(s).enumerate() {
                for &(_, b, j) in full_names(t).skip(if s == t { x + 1 } else { 0 }) {
                    let initial = a.chars().next() == b.chars().next() && (a.len() <= 2 || b.len() <= 2);
                    if close(a, b) || initial {
                        sets.union(i, j);
                    }
                }
            }
        }
    }
    // The person (after the passes above) a surname close to word `w` names: the one whose full
    // name ends in it, or of several, the one that articles name far more often than all the
    // others together ("Obama" in a corpus on the 2016 race; not "Clinton").
    let person_named = |sets: &mut UnionFind, w: usize| {
        let mut roots: BTreeMap<usize, usize> = BTreeMap::new();
        for &(_, _, i) in near[w].iter().flat_map(|&t| full_names(t)) {
            *roots.entry(sets.find(i)).or_default() += named_by[&i];
        }
        let total: usize = roots.values().sum();
        let (&root, &most) = roots.iter().max_by_key(|&(root, n)| (*n, std::cmp::Reverse(*root)))?;
        (most >= DOMINANT_NAMESAKE * (total - most)).then_some(root)
    };
    // A surname alone joins the person it names (see `person_named`); all lone mentions of a
    // surname join each other.
    for s in 0..surnames {
        let Some(&(_, _, single)) = by_surname[words[s]].iter().find(|(n, _, _)| *n == 1) else { continue };
        for &t in &near[s] {
            if let Some(&(_, _, other)) = by_surname[words[t]].iter().find(|(n, _, _)| *n == 1) {
                sets.union(single, other);
            }
        }
        if let Some(root) = person_named(&mut sets, s) {
            sets.union(single, root);
        }
    }
    // A single word typed only by its context ("in Petrov's eyes" read as a place) that is the
    // surname of one person (see `person_named`) joins that person.
    for (word, members) in &lone_words {
        let w = index_of[word];
        if let Some(root) = person_named(&mut sets, w) {
            for &i in members {
                sets.union(i, root);
            }
        }
    }
    let groups = sets.groups();
    drop(sets);
    let mut actors = Vec::new();
    let mut actor_of = vec![0u32; entries.len()];
    let mut used_ids: HashSet<String> = HashSet::new();
    let mut next_suffix: HashMap<String, usize> = HashMap::new();
    // Each group's actor is built on its own, in parallel; `collect` keeps the groups' order.
    let build = |members: &[u32]| {
        let mut form_counts: BTreeMap<&str, usize> = BTreeMap::new();
        let mut aliases = BTreeSet::new();
        let mut roles = BTreeSet::new();
        let mut articles = BTreeSet::new();
        let mut mentions = 0;
        for &i in members {
            let e = &entries[i as usize];
            *form_counts.entry(e.actor.name.as_str()).or_default() += e.actor.mentions as usize;
            aliases.extend(e.actor.aliases.iter().map(String::as_str));
            aliases.insert(e.actor.name.as_str());
            // A role is a person's title: a place or a body given one ("Mr" of "US Mr Lee")
            // took it from the name beside it.
            if e.actor.kind == ActorKind::Person {
                roles.extend(e.actor.roles.iter().map(String::as_str));
            }
            articles.insert(e.article);
            mentions += e.actor.mentions as usize;
        }
        // The name: the most mentioned multi-word form, then the longest, then the first.
        let name = form_counts
            .iter()
            .max_by(|a, b| {
                (a.0.contains(' '), a.1, a.0.len(), std::cmp::Reverse(a.0)).cmp(&(
                    b.0.contains(' '),
                    b.1,
                    b.0.len(),
                    std::cmp::Reverse(b.0),
                ))
            })
            .map(|(n, _)| n.to_string())
            .expect("group has members");
        aliases.remove(name.as_str());
        // A person among the members makes the actor a person (see the surname pass above);
        // otherwise the kind most mentions agree on.
        let mut kinds: BTreeMap<ActorKind, usize> = BTreeMap::new();
        for e in members.iter().map(|&i| &entries[i as usize]) {
            *kinds.entry(e.actor.kind).or_default() += e.actor.mentions as usize;
        }
        let kind = if kinds.contains_key(&ActorKind::Person) {
            ActorKind::Person
        } else {
            kinds
                .iter()
                .max_by_key(|&(k, n)| (*n, std::cmp::Reverse(*k)))
                .map_or(ActorKind::Organization, |(k, _)| *k)
        };
        Actor {
            id: String::new(),
            name,
            kind,
            aliases: aliases.into_iter().map(String::from).collect(),
            roles: if kind == ActorKind::Person {
                roles.into_iter().map(String::from).collect()
            } else {
                Vec::new()
            },
            mentions,
            articles: articles.into_iter().map(|ai| article_ids[ai].clone()).collect(),
        }
    };
    let mut staged: Vec<(Actor, usize)> =
        (0..groups.len()).into_par_iter().map(|k| (build(groups.get(k)), k)).collect();
    // Most mentioned first; ids are given in that order so that clashes resolve the same way.
    staged.sort_by(|a, b| b.0.mentions.cmp(&a.0.mentions).then_with(|| a.0.name.cmp(&b.0.name)));
    for (mut actor, k) in staged {
        let base = slug(&actor.name);
        let mut id = base.clone();
        // Where the next suffix for this base starts, so that many clashes stay linear.
        let n = next_suffix.entry(base.clone()).or_insert(2);
        while used_ids.contains(&id) {
            id = format!("{base}-{n}");
            *n += 1;
        }
        used_ids.insert(id.clone());
        actor.id = id;
        for &i in groups.get(k) {
            actor_of[i as usize] = actors.len() as u32;
        }
        actors.push(actor);
    }
    (actors, ActorIds { start, actor_of })
}

/// How many times more articles must name one person of a surname than all its other
/// bearers together for the surname alone to be theirs.
pub(super) const DOMINANT_NAMESAKE: usize = 4;
