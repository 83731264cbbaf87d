//! Calendar dates as plain day numbers, enough for timelines and roadmaps.
//!
//! Reports only need `YYYY-MM-DD` dates, their order and a readable label,
//! so a day count since 1970-01-01 (proleptic Gregorian) is all we keep.

use std::fmt;

/// A calendar date, stored as days since 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub i32);

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl Date {
    /// Parses `YYYY-MM-DD`; `None` for anything else or an impossible day.
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |s: &str| -> Option<i32> {
            if s.bytes().all(|c| c.is_ascii_digit()) {
                s.parse().ok()
            } else {
                None
            }
        };
        let (y, m, d) = (num(&text[0..4])?, num(&text[5..7])?, num(&text[8..10])?);
        if !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) {
            return None;
        }
        Some(Date::from_ymd(y, m, d))
    }

    /// The date of year `y`, month `m` (1–12), day `d` (1–31).
    pub fn from_ymd(y: i32, m: i32, d: i32) -> Date {
        // Howard Hinnant's days_from_civil.
        let y = if m <= 2 { y - 1 } else { y };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Date(era * 146_097 + doe - 719_468)
    }

    /// Year, month (1–12) and day (1–31).
    pub fn ymd(self) -> (i32, i32, i32) {
        let z = self.0 + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        (yoe + era * 400 + i32::from(m <= 2), m, d)
    }

    /// "3 Nov 2025".
    pub fn long_label(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{d} {} {y}", MONTHS[(m - 1) as usize])
    }

    /// "3 Nov": for axis ticks inside one year.
    pub fn day_month_label(self) -> String {
        let (_, m, d) = self.ymd();
        format!("{d} {}", MONTHS[(m - 1) as usize])
    }

    /// "Nov 2025": for axis ticks spanning months.
    pub fn month_label(self) -> String {
        let (y, m, _) = self.ymd();
        format!("{} {y}", MONTHS[(m - 1) as usize])
    }
}

impl fmt::Display for Date {
    /// ISO 8601: `2025-11-03`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

fn days_in_month(y: i32, m: i32) -> i32 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_labels() {
        let d = Date::parse("2025-11-03").unwrap();
        assert_eq!(d.to_string(), "2025-11-03");
        assert_eq!(d.long_label(), "3 Nov 2025");
        assert_eq!(Date::parse("1970-01-01"), Some(Date(0)));
        assert_eq!(
            Date::parse("2024-02-29").map(|d| d.ymd()),
            Some((2024, 2, 29))
        );
        for day in [-800_000, -1, 0, 59, 20_000, 800_000] {
            let (y, m, dd) = Date(day).ymd();
            assert_eq!(Date::from_ymd(y, m, dd), Date(day));
        }
    }

    #[test]
    fn rejects_malformed_dates() {
        for bad in [
            "2025-13-01",
            "2025-02-30",
            "2025-1-01",
            "3 Nov 2025",
            "2025-11-0x",
            "",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }
}
