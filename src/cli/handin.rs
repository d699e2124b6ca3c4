//! The encrypted hand-in on the command line (SPEC §9): `key new|show` for the district,
//! `handin` for a chapter. `collect --identity` is in `collect.rs`.

use std::process::ExitCode;

use hunvon_app::App;
use hunvon_app::output::console::outln;
use hunvon_core::messages::error::Result;
use hunvon_core::messages::i18n::Lang;

use super::args::{HandinArgs, KeyCmd};
use super::words;

/// `hunvon key new --output FILE` / `hunvon key show FILE`: no book is opened.
pub(super) fn key(action: &KeyCmd, lang: Lang) -> Result<ExitCode> {
    match action {
        KeyCmd::New { output } => {
            let now = hunvon_app::Clock::from_env()?.now;
            let public = hunvon_app::district::keys::new_key(output, &now)?;
            let file = output.display();
            outln!("{}", words::district_key_written(lang, file));
            outln!("{}", words::district_public_key(lang));
            outln!("{public}");
        }
        KeyCmd::Show { file } => outln!("{}", hunvon_app::district::keys::show_key(file)?),
    }
    Ok(ExitCode::SUCCESS)
}

/// `hunvon handin --output FILE [--to age1…]…`.
pub(super) fn handin(app: &App, h: &HandinArgs) -> Result<ExitCode> {
    let done = app.handin(&h.output, &h.to)?;
    let n = hunvon_core::domain::money::group_count;
    let file = h.output.display();
    outln!("{}", words::handin_written(app.lang, file, n(done.bytes)));
    for (code, vouchers, head) in &done.pools {
        outln!("{}", words::handin_pool(app.lang, code, n(*vouchers), head));
    }
    for r in &done.recipients {
        outln!("{}", words::opens_with_key(app.lang, r));
    }
    Ok(ExitCode::SUCCESS)
}
