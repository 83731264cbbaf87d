//! The report in other formats, built end to end by the binary and read
//! back by independent readers: every number, heading, caption and quote
//! of the page is in the Word file (pandoc) and the PDF (poppler), two
//! builds are byte-identical, and what `report.toml` asks of the writers
//! is checked. A reader that is not installed skips its test with a note.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::Command;

use crate::common::{copy_project, findings, repo, stderr};
use crate::real_shaped::gen;
use scraper::{Html, Selector};

/// A section over the real-shaped study: charts, a table and quotes in
/// Hungarian, Japanese and emoji, and a quote in Arabic.
const SECTION: &str = r#"+++
title = "Eredmények és idézetek"
+++

### Kódok — 主要コード

A résztvevők {share}`participants[stance=válság]` válságot lát.

```{chart} bar
:data: segments
:by: code
:top: 12
:title: A 12 leggyakoribb kód
```

```{table} participants
:by: persona
```

```{quote} s001
```

```{quote} s002
```

> «الثقة في التمويل اللامركزي انهارت بعد الاختراق» 🔥

### Összegzés

Lásd {ref}`fig-codes`.

```{chart} donut
:data: participants
:by: stance
:label: fig-codes
```
"#;

/// The real-shaped study with [`SECTION`], in a temporary folder.
fn real_shaped() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    gen::write(dir.path());
    fs::write(dir.path().join("content/sections/01-results.md"), SECTION).expect("section");
    dir
}

/// Whether `program` runs here.
fn installed(program: &str) -> bool {
    Command::new(program)
        .arg("-v")
        .output()
        .is_ok_and(|o| o.status.success() || !o.stdout.is_empty() || !o.stderr.is_empty())
}

