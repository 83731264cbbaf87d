//! Agreement coefficients over reliability data: units (rows) × coders
//! (columns), each cell a value or missing. Percent agreement, Cohen's κ
//! (two coders) and Krippendorff's α (any number of coders, missing
//! values allowed, through the coincidence matrix), nominal or interval.
//!
//! Formulas as in Krippendorff, "Computing Krippendorff's
//! Alpha-Reliability" (2011), and Cohen (1960). A coefficient that is
//! undefined (one value only, nothing pairable) is `None`, shown as "—".

use std::collections::BTreeMap;

/// How far apart two values are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// Equal or not.
    Nominal,
    /// The squared difference.
    Interval,
}

impl Metric {
    fn distance(self, a: f64, b: f64) -> f64 {
        match self {
            Metric::Nominal => f64::from(u8::from(a != b)),
            Metric::Interval => (a - b) * (a - b),
        }
    }
}

/// Reliability data: `units[u][c]` is coder `c`'s value on unit `u`.
pub type Data = [Vec<Option<f64>>];

/// Reliability data with repeated units counted once: each distinct row
/// of values with how many units have it. Character units of a long
/// source repeat a handful of rows millions of times.
pub type Weighted = [(Vec<Option<f64>>, f64)];

/// Each unit of `data` once.
pub fn weigh(data: &Data) -> Vec<(Vec<Option<f64>>, f64)> {
    data.iter().map(|u| (u.clone(), 1.0)).collect()
}

/// The coincidence matrix of `data` as `(value, value) → weight`, and the
/// number of pairable values `n`. Units with fewer than two values are
/// not pairable and are left out.
fn coincidences(data: &Weighted) -> (BTreeMap<(u64, u64), f64>, f64) {
    let mut o: BTreeMap<(u64, u64), f64> = BTreeMap::new();
    let mut n = 0.0;
    for (unit, times) in data {
        let values: Vec<f64> = unit.iter().flatten().copied().collect();
        let m = values.len();
        if m < 2 {
            continue;
        }
        n += m as f64 * times;
        let weight = times / (m as f64 - 1.0);
        for (i, &a) in values.iter().enumerate() {
            for (j, &b) in values.iter().enumerate() {
                if i != j {
                    *o.entry((a.to_bits(), b.to_bits())).or_default() += weight;
                }
            }
        }
    }
    (o, n)
}

/// Krippendorff's α of `data` under `metric`: 1 − D_o / D_e, with the
/// observed disagreement D_o = Σ o_ck δ²_ck / n and the expected one
/// D_e = Σ n_c n_k δ²_ck / (n (n − 1)). `None` when nothing is pairable
/// or only one value occurs (D_e = 0).
pub fn alpha(data: &Weighted, metric: Metric) -> Option<f64> {
    let (o, n) = coincidences(data);
    if n < 2.0 {
        return None;
    }
    let mut marginals: BTreeMap<u64, f64> = BTreeMap::new();
    for (&(c, _), &w) in &o {
        *marginals.entry(c).or_default() += w;
    }
    let delta = |a: u64, b: u64| metric.distance(f64::from_bits(a), f64::from_bits(b));
    let observed: f64 = o.iter().map(|(&(c, k), &w)| w * delta(c, k)).sum::<f64>() / n;
    let mut expected = 0.0;
    for (&c, &nc) in &marginals {
        for (&k, &nk) in &marginals {
            expected += nc * nk * delta(c, k);
        }
    }
    expected /= n * (n - 1.0);
    (expected > 0.0).then(|| 1.0 - observed / expected)
}

/// Percent agreement: the share of pairable value pairs that agree,
/// Σ o_cc / n (for two coders and no missing values, the share of units
/// both coded alike). `None` when nothing is pairable.
pub fn percent_agreement(data: &Weighted) -> Option<f64> {
    let (o, n) = coincidences(data);
    if n < 2.0 {
        return None;
    }
    let same: f64 = o.iter().filter(|((c, k), _)| c == k).map(|(_, &w)| w).sum();
    Some(100.0 * same / n)
}

