//! The briefing itself: the five outputs and their contract, the same content in every format, determinism, escaping, the seeds' golden files, citations and changes.

use super::*;

#[test]
fn writes_five_outputs_with_the_json_contract() {
    let fx = Fixture::repo();
    let out = fx.run(&[]);
    assert!(out.status.success(), "{}", stderr(&out));
    for f in OUTPUTS {
        assert!(!fx.read(f).is_empty(), "{f} is empty");
    }
    // One plain progress line per stage when stderr is not a terminal.
    let err = stderr(&out);
    for stage in ["ingest:", "clean:", "dedup:", "extract:", "consolidate:", "render:"] {
        assert!(err.lines().any(|l| l.starts_with(stage)), "no `{stage}` line in {err}");
    }

    let json: serde_json::Value = serde_json::from_slice(&fx.read("out/briefing.json")).unwrap();
    assert_eq!(json["schema_version"], 2);
    for key in [
        "title",
        "articles",
        "duplicates",
        "actors",
        "quotes",
        "stories",
        "key_judgments",
        "claims",
        "figures",
        "contradictions",
        "timeline",
    ] {
        assert!(json.get(key).is_some(), "missing `{key}`");
    }
    // Articles carry their metadata; their text is in corpus.jsonl, a line each, in the same
    // order.
    let articles = json["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 5);
    let corpus = String::from_utf8(fx.read("out/corpus.jsonl")).unwrap();
    let lines: Vec<serde_json::Value> = corpus.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), articles.len());
    for (a, text) in articles.iter().zip(&lines) {
        for key in [
            "id",
            "path",
            "url",
            "title",
            "date",
            "date_source",
            "author",
            "publisher",
            "outlet",
            "duplicate_of",
        ] {
            assert!(a.get(key).is_some(), "article misses `{key}`");
        }
        assert!(a.get("paragraphs").is_none() && a.get("removed").is_none(), "text in briefing.json");
        assert_eq!((&text["id"], &text["path"]), (&a["id"], &a["path"]));
        let p = &text["paragraphs"][0];
        assert!(p["text"].is_string() && p["lines"].as_array().unwrap().len() == 2 && p["index"] == 0);
        assert!(text["removed"].is_array());
    }
    // Every source of a claim is a paragraph that corpus.jsonl holds, with the claim's words.
    for c in json["claims"].as_array().unwrap() {
        for s in c["sources"].as_array().unwrap() {
            let text = lines.iter().find(|l| l["id"] == s["article"]).expect("the source's article");
            let paragraph = text["paragraphs"]
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["index"] == s["paragraph"])
                .map(|p| p["text"].as_str().unwrap());
            let said = s["text"].as_str().unwrap();
            // A headline is in no paragraph: its source names the line.
            assert!(
                paragraph.is_some_and(|p| p.contains(said)) || s["paragraph"].is_null() && s["line"].is_u64(),
                "{s}"
            );
        }
    }
    let actor = &json["actors"][0];
    for key in ["id", "name", "kind", "aliases", "roles", "mentions", "articles"] {
        assert!(actor.get(key).is_some(), "actor misses `{key}`");
    }
    let claim = &json["claims"][0];
    for key in ["id", "summary", "kind", "score", "actors", "story", "independent_sources", "sources"] {
        assert!(claim.get(key).is_some(), "claim misses `{key}`");
    }
    // One folder about one war is one story, and every claim of it names it.
    let stories = json["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 1, "{stories:?}");
    assert_eq!(stories[0]["articles"].as_array().unwrap().len(), 5);
    let claims = json["claims"].as_array().unwrap();
    assert!(claims.iter().all(|c| c["story"] == stories[0]["id"]));
    // Key judgments are objects that name their claim, story and sources.
    let first = &json["key_judgments"][0];
    let lead = claims.iter().find(|c| c["id"] == first["claim"]).expect("the key judgment's claim");
    // Its text is the claim's sentence, a date added after each weekday.
    assert!(first["text"].as_str().unwrap().starts_with(&lead["summary"].as_str().unwrap()[..20]));
    assert_eq!(first["story"], stories[0]["id"]);
    assert!(!first["sources"].as_array().unwrap().is_empty());
    // Every claim, quote and figure names its sources.
    assert!(json["claims"].as_array().unwrap().iter().all(|c| !c["sources"].as_array().unwrap().is_empty()));
    assert!(json["quotes"].as_array().unwrap().iter().all(|q| q["article"].is_string()));
    assert!(json["figures"].as_array().unwrap().iter().all(|f| f["article"].is_string()));
}

