//! Largest-triangle-three-buckets downsampling: keeps a long series' shape
//! (peaks, dips, the first and last point) in a bounded number of points,
//! so a million-point series still yields a small SVG quickly.

/// Points kept per series at most.
pub const MAX_POINTS: usize = 1000;

/// Picks at most `threshold` of `points` (x ascending) by LTTB. Returns the
/// input unchanged when it is already small enough.
pub fn lttb(points: &[(f64, f64)], threshold: usize) -> Vec<(f64, f64)> {
    let n = points.len();
    if threshold >= n || threshold < 3 {
        return points.to_vec();
    }
    let mut out = Vec::with_capacity(threshold);
    out.push(points[0]);
    // The first and last points are fixed; the rest fall into equal buckets.
    let every = (n - 2) as f64 / (threshold - 2) as f64;
    let mut a = 0;
    for i in 0..threshold - 2 {
        let start = (i as f64 * every) as usize + 1;
        let end = (((i + 1) as f64 * every) as usize + 1).min(n - 1);
        // The next bucket's average is the third corner of each triangle.
        let next_end = (((i + 2) as f64 * every) as usize + 1).min(n);
        let next = &points[end..next_end.max(end + 1)];
        let len = next.len() as f64;
        let (avg_x, avg_y) = next
            .iter()
            .fold((0.0, 0.0), |(sx, sy), p| (sx + p.0 / len, sy + p.1 / len));
        let (ax, ay) = points[a];
        let mut best = start;
        let mut best_area = -1.0;
        for (j, &(x, y)) in points.iter().enumerate().take(end).skip(start) {
            let area = ((ax - avg_x) * (y - ay) - (ax - x) * (avg_y - ay)).abs();
            if area > best_area {
                best_area = area;
                best = j;
            }
        }
        out.push(points[best]);
        a = best;
    }
    out.push(points[n - 1]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_series_pass_through() {
        let pts = vec![(0.0, 1.0), (1.0, 2.0)];
        assert_eq!(lttb(&pts, 10), pts);
    }

    #[test]
    fn keeps_ends_and_bounds_count() {
        let pts: Vec<(f64, f64)> = (0..100_000)
            .map(|i| (i as f64, (i as f64 / 50.0).sin()))
            .collect();
        let out = lttb(&pts, 500);
        assert_eq!(out.len(), 500);
        assert_eq!(out[0], pts[0]);
        assert_eq!(out[499], pts[99_999]);
        assert!(out.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn keeps_a_lone_spike() {
        let mut pts: Vec<(f64, f64)> = (0..10_000).map(|i| (i as f64, 0.0)).collect();
        pts[4321].1 = 100.0;
        assert!(lttb(&pts, 100).contains(&(4321.0, 100.0)));
    }
}
