//! Writes a synthetic but valid `findings` project for benchmarks:
//!
//! ```text
//! cargo run --release --example gen_corpus -- \
//!     --sections 100 --segments 10000 --participants 200 --points 1000 --out /tmp/corpus
//! ```
//!
//! N sections of about 4 KB of Markdown (headings, paragraphs, lists, a
//! table, quotes of real segments, inline roles, a chart every tenth
//! section), M coded segments over P participants, a codebook of 20 codes
//! with parents, and two series of T points. The output depends only on the
//! arguments: a fixed-seed PRNG is written inline so runs compare exactly.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use findings::model::date::Date;

/// splitmix64: tiny, fast, and good enough to make text look varied.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The size of a corpus and where to write it.
pub struct Args {
    /// Section files.
    pub sections: usize,
    /// Coded segments.
    pub segments: usize,
    /// Participants the segments are spread over (at least 1).
    pub participants: usize,
    /// Points of each of the two series.
    pub points: usize,
    /// The project folder to write.
    pub out: PathBuf,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        sections: 100,
        segments: 10_000,
        participants: 200,
        points: 1_000,
        out: PathBuf::from("corpus"),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let number = || {
            value
                .replace('_', "")
                .parse::<usize>()
                .map_err(|e| format!("{flag} {value}: {e}"))
        };
        match flag.as_str() {
            "--sections" => a.sections = number()?,
            "--segments" => a.segments = number()?,
            "--participants" => a.participants = number()?,
            "--points" => a.points = number()?,
            "--out" => a.out = PathBuf::from(&value),
            other => return Err(format!("unknown flag {other}")),
        }
    }
    Ok(a)
}

const WORDS: [&str; 48] = [
    "protocol",
    "risk",
    "audit",
    "trust",
    "liquidity",
    "exploit",
    "users",
    "market",
    "code",
    "security",
    "community",
    "yield",
    "governance",
    "response",
    "incident",
    "funds",
    "recovery",
    "team",
    "contract",
    "bridge",
    "wallet",
    "exposure",
    "loss",
    "signal",
    "narrative",
    "crisis",
    "cycle",
    "trader",
    "builder",
    "holder",
    "review",
    "insurance",
    "upgrade",
    "oracle",
    "pool",
    "price",
    "volume",
    "sentiment",
    "fear",
    "confidence",
    "diversify",
    "position",
    "strategy",
    "timeline",
    "evidence",
    "pattern",
    "theme",
    "report",
];
const STANCES: [&str; 3] = ["a", "b", "c"];
const PERSONAS: [&str; 5] = ["Builder", "Trader", "Holder", "Journalist", "Researcher"];
const ROLES: [&str; 6] = [
    "Software Engineer",
    "DeFi Trader",
    "Security Auditor",
    "Product Manager",
    "Tech Journalist",
    "Fund Analyst",
];
const CODES: usize = 20;
/// Codes 0–4 are themes; every other code refines one of them.
const THEMES: usize = 5;

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        let w = rng.pick(&WORDS);
        if i == 0 {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                s.extend(f.to_uppercase());
                s.push_str(c.as_str());
            }
        } else {
            s.push(' ');
            s.push_str(w);
        }
    }
    s.push('.');
    s
}

/// JSON string literal; generated text needs no escapes beyond quotes.
fn q(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn date(day: usize) -> String {
    // Day 0 is 2000-01-01 (10,957 days after the epoch).
    Date(10_957 + day as i32).to_string()
}

fn participants(rng: &mut Rng, n: usize) -> String {
    let mut out = String::from("[\n");
    for i in 0..n {
        let sep = if i + 1 < n { "," } else { "" };
        writeln!(
            out,
            "  {{\"id\": \"p-{i}\", \"alias\": \"Participant {i}\", \"role\": {}, \"persona\": {}, \"attributes\": {{\"stance\": {}, \"risk\": {}}}}}{sep}",
            q(rng.pick(&ROLES)),
            q(rng.pick(&PERSONAS)),
            q(STANCES[i % STANCES.len()]),
            q(rng.pick(&["low", "moderate", "high"])),
        )
        .unwrap();
    }
    out.push(']');
    out
}

fn codebook(rng: &mut Rng) -> String {
    let mut out = String::from("[\n");
    for i in 0..CODES {
        let parent = if i < THEMES {
            String::new()
        } else {
            format!(", \"parent\": \"c{}\"", i % THEMES)
        };
        let sep = if i + 1 < CODES { "," } else { "" };
        writeln!(
            out,
            "  {{\"id\": \"c{i}\", \"label\": \"Code {i}: {}\", \"description\": {}{parent}}}{sep}",
            rng.pick(&WORDS),
            q(&sentence(rng, 10)),
        )
        .unwrap();
    }
    out.push(']');
    out
}

fn sources() -> String {
    r#"[
  {"id": "interviews", "kind": "interviews", "title": "Interviews", "description": "Semi-structured interviews."},
  {"id": "social", "kind": "social", "title": "Social media", "description": "Public posts."},
  {"id": "documents", "kind": "documents", "title": "Documents", "description": "Post-mortems and reports."}
]"#
    .to_string()
}

