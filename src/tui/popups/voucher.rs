//! One voucher in full: postings in words, the cover it bought, and the reversal link;
//! `p` writes its slip, `r` reverses it.

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
        format!("{}: {}", lang.pick("Số tiền", "Amount"), d.total),
        format!("{}: {}", lang.pick("Diễn giải", "Purpose"), d.purpose),
    ];
    if let Some((code, name)) = &d.person {
        out.push(format!("{}: {code} {name}", lang.pick("Người", "Person")));
    }
    if !d.note.is_empty() {
        out.push(format!("{}: {}", lang.pick("Ghi chú", "Note"), d.note));
    }
    if !d.receipt_no.is_empty() {
        out.push(format!("{}: {}", lang.pick("Số biên lai", "Receipt no."), d.receipt_no));
    }
    if let Some(v) = &d.reverses {
        out.push(format!("{} {v}", lang.pick("Chứng từ này hủy", "This voucher reverses")));
    }
    if let Some(v) = &d.reversed_by {
        out.push(format!("{} {v}", lang.pick("ĐÃ HỦY bởi", "REVERSED by")));
    }
    out.push(String::new());
    out.push(lang.pick("Bút toán:", "Postings:").into());
    for p in &d.postings {
        out.push(format!("  {}", p.words));
    }
    if !d.bought.is_empty() {
        out.push(String::new());
        out.push(lang.pick("Bảo hiểm đã mua:", "Cover bought:").into());
        for b in &d.bought {
            let place = b.position.map(|n| format!(" · {} {n}", lang.pick("người thứ", "place"))).unwrap_or_default();
            let diff = if b.amount != b.quote {
                format!(" ({} {})", lang.pick("giá theo quy định", "quote"), b.quote)
            } else {
                String::new()
            };
            out.push(format!(
                "  {} {} {} {}{place} · {}{diff} · {} {}",
                b.scheme,
                b.code,
                b.full_name,
                b.period,
                b.amount,
                lang.pick("trả:", "paid by"),
                b.payer
            ));
        }
    }
    out.push(String::new());
    let entered = hunvon_core::domain::date::local_time(&d.entered_at);
    out.push(format!("{}: {entered}", lang.pick("Ghi sổ lúc", "Entered")));
    // The first 16 characters identify the link; `hunvon verify --show` prints it whole.
    out.push(format!("{}: {}…", lang.pick("Mã băm", "Hash"), d.hash.chars().take(16).collect::<String>()));
    out
}

pub fn render(v: &VoucherView, f: &mut Frame<'_>, area: Rect, lang: Lang) {
    let title = format!("{} {}", lang.pick("Chứng từ", "Voucher"), v.detail.voucher);
    text_box(f, area, &title, &lines(&v.detail, lang), v.scroll);
}
