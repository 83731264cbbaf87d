//! `{agreement} SELECTION`: inter-coder agreement per code, as a table: Code, Units, Agreement, κ, α, and a last row pooling
//! every (unit, code) pair.

use crate::analysis::agreement::units::Unit;
use crate::analysis::agreement::{per_code, pick_coders, Figures};
use crate::analysis::codes::code_rows;
use crate::analysis::select::{select, Kind, Selection};
use crate::analysis::CodeSort;
use crate::document::{text, Block, Cell, Inline, Note, Row, Scope, Table, TableKind};
use crate::markdown::context::{Directive, Failure, Renderer};
use crate::markdown::inline::inline;
use crate::model::numbers::NumberFormat;

use super::{code_options, list, needs_argument};

/// The options of `{agreement}`.
pub const OPTIONS: &[&str] = &[
    "coders", "unit", "codes", "under", "level", "top", "sort", "caption",
];

/// Krippendorff's threshold below which conclusions are not even tentative.
pub const THRESHOLD: f64 = 0.667;

/// Fewer units than this make any coefficient fragile; `check` warns.
pub const FEW_UNITS: u64 = 10;

/// Renders the agreement table.
pub fn render(
    r: &mut dyn Renderer<'_>,
    d: &Directive,
    body_at: usize,
    _scope: &str,
) -> Result<Vec<Block>, Failure> {
    if d.argument.trim().is_empty() {
        return Err(needs_argument("agreement", "segments"));
    }
    let ctx = r.ctx();
    let study = ctx.study;
    let f = ctx.format;
    let sel =
        Selection::parse(&d.argument).map_err(|e| (e, "e.g. ```{agreement} segments".into()))?;
    let m = select(study, &sel)?;
    if m.kind != Kind::Segments {
        return Err((
            format!(
                "agreement is computed over segments, and `{}` selects {}",
                d.argument.trim(),
                m.dataset
            ),
            "use a selection of segments, e.g. ```{agreement} segments".into(),
        ));
    }
    let asked = d.option("coders").map(list);
    let coders = pick_coders(study, asked.as_deref())?;
    let unit = d
        .option("unit")
        .map(Unit::parse)
        .transpose()?
        .unwrap_or(Unit::Segment);
    let mut q = code_options::query(study, d, CodeSort::Codebook)?;
    q.people = false;
    let rows = code_rows(&m, &q);
    let codes: Vec<usize> = rows.rows.iter().map(|r| r.code).collect();
    let (each, all) = per_code(&m, &coders, &codes, unit)?;
    let n = each.first().map_or(0, |e| e.units);
    if n < FEW_UNITS {
        r.warning(
            body_at,
            format!("this agreement rests on {n} unit{}, fewer than {FEW_UNITS}", if n == 1 { "" } else { "s" }),
            "agreement over so few units says little: code more material with both coders, or report the counts instead".into(),
        );
    }
    let labels = code_options::labels(study, &rows);
    let mut table = Table::new(TableKind::Agreement);
    let title = d.option("caption").map_or_else(
        || text("Inter-coder agreement"),
        |c| inline(c, ctx.raw_html),
    );
    let about = format!(
        ": {}, per {}, {} unit{}",
        join_names(&coders),
        unit.name(),
        f.count(n),
        if n == 1 { "" } else { "s" }
    );
    let mut caption = title;
    caption.push(Inline::Text(about));
    table.caption = Some(caption);
    let head = ["Code", "Units", "Agreement", "κ", "α"];
    let head = head.iter().map(|h| Cell::header(Scope::Col, text(h)));
    table.head.push(Row::new(head.collect()));
    let mut undefined = false;
    for (label, fig) in labels.iter().zip(&each) {
        table.body.push(row(label, fig, f, &mut undefined));
    }
    table.foot.push(row("All codes", &all, f, &mut undefined));
    let mut notes = vec![format!(
        "Agreement is the share of pairable codings that agree; κ is Cohen's (two coders only); α is Krippendorff's (nominal). Values below {THRESHOLD} are marked *: below Krippendorff's threshold for tentative conclusions."
    )];
    if coders.len() != 2 {
        notes.push("κ needs exactly two coders, so it is not given.".into());
    }
    if undefined {
        notes.push("— : undefined (only one value occurs, or nothing to pair).".into());
    }
    table.notes = notes.iter().map(|n| Note::reading(text(n))).collect();
    Ok(vec![Block::Table(table)])
}

/// "anna and béla", "anna, béla and cili".
fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A coefficient with three decimals, marked when under the threshold.
pub fn coefficient(value: Option<f64>, f: &NumberFormat) -> (String, bool) {
    match value {
        Some(v) => {
            let text = f.number(v, 3);
            if v < THRESHOLD {
                (format!("{text}*"), true)
            } else {
                (text, false)
            }
        }
        None => ("—".into(), false),
    }
}

/// A code's row: its units, agreement and coefficients.
fn row(label: &str, fig: &Figures, f: &NumberFormat, undefined: &mut bool) -> Row {
    let percent = fig
        .percent
        .map_or_else(|| "—".to_string(), |p| f.percent(p));
    let (kappa, _) = coefficient(fig.kappa, f);
    let (alpha, _) = coefficient(fig.alpha, f);
    *undefined |= fig.percent.is_none() || fig.alpha.is_none();
    let mut cells = vec![Cell::header(Scope::Row, text(label))];
    for value in [f.count(fig.units), percent, kappa, alpha] {
        cells.push(Cell::number(text(&value)));
    }
    Row::new(cells)
}