/// Builds `dir` with `--format FORMATS`, failing the test on an error.
fn build(dir: &Path, formats: &str) {
    let out = findings(dir, &["build", "--format", formats]);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// The numbers in `text`: runs of digits with their separators and a
/// trailing `%`, as a reader would copy them.
fn numbers(text: &str) -> BTreeSet<String> {
    let re = regex::Regex::new(r"\d(?:[\d,.]*\d)?%?").unwrap();
    re.find_iter(text).map(|m| m.as_str().to_string()).collect()
}

/// Whitespace folded to single spaces, typographic quotes and dashes kept.
fn folded(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a reader sees on the built page: its visible text (the data
/// tables under charts included), its headings, figure captions and
/// quotes.
struct Page {
    text: String,
    pieces: Vec<String>,
}

fn page(dir: &Path) -> Page {
    let html = fs::read_to_string(dir.join("output/index.html")).expect("the page");
    let doc = Html::parse_document(&html);
    let main = Selector::parse("main").unwrap();
    // Text drawn inside a chart (axis ticks, labels) is a picture in Word
    // and in the data table beside it: what counts is the text around.
    let mut text = String::new();
    for m in doc.select(&main) {
        for node in m.descendants() {
            let Some(t) = node.value().as_text() else {
                continue;
            };
            let in_svg = node
                .ancestors()
                .any(|a| a.value().as_element().is_some_and(|e| e.name() == "svg"));
            if !in_svg {
                text.push_str(t);
                text.push(' ');
            }
        }
    }
    let mut pieces = Vec::new();
    for css in ["main h2", "main h3", "figcaption", "blockquote p"] {
        let sel = Selector::parse(css).unwrap();
        for e in doc.select(&sel) {
            let t = folded(&e.text().collect::<String>());
            // A heading's "#" anchor and a caption's figure number are
            // the page's own furniture.
            let t = t.trim_end_matches(" #").to_string();
            if !t.is_empty() {
                pieces.push(t);
            }
        }
    }
    Page { text, pieces }
}

/// Checks that `other` (another format read back as text) holds every
/// number and every heading, caption and quote of the page.
fn holds_the_page(page: &Page, other: &str, what: &str) {
    let other_numbers = numbers(other);
    let missing: Vec<_> = numbers(&page.text)
        .into_iter()
        .filter(|n| !other_numbers.contains(n))
        .collect();
    assert!(
        missing.is_empty(),
        "{what} lacks numbers of the page: {missing:?}"
    );
    let other = folded(other);
    for piece in &page.pieces {
        // Word wraps and hyphenates nothing in plain text, but a caption's
        // "Figure 3." is a field there: compare the words after it.
        let words = piece
            .split_once(". ")
            .filter(|(head, _)| head.starts_with("Figure"))
            .map_or(piece.as_str(), |(_, rest)| rest);
        // The page's "Illustrative data" badge is a bracketed note there.
        let words = words.strip_prefix("Illustrative data ").unwrap_or(words);
        if words.chars().any(right_to_left) {
            // A reader of a PDF puts the neutral marks around right-to-left
            // text (« », an emoji) where its own bidi guess puts them, and
            // adds direction marks: each word must be there, in order.
            let other: String = other.chars().filter(|c| !bidi_mark(*c)).collect();
            let mut at = 0;
            for word in words
                .split_whitespace()
                .filter(|w| w.chars().any(right_to_left))
            {
                let word = word.trim_matches(|c: char| !right_to_left(c));
                let found = other[at..].find(word);
                assert!(found.is_some(), "{what} lacks {word:?} of {words:?}");
                at += found.unwrap_or(0) + word.len();
            }
            continue;
        }
        assert!(other.contains(words), "{what} lacks {words:?}");
    }
}

/// Whether `c` is a letter of a right-to-left script (Hebrew, Arabic).
fn right_to_left(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Unicode's explicit direction marks and embeddings.
fn bidi_mark(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The one file of `dir/output` with extension `ext`.
fn only(dir: &Path, ext: &str) -> std::path::PathBuf {
    let found: Vec<_> = fs::read_dir(dir.join("output"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    found[0].clone()
}

/// The Word file read back by pandoc.
fn docx_text(path: &Path) -> String {
    let out = Command::new("pandoc")
        .args(["-f", "docx", "-t", "plain", "--wrap=none"])
        .arg(path)
        .output()
        .expect("pandoc runs");
    assert!(out.status.success(), "pandoc: {}", stderr(&out));
    // pandoc's plain text writes a superscript (the page's "†") as ^(†).
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    regex::Regex::new(r"\^\(([^)]*)\)")
        .unwrap()
        .replace_all(&text, "$1")
        .into_owned()
}

#[test]
fn the_word_file_holds_every_number_heading_caption_and_quote_of_the_page() {
    if !installed("pandoc") {
        eprintln!("skipped: pandoc is not installed (apt-get install pandoc)");
        return;
    }
    let example = copy_project(&repo());
    let shaped = real_shaped();
    for dir in [example.path(), shaped.path()] {
        build(dir, "html,docx");
        let docx = only(dir, "docx");
        let page = page(dir);
        assert!(page.pieces.len() > 5, "the page has headings and quotes");
        holds_the_page(&page, &docx_text(&docx), "the Word file");
    }
}

#[test]
fn two_builds_give_the_same_word_file_and_the_page_links_to_it() {
    let dir = copy_project(&repo());
    let name = "output/the-balancer-exploit-response.docx";
    build(dir.path(), "html,docx");
    let first = fs::read(dir.path().join(name)).expect("the docx");
    build(dir.path(), "docx,html");
    assert!(first == fs::read(dir.path().join(name)).unwrap());
    let html = fs::read_to_string(dir.path().join("output/index.html")).unwrap();
    assert!(html.contains("<a href=\"the-balancer-exploit-response.docx\" download>Word</a>"));
    // The page alone links to nothing.
    build(dir.path(), "html");
    let html = fs::read_to_string(dir.path().join("output/index.html")).unwrap();
    assert!(!html.contains(".docx"));
}

/// How many pixels of the Word file's chart pictures are `rgb` exactly.
fn pixels_of(docx: &Path, rgb: [u8; 3]) -> usize {
    let mut zip = zip::ZipArchive::new(fs::File::open(docx).unwrap()).expect("a zip");
    let names: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .collect();
    let mut count = 0;
    for name in names
        .iter()
        .filter(|n| n.starts_with("word/media/") && n.ends_with(".png"))
    {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut zip.by_name(name).unwrap(), &mut bytes).unwrap();
        let mut reader = png::Decoder::new(std::io::Cursor::new(bytes))
            .read_info()
            .expect("a PNG");
        let mut buf = vec![0; reader.output_buffer_size().expect("a size")];
        let info = reader.next_frame(&mut buf).expect("a frame");
        let step = info.color_type.samples();
        count += buf[..info.buffer_size()]
            .chunks(step)
            .filter(|p| p[..3] == rgb)
            .count();
    }
    count
}

#[test]
fn the_word_file_draws_charts_in_the_theme_colours() {
    // The project's theme gives the first series another colour: the
    // charts in Word are drawn in it, and not in the default blue.
    let dir = copy_project(&repo());
    let css_path = dir.path().join("themes/default/charts.css");
    let css = fs::read_to_string(&css_path).expect("the theme's charts.css");
    assert!(css.contains("--chart-1: #0072b2;"));
    fs::write(
        &css_path,
        css.replacen("--chart-1: #0072b2;", "--chart-1: #a01b7c;", 1),
    )
    .unwrap();
    build(dir.path(), "docx");
    let docx = only(dir.path(), "docx");
    assert!(
        pixels_of(&docx, [0xa0, 0x1b, 0x7c]) > 1000,
        "the theme's colour"
    );
    assert_eq!(pixels_of(&docx, [0x00, 0x72, 0xb2]), 0, "the default blue");
}

#[test]
fn formats_come_from_report_toml_and_a_wrong_one_is_refused() {
    let dir = copy_project(&repo());
    let toml = dir.path().join("content/report.toml");
    let text = fs::read_to_string(&toml).unwrap();
    fs::write(
        &toml,
        format!("{text}\n[output]\nformats = [\"html\", \"docx\"]\n"),
    )
    .unwrap();
    let out = findings(dir.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir
        .path()
        .join("output/the-balancer-exploit-response.docx")
        .is_file());

    let out = findings(dir.path(), &["build", "--format", "html,odt"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--format odt"), "{}", stderr(&out));

    fs::write(&toml, format!("{text}\n[output]\nformats = [\"odt\"]\n")).unwrap();
    let out = findings(dir.path(), &["build"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("content/report.toml") && err.contains("odt"),
        "{err}"
    );
}

#[test]
fn a_reference_document_must_be_a_word_file_inside_the_project() {
    let dir = copy_project(&repo());
    let toml = dir.path().join("content/report.toml");
    let text = fs::read_to_string(&toml).unwrap();
    for (reference, says) in [
        ("../outside.docx", "not a path inside the project"),
        ("/etc/passwd", "not a path inside the project"),
        ("missing.docx", "missing.docx"),
        ("content/report.toml", "report.toml"),
    ] {
        fs::write(
            &toml,
            format!("{text}\n[docx]\nreference = \"{reference}\"\n"),
        )
        .unwrap();
        let before = fs::read_dir(dir.path().join("output"))
            .map(|d| d.count())
            .ok();
        let out = findings(dir.path(), &["build", "--format", "docx"]);
        assert!(!out.status.success(), "{reference} was accepted");
        let err = stderr(&out);
        assert!(err.contains(says), "{reference}: {err}");
        assert!(err.contains("help"), "{reference}: {err}");
        let after = fs::read_dir(dir.path().join("output"))
            .map(|d| d.count())
            .ok();
        assert_eq!(before, after, "a failed build wrote nothing");
    }
}

#[test]
fn libreoffice_opens_the_word_file() {
    if !installed("soffice") {
        eprintln!(
            "skipped: LibreOffice is not installed (apt-get install libreoffice-writer-nogui)"
        );
        return;
    }
    let dir = copy_project(&repo());
    build(dir.path(), "docx");
    let converted = tempfile::tempdir().unwrap();
    let out = Command::new("soffice")
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(converted.path())
        .arg(dir.path().join("output/the-balancer-exploit-response.docx"))
        .env("HOME", converted.path())
        .output()
        .expect("soffice runs");
    assert!(out.status.success(), "{}", stderr(&out));
    let pdf = converted.path().join("the-balancer-exploit-response.pdf");
    let bytes = fs::read(&pdf).expect("LibreOffice wrote a PDF");
    assert!(
        bytes.starts_with(b"%PDF") && bytes.len() > 100_000,
        "{}",
        bytes.len()
    );
}

/// The PDF read back by poppler's pdftotext.
fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext: {}", stderr(&out));
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn the_pdf_holds_every_number_heading_caption_and_quote_of_the_page() {
    let example = copy_project(&repo());
    pdf_holds_the_page(example.path());
}

#[test]
fn the_pdf_of_the_real_shaped_study_holds_the_page() {
    let shaped = real_shaped();
    pdf_holds_the_page(shaped.path());
}

/// Code names as researchers write them: an emoji with its variation
/// selector, a joined emoji, a keycap, a skin tone, a flag, a decomposed
/// accent, Arabic, and a "fi" that fonts draw as one glyph.
const HOSTILE_LABELS: [&str; 8] = [
    "⚠\u{FE0F} figyelem offline",
    "👩\u{200D}💻 fejlesztő",
    "1\u{FE0F}\u{20E3} első kör",
    "👍\u{1F3FD} jó válasz",
    "🇭🇺 magyar piac",
    "a\u{301}rva e\u{301}s 信頼",
    "الثقة في التمويل",
    "fi\u{200C}nal 🔒 信頼の開発者",
];

#[test]
fn a_table_too_wide_for_the_page_comes_in_parts_in_word() {
    if !installed("pandoc") {
        eprintln!("skipped: pandoc is not installed (apt-get install pandoc)");
        return;
    }
    let dir = real_shaped();
    fs::write(
        dir.path().join("content/sections/02-every-code.md"),
        EVERY_CODE,
    )
    .unwrap();
    build(dir.path(), "docx");
    let text = folded(&docx_text(&only(dir.path(), "docx")));
    assert!(
        text.contains("(continued: columns 9 to 15 of 21)"),
        "no parts"
    );
    assert!(
        text.contains("(continued: columns 16 to 21 of 21)"),
        "no last part"
    );
}

/// A section with a chart of every code and a co-occurrence matrix of 20
/// codes, whose data table is 21 columns wide.
const EVERY_CODE: &str = "+++\ntitle = \"Every code\"\n+++\n\n```{chart} bar\n:data: segments\n:by: code\n:title: Every code\n```\n\n```{chart} heatmap\n:data: segments\n:top: 20\n```\n";

#[test]
fn chart_labels_in_any_script_keep_the_pdf_accessible() {
    if !installed("pdftotext") {
        eprintln!("skipped: poppler is not installed (apt-get install poppler-utils)");
        return;
    }
    let dir = real_shaped();
    let path = dir.path().join("content/data/codebook.json");
    let mut codebook: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    // The labels go to codes that are on segments, so that the chart
    // draws them.
    let segments = fs::read_to_string(dir.path().join("content/data/segments.json")).unwrap();
    let codes = codebook.as_array_mut().expect("a list of codes");
    let used = codes.iter_mut().filter(|c| {
        let id = c["id"].as_str().unwrap_or_default();
        segments.contains(&format!("\"{id}\""))
    });
    for (code, label) in used.zip(HOSTILE_LABELS) {
        code["label"] = serde_json::Value::from(label);
    }
    fs::write(&path, serde_json::to_string(&codebook).unwrap()).unwrap();
    fs::write(
        dir.path().join("content/sections/02-every-code.md"),
        EVERY_CODE,
    )
    .unwrap();
    let out = findings(dir.path(), &["build", "--format", "pdf"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("not PDF/UA"), "{}", stderr(&out));
    // 180-odd bars do not fit a page at a readable size: the chart is
    // shrunk onto one, and the writer says so.
    assert!(
        stderr(&out).contains("is too tall for a page"),
        "{}",
        stderr(&out)
    );
    let pdf = only(dir.path(), "pdf");
    let bytes = fs::read(&pdf).unwrap();
    assert!(
        bytes.windows(12).any(|w| w == b"pdfuaid:part"),
        "no PDF/UA identification"
    );
    // The chart's text is text: every label's words are in it, the
    // decomposed accents composed.
    let text = folded(&pdf_text(&pdf));
    // The matrix's table, 21 columns wide, in parts of 8 columns.
    assert!(
        text.contains("(continued: columns 9 to 15 of 21)"),
        "no parts"
    );
    assert!(text.contains("(continued: columns 16 to 21 of 21)"));
    for words in [
        "figyelem",
        "fejlesztő",
        "első kör",
        "jó válasz",
        "magyar piac",
        "árva és",
        "信頼の開発者",
    ] {
        let last = words.split_whitespace().last().unwrap_or(words);
        let around: Vec<String> = text
            .match_indices(last)
            .map(|(at, _)| {
                let from = (0..=at.saturating_sub(40))
                    .rev()
                    .find(|i| text.is_char_boundary(*i))
                    .unwrap_or(0);
                text[from..].chars().take(60).collect()
            })
            .collect();
        assert!(text.contains(words), "the PDF lacks {words:?}: {around:?}");
    }
}

fn pdf_holds_the_page(dir: &Path) {
    if !installed("pdftotext") {
        eprintln!("skipped: poppler is not installed (apt-get install poppler-utils)");
        return;
    }
    {
        build(dir, "html,pdf");
        let pdf = only(dir, "pdf");
        let page = page(dir);
        holds_the_page(&page, &pdf_text(&pdf), "the PDF");
        let info = Command::new("pdfinfo").arg(&pdf).output().expect("pdfinfo");
        let info = String::from_utf8_lossy(&info.stdout).into_owned();
        assert!(info.contains("Tagged:          yes"), "{info}");
        let bytes = fs::read(&pdf).unwrap();
        let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
        assert!(has(b"pdfuaid:part"), "no PDF/UA identification");
    }
}

#[test]
fn verify_reads_the_manifest_a_pdf_carries() {
    let dir = copy_project(&repo());
    let pdf = "output/the-balancer-exploit-response.pdf";
    build(dir.path(), "html,pdf");
    let out = findings(dir.path(), &["verify", pdf]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        said.contains("matches its data") && said.contains("the same PDF"),
        "{said}"
    );

    // A data file changed since: named, exit 1.
    let data = dir.path().join("content/data/participants.json");
    let text = fs::read_to_string(&data).unwrap();
    fs::write(
        &data,
        text.replacen("deeper-crisis", "bear-market-classic", 1),
    )
    .unwrap();
    let out = findings(dir.path(), &["verify", pdf]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        said.contains("changed  content/data/participants.json"),
        "{said}"
    );
    fs::write(&data, text).unwrap();

    // The same inputs, but the PDF edited after it was built.
    let path = dir.path().join(pdf);
    let mut bytes = fs::read(&path).unwrap();
    bytes.extend_from_slice(b"\n% edited\n");
    fs::write(&path, &bytes).unwrap();
    let out = findings(dir.path(), &["verify", pdf]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("edited after it was built"));

    // Not a PDF at all: exit 2, and why.
    fs::write(dir.path().join("output/other.pdf"), b"%PDF-1.7 not really").unwrap();
    let out = findings(dir.path(), &["verify", "output/other.pdf"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("PDF"), "{}", stderr(&out));
}

#[test]
fn two_builds_give_the_same_pdf_and_the_page_links_to_it() {
    let dir = copy_project(&repo());
    let name = "output/the-balancer-exploit-response.pdf";
    build(dir.path(), "html,pdf");
    let first = fs::read(dir.path().join(name)).expect("the pdf");
    build(dir.path(), "pdf,html");
    assert!(first == fs::read(dir.path().join(name)).unwrap());
    let html = fs::read_to_string(dir.path().join("output/index.html")).unwrap();
    assert!(html.contains("<a href=\"the-balancer-exploit-response.pdf\" download>PDF</a>"));
}

#[test]
fn a_figure_without_alternative_text_is_an_error_at_its_line() {
    let dir = copy_project(&repo());
    let section = dir.path().join("content/sections/99-figure.md");
    fs::write(
        &section,
        "+++\ntitle = \"A figure\"\n+++\n\nText.\n\n```{figure} framework.svg\n:alt:\nThe framework.\n```\n",
    )
    .unwrap();
    let out = findings(dir.path(), &["build", "--format", "html,pdf"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("empty `:alt:`"), "{err}");
    // At the empty option itself.
    assert!(err.contains("content/sections/99-figure.md:8"), "{err}");
}
