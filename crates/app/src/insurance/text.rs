//! A quote or purchase in words, for the terminal.

use hunvon_core::domain::date::format_vn;
use hunvon_core::messages::i18n::Lang;
use hunvon_report::{pad_left, pad_right};

use crate::insurance::Quote;
use crate::papers::printing::month_vn;

/// One line per person (position, monthly figure, amount, dates) and the total.
pub fn quote_text(q: &Quote, lang: Lang) -> String {
    let mut out = String::new();
    for p in &q.persons {
        let position = match p.position {
            Some(n) => format!("{} {n}", lang.pick("người thứ", "person")),
            None => lang.pick("không tính bậc", "no ladder").to_string(),
        };
        let when = if q.scheme == "bhyt" {
            match (p.card_from, p.card_to) {
                (Some(f), Some(t)) => {
                    format!(
                        "{} {} {} {}",
                        lang.pick("thẻ từ", "card from"),
                        format_vn(f),
                        lang.pick("đến", "to"),
                        format_vn(t)
                    )
                }
                _ => String::new(),
            }
        } else {
            match (p.from_month, p.to_month) {
                (Some(f), Some(t)) => format!(
                    "{} {} {} {}, {} {}",
                    lang.pick("tháng", "months"),
                    month_vn(&f.to_string()),
                    lang.pick("đến", "to"),
                    month_vn(&t.to_string()),
                    p.supported_months.unwrap_or(0),
                    lang.pick("tháng được hỗ trợ", "supported months")
                ),
                _ => String::new(),
            }
        };
        out.push_str(&format!(
            "  {} {} {}  {}  {}  {when}\n",
            pad_right(&p.code, 8),
            pad_right(&p.full_name, 26),
            pad_right(&position, 16),
            // Amounts right-aligned, so the đồng stand under each other.
            pad_left(&format!("{}/{}", p.monthly, lang.pick("tháng", "month")), 17),
            pad_left(&p.amount.to_string(), 14),
        ));
        if p.amount != p.quote {
            out.push_str(&format!(
                "    {} {} ({} {})\n",
                lang.pick("giá theo quy định", "price by the rules"),
                p.quote,
                lang.pick("chênh", "difference"),
                p.amount - p.quote
            ));
        }
    }
    out.push_str(&format!(
        "  {} {} {} {}: {}\n",
        lang.pick("Tổng", "Total"),
        q.scheme.to_uppercase(),
        q.months,
        lang.pick("tháng", "months"),
        q.total
    ));
    out
}
