//! A generated study shaped like a real QDA export: 186 codes nested four
//! levels deep with ~50-character names in Hungarian and Japanese and with
//! emoji, one label repeated under eighteen parents, 120 participants with
//! five attributes, 260 segments of which ~40 % carry two to four codes
//! (some both a parent and its child), CRLF and emoji in the texts, and
//! two coders whose codings differ.
//! Deterministic: the same seed gives the
//! same files. Shared by the tests and `examples/real_shaped.rs` (which
//! writes it to a folder for screenshots and benchmarks).

#![allow(dead_code)]

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// A small deterministic generator (64-bit LCG, high bits).
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Lcg {
        Lcg(seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407))
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const HU: [&str; 16] = [
    "bizalom",
    "átláthatóság",
    "kockázatkezelés",
    "közösségi",
    "felelősség",
    "biztonsági",
    "visszaélés",
    "szabályozás",
    "kártérítés",
    "tőkeáttétel",
    "likviditás",
    "fejlesztői",
    "önszabályozás",
    "hozzáállás",
    "kiszolgáltatottság",
    "befektetői",
];
const JA: [&str; 12] = [
    "分散型金融",
    "信頼",
    "透明性",
    "監査",
    "責任",
    "規制",
    "補償",
    "流動性",
    "開発者",
    "共同体",
    "脆弱性",
    "投資家",
];
const EMOJI: [&str; 8] = ["🔒", "💸", "⚠️", "🧩", "📉", "🛡️", "🤝", "🔥"];

/// The label repeated under every second-level code.
pub const REPEATED: &str = "Egyéb megjegyzések és egyéni tapasztalatok (その他)";

/// Personas (the `persona` field) and the four attributes.
pub const PERSONAS: [&str; 5] = [
    "Fejlesztő",
    "Kereskedő",
    "セキュリティ研究者",
    "Újságíró 📰",
    "Befektető",
];
pub const REGIONS: [&str; 4] = ["Budapest", "Debrecen", "東京", "Online"];
pub const AGES: [&str; 5] = ["18–24", "25–34", "35–44", "45–54", "55+"];
pub const STANCES: [&str; 3] = ["válság", "ciklus", "bizonytalan"];
pub const EXPERIENCE: [&str; 3] = ["kezdő", "haladó", "szakértő"];

fn name(rng: &mut Lcg, level: usize) -> String {
    let mut s = String::new();
    match level % 3 {
        0 => {
            while s.chars().count() < 44 {
                if !s.is_empty() {
                    s.push(' ');
                }
                s.push_str(HU[rng.below(HU.len())]);
            }
        }
        1 => {
            s.push_str(EMOJI[rng.below(EMOJI.len())]);
            s.push(' ');
            while s.chars().count() < 24 {
                s.push_str(JA[rng.below(JA.len())]);
                s.push('の');
            }
            s.push_str("問題");
        }
        _ => {
            while s.chars().count() < 40 {
                if !s.is_empty() {
                    s.push(' ');
                }
                s.push_str(HU[rng.below(HU.len())]);
            }
            s.push(' ');
            s.push_str(EMOJI[rng.below(EMOJI.len())]);
        }
    }
    s
}