fn segments(rng: &mut Rng, m: usize, p: usize) -> String {
    let mut out = String::with_capacity(m * 260);
    out.push_str("[\n");
    for i in 0..m {
        let participant = rng.below(p);
        let source = rng.pick(&["interviews", "social", "documents"]);
        let words = 12 + rng.below(20);
        let text = sentence(rng, words);
        let n = 1 + rng.below(3);
        let codes: Vec<String> = (0..n)
            .map(|_| format!("\"c{}\"", rng.below(CODES)))
            .collect();
        let sep = if i + 1 < m { "," } else { "" };
        writeln!(
            out,
            "  {{\"id\": \"s-{i}\", \"participant\": \"p-{participant}\", \"source\": \"{source}\", \"text\": {}, \"codes\": [{}], \"stance\": \"{}\", \"timestamp\": \"{}\"}}{sep}",
            q(&text),
            codes.join(", "),
            STANCES[participant % STANCES.len()],
            date(9_000 + rng.below(365)),
        )
        .unwrap();
    }
    out.push(']');
    out
}

fn series(rng: &mut Rng, t: usize) -> String {
    let mut out = String::with_capacity(t * 2 * 48);
    out.push_str("[\n");
    for (k, (id, label)) in [
        ("sentiment", "Sentiment index"),
        ("volume", "Trading volume"),
    ]
    .iter()
    .enumerate()
    {
        write!(
            out,
            "  {{\"id\": \"{id}\", \"label\": \"{label}\", \"unit\": \"index\", \"points\": ["
        )
        .unwrap();
        let mut v = 50.0;
        for i in 0..t {
            v += rng.unit() * 4.0 - 2.0;
            let sep = if i + 1 < t { ", " } else { "" };
            write!(out, "{{\"date\": \"{}\", \"value\": {v:.2}}}{sep}", date(i)).unwrap();
        }
        let mid = t / 2;
        write!(
            out,
            "], \"events\": [{{\"date\": \"{}\", \"label\": \"Exploit\"}}], \"phases\": [{{\"start\": \"{}\", \"end\": \"{}\", \"label\": \"Acute response\"}}]}}",
            date(mid),
            date(mid),
            date(mid + t / 10),
        )
        .unwrap();
        out.push_str(if k == 0 { ",\n" } else { "\n" });
    }
    out.push(']');
    out
}

/// The `{chart}` directive of the `k`-th charted section.
fn chart(k: usize, has_segments: bool, has_points: bool) -> String {
    let body = match k % 5 {
        0 => ":data: participants\n:by: stance\n:title: Participants by stance".to_string(),
        1 if has_segments => ":data: segments\n:by: code\n:title: Segments per code".to_string(),
        2 => ":data: participants\n:by: persona\n:across: stance\n:title: Persona by stance"
            .to_string(),
        3 if has_points => ":series: sentiment, volume\n:title: Sentiment over time".to_string(),
        4 if has_segments => format!(
            ":data: segments[code=c{}]\n:title: Co-occurrence",
            k % THEMES
        ),
        _ => ":data: participants\n:by: risk\n:title: Participants by risk".to_string(),
    };
    let kind = match k % 5 {
        0 => "donut",
        1 if has_segments => "bar",
        2 => "stacked",
        3 if has_points => "line",
        4 if has_segments => "heatmap",
        _ => "bar",
    };
    format!("```{{chart}} {kind}\n{body}\n\nThe chart shows {{count}}`participants` participants in all.\n```\n\n")
}

