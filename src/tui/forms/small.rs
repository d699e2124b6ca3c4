//! The small forms: the monthly dues, a backup folder, the day the insurance lists look
//! at, and a report's period.

use std::path::PathBuf;

use crate::tui::form::{Choice, Field, FieldKey, Form, Kind};
use hunvon_app::App;
use hunvon_core::domain::date::format_vn;
use hunvon_core::messages::error::{Error, Result};

use super::{Ctx, FormKind, FormSpec, Outcome, Select};

/// The monthly dues from a day on.
pub struct Dues;

impl FormSpec for Dues {
    fn open(&self, ctx: &Ctx<'_>) -> Option<Form> {
        Some(Form::new(
            FormKind::Dues,
            ctx.pick("Đặt mức đóng hằng tháng", "Set the monthly dues"),
            vec![
                Field::new(FieldKey::Amount, ctx.pick("Số tiền mỗi tháng", "Amount a month"), Kind::Required, "")
                    .with_hint(
                        ctx.pick(
                            "Mỗi thành viên mỗi tháng; 0 = không cố định",
                            "Per member a month; 0 = no fixed dues",
                        ),
                    ),
                Field::new(FieldKey::From, ctx.pick("Từ ngày", "From"), Kind::AnyDate, &ctx.today_text()),
            ],
        ))
    }

    fn submit(&self, app: &mut App, form: &mut Form) -> Result<Outcome> {
        let amount = form.value(FieldKey::Amount);
        if amount != "0" {
            hunvon_core::domain::input::amount(&format!("«{}»", form.label(FieldKey::Amount)), &amount)?;
        }
        app.set_dues(&amount, &form.value(FieldKey::From))?;
        let status = app.lang.pick("Đã đặt mức đóng hằng tháng.", "Monthly dues set.").to_string();
        Ok(Outcome::Done { status, select: Select::Keep })
    }
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

/// A checked copy of the book into a folder, or the hand-in for the district.
pub struct Backup;

impl FormSpec for Backup {
    fn open(&self, ctx: &Ctx<'_>) -> Option<Form> {
        let folder = ctx.app.book_path().parent().map(|p| p.display().to_string()).unwrap_or_default();
        let mut fields = vec![
            Field::new(FieldKey::Folder, ctx.pick("Vào thư mục", "Into the folder"), Kind::Folder, &folder).with_hint(
                ctx.pick(
                    "Ví dụ thư mục của USB; tệp mới mang ngày hôm nay",
                    "E.g. a USB stick's folder; the new file carries today's date",
                ),
            ),
        ];
        if ctx.app.has_district_key() {
            fields.insert(0, Field::new(FieldKey::What, ctx.pick("Việc", "What"), Kind::Choice(WHAT), "copy"));
        }
        Some(Form::new(FormKind::Backup, ctx.pick("Sao lưu sổ", "Back up the book"), fields))
    }

    fn submit(&self, app: &mut App, form: &mut Form) -> Result<Outcome> {
        let folder = PathBuf::from(form.value(FieldKey::Folder));
        if form.has(FieldKey::What) && form.value(FieldKey::What) == "handin" {
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
}

/// The day the insurance lists look at.
pub struct AsOf;

impl FormSpec for AsOf {
    fn open(&self, ctx: &Ctx<'_>) -> Option<Form> {
        Some(Form::new(
            FormKind::AsOf,
            ctx.pick("Xem bảo hiểm tính đến ngày", "Insurance as of"),
            vec![Field::new(FieldKey::Date, ctx.pick("Ngày", "Day"), Kind::AnyDate, &format_vn(ctx.as_of)).with_hint(
                ctx.pick(
                    "Một ngày sau hôm nay là dự kiến: ai sẽ hết hạn",
                    "A later day is a forecast: who will have lapsed",
                ),
            )],
        ))
    }

    fn submit(&self, _app: &mut App, form: &mut Form) -> Result<Outcome> {
        let d = hunvon_core::domain::input::date(&form.label(FieldKey::Date), &form.value(FieldKey::Date))?;
        Ok(Outcome::Done { status: String::new(), select: Select::AsOf(d) })
    }
}

/// A report's period.
pub struct Period;

impl FormSpec for Period {
    fn open(&self, ctx: &Ctx<'_>) -> Option<Form> {
        let (from, to) = ctx.period;
        Some(Form::new(
            FormKind::Period,
            ctx.pick("Kỳ báo cáo", "Report period"),
            vec![
                Field::new(FieldKey::From, ctx.pick("Từ ngày", "From"), Kind::AnyDate, &format_vn(from)),
                Field::new(FieldKey::To, ctx.pick("Đến ngày", "To"), Kind::AnyDate, &format_vn(to)),
            ],
        ))
    }

    fn submit(&self, _app: &mut App, form: &mut Form) -> Result<Outcome> {
        let date = |key| hunvon_core::domain::input::date(&form.label(key), &form.value(key));
        let (from, to) = (date(FieldKey::From)?, date(FieldKey::To)?);
        if from > to {
            return Err(Error::BadValue {
                field: form.label(FieldKey::To),
                value: form.value(FieldKey::To),
                expected: hunvon_core::messages::error::Expected::Format(&["≥ từ ngày / ≥ from"]),
            });
        }
        Ok(Outcome::Done { status: String::new(), select: Select::Period(from, to) })
    }
}
