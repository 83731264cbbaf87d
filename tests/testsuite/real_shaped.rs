//! A report over a study shaped like a real export (see
//! `real_shaped/gen.rs`): every role, directive and chart kind that takes
//! segments or participants, with every figure on the built page compared
//! with a separate plain computation over the raw JSON
//! (`real_shaped/plain.rs`), and every SVG element kept inside its box.

#[path = "real_shaped/gen.rs"]
pub mod gen;
#[path = "real_shaped/page.rs"]
mod page;
#[path = "real_shaped/plain.rs"]
mod plain;

use std::fs;

use crate::common::{build_ok, findings, stderr};
use page::{data_table, figure, prose, report_table, sel, text, Table};
use plain::{pct, split, Study};
use scraper::Html;

const SECTION: &str = r#"+++
title = "Számok és ábrák"
+++

{prose}

```{stat} share participants[stance=ciklus]
:label: ST1
```

```{stat} fraction segments[code=t2]
:label: ST2
```

```{stat} count segments[persona=Kereskedő, code=t4]
:label: ST3
```

```{table} segments
:by: code
:caption: T1 every code
```

```{table} segments
:by: code
:across: persona
:level: top
:caption: T2 themes by persona
```

```{table} segments
:by: code
:across: region
:count: participants
:top: 10
:sort: count
:caption: T3 top ten by region
```

```{table} participants
:by: stance
:caption: T4 stance
```

```{table} participants
:by: persona
:across: region
:caption: T5 persona by region
```

```{table} segments[persona=Kereskedő]
:by: code
:level: top
:sort: label
:caption: T6 traders' themes
```

```{chart} bar
:data: segments
:by: code
:title: C1 every code
```

```{chart} bar
:data: segments
:by: code
:count: participants
:top: 20
:title: C2 top twenty by participants
```

```{chart} bar
:data: segments
:by: code
:codes: t5, t0, t3
:title: C3 three themes as written
```

```{chart} donut
:data: participants
:by: stance
:title: C4 stance
```

```{chart} pie
:data: participants
:by: persona
:title: C5 persona
```

```{chart} stacked
:data: segments
:by: code
:across: persona
:level: top
:title: C6 themes by persona
```

```{chart} grouped
:data: segments
:by: code
:across: stance
:codes: t1-0, t2-1, t4-2-0, t0
:count: participants
:title: C7 four codes by stance
```

```{chart} diverging
:data: participants
:by: persona
:across: stance
:title: C8 stance per persona
```

```{chart} heatmap
:data: segments
:level: top
:title: C9 themes together
```

```{chart} heatmap
:data: segments
:top: 40
:title: C10 forty codes together
```

```{chart} bar
:data: participants
:by: region
:title: C11 region
```
"#;

/// The prose: one list item per role, keyed so the test can find it.
fn prose_items(st: &Study) -> String {
    let mut s = String::new();
    for t in 0..6 {
        for role in ["count", "share", "fraction", "people"] {
            s.push_str(&format!(
                "- R-{role}-t{t}: {{{role}}}`segments[code=t{t}]`\n"
            ));
        }
    }
    for v in gen::STANCES {
        for role in ["count", "share", "fraction"] {
            s.push_str(&format!(
                "- R-{role}-{v}: {{{role}}}`participants[stance={v}]`\n"
            ));
        }
    }
    for (k, p) in gen::PERSONAS.iter().enumerate() {
        s.push_str(&format!(
            "- R-pc-{k}: {{count}}`segments[persona={p}, code=t1]`\n"
        ));
        s.push_str(&format!("- R-ps-{k}: {{share}}`segments[persona={p}]`\n"));
    }
    s.push_str("- R-neg: {count}`segments[code!=t0]`\n");
    s.push_str("- R-total: {total}`participants[stance=válság]`\n");
    s.push_str("- R-deep: {people}`segments[code=t3-1-0-1]`\n");
    let _ = st;
    s
}

struct Check {
    n: usize,
    wrong: Vec<String>,
}

