//! Chart rendering through the public API: the SVG structure of every
//! kind and its summary, plus one snapshot per kind.

use crate::charts_support::*;

#[test]
fn root_is_accessible_and_responsive() {
    for kind in [ChartKind::Donut, ChartKind::Bar] {
        let chart = draw(kind, stance());
        let svg = &chart.svg;
        assert!(
            svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-"),
            "{svg}"
        );
        assert!(svg.contains(" role=\"img\" aria-labelledby=\"fig-1-title fig-1-desc\""));
        assert!(svg.contains(" viewBox=\"0 0 720 "));
        assert!(svg.contains(" width=\"100%\""));
        let root = &svg[..svg.find('>').expect("root tag")];
        assert!(!root.contains(" height="), "no fixed height: {root}");
        assert!(svg.contains("<title id=\"fig-1-title\">A chart</title>"));
        assert!(svg.contains(&format!("<desc id=\"fig-1-desc\">{}</desc>", chart.summary)));
        assert!(svg.ends_with("</svg>"));
        assert!(
            !svg.contains("rgb") && !svg.contains("#") && !svg.contains("font-family"),
            "colours or fonts baked in"
        );
    }
}

#[test]
fn donut_has_a_slice_per_category_with_shares_and_total() {
    let chart = draw(
        ChartKind::Donut,
        split(&[
            ("Deeper crisis", 7),
            ("Bear-market classic", 2),
            ("None", 0),
        ]),
    );
    let svg = &chart.svg;
    assert_eq!(svg.matches("<path class=\"chart-fill chart-s").count(), 2);
    assert!(svg.contains(">77.8%</text>") && svg.contains(">22.2%</text>"));
    assert!(svg.contains("<text class=\"chart-total\""));
    assert!(svg.contains(">9</text>"));
    assert_eq!(
        svg.matches("<rect class=\"chart-fill").count(),
        3,
        "every category is in the legend"
    );
    assert_eq!(
        chart.summary,
        "By stance, 7 of 9 participants (77.8%) are Deeper crisis; 2 (22.2%) are Bear-market classic; 0 (0.0%) are None."
    );
    let pie = draw(ChartKind::Pie, stance());
    assert!(!pie.svg.contains("chart-total"));
}

#[test]
fn a_single_category_is_a_full_ring() {
    let chart = draw(ChartKind::Donut, split(&[("Everyone", 4)]));
    assert!(chart.svg.contains(">100.0%</text>"));
    assert_eq!(
        chart
            .svg
            .matches("<path class=\"chart-fill chart-s0\"")
            .count(),
        1
    );
}

#[test]
fn bars_keep_the_given_order_with_values_at_their_ends() {
    // The directive decides the order (`:sort:`); the chart draws it.
    let chart = draw(
        ChartKind::Bar,
        split(&[("Beta", 3), ("Gamma", 9), ("Alpha", 3), ("Delta", 0)]),
    );
    let svg = &chart.svg;
    let pos = |label: &str| svg.find(&format!(">{label}</text>")).expect(label);
    assert!(
        pos("Beta") < pos("Gamma") && pos("Gamma") < pos("Alpha") && pos("Alpha") < pos("Delta")
    );
    let widths = attrs(svg, "<rect class=\"chart-fill chart-s0\"", "width");
    assert_eq!(widths.len(), 3, "a zero count draws no bar");
    assert!(widths[1] > widths[0] && widths[0] == widths[2]);
    assert_eq!(attrs(svg, "<text class=\"chart-value\"", "x").len(), 4);
}

#[test]
fn long_labels_wrap_or_shorten_with_the_full_text_as_title() {
    let long = "Diversification as psychological shield against every kind of loss imaginable";
    let chart = draw(ChartKind::Bar, split(&[(long, 4), ("Short", 2)]));
    assert!(chart.svg.contains("<tspan"));
    assert!(chart.svg.contains(&format!("<title>{long}</title>")));
    assert!(chart.svg.contains('…'));
}

#[test]
fn stacked_bars_fill_100_percent_per_row() {
    let chart = draw(ChartKind::Stacked, personas());
    let svg = &chart.svg;
    assert_eq!(
        svg.matches("<rect class=\"chart-fill chart-s").count() - 4,
        9,
        "nine non-zero cells plus a legend of four"
    );
    assert!(svg.contains(">100%</text>"));
    assert!(chart.summary.starts_with("17 participants by persona and stance. Builder (6): Disagree 1 (16.7%), Unsure 2 (33.3%), Neutral 0 (0.0%), Agree 3 (50.0%)."));
}

