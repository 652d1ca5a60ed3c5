//! `briefing.pdf`: A4, laid out by hand on printpdf's low-level operations (printpdf does no
//! wrapping): Noto Sans embedded (covers curly quotes, guillemets, dashes, Cyrillic), headings
//! with outline bookmarks, wrapped paragraphs, bordered tables, "Page n of N" footers and the
//! title in the document metadata. Citations ("[1, 3]") are links to their source in the
//! Sources section, and a source's headline links to its page's address when the article gives
//! one. The PDF engine stays behind this one module.

use anyhow::{Result, anyhow};
use std::collections::BTreeMap;
use std::sync::LazyLock;

use printpdf::{
    Actions, BorderArray, Color, ColorArray, Destination, FontId, LinkAnnotation, Mm, OffsetDateTime, Op,
    PaintMode, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect, Rgb,
    TextItem,
};
use regex::Regex;

use super::ReportView;
use super::view::ClaimView;
use crate::model::Day;

const PAGE_W: f32 = 595.276;
const PAGE_H: f32 = 841.89;
const MARGIN: f32 = 56.7;
const FOOTER_Y: f32 = 28.0;
const BODY: f32 = 10.0;

struct Face {
    metrics: ttf_parser::Face<'static>,
    id: FontId,
}

impl Face {
    fn load(doc: &mut PdfDocument, bytes: &'static [u8]) -> Result<Face> {
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut warnings)
            .ok_or_else(|| anyhow!("cannot parse the embedded font"))?;
        let id = doc.add_font(&parsed);
        let metrics =
            ttf_parser::Face::parse(bytes, 0).map_err(|e| anyhow!("cannot read the embedded font: {e}"))?;
        Ok(Face { metrics, id })
    }

    /// Advance width in pt (printpdf does no kerning either).
    fn width(&self, text: &str, size: f32) -> f32 {
        let upm = f32::from(self.metrics.units_per_em());
        let units: f32 = text
            .chars()
            .map(|c| {
                let gid = self.metrics.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
                f32::from(self.metrics.glyph_hor_advance(gid).unwrap_or(0))
            })
            .sum();
        units * size / upm
    }

    /// Characters the font lacks become "?", never an invisible box.
    fn printable(&self, text: &str) -> String {
        text.chars()
            .map(|c| if c == ' ' || self.metrics.glyph_index(c).is_some() { c } else { '?' })
            .collect()
    }
}

