//! One voucher in full: postings in words, the cover it bought, and the reversal link;
//! `p` writes its slip, `r` reverses it.

use crate::tui::words;
use ratatui::Frame;
use ratatui::layout::Rect;

use hunvon_app::views::VoucherDetail;
use hunvon_app::views::voucher::kind_words;
use hunvon_core::messages::i18n::Lang;

use super::message::text_box;

pub struct VoucherView {
    pub detail: VoucherDetail,
    pub scroll: usize,
}

pub fn lines(d: &VoucherDetail, lang: Lang) -> Vec<String> {
    let mut out = vec![
        format!("{} · {} · {}", d.voucher, hunvon_core::domain::date::format_vn(d.date), kind_words(d.kind, lang)),
        format!("{}: {}", words::amount(lang), d.total),
        format!("{}: {}", words::purpose(lang), d.purpose),
    ];
    if let Some((code, name)) = &d.person {
        out.push(format!("{}: {code} {name}", words::person(lang)));
    }
    if !d.note.is_empty() {
        out.push(format!("{}: {}", words::note(lang), d.note));
    }
    if !d.receipt_no.is_empty() {
        out.push(format!("{}: {}", words::receipt_no(lang), d.receipt_no));
    }
    if let Some(v) = &d.reverses {
        out.push(format!("{} {v}", words::this_voucher_reverses(lang)));
    }
    if let Some(v) = &d.reversed_by {
        out.push(format!("{} {v}", words::reversed_by_caps(lang)));
    }
    out.push(String::new());
    out.push(words::postings(lang).into());
    for p in &d.postings {
        out.push(format!("  {}", p.words));
    }
    if !d.bought.is_empty() {
        out.push(String::new());
        out.push(words::cover_bought(lang).into());
        for b in &d.bought {
            let place = b.position.map(|n| format!(" · {} {n}", words::place(lang))).unwrap_or_default();
            let diff =
                if b.amount != b.quote { format!(" ({} {})", words::quote(lang), b.quote) } else { String::new() };
            out.push(format!(
                "  {} {} {} {}{place} · {}{diff} · {} {}",
                b.scheme,
                b.code,
                b.full_name,
                b.period,
                b.amount,
                words::paid_by(lang),
                b.payer
            ));
        }
    }
    out.push(String::new());
    let entered = hunvon_core::domain::date::local_time(&d.entered_at);
    out.push(format!("{}: {entered}", words::entered(lang)));
    // The first 16 characters identify the link; `hunvon verify --show` prints it whole.
    out.push(format!("{}: {}…", words::hash(lang), d.hash.chars().take(16).collect::<String>()));
    out
}

pub fn render(v: &VoucherView, f: &mut Frame<'_>, area: Rect, lang: Lang) {
    let title = format!("{} {}", words::voucher(lang), v.detail.voucher);
    text_box(f, area, &title, &lines(&v.detail, lang), v.scroll);
}
