//! The pool's letterhead (`pool set`): what every paper prints in its header — the
//! organisation, its address, the bank and account of the bank book — and the names
//! under the signature places. The form opens on the values in force; only the fields
//! changed are sent, and an emptied field is cleared.

use crate::app::App;
use crate::app::letterhead::LetterheadInput;
use crate::messages::error::Result;
use crate::tui::form::{Field, Form, Kind};

use super::{Ctx, FormKind, Outcome, Select};

/// The fields: id (as `pool set` names its flag), Vietnamese and English label.
const FIELDS: [(&str, &str, &str); 7] = [
    ("org", "Đơn vị", "Organisation"),
    ("address", "Địa chỉ", "Address"),
    ("bank", "Ngân hàng", "Bank"),
    ("account", "Số tài khoản", "Account number"),
    ("treasurer", "Thủ quỹ", "Treasurer"),
    ("accountant", "Kế toán", "Bookkeeper"),
    ("leader", "Tổ trưởng", "Group leader"),
];

pub fn open(ctx: &Ctx<'_>) -> Form {
    let l = ctx.app.letterhead().unwrap_or_default();
    let values = [&l.org, &l.address, &l.bank, &l.account, &l.treasurer, &l.accountant, &l.leader];
    let mut fields: Vec<Field> = FIELDS
        .iter()
        .zip(values)
        .map(|((id, vi, en), value)| Field::new(id, ctx.pick(vi, en), Kind::Text, value))
        .collect();
    fields[0] = fields[0].clone().with_hint(ctx.pick(
        "In ở đầu mọi giấy tờ (Đơn vị, Địa chỉ); để trống thì in dòng chấm",
        "Printed at the head of every paper; empty prints a dotted blank",
    ));
    fields[4] = fields[4].clone().with_hint(ctx.pick(
        "Tên in dưới chỗ ký của thủ quỹ, kế toán và tổ trưởng",
        "Names printed under the treasurer's, bookkeeper's and leader's signatures",
    ));
    Form::new(FormKind::Letterhead, ctx.pick("Thông tin đơn vị và người ký", "Letterhead and signatories"), fields)
}

pub fn submit(app: &mut App, form: &mut Form) -> Result<Outcome> {
    // `None` keeps a field as it is: only what was changed is recorded.
    let changed = |id: &str| {
        let i = form.fields.iter().position(|f| f.id == id)?;
        (form.fields[i].value != form.initial[i]).then(|| form.value(id))
    };
    let given = LetterheadInput {
        org: changed("org"),
        address: changed("address"),
        bank: changed("bank"),
        account: changed("account"),
        treasurer: changed("treasurer"),
        accountant: changed("accountant"),
        leader: changed("leader"),
        // Set on the command line (`pool set --district-key`), once.
        district_key: None,
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
