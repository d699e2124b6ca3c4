//! `verify` on a district's book (docs/design.md §11): the district's own chain of
//! collections recomputed link by link, and each collected pool held against its last
//! collection — the copy must end exactly where the district's chain says it was
//! collected to, with that hash, and belong to the book it was collected from. (The
//! pools' own chains are walked like any pool's: their copied rows must give the
//! chapter's hashes.)

use hunvon_core::ledger::canonical::{self, GENESIS};
use hunvon_core::ledger::district::DistrictRecord;
use hunvon_core::messages::i18n::Lang;

use crate::App;
use hunvon_core::messages::error::Result;

/// One thing wrong with the district's side of a book.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DistrictProblem {
    /// A record of the district's chain whose text no longer gives its hash.
    Altered { pos: i64 },
    /// A record whose previous hash is not the one before it (removed, inserted, moved).
    Broken { pos: i64 },
    /// A record whose text hunvon did not write.
    NotARecord { pos: i64 },
    /// A collected pool that does not end where its last collection says.
    HeadDiffers { pool: String, collected: String, found: String },
    /// A collected pool whose chain names another book than it was collected from.
    BookDiffers { pool: String },
    /// A collected pool with no collection in the district's chain.
    Uncollected { pool: String },
}

impl DistrictProblem {
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Vi};
        match (self, lang) {
            (DistrictProblem::Altered { pos }, Vi) => {
                format!("Bản ghi #{pos} của chuỗi nhận sổ (huyện) không khớp mã băm của nó: đã bị sửa.")
            }
            (DistrictProblem::Altered { pos }, En) => {
                format!("Record #{pos} of the district's chain of collections does not match its hash: it was altered.")
            }
            (DistrictProblem::Broken { pos }, Vi) => format!(
                "Chuỗi nhận sổ (huyện) đứt ở bản ghi #{pos}: một bản ghi trước nó đã bị xóa, chèn hoặc đổi chỗ."
            ),
            (DistrictProblem::Broken { pos }, En) => format!(
                "The district's chain of collections breaks at record #{pos}: a record before it was removed, inserted or moved."
            ),
            (DistrictProblem::NotARecord { pos }, Vi) => {
                format!("Bản ghi #{pos} của chuỗi nhận sổ (huyện) không phải bản ghi hunvon viết.")
            }
            (DistrictProblem::NotARecord { pos }, En) => {
                format!("Record #{pos} of the district's chain of collections is not a record hunvon writes.")
            }
            (DistrictProblem::HeadDiffers { pool, collected, found }, Vi) => format!(
                "Quỹ {pool} (nhận từ sổ chi hội) không dừng ở chỗ đã nhận tới: lần nhận cuối ghi {collected}, trong tệp nay là {found} — bản sao đã bị cắt hoặc bị ghi thêm ngoài hunvon collect."
            ),
            (DistrictProblem::HeadDiffers { pool, collected, found }, En) => format!(
                "Pool {pool} (collected from a chapter's book) does not end where it was collected to: the last collection says {collected}, the file now has {found} — the copy was cut or written to outside hunvon collect."
            ),
            (DistrictProblem::BookDiffers { pool }, Vi) => {
                format!("Quỹ {pool}: mã sổ trong chuỗi của quỹ khác với mã sổ đã ghi khi nhận.")
            }
            (DistrictProblem::BookDiffers { pool }, En) => {
                format!("Pool {pool}: the book id in its chain differs from the one recorded when it was collected.")
            }
            (DistrictProblem::Uncollected { pool }, Vi) => {
                format!(
                    "Quỹ {pool} được đánh dấu là nhận từ sổ chi hội nhưng chuỗi nhận sổ (huyện) không ghi lần nhận nào."
                )
            }
            (DistrictProblem::Uncollected { pool }, En) => format!(
                "Pool {pool} is marked as collected from a chapter's book, but the district's chain records no collection of it."
            ),
        }
    }
}

impl App {
    /// Everything wrong with the district's side of the book (nothing on a chapter's book).
    pub fn verify_district(&self) -> Result<Vec<DistrictProblem>> {
        let mut out = Vec::new();
        let mut prev = GENESIS.to_string();
        let mut last: std::collections::HashMap<i64, (i64, String)> = std::collections::HashMap::new();
        for link in self.store.district_links()? {
            if link.prev_hash != prev {
                out.push(DistrictProblem::Broken { pos: link.pos });
            }
            if canonical::link_hash(&link.prev_hash, &link.body) != link.hash {
                out.push(DistrictProblem::Altered { pos: link.pos });
            }
            match link.record() {
                Some(DistrictRecord::Collect(c)) => {
                    last.insert(link.pool_id, (c.to, c.hash));
                }
                Some(DistrictRecord::Rewrite(_) | DistrictRecord::Target(_)) => {}
                None => out.push(DistrictProblem::NotARecord { pos: link.pos }),
            }
            prev = link.hash;
        }
        for copy in self.store.collected_pools()? {
            let (end, hash) = self.store.chain_end(copy.pool_id)?;
            match last.get(&copy.pool_id) {
                None => out.push(DistrictProblem::Uncollected { pool: copy.code.clone() }),
                Some((to, h)) if (*to, h) != (end, &hash) => out.push(DistrictProblem::HeadDiffers {
                    pool: copy.code.clone(),
                    collected: format!("#{to}={h}"),
                    found: format!("#{end}={hash}"),
                }),
                Some(_) => {}
            }
            if self.store.book_id(copy.pool_id)?.as_deref() != Some(copy.book_id.as_str()) {
                out.push(DistrictProblem::BookDiffers { pool: copy.code });
            }
        }
        Ok(out)
    }
}
