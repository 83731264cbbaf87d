//! The independent side of the real-shaped test: the raw JSON read with
//! serde_json's `Value` and every expected figure computed with plain
//! loops, sharing nothing with the crate's analysis code.

#![allow(dead_code)]

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use serde_json::Value;

pub struct Code {
    pub id: String,
    pub label: String,
    pub parent: Option<usize>,
}

pub struct Person {
    pub id: String,
    pub fields: HashMap<String, String>,
}

pub struct Seg {
    pub participant: usize,
    pub codes: Vec<usize>,
}

pub struct Study {
    pub codes: Vec<Code>,
    pub people: Vec<Person>,
    pub segs: Vec<Seg>,
}

fn read(root: &Path, name: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(root.join("content/data").join(name)).expect("read");
    match serde_json::from_str(&text).expect("json") {
        Value::Array(a) => a,
        _ => panic!("{name} is not an array"),
    }
}

fn s(v: &Value, k: &str) -> String {
    v.get(k).and_then(Value::as_str).unwrap_or("").to_string()
}

impl Study {
    pub fn read(root: &Path) -> Study {
        let raw_codes = read(root, "codebook.json");
        let ids: Vec<String> = raw_codes.iter().map(|c| s(c, "id")).collect();
        let at = |id: &str| ids.iter().position(|x| x == id);
        let codes = raw_codes
            .iter()
            .map(|c| Code {
                id: s(c, "id"),
                label: s(c, "label"),
                parent: c.get("parent").and_then(Value::as_str).and_then(at),
            })
            .collect();
        let people: Vec<Person> = read(root, "participants.json")
            .iter()
            .map(|p| {
                let mut fields = HashMap::new();
                for k in ["alias", "role", "persona"] {
                    fields.insert(k.to_string(), s(p, k));
                }
                if let Some(Value::Object(a)) = p.get("attributes") {
                    for (k, v) in a {
                        fields.insert(k.clone(), v.as_str().unwrap_or("").to_string());
                    }
                }
                Person {
                    id: s(p, "id"),
                    fields,
                }
            })
            .collect();
        let segs = read(root, "segments.json")
            .iter()
            .map(|g| Seg {
                participant: people
                    .iter()
                    .position(|p| p.id == s(g, "participant"))
                    .expect("participant"),
                codes: g["codes"]
                    .as_array()
                    .expect("codes")
                    .iter()
                    .map(|c| at(c.as_str().expect("code id")).expect("code"))
                    .collect(),
            })
            .collect();
        Study {
            codes,
            people,
            segs,
        }
    }

    pub fn code(&self, id: &str) -> usize {
        self.codes.iter().position(|c| c.id == id).expect(id)
    }

    /// True when `a` is `c` or above it.
    pub fn above(&self, a: usize, mut c: usize) -> bool {
        loop {
            if c == a {
                return true;
            }
            match self.codes[c].parent {
                Some(p) => c = p,
                None => return false,
            }
        }
    }

    pub fn depth(&self, mut c: usize) -> usize {
        let mut d = 0;
        while let Some(p) = self.codes[c].parent {
            d += 1;
            c = p;
        }
        d
    }

    pub fn seg_has(&self, s: &Seg, code: usize) -> bool {
        s.codes.iter().any(|&c| self.above(code, c))
    }

    pub fn field<'a>(&'a self, s: &Seg, field: &str) -> &'a str {
        self.people[s.participant]
            .fields
            .get(field)
            .map_or("", String::as_str)
    }

    /// Segments (indices) passing `keep`.
    pub fn segments(&self, keep: impl Fn(&Seg) -> bool) -> Vec<usize> {
        (0..self.segs.len())
            .filter(|&i| keep(&self.segs[i]))
            .collect()
    }

    /// (segments, distinct participants) among `within` carrying `code`.
    pub fn freq(&self, within: &[usize], code: usize) -> (u64, u64) {
        let mut n = 0;
        let mut who = BTreeSet::new();
        for &i in within {
            if self.seg_has(&self.segs[i], code) {
                n += 1;
                who.insert(self.segs[i].participant);
            }
        }
        (n, who.len() as u64)
    }

    pub fn distinct_people(&self, within: &[usize]) -> u64 {
        within
            .iter()
            .map(|&i| self.segs[i].participant)
            .collect::<BTreeSet<_>>()
            .len() as u64
    }

    /// Codes depth first, children in file order.
    pub fn tree(&self) -> Vec<usize> {
        fn visit(st: &Study, c: usize, out: &mut Vec<usize>) {
            out.push(c);
            for k in 0..st.codes.len() {
                if st.codes[k].parent == Some(c) {
                    visit(st, k, out);
                }
            }
        }
        let mut out = Vec::new();
        for c in 0..self.codes.len() {
            if self.codes[c].parent.is_none() {
                visit(self, c, &mut out);
            }
        }
        out
    }

    /// Values of a participant field in first-appearance order among `people`.
    pub fn values(&self, people: impl Iterator<Item = usize>, field: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for p in people {
            let v = self.people[p]
                .fields
                .get(field)
                .cloned()
                .unwrap_or_default();
            if !out.contains(&v) {
                out.push(v);
            }
        }
        out
    }
}

/// `count / total` in percent with one decimal, half away from zero.
pub fn pct(count: u64, total: u64) -> String {
    if total == 0 {
        return "0.0%".into();
    }
    let num = count * 1000;
    let (q, r) = (num / total, num % total);
    let q = if 2 * r >= total { q + 1 } else { q };
    format!("{}.{}%", q / 10, q % 10)
}

/// Largest-remainder shares in tenths of a percent, as strings; ties to
/// the earlier part.
pub fn split(counts: &[u64]) -> Vec<String> {
    let total: u64 = counts.iter().sum();
    if total == 0 {
        return counts.iter().map(|_| "0.0%".to_string()).collect();
    }
    let mut parts: Vec<(u64, u64)> = counts
        .iter()
        .map(|&c| (c * 1000 / total, c * 1000 % total))
        .collect();
    let mut left = 1000 - parts.iter().map(|p| p.0).sum::<u64>();
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by(|&a, &b| parts[b].1.cmp(&parts[a].1).then(a.cmp(&b)));
    for i in order {
        if left == 0 {
            break;
        }
        if parts[i].1 > 0 {
            parts[i].0 += 1;
            left -= 1;
        }
    }
    parts
        .iter()
        .map(|p| format!("{}.{}%", p.0 / 10, p.0 % 10))
        .collect()
}
