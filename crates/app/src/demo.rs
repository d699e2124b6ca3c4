//! A realistic demo ledger: chapters of Trà Vinh with Kinh and Khmer names, households,
//! monthly dues, household BHYT purchases on the ladder, BHXH paid monthly or quarterly,
//! a few reversals, advances (members whose card cost more than they had saved) and
//! deposits of surplus cash at the bank. The TUI's `--demo` and `hunvon demo` share it;
//! the same seed always gives the same books.
//!
//! Each month is written as one SQLite transaction of appends (the same `Appender` and
//! pricing rules as the commands), so a district of 20.000 people over three years is
//! written in seconds rather than one fsync per voucher.

use std::path::Path;

use chrono::{Datelike, Months, NaiveDate};

use crate::demo_months::MonthWriter;
use crate::{App, Clock};
use hunvon_core::domain::ident::Gender;
use hunvon_core::domain::money::Dong;
use hunvon_core::messages::error::{Error, OsProblem, Result};
use hunvon_core::messages::i18n::Lang;
use hunvon_store::people::{self, PersonFields};
use hunvon_store::{Access, create};

/// What to generate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoOptions {
    pub people: usize,
    pub months: u32,
    pub pools: usize,
    pub seed: u64,
    /// For `--chapters`: this book is chapter `.0` (from 0) of `.1`, so its one pool gets
    /// its own code, hamlet and book id.
    pub chapter: Option<(usize, usize)>,
}

impl Default for DemoOptions {
    fn default() -> Self {
        DemoOptions { people: 60, months: 30, pools: 1, seed: 1, chapter: None }
    }
}

/// What was generated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DemoSummary {
    pub people: usize,
    pub vouchers: usize,
}

/// splitmix64: a tiny deterministic generator, enough for plausible books.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }

    /// True with probability `percent` in 100.
    pub(crate) fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[usize::try_from(self.below(items.len() as u64)).unwrap_or(0)]
    }
}

const KINH_FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Trương", "Phan", "Đào",
];
const KHMER_FAMILY: &[&str] = &["Thạch", "Kim", "Sơn", "Lâm", "Châu", "Danh", "Kiên", "Triệu"];
const KINH_FEMALE: &[&str] = &[
    "Thu Hương",
    "Kiều Hoa",
    "Lành",
    "Trinh",
    "Ngọc Lan",
    "Bích Ngọc",
    "Hồng",
    "Mai",
    "Thanh Tâm",
    "Hường",
    "Yến",
    "Cẩm Tú",
];
const KINH_MALE: &[&str] =
    &["Thanh Phúc", "Hoàng Truyền", "Văn Hùng", "Minh Dũng", "Quốc Bảo", "Tấn Lộc", "Hữu Nghĩa", "Công Danh"];
const KHMER_FEMALE: &[&str] = &["Sà Phol", "Sóc", "Sa Rươl", "Sơ Phia", "Chanh Thu", "Sà Rinh", "Mỹ Linh", "Sa Ly"];
const KHMER_MALE: &[&str] = &["Sóc Khum", "Rây", "Thươl", "Sang", "Chăn Đa", "Sa Mách", "Ra Ni", "Pháp"];
const HAMLETS: &[&str] =
    &["ấp Cây Gòn", "ấp Đại Mong", "ấp Ô Trao", "ấp Te Te", "ấp Ngãi Hòa", "ấp Chông Bát", "ấp Sóc Cụt", "ấp Trẹm"];

/// A person to be, before she is stored.
pub(crate) struct Planned {
    pub(crate) fields: PersonFields,
    pub(crate) member: bool,
    pub(crate) bhxh: Option<u32>,
}

/// Writes a generated ledger to a new file at `path` (refused if it exists), ending in
/// the month of `clock.today`. The book is built under a temporary name beside `path` and
/// moved there only when whole: an interrupted run leaves no book at `path`.
pub fn generate(path: &Path, opts: &DemoOptions, clock: Clock) -> Result<DemoSummary> {
    generate_with(path, opts, clock, &mut |_, _| {})
}

