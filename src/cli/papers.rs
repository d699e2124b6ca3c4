//! The commands behind the papers (docs/design.md §6): the pool's letterhead, cash counts
//! and closes.

use std::process::ExitCode;

use hunvon_app::App;
use hunvon_app::moves::closing::CountInput;
use hunvon_app::output::console::{errln, outln};
use hunvon_app::papers::counts::difference_words;
use hunvon_app::papers::form_set::FormSet;
use hunvon_app::papers::letterhead::{Letterhead, LetterheadInput};
use hunvon_core::messages::error::{Error, Result};
use hunvon_core::messages::i18n::Lang;

use super::args::{CloseArgs, CountArgs, PoolCmd};
use super::words;

fn print_letterhead(l: &Letterhead, lang: Lang) {
    let rows = [
        (words::organisation(lang), &l.org),
        (words::address(lang), &l.address),
        (words::bank(lang), &l.bank),
        (words::account_number(lang), &l.account),
        (words::treasurer(lang), &l.treasurer),
        (words::bookkeeper(lang), &l.accountant),
        (words::group_leader(lang), &l.leader),
    ];
    // The district key's line only once one is set; the form set's always (its default
    // is a choice too).
    let key = [(words::district_key(lang), &l.district_key)];
    let forms = FormSet::stored(&l.forms).words(lang).to_string();
    let forms = [(words::form_set(lang), &forms)];
    for (k, v) in rows.into_iter().chain(key.into_iter().filter(|(_, v)| !v.is_empty())).chain(forms) {
        outln!("  {}{v}", hunvon_report::pad_right(&format!("{k}:"), 15));
    }
}

/// `hunvon pool set|show`.
pub fn pool(app: &mut App, action: &PoolCmd, lang: Lang) -> Result<ExitCode> {
    match action {
        PoolCmd::Set { org, address, bank, account, treasurer, accountant, leader, district_key, forms } => {
            let given = LetterheadInput {
                org: org.clone(),
                address: address.clone(),
                bank: bank.clone(),
                account: account.clone(),
                treasurer: treasurer.clone(),
                accountant: accountant.clone(),
                leader: leader.clone(),
                district_key: district_key.clone(),
                forms: forms.clone(),
            };
            if given.is_empty() {
                return Err(Error::Empty {
                    field: "--org / --address / --bank / --account / --treasurer / --accountant / --leader / --district-key / --forms"
                        .into(),
                });
            }
            let l = app.set_letterhead(&given)?;
            let code = app.pool()?.code.clone();
            outln!("{}", words::letterhead_saved(lang, code));
            print_letterhead(&l, lang);
        }
        PoolCmd::Show => {
            let pool = app.pool()?.clone();
            outln!("{} — {}", pool.code, pool.name);
            print_letterhead(&app.letterhead_of(&pool)?, lang);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether `--format json` was asked for; read before anything is written, so a wrong
/// format refuses the command instead of failing after the commit.
pub(super) fn json_wanted(format: Option<&str>) -> Result<bool> {
    Ok(format.map(|f| hunvon_report::Format::parse("--format", f)).transpose()? == Some(hunvon_report::Format::Json))
}

/// `hunvon count`: one line naming the record, the book's balance, the count and the
/// difference (or the JSON with `--format json`).
pub fn count(app: &mut App, args: &CountArgs, lang: Lang) -> Result<ExitCode> {
    let json = json_wanted(args.format.format.as_deref())?;
    let given = CountInput {
        date: args.date.clone().unwrap_or_else(|| hunvon_core::domain::date::format_iso(app.clock.today)),
        notes: args.notes.clone(),
        total: args.total.clone(),
        counted_by: args.counted_by.clone(),
        reason: args.reason.clone(),
        time: args.time.clone(),
    };
    let c = app.record_count(&given)?;
    let diff = c.counted - c.book_balance;
    if json {
        outln!(
            "{}",
            serde_json::json!({"number": c.label(), "record": c.reference, "hash": c.hash,
                "date": hunvon_core::domain::date::format_iso(c.date),
                "book_balance": c.book_balance, "counted": c.counted, "difference": diff})
        );
        return Ok(ExitCode::SUCCESS);
    }
    let (book, counted) =
        (hunvon_core::domain::money::Dong(c.book_balance), hunvon_core::domain::money::Dong(c.counted));
    let date = hunvon_core::domain::date::format_vn(c.date);
    outln!("{}", words::cash_counted(lang, c.label(), date, &c.reference, book, counted, difference_words(diff, lang)));
    Ok(ExitCode::SUCCESS)
}

/// `hunvon close --to D`: no voucher can be written up to that day any more.
pub fn close(app: &mut App, args: &CloseArgs, lang: Lang) -> Result<ExitCode> {
    let json = json_wanted(args.format.format.as_deref())?;
    let c = app.close_books(&args.to)?;
    // A count's difference left unsettled is said, not refused: the close stands.
    if let Ok(pending) = app.pending_on(c.to)
        && !pending.is_zero()
    {
        errln!("{}", hunvon_core::messages::warning::Warning::PendingLeft { to: c.to, pending }.text(lang));
    }
    if json {
        outln!(
            "{}",
            serde_json::json!({"record": c.reference, "hash": c.hash, "to": hunvon_core::domain::date::format_iso(c.to),
                "head": c.head, "cash": c.cash, "bank": c.bank})
        );
        return Ok(ExitCode::SUCCESS);
    }
    let (cash, bank) = (hunvon_core::domain::money::Dong(c.cash), hunvon_core::domain::money::Dong(c.bank));
    let to = hunvon_core::domain::date::format_vn(c.to);
    outln!("{}", words::books_closed(lang, &c.reference, to, cash, bank, &c.head));
    Ok(ExitCode::SUCCESS)
}
