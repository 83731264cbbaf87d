//! Number formatting (`[numbers]` in report.toml) shared by prose, tables
//! and charts, so that a share printed in a sentence and the same share on
//! a chart are the same string.

use serde::Deserialize;

/// How numbers are written in the report (`[numbers]` in `report.toml`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct NumberFormat {
    /// Decimals shown in percentages.
    pub decimals: u8,
    /// Written after a percentage: "%" gives 77.8%, " %" gives 77.8 %.
    pub percent_sign: String,
    /// Grouping separator for thousands ("" for none).
    pub thousands: String,
    /// Decimal separator.
    pub decimal_point: String,
}

impl Default for NumberFormat {
    fn default() -> Self {
        NumberFormat {
            decimals: 1,
            percent_sign: "%".to_string(),
            thousands: ",".to_string(),
            decimal_point: ".".to_string(),
        }
    }
}

impl NumberFormat {
    /// Writes `value` with `decimals` decimals and the configured separators.
    pub fn number(&self, value: f64, decimals: u8) -> String {
        let fixed = format!("{:.*}", decimals as usize, value.abs());
        let (int, frac) = fixed.split_once('.').unwrap_or((&fixed, ""));
        let mut out = String::with_capacity(fixed.len() + 4);
        if value < 0.0 && fixed.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
            out.push('-');
        }
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push_str(&self.thousands);
            }
            out.push(c);
        }
        if !frac.is_empty() {
            out.push_str(&self.decimal_point);
            out.push_str(frac);
        }
        out
    }

    /// Writes a whole count, with thousands separators.
    pub fn count(&self, n: u64) -> String {
        self.number(n as f64, 0)
    }

    /// Writes a percentage given in percent units (77.78 → "77.8%").
    pub fn percent(&self, percent: f64) -> String {
        format!(
            "{}{}",
            self.number(percent, self.decimals),
            self.percent_sign
        )
    }

    /// `count` as a percent of `total`, rounded on its own to the
    /// configured decimals, half away from zero on the exact ratio: the
    /// rounding of a number quoted alone (4 of 9 is 44.4%). Zero when the
    /// total is zero.
    pub fn ratio(&self, count: u64, total: u64) -> f64 {
        rounded_ratio(count, total, self.decimals)
    }

    /// Percentages of `counts` in their total, rounded to the configured
    /// decimals so that the rounded parts add up to exactly 100
    /// (largest-remainder method). All zeros when the total is zero.
    pub fn split(&self, counts: &[u64]) -> Vec<f64> {
        largest_remainder(counts, self.decimals)
    }
}

/// `count / total` in percent, rounded half away from zero to `decimals`
/// decimals in exact integer arithmetic (no binary-fraction surprises:
/// 1 of 8 at one decimal is 12.5, 1 of 16 at one decimal is 6.3).
pub fn rounded_ratio(count: u64, total: u64, decimals: u8) -> f64 {
    if total == 0 {
        return 0.0;
    }
    let scale = 10u128.pow(u32::from(decimals));
    let num = u128::from(count) * 100 * scale;
    let total = u128::from(total);
    let (q, r) = (num / total, num % total);
    let units = if 2 * r >= total { q + 1 } else { q };
    units as f64 / scale as f64
}

/// Rounds the shares of `counts` to `decimals` decimals so they sum to 100.
pub fn largest_remainder(counts: &[u64], decimals: u8) -> Vec<f64> {
    let total: u64 = counts.iter().sum();
    if total == 0 {
        return vec![0.0; counts.len()];
    }
    let scale = 10u64.pow(u32::from(decimals));
    let units = 100 * scale;
    // Exact integer arithmetic: each part's share in units of 10^-decimals percent.
    let mut floors: Vec<(usize, u64, u64)> = counts
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let num = u128::from(c) * u128::from(units);
            let floor = (num / u128::from(total)) as u64;
            let rem = (num % u128::from(total)) as u64;
            (i, floor, rem)
        })
        .collect();
    let assigned: u64 = floors.iter().map(|f| f.1).sum();
    let mut left = units - assigned;
    let mut order: Vec<usize> = (0..floors.len()).collect();
    order.sort_by(|&a, &b| floors[b].2.cmp(&floors[a].2).then(a.cmp(&b)));
    for i in order {
        if left == 0 {
            break;
        }
        if floors[i].2 > 0 {
            floors[i].1 += 1;
            left -= 1;
        }
    }
    floors
        .iter()
        .map(|&(_, f, _)| f as f64 / scale as f64)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seven_of_nine_is_77_8_percent() {
        let f = NumberFormat::default();
        let parts = f.split(&[7, 2]);
        assert_eq!(f.percent(parts[0]), "77.8%");
        assert_eq!(f.percent(parts[1]), "22.2%");
    }

    #[test]
    fn rounded_parts_sum_to_exactly_100() {
        for counts in [
            vec![1, 1, 1],
            vec![2, 2, 2, 1],
            vec![1, 2, 3, 4, 5, 6, 7],
            vec![0, 3, 0],
        ] {
            for decimals in 0..3 {
                let parts = largest_remainder(&counts, decimals);
                let scale = 10f64.powi(i32::from(decimals));
                let sum: i64 = parts.iter().map(|p| (p * scale).round() as i64).sum();
                assert_eq!(sum, 100 * scale as i64, "{counts:?} at {decimals}");
            }
        }
        assert_eq!(largest_remainder(&[1, 1, 1], 0), vec![34.0, 33.0, 33.0]);
    }

    #[test]
    fn a_number_quoted_alone_rounds_on_its_own() {
        // 4/9 = 44.44…%: 44.4, where the largest-remainder split of
        // [4, 4, 1] would give one of the fours 44.5.
        assert_eq!(rounded_ratio(4, 9, 1), 44.4);
        assert_eq!(largest_remainder(&[4, 4, 1], 1)[0], 44.5);
        assert_eq!(rounded_ratio(7, 9, 1), 77.8);
        assert_eq!(rounded_ratio(1, 8, 0), 13.0); // 12.5 rounds away from zero
        assert_eq!(rounded_ratio(1, 16, 1), 6.3); // 6.25
        assert_eq!(rounded_ratio(2, 3, 2), 66.67);
        assert_eq!(rounded_ratio(0, 0, 1), 0.0);
        assert_eq!(rounded_ratio(181, 188, 1), 96.3);
    }

    #[test]
    fn zero_total_gives_zero_shares() {
        assert_eq!(largest_remainder(&[0, 0], 1), vec![0.0, 0.0]);
    }

    #[test]
    fn groups_thousands_and_uses_separators() {
        let f = NumberFormat {
            decimals: 2,
            percent_sign: " %".into(),
            thousands: "\u{202f}".into(),
            decimal_point: ",".into(),
        };
        assert_eq!(f.count(1_234_567), "1\u{202f}234\u{202f}567");
        assert_eq!(f.percent(12.5), "12,50 %");
        assert_eq!(NumberFormat::default().number(-0.04, 1), "0.0");
    }
}