impl Check {
    fn eq(&mut self, what: &str, got: &str, want: &str) {
        self.n += 1;
        if got != want {
            self.wrong
                .push(format!("{what}: page says {got:?}, data says {want:?}"));
        }
    }

    fn rows(&mut self, what: &str, got: &[Vec<String>], want: &[Vec<String>]) {
        self.n += 1;
        if got.len() != want.len() {
            self.wrong.push(format!(
                "{what}: {} rows on the page, {} expected",
                got.len(),
                want.len()
            ));
            return;
        }
        self.n -= 1;
        for (i, (g, w)) in got.iter().zip(want).enumerate() {
            for (j, (gc, wc)) in g.iter().zip(w).enumerate() {
                self.eq(&format!("{what} row {i} cell {j}"), gc, wc);
            }
            if g.len() != w.len() {
                self.wrong.push(format!("{what} row {i}: {g:?} vs {w:?}"));
            }
        }
    }

    fn table(
        &mut self,
        what: &str,
        got: &Table,
        head: &[String],
        body: &[Vec<String>],
        foot: &[Vec<String>],
    ) {
        self.rows(
            &format!("{what} head"),
            std::slice::from_ref(&got.head),
            &[head.to_vec()],
        );
        self.rows(&format!("{what} body"), &got.body, body);
        self.rows(&format!("{what} foot"), &got.foot, foot);
    }
}

fn strs<const N: usize>(a: [&str; N]) -> Vec<String> {
    a.iter().map(|s| s.to_string()).collect()
}

const PARENT: &str = "(a parent counts its sub-codes)";

/// The label of code `c` led by its ancestors, as a table shows a code
/// out of tree order.
fn with_path(st: &Study, c: usize) -> String {
    let mut above = Vec::new();
    let mut at = st.codes[c].parent;
    while let Some(p) = at {
        above.push(st.codes[p].label.clone());
        at = st.codes[p].parent;
    }
    above.reverse();
    if above.is_empty() {
        st.codes[c].label.clone()
    } else {
        format!("{} › {}", above.join(" › "), st.codes[c].label)
    }
}

/// The label a chart gives code `k` among the `shown` codes: a label more
/// than one of them has is followed by the parent's label.
fn chart_label(st: &Study, shown: &[usize], k: usize) -> String {
    let label = &st.codes[k].label;
    let twice = shown
        .iter()
        .filter(|&&o| &st.codes[o].label == label)
        .count()
        > 1;
    match st.codes[k].parent {
        Some(p) if twice => format!("{label} ({})", st.codes[p].label),
        _ => label.clone(),
    }
}

/// `chart_label` led by the path of the codes above, as a chart's data
/// table shows a code out of tree order.
fn chart_path(st: &Study, shown: &[usize], k: usize) -> String {
    let full = with_path(st, k);
    let plain = &st.codes[k].label;
    format!(
        "{}{}",
        &full[..full.len() - plain.len()],
        chart_label(st, shown, k)
    )
}

/// Codes among `within` ranked by `count` (desc), ties in tree order.
fn ranked(st: &Study, codes: Vec<usize>, count: impl Fn(usize) -> u64) -> Vec<usize> {
    let tree = st.tree();
    let mut v = codes;
    v.sort_by(|&a, &b| {
        count(b).cmp(&count(a)).then(
            tree.iter()
                .position(|&x| x == a)
                .cmp(&tree.iter().position(|&x| x == b)),
        )
    });
    v
}

