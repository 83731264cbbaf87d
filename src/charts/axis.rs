//! Axis ticks: round numbers for counts and values (from plotters' key
//! points) and calendar ticks for dates (days, weeks or months depending on
//! the span, spaced so their labels never overlap).

use plotters::coord::ranged1d::Ranged;
use plotters::coord::types::{RangedCoordf64, RangedCoordu64};

use super::text;
use crate::model::date::Date;

/// Round tick values from 0 up to at least `max`, whole numbers only.
pub fn count_ticks(max: u64) -> Vec<u64> {
    let mut ticks = RangedCoordu64::from(0..max.max(1)).key_points(5usize);
    extend_to(&mut ticks, max.max(1), |a, b| a + b, |a, b| a - b);
    ticks
}

/// No axis needs more ticks than this; the loops that extend the ticks
/// stop here whatever the arithmetic does near the limits of `f64`.
const MAX_TICKS: usize = 64;

/// Round tick values covering `min..max`.
pub fn value_ticks(min: f64, max: f64) -> Vec<f64> {
    // A span wider than an f64 holds (values near ±1.8e308) has no round
    // step: its ends (and zero between them) are the ticks.
    if !(max - min).is_finite() {
        return [min, 0.0, max]
            .into_iter()
            .filter(|v| v.is_finite() && (min..=max).contains(v))
            .collect();
    }
    let (min, max) = if (max - min).abs() < f64::EPSILON {
        (min - 1.0, max + 1.0)
    } else {
        (min, max)
    };
    let mut ticks = RangedCoordf64::from(min..max).key_points(6usize);
    if ticks.len() < 2 {
        return vec![min, max];
    }
    let step = ticks[1] - ticks[0];
    // A step lost to rounding (huge values, tiny differences) would never
    // move a tick.
    if !(step.is_finite() && step > 0.0) || ticks[0] - step == ticks[0] {
        return vec![min, max];
    }
    while ticks[0] > min + step * 1e-9 && ticks.len() < MAX_TICKS {
        ticks.insert(0, ticks[0] - step);
    }
    extend_to(&mut ticks, max, |a, b| a + b, |a, b| a - b);
    // A round step past ±1.8e308 overflows: the end itself is the tick.
    let last = ticks.len() - 1;
    for (i, end) in [(0, min), (last, max)] {
        if !ticks[i].is_finite() {
            ticks[i] = end;
        }
    }
    ticks
}

/// Appends steps until the last tick reaches `max`.
fn extend_to<T: Copy + PartialOrd>(
    ticks: &mut Vec<T>,
    max: T,
    add: fn(T, T) -> T,
    sub: fn(T, T) -> T,
) {
    if ticks.len() < 2 {
        return;
    }
    let step = sub(ticks[1], ticks[0]);
    while let Some(&last) = ticks.last() {
        if last >= max || ticks.len() >= MAX_TICKS {
            break;
        }
        ticks.push(add(last, step));
    }
}

/// Decimals needed to tell apart values `step` apart (ticks, summaries).
pub fn decimals_for(step: f64) -> u8 {
    let step = step.abs();
    if step == 0.0 || step >= 1.0 {
        0
    } else {
        (-step.log10().floor()).clamp(0.0, 6.0) as u8
    }
}

/// How far apart date ticks are.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Step {
    Days(i32),
    Weeks(i32),
    Months(i32),
}

/// Date ticks with labels for `start..=end` drawn over `width` units:
/// the finest of days, weeks or months whose labels fit side by side.
pub fn date_ticks(start: Date, end: Date, width: f64) -> Vec<(Date, String)> {
    let mut steps = vec![Step::Days(1), Step::Days(2), Step::Weeks(1), Step::Weeks(2)];
    steps.extend([1, 2, 3, 6].map(Step::Months));
    steps.extend([1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].map(|years| Step::Months(12 * years)));
    let span = f64::from((end.0 - start.0).max(1));
    let last = steps[steps.len() - 1];
    for step in steps {
        // Skip steps far too fine to fit before making their labels: a long
        // span would otherwise build millions of day ticks.
        let days = match step {
            Step::Days(n) => f64::from(n),
            Step::Weeks(n) => f64::from(7 * n),
            Step::Months(n) => f64::from(n) * 30.4,
        };
        if span / days > width / 20.0 && step != last {
            continue;
        }
        let ticks = ticks_for(step, start, end);
        let widest = ticks
            .iter()
            .map(|(_, l)| text::width(l, text::LABEL_SIZE))
            .fold(0.0, f64::max);
        // Closest pair of neighbouring ticks, in units; labels are centred.
        let gap = ticks
            .windows(2)
            .map(|w| f64::from(w[1].0 .0 - w[0].0 .0))
            .fold(f64::INFINITY, f64::min)
            / span
            * width;
        if ticks.len() >= 2 && gap >= widest + 16.0 || step == last {
            return ticks;
        }
    }
    Vec::new()
}

