//! Keeping the book: `init`, `dues`, `rates`, `backup`, `verify`, `demo`.

use std::path::Path;
use std::process::ExitCode;

use hunvon_app::output::console::{errln, outln};
use hunvon_app::verify::anchors::Anchor;
use hunvon_app::{App, Clock};
use hunvon_core::messages::error::{Error, Expected, Result};
use hunvon_core::messages::i18n::Lang;

use super::args::{DemoArgs, DuesCmd, RatesCmd, VerifyArgs};
use super::words;

/// `hunvon init --pool CODE --name NAME`.
pub fn init(app: &mut App, pool: Option<&str>, name: &str) -> Result<ExitCode> {
    let code = pool.ok_or(Error::Empty { field: "--pool".into() })?;
    let pool = app.init_pool(code, name)?;
    outln!("{}", words::pool_created(app.lang, &pool.code, &pool.name));
    Ok(ExitCode::SUCCESS)
}

/// `hunvon dues set`.
pub fn dues(app: &mut App, action: &DuesCmd) -> Result<ExitCode> {
    let DuesCmd::Set { amount, from } = action;
    app.set_dues(amount, from)?;
    outln!("{}", words::dues_set(app.lang));
    Ok(ExitCode::SUCCESS)
}

/// `hunvon rates list|set`.
pub fn rates(app: &mut App, action: &RatesCmd) -> Result<ExitCode> {
    match action {
        RatesCmd::List => {
            for r in app.rates()? {
                outln!(
                    "{:<30} {:<20} {}  {}",
                    r.name,
                    r.value,
                    hunvon_core::domain::date::format_vn(r.effective_from),
                    r.basis
                );
            }
        }
        RatesCmd::Set { name, value, from } => {
            let warnings = app.set_rate(name, value, from)?;
            warnings.iter().for_each(|w| errln!("{}", w.text(app.lang)));
            outln!("{}", words::rate_added(app.lang));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `hunvon backup FILE`: a consistent copy while the book is in use.
pub fn backup(app: &App, file: &Path) -> Result<ExitCode> {
    app.backup(file)?;
    outln!("{}", words::backed_up_to(app.lang, file.display()));
    Ok(ExitCode::SUCCESS)
}

/// `hunvon verify [--show REF] [--anchor REF=HASH…]`: exit 1 when any pool's book is
/// not whole or an anchor is not in its chain.
pub fn verify(app: &App, v: &VerifyArgs) -> Result<ExitCode> {
    let lang = app.lang;
    if let Some(reference) = &v.show {
        let link = app.show_link(reference)?;
        outln!("{}\n{}\n{}", link.prev_hash, link.canonical, link.hash);
        return Ok(ExitCode::SUCCESS);
    }
    let anchors = v.anchor.iter().map(|a| Anchor::parse(a)).collect::<Result<Vec<_>>>()?;
    let mut bar = hunvon_app::output::progress::Bar::new(words::records_unit(lang));
    let report = app.verify_with(&anchors, &mut |done, total| bar.update(done, total));
    bar.finish();
    let report = report?;
    let whole = report.problems.is_empty();
    for c in &report.pools {
        for w in &c.warnings {
            errln!("{}", w.text(lang));
        }
        let head = c.head.anchor();
        if let Some(first) = c.problems.first() {
            errln!("{} {}: {}", words::pool_word(lang), c.pool.code, first.text(lang));
            for p in c.problems.iter().skip(1) {
                errln!("  {}", p.text(lang));
            }
        } else {
            // A whole book says so; one with a chain but problems elsewhere only that the chain matches.
            let line = if whole { words::book_intact } else { words::chain_matches };
            // Counts grouped as every number a person reads (707.651, not 707651).
            let n = hunvon_core::domain::money::group_count;
            outln!("{}", line(lang, &c.pool.code, n(c.vouchers), n(c.records), head));
        }
        outln!("  {}", c.identity.line(lang));
    }
    if let Some(head) = &report.file_head {
        outln!("{}", words::rates_head(lang).to_string() + head);
    }
    for w in &report.warnings {
        errln!("{}", w.text(lang));
    }
    for p in &report.problems {
        errln!("{}", p.text(lang));
    }
    if report.anchors > 0 && !report.problems.iter().any(|p| p.is_anchor()) {
        outln!("{}", words::all_anchors_in_chain(lang, report.anchors));
    }
    Ok(if report.ok() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// `hunvon demo --db FILE`: a generated book, built beside its name and named once
/// complete, never over an existing file.
pub fn demo(db: Option<&Path>, d: &DemoArgs, lang: Lang) -> Result<ExitCode> {
    let number = |field: &str, v: &str, max: u64| -> Result<u64> {
        v.trim().parse::<u64>().ok().filter(|n| (1..=max).contains(n)).ok_or_else(|| Error::BadValue {
            field: field.into(),
            value: v.into(),
            expected: Expected::Format(&["1, 2, 3…"]),
        })
    };
    let opts = hunvon_app::demo::DemoOptions {
        people: usize::try_from(number("--people", &d.people, 10_000_000)?).unwrap_or(60),
        months: u32::try_from(number("--months", &d.months, 600)?).unwrap_or(30),
        pools: usize::try_from(number("--pools", &d.pools, 10_000)?).unwrap_or(1),
        seed: d.seed.trim().parse::<u64>().map_err(|_| Error::BadValue {
            field: "--seed".into(),
            value: d.seed.clone(),
            expected: Expected::Format(&["0, 1, 2…"]),
        })?,
        chapter: None,
    };
    if let (Some(n), Some(dir)) = (&d.chapters, &d.out) {
        let n = usize::try_from(number("--chapters", n, 10_000)?).unwrap_or(1);
        return super::collect::demo_chapters(dir, n, &opts, lang);
    }
    let path = db.ok_or(Error::Empty { field: "--db".into() })?;
    let started = std::time::Instant::now();
    let target = hunvon_app::output::outfile::NewFile::create(path, None)?;
    let mut bar = hunvon_app::output::progress::Bar::new(words::months_unit(lang));
    let s = hunvon_app::demo::generate_with(target.path(), &opts, Clock::from_env()?, &mut |done, total| {
        bar.update(done, total);
    });
    bar.finish();
    let s = s?;
    target.commit()?;
    let (people, vouchers, took) = (lang.count(s.people), lang.count(s.vouchers), lang.seconds(started.elapsed()));
    outln!("{}", words::demo_written(lang, path.display(), people, vouchers, took));
    Ok(ExitCode::SUCCESS)
}
