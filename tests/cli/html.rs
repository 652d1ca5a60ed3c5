//! HTML pages as input: `.html`, `.htm` and `.html.gz` beside the text dumps, through the same
//! pipeline, with what cannot be read named.

use std::io::Write;

use super::*;

/// A page as a news site serves it: menus, the article with a quote, a related box, a footer.
fn page(title: &str, site: &str, body: &[&str]) -> String {
    let paragraphs: String = body.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title} - {site}</title>
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="2022-05-17T09:30:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>{title}</h1>
{paragraphs}</article>
<aside><h3>Most read</h3><ul><li><a href="/x">Ten things to do this weekend</a></li></ul></aside>
<footer>© 2022 {site}. All rights reserved.</footer>
</body></html>
"#
    )
}

#[test]
fn html_pages_are_read_beside_text_pages_and_cited_by_their_lines() {
    let fx = Fixture::repo();
    let summit = page(
        "Leaders meet in Minsk",
        "Harbour Post",
        &[
            "The leaders of the two countries met in Minsk on Tuesday to sign a new agreement on gas prices for the coming winter.",
            "“We will not let our neighbours freeze this winter, whatever the price on the market,” the prime minister told reporters after the meeting.",
            "The agreement fixes the price for three years, officials said, and it takes effect in October.",
        ],
    );
    std::fs::write(fx.path("seeds/summit.html"), &summit).unwrap();
    // The same kind of page, gzipped, and one in Windows-1252 that says so.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(
        page(
            "Grain exports resume",
            "Farm Daily",
            &["Grain exports through the port of Odesa resumed on Monday after a pause of three weeks, the port authority said in a statement."],
        )
        .as_bytes(),
    )
    .unwrap();
    std::fs::write(fx.path("seeds/grain.html.gz"), gz.finish().unwrap()).unwrap();
    let latin = page(
        "Café owners protest",
        "City Voice",
        &["Owners of cafés in the old town protested on Friday against the new rent rules, which they say will close half of them by next year."],
    )
    .replace("charset=\"utf-8\"", "charset=\"windows-1252\"");
    let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(&latin);
    std::fs::write(fx.path("seeds/cafes.htm"), &latin).unwrap();
    // A page no browser would build, and one with no article.
    std::fs::write(fx.path("seeds/deep.html"), "<div>".repeat(2000) + "text").unwrap();
    std::fs::write(fx.path("seeds/menu.html"), "<html><body><nav><a href='/'>Home</a></nav></body></html>")
        .unwrap();

    let out = fx.run(&["run", "--format", "json,corpus", "--no-cache"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&fx.read("out/briefing.json")).unwrap();
    let article = |id: &str| {
        json["articles"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == id)
            .unwrap_or_else(|| panic!("{id} missing"))
    };
    let summit_article = article("summit");
    assert_eq!(summit_article["title"], "Leaders meet in Minsk");
    assert_eq!(summit_article["outlet"], "Harbour Post");
    assert_eq!(summit_article["date"], "2022-05-17");
    assert_eq!(article("grain")["title"], "Grain exports resume");
    assert_eq!(article("cafes")["title"], "Café owners protest");

    // The body, not the menus, and each paragraph at its line of the page.
    let corpus = String::from_utf8(fx.read("out/corpus.jsonl")).unwrap();
    let text: serde_json::Value = corpus
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|a| a["id"] == "summit")
        .expect("the page in corpus.jsonl");
    let paragraphs = text["paragraphs"].as_array().expect("paragraphs");
    let texts: Vec<&str> = paragraphs.iter().map(|p| p["text"].as_str().unwrap()).collect();
    assert!(!texts.iter().any(|t| t.contains("Home") || t.contains("Most read")), "{texts:?}");
    let freeze =
        paragraphs.iter().find(|p| p["text"].as_str().unwrap().contains("freeze")).expect("the quote");
    let line = summit.lines().position(|l| l.contains("freeze")).unwrap() + 1;
    assert_eq!(freeze["lines"], serde_json::json!([line, line]));
    let quote =
        json["quotes"].as_array().unwrap().iter().find(|q| q["article"] == "summit").expect("the quote");
    assert!(quote["text"].as_str().unwrap().contains("freeze this winter"), "{quote}");

    // What could not be used is named with the reason, and the run goes on.
    let said = |path: &str| {
        json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["path"] == path)
            .map(|d| d["message"].to_string())
    };
    assert!(said("seeds/deep.html").is_some_and(|m| m.contains("levels deep")), "{:?}", json["diagnostics"]);
    assert!(
        said("seeds/menu.html").is_some_and(|m| m.contains("no article text")),
        "{:?}",
        json["diagnostics"]
    );
    assert!(said("seeds/cafes.htm").is_some_and(|m| m.contains("windows-1252")), "{:?}", json["diagnostics"]);
}

#[test]
fn the_clean_command_writes_an_html_pages_text_under_its_id() {
    let fx = Fixture::repo();
    let html = page(
        "Storm closes port",
        "Harbour Post",
        &[
            "A winter storm closed the port on Tuesday, stranding 40 ships at anchor off the coast, the port authority said.",
        ],
    );
    std::fs::write(fx.path("storm.html"), html).unwrap();
    let out = fx.run(&["clean", "--out", "cleaned", "storm.html"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(fx.path("cleaned/storm.txt")).unwrap();
    assert!(text.contains("stranding 40 ships") && !text.contains("Home"), "{text}");
}