/// `generate`, telling `progress` (months written, months in all pools) as it goes.
pub fn generate_with(
    path: &Path,
    opts: &DemoOptions,
    clock: Clock,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<DemoSummary> {
    let exists = || Error::Os { path: path.display().to_string(), problem: OsProblem::AlreadyExists };
    if path.exists() {
        return Err(exists());
    }
    let temp = create::reserve_beside(path)?;
    let result = create::init_book(&temp)
        .map_err(Error::from)
        .and_then(|()| write_demo(&temp, opts, clock, progress))
        .and_then(|summary| if create::publish(&temp, path)? { Ok(summary) } else { Err(exists()) });
    if result.is_err() {
        // A half-written demo is of no use to anyone: leave no file behind.
        create::discard(&temp);
    }
    result
}

fn write_demo(
    path: &Path,
    opts: &DemoOptions,
    clock: Clock,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<DemoSummary> {
    let mut app = App::open_as(path, Access::Write, None, Lang::Vi, clock.clone())?;
    // A file no one else knows of, deleted if generation fails, needs no journal while it
    // is written; it is back on the rollback journal and synced before it is moved into place.
    app.store.start_bulk_load()?;
    let mut rng = Rng(opts.seed.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ 0x68756E766F6E);
    let pools = opts.pools.max(1);
    let mut summary = DemoSummary::default();
    let start = first_of_month(clock.today)
        .checked_sub_months(Months::new(opts.months.saturating_sub(1)))
        .unwrap_or(clock.today);
    for p in 0..pools {
        let (code, p) = match opts.chapter {
            Some((i, n)) => (format!("TO{:0w$}", i + 1, w = n.to_string().len().max(2)), i),
            None if pools == 1 => ("TO1".to_string(), p),
            None => (format!("TO{:02}", p + 1), p),
        };
        let hamlet = HAMLETS[p % HAMLETS.len()];
        let name = format!(
            "Tổ hùn vốn mua BHYT {hamlet}{}",
            if p >= HAMLETS.len() { format!(" {}", p / HAMLETS.len() + 1) } else { String::new() }
        );
        let pool = app.store.create_pool_with_book(&code, &name, &clock.now, &book_id(opts.chapter))?;
        let share = opts.people / pools + usize::from(p < opts.people % pools);
        let planned = plan_people(&mut rng, share, start);
        let ids = store_people(&mut app, pool.id, &planned, start, &clock.now)?;
        app.store.set_dues(pool.id, Dong(100_000), start, &clock.now)?;
        summary.people += planned.len();
        let (total, before) = (pools as u64 * u64::from(opts.months), p as u64 * u64::from(opts.months));
        let mut tick = |m: u64| progress(before + m, total);
        let mut writer = MonthWriter::new(&app, pool.id, &planned, &ids, &clock, &mut rng)?;
        summary.vouchers += writer.write(&mut app, (start, opts.months), &mut tick)?;
    }
    app.store.end_bulk_load()?;
    Ok(summary)
}

/// A new book id; chapters of one `--chapters` run each get their own even when tests fix
/// `HUNVON_BOOK_ID` (then the chapter's number is added to it, so runs are reproducible).
fn book_id(chapter: Option<(usize, usize)>) -> String {
    let id = hunvon_store::records::new_book_id();
    match (chapter, std::env::var_os("HUNVON_BOOK_ID"), uuid::Uuid::parse_str(&id)) {
        (Some((i, _)), Some(_), Ok(u)) => uuid::Uuid::from_u128(u.as_u128().wrapping_add(i as u128)).to_string(),
        _ => id,
    }
}

/// `hunvon demo --chapters N --out DIR`: chapter `i` (from 0) of `n` is the book
/// `DIR/toII.db` with one pool `TOII` of its own hamlet, book id and seed, as the chapters
/// of a district would hand their books in.
pub fn chapter(dir: &Path, opts: &DemoOptions, i: usize, n: usize) -> (std::path::PathBuf, DemoOptions) {
    let width = n.to_string().len().max(2);
    let o = DemoOptions { pools: 1, seed: opts.seed.wrapping_add(i as u64), chapter: Some((i, n)), ..opts.clone() };
    (dir.join(format!("to{:0width$}.db", i + 1)), o)
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

/// Households of one to six people; the first of each household is a member (she pays
/// dues and sponsors the others), as are most adults.
fn plan_people(rng: &mut Rng, n: usize, start: NaiveDate) -> Vec<Planned> {
    let mut out: Vec<Planned> = Vec::with_capacity(n);
    let mut household = 0usize;
    // Codes sort as numbers: as wide as the largest one, never under five digits.
    let width = n.to_string().len().max(5);
    while out.len() < n {
        household += 1;
        let size = (1 + rng.below(6) as usize).min(n - out.len());
        let khmer = rng.chance(35);
        let family = if khmer { *rng.pick(KHMER_FAMILY) } else { *rng.pick(KINH_FAMILY) };
        let agri = rng.chance(15);
        let near_poor = !agri && rng.chance(8);
        let poor = !agri && !near_poor && rng.chance(2);
        for k in 0..size {
            let female = if k == 0 { rng.chance(85) } else { rng.chance(50) };
            let given = match (khmer, female) {
                (true, true) => *rng.pick(KHMER_FEMALE),
                (true, false) => *rng.pick(KHMER_MALE),
                (false, true) => *rng.pick(KINH_FEMALE),
                (false, false) => *rng.pick(KINH_MALE),
            };
            let middle = if female { "Thị" } else { "Văn" };
            let age = if k >= 2 && rng.chance(35) { 6 + rng.below(16) } else { 22 + rng.below(50) };
            let year = start.year() - i32::try_from(age).unwrap_or(30);
            let dob = NaiveDate::from_ymd_opt(year, 1 + rng.below(12) as u32, 1 + rng.below(28) as u32);
            let student = age < 22;
            let category = if poor {
                "poor"
            } else if near_poor {
                "near_poor"
            } else if student {
                "student"
            } else if agri {
                "agri_household"
            } else if khmer {
                "ethnic_minority"
            } else {
                "other"
            };
            // Every adult saves with the group; children are covered by their family.
            let member = k == 0 || age >= 15;
            let bhxh = (member && !student && rng.chance(12)).then(|| if rng.chance(50) { 1 } else { 3 });
            let number = out.len() + 1;
            let cccd = dob.map(|d| {
                let digit = match (d.year() >= 2000, female) {
                    (false, false) => 0,
                    (false, true) => 1,
                    (true, false) => 2,
                    (true, true) => 3,
                };
                // 7919 is prime to 10⁶, so the serial is a bijection of `number`: unique
                // within a pool of up to a million people, whatever the household.
                format!("084{digit}{:02}{:06}", d.year() % 100, number * 7919 % 1_000_000)
            });
            out.push(Planned {
                fields: PersonFields {
                    code: format!("TV{number:0width$}"),
                    full_name: format!("{family} {middle} {given}"),
                    date_of_birth: dob,
                    gender: Some(if female { Gender::Female } else { Gender::Male }),
                    cccd,
                    bhxh_code: Some(format!("84{:08}", number * 104_729 % 100_000_000)),
                    household_id: Some(household as i64),
                    category: category.to_string(),
                    phone: (k == 0).then(|| format!("09{:08}", number * 48_271 % 100_000_000)),
                    joined: member.then_some(start),
                    sponsor_id: None,
                    left_on: None,
                },
                member,
                bhxh,
            });
        }
    }
    out
}

/// Stores households and people in one transaction; returns each person's id.
fn store_people(app: &mut App, pool_id: i64, planned: &[Planned], start: NaiveDate, now: &str) -> Result<Vec<i64>> {
    let tx = app.store.write()?;
    let mut ids = Vec::with_capacity(planned.len());
    let mut household_ids = std::collections::HashMap::new();
    let mut heads: std::collections::HashMap<i64, i64> = std::collections::HashMap::new();
    for p in planned {
        let key = p.fields.household_id.unwrap_or(0);
        let hh = match household_ids.get(&key) {
            Some(id) => *id,
            None => {
                let id = people::insert_household(
                    tx.conn(),
                    pool_id,
                    &format!("H{key:05}"),
                    &format!("Hộ {}", p.fields.full_name),
                    "",
                    now,
                )?;
                household_ids.insert(key, id);
                id
            }
        };
        let mut f = p.fields.clone();
        f.household_id = Some(hh);
        // The household's first person brought the others in ("1+1").
        f.sponsor_id = heads.get(&hh).copied();
        f.joined = p.member.then_some(start);
        let id = people::insert_person(tx.conn(), pool_id, &f, now)?;
        heads.entry(hh).or_insert(id);
        ids.push(id);
    }
    tx.commit()?;
    Ok(ids)
}
