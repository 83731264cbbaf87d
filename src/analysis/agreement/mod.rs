//! Inter-coder agreement: the coefficients over reliability data
//! (`coefficients`), computed from the coders' own codings of a study.

pub mod coefficients;
pub mod units;

use coefficients::{alpha, kappa, percent_agreement, Metric};
use units::Rows;

/// The agreement figures over some reliability data.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figures {
    /// Units with at least two values (the pairable ones).
    pub units: u64,
    /// Percent agreement, 0–100.
    pub percent: Option<f64>,
    /// Cohen's κ, with exactly two coders.
    pub kappa: Option<f64>,
    /// Krippendorff's α, nominal.
    pub alpha: Option<f64>,
}

/// The figures of `rows` (one code's, or several pooled).
pub fn figures(rows: &[&Rows]) -> Figures {
    let weighted: Vec<(Vec<Option<f64>>, f64)> = rows
        .iter()
        .flat_map(|r| r.iter())
        .map(|(values, &n)| (values.iter().map(|v| v.map(f64::from)).collect(), n as f64))
        .collect();
    let coders = weighted.first().map_or(0, |r| r.0.len());
    let units = weighted
        .iter()
        .filter(|(v, _)| v.iter().flatten().count() >= 2)
        .map(|(_, n)| *n as u64)
        .sum();
    Figures {
        units,
        percent: percent_agreement(&weighted),
        kappa: if coders == 2 { kappa(&weighted) } else { None },
        alpha: alpha(&weighted, Metric::Nominal),
    }
}

/// Agreement of `coders` on each of `codes` (each counting its sub-codes)
/// over the segments of `m`, and over every (unit, code) pair pooled.
pub fn per_code(
    m: &super::select::Matches,
    coders: &[String],
    codes: &[usize],
    unit: units::Unit,
) -> Result<(Vec<Figures>, Figures), super::Problem> {
    let rows = units::reliability(m, coders, codes, unit)?;
    let each = rows.iter().map(|r| figures(&[r])).collect();
    let all: Vec<&Rows> = rows.iter().collect();
    Ok((each, figures(&all)))
}

/// The coders to compare: `asked` (checked against the study's coders,
/// with a suggestion for a misspelt one) or every coder; at least two.
pub fn pick_coders(
    study: &crate::model::study::Study,
    asked: Option<&[String]>,
) -> Result<Vec<String>, super::Problem> {
    let known = units::coders(study);
    let picked = match asked {
        Some(list) => {
            for c in list {
                if !known.contains(c) {
                    let hint = crate::error::did_you_mean(c, known.iter().map(String::as_str))
                        .map_or_else(
                            || format!("the coders in the data: {}", list_or_none(&known)),
                            |m| format!("did you mean `{m}`?"),
                        );
                    return Err(super::Problem::new(format!("unknown coder `{c}`"), hint));
                }
            }
            list.to_vec()
        }
        None => known.clone(),
    };
    if picked.len() < 2 {
        return Err(super::Problem::new(
            format!(
                "agreement needs at least two coders, and {} {}",
                if asked.is_some() { "the list names" } else { "the data has" },
                match picked.len() {
                    0 => "none".to_string(),
                    _ => format!("one ({})", picked[0]),
                }
            ),
            "give segments their codes per coder (`codings`, or a .qdpx with several users), or name two coders with :coders:",
        ));
    }
    Ok(picked)
}

fn list_or_none(names: &[String]) -> String {
    if names.is_empty() {
        "none".into()
    } else {
        names.join(", ")
    }
}

#[cfg(test)]
mod tests;
