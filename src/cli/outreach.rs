//! `card` and `target set` (SPEC §10): cover from elsewhere and the year's plan.

use std::process::ExitCode;

use hunvon_app::App;
use hunvon_app::insurance::outside_cards::{CardInput, source_label};
use hunvon_app::output::console::outln;
use hunvon_app::papers::targets::TargetInput;
use hunvon_core::domain::date::format_vn;

use super::args::{CardArgs, TargetCmd};
use super::words;
use hunvon_core::messages::error::Result;

/// `hunvon card`: records a card from elsewhere, or cancels one (`--cancel REF --reason R`).
pub fn card(app: &mut App, args: &CardArgs) -> Result<ExitCode> {
    let lang = app.lang;
    let json = super::papers::json_wanted(args.format.format.as_deref())?;
    let written = match &args.cancel {
        Some(reference) => app.cancel_card(reference, args.reason.as_deref().unwrap_or_default())?,
        None => app.record_card(&CardInput {
            person: args.person.clone().unwrap_or_default(),
            from: args.from.clone(),
            to: args.to.clone().unwrap_or_default(),
            source: args.source.clone().unwrap_or_default(),
            scheme: args.scheme.clone(),
            card_no: args.card_no.clone(),
        })?,
    };
    let r = &written.record;
    if json {
        outln!(
            "{}",
            serde_json::json!({"record": written.reference, "hash": written.hash, "person": r.person,
                "scheme": r.scheme, "source": r.source, "from": r.from, "to": r.to, "card_no": r.card_no,
                "cancels": r.cancels.map(|p| format!("#{p}")), "reason": r.reason})
        );
        return Ok(ExitCode::SUCCESS);
    }
    let day = |s: &str| hunvon_core::domain::date::parse_date(s).map(format_vn).unwrap_or_else(|| s.to_string());
    let scheme = r.scheme.to_uppercase();
    let source = source_label(Some(&r.source), lang);
    let (reference, person, name) = (&written.reference, &r.person, &written.full_name);
    match r.cancels {
        None => outln!(
            "{}",
            words::outside_card_written(lang, reference, scheme, source, person, name, day(&r.from), day(&r.to))
        ),
        Some(pos) => outln!("{}", words::outside_card_cancelled(lang, reference, pos, person, name)),
    }
    Ok(ExitCode::SUCCESS)
}

/// `hunvon target set`: the year's plan of the chosen pool (a collected chapter's, in a
/// district book).
pub fn target(app: &mut App, action: &TargetCmd) -> Result<ExitCode> {
    let TargetCmd::Set { year, bhyt, bhxh, new_bhxh } = action;
    let reference = app.set_target(&TargetInput {
        year: year.clone(),
        bhyt: bhyt.clone(),
        bhxh: bhxh.clone(),
        new_bhxh: new_bhxh.clone(),
    })?;
    let pool = app.pool()?.code.clone();
    outln!("{}", words::target_set(app.lang, reference, year.trim(), pool, bhyt, bhxh));
    Ok(ExitCode::SUCCESS)
}
