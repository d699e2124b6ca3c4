//! The pool's letterhead (`pool set`): what every paper prints in its header — the
//! organisation, its address, the bank and account of the bank book —, the names under
//! the signature places, and the form set (circular) the papers follow. The form opens
//! on the values in force; only the fields changed are sent, and an emptied field is
//! cleared.

use crate::tui::form::{Choice, Field, FieldKey, Form, Kind};
use hunvon_app::App;
use hunvon_app::papers::form_set::FormSet;
use hunvon_app::papers::letterhead::LetterheadInput;
use hunvon_core::messages::error::Result;

use super::{Ctx, FormKind, FormSpec, Outcome, Select};

/// The fields: key (as `pool set` names its flag), Vietnamese and English label.
const FIELDS: [(FieldKey, &str, &str); 7] = [
    (FieldKey::Org, "Đơn vị", "Organisation"),
    (FieldKey::Address, "Địa chỉ", "Address"),
    (FieldKey::Bank, "Ngân hàng", "Bank"),
    (FieldKey::Account, "Số tài khoản", "Account number"),
    (FieldKey::Treasurer, "Thủ quỹ", "Treasurer"),
    (FieldKey::Accountant, "Kế toán", "Bookkeeper"),
    (FieldKey::Leader, "Tổ trưởng", "Group leader"),
];

/// The form sets (`pool set --forms`), in words.
const FORMS: &[Choice] = &[
    form_choice(
        FormSet::Tt99,
        "Mặc định: thông tư hiện hành từ 01/01/2026; sổ S07-DN, S08-DN.",
        "The default: the circular in force from 01/01/2026; books S07-DN, S08-DN.",
    ),
    form_choice(
        FormSet::Tt200,
        "Thông tư cũ, được thay từ 01/01/2026; sổ S07-DN, S08-DN.",
        "The former circular, replaced from 01/01/2026; books S07-DN, S08-DN.",
    ),
    form_choice(
        FormSet::Tt133,
        "Mẫu của doanh nghiệp nhỏ và vừa; sổ S04a-DNN, S05-DNN.",
        "The small enterprises' forms; books S04a-DNN, S05-DNN.",
    ),
];

const fn form_choice(f: FormSet, hint_vi: &'static str, hint_en: &'static str) -> Choice {
    let (vi, en) = f.words_vi_en();
    Choice { code: f.code(), vi, en, hint_vi, hint_en }
}

/// The pool's letterhead and signatories.
pub struct Letterhead;

impl FormSpec for Letterhead {
    fn open(&self, ctx: &Ctx<'_>) -> Option<Form> {
        let l = ctx.app.letterhead().unwrap_or_default();
        let values = [&l.org, &l.address, &l.bank, &l.account, &l.treasurer, &l.accountant, &l.leader];
        let mut fields: Vec<Field> = FIELDS
            .iter()
            .zip(values)
            .map(|((key, vi, en), value)| Field::new(*key, ctx.pick(vi, en), Kind::Text, value))
            .collect();
        fields[0] = fields[0].clone().with_hint(ctx.pick(
            "In ở đầu mọi giấy tờ (Đơn vị, Địa chỉ); để trống thì in dòng chấm",
            "Printed at the head of every paper; empty prints a dotted blank",
        ));
        fields[4] = fields[4].clone().with_hint(ctx.pick(
            "Tên in dưới chỗ ký của thủ quỹ, kế toán và tổ trưởng",
            "Names printed under the treasurer's, bookkeeper's and leader's signatures",
        ));
        // The form set: the letterhead's choice, the default's code until one is made.
        let forms = FormSet::stored(&l.forms).code();
        fields.push(Field::new(FieldKey::Forms, ctx.pick("Bộ mẫu biểu", "Form set"), Kind::Choice(FORMS), forms));
        Some(Form::new(
            FormKind::Letterhead,
            ctx.pick("Thông tin đơn vị và người ký", "Letterhead and signatories"),
            fields,
        ))
    }

    /// The chosen form set's meaning (its books' numbers) under the choice.
    fn live(&self, app: &App, form: &mut Form) {
        form.hint_choice(FieldKey::Forms, app.lang);
    }

    fn submit(&self, app: &mut App, form: &mut Form) -> Result<Outcome> {
        // `None` keeps a field as it is: only what was changed is recorded.
        let given = LetterheadInput {
            org: form.changed(FieldKey::Org),
            address: form.changed(FieldKey::Address),
            bank: form.changed(FieldKey::Bank),
            account: form.changed(FieldKey::Account),
            treasurer: form.changed(FieldKey::Treasurer),
            accountant: form.changed(FieldKey::Accountant),
            leader: form.changed(FieldKey::Leader),
            // Set on the command line (`pool set --district-key`), once.
            district_key: None,
            forms: form.changed(FieldKey::Forms),
        };
        let lang = app.lang;
        if given.is_empty() {
            let status = lang.pick("Không có gì thay đổi.", "Nothing changed.").to_string();
            return Ok(Outcome::Done { status, select: Select::Keep });
        }
        app.set_letterhead(&given)?;
        let status = lang.pick("Đã ghi thông tin đơn vị và người ký.", "Letterhead recorded.").to_string();
        Ok(Outcome::Done { status, select: Select::Keep })
    }
}
