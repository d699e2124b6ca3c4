//! The encrypted hand-in on the command line (SPEC §9): `key new|show` for the district,
//! `handin` for a chapter. `collect --identity` is in `collect.rs`.

use std::process::ExitCode;

use hunvon_app::App;
use hunvon_app::output::console::outln;
use hunvon_core::messages::error::Result;
use hunvon_core::messages::i18n::Lang;

use super::args::{HandinArgs, KeyCmd};

/// `hunvon key new --output FILE` / `hunvon key show FILE`: no book is opened.
pub(super) fn key(action: &KeyCmd, lang: Lang) -> Result<ExitCode> {
    match action {
        KeyCmd::New { output } => {
            let now = hunvon_app::Clock::from_env()?.now;
            let public = hunvon_app::district::keys::new_key(output, &now)?;
            let file = output.display();
            match lang {
                Lang::Vi => {
                    outln!("Đã tạo khóa của Hội huyện trong {file} (giữ hai bản, không gửi qua mạng).");
                    outln!("Khóa công khai để các chi hội ghi bằng `hunvon pool set --district-key`:");
                }
                Lang::En => {
                    outln!("Wrote the district's key to {file} (keep two copies; never send it).");
                    outln!("The public key chapters set with `hunvon pool set --district-key`:");
                }
            }
            outln!("{public}");
        }
        KeyCmd::Show { file } => outln!("{}", hunvon_app::district::keys::show_key(file)?),
    }
    Ok(ExitCode::SUCCESS)
}

/// `hunvon handin --output FILE [--to age1…]…`.
pub(super) fn handin(app: &App, h: &HandinArgs) -> Result<ExitCode> {
    let done = app.handin(&h.output, &h.to)?;
    let n = |v: u64| hunvon_core::domain::money::group(i64::try_from(v).unwrap_or(i64::MAX));
    let file = h.output.display();
    match app.lang {
        Lang::Vi => outln!("Đã ghi sổ nộp Hội huyện, đã mã hóa, vào {file} ({} byte).", n(done.bytes)),
        Lang::En => outln!("Wrote the book for the district, encrypted, to {file} ({} bytes).", n(done.bytes)),
    }
    for (code, vouchers, head) in &done.pools {
        match app.lang {
            Lang::Vi => outln!("  Quỹ {code}: {} chứng từ, đầu chuỗi {head}", n(*vouchers)),
            Lang::En => outln!("  Pool {code}: {} vouchers, head {head}", n(*vouchers)),
        }
    }
    for r in &done.recipients {
        match app.lang {
            Lang::Vi => outln!("  Mở được bằng khóa {r}"),
            Lang::En => outln!("  Opens with the key {r}"),
        }
    }
    Ok(ExitCode::SUCCESS)
}
