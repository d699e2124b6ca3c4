//! The frame every printed report shares: the pool's heading, the period, when it was
//! printed, and a footer with the chain head so a paper copy pins the ledger's state.

use crate::date::{format_formal_vi, format_vn};
use crate::error::Result;
use crate::i18n::Lang;
use crate::report::document::{Document, Signatures};
use crate::store::pools::Pool;

use super::App;
use super::reports::Period;

impl App {
    /// A document titled `title` for `pool` over `period`, with the standard footer and,
    /// if `signed`, the signature block.
    pub fn document(&self, pool: &Pool, title: &str, period: Period, signed: bool) -> Result<Document> {
        let lang = self.lang;
        let mut doc = Document::new(title.to_string(), lang);
        doc.subtitle.push(format!("{} ({})", pool.name, pool.code));
        let to = period.to.unwrap_or(self.clock.today);
        doc.subtitle.push(match (period.from, lang) {
            (Some(f), Lang::Vi) => format!("Từ ngày {} đến ngày {}", format_vn(f), format_vn(to)),
            (Some(f), Lang::En) => format!("From {} to {}", format_vn(f), format_vn(to)),
            (None, Lang::Vi) => format!("Đến hết ngày {}", format_vn(to)),
            (None, Lang::En) => format!("Up to {}", format_vn(to)),
        });
        let head = self.store.head(pool.id)?.anchor();
        doc.footer = match lang {
            Lang::Vi => format!("{} · in ngày {} · đầu chuỗi {head}", pool.code, format_vn(self.clock.today)),
            Lang::En => format!("{} · printed {} · chain head {head}", pool.code, format_vn(self.clock.today)),
        };
        if signed {
            let place_date = match lang {
                Lang::Vi => format!("…………, {}", format_formal_vi(self.clock.today)),
                Lang::En => format!("…………, {}", format_vn(self.clock.today)),
            };
            doc.signatures = Some(Signatures::standard(place_date, lang));
        }
        Ok(doc)
    }
}