#[test]
fn diverging_puts_the_first_half_left_of_the_centre() {
    let chart = draw(ChartKind::Diverging, personas());
    let svg = &chart.svg;
    let centre_left = attrs(svg, "<rect class=\"chart-fill chart-s1\" x", "x");
    let centre_right = attrs(svg, "<rect class=\"chart-fill chart-s2\" x", "x");
    let widths = attrs(svg, "<rect class=\"chart-fill chart-s1\" x", "width");
    // Column 1 ends where column 2 starts: at the centre line (index 0 is
    // the legend swatch).
    assert!(
        (centre_left[1] + widths[1] - centre_right[1]).abs() < 0.2,
        "{centre_left:?} {widths:?} {centre_right:?}"
    );
    assert!(svg.contains(">0%</text>"));
}

#[test]
fn grouped_draws_a_bar_per_cell_with_counts() {
    let chart = draw(ChartKind::Grouped, personas());
    assert_eq!(
        chart
            .svg
            .matches("<rect class=\"chart-fill chart-s")
            .count()
            - 4,
        9
    );
    // One count per drawn bar; empty cells get neither bar nor label.
    assert_eq!(chart.svg.matches("<text class=\"chart-value\"").count(), 9);
}

#[test]
fn line_has_dates_events_and_phases() {
    let chart = draw(ChartKind::Line, sentiment());
    let svg = &chart.svg;
    assert_eq!(
        svg.matches("<path class=\"chart-line chart-s0\"").count(),
        1
    );
    assert!(svg.contains(">Exploit, 3 Nov 2025</text>"));
    assert!(svg.contains("<path class=\"chart-event\""));
    assert!(svg.contains("<rect class=\"chart-phase\""));
    assert!(svg.contains(">Acute phase</text>"));
    assert!(svg.contains(">3 Nov</text>"), "weekly ticks on Mondays");
    let ticks = attrs(svg, "<text class=\"chart-tick\"", "x");
    assert!(ticks.len() >= 8);
    assert!(chart.summary.contains("Marked: Exploit, 3 Nov 2025."));
    let area = draw(ChartKind::Area, sentiment());
    assert!(area.svg.contains("<path class=\"chart-area chart-s0\""));
}

#[test]
fn heatmap_has_a_cell_per_pair_and_a_distinct_diagonal() {
    let chart = draw(ChartKind::Heatmap, cooccurrence());
    let svg = &chart.svg;
    assert_eq!(svg.matches("<rect class=\"chart-cell").count(), 9);
    assert_eq!(
        svg.matches("<rect class=\"chart-cell chart-diag\"").count(),
        3
    );
    assert_eq!(
        svg.matches("chart-h5").count(),
        2,
        "the largest pair, both ways"
    );
    assert_eq!(svg.matches("chart-h0").count(), 2, "zero pairs");
    assert!(chart
        .summary
        .contains("Most often together: Trust and Fear (4); Fear and Exit (2)."));
}

#[test]
fn roadmap_lists_phases_and_milestones() {
    let chart = draw(ChartKind::Roadmap, roadmap());
    let svg = &chart.svg;
    assert_eq!(svg.matches("<rect class=\"chart-fill chart-s").count(), 3);
    assert_eq!(svg.matches(">• ").count(), 9);
    assert!(svg.contains(">30–90 days</text>"));
    assert!(chart
        .summary
        .starts_with("3 phases from 1 Jan 2026 to 29 Jun 2026."));
}

#[test]
fn snapshots_of_every_kind() {
    for k in KINDS {
        // Pie and bar get splits of their own, so the snapshots also show
        // three slices and a label with quotes.
        let data = match k.name {
            "pie" => split(&[("Interview", 23), ("Forum post", 12), ("Chat log", 3)]),
            "bar" => split(&[
                ("Death of \"Code is Law\" idealism", 14),
                ("Security theater fatigue", 6),
                ("Quiet exit", 2),
            ]),
            _ => sample(k.shape),
        };
        let chart = draw(k.kind, data);
        insta::assert_snapshot!(k.name, lines(&chart.svg));
    }
}

#[test]
fn a_one_point_series_is_a_dot() {
    let data = ChartData::Series {
        series: vec![Series {
            label: "Once".to_string(),
            unit: String::new(),
            points: vec![(date("2026-01-01"), 3.0)],
        }],
        events: vec![],
        phases: vec![],
    };
    let chart = draw(ChartKind::Line, data);
    assert!(chart.svg.contains("<circle class=\"chart-fill chart-s0\""));
}

/// Every `<text class="chart-tick">` at one baseline, as (x, text), in
/// drawing order.
fn tick_texts(svg: &str) -> Vec<(f64, f64, String)> {
    svg.match_indices("<text class=\"chart-tick\"")
        .filter_map(|(i, _)| {
            let rest = &svg[i..];
            let open = &rest[..rest.find('>')?];
            let get = |name: &str| -> Option<f64> {
                let at = open.find(&format!(" {name}=\""))? + name.len() + 3;
                open[at..].split('"').next()?.parse().ok()
            };
            let text = rest[rest.find('>')? + 1..rest.find("</text>")?].to_string();
            Some((get("x")?, get("y")?, text))
        })
        .collect()
}

