//! Calendar dates as people answer them: a full date (date of birth) or only a
//! month and year (when was the biopsy?). Months-since on a month-year answer
//! is a range, so "within 6 months" stays unknown when the month alone cannot
//! tell.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar date; `day` is `None` when only the month is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PartialDate {
    pub year: i32,
    pub month: u32,
    pub day: Option<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ymd {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.day {
            Some(d) => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, d),
            None => write!(f, "{:04}-{:02}", self.year, self.month),
        }
    }
}

impl fmt::Display for Ymd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Ymd {
    pub fn new(year: i32, month: u32, day: u32) -> Option<Ymd> {
        (1..=12).contains(&month).then_some(()).filter(|_| day >= 1 && day <= days_in_month(year, month)).map(|_| Ymd {
            year,
            month,
            day,
        })
    }

    /// "YYYY-MM-DD".
    pub fn parse(text: &str) -> Option<Ymd> {
        PartialDate::parse(text).and_then(|d| d.day.and_then(|day| Ymd::new(d.year, d.month, day)))
    }

    /// The same day `months` later, clamped to the month's last day.
    pub fn plus_months(self, months: i64) -> Ymd {
        let index = i64::from(self.year) * 12 + i64::from(self.month) - 1 + months;
        let year = i32::try_from(index.div_euclid(12)).unwrap_or(self.year);
        let month = u32::try_from(index.rem_euclid(12) + 1).unwrap_or(1);
        let day = self.day.min(days_in_month(year, month));
        Ymd { year, month, day }
    }

    /// The date `days` after 1970-01-01 (inverse of `days_from_epoch`).
    pub fn from_days_since_epoch(days: i64) -> Ymd {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = u32::try_from(doy - (153 * mp + 2) / 5 + 1).unwrap_or(1);
        let month = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).unwrap_or(1);
        let year = i32::try_from(yoe + era * 400 + i64::from(month <= 2)).unwrap_or(1970);
        Ymd { year, month, day }
    }

    /// The next day.
    pub fn next_day(self) -> Ymd {
        Ymd::from_days_since_epoch(self.days_from_epoch() + 1)
    }

    /// Days since 1970-01-01 (proleptic Gregorian), after H. Hinnant's algorithm.
    pub fn days_from_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

impl PartialDate {
    /// "YYYY-MM-DD" or "YYYY-MM"; `None` for anything else or an impossible date.
    pub fn parse(text: &str) -> Option<PartialDate> {
        let mut parts = text.trim().split('-');
        let year: i32 = parts.next().filter(|p| p.len() == 4)?.parse().ok()?;
        let month: u32 = parts.next().filter(|p| p.len() == 2)?.parse().ok()?;
        let day = match parts.next() {
            Some(p) if p.len() == 2 => Some(p.parse::<u32>().ok()?),
            Some(_) => return None,
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        let date = PartialDate { year, month, day };
        date.earliest().is_some().then_some(date)
    }

    pub fn earliest(self) -> Option<Ymd> {
        Ymd::new(self.year, self.month, self.day.unwrap_or(1))
    }

    pub fn latest(self) -> Option<Ymd> {
        Ymd::new(self.year, self.month, self.day.unwrap_or(days_in_month(self.year, self.month)))
    }
}

/// Completed years between a birth date and `today` (the age on a form).
pub fn age_in_years(born: Ymd, today: Ymd) -> i32 {
    let had_birthday = (today.month, today.day) >= (born.month, born.day);
    today.year - born.year - i32::from(!had_birthday)
}

/// Calendar months from `from` to `to`: whole months, plus the part of the
/// next month already gone. Negative when `to` is earlier.
pub fn months_between(from: Ymd, to: Ymd) -> f64 {
    let mut whole = i64::from(to.year - from.year) * 12 + i64::from(to.month) - i64::from(from.month);
    if from.plus_months(whole).days_from_epoch() > to.days_from_epoch() {
        whole -= 1;
    }
    let anchor = from.plus_months(whole);
    let next = from.plus_months(whole + 1);
    let span = (next.days_from_epoch() - anchor.days_from_epoch()).max(1);
    let part = (to.days_from_epoch() - anchor.days_from_epoch()) as f64 / span as f64;
    whole as f64 + part
}

/// Months since a (possibly month-only) date, as the range it may be.
pub fn months_since(date: PartialDate, today: Ymd) -> Option<(f64, f64)> {
    Some((months_between(date.latest()?, today), months_between(date.earliest()?, today)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(s: &str) -> Ymd {
        Ymd::parse(s).unwrap()
    }

    #[test]
    fn age_counts_completed_years() {
        assert_eq!(age_in_years(ymd("2016-05-10"), ymd("2026-05-09")), 9);
        assert_eq!(age_in_years(ymd("2016-05-10"), ymd("2026-05-10")), 10);
        assert_eq!(age_in_years(ymd("2008-02-29"), ymd("2026-02-28")), 17);
        assert_eq!(age_in_years(ymd("2008-02-29"), ymd("2026-03-01")), 18);
    }

    #[test]
    fn impossible_dates_are_refused() {
        for bad in ["2026-02-30", "2026-13-01", "2026-1-01", "26-01-01", "2026-01-01-01", "x", ""] {
            assert_eq!(PartialDate::parse(bad), None, "{bad}");
        }
        assert_eq!(PartialDate::parse("2024-02-29").map(|d| d.day), Some(Some(29)));
        assert_eq!(PartialDate::parse("2026-05"), Some(PartialDate { year: 2026, month: 5, day: None }));
    }

    #[test]
    fn months_between_follows_the_calendar() {
        assert_eq!(months_between(ymd("2026-05-21"), ymd("2026-11-21")), 6.0);
        assert!(months_between(ymd("2026-05-22"), ymd("2026-11-21")) < 6.0);
        assert!(months_between(ymd("2026-05-20"), ymd("2026-11-21")) > 6.0);
        assert_eq!(months_between(ymd("2026-01-31"), ymd("2026-02-28")), 1.0);
        assert!(months_between(ymd("2026-11-22"), ymd("2026-11-21")) < 0.0);
    }

    #[test]
    fn a_month_only_date_gives_a_range() {
        let may = PartialDate::parse("2026-05").unwrap();
        let (lo, hi) = months_since(may, ymd("2026-11-21")).unwrap();
        assert!(lo < 6.0 && hi > 6.0, "{lo}..{hi}");
    }

    #[test]
    fn epoch_days_match_known_dates_both_ways() {
        assert_eq!(ymd("1970-01-01").days_from_epoch(), 0);
        assert_eq!(ymd("2000-03-01").days_from_epoch(), 11_017);
        for day in (-800_000..800_000).step_by(997) {
            assert_eq!(Ymd::from_days_since_epoch(day).days_from_epoch(), day);
        }
    }
}