#[test]
fn pdf_text_has_curly_quotes_and_a_name_from_the_articles() {
    let fx = Fixture::repo();
    assert!(fx.run(&["run", "--format", "pdf,json"]).status.success());
    let json: serde_json::Value = serde_json::from_slice(&fx.read("out/briefing.json")).unwrap();
    let person = json["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "person")
        .and_then(|a| a["name"].as_str())
        .expect("a person among the actors")
        .to_string();
    let doc = lopdf::Document::load_mem(&fx.read("out/briefing.pdf")).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    assert!(pages.len() > 1);
    let text = doc.extract_text(&pages).unwrap();
    assert!(text.contains('“') && text.contains('”'), "no curly quotes in the PDF text");
    assert!(text.contains(&person), "`{person}` not in the PDF text");
    assert!(text.contains("Page 1 of"), "no page numbers");
    // Dated as the newest article (the seeds': 6 December 2023), not 1970, when
    // SOURCE_DATE_EPOCH is unset.
    let newest =
        json["articles"].as_array().unwrap().iter().filter_map(|a| a["date"].as_str()).max().unwrap();
    let stamp = format!("CreationDate(D:{}", newest.replace('-', ""));
    let pdf = fx.read("out/briefing.pdf");
    assert!(pdf.windows(stamp.len()).any(|w| w == stamp.as_bytes()), "no `{stamp}` in the PDF");
}

/// The words of a text, lower-cased, with markup and entities gone: Markdown escapes,
/// HTML tags and entities, and PDF line wrapping all reduce to the same sequence.
fn words_of(text: &str) -> Vec<String> {
    let mut plain = String::with_capacity(text.len());
    let mut in_tag = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '<' => {
                in_tag = true;
                plain.push(' ');
            }
            '>' if in_tag => in_tag = false,
            '&' if !in_tag => {
                // An entity (`&amp;`, `&#x27;`): a separator like the character it stands for.
                while chars.next_if(|&n| n != ';' && !n.is_whitespace()).is_some() {}
                chars.next_if_eq(&';');
                plain.push(' ');
            }
            _ if !in_tag => plain.push(c),
            _ => {}
        }
    }
    plain.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