/// Cohen's κ of two coders over the units both coded: (p_o − p_e) /
/// (1 − p_e), p_e from each coder's own distribution of values. `None`
/// when no unit has both values or p_e = 1 (one value only).
pub fn kappa(data: &Weighted) -> Option<f64> {
    let pairs: Vec<(f64, f64, f64)> = data
        .iter()
        .filter_map(|(u, times)| match u.as_slice() {
            [Some(a), Some(b)] => Some((*a, *b, *times)),
            _ => None,
        })
        .collect();
    let n: f64 = pairs.iter().map(|p| p.2).sum();
    if n == 0.0 {
        return None;
    }
    let agree: f64 = pairs.iter().filter(|(a, b, _)| a == b).map(|p| p.2).sum();
    let mut first: BTreeMap<u64, f64> = BTreeMap::new();
    let mut second: BTreeMap<u64, f64> = BTreeMap::new();
    for &(a, b, times) in &pairs {
        *first.entry(a.to_bits()).or_default() += times;
        *second.entry(b.to_bits()).or_default() += times;
    }
    let pe: f64 = first
        .iter()
        .map(|(v, &c)| c / n * second.get(v).copied().unwrap_or(0.0) / n)
        .sum();
    let po = agree / n;
    (pe < 1.0).then(|| (po - pe) / (1.0 - pe))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Krippendorff (2011), section C: four coders, twelve units, with
    /// missing values.
    fn canonical() -> Vec<Vec<Option<f64>>> {
        let rows: [[Option<u8>; 12]; 4] = [
            [
                Some(1),
                Some(2),
                Some(3),
                Some(3),
                Some(2),
                Some(1),
                Some(4),
                Some(1),
                Some(2),
                None,
                None,
                None,
            ],
            [
                Some(1),
                Some(2),
                Some(3),
                Some(3),
                Some(2),
                Some(2),
                Some(4),
                Some(1),
                Some(2),
                Some(5),
                None,
                Some(3),
            ],
            [
                None,
                Some(3),
                Some(3),
                Some(3),
                Some(2),
                Some(3),
                Some(4),
                Some(2),
                Some(2),
                Some(5),
                Some(1),
                None,
            ],
            [
                Some(1),
                Some(2),
                Some(3),
                Some(3),
                Some(2),
                Some(4),
                Some(4),
                Some(1),
                Some(2),
                Some(5),
                Some(1),
                None,
            ],
        ];
        (0..12)
            .map(|u| rows.iter().map(|r| r[u].map(f64::from)).collect())
            .collect()
    }

    #[test]
    fn krippendorffs_canonical_example() {
        let data = canonical();
        // Published: nominal 0.743, interval 0.849.
        assert_eq!(
            format!("{:.3}", alpha(&weigh(&data), Metric::Nominal).unwrap()),
            "0.743"
        );
        assert_eq!(
            format!("{:.3}", alpha(&weigh(&data), Metric::Interval).unwrap()),
            "0.849"
        );
    }

    #[test]
    fn one_value_only_leaves_alpha_and_kappa_undefined() {
        let data = vec![vec![Some(1.0), Some(1.0)], vec![Some(1.0), Some(1.0)]];
        assert_eq!(alpha(&weigh(&data), Metric::Nominal), None);
        assert_eq!(kappa(&weigh(&data)), None);
        assert_eq!(percent_agreement(&weigh(&data)), Some(100.0));
    }

    #[test]
    fn cohens_kappa_by_hand() {
        // 10 units: both 1 on 4, both 0 on 3, (1,0) on 2, (0,1) on 1.
        // p_o = 0.7; coder 1: six 1s, coder 2: five 1s;
        // p_e = 0.6·0.5 + 0.4·0.5 = 0.5; κ = 0.2 / 0.5 = 0.4.
        let mut data = Vec::new();
        for (a, b, times) in [(1.0, 1.0, 4), (0.0, 0.0, 3), (1.0, 0.0, 2), (0.0, 1.0, 1)] {
            for _ in 0..times {
                data.push(vec![Some(a), Some(b)]);
            }
        }
        data.push(vec![Some(1.0), None]);
        assert!((kappa(&weigh(&data)).unwrap() - 0.4).abs() < 1e-12);
        // The unit coded by one coder only is not pairable.
        assert!((percent_agreement(&weigh(&data)).unwrap() - 70.0).abs() < 1e-12);
        // Weighing repeated units gives the same as listing them.
        let weighed = vec![
            (vec![Some(1.0), Some(1.0)], 4.0),
            (vec![Some(0.0), Some(0.0)], 3.0),
            (vec![Some(1.0), Some(0.0)], 2.0),
            (vec![Some(0.0), Some(1.0)], 1.0),
        ];
        assert!((kappa(&weighed).unwrap() - 0.4).abs() < 1e-12);
        let listed = alpha(&weigh(&data), Metric::Nominal).unwrap();
        assert!((alpha(&weighed, Metric::Nominal).unwrap() - listed).abs() < 1e-12);
    }
}
