//! Money moves: `contribute`, `receive`, `pay`, `opening`, `transfer`, `withdraw`, `reverse`. Each
//! writes one voucher and prints its line (or JSON).

use std::process::ExitCode;

use hunvon_app::App;
use hunvon_app::moves::{OpeningOf, Written};
use hunvon_app::output::console::{errln, outln};
use hunvon_core::messages::error::{Error, Expected, Result};
use hunvon_report::Format;

use super::args::{
    ContributeArgs, FormatArg, FundArgs, OpeningArgs, ReverseArgs, SettleArgs, TransferArgs, WithdrawArgs,
};

/// `hunvon contribute`: a member's dues (phiếu thu).
pub fn contribute(app: &mut App, c: &ContributeArgs) -> Result<ExitCode> {
    let format = format_of(&c.format)?;
    let date = today_or(&c.date, app);
    app.bank_ref = c.bank_ref.clone();
    let w = app.contribute(&c.person, &c.amount, &date, c.method.as_deref(), &c.note)?;
    print_written(app, &w, format)
}

/// `hunvon receive` (`incoming`) and `hunvon pay`: money into or out of the common fund.
pub fn common_fund(app: &mut App, f: &FundArgs, incoming: bool) -> Result<ExitCode> {
    if f.fund.trim() != "common" {
        return Err(Error::BadValue { field: "--fund".into(), value: f.fund.clone(), expected: Expected::Fund });
    }
    let format = format_of(&f.format)?;
    let date = today_or(&f.date, app);
    app.bank_ref = f.bank_ref.clone();
    let w = app.common_fund(incoming, &f.amount, &date, f.method.as_deref(), &f.note)?;
    print_written(app, &w, format)
}

/// `hunvon settle`: clears what a cash count left pending.
pub fn settle(app: &mut App, s: &SettleArgs) -> Result<ExitCode> {
    let by = match (&s.person, &s.fund) {
        (Some(p), _) => hunvon_app::moves::settle::SettleBy::Person(p.clone()),
        (None, Some(f)) if f.trim() == "common" => hunvon_app::moves::settle::SettleBy::Common,
        (None, Some(f)) => {
            return Err(Error::BadValue { field: "--fund".into(), value: f.clone(), expected: Expected::Fund });
        }
        (None, None) => return Err(Error::Empty { field: "--person / --fund".into() }),
    };
    let format = format_of(&s.format)?;
    let date = today_or(&s.date, app);
    let w = app.settle(&s.count, &s.amount, &by, &date)?;
    print_written(app, &w, format)
}

/// `hunvon opening`: the balances the book starts from.
pub fn opening(app: &mut App, o: &OpeningArgs) -> Result<ExitCode> {
    let of = match (&o.cash, &o.bank, &o.person) {
        (Some(a), _, _) => OpeningOf::Cash(a.clone()),
        (_, Some(a), _) => OpeningOf::Bank(a.clone()),
        (_, _, Some(p)) => OpeningOf::Person { code: p.clone(), amount: o.amount.clone().unwrap_or_default() },
        _ => return Err(Error::Empty { field: "--cash / --bank / --person".into() }),
    };
    let format = format_of(&o.format)?;
    let date = today_or(&o.date, app);
    let w = app.opening(&of, &date)?;
    print_written(app, &w, format)
}

/// `hunvon transfer`: cash to the bank and back.
pub fn transfer(app: &mut App, t: &TransferArgs) -> Result<ExitCode> {
    let format = format_of(&t.format)?;
    let date = today_or(&t.date, app);
    app.bank_ref = t.bank_ref.clone();
    let w = app.transfer(&t.from, &t.to, &t.amount, &date, &t.note)?;
    print_written(app, &w, format)
}

/// `hunvon withdraw`: a member paid back what the pool holds for her.
pub fn withdraw(app: &mut App, w: &WithdrawArgs) -> Result<ExitCode> {
    let format = format_of(&w.format)?;
    let date = today_or(&w.date, app);
    app.bank_ref = w.bank_ref.clone();
    let written = app.withdraw(&w.person, &w.amount, &date, w.method.as_deref(), &w.note, w.allow_debt)?;
    print_written(app, &written, format)
}

/// `hunvon reverse`: a voucher cancelled by its mirror image.
pub fn reverse(app: &mut App, r: &ReverseArgs) -> Result<ExitCode> {
    let format = format_of(&r.format)?;
    let date = today_or(&r.date, app);
    let w = app.reverse(&r.voucher, &r.reason, &date)?;
    print_written(app, &w, format)
}

/// The `--format` asked for, text when none; checked before anything is written.
pub fn format_of(f: &FormatArg) -> Result<Format> {
    f.format.as_deref().map_or(Ok(Format::Text), |v| Format::parse("--format", v))
}

/// The `--date` given, else today (the app checks either).
pub fn today_or(date: &Option<String>, app: &App) -> String {
    date.clone().unwrap_or_else(|| hunvon_core::domain::date::format_iso(app.clock.today))
}

/// Prints a committed write. Its `--format` was checked before the write, so nothing
/// after the commit can turn it into a failure.
pub fn print_written(app: &App, w: &Written, format: Format) -> Result<ExitCode> {
    for warning in &w.warnings {
        errln!("{}", warning.text(app.lang));
    }
    match format {
        Format::Json => outln!(
            "{}",
            serde_json::json!({
                "voucher": w.voucher, "date": hunvon_core::domain::date::format_iso(w.date), "total": w.total.0, "line": w.line,
            })
        ),
        _ => outln!("{}", w.line),
    }
    Ok(ExitCode::SUCCESS)
}