fn contains_words(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn every_format_shows_the_same_judgments_claims_quotes_and_sources() {
    let fx = Fixture::repo();
    let out = fx.run(&[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&fx.read("out/briefing.json")).unwrap();
    let md = words_of(&String::from_utf8(fx.read("out/briefing.md")).unwrap());
    let html = words_of(&String::from_utf8(fx.read("out/briefing.html")).unwrap());
    let doc = lopdf::Document::load_mem(&fx.read("out/briefing.pdf")).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let mut pdf = words_of(&doc.extract_text(&pages).unwrap());
    // A page's footer ("Page 2 of 8") comes out of the PDF wherever the page broke the text.
    let mut k = 0;
    while k + 4 <= pdf.len() {
        let footer = pdf[k] == "page"
            && pdf[k + 2] == "of"
            && [&pdf[k + 1], &pdf[k + 3]].iter().all(|w| w.chars().all(|c| c.is_ascii_digit()));
        if footer {
            pdf.drain(k..k + 4);
        } else {
            k += 1;
        }
    }

    let texts = |key: &str, field: &str| -> Vec<String> {
        json[key].as_array().unwrap().iter().filter_map(|x| x[field].as_str()).map(String::from).collect()
    };
    // Everything the seeds give fits the bounded sections, so every format must show all of it.
    let mut items: Vec<(String, String)> = Vec::new();
    items.extend(texts("claims", "summary").into_iter().map(|t| ("claim".to_string(), t)));
    // Quotes with a speaker: a phrase set apart in quotation marks that nobody spoke is listed
    // in the JSON only.
    let spoken = json["quotes"].as_array().unwrap().iter().filter(|q| q["speaker"].is_string());
    items.extend(spoken.filter_map(|q| q["text"].as_str()).map(|t| ("quote".to_string(), t.to_string())));
    items.extend(texts("timeline", "text").into_iter().map(|t| ("timeline".to_string(), t)));
    items.extend(texts("articles", "title").into_iter().map(|t| ("source".to_string(), t)));
    assert!(items.len() > 60, "too little to compare: {}", items.len());
    for (what, text) in &items {
        let needle = words_of(text);
        for (format, words) in [("md", &md), ("html", &html), ("pdf", &pdf)] {
            assert!(contains_words(words, &needle), "{format} misses the {what} “{text}”");
        }
    }
    // Actors: each format's table (from its header row to the section's end) lists the same ones.
    let shown = |words: &[String]| -> Vec<String> {
        let header = words_of("Name Kind Roles Aliases Mentions Sources");
        let start = words.windows(header.len()).position(|w| w == header).expect("an actors table");
        let table = &words[start..];
        let end = table.iter().position(|w| w == "quotes").unwrap_or(table.len());
        let table = &table[..end];
        texts("actors", "name").into_iter().filter(|n| contains_words(table, &words_of(n))).collect()
    };
    assert!(shown(&md).len() >= 10, "{:?}", shown(&md));
    assert_eq!(shown(&md), shown(&html), "md and html list different actors");
    assert_eq!(shown(&md), shown(&pdf), "md and pdf list different actors");
}

#[test]
fn outputs_are_byte_identical_across_runs_and_thread_counts() {
    let fx = Fixture::repo();
    assert!(fx.run(&["run", "--jobs", "1"]).status.success());
    let first: Vec<Vec<u8>> = OUTPUTS.iter().map(|f| fx.read(f)).collect();
    assert!(String::from_utf8_lossy(&first[0]).contains("First briefing in this output folder"));
    assert!(fx.run(&["run", "--jobs", "2", "--no-cache"]).status.success());
    let second: Vec<Vec<u8>> = OUTPUTS.iter().map(|f| fx.read(f)).collect();
    for (i, f) in OUTPUTS.iter().enumerate() {
        assert!(first[i] == second[i], "{f} differs between --jobs 1 and --jobs 2");
    }
}

#[test]
fn hostile_text_stays_inert_in_html_and_markdown() {
    let fx = Fixture::repo();
    std::fs::write(
        fx.path("seeds/zz_hostile.txt"),
        "Budget plan <script>alert('x')</script> costs &amp; {{title}} more\n\nBudget plan <script>alert('x')</script> costs &amp; {{title}} more\n\n\
         The minister said the plan would cost about $5 billion over three years, officials said on Monday.\n\n\
         \u{201c}We will not pay for this plan,\u{201d} said Ann\u{202e}Lee\u{202c}, the \x1b]0;pwned\x07treasurer\x08, on Tuesday.\n",
    )
    .unwrap();
    let out = fx.run(&[]);
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("note: seeds/zz_hostile.txt: 5 control or text-direction characters removed"),
        "{}",
        stderr(&out)
    );
    for f in ["out/briefing.md", "out/briefing.html", "out/briefing.json"] {
        let text = String::from_utf8(fx.read(f)).unwrap();
        let hidden = text.chars().filter(|&c| newsbrief::ingest::is_hidden_control(c)).count();
        assert_eq!(hidden, 0, "{f} holds control or direction characters");
        assert!(text.contains("Ann"), "{f} lost the quote's speaker");
    }
    let html = String::from_utf8(fx.read("out/briefing.html")).unwrap();
    assert!(!html.contains("<script>"), "raw <script> in HTML");
    assert!(html.contains("&lt;script&gt;"), "the hostile title is not shown");
    assert!(html.contains("&amp;amp;"), "an entity in the text was not escaped");
    assert!(html.contains("{{title}}"), "handlebars syntax from an article was evaluated");
    let md = String::from_utf8(fx.read("out/briefing.md")).unwrap();
    assert!(!md.contains("<script>"), "raw <script> in Markdown");
    assert!(md.contains("{{title}}"));
}

/// The seeds' briefing as Markdown and JSON, and their text, against the copies in `tests/golden/seeds/`: the
/// safety net of every refactoring, which must change nothing a user sees. A change that means
/// to change the briefing writes the new copies with `NEWSBRIEF_BLESS=1 cargo test golden`,
/// and its commit says why they changed. The sentence model's vectors are the same on any CPU
/// (`src/embed/gemm.rs`), so these copies are too.
#[test]
fn golden_briefing_of_the_seeds() {
    let fx = Fixture::repo();
    let out = Command::new(env!("CARGO_BIN_EXE_newsbrief"))
        .args(["run", "--format", "md,json,corpus", "--no-cache", "--quiet"])
        .current_dir(fx.dir.path())
        .env_remove("GITHUB_STEP_SUMMARY")
        .env("SOURCE_DATE_EPOCH", "0")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let golden = Path::new(REPO).join("tests/golden/seeds");
    let bless = std::env::var_os("NEWSBRIEF_BLESS").is_some();
    let mut differ = Vec::new();
    for name in ["briefing.md", "briefing.json", "corpus.jsonl"] {
        let got = String::from_utf8(fx.read(&format!("out/{name}"))).unwrap();
        if bless {
            std::fs::write(golden.join(name), &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(golden.join(name)).unwrap_or_default();
        if let Some((line, (w, g))) = want
            .lines()
            .chain(std::iter::repeat(""))
            .zip(got.lines().chain(std::iter::repeat("")))
            .take(want.lines().count().max(got.lines().count()))
            .enumerate()
            .find(|(_, (w, g))| w != g)
        {
            differ.push(format!("{name}:{}:\n  golden: {w}\n  now:    {g}", line + 1));
        }
    }
    assert!(
        differ.is_empty(),
        "the seeds' briefing changed (first difference of each file below); if the change is \
         meant, run `NEWSBRIEF_BLESS=1 cargo test golden` and say why in the commit\n{}",
        differ.join("\n")
    );
}

#[test]
fn citations_link_to_their_sources_and_sources_to_their_pages_in_every_format() {
    let fx = Fixture::repo();
    let url = "https://example.org/world/2022/05/summit?id=7&x=1";
    let first = fx.seeds()[0].clone();
    let text = std::fs::read_to_string(&first).unwrap();
    std::fs::write(&first, format!("{url}\n\n{text}")).unwrap();
    let out = fx.run(&["run", "--quiet"]);
    assert!(out.status.success(), "{}", stderr(&out));

    // Markdown: each citation is a link to an anchor that the sources list defines.
    let md = String::from_utf8(fx.read("out/briefing.md")).unwrap();
    let cited: std::collections::BTreeSet<&str> =
        md.match_indices("](#source-").map(|(i, _)| md[i + 3..].split(')').next().unwrap()).collect();
    assert!(cited.len() >= 3, "few linked citations:\n{md}");
    for anchor in &cited {
        assert!(md.contains(&format!("<a id=\"{anchor}\"></a>")), "no anchor for #{anchor}");
    }
    assert!(
        md.contains(&format!("](<{}>)", url.replace('&', "&amp;"))),
        "the headline is not linked to {url}"
    );

    // HTML: a table of contents, every in-page link resolves, the source links to its page.
    let html = String::from_utf8(fx.read("out/briefing.html")).unwrap();
    assert!(html.contains("<nav class=\"toc\""), "no table of contents");
    for (i, _) in html.match_indices("href=\"#") {
        let id = html[i + 7..].split('"').next().unwrap();
        assert!(html.contains(&format!("id=\"{id}\"")), "`#{id}` leads nowhere");
    }
    // Handlebars escapes `=` and `&` in the attribute; a browser reads them back.
    let attributes = html.replace("&#x3D;", "=").replace("&amp;", "&");
    assert!(attributes.contains(&format!("<a href=\"{url}\">")), "no link to {url}");

    // PDF: citations go to the Sources page, the headline to the URL.
    let doc = lopdf::Document::load_mem(&fx.read("out/briefing.pdf")).unwrap();
    let pages = doc.get_pages();
    let page_ids: std::collections::BTreeSet<lopdf::ObjectId> = pages.values().copied().collect();
    let (mut internal, mut uris) = (0, Vec::new());
    for &page in pages.values() {
        let dict = doc.get_dictionary(page).unwrap();
        let Ok(annots) = dict.get(b"Annots") else { continue };
        let annots = match annots {
            lopdf::Object::Reference(r) => doc.get_object(*r).unwrap().as_array().unwrap().clone(),
            other => other.as_array().unwrap().clone(),
        };
        for a in annots {
            let a = match a {
                lopdf::Object::Reference(r) => doc.get_dictionary(r).unwrap().clone(),
                lopdf::Object::Dictionary(d) => d,
                other => panic!("annotation {other:?}"),
            };
            let action = a.get(b"A").unwrap().as_dict().unwrap();
            match action.get(b"S").unwrap().as_name().unwrap() {
                b"GoTo" => {
                    let dest = action.get(b"D").unwrap().as_array().unwrap();
                    assert!(page_ids.contains(&dest[0].as_reference().unwrap()), "a link to no page");
                    internal += 1;
                }
                b"URI" => uris.push(
                    String::from_utf8_lossy(action.get(b"URI").unwrap().as_str().unwrap()).into_owned(),
                ),
                other => panic!("unexpected action {}", String::from_utf8_lossy(other)),
            }
        }
    }
    assert!(internal >= 10, "only {internal} citation links in the PDF");
    assert_eq!(uris, vec![url.to_string()]);
}

#[test]
fn changes_compare_every_claim_of_the_corpus_not_the_shown_ones() {
    let fx = Fixture::repo();
    let config = std::fs::read_to_string(fx.path("pipeline.toml")).unwrap();
    let with_claims =
        |n: usize| config.replace("[consolidate]\n", &format!("[consolidate]\nmax_claims = {n}\n"));
    let changes = |fx: &Fixture| -> serde_json::Value {
        let json: serde_json::Value = serde_json::from_slice(&fx.read("out/briefing.json")).unwrap();
        json["changes"].clone()
    };
    std::fs::write(fx.path("pipeline.toml"), with_claims(40)).unwrap();
    assert!(fx.run(&["--format", "json", "--quiet"]).status.success());
    let shown_before: serde_json::Value = serde_json::from_slice(&fx.read("out/briefing.json")).unwrap();
    // Fewer claims shown, the same articles: nothing is new and nothing dropped.
    std::fs::write(fx.path("pipeline.toml"), with_claims(3)).unwrap();
    assert!(fx.run(&["--format", "json", "--quiet"]).status.success());
    let c = changes(&fx);
    assert_eq!(c["compared"], true, "{c}");
    assert_eq!(c["dropped_claims"], serde_json::json!([]), "outranked claims reported as dropped: {c}");
    assert_eq!(c["new_claims"], serde_json::json!([]), "{c}");
    // More claims shown again, the same articles: those that come back are not new.
    std::fs::write(fx.path("pipeline.toml"), with_claims(40)).unwrap();
    assert!(fx.run(&["--format", "json", "--quiet"]).status.success());
    let c = changes(&fx);
    assert_eq!(c["new_claims"], serde_json::json!([]), "claims shown again reported as new: {c}");
    // An article removed: the claims only it said are dropped, and only those.
    let claims = shown_before["claims"].as_array().unwrap();
    let single =
        claims.iter().find(|c| c["sources"].as_array().unwrap().len() == 1).expect("a one-source claim");
    let gone_id = single["sources"][0]["article"].as_str().unwrap().to_string();
    let gone = fx.seeds().into_iter().find(|p| p.file_stem().unwrap().to_string_lossy() == gone_id).unwrap();
    std::fs::remove_file(&gone).unwrap();
    std::fs::write(fx.path("pipeline.toml"), with_claims(40)).unwrap();
    assert!(fx.run(&["--format", "json", "--quiet"]).status.success());
    let c = changes(&fx);
    let dropped: Vec<&str> =
        c["dropped_claims"].as_array().unwrap().iter().map(|d| d.as_str().unwrap()).collect();
    let only_in_gone: Vec<&str> = claims
        .iter()
        .filter(|claim| claim["sources"].as_array().unwrap().iter().all(|s| s["article"] == gone_id.as_str()))
        .map(|claim| claim["summary"].as_str().unwrap())
        .collect();
    assert!(dropped.contains(&single["summary"].as_str().unwrap()), "{c}");
    for d in &dropped {
        assert!(only_in_gone.contains(d), "`{d}` is dropped although another article still says it");
    }
}

#[test]
fn an_outlets_update_of_an_earlier_article_is_reported_with_what_it_changed() {
    let fx = Fixture::repo();
    assert!(fx.run(&["--format", "md,json", "--quiet"]).status.success());
    let earlier =
        fx.seeds().into_iter().find(|p| std::fs::read_to_string(p).unwrap().contains("$16 billion")).unwrap();
    let earlier_id = earlier.file_stem().unwrap().to_string_lossy().into_owned();
    let text = std::fs::read_to_string(&earlier).unwrap();
    let updated = text.replacen("$16 billion", "$19 billion", 1)
        + "\n\nThe ministry revised its estimate of the cost of the sanctions on Tuesday.\n";
    std::fs::write(fx.path("seeds/zz-update.txt"), updated).unwrap();
    let out = fx.run(&["--format", "md,json", "--quiet"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&fx.read("out/briefing.json")).unwrap();
    let updates = json["changes"]["updates"].as_array().unwrap();
    assert_eq!(updates.len(), 1, "{updates:?}");
    let u = &updates[0];
    assert_eq!(
        (u["article"].as_str(), u["of"].as_str()),
        (Some("zz-update"), Some(earlier_id.as_str())),
        "{u}"
    );
    let figure = u["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["after"] == "$19 billion")
        .expect("the new figure");
    assert_eq!(figure["before"], "$16 billion");
    assert!(u["added_sentences"].as_u64().unwrap() >= 1 && u["removed_sentences"] == 1, "{u}");
    let md = String::from_utf8(fx.read("out/briefing.md")).unwrap();
    assert!(md.contains("- Update: ") && md.contains("$16 billion → $19 billion"), "{md}");
}