#[test]
fn every_figure_on_a_real_shaped_report_matches_the_data() {
    let dir = tempfile::tempdir().expect("temp dir");
    gen::write(dir.path());
    let st = Study::read(dir.path());
    let section = SECTION.replace("{prose}", &prose_items(&st));
    fs::write(dir.path().join("content/sections/01-numbers.md"), section).expect("section");
    let html = build_ok(dir.path());
    let doc = Html::parse_document(&html);
    let mut c = Check {
        n: 0,
        wrong: Vec::new(),
    };

    let all: Vec<usize> = (0..st.segs.len()).collect();
    let n_seg = all.len() as u64;
    let n_people = st.distinct_people(&all);
    let tree = st.tree();
    let top: Vec<usize> = tree
        .iter()
        .copied()
        .filter(|&k| st.codes[k].parent.is_none())
        .collect();

    // Prose roles.
    for t in 0..6 {
        let code = st.code(&format!("t{t}"));
        let (n, p) = st.freq(&all, code);
        c.eq(
            &format!("R-count-t{t}"),
            &prose(&doc, &format!("R-count-t{t}")),
            &n.to_string(),
        );
        c.eq(
            &format!("R-share-t{t}"),
            &prose(&doc, &format!("R-share-t{t}")),
            &pct(n, n_seg),
        );
        c.eq(
            &format!("R-fraction-t{t}"),
            &prose(&doc, &format!("R-fraction-t{t}")),
            &format!("{n} of {n_seg}"),
        );
        c.eq(
            &format!("R-people-t{t}"),
            &prose(&doc, &format!("R-people-t{t}")),
            &p.to_string(),
        );
    }
    let stance_count =
        |v: &str| st.people.iter().filter(|p| p.fields["stance"] == v).count() as u64;
    let n_all_people = st.people.len() as u64;
    for v in gen::STANCES {
        let n = stance_count(v);
        c.eq(
            &format!("R-count-{v}"),
            &prose(&doc, &format!("R-count-{v}")),
            &n.to_string(),
        );
        c.eq(
            &format!("R-share-{v}"),
            &prose(&doc, &format!("R-share-{v}")),
            &pct(n, n_all_people),
        );
        c.eq(
            &format!("R-fraction-{v}"),
            &prose(&doc, &format!("R-fraction-{v}")),
            &format!("{n} of {n_all_people}"),
        );
    }
    let t1 = st.code("t1");
    for (k, p) in gen::PERSONAS.iter().enumerate() {
        let n = all
            .iter()
            .filter(|&&i| st.field(&st.segs[i], "persona") == *p && st.seg_has(&st.segs[i], t1))
            .count() as u64;
        c.eq(
            &format!("R-pc-{k}"),
            &prose(&doc, &format!("R-pc-{k}")),
            &n.to_string(),
        );
        let m = all
            .iter()
            .filter(|&&i| st.field(&st.segs[i], "persona") == *p)
            .count() as u64;
        c.eq(
            &format!("R-ps-{k}"),
            &prose(&doc, &format!("R-ps-{k}")),
            &pct(m, n_seg),
        );
    }
    let t0 = st.code("t0");
    let neg = all
        .iter()
        .filter(|&&i| !st.seg_has(&st.segs[i], t0))
        .count();
    c.eq("R-neg", &prose(&doc, "R-neg"), &neg.to_string());
    c.eq(
        "R-total",
        &prose(&doc, "R-total"),
        &n_all_people.to_string(),
    );
    c.eq(
        "R-deep",
        &prose(&doc, "R-deep"),
        &st.freq(&all, st.code("t3-1-0-1")).1.to_string(),
    );

    // Stat boxes, in order.
    let stats: Vec<String> = doc.select(&sel(".stat-value")).map(text).collect();
    c.eq("ST1", &stats[0], &pct(stance_count("ciklus"), n_all_people));
    let t2 = st.freq(&all, st.code("t2")).0;
    c.eq("ST2", &stats[1], &format!("{t2} of {n_seg}"));
    let t4 = st.code("t4");
    let st3 = all
        .iter()
        .filter(|&&i| {
            st.field(&st.segs[i], "persona") == "Kereskedő" && st.seg_has(&st.segs[i], t4)
        })
        .count();
    c.eq("ST3", &stats[2], &st3.to_string());

    // T1: every code in tree order, shares over the selection.
    let body: Vec<Vec<String>> = tree
        .iter()
        .map(|&k| {
            let (n, p) = st.freq(&all, k);
            vec![
                st.codes[k].label.clone(),
                n.to_string(),
                pct(n, n_seg),
                p.to_string(),
                pct(p, n_people),
            ]
        })
        .collect();
    let t1_table = report_table(&doc, "T1");
    c.table(
        "T1",
        &t1_table,
        &[
            format!("Code {PARENT}"),
            "Segments".into(),
            format!("Share of {n_seg}"),
            "Participants".into(),
            format!("Share of {n_people}"),
        ],
        &body,
        &[vec![
            format!("Segments (n = {n_seg}), participants (n = {n_people})"),
            n_seg.to_string(),
            "100.0%".into(),
            n_people.to_string(),
            "100.0%".into(),
        ]],
    );
    for (row, &k) in tree.iter().enumerate() {
        let class = &t1_table.body_classes[row];
        let depth = st.depth(k);
        c.eq(
            &format!("T1 depth of row {row}"),
            class.split_whitespace().next().unwrap_or(""),
            &format!("code-depth-{depth}"),
        );
        let parent = tree
            .get(row + 1)
            .is_some_and(|&next| st.depth(next) > depth);
        c.eq(
            &format!("T1 parent mark of row {row}"),
            &class.contains("code-parent").to_string(),
            &parent.to_string(),
        );
    }

    // T2: themes × persona, segments.
    let personas_seen: Vec<String> = {
        let mut v: Vec<String> = Vec::new();
        for s in &st.segs {
            let p = st.field(s, "persona").to_string();
            if !v.contains(&p) {
                v.push(p);
            }
        }
        v
    };
    let mut head = vec![format!("Code {PARENT}")];
    head.extend(personas_seen.iter().cloned());
    head.push("Segments with the code".into());
    let body: Vec<Vec<String>> = top
        .iter()
        .map(|&k| {
            let mut row = vec![st.codes[k].label.clone()];
            for p in &personas_seen {
                let n = all
                    .iter()
                    .filter(|&&i| {
                        st.field(&st.segs[i], "persona") == p && st.seg_has(&st.segs[i], k)
                    })
                    .count();
                row.push(n.to_string());
            }
            row.push(st.freq(&all, k).0.to_string());
            row
        })
        .collect();
    let mut foot = vec![format!("Segments (n = {n_seg})")];
    for p in &personas_seen {
        foot.push(
            all.iter()
                .filter(|&&i| st.field(&st.segs[i], "persona") == p)
                .count()
                .to_string(),
        );
    }
    foot.push(n_seg.to_string());
    c.table("T2", &report_table(&doc, "T2"), &head, &body, &[foot]);

    // T3: top ten codes by participants, by region, participants.
    let regions_seen: Vec<String> = {
        let mut v: Vec<String> = Vec::new();
        for s in &st.segs {
            let r = st.field(s, "region").to_string();
            if !v.contains(&r) {
                v.push(r);
            }
        }
        v
    };
    let people_with = |k: usize, region: Option<&str>| -> u64 {
        let mut who = std::collections::BTreeSet::new();
        for s in &st.segs {
            if st.seg_has(s, k) && region.is_none_or(|r| st.field(s, "region") == r) {
                who.insert(s.participant);
            }
        }
        who.len() as u64
    };
    let used: Vec<usize> = tree
        .iter()
        .copied()
        .filter(|&k| people_with(k, None) > 0)
        .collect();
    let ten: Vec<usize> = ranked(&st, used, |k| people_with(k, None))
        .into_iter()
        .take(10)
        .collect();
    let mut head = vec![format!("Code {PARENT}")];
    head.extend(regions_seen.iter().cloned());
    head.push("Participants with the code".into());
    let body: Vec<Vec<String>> = ten
        .iter()
        .map(|&k| {
            let mut row = vec![with_path(&st, k)];
            for r in &regions_seen {
                row.push(people_with(k, Some(r)).to_string());
            }
            row.push(people_with(k, None).to_string());
            row
        })
        .collect();
    let mut foot = vec![format!("Participants (n = {n_people})")];
    for r in &regions_seen {
        let who: std::collections::BTreeSet<usize> = st
            .segs
            .iter()
            .filter(|s| st.field(s, "region") == r)
            .map(|s| s.participant)
            .collect();
        foot.push(who.len().to_string());
    }
    foot.push(n_people.to_string());
    c.table("T3", &report_table(&doc, "T3"), &head, &body, &[foot]);

    // T4: participants by stance, a partition.
    let stance_order = st.values(0..st.people.len(), "stance");
    let counts: Vec<u64> = stance_order.iter().map(|v| stance_count(v)).collect();
    let shares = split(&counts);
    let body: Vec<Vec<String>> = stance_order
        .iter()
        .zip(&counts)
        .zip(&shares)
        .map(|((v, n), s)| vec![v.clone(), n.to_string(), s.clone()])
        .collect();
    c.table(
        "T4",
        &report_table(&doc, "T4"),
        &strs(["Stance", "Count", "Share"]),
        &body,
        &[strs(["Total", "120", "100.0%"])],
    );

    // T5: persona × region over participants.
    let persona_order = st.values(0..st.people.len(), "persona");
    let region_order = st.values(0..st.people.len(), "region");
    let mut head = vec!["Persona".to_string()];
    head.extend(region_order.iter().cloned());
    head.push("Total".into());
    let body: Vec<Vec<String>> = persona_order
        .iter()
        .map(|p| {
            let mut row = vec![p.clone()];
            let mut sum = 0;
            for r in &region_order {
                let n = st
                    .people
                    .iter()
                    .filter(|x| &x.fields["persona"] == p && &x.fields["region"] == r)
                    .count();
                sum += n;
                row.push(n.to_string());
            }
            row.push(sum.to_string());
            row
        })
        .collect();
    c.table("T5", &report_table(&doc, "T5"), &head, &body, &[]);

    // T6: traders' themes by label.
    let traders: Vec<usize> = all
        .iter()
        .copied()
        .filter(|&i| st.field(&st.segs[i], "persona") == "Kereskedő")
        .collect();
    let (tn, tp) = (traders.len() as u64, st.distinct_people(&traders));
    let mut by_label = top.clone();
    by_label.sort_by(|&a, &b| {
        st.codes[a]
            .label
            .to_lowercase()
            .cmp(&st.codes[b].label.to_lowercase())
    });
    let body: Vec<Vec<String>> = by_label
        .iter()
        .map(|&k| {
            let (n, p) = st.freq(&traders, k);
            vec![
                st.codes[k].label.clone(),
                n.to_string(),
                pct(n, tn),
                p.to_string(),
                pct(p, tp),
            ]
        })
        .collect();
    c.table(
        "T6",
        &report_table(&doc, "T6"),
        &[
            format!("Code {PARENT}"),
            "Segments".into(),
            format!("Share of {tn}"),
            "Participants".into(),
            format!("Share of {tp}"),
        ],
        &body,
        &[vec![
            format!("Segments (n = {tn}), participants (n = {tp})"),
            tn.to_string(),
            "100.0%".into(),
            tp.to_string(),
            "100.0%".into(),
        ]],
    );

    // C1: every code with segments, most first; bars, values, data table.
    let used: Vec<usize> = tree
        .iter()
        .copied()
        .filter(|&k| st.freq(&all, k).0 > 0)
        .collect();
    let order = ranked(&st, used, |k| st.freq(&all, k).0);
    let fig = figure(&doc, "C1");
    let body: Vec<Vec<String>> = order
        .iter()
        .map(|&k| {
            let n = st.freq(&all, k).0;
            vec![chart_path(&st, &order, k), n.to_string(), pct(n, n_seg)]
        })
        .collect();
    c.table(
        "C1 data",
        &data_table(fig),
        &[
            format!("Code {PARENT}"),
            "segments".into(),
            format!("Share of {n_seg} segments"),
        ],
        &body,
        &[vec![
            format!("Segments (n = {n_seg})"),
            n_seg.to_string(),
            "100.0%".into(),
        ]],
    );
    bars(
        &mut c,
        "C1",
        fig,
        &order
            .iter()
            .map(|&k| st.freq(&all, k).0)
            .collect::<Vec<_>>(),
    );
    let first = order[0];
    let desc = text(fig.select(&sel("svg > desc")).next().expect("desc"));
    let (n0, _) = st.freq(&all, first);
    c.eq(
        "C1 summary start",
        &desc[..desc.find(" are coded").unwrap_or(0)],
        &format!("By code, {n0} of {n_seg} segments ({})", pct(n0, n_seg)),
    );
    c.eq(
        "C1 summary note",
        &desc.contains("do not add up to 100%").to_string(),
        "true",
    );

    // C2: top twenty by participants.
    let used: Vec<usize> = tree
        .iter()
        .copied()
        .filter(|&k| st.freq(&all, k).1 > 0)
        .collect();
    let twenty: Vec<usize> = ranked(&st, used, |k| st.freq(&all, k).1)
        .into_iter()
        .take(20)
        .collect();
    let fig = figure(&doc, "C2");
    let body: Vec<Vec<String>> = twenty
        .iter()
        .map(|&k| {
            let p = st.freq(&all, k).1;
            vec![chart_path(&st, &twenty, k), p.to_string(), pct(p, n_people)]
        })
        .collect();
    let dt = data_table(fig);
    c.table(
        "C2 data",
        &dt,
        &[
            format!("Code {PARENT}"),
            "participants".into(),
            format!("Share of {n_people} participants"),
        ],
        &body,
        &[vec![
            format!("Participants (n = {n_people})"),
            n_people.to_string(),
            "100.0%".into(),
        ]],
    );
    let caption = text(
        fig.select(&sel("table.chart-data caption"))
            .next()
            .expect("caption"),
    );
    c.eq(
        "C2 caption",
        &caption
            .contains(&format!("Top 20 of {} codes", st.codes.len()))
            .to_string(),
        "true",
    );
    bars(
        &mut c,
        "C2",
        fig,
        &twenty
            .iter()
            .map(|&k| st.freq(&all, k).1)
            .collect::<Vec<_>>(),
    );

    // C3: three themes in the order written.
    let three: Vec<usize> = ["t5", "t0", "t3"].iter().map(|id| st.code(id)).collect();
    let fig = figure(&doc, "C3");
    let body: Vec<Vec<String>> = three
        .iter()
        .map(|&k| {
            let n = st.freq(&all, k).0;
            vec![st.codes[k].label.clone(), n.to_string(), pct(n, n_seg)]
        })
        .collect();
    c.table(
        "C3 data",
        &data_table(fig),
        &[
            format!("Code {PARENT}"),
            "segments".into(),
            format!("Share of {n_seg} segments"),
        ],
        &body,
        &[vec![
            format!("Segments (n = {n_seg})"),
            n_seg.to_string(),
            "100.0%".into(),
        ]],
    );
    bars(
        &mut c,
        "C3",
        fig,
        &three
            .iter()
            .map(|&k| st.freq(&all, k).0)
            .collect::<Vec<_>>(),
    );

    // C4, C5: partitions of participants.
    for (key, field) in [("C4", "stance"), ("C5", "persona")] {
        let order = st.values(0..st.people.len(), field);
        let counts: Vec<u64> = order
            .iter()
            .map(|v| st.people.iter().filter(|p| &p.fields[field] == v).count() as u64)
            .collect();
        let shares = split(&counts);
        let body: Vec<Vec<String>> = order
            .iter()
            .zip(&counts)
            .zip(&shares)
            .map(|((v, n), s)| vec![v.clone(), n.to_string(), s.clone()])
            .collect();
        c.table(
            &format!("{key} data"),
            &data_table(figure(&doc, key)),
            &strs([field, "participants", "Share"]),
            &body,
            &[strs(["Total", "120", "100.0%"])],
        );
    }

    // C6: themes × persona (segments), most frequent theme first.
    let themes = ranked(&st, top.clone(), |k| st.freq(&all, k).0);
    let mut head = vec![format!("Code {PARENT}")];
    head.extend(personas_seen.iter().cloned());
    head.push("Total".into());
    let body: Vec<Vec<String>> = themes
        .iter()
        .map(|&k| {
            let counts: Vec<u64> = personas_seen
                .iter()
                .map(|p| {
                    all.iter()
                        .filter(|&&i| {
                            st.field(&st.segs[i], "persona") == p && st.seg_has(&st.segs[i], k)
                        })
                        .count() as u64
                })
                .collect();
            let shares = split(&counts);
            let mut row = vec![chart_path(&st, &themes, k)];
            row.extend(
                counts
                    .iter()
                    .zip(&shares)
                    .map(|(n, s)| format!("{n} ({s})")),
            );
            row.push(st.freq(&all, k).0.to_string());
            row
        })
        .collect();
    c.table(
        "C6 data",
        &data_table(figure(&doc, "C6")),
        &head,
        &body,
        &[],
    );

    // C7: four codes × stance, participants, in the order written.
    let four: Vec<usize> = ["t1-0", "t2-1", "t4-2-0", "t0"]
        .iter()
        .map(|id| st.code(id))
        .collect();
    let stances_seen: Vec<String> = {
        let mut v: Vec<String> = Vec::new();
        for s in &st.segs {
            let x = st.field(s, "stance").to_string();
            if !v.contains(&x) {
                v.push(x);
            }
        }
        v
    };
    let mut head = vec![format!("Code {PARENT}")];
    head.extend(stances_seen.iter().cloned());
    head.push("Total".into());
    let body: Vec<Vec<String>> = four
        .iter()
        .map(|&k| {
            let counts: Vec<u64> = stances_seen
                .iter()
                .map(|v| {
                    st.segs
                        .iter()
                        .filter(|s| st.seg_has(s, k) && st.field(s, "stance") == v)
                        .map(|s| s.participant)
                        .collect::<std::collections::BTreeSet<_>>()
                        .len() as u64
                })
                .collect();
            let shares = split(&counts);
            let mut row = vec![chart_path(&st, &four, k)];
            row.extend(
                counts
                    .iter()
                    .zip(&shares)
                    .map(|(n, s)| format!("{n} ({s})")),
            );
            row.push(st.freq(&all, k).1.to_string());
            row
        })
        .collect();
    c.table(
        "C7 data",
        &data_table(figure(&doc, "C7")),
        &head,
        &body,
        &[],
    );

    // C8: persona × stance over participants.
    let stance_p = st.values(0..st.people.len(), "stance");
    let mut head = vec!["persona".to_string()];
    head.extend(stance_p.iter().cloned());
    head.push("Total".into());
    let body: Vec<Vec<String>> = persona_order
        .iter()
        .map(|p| {
            let counts: Vec<u64> = stance_p
                .iter()
                .map(|v| {
                    st.people
                        .iter()
                        .filter(|x| &x.fields["persona"] == p && &x.fields["stance"] == v)
                        .count() as u64
                })
                .collect();
            let shares = split(&counts);
            let mut row = vec![p.clone()];
            row.extend(
                counts
                    .iter()
                    .zip(&shares)
                    .map(|(n, s)| format!("{n} ({s})")),
            );
            row.push(counts.iter().sum::<u64>().to_string());
            row
        })
        .collect();
    c.table(
        "C8 data",
        &data_table(figure(&doc, "C8")),
        &head,
        &body,
        &[],
    );

    // C9, C10: co-occurrence.
    let forty: Vec<usize> = {
        let used: Vec<usize> = tree
            .iter()
            .copied()
            .filter(|&k| st.freq(&all, k).0 > 0)
            .collect();
        let keep: Vec<usize> = ranked(&st, used, |k| st.freq(&all, k).0)
            .into_iter()
            .take(40)
            .collect();
        tree.iter().copied().filter(|k| keep.contains(k)).collect()
    };
    for (key, codes) in [("C9", top.clone()), ("C10", forty)] {
        let mut head = vec![String::new()];
        head.extend(codes.iter().map(|&k| chart_label(&st, &codes, k)));
        let body: Vec<Vec<String>> = codes
            .iter()
            .map(|&a| {
                let mut row = vec![chart_label(&st, &codes, a)];
                row.extend(codes.iter().map(|&b| {
                    st.segs
                        .iter()
                        .filter(|s| st.seg_has(s, a) && st.seg_has(s, b))
                        .count()
                        .to_string()
                }));
                row
            })
            .collect();
        c.table(
            &format!("{key} data"),
            &data_table(figure(&doc, key)),
            &head,
            &body,
            &[],
        );
    }

    // C11: participants by region, most first, shares of the partition.
    let order = st.values(0..st.people.len(), "region");
    let mut counted: Vec<(String, u64)> = order
        .iter()
        .map(|r| {
            (
                r.clone(),
                st.people
                    .iter()
                    .filter(|p| &p.fields["region"] == r)
                    .count() as u64,
            )
        })
        .collect();
    counted.sort_by_key(|x| std::cmp::Reverse(x.1));
    let shares = split(&counted.iter().map(|x| x.1).collect::<Vec<_>>());
    let body: Vec<Vec<String>> = counted
        .iter()
        .zip(&shares)
        .map(|((r, n), s)| vec![r.clone(), n.to_string(), s.clone()])
        .collect();
    let fig = figure(&doc, "C11");
    c.table(
        "C11 data",
        &data_table(fig),
        &strs(["region", "participants", "Share"]),
        &body,
        &[strs(["Total", "120", "100.0%"])],
    );
    bars(
        &mut c,
        "C11",
        fig,
        &counted.iter().map(|x| x.1).collect::<Vec<_>>(),
    );

    eprintln!("compared {} figures", c.n);
    assert!(c.n >= 500, "only {} figures compared", c.n);
    assert!(
        c.wrong.is_empty(),
        "{} of {} figures disagree with the data:\n{}",
        c.wrong.len(),
        c.n,
        c.wrong.join("\n")
    );
}

