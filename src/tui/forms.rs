//! One description per form (its fields, its preview, the `app` call it submits) in
//! `forms/`; here, which forms there are and how the TUI reaches them.

pub mod bhxh;
pub mod bhyt;
pub mod close;
pub mod contribute;
pub mod count;
pub mod fund;
pub mod household;
pub mod letterhead;
pub mod opening;
pub mod person;
pub mod pool;
pub mod preview;
pub mod reverse;
pub mod small;
pub mod transfer;
pub mod withdraw;

use crate::tui::words;
use chrono::NaiveDate;

use hunvon_app::App;
use hunvon_core::messages::error::Result;
use hunvon_core::messages::i18n::Lang;

use super::form::{Field, FieldKey, Form, Kind};

/// Every form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormKind {
    CreatePool,
    AddHousehold,
    EditHousehold,
    AddPerson,
    EditPerson,
    Contribute,
    Receive,
    Pay,
    Transfer,
    Opening,
    Withdraw,
    BuyBhyt,
    BuyBhxh,
    Reverse,
    Dues,
    Letterhead,
    Count,
    Close,
    Backup,
    AsOf,
    Period,
}

impl FormKind {
    /// Whether sending it writes to the book.
    pub fn writes(self) -> bool {
        !matches!(self, FormKind::Backup | FormKind::AsOf | FormKind::Period)
    }
}

/// What a form starts from: the selection where it was opened.
pub struct Ctx<'a> {
    pub app: &'a App,
    pub lang: Lang,
    pub today: NaiveDate,
    pub person: Option<String>,
    pub household: Option<String>,
    pub voucher: Option<String>,
    pub as_of: NaiveDate,
    pub period: (NaiveDate, NaiveDate),
}

impl Ctx<'_> {
    /// Today as the date fields show it.
    pub fn today_text(&self) -> String {
        hunvon_core::domain::date::format_vn(self.today)
    }
}

/// What to select once a form has written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Select {
    Keep,
    Person(String),
    Household(String),
    Voucher(String),
    AsOf(NaiveDate),
    /// A cash count was recorded on this day: its biên bản opens in a preview.
    CountPaper(NaiveDate),
    Period(NaiveDate, NaiveDate),
}

/// The outcome of sending a form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Written (or done): the status line, and what to select.
    Done { status: String, select: Select },
    /// Not written: the form stays open with this message (e.g. the price changed).
    Again(String),
}

/// One form, described: how it opens from where the treasurer stands, what it shows as
/// it is typed, what it asks before it is sent, and the `app` call it makes. The engine
/// (`form.rs`) checks the fields by their kinds; a description reads them by their keys.
pub trait FormSpec {
    /// The form as it opens, or `None` when it has nothing to work on.
    fn open(&self, ctx: &Ctx<'_>) -> Option<Form>;

    /// Brings the preview and warnings up to date (the fields are checked already).
    fn live(&self, _app: &App, _form: &mut Form) {}

    /// The question asked before it is sent (a reversal, a close), if any: every line in
    /// full, whatever its length.
    fn confirmation(&self, _app: &App, _form: &Form) -> Option<Vec<String>> {
        None
    }

    /// Sends a form whose fields are right.
    fn submit(&self, app: &mut App, form: &mut Form) -> Result<Outcome>;
}

impl FormKind {
    /// The description of this form: the one place a kind meets its form.
    pub fn spec(self) -> &'static dyn FormSpec {
        match self {
            FormKind::CreatePool => &pool::CreatePool,
            FormKind::AddHousehold => &household::Household { edit: false },
            FormKind::EditHousehold => &household::Household { edit: true },
            FormKind::AddPerson => &person::Person { edit: false },
            FormKind::EditPerson => &person::Person { edit: true },
            FormKind::Contribute => &contribute::Contribute,
            FormKind::Receive => &fund::Fund { incoming: true },
            FormKind::Pay => &fund::Fund { incoming: false },
            FormKind::Transfer => &transfer::Transfer,
            FormKind::Opening => &opening::Opening,
            FormKind::Withdraw => &withdraw::Withdraw,
            FormKind::BuyBhyt => &bhyt::BuyBhyt,
            FormKind::BuyBhxh => &bhxh::BuyBhxh,
            FormKind::Reverse => &reverse::Reverse,
            FormKind::Dues => &small::Dues,
            FormKind::Letterhead => &letterhead::Letterhead,
            FormKind::Count => &count::Count,
            FormKind::Close => &close::Close,
            FormKind::Backup => &small::Backup,
            FormKind::AsOf => &small::AsOf,
            FormKind::Period => &small::Period,
        }
    }
}

