//! Money into or out of the common fund: donations, interest, fines; other payments.

use crate::tui::form::{Field, FieldKey, Form, Kind};
use hunvon_app::App;
use hunvon_core::ledger::{Method, Series};
use hunvon_core::messages::error::Result;

use super::{Ctx, FormKind, FormSpec, Outcome, Select, date_field, method_field, preview};

/// A receipt into the common fund (`incoming`) or a payment out of it.
pub struct Fund {
    pub incoming: bool,
}

impl FormSpec for Fund {
    fn open(&self, ctx: &Ctx<'_>) -> Option<Form> {
        let (kind, title) = if self.incoming {
            (FormKind::Receive, ctx.pick("Thu quỹ chung (ủng hộ, lãi, tiền phạt…)", "Common fund receipt"))
        } else {
            (FormKind::Pay, ctx.pick("Chi quỹ chung", "Common fund payment"))
        };
        let example = if self.incoming {
            ctx.pick("Ví dụ: Lãi tiền gửi tháng 11", "E.g. Bank interest for November")
        } else {
            ctx.pick("Ví dụ: Mua sổ sách, văn phòng phẩm tháng 11", "E.g. Ledgers and stationery for November")
        };
        Some(Form::new(
            kind,
            title,
            vec![
                Field::new(FieldKey::Amount, ctx.pick("Số tiền", "Amount"), Kind::Money, ""),
                Field::new(FieldKey::Note, ctx.pick("Nội dung", "What for"), Kind::Required, "").with_hint(example),
                date_field(ctx, "Ngày", "Date"),
                method_field(ctx),
            ],
        ))
    }

    fn live(&self, app: &App, form: &mut Form) {
        let lang = app.lang;
        let Ok(amount) = hunvon_core::domain::money::parse_amount(&form.value(FieldKey::Amount)) else { return };
        let method = Method::from_code(&form.value(FieldKey::Method)).unwrap_or_default();
        let fund = lang.pick("Quỹ chung", "Common fund").to_string();
        let (series, postings) = if self.incoming {
            (Series::moving(true, method).code(), vec![(preview::money(method, lang), amount), (fund, -amount)])
        } else {
            (Series::moving(false, method).code(), vec![(fund, amount), (preview::money(method, lang), -amount)])
        };
        form.preview = preview::voucher(lang, series, &form.value(FieldKey::Date), &postings);
        if !self.incoming {
            form.warnings.extend(preview::shortfall(app, method, &form.value(FieldKey::Date), amount));
        }
    }

    fn submit(&self, app: &mut App, form: &mut Form) -> Result<Outcome> {
        let w = app.common_fund(
            self.incoming,
            &form.value(FieldKey::Amount),
            &form.value(FieldKey::Date),
            Some(&form.value(FieldKey::Method)),
            &form.value(FieldKey::Note),
        )?;
        Ok(Outcome::Done { status: super::written(&w, app.lang), select: Select::Voucher(w.voucher) })
    }
}