/// The bars of a bar chart encode `counts`: value labels equal them, and
/// bar lengths are proportional to them (a zero draws no bar).
fn bars(c: &mut Check, what: &str, fig: scraper::ElementRef<'_>, counts: &[u64]) {
    let values: Vec<String> = fig.select(&sel("svg text.chart-value")).map(text).collect();
    let want: Vec<String> = counts.iter().map(u64::to_string).collect();
    c.rows(&format!("{what} value labels"), &[values], &[want]);
    let widths: Vec<f64> = fig
        .select(&sel("svg rect.chart-fill"))
        .map(|r| {
            r.value()
                .attr("width")
                .and_then(|w| w.parse().ok())
                .unwrap_or(-1.0)
        })
        .collect();
    let drawn: Vec<u64> = counts.iter().copied().filter(|&n| n > 0).collect();
    c.eq(
        &format!("{what} bar count"),
        &widths.len().to_string(),
        &drawn.len().to_string(),
    );
    let max = *drawn.iter().max().unwrap_or(&1) as f64;
    let unit = widths.iter().copied().fold(0.0, f64::max) / max;
    for (i, (&w, &n)) in widths.iter().zip(&drawn).enumerate() {
        c.n += 1;
        if (w - n as f64 * unit).abs() > 0.15 {
            c.wrong.push(format!(
                "{what} bar {i}: width {w} does not encode {n} (unit {unit})"
            ));
        }
    }
}

#[test]
fn charts_that_cannot_be_read_refuse_with_a_hint() {
    let dir = tempfile::tempdir().expect("temp dir");
    gen::write(dir.path());
    let section = "+++\ntitle = \"X\"\n+++\n\n```{chart} heatmap\n:data: segments\n```\n\n```{chart} donut\n:data: segments\n:by: code\n```\n";
    fs::write(dir.path().join("content/sections/01-x.md"), section).expect("section");
    let out = findings(dir.path(), &["build"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    // The heatmap shows the codes some segment carries (itself or below).
    let st = Study::read(dir.path());
    let all: Vec<usize> = (0..st.segs.len()).collect();
    let used = (0..st.codes.len())
        .filter(|&k| st.freq(&all, k).0 > 0)
        .count();
    assert!(used > 40);
    assert!(
        err.contains(&format!(
            "a heatmap of {used} codes is too large to read (at most 40)"
        )),
        "{err}"
    );
    assert!(
        err.contains(":level: top (themes only), :codes: a, b, c, or :top: 30"),
        "{err}"
    );
    assert!(
        err.contains("a donut cannot show codes: a segment can carry several codes"),
        "{err}"
    );
    assert!(err.contains("01-x.md:5"), "{err}");
}
