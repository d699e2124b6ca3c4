//! `report`, `export` and `slip`: papers printed from the book, to stdout or `--output`.

use std::process::ExitCode;

use hunvon_app::output::console::errln;
use hunvon_app::output::sink::{Output, emit};
use hunvon_app::{App, ReportKind, ReportRequest};
use hunvon_core::domain::input;
use hunvon_core::messages::error::{Error, Expected, Result};
use hunvon_report::Format;

use super::args::{ExportArgs, OutputArgs, ReportArgs, SlipArgs};

/// `hunvon report KIND`: one of the seven reports in the chosen format.
pub fn report(app: &App, r: &ReportArgs) -> Result<ExitCode> {
    // Read in this order, so that of several mistakes the same one is named first.
    let kind = ReportKind::parse("REPORT", &r.what);
    let (period, warnings) =
        app.report_period(kind.as_ref().ok().copied(), r.from.as_deref(), r.to.as_deref(), r.as_of.as_deref())?;
    warnings.iter().for_each(|w| errln!("{}", w.text(app.lang)));
    let format = format_of(&r.output)?;
    let kind = kind?;
    // `--year` is the plan's year; any other report would print another period than
    // the one asked for without a word.
    if r.year.is_some() && kind != ReportKind::Targets {
        return Err(Error::YearOnlyForTargets(r.what.clone()));
    }
    // Every pool named must exist before an output file is opened, so a refused report
    // leaves no file behind. `report district` is of every pool by nature.
    if kind != ReportKind::District {
        app.report_pools()?;
    }
    // `--method` chooses the cash book; other reports leave it unread.
    let method = match kind {
        ReportKind::Cashbook => input::optional(r.method.as_deref(), |s| input::method("--method", s))?,
        _ => None,
    };
    let output = r.output.output.as_deref();
    if kind.streams(format) {
        // The longest report streams straight to its output.
        let mut out = Output::open(output, app.book_path(), format == Format::Csv)?;
        let written = match kind {
            ReportKind::Cashbook => app.write_cashbook(period, method.unwrap_or_default(), format, &mut out),
            _ => app.write_journal_csv(period, &mut out),
        };
        if let Err(e) = written {
            // A write error of the output itself, by kind: a reader that left ends the
            // report quietly; anything else names the output.
            return match out.failure() {
                Some(io) => out.failed(&io).map_or(Ok(ExitCode::SUCCESS), Err),
                None => Err(e),
            };
        }
        out.finish()?;
        return Ok(ExitCode::SUCCESS);
    }
    let year = input::optional(r.year.as_deref(), |s| {
        s.trim().parse::<i32>().ok().filter(|y| (2000..=2100).contains(y)).ok_or_else(|| Error::BadValue {
            field: "--year".into(),
            value: s.into(),
            expected: Expected::Format(&["2000 … 2100"]),
        })
    })?;
    // The plan's day defaults to the year's end for a year already past (SPEC §10).
    let mut period = period;
    if kind == ReportKind::Targets && r.as_of.is_none() && r.to.is_none() {
        period.to = None;
    }
    if kind == ReportKind::Handover && (r.from.is_none() || r.to.is_none()) {
        return Err(Error::Empty { field: "--from / --to".into() });
    }
    let request = ReportRequest {
        period,
        format,
        method: method.unwrap_or_default(),
        redact: r.redact,
        full_ids: r.full_ids,
        year,
    };
    let bytes = app.report(kind, &request)?;
    emit(&bytes, output, app.book_path(), format == Format::Csv)?;
    Ok(ExitCode::SUCCESS)
}

/// `hunvon export hledger`: the book as a journal hledger and ledger-cli read.
pub fn export(app: &App, e: &ExportArgs) -> Result<ExitCode> {
    if e.what != "hledger" {
        return Err(Error::BadValue {
            field: "EXPORT".into(),
            value: e.what.clone(),
            expected: Expected::Format(&["hledger"]),
        });
    }
    emit(app.export_hledger()?.as_bytes(), e.output.as_deref(), app.book_path(), false)?;
    Ok(ExitCode::SUCCESS)
}

/// `hunvon slip VOUCHER`: the paper a member keeps for a voucher.
pub fn slip(app: &App, s: &SlipArgs) -> Result<ExitCode> {
    // A bad --format names the formats a slip takes (not csv).
    let format = format_of(&s.output).map_err(|e| match e {
        Error::BadValue { field, value, .. } => {
            Error::BadValue { field, value, expected: Expected::Format(hunvon_app::papers::slip::SLIP_FORMATS) }
        }
        other => other,
    })?;
    let bytes = app.slip_with(&s.voucher, format, s.full_ids)?;
    emit(&bytes, s.output.output.as_deref(), app.book_path(), false)?;
    Ok(ExitCode::SUCCESS)
}

fn format_of(o: &OutputArgs) -> Result<Format> {
    o.format.as_deref().map_or(Ok(Format::Text), |v| Format::parse("--format", v))
}