/// Opens a form from the context, or `None` when it has nothing to work on.
pub fn open(kind: FormKind, ctx: &Ctx<'_>) -> Option<Form> {
    let mut form = kind.spec().open(ctx)?;
    form.initial = form.fields.iter().map(|f| f.value.clone()).collect();
    form.focus_on(form.focus);
    live(ctx.app, &mut form);
    Some(form)
}

/// Checks the fields and brings the preview up to date.
pub fn live(app: &App, form: &mut Form) {
    form.check(app);
    form.preview.clear();
    form.warnings.clear();
    form.kind.spec().live(app, form);
}

/// Sends a form whose fields are right.
pub fn submit(app: &mut App, form: &mut Form) -> Result<Outcome> {
    form.kind.spec().submit(app, form)
}

/// The confirmation a form asks for before it is sent, if any.
pub fn confirmation(app: &App, form: &Form) -> Option<Vec<String>> {
    form.kind.spec().confirmation(app, form)
}

/// Command-line flags a refusal from `app` may name, with the words a form uses.
pub const FLAG_WORDS: &[(&str, words::Sentence)] = &[
    ("--household-name", words::household_name),
    ("--from-month", words::from_month),
    ("--card-from", words::card_from_day),
    ("--card-to", words::card_to_day),
    ("--bhxh-code", words::bhxh_number),
    ("--household", words::household),
    ("--amount", words::amount),
    ("--person", words::person),
    ("--payer", words::payer),
    ("--reason", words::reason),
    ("--months", words::months),
    ("--income", words::income),
    ("--method", words::cash_bank),
    ("--receipt", words::receipt_no),
    ("--joined", words::joined),
    ("--sponsor", words::sponsor),
    ("--category", words::category),
    ("--phone", words::phone),
    ("--gender", words::gender),
    ("--left", words::left_on),
    ("--cccd", words::cccd),
    ("--cash", words::cash),
    ("--bank", words::bank),
    ("--date", words::date),
    ("--from", words::from_short),
    ("--dob", words::date_of_birth),
    ("--note", words::note),
    ("--name", words::name_short),
    ("--code", words::code),
    ("--pool", words::pool_code),
    ("--to", words::to_short),
];

/// The usual fields: a date (today) and cash or bank.
pub fn date_field(ctx: &Ctx<'_>, label: &str) -> Field {
    Field::new(FieldKey::Date, label, Kind::VoucherDate, &ctx.today_text())
}

pub fn method_field(ctx: &Ctx<'_>) -> Field {
    Field::new(FieldKey::Method, words::cash_bank(ctx.lang), Kind::Choice(words::METHODS), "cash")
        .with_hint(words::to_change(ctx.lang))
}

/// The last fields of an insurance purchase: cash or bank, the agency's receipt number
/// and the amount on it when it differs from the quote.
pub fn receipt_fields(ctx: &Ctx<'_>) -> [Field; 3] {
    [
        method_field(ctx),
        Field::new(FieldKey::Receipt, words::receipt_no(ctx.lang), Kind::Text, ""),
        Field::new(FieldKey::Amount, words::receipt_amount_if_different(ctx.lang), Kind::OptMoney, ""),
    ]
}

/// Who pays an insurance purchase as the request takes it: empty (by the rules), a
/// member's code, or the common fund typed in words.
pub fn payer(form: &Form) -> Option<String> {
    let payer = form.value(FieldKey::Payer);
    Some(if crate::tui::form::is_common_fund(&payer) { "fund:common".to_string() } else { payer })
        .filter(|v| !v.is_empty())
}

/// A written voucher as the status line shows it (its line and any warnings).
pub fn written(w: &hunvon_app::moves::Written, lang: Lang) -> String {
    let mut s = w.line.clone();
    for warning in &w.warnings {
        s.push_str("  ⚠ ");
        s.push_str(&warning.text(lang));
    }
    s
}
