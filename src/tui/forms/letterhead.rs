//! The pool's letterhead (`pool set`): what every paper prints in its header — the
//! organisation, its address, the bank and account of the bank book —, the names under
//! the signature places, and the form set (circular) the papers follow. The form opens
//! on the values in force; only the fields changed are sent, and an emptied field is
//! cleared.

use crate::tui::form::{Field, FieldKey, Form, Kind};
use crate::tui::words;
use hunvon_app::App;
use hunvon_app::papers::form_set::FormSet;
use hunvon_app::papers::letterhead::LetterheadInput;
use hunvon_core::messages::error::Result;

use super::{Ctx, FormKind, FormSpec, Outcome, Select};

/// The fields: key (as `pool set` names its flag), Vietnamese and English label.
const FIELDS: [(FieldKey, words::Sentence); 7] = [
    (FieldKey::Org, words::organisation),
    (FieldKey::Address, words::address),
    (FieldKey::Bank, words::bank),
    (FieldKey::Account, words::account_number),
    (FieldKey::Treasurer, words::treasurer),
    (FieldKey::Accountant, words::bookkeeper),
    (FieldKey::Leader, words::group_leader),
];

/// The pool's letterhead and signatories.
pub struct Letterhead;

impl FormSpec for Letterhead {
    fn open(&self, ctx: &Ctx<'_>) -> Option<Form> {
        let l = ctx.app.letterhead().unwrap_or_default();
        let values = [&l.org, &l.address, &l.bank, &l.account, &l.treasurer, &l.accountant, &l.leader];
        let mut fields: Vec<Field> = FIELDS
            .iter()
            .zip(values)
            .map(|((key, label), value)| Field::new(*key, label(ctx.lang), Kind::Text, value))
            .collect();
        fields[0] = fields[0].clone().with_hint(words::letterhead_org_hint(ctx.lang));
        fields[4] = fields[4].clone().with_hint(words::signatories_hint(ctx.lang));
        // The form set: the letterhead's choice, the default's code until one is made.
        let forms = FormSet::stored(&l.forms).code();
        fields.push(Field::new(FieldKey::Forms, words::form_set(ctx.lang), Kind::Choice(words::FORM_SETS), forms));
        Some(Form::new(FormKind::Letterhead, words::letterhead_and_signatories(ctx.lang), fields))
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
            let status = words::nothing_changed(lang).to_string();
            return Ok(Outcome::Done { status, select: Select::Keep });
        }
        app.set_letterhead(&given)?;
        let status = words::letterhead_recorded(lang).to_string();
        Ok(Outcome::Done { status, select: Select::Keep })
    }
}
