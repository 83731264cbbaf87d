//! Checks that every element of every `<svg>` on a page lies inside its
//! viewBox: rectangles by their corners, paths by their points, text by
//! its anchor and an estimate of its width (half an em per narrow
//! character, a whole em per CJK or emoji character, which errs narrow so
//! a failure is a real overflow), through the `translate`/`rotate` of
//! enclosing groups.

#![allow(dead_code)]

use scraper::{ElementRef, Html, Selector};

/// Every element found outside its chart's box: "chart 3 (title): text
/// "…" reaches x = 1109 beyond 720".
pub fn overflows(html: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    let svgs = Selector::parse("svg").expect("selector");
    let mut out = Vec::new();
    for (k, svg) in doc.select(&svgs).enumerate() {
        let Some((w, h)) = view_box(svg) else {
            out.push(format!("chart {k}: no viewBox"));
            continue;
        };
        let title = svg
            .children()
            .filter_map(ElementRef::wrap)
            .find(|e| e.value().name() == "title")
            .map(|t| t.text().collect::<String>())
            .unwrap_or_default();
        walk(svg, Affine::identity(), &mut |what, (x, y)| {
            let slack = 1.0;
            if x < -slack || y < -slack || x > w + slack || y > h + slack {
                out.push(format!(
                    "chart {k} ({title}): {what} reaches ({x:.1}, {y:.1}) outside 0 0 {w} {h}"
                ));
            }
        });
    }
    out
}

fn view_box(svg: ElementRef<'_>) -> Option<(f64, f64)> {
    let v: Vec<f64> = svg
        .value()
        .attr("viewBox")?
        .split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect();
    (v.len() == 4).then(|| (v[2], v[3]))
}

#[derive(Clone, Copy)]
struct Affine([f64; 6]);

impl Affine {
    fn identity() -> Affine {
        Affine([1.0, 0.0, 0.0, 1.0, 0.0, 0.0])
    }

    fn then(self, m: [f64; 6]) -> Affine {
        let a = self.0;
        Affine([
            a[0] * m[0] + a[2] * m[1],
            a[1] * m[0] + a[3] * m[1],
            a[0] * m[2] + a[2] * m[3],
            a[1] * m[2] + a[3] * m[3],
            a[0] * m[4] + a[2] * m[5] + a[4],
            a[1] * m[4] + a[3] * m[5] + a[5],
        ])
    }

    fn apply(self, (x, y): (f64, f64)) -> (f64, f64) {
        let a = self.0;
        (a[0] * x + a[2] * y + a[4], a[1] * x + a[3] * y + a[5])
    }
}

fn numbers(s: &str) -> Vec<f64> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        if c.is_ascii_digit() || c == '.' || (c == '-' && cur.is_empty()) || c == 'e' {
            cur.push(c);
        } else {
            if let Ok(n) = cur.parse() {
                out.push(n);
            }
            cur.clear();
            if c == '-' {
                cur.push(c);
            }
        }
    }
    if let Ok(n) = cur.parse() {
        out.push(n);
    }
    out
}

fn transform(t: &str) -> Affine {
    let mut m = Affine::identity();
    for part in t.split(')') {
        let part = part.trim();
        if let Some(args) = part.strip_prefix("translate(") {
            let n = numbers(args);
            m = m.then([1.0, 0.0, 0.0, 1.0, n[0], *n.get(1).unwrap_or(&0.0)]);
        } else if let Some(args) = part.strip_prefix("rotate(") {
            let a = numbers(args)[0].to_radians();
            m = m.then([a.cos(), a.sin(), -a.sin(), a.cos(), 0.0, 0.0]);
        }
    }
    m
}

fn attr(e: ElementRef<'_>, name: &str) -> f64 {
    e.value()
        .attr(name)
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0)
}

fn wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFF00..=0xFF60 | 0x1F000..=0x1FAFF)
}

fn text_width(s: &str, size: f64) -> f64 {
    s.chars()
        .map(|c| if wide(c) { 1.0 } else { 0.5 })
        .sum::<f64>()
        * size
}