#[test]
fn a_narrow_phase_keeps_its_whole_label_on_a_row_of_its_own() {
    // "Acute response" is six days wide: far too narrow for its words.
    let ChartData::Series { series, events, .. } = sentiment() else {
        unreachable!("sentiment() is a series")
    };
    let phases = vec![
        Phase {
            start: date("2025-11-03"),
            end: date("2025-11-08"),
            label: "Acute response".to_string(),
        },
        Phase {
            start: date("2025-11-09"),
            end: date("2025-12-18"),
            label: "Aftermath".to_string(),
        },
    ];
    let chart = draw(
        ChartKind::Area,
        ChartData::Series {
            series,
            events,
            phases,
        },
    );
    let svg = &chart.svg;
    assert!(svg.contains(">Acute response</text>"), "shortened: {svg}");
    assert!(svg.contains(">Aftermath</text>"));
    assert!(!svg.contains('…'));
    let ys = |label: &str| {
        let end = svg.find(&format!(">{label}</text>")).expect("label");
        let open = svg[..end].rfind("<text").expect("its element");
        attrs(&svg[open..=end], "<text", "y")[0]
    };
    assert_ne!(
        ys("Acute response"),
        ys("Aftermath"),
        "the two labels share a row"
    );
}

#[test]
fn grouped_rows_are_as_tall_as_their_bars() {
    // Each row has one non-zero column of two: no empty slot is drawn.
    let one_each = crosstab(
        &["A", "B", "C"],
        &["Yes", "No"],
        vec![vec![1, 0], vec![0, 2], vec![4, 0]],
    );
    let both = crosstab(
        &["A", "B", "C"],
        &["Yes", "No"],
        vec![vec![1, 1], vec![2, 2], vec![4, 4]],
    );
    let height = |c: &RenderedChart| {
        let at = c.svg.find("viewBox=\"0 0 720 ").expect("viewBox") + "viewBox=\"0 0 720 ".len();
        c.svg[at..]
            .split('"')
            .next()
            .expect("height")
            .parse::<f64>()
            .expect("a number")
    };
    let (one, two) = (
        draw(ChartKind::Grouped, one_each),
        draw(ChartKind::Grouped, both),
    );
    assert!(
        height(&one) < height(&two),
        "{} vs {}",
        height(&one),
        height(&two)
    );
    // In each row of `one`, the one bar sits in the middle of its row.
    let ys = attrs(&one.svg, "<rect class=\"chart-fill chart-s", "y");
    let hs = attrs(&one.svg, "<rect class=\"chart-fill chart-s", "height");
    assert_eq!(ys.len(), 3 + 2, "three bars and two legend keys");
    assert!(hs[2..].iter().all(|&h| h >= 16.0), "thin bars: {hs:?}");
}

#[test]
fn heatmap_column_labels_wrap_like_its_row_labels() {
    let labels = [
        "The Death of \"Code is Law\" Idealism",
        "Diversification as Psychological Shield",
        "Cynicism Toward the \"Exploit Economy\"",
        "Security Theater Fatigue",
    ];
    let data = ChartData::Matrix {
        labels: labels.iter().map(|s| s.to_string()).collect(),
        counts: vec![
            vec![2, 0, 0, 0],
            vec![0, 4, 1, 0],
            vec![0, 1, 4, 2],
            vec![0, 0, 2, 5],
        ],
    };
    let chart = draw(ChartKind::Heatmap, data);
    assert!(!chart.svg.contains('…'), "a label was cut: {}", chart.svg);
    // Every word of every label is drawn twice: once by its row, once by
    // its column.
    for word in ["Idealism", "Psychological", "Economy", "Fatigue"] {
        assert!(chart.svg.matches(word).count() >= 2, "{word}");
    }
}

#[test]
fn tick_labels_never_touch_at_the_ends_of_an_axis() {
    let chart = draw(ChartKind::Roadmap, roadmap());
    let ticks = tick_texts(&chart.svg);
    assert!(ticks.len() >= 3);
    // At 12 px a character is at most 0.62 em wide in the theme's font.
    let half = |t: &str| t.chars().count() as f64 * 12.0 * 0.62 / 2.0;
    for pair in ticks.windows(2) {
        let ((x0, _, a), (x1, _, b)) = (&pair[0], &pair[1]);
        assert!(
            x1 - half(b) > x0 + half(a),
            "`{a}` and `{b}` touch: {ticks:?}"
        );
    }
}
