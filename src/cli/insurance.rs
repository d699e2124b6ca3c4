//! `quote` and `buy`: BHYT for a household, BHXH for one person. A quote is the same
//! price a purchase would write, with nothing written.

use std::process::ExitCode;

use hunvon_app::App;
use hunvon_app::insurance::{BhxhRequest, BhytRequest};
use hunvon_app::output::console::{errln, outln};
use hunvon_core::messages::error::Result;
use hunvon_report::Format;

use super::args::InsuranceCmd;
use super::moves::{format_of, today_or};

/// `hunvon quote …` (`buy` false) or `hunvon buy …`.
pub fn run(app: &mut App, scheme: &InsuranceCmd, buy: bool) -> Result<ExitCode> {
    let lang = app.lang;
    let result = match scheme {
        InsuranceCmd::Bhyt(a) => {
            let format = format_of(&a.format)?;
            let req = BhytRequest {
                persons: a.person.clone(),
                months: a.months.clone(),
                date: today_or(&a.date, app),
                amount: a.amount.clone(),
                receipt: a.receipt.clone(),
                card_from: a.card_from.clone(),
                card_to: a.card_to.clone(),
                payer: a.payer.clone(),
                method: a.method.clone(),
                payers: Vec::new(),
            };
            let done = if buy {
                app.bank_ref = a.bank_ref.clone();
                app.buy_bhyt(&req).map(|(w, q)| (Some(w), q))
            } else {
                app.quote_bhyt(&req).map(|q| (None, q))
            };
            done.map(|d| (d, format))
        }
        InsuranceCmd::Bhxh(a) => {
            let format = format_of(&a.format)?;
            let req = BhxhRequest {
                person: a.person.clone(),
                months: a.months.clone(),
                income: a.income.clone(),
                date: today_or(&a.date, app),
                from_month: a.from_month.clone(),
                amount: a.amount.clone(),
                receipt: a.receipt.clone(),
                payer: a.payer.clone(),
                method: a.method.clone(),
            };
            let done = if buy {
                app.bank_ref = a.bank_ref.clone();
                app.buy_bhxh(&req).map(|(w, q)| (Some(w), q))
            } else {
                app.quote_bhxh(&req).map(|q| (None, q))
            };
            done.map(|d| (d, format))
        }
    };
    let ((written, quote), format) = result?;
    if let Some(w) = &written {
        w.warnings.iter().for_each(|x| errln!("{}", x.text(lang)));
    }
    if format == Format::Json {
        outln!("{}", quote.json(written.as_ref().map(|w| w.voucher.as_str())));
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(w) = &written {
        outln!("{}", w.line);
    }
    hunvon_app::output::console::out_text(&hunvon_app::insurance::text::quote_text(&quote, lang));
    Ok(ExitCode::SUCCESS)
}
