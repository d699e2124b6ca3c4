//! `export hledger`: the ledger as a plain-text journal that hledger and ledger-cli read,
//! so anyone can cross-check hunvon's balances with a tool we did not write.

use std::fmt::Write;

use crate::date::format_iso;
use crate::error::Result;

use super::App;
use super::describe;

impl App {
    /// The whole ledger of the chosen pool as an hledger journal, vouchers by date.
    /// Amounts are whole numbers with the commodity `VND`; member accounts are
    /// liabilities (what the pool holds for them), so a member's hunvon balance is minus
    /// her hledger balance.
    pub fn export_hledger(&self) -> Result<String> {
        let pool = self.pool()?.clone();
        let mut out = String::new();
        let _ = writeln!(out, "; hunvon — {} ({})", pool.name, pool.code);
        let _ = writeln!(
            out,
            "; {}",
            self.lang.pick(
                "Số dư thành viên = − số dư tài khoản liabilities:members:MÃ",
                "Member balance = − balance of liabilities:members:CODE"
            )
        );
        for (account, _) in self.store.account_balances(pool.id)? {
            let _ = writeln!(out, "account {}", account.hledger_name());
        }
        out.push('\n');
        let lang = self.lang;
        self.store.each_txn(pool.id, None, None, |t| {
            let text = describe::purpose(&t, lang).replace(['\n', '\r', ';'], " ");
            let _ = writeln!(out, "{} ({}) {}", format_iso(t.date), t.voucher, text);
            if let Some(r) = &t.reverses {
                let _ = writeln!(out, "    ; reverses: {r}");
            }
            for (account, amount) in &t.postings {
                let _ = writeln!(out, "    {:<40}  {} VND", account.hledger_name(), amount.0);
            }
            out.push('\n');
            Ok(())
        })?;
        Ok(out)
    }
}
