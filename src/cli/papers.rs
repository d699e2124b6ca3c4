//! The commands behind the papers (docs/design.md §6): the pool's letterhead.

use std::process::ExitCode;

use clap::Subcommand;

use crate::app::App;
use crate::app::letterhead::LetterheadInput;
use crate::console::outln;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::store::letterhead::Letterhead;

#[derive(Subcommand, Debug)]
pub enum PoolCmd {
    /// hunvon pool set --org "Chi hội Phụ nữ ấp Cây Gòn — Hội LHPN xã Hiếu Tử" --leader "Thạch Thị Sà Phol"
    Set {
        /// Đơn vị / the organisation
        #[arg(long)]
        org: Option<String>,
        /// Địa chỉ / address
        #[arg(long)]
        address: Option<String>,
        /// Ngân hàng nơi gửi tiền / the bank
        #[arg(long)]
        bank: Option<String>,
        /// Số tài khoản / bank account number
        #[arg(long)]
        account: Option<String>,
        /// Thủ quỹ / treasurer
        #[arg(long)]
        treasurer: Option<String>,
        /// Kế toán (có thể để trống) / bookkeeper (may be empty)
        #[arg(long)]
        accountant: Option<String>,
        /// Tổ trưởng / group leader
        #[arg(long)]
        leader: Option<String>,
    },
    /// hunvon pool show
    Show,
}

fn print_letterhead(l: &Letterhead, lang: Lang) {
    let rows = [
        (lang.pick("Đơn vị", "Organisation"), &l.org),
        (lang.pick("Địa chỉ", "Address"), &l.address),
        (lang.pick("Ngân hàng", "Bank"), &l.bank),
        (lang.pick("Số tài khoản", "Account number"), &l.account),
        (lang.pick("Thủ quỹ", "Treasurer"), &l.treasurer),
        (lang.pick("Kế toán", "Bookkeeper"), &l.accountant),
        (lang.pick("Tổ trưởng", "Group leader"), &l.leader),
    ];
    for (k, v) in rows {
        outln!("  {}{v}", crate::report::pad_right(&format!("{k}:"), 15));
    }
}

/// `hunvon pool set|show`.
pub fn pool(app: &mut App, action: &PoolCmd, lang: Lang) -> Result<ExitCode> {
    match action {
        PoolCmd::Set { org, address, bank, account, treasurer, accountant, leader } => {
            let given = LetterheadInput {
                org: org.clone(),
                address: address.clone(),
                bank: bank.clone(),
                account: account.clone(),
                treasurer: treasurer.clone(),
                accountant: accountant.clone(),
                leader: leader.clone(),
            };
            if given.is_empty() {
                return Err(Error::Empty {
                    field: "--org / --address / --bank / --account / --treasurer / --accountant / --leader".into(),
                });
            }
            let l = app.set_letterhead(&given)?;
            let code = app.pool()?.code.clone();
            match lang {
                Lang::Vi => outln!("Đã lưu tiêu đề giấy tờ của quỹ {code}:"),
                Lang::En => outln!("Saved the letterhead of pool {code}:"),
            }
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