/// Writes the study's datasets into `root/content/data/` and a
/// `report.toml`; sections are the caller's.
pub fn write(root: &Path) {
    let data = root.join("content/data");
    fs::create_dir_all(&data).expect("data dir");
    fs::create_dir_all(root.join("content/sections")).expect("sections dir");
    fs::write(
        root.join("content/report.toml"),
        "title = \"Valódi alakú tanulmány — 実データ形のテスト\"\ndate = \"2026-11-30\"\n",
    )
    .expect("report.toml");
    let mut rng = Lcg::new(2026);

    // Codes: 6 themes × 3 × 3 × 2 = 186, four levels.
    let mut codes: Vec<(String, String, Option<String>)> = Vec::new();
    let mut level_ids: Vec<Vec<String>> = vec![Vec::new(); 4];
    for t in 0..6 {
        let id = format!("t{t}");
        codes.push((id.clone(), name(&mut rng, 0), None));
        level_ids[0].push(id.clone());
        for a in 0..3 {
            let id1 = format!("{id}-{a}");
            codes.push((id1.clone(), name(&mut rng, 1), Some(id.clone())));
            level_ids[1].push(id1.clone());
            for b in 0..3 {
                let id2 = format!("{id1}-{b}");
                let label = if b == 2 {
                    REPEATED.to_string()
                } else {
                    name(&mut rng, 2)
                };
                codes.push((id2.clone(), label, Some(id1.clone())));
                level_ids[2].push(id2.clone());
                for c in 0..2 {
                    let id3 = format!("{id2}-{c}");
                    codes.push((id3.clone(), name(&mut rng, 3), Some(id2.clone())));
                    level_ids[3].push(id3);
                }
            }
        }
    }
    let mut json = String::from("[\n");
    for (i, (id, label, parent)) in codes.iter().enumerate() {
        let parent = parent
            .as_ref()
            .map_or(String::new(), |p| format!(", \"parent\": {}", quote(p)));
        let _ = writeln!(
            json,
            "  {{\"id\": {}, \"label\": {}{parent}}}{}",
            quote(id),
            quote(label),
            if i + 1 < codes.len() { "," } else { "" }
        );
    }
    json.push_str("]\n");
    fs::write(data.join("codebook.json"), json).expect("codebook");

    // Participants: 120 with persona and four attributes.
    let mut json = String::from("[\n");
    for p in 0..120 {
        let _ = writeln!(
            json,
            "  {{\"id\": \"p{p:03}\", \"alias\": \"Résztvevő {p:03}\", \"role\": \"{}\", \"persona\": {}, \"attributes\": {{\"region\": {}, \"age_band\": {}, \"stance\": {}, \"experience\": {}}}}}{}",
            ["Elemző", "Fejlesztő", "Kutató"][rng.below(3)],
            quote(PERSONAS[rng.below(5)]),
            quote(REGIONS[rng.below(4)]),
            quote(AGES[rng.below(5)]),
            quote(STANCES[rng.below(3)]),
            quote(EXPERIENCE[rng.below(3)]),
            if p + 1 < 120 { "," } else { "" }
        );
    }
    json.push_str("]\n");
    fs::write(data.join("participants.json"), json).expect("participants");

    let mut json = String::from("[\n");
    for s in 0..6 {
        let _ = writeln!(
            json,
            "  {{\"id\": \"src{s}\", \"kind\": \"interviews\", \"title\": \"Interjú-hullám {s} 🎙️\"}}{}",
            if s + 1 < 6 { "," } else { "" }
        );
    }
    json.push_str("]\n");
    fs::write(data.join("sources.json"), json).expect("sources");

    // Segments: 260; ~40 % with 2–4 codes, some with a parent and its child.
    let mut json = String::from("[\n");
    for s in 0..260 {
        // Participants 0..100 speak; 100..120 are recruited but never coded.
        let participant = rng.below(100);
        let n = if rng.below(10) < 6 {
            1
        } else {
            2 + rng.below(3)
        };
        let mut seg_codes: Vec<String> = Vec::new();
        while seg_codes.len() < n {
            // Deep codes are applied more than themes, as in real coding.
            let level = [3, 3, 3, 2, 2, 1, 0][rng.below(7)];
            let pick = level_ids[level][rng.below(level_ids[level].len())].clone();
            if !seg_codes.contains(&pick) {
                seg_codes.push(pick);
            }
        }
        if s % 9 == 0 {
            // A parent and its child on one segment.
            let child = &seg_codes[0];
            if let Some(parent) = codes
                .iter()
                .find(|c| &c.0 == child)
                .and_then(|c| c.2.clone())
            {
                if !seg_codes.contains(&parent) {
                    seg_codes.push(parent);
                }
            }
        }
        let text = format!(
            "{} {} {}\r\n{} — {}",
            HU[rng.below(HU.len())],
            EMOJI[rng.below(EMOJI.len())],
            JA[rng.below(JA.len())],
            HU[rng.below(HU.len())],
            s
        );
        // Two coders: anna coded every segment; béla every third, leaving
        // out the last code where there were several. The union of their
        // codings is `codes`, so every other figure is unchanged.
        let mut codings = format!("{{\"anna\": {}", list(&seg_codes));
        if s % 3 == 0 {
            let keep = seg_codes.len().saturating_sub(1).max(1);
            let _ = write!(codings, ", \"béla\": {}", list(&seg_codes[..keep]));
        }
        codings.push('}');
        let _ = writeln!(
            json,
            "  {{\"id\": \"s{s:03}\", \"participant\": \"p{participant:03}\", \"source\": \"src{}\", \"text\": {}, \"codes\": {}, \"codings\": {codings}}}{}",
            rng.below(6),
            quote(&text),
            list(&seg_codes),
            if s + 1 < 260 { "," } else { "" }
        );
    }
    json.push_str("]\n");
    fs::write(data.join("segments.json"), json).expect("segments");
}

fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| quote(i)).collect();
    format!("[{}]", quoted.join(", "))
}

/// A JSON string literal.
pub fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
