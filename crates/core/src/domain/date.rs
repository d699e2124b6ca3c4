//! Dates as people type and read them: ISO `2026-01-15` or `15/01/2026` in, `15/01/2026` out.

use chrono::{Datelike, NaiveDate};

/// Parses `YYYY-MM-DD` or `dd/mm/yyyy` (one-digit day or month allowed). The two forms
/// cannot be confused: one starts with a four-digit year and uses dashes, the other
/// uses slashes. A date that does not exist (31/02/2025) is refused.
pub fn parse_date(input: &str) -> Option<NaiveDate> {
    let s = input.trim();
    let parts: Vec<&str> = if s.contains('/') {
        let p: Vec<&str> = s.split('/').collect();
        if p.len() != 3 || p[2].len() != 4 || !(1..=2).contains(&p[0].len()) || !(1..=2).contains(&p[1].len()) {
            return None;
        }
        vec![p[2], p[1], p[0]]
    } else {
        let p: Vec<&str> = s.split('-').collect();
        if p.len() != 3 || p[0].len() != 4 || p[1].len() != 2 || p[2].len() != 2 {
            return None;
        }
        p
    };
    if !parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    let year: i32 = parts[0].parse().ok()?;
    let month: u32 = parts[1].parse().ok()?;
    let day: u32 = parts[2].parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// `15/01/2026`, the form people read. Written digit by digit: a province's coverage
/// list prints two hundred thousand dates, and `format!` costs several times this.
pub fn format_vn(d: NaiveDate) -> String {
    let Ok(year @ 0..=9999) = u32::try_from(d.year()) else {
        return format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year());
    };
    let mut out = String::with_capacity(10);
    // The last two digits of `n`.
    let two = |out: &mut String, n: u32| {
        out.push(char::from(b'0' + (n / 10 % 10) as u8));
        out.push(char::from(b'0' + (n % 10) as u8));
    };
    two(&mut out, d.day());
    out.push('/');
    two(&mut out, d.month());
    out.push('/');
    two(&mut out, year / 100);
    two(&mut out, year);
    out
}

/// A date written exactly as `format_iso` writes it (`2026-01-15`), read without
/// allocating: `verify` holds a million vouchers' dates to it (`ledger/record_rules.rs`).
/// `None` for any other text, even one `parse_date` reads.
pub fn parse_iso_exact(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let mut n = [0u32; 3];
    for (k, range) in [(0, 0..4), (1, 5..7), (2, 8..10)] {
        for &c in &b[range] {
            if !c.is_ascii_digit() {
                return None;
            }
            n[k] = n[k] * 10 + u32::from(c - b'0');
        }
    }
    NaiveDate::from_ymd_opt(i32::try_from(n[0]).ok()?, n[1], n[2])
}

/// `2026-01-15`, the form machines read.
pub fn format_iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The formal heading form: "ngày 05 tháng 01 năm 2026".
pub fn format_formal_vi(d: NaiveDate) -> String {
    format!("ngày {:02} tháng {:02} năm {:04}", d.day(), d.month(), d.year())
}

/// A moment stored in UTC (`2025-01-06T00:00:00Z`, the chain's `entered_at`) as people read
/// it: the machine's local time, `06/01/2025 07:00` (SPEC §8: never "UTC" on screen). A
/// text that is not such a moment is shown as stored.
pub fn local_time(stored: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(stored) {
        Ok(t) => t.with_timezone(&chrono::Local).format("%d/%m/%Y %H:%M").to_string(),
        Err(_) => stored.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use proptest::prelude::*;

    #[test]
    fn exact_iso_reads_only_what_format_iso_writes() {
        let d = NaiveDate::from_ymd_opt(2026, 1, 15);
        assert_eq!(parse_iso_exact("2026-01-15"), d);
        for other in [" 2026-01-15", "2026-1-15", "15/01/2026", "2026-02-30", "2026-01-1x", "+026-01-15"] {
            assert_eq!(parse_iso_exact(other), None, "{other}");
            assert!(parse_date(other).is_none_or(|d| format_iso(d) != other));
        }
    }

    #[test]
    fn both_forms() {
        let d = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
        assert_eq!(parse_date("2026-01-15"), Some(d));
        assert_eq!(parse_date("15/01/2026"), Some(d));
        assert_eq!(parse_date("15/1/2026"), Some(d));
        assert_eq!(parse_date("31/02/2025"), None);
        assert_eq!(parse_date("2025-02-31"), None);
        assert_eq!(parse_date("2026-1-15"), None);
        assert_eq!(parse_date("15/01/26"), None);
        assert_eq!(parse_date("hôm nay"), None);
        assert_eq!(format_vn(d), "15/01/2026");
        for (y, m, dd, want) in [(1, 2, 3, "03/02/0001"), (999, 12, 31, "31/12/0999"), (9999, 1, 9, "09/01/9999")] {
            assert_eq!(format_vn(NaiveDate::from_ymd_opt(y, m, dd).unwrap()), want);
        }
        // Outside four digits, as `format!` writes them.
        assert_eq!(format_vn(NaiveDate::from_ymd_opt(10000, 5, 6).unwrap()), "06/05/10000");
        assert_eq!(format_vn(NaiveDate::from_ymd_opt(-1, 5, 6).unwrap()), "06/05/-001");
        assert_eq!(format_formal_vi(d), "ngày 15 tháng 01 năm 2026");
    }

    proptest! {
        #[test]
        fn round_trips(days in 0i64..60_000) {
            let d = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Duration::days(days);
            prop_assert_eq!(parse_date(&format_vn(d)), Some(d));
            prop_assert_eq!(parse_date(&format_iso(d)), Some(d));
        }

        #[test]
        fn format_vn_writes_what_format_writes(days in -800_000i64..3_000_000) {
            let d = NaiveDate::from_ymd_opt(1, 1, 1).unwrap() + chrono::Duration::days(days);
            prop_assert_eq!(format_vn(d), format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year()));
        }

        #[test]
        fn never_panics(s in "\\PC{0,16}") {
            let _ = parse_date(&s);
        }
    }
}
