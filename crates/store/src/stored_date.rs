//! Dates as the book stores them (`YYYY-MM-DD`), read without chrono's format parser:
//! rusqlite's `FromSql` for `NaiveDate` parses its format string for every value, and a
//! province's pool reads a million of them for one overview (cover rows, persons' births,
//! joins and leavings).

use chrono::NaiveDate;
use rusqlite::Row;

/// A stored ISO date (`YYYY-MM-DD` of a real day) read without chrono's format parser:
/// a province's cover is a million of them. Anything else goes through rusqlite as before.
pub(crate) fn stored_date(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
    if let rusqlite::types::ValueRef::Text(&[y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1]) = r.get_ref(i)? {
        let n =
            |ds: &[u8]| ds.iter().try_fold(0u32, |acc, c| c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0')));
        let (y, m, d) = (n(&[y0, y1, y2, y3]), n(&[m0, m1]), n(&[d0, d1]));
        if let Some(day) = y.zip(m).zip(d).and_then(|((y, m), d)| NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d))
        {
            return Ok(Some(day));
        }
    }
    r.get(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path and rusqlite's own reading agree: on real days, on NULL, and on
    /// what is not a real day (which rusqlite reads or refuses, as before).
    #[test]
    fn reads_what_rusqlite_reads() {
        let conn = rusqlite::Connection::open_in_memory().expect("memory");
        let texts = ["2025-02-28", "1950-01-01", "2024-02-29", "2025-02-30", "2025-2-3", "25-02-28", "2025/02/28", ""];
        for text in texts {
            let (fast, slow) = conn
                .query_row("SELECT ?1", [text], |r| Ok((stored_date(r, 0).ok(), r.get::<_, Option<NaiveDate>>(0).ok())))
                .expect("row");
            assert_eq!(fast, slow, "{text}");
        }
        let null = conn.query_row("SELECT NULL", [], |r| stored_date(r, 0)).expect("row");
        assert_eq!(null, None);
        let day = conn.query_row("SELECT '1985-08-15'", [], |r| stored_date(r, 0)).expect("row");
        assert_eq!(day, NaiveDate::from_ymd_opt(1985, 8, 15));
    }
}