fn section(rng: &mut Rng, i: usize, a: &Args) -> String {
    let mut s = String::with_capacity(4600);
    writeln!(
        s,
        "+++\ntitle = \"Section {i}: {}\"\nweight = {i}\nid = \"section-{i}\"\n+++\n",
        sentence(rng, 3).trim_end_matches('.')
    )
    .unwrap();
    let has_segments = a.segments > 0;
    let code = |rng: &mut Rng| rng.below(CODES);
    for part in 0..3 {
        writeln!(
            s,
            "### {} {i}.{part}\n",
            sentence(rng, 4).trim_end_matches('.')
        )
        .unwrap();
        for _ in 0..2 {
            for _ in 0..5 {
                let words = 6 + rng.below(10);
                s.push_str(&sentence(rng, words));
                s.push(' ');
            }
            s.push_str("\n\n");
        }
        let stance = rng.pick(&STANCES);
        write!(
            s,
            "Of {{count}}`participants` participants, {{count}}`participants[stance={stance}]` \
             ({{share}}`participants[stance={stance}]`) hold stance *{stance}*"
        )
        .unwrap();
        if has_segments {
            let c = code(rng);
            write!(
                s,
                ", and {{count}}`segments[code=c{c}]` segments from {{people}}`segments[code=c{c}]` \
                 participants carry code **c{c}** ({{share}}`segments[code=c{c}]`)"
            )
            .unwrap();
        }
        s.push_str(".\n\n");
        if part == 1 {
            for _ in 0..4 {
                let words = 5 + rng.below(6);
                writeln!(s, "- {}", sentence(rng, words)).unwrap();
            }
            s.push('\n');
            s.push_str("| Theme | Note | Weight |\n|---|---|---:|\n");
            for t in 0..4 {
                writeln!(
                    s,
                    "| Theme {t} | {} | {} |",
                    sentence(rng, 4).trim_end_matches('.'),
                    rng.below(100)
                )
                .unwrap();
            }
            s.push('\n');
        }
        if has_segments && part != 1 {
            writeln!(s, "```{{quote}} s-{}\n```\n", rng.below(a.segments)).unwrap();
        }
    }
    if i.is_multiple_of(10) {
        s.push_str(&chart(i / 10, has_segments, a.points > 0));
    }
    s
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    fs::write(path, text).map_err(|e| format!("writing {}: {e}", path.display()))
}

/// Writes the corpus `a` describes (the benchmarks call this too).
pub fn generate(a: &Args) -> Result<(), String> {
    if a.participants == 0 {
        return Err("--participants must be at least 1".into());
    }
    let content = a.out.join("content");
    let sections = content.join("sections");
    let data = content.join("data");
    if sections.exists() {
        // A smaller corpus written over a larger one would keep stale sections.
        fs::remove_dir_all(&sections).map_err(|e| format!("clearing sections: {e}"))?;
    }
    for dir in [&sections, &data] {
        fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    }
    let mut rng = Rng(0x5EED_F00D);
    write(
        &content.join("report.toml"),
        "title = \"Synthetic benchmark corpus\"\nauthors = [\"gen_corpus\"]\ndate = \"2025-11-20\"\n\n[labels.stance]\na = \"Stance A\"\nb = \"Stance B\"\nc = \"Stance C\"\n",
    )?;
    write(
        &data.join("participants.json"),
        &participants(&mut rng, a.participants),
    )?;
    write(&data.join("codebook.json"), &codebook(&mut rng))?;
    write(&data.join("sources.json"), &sources())?;
    write(
        &data.join("segments.json"),
        &segments(&mut rng, a.segments, a.participants),
    )?;
    write(&data.join("series.json"), &series(&mut rng, a.points))?;
    let width = a.sections.to_string().len();
    for i in 0..a.sections {
        let text = section(&mut rng, i, a);
        write(&sections.join(format!("{i:0width$}-section.md")), &text)?;
    }
    Ok(())
}

fn main() {
    if let Err(e) = parse_args().and_then(|a| generate(&a)) {
        eprintln!("gen_corpus: {e}");
        std::process::exit(2);
    }
}