fn ticks_for(step: Step, start: Date, end: Date) -> Vec<(Date, String)> {
    let mut out = Vec::new();
    match step {
        Step::Days(n) => {
            let mut d = start.0;
            while d <= end.0 {
                out.push((Date(d), Date(d).day_month_label()));
                d += n;
            }
        }
        Step::Weeks(n) => {
            // 1970-01-05 (day 4) was a Monday; weeks start on Mondays.
            let mut d = start.0 + (4 - start.0).rem_euclid(7);
            while d <= end.0 {
                out.push((Date(d), Date(d).day_month_label()));
                d += 7 * n;
            }
        }
        Step::Months(n) => {
            let (mut y, mut m, d) = start.ymd();
            if d > 1 {
                m += 1;
            }
            // Align to multiples of the step: Jan, Apr, Jul… or round years.
            while (m - 1) % n.min(12) != 0 {
                m += 1;
            }
            if n > 12 {
                let years = n / 12;
                y += i32::from(m > 1);
                m = 1;
                y += (years - y.rem_euclid(years)) % years;
            }
            loop {
                if m > 12 {
                    y += (m - 1) / 12;
                    m = (m - 1) % 12 + 1;
                }
                let date = Date::from_ymd(y, m, 1);
                if date > end {
                    break;
                }
                let label = if n >= 12 {
                    format!("{y}")
                } else {
                    date.month_label()
                };
                out.push((date, label));
                m += n;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_ticks_are_whole_and_cover_the_max() {
        let t = count_ticks(7);
        assert_eq!(t[0], 0);
        assert!(*t.last().unwrap() >= 7);
        let t = count_ticks(2);
        assert!(t.windows(2).all(|w| w[1] > w[0]));
    }

    #[test]
    fn value_ticks_at_the_limits_of_f64_end() {
        let max = f64::MAX;
        assert_eq!(value_ticks(-max, max), [-max, 0.0, max]);
        assert_eq!(value_ticks(0.0, max).first(), Some(&0.0));
        for (lo, hi) in [
            (1.0, max),
            (-max, -1.0),
            (1e300, 1e300 * (1.0 + 1e-15)),
            (5e-324, 1e-323),
            (-max / 2.0, max / 2.0),
        ] {
            let ticks = value_ticks(lo, hi);
            assert!((2..=64).contains(&ticks.len()), "{lo}..{hi}: {ticks:?}");
            assert!(ticks.iter().all(|t| t.is_finite()), "{lo}..{hi}: {ticks:?}");
            assert!(
                ticks[0] <= lo && ticks[ticks.len() - 1] >= hi,
                "{lo}..{hi}: {ticks:?}"
            );
        }
    }

    #[test]
    fn value_ticks_cover_the_range() {
        let t = value_ticks(-3.2, 47.9);
        assert!(t[0] <= -3.2 && *t.last().unwrap() >= 47.9, "{t:?}");
    }

    #[test]
    fn date_ticks_follow_the_span() {
        let start = Date::parse("2025-10-20").unwrap();
        let ticks = date_ticks(start, Date(start.0 + 59), 600.0);
        assert!(ticks.len() >= 4 && ticks.len() <= 10, "{ticks:?}");
        let long = date_ticks(start, Date(start.0 + 3000), 600.0);
        assert!(long.iter().all(|(d, _)| d.ymd().2 == 1), "{long:?}");
        let short = date_ticks(start, Date(start.0 + 6), 600.0);
        assert_eq!(short.len(), 7);
    }
}
