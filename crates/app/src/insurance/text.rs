//! A quote or purchase in words, for the terminal.

use crate::words;
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
            Some(n) => format!("{} {n}", words::person(lang)),
            None => words::no_ladder(lang).to_string(),
        };
        let when = if q.scheme == "bhyt" {
            match (p.card_from, p.card_to) {
                (Some(f), Some(t)) => {
                    format!(
                        "{} {} {} {}",
                        words::card_from_lower(lang),
                        format_vn(f),
                        words::to_lower(lang),
                        format_vn(t)
                    )
                }
                _ => String::new(),
            }
        } else {
            match (p.from_month, p.to_month) {
                (Some(f), Some(t)) => format!(
                    "{} {} {} {}, {} {}",
                    words::months_lower(lang),
                    month_vn(&f.to_string()),
                    words::to_lower(lang),
                    month_vn(&t.to_string()),
                    p.supported_months.unwrap_or(0),
                    words::supported_months(lang)
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
            pad_left(&format!("{}/{}", p.monthly, words::month(lang)), 17),
            pad_left(&p.amount.to_string(), 14),
        ));
        if p.amount != p.quote {
            out.push_str(&format!(
                "    {} {} ({} {})\n",
                words::price_by_the_rules(lang),
                p.quote,
                words::difference(lang),
                p.amount - p.quote
            ));
        }
    }
    out.push_str(&format!(
        "  {} {} {} {}: {}\n",
        words::total_sum(lang),
        q.scheme.to_uppercase(),
        q.months,
        words::months_lower(lang),
        q.total
    ));
    out
}
