//! `export hledger`: the ledger as a plain-text journal that hledger and ledger-cli read,
//! so anyone can cross-check hunvon's balances with a tool we did not write. With several
//! pools in scope (`--pool all`) every account is prefixed by its pool's code.

use crate::words;
use std::fmt::Write;

use hunvon_core::domain::date::format_iso;
use hunvon_core::ledger::Account;
use hunvon_core::messages::error::Result;

use crate::App;
use crate::papers::describe;

impl App {
    /// The whole ledger of the pools in scope as an hledger journal, vouchers by date.
    /// Amounts are whole numbers with the commodity `VND`; member accounts are
    /// liabilities (what the pool holds for them), so a member's hunvon balance is minus
    /// her hledger balance.
    pub fn export_hledger(&self) -> Result<String> {
        let pools = self.report_pools()?;
        let several = pools.len() > 1;
        let mut out = String::new();
        for pool in &pools {
            let _ = writeln!(out, "; hunvon — {} ({})", pool.name, pool.code);
        }
        let _ = writeln!(out, "; {}", words::member_balance_balance_of_liabilities(self.lang));
        let name = |code: &str, account: &Account| {
            if several { format!("{code}:{}", account.hledger_name()) } else { account.hledger_name() }
        };
        for pool in &pools {
            for (account, _) in self.store.account_balances(pool.id)? {
                let kind = match account {
                    Account::Cash | Account::Bank => "A",
                    Account::Member(_) | Account::FundPending => "L",
                    Account::FundCommon | Account::FundOpening => "E",
                };
                if several {
                    // The pool's code comes first, so hledger is told each account's type.
                    let _ = writeln!(out, "account {}  ; type: {kind}", name(&pool.code, &account));
                } else {
                    let _ = writeln!(out, "account {}", name(&pool.code, &account));
                }
            }
        }
        out.push('\n');
        let lang = self.lang;
        for pool in &pools {
            self.store.each_txn(pool.id, None, None, |t| {
                let text = describe::purpose(&t, lang).replace(['\n', '\r', ';'], " ");
                let code = if several { format!("{}/{}", pool.code, t.voucher) } else { t.voucher.clone() };
                let _ = writeln!(out, "{} ({code}) {text}", format_iso(t.date));
                if let Some(r) = &t.reverses {
                    let _ = writeln!(out, "    ; reverses: {r}");
                }
                for (account, amount) in &t.postings {
                    let _ = writeln!(out, "    {:<40}  {} VND", name(&pool.code, account), amount.0);
                }
                out.push('\n');
                Ok(())
            })?;
        }
        Ok(out)
    }
}