/// Greedy word wrap by measured width; a word wider than the line is cut by characters.
fn wrap(face: &Face, text: &str, size: f32, max_w: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        let candidate = if cur.is_empty() { word.to_string() } else { format!("{cur} {word}") };
        if face.width(&candidate, size) <= max_w {
            cur = candidate;
            continue;
        }
        if !cur.is_empty() {
            lines.push(std::mem::take(&mut cur));
        }
        if face.width(word, size) <= max_w {
            cur = word.to_string();
        } else {
            for ch in word.chars() {
                let mut t = cur.clone();
                t.push(ch);
                if face.width(&t, size) > max_w && !cur.is_empty() {
                    lines.push(std::mem::take(&mut cur));
                }
                cur.push(ch);
            }
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// A citation as drawn: `[` numbers separated by commas, an optional ` +more`, `]`.
static CITATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[(\d+(?:, \d+)*)(?: \+\d+)?\]").expect("a valid pattern"));

/// Where a link goes.
enum Target {
    /// The entry of source `n` in the Sources section.
    Source(usize),
    /// A web address.
    Uri(String),
}

/// A clickable area: its page (0-based), its rectangle and its target.
struct Link {
    page: usize,
    rect: Rect,
    target: Target,
}

struct Layout<'a> {
    regular: &'a Face,
    bold: &'a Face,
    pages: Vec<Vec<Op>>,
    y: f32,
    bookmarks: Vec<(String, usize)>,
    /// How many sources are numbered: a bracketed number above it is not a citation.
    sources: usize,
    links: Vec<Link>,
    /// Where each source's entry starts: its page (1-based) and the top of its first line.
    anchors: BTreeMap<usize, (usize, f32)>,
}

impl<'a> Layout<'a> {
    fn new(regular: &'a Face, bold: &'a Face, sources: usize) -> Self {
        Layout {
            regular,
            bold,
            pages: vec![Vec::new()],
            y: PAGE_H - MARGIN,
            bookmarks: Vec::new(),
            sources,
            links: Vec::new(),
            anchors: BTreeMap::new(),
        }
    }

    /// Draws one line of text and makes each citation number in it a link to its source.
    fn line(&mut self, face: &Face, size: f32, x: f32, baseline: f32, s: &str) {
        Self::text_at(self.ops(), face, size, x, baseline, s);
        let page = self.pages.len() - 1;
        for m in CITATION.captures_iter(s) {
            let numbers = m.get(1).expect("the pattern has a group");
            let mut at = numbers.start();
            for number in numbers.as_str().split(", ") {
                let n: usize = number.parse().unwrap_or(0);
                if (1..=self.sources).contains(&n) {
                    let left = x + face.width(&s[..at], size);
                    let rect = Rect::from_xywh(
                        Pt(left - 1.0),
                        Pt(baseline - size * 0.25),
                        Pt(face.width(number, size) + 2.0),
                        Pt(size * 1.1),
                    );
                    self.links.push(Link { page, rect, target: Target::Source(n) });
                }
                at += number.len() + 2;
            }
        }
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        self.pages.last_mut().expect("a page")
    }

    fn ensure(&mut self, needed: f32) {
        if self.y - needed < MARGIN {
            self.pages.push(Vec::new());
            self.y = PAGE_H - MARGIN;
        }
    }

    fn text_at(ops: &mut Vec<Op>, face: &Face, size: f32, x: f32, y: f32, s: &str) {
        ops.extend([
            Op::StartTextSection,
            Op::SetFont { font: PdfFontHandle::External(face.id.clone()), size: Pt(size) },
            Op::SetTextCursor { pos: Point { x: Pt(x), y: Pt(y) } },
            Op::ShowText { items: vec![TextItem::Text(face.printable(s))] },
            Op::EndTextSection,
        ]);
    }

    /// A heading; it keeps at least `keep_with` pt of what follows on its page (no widows).
    fn heading(&mut self, s: &str, size: f32, keep_with: f32) {
        self.ensure(size * 2.2 + keep_with);
        self.y -= size * 0.8;
        self.bookmarks.push((s.to_string(), self.pages.len()));
        let (face, y) = (self.bold, self.y - size);
        Self::text_at(self.ops(), face, size, MARGIN, y, s);
        self.y -= size * 1.5;
    }

    fn paragraph_with(&mut self, face_bold: bool, s: &str, size: f32, indent: f32) {
        let leading = size * 1.35;
        let face = if face_bold { self.bold } else { self.regular };
        for line in wrap(face, s, size, PAGE_W - 2.0 * MARGIN - indent) {
            self.ensure(leading);
            self.y -= leading;
            let y = self.y;
            self.line(face, size, MARGIN + indent, y, &line);
        }
        self.y -= size * 0.5;
    }

    /// Source `n`'s entry: the target of its citations, its first line a link to `url`.
    fn source_entry(&mut self, n: usize, s: &str, url: Option<&str>) {
        let leading = BODY * 1.35;
        self.ensure(leading);
        self.anchors.insert(n, (self.pages.len(), self.y));
        if let (Some(url), Some(first)) = (url, wrap(self.regular, s, BODY, PAGE_W - 2.0 * MARGIN).first()) {
            let rect = Rect::from_xywh(
                Pt(MARGIN),
                Pt(self.y - leading - BODY * 0.3),
                Pt(self.regular.width(first, BODY)),
                Pt(leading),
            );
            self.links.push(Link { page: self.pages.len() - 1, rect, target: Target::Uri(url.to_string()) });
        }
        self.paragraph(s);
    }

    fn paragraph(&mut self, s: &str) {
        self.paragraph_with(false, s, BODY, 0.0);
    }

    fn bullet(&mut self, s: &str) {
        let leading = BODY * 1.35;
        self.ensure(leading);
        let y = self.y - leading;
        let face = self.regular;
        Self::text_at(self.ops(), face, BODY, MARGIN + 2.0, y, "•");
        self.paragraph_with(false, s, BODY, 12.0);
    }

    fn table(&mut self, header: &[&str], rows: &[Vec<String>], widths: &[f32], size: f32) {
        let pad = 3.5;
        let leading = size * 1.3;
        let total: f32 = widths.iter().sum();
        let scale = (PAGE_W - 2.0 * MARGIN) / total;
        let col_w: Vec<f32> = widths.iter().map(|w| w * scale).collect();
        let head: Vec<String> = header.iter().map(|s| s.to_string()).collect();
        let draw_row = |layout: &mut Self, cells: &[String], is_header: bool| {
            let face = if is_header { layout.bold } else { layout.regular };
            let wrapped: Vec<Vec<String>> =
                cells.iter().zip(&col_w).map(|(c, w)| wrap(face, c, size, w - 2.0 * pad)).collect();
            let n = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let row_h = n as f32 * leading + 2.0 * pad;
            let new_page = layout.y - row_h < MARGIN;
            layout.ensure(row_h);
            let top = layout.y;
            let ops = layout.ops();
            if is_header {
                ops.push(Op::SetFillColor { col: Color::Rgb(Rgb::new(0.9, 0.91, 0.94, None)) });
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        mode: Some(PaintMode::Fill),
                        ..Rect::from_xywh(Pt(MARGIN), Pt(top - row_h), Pt(col_w.iter().sum()), Pt(row_h))
                    },
                });
                ops.push(Op::SetFillColor { col: Color::Rgb(Rgb::new(0.0, 0.0, 0.0, None)) });
            }
            ops.push(Op::SetOutlineColor { col: Color::Rgb(Rgb::new(0.6, 0.6, 0.65, None)) });
            ops.push(Op::SetOutlineThickness { pt: Pt(0.4) });
            let mut x = MARGIN;
            for w in &col_w {
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        mode: Some(PaintMode::Stroke),
                        ..Rect::from_xywh(Pt(x), Pt(top - row_h), Pt(*w), Pt(row_h))
                    },
                });
                x += w;
            }
            let mut x = MARGIN;
            for (lines, w) in wrapped.iter().zip(&col_w) {
                for (i, l) in lines.iter().enumerate() {
                    let baseline = top - pad - (i as f32 + 1.0) * leading + size * 0.3;
                    layout.line(face, size, x + pad, baseline, l);
                }
                x += w;
            }
            layout.y -= row_h;
            new_page
        };
        draw_row(self, &head, true);
        for row in rows {
            // A table that breaks over a page repeats its header.
            if self.y - leading * 2.0 - 2.0 * pad < MARGIN {
                self.ensure(PAGE_H);
                draw_row(self, &head, true);
            }
            draw_row(self, row, false);
        }
        self.y -= size;
    }

    fn finish(mut self, doc: &mut PdfDocument) {
        let total = self.pages.len();
        for (i, ops) in self.pages.iter_mut().enumerate() {
            let s = format!("Page {} of {}", i + 1, total);
            let w = self.regular.width(&s, 8.5);
            Self::text_at(ops, self.regular, 8.5, (PAGE_W - w) / 2.0, FOOTER_Y, &s);
        }
        for (name, page) in &self.bookmarks {
            doc.add_bookmark(name, *page);
        }
        for link in std::mem::take(&mut self.links) {
            let action = match link.target {
                Target::Source(n) => match self.anchors.get(&n) {
                    Some(&(page, top)) => {
                        Actions::Goto(Destination::Xyz { page, left: None, top: Some(top), zoom: None })
                    }
                    None => continue,
                },
                Target::Uri(uri) => Actions::Uri(uri),
            };
            let annotation = LinkAnnotation::new(
                link.rect,
                action,
                Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                Some(ColorArray::Transparent),
                None,
            );
            self.pages[link.page].push(Op::LinkAnnotation { link: annotation });
        }
        let pages = self
            .pages
            .into_iter()
            .map(|ops| PdfPage::new(Mm::from(Pt(PAGE_W)), Mm::from(Pt(PAGE_H)), ops))
            .collect();
        doc.with_pages(pages);
    }
}