fn font_size(e: ElementRef<'_>) -> f64 {
    let class = e.value().attr("class").unwrap_or("");
    if class.contains("chart-total") {
        30.0
    } else if class.contains("chart-illustrative") || class.contains("chart-phase-label") {
        11.0
    } else {
        12.0
    }
}

fn walk(e: ElementRef<'_>, m: Affine, report: &mut dyn FnMut(String, (f64, f64))) {
    for child in e.children().filter_map(ElementRef::wrap) {
        let name = child.value().name();
        let m = match child.value().attr("transform") {
            Some(t) => m.then(transform(t).0),
            None => m,
        };
        match name {
            "rect" => {
                let (x, y) = (attr(child, "x"), attr(child, "y"));
                let (w, h) = (attr(child, "width"), attr(child, "height"));
                for p in [(x, y), (x + w, y), (x, y + h), (x + w, y + h)] {
                    report("a rect".into(), m.apply(p));
                }
            }
            "path" => {
                let d = child.value().attr("d").unwrap_or("");
                for p in path_points(d) {
                    report("a path".into(), m.apply(p));
                }
            }
            "text" => text_extent(child, m, report),
            "title" | "desc" => {}
            _ => walk(child, m, report),
        }
    }
}

fn text_extent(t: ElementRef<'_>, m: Affine, report: &mut dyn FnMut(String, (f64, f64))) {
    let size = font_size(t);
    let anchor = t.value().attr("text-anchor").unwrap_or("start");
    let (x, mut y) = (attr(t, "x"), attr(t, "y"));
    let spans: Vec<ElementRef<'_>> = t
        .children()
        .filter_map(ElementRef::wrap)
        .filter(|c| c.value().name() == "tspan")
        .collect();
    let mut lines: Vec<(f64, f64, String)> = Vec::new();
    if spans.is_empty() {
        let s: String = t
            .children()
            .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
            .collect();
        lines.push((x, y, s));
    } else {
        for s in spans {
            let dy = s.value().attr("dy").unwrap_or("0");
            y += dy.trim_end_matches("em").parse::<f64>().unwrap_or(0.0)
                * if dy.ends_with("em") { size } else { 1.0 };
            let sx = s
                .value()
                .attr("x")
                .and_then(|v| v.parse().ok())
                .unwrap_or(x);
            lines.push((sx, y, s.text().collect()));
        }
    }
    for (x, y, s) in lines {
        let w = text_width(&s, size);
        let (x0, x1) = match anchor {
            "middle" => (x - w / 2.0, x + w / 2.0),
            "end" => (x - w, x),
            _ => (x, x + w),
        };
        let what = format!("text {s:?}");
        for p in [
            (x0, y - 0.75 * size),
            (x1, y - 0.75 * size),
            (x0, y + 0.2 * size),
            (x1, y + 0.2 * size),
        ] {
            report(what.clone(), m.apply(p));
        }
    }
}

/// The points of a path of absolute M, L, H, V, A and Z commands (the
/// only ones the charts write).
fn path_points(d: &str) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    let (mut cx, mut cy) = (0.0, 0.0);
    let mut cmd = ' ';
    let mut args = String::new();
    let flush = |cmd: char, args: &str, cx: &mut f64, cy: &mut f64, out: &mut Vec<(f64, f64)>| {
        let n = numbers(args);
        match cmd {
            'M' | 'L' => {
                for p in n.chunks(2).filter(|c| c.len() == 2) {
                    (*cx, *cy) = (p[0], p[1]);
                    out.push((*cx, *cy));
                }
            }
            'H' => {
                for &x in &n {
                    *cx = x;
                    out.push((*cx, *cy));
                }
            }
            'V' => {
                for &y in &n {
                    *cy = y;
                    out.push((*cx, *cy));
                }
            }
            'A' => {
                for a in n.chunks(7).filter(|c| c.len() == 7) {
                    (*cx, *cy) = (a[5], a[6]);
                    out.push((*cx, *cy));
                }
            }
            _ => {}
        }
    };
    for c in d.chars() {
        if c.is_ascii_alphabetic() && c != 'e' {
            flush(cmd, &args, &mut cx, &mut cy, &mut out);
            cmd = c;
            args.clear();
        } else {
            args.push(c);
        }
    }
    flush(cmd, &args, &mut cx, &mut cy, &mut out);
    out
}
