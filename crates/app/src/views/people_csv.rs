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
use hunvon_core::rules::bhxh::BhxhStatus;
use hunvon_core::rules::bhyt::BhytStatus;
use hunvon_core::rules::year_month::YearMonth;
use hunvon_report::{csv_bytes, csv_writer};

/// Every key the papers' CSV use, with the words of each language.
const HEADERS: &[(&str, &str, &str)] = &[
    ("pool", "Quỹ", "Pool"),
    ("code", "Mã", "Code"),
    ("full_name", "Họ và tên", "Name"),
    ("account", "Tài khoản", "Account"),
    ("amount", "Số tiền (đồng)", "Amount (đồng)"),
    ("balance", "Số dư (đồng)", "Balance (đồng)"),
    ("opening", "Đầu kỳ (đồng)", "Opening (đồng)"),
    ("paid_in", "Góp (đồng)", "Paid in (đồng)"),
    ("paid_out", "Chi (đồng)", "Paid out (đồng)"),
    ("in", "Thu (đồng)", "In (đồng)"),
    ("out", "Chi (đồng)", "Out (đồng)"),
    ("bhyt_from", "Thẻ BHYT từ ngày", "BHYT card from"),
    ("bhyt_to", "Thẻ BHYT đến ngày", "BHYT card to"),
    ("bhyt_status", "Thẻ BHYT", "BHYT card"),
    ("bhxh_paid_through", "BHXH đã đóng đến tháng", "BHXH paid through"),
    ("bhxh_months", "Số tháng BHXH", "BHXH months"),
    ("bhxh_status", "BHXH", "BHXH"),
    ("book_balance", "Số dư theo sổ (đồng)", "Book balance (đồng)"),
    ("counted", "Số kiểm kê (đồng)", "Counted (đồng)"),
    ("counted_by", "Người kiểm kê", "Counted by"),
    ("difference", "Chênh lệch (đồng)", "Difference (đồng)"),
    ("reason", "Lý do", "Reason"),
    ("date", "Ngày", "Date"),
    ("since", "Từ ngày", "Since"),
    ("months", "Số tháng", "Months"),
    ("kind", "Loại", "Kind"),
    ("voucher", "Số chứng từ", "Voucher"),
    ("reverses", "Hủy chứng từ", "Reverses"),
    ("purpose", "Diễn giải", "Purpose"),
    ("note", "Ghi chú", "Note"),
    ("sponsor_code", "Mã người bảo trợ", "Sponsor's code"),
    ("sponsor_name", "Người bảo trợ", "Sponsor"),
    ("item", "Khoản", "Item"),
    ("value", "Giá trị", "Value"),
    ("head", "Mã băm đầu chuỗi", "Chain head"),
    ("record", "Bản ghi", "Record"),
];

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
            rec.iter()
                .map(|k| {
                    HEADERS
                        .iter()
                        .find(|(key, _, _)| *key == k)
                        .map_or(k.to_string(), |(_, vi, en)| lang.pick(*vi, *en).into())
                })
                .collect()
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
