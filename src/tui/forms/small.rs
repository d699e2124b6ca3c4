//! The small forms: the monthly dues, a backup folder, the day the insurance lists look
//! at, and a report's period.

use std::path::PathBuf;

use crate::tui::form::{Choice, Field, Form, Kind};
use hunvon_app::App;
use hunvon_core::messages::error::{Error, Result};

use super::{Ctx, FormKind, Outcome, Select};

pub fn dues(ctx: &Ctx<'_>) -> Form {
    Form::new(
        FormKind::Dues,
        ctx.pick("Đặt mức đóng hằng tháng", "Set the monthly dues"),
        vec![
            Field::new("amount", ctx.pick("Số tiền mỗi tháng", "Amount a month"), Kind::Required, "").with_hint(
                ctx.pick("Mỗi thành viên mỗi tháng; 0 = không cố định", "Per member a month; 0 = no fixed dues"),
            ),
            Field::new("from", ctx.pick("Từ ngày", "From"), Kind::AnyDate, &ctx.today_text()),
        ],
    )
}

pub fn submit_dues(app: &mut App, form: &mut Form) -> Result<Outcome> {
    let amount = form.value("amount");
    if amount != "0" {
        hunvon_core::domain::input::amount(&format!("«{}»", form.label("amount")), &amount)?;
    }
    app.set_dues(&amount, &form.value("from"))?;
    let status = app.lang.pick("Đã đặt mức đóng hằng tháng.", "Monthly dues set.").to_string();
    Ok(Outcome::Done { status, select: Select::Keep })
}

/// What the backup screen writes: a copy, or (once the pool has a district key) the
/// encrypted hand-in for the district.
const WHAT: &[Choice] = &[
    Choice {
        code: "copy",
        vi: "Sao lưu sổ",
        en: "Back up the book",
        hint_vi: "Một bản sao để giữ ở chi hội (chưa mã hóa: không gửi đi).",
        hint_en: "A copy to keep at the chapter (not encrypted: do not send it).",
    },
    Choice {
        code: "handin",
        vi: "Nộp sổ cho Hội huyện",
        en: "Hand in to the district",
        hint_vi: "Sổ đã kiểm tra, mã hóa cho khóa của Hội huyện (tệp .age).",
        hint_en: "The book, checked and encrypted to the district's key (a .age file).",
    },
];

pub fn backup(ctx: &Ctx<'_>) -> Form {
    let folder = ctx.app.book_path().parent().map(|p| p.display().to_string()).unwrap_or_default();
    let mut fields =
        vec![Field::new("folder", ctx.pick("Vào thư mục", "Into the folder"), Kind::Folder, &folder).with_hint(
            ctx.pick(
                "Ví dụ thư mục của USB; tệp mới mang ngày hôm nay",
                "E.g. a USB stick's folder; the new file carries today's date",
            ),
        )];
    if ctx.app.has_district_key() {
        fields.insert(0, Field::new("what", ctx.pick("Việc", "What"), Kind::Choice(WHAT), "copy"));
    }
    Form::new(FormKind::Backup, ctx.pick("Sao lưu sổ", "Back up the book"), fields)
}

pub fn submit_backup(app: &mut App, form: &mut Form) -> Result<Outcome> {
    let folder = PathBuf::from(form.value("folder"));
    if form.fields.iter().any(|f| f.id == "what") && form.value("what") == "handin" {
        let file = app.handin_into(&folder)?;
        let status = format!(
            "{} {}",
            app.lang.pick("Đã nộp sổ (đã kiểm tra, đã mã hóa) vào", "Handed in (checked, encrypted) to"),
            file.display()
        );
        return Ok(Outcome::Done { status, select: Select::Keep });
    }
    let file = app.backup_into(&folder)?;
    let status = format!(
        "{} {} ({})",
        app.lang.pick("Đã sao lưu vào", "Backed up to"),
        file.display(),
        app.lang.pick("đã kiểm tra", "checked")
    );
    Ok(Outcome::Done { status, select: Select::Keep })
}

pub fn as_of(ctx: &Ctx<'_>) -> Form {
    Form::new(
        FormKind::AsOf,
        ctx.pick("Xem bảo hiểm tính đến ngày", "Insurance as of"),
        vec![
            Field::new(
                "date",
                ctx.pick("Ngày", "Day"),
                Kind::AnyDate,
                &hunvon_core::domain::date::format_vn(ctx.as_of),
            )
            .with_hint(ctx.pick(
                "Một ngày sau hôm nay là dự kiến: ai sẽ hết hạn",
                "A later day is a forecast: who will have lapsed",
            )),
        ],
    )
}

pub fn submit_as_of(app: &mut App, form: &mut Form) -> Result<Outcome> {
    let d = hunvon_core::domain::input::date(&form.label("date"), &form.value("date"))?;
    let _ = app;
    Ok(Outcome::Done { status: String::new(), select: Select::AsOf(d) })
}

pub fn period(ctx: &Ctx<'_>) -> Form {
    let (from, to) = ctx.period;
    Form::new(
        FormKind::Period,
        ctx.pick("Kỳ báo cáo", "Report period"),
        vec![
            Field::new("from", ctx.pick("Từ ngày", "From"), Kind::AnyDate, &hunvon_core::domain::date::format_vn(from)),
            Field::new("to", ctx.pick("Đến ngày", "To"), Kind::AnyDate, &hunvon_core::domain::date::format_vn(to)),
        ],
    )
}

pub fn submit_period(app: &mut App, form: &mut Form) -> Result<Outcome> {
    let from = hunvon_core::domain::input::date(&form.label("from"), &form.value("from"))?;
    let to = hunvon_core::domain::input::date(&form.label("to"), &form.value("to"))?;
    if from > to {
        return Err(Error::BadValue {
            field: form.label("to"),
            value: form.value("to"),
            expected: hunvon_core::messages::error::Expected::Format(&["≥ từ ngày / ≥ from"]),
        });
    }
    let _ = app;
    Ok(Outcome::Done { status: String::new(), select: Select::Period(from, to) })
}
