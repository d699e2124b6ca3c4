//! A paper's CSV as the TUI writes it for people (SPEC §8): headers in the UI's language,
//! values in words (statuses, kinds) and dates dd/mm/yyyy. The command line's CSV keeps its
//! documented English keys and ISO dates; this only rewrites a copy of it.

use crate::papers::coverage::{bhxh_label, bhyt_label};
use crate::views::voucher::kind_words;
use crate::words;
use hunvon_core::domain::date::{format_vn, parse_date};
use hunvon_core::ledger::Kind;
use hunvon_core::messages::error::{Error, Result};
use hunvon_core::messages::i18n::Lang;
use hunvon_core::messages::sentences::keyed;
use hunvon_core::rules::bhxh::BhxhStatus;
use hunvon_core::rules::bhyt::BhytStatus;
use hunvon_core::rules::year_month::YearMonth;
use hunvon_report::{csv_bytes, csv_writer};

/// One cell in words: a status or kind by its column, an ISO date or month as people write it.
fn cell(column: &str, v: &str, lang: Lang) -> String {
    let status = match column {
        "bhyt_status" => {
            [BhytStatus::Covered, BhytStatus::Expiring, BhytStatus::Waiting, BhytStatus::Lapsed, BhytStatus::None]
                .into_iter()
                .find(|s| s.code() == v)
                .map(|s| bhyt_label(s, lang))
        }
        "bhxh_status" => [BhxhStatus::Current, BhxhStatus::Behind, BhxhStatus::None]
            .into_iter()
            .find(|s| s.code() == v)
            .map(|s| bhxh_label(s, lang)),
        "kind" => match v {
            "dues" => Some(words::behind_on_dues(lang)),
            "advance" => Some(words::owes_the_pool(lang)),
            _ => Kind::from_code(v).map(|k| kind_words(k, lang)),
        },
        _ => None,
    };
    if let Some(words) = status {
        return words.to_string();
    }
    if v.len() == 10
        && let Some(d) = parse_date(v).filter(|_| v.as_bytes().get(4) == Some(&b'-'))
    {
        return format_vn(d);
    }
    if let Some(m) = YearMonth::parse(v) {
        return format!("{:02}/{:04}", m.month, m.year);
    }
    v.to_string()
}

/// Rewrites a paper's CSV for people; a CSV that does not parse is returned as it was.
pub fn for_people(csv: &[u8], lang: Lang) -> Result<Vec<u8>> {
    let mut r = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(csv);
    let mut w = csv_writer();
    let mut columns: Vec<String> = Vec::new();
    for (i, rec) in r.records().enumerate() {
        let Ok(rec) = rec else { return Ok(csv.to_vec()) };
        let out: Vec<String> = if i == 0 {
            columns = rec.iter().map(str::to_string).collect();
            rec.iter().map(|k| keyed(words::CSV_HEADERS, k, lang).map_or(k.to_string(), str::to_string)).collect()
        } else {
            rec.iter().enumerate().map(|(j, v)| cell(columns.get(j).map_or("", String::as_str), v, lang)).collect()
        };
        w.write_record(&out).map_err(Error::Csv)?;
    }
    csv_bytes(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_statuses_and_dates_in_words() {
        let csv = b"code,full_name,bhyt_from,bhyt_to,bhyt_status,bhxh_paid_through\nTV1,A,2026-01-10,2027-01-09,waiting,2026-11\n";
        let out = String::from_utf8(for_people(csv, Lang::Vi).unwrap()).unwrap();
        assert!(
            out.starts_with("Mã,Họ và tên,Thẻ BHYT từ ngày,Thẻ BHYT đến ngày,Thẻ BHYT,BHXH đã đóng đến tháng"),
            "{out}"
        );
        assert!(out.contains("TV1,A,10/01/2026,09/01/2027,chờ hiệu lực,11/2026"), "{out}");
    }
}