/// The document date: `SOURCE_DATE_EPOCH` when set (reproducible builds), else the newest
/// article's date, else the epoch: never the clock, so that two runs give the same bytes.
fn document_date(newest: Option<Day>) -> OffsetDateTime {
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .or_else(|| Some(newest?.to_date()?.midnight().assume_utc().unix_timestamp()))
        .unwrap_or(0);
    OffsetDateTime::from_unix_timestamp(secs)
        .or_else(|_| OffsetDateTime::from_unix_timestamp(0))
        .expect("the epoch is a valid date")
}

/// The note under a section that shows only part of its list: `what` is the noun, `then`
/// what follows it ("More in briefing.json: 1 file with problems.").
fn more(l: &mut Layout<'_>, n: usize, what: &str, then: &str) {
    if n > 0 {
        l.paragraph(&format!("More in briefing.json: {}{then}.", super::count(n as u64, what, None)));
    }
}

/// Lays out the briefing and returns the PDF bytes.
pub(crate) fn render(view: &ReportView) -> Result<Vec<u8>> {
    let mut doc = PdfDocument::new(&view.title);
    doc.metadata.info.creation_date = document_date(view.newest);
    doc.metadata.info.modification_date = document_date(view.newest);
    doc.metadata.info.producer = "newsbrief".into();
    let regular = Face::load(&mut doc, notosans::REGULAR_TTF)?;
    let bold = Face::load(&mut doc, notosans::BOLD_TTF)?;
    let mut l = Layout::new(&regular, &bold, view.sources.len());

    l.heading(&view.title, 20.0, 40.0);
    let c = &view.counts;
    let counted = |n: usize, what: &str| super::count(n as u64, what, None);
    let mut header = format!(
        "{} ({} merged) · {} · {} · {}",
        counted(c.articles, "article"),
        counted(c.duplicates, "duplicate"),
        counted(c.actors, "actor"),
        counted(c.claims, "claim"),
        counted(c.quotes, "quote")
    );
    if let Some(span) = &view.date_span {
        header = format!("Sources dated {span} · {header}");
    }
    l.paragraph(&header);

    l.heading("Key judgments", 14.0, 30.0);
    if view.key_judgments.is_empty() {
        l.paragraph("No claim is carried by the sources strongly enough to lead.");
    }
    for k in &view.key_judgments {
        let story = if k.story.is_empty() { String::new() } else { format!("{}: ", k.story) };
        l.bullet(&format!("{story}{} — {} {}", k.summary, k.sources_label, k.cite_label));
    }

    l.heading("Since the last run", 14.0, 30.0);
    let ch = &view.changes;
    if ch.compared {
        l.paragraph(&ch.summary);
        let lists: [(&str, &[String]); 6] = [
            ("Article", &ch.articles),
            ("Removed article", &ch.removed),
            ("New claim", &ch.new_claims),
            ("Dropped claim", &ch.dropped_claims),
            ("Figure changed", &ch.figures),
            ("Update", &ch.updates),
        ];
        for (what, items) in lists {
            for item in items {
                l.bullet(&format!("{what}: {item}"));
            }
        }
    } else {
        l.paragraph("First briefing in this output folder: nothing to compare with yet.");
    }

    l.heading("Stories", 14.0, 30.0);
    let claim = |l: &mut Layout<'_>, k: &ClaimView| {
        let who =
            if k.attributed.is_empty() { String::new() } else { format!(" Attributed to {}.", k.attributed) };
        l.bullet(&format!("{} — {} {}.{who}", k.summary, k.sources_label, k.cite_label));
    };
    if view.stories.is_empty() {
        view.claims.iter().for_each(|k| claim(&mut l, k));
    }
    for s in &view.stories {
        l.paragraph_with(true, &s.label, BODY, 0.0);
        let summary: Vec<String> =
            s.summary.iter().map(|k| format!("{} {}", k.summary, k.cite_label)).collect();
        l.paragraph(&format!("{}. {}", s.articles_label, summary.join(" ")));
        s.claims.iter().for_each(|k| claim(&mut l, k));
    }

    l.heading("Where sources disagree", 14.0, 30.0);
    if view.contradictions.is_empty() {
        l.paragraph("No conflicting figures were found between sources.");
    }
    for c in &view.contradictions {
        l.paragraph_with(true, &format!("{}: {}", c.label, c.about), BODY, 0.0);
        let rows: Vec<Vec<String>> = c
            .values
            .iter()
            .map(|v| vec![v.value.clone(), v.date.clone(), format!("{} [{}]", v.text, v.cite.n)])
            .collect();
        l.table(&["Value", "Date", "Source sentence"], &rows, &[90.0, 80.0, 310.0], 8.5);
        if c.more_values > 0 {
            l.paragraph(&format!("and {} more values.", c.more_values));
        }
    }
    more(&mut l, view.unlisted.contradictions, "disagreement", "");

    l.heading("Actors", 14.0, 40.0);
    let rows: Vec<Vec<String>> = view
        .actors
        .iter()
        .map(|a| {
            vec![
                a.name.clone(),
                a.kind.clone(),
                a.roles.clone(),
                a.aliases.clone(),
                a.mentions.to_string(),
                a.cite_label.clone(),
            ]
        })
        .collect();
    l.table(
        &["Name", "Kind", "Roles", "Aliases", "Mentions", "Sources"],
        &rows,
        &[100.0, 68.0, 115.0, 115.0, 55.0, 62.0],
        8.5,
    );
    more(&mut l, view.unlisted.actors, "actor", "");

    l.heading("Quotes", 14.0, 30.0);
    for q in &view.quotes {
        let text = if q.partial { q.text.clone() } else { format!("“{}”", q.text) };
        l.bullet(&format!("{}{}: {text} [{}]", q.speaker, q.about, q.cite.n));
    }
    more(&mut l, view.unlisted.quotes, "quote", "");

    l.heading("Figures", 14.0, 40.0);
    let rows: Vec<Vec<String>> = view
        .figures
        .iter()
        .map(|f| vec![f.value.clone(), f.about.clone(), format!("[{}]", f.cite.n)])
        .collect();
    l.table(&["Value", "What it measures", "Source"], &rows, &[120.0, 300.0, 60.0], 8.5);
    more(&mut l, view.unlisted.figures, "figure", "");

    l.heading("Timeline", 14.0, 40.0);
    let rows: Vec<Vec<String>> =
        view.timeline.iter().map(|t| vec![t.date.clone(), timeline_text(t), t.cite_label.clone()]).collect();
    l.table(&["Date", "Event", "Sources"], &rows, &[90.0, 330.0, 60.0], 8.5);

    l.heading("Sources", 14.0, 30.0);
    for s in &view.sources {
        let mut line = format!("[{}] {}", s.n, s.title);
        for part in [&s.publisher, &s.author, &s.date].into_iter().flatten() {
            line.push_str(" · ");
            line.push_str(part);
        }
        line.push_str(&format!(" · {}", s.path));
        if !s.copies.is_empty() {
            line.push_str(&format!(" · also carried as {}", s.copies.join(", ")));
        }
        if s.more_copies > 0 {
            line.push_str(&format!(" · and {} more copies", s.more_copies));
        }
        l.source_entry(s.n, &line, s.url.as_deref());
    }
    more(&mut l, view.unlisted.sources, "source", " cited nowhere above");

    l.heading("Appendix: cleaning and dedup", 14.0, 40.0);
    let rows: Vec<Vec<String>> = view
        .appendix
        .iter()
        .map(|a| {
            vec![
                a.path.clone(),
                a.kept.to_string(),
                format!("{} ({})", a.removed_count, a.removed),
                a.dedup.clone(),
            ]
        })
        .collect();
    l.table(&["File", "Kept", "Removed", "Dedup"], &rows, &[150.0, 40.0, 190.0, 100.0], 8.0);
    if !view.diagnostics.is_empty() {
        l.paragraph_with(true, "Files with problems", BODY, 0.0);
        for d in &view.diagnostics {
            l.bullet(d);
        }
        more(&mut l, view.unlisted.diagnostics, "file", " with problems");
    }

    l.finish(&mut doc);
    let mut warnings = Vec::new();
    Ok(doc.save(&PdfSaveOptions::default(), &mut warnings))
}

/// A timeline row's text as the PDF shows it: its story when there are several, and
/// "Background:" before what happened long before the story.
fn timeline_text(t: &super::view::TimelineView) -> String {
    let story = if t.story.is_empty() { String::new() } else { format!("{}: ", t.story) };
    let background = if t.background { "Background: " } else { "" };
    format!("{story}{background}{}", t.text)
}
