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

use crate::insurance::{BhxhRequest, BhytRequest, price_bhxh_on, price_bhyt_on, purchase_transaction};
use crate::{App, Clock};
use hunvon_core::domain::ident::Gender;
use hunvon_core::domain::money::Dong;
use hunvon_core::ledger::{Account, Kind, Method, NewTransaction, Series};
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
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }

    /// True with probability `percent` in 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
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
struct Planned {
    fields: PersonFields,
    member: bool,
    bhxh: Option<u32>,
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
        summary.vouchers +=
            write_months(&mut app, pool.id, &planned, &ids, (start, opts.months), &clock, &mut rng, &mut tick)?;
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

#[allow(clippy::too_many_arguments)]
fn write_months(
    app: &mut App,
    pool_id: i64,
    planned: &[Planned],
    ids: &[i64],
    (start, months): (NaiveDate, u32),
    clock: &Clock,
    rng: &mut Rng,
    progress: &mut dyn FnMut(u64),
) -> Result<usize> {
    let rates = app.store.rate_table()?;
    let mut count = 0usize;
    let mut recent: Vec<(String, NaiveDate)> = Vec::new();
    let mut households: Vec<Vec<usize>> = Vec::new();
    for (i, p) in planned.iter().enumerate() {
        let h = usize::try_from(p.fields.household_id.unwrap_or(1) - 1).unwrap_or(0);
        if households.len() <= h {
            households.resize(h + 1, Vec::new());
        }
        households[h].push(i);
    }
    // Each household renews its cards in its own month of the year.
    let renew_month: Vec<u32> = households.iter().map(|_| 1 + rng.below(12) as u32).collect();
    // The generator's own running balances, to pay from whichever holds the money.
    let (mut cash, mut bank) = (Dong(0), Dong(0));
    for m in 0..months {
        progress(u64::from(m));
        let month_start = start.checked_add_months(Months::new(m)).unwrap_or(start);
        let last_day = month_start.checked_add_months(Months::new(1)).and_then(|d| d.pred_opt()).unwrap_or(month_start);
        let end = last_day.min(clock.today);
        let day = |rng: &mut Rng| {
            let span = (end - month_start).num_days().max(0) as u64;
            month_start + chrono::Duration::days(rng.below(span + 1) as i64)
        };
        let mut ap = app.store.appender(pool_id, &clock.now)?;
        if m == 0 {
            let opening = Dong(2_000_000 + 500_000 * rng.below(10) as i64);
            cash += opening;
            ap.append(&NewTransaction::simple(
                Series::Pk,
                Kind::Opening,
                month_start,
                vec![(Account::Cash, opening), (Account::FundOpening, -opening)],
            ))?;
            count += 1;
        }
        for (i, p) in planned.iter().enumerate() {
            if !p.member || rng.chance(3) {
                continue; // some months a member pays late or not at all: arrears
            }
            // Members saving for BHXH put in more each month.
            let extra = if p.bhxh.is_some() { 300_000 } else { 0 };
            let amount = Dong(*rng.pick(&[150_000i64, 200_000, 200_000, 250_000, 300_000]) + extra);
            let method = if rng.chance(10) { Method::Bank } else { Method::Cash };
            let mut t = NewTransaction::simple(
                Series::moving(true, method),
                Kind::Contribution,
                day(rng),
                vec![(method.account(), amount), (Account::Member(p.fields.code.clone()), -amount)],
            );
            t.method = Some(method);
            t.person_id = Some(ids[i]);
            t.note = "góp hằng tháng".into();
            let posted = ap.append(&t)?;
            match method {
                Method::Cash => cash += amount,
                Method::Bank => bank += amount,
            }
            if rng.chance(1) {
                recent.push((posted.voucher, posted.date));
            }
            count += 1;
        }
        for (h, members) in households.iter().enumerate() {
            if month_start.month() != renew_month[h] {
                continue;
            }
            let codes: Vec<&str> = members
                .iter()
                .filter(|i| planned[**i].fields.category != "poor")
                .map(|i| planned[*i].fields.code.as_str())
                .collect();
            if codes.is_empty() {
                continue;
            }
            let req = BhytRequest {
                persons: codes.join(","),
                months: "12".into(),
                date: hunvon_core::domain::date::format_iso(day(rng)),
                receipt: Some(format!("BL{:06}", rng.below(1_000_000))),
                ..Default::default()
            };
            let mut quote = price_bhyt_on(ap.conn(), &rates, pool_id, &req, clock.today)?;
            quote.method = pay_from(&mut cash, &mut bank, quote.total);
            ap.append(&purchase_transaction(Kind::PurchaseBhyt, &quote))?;
            count += 1;
        }
        for p in planned.iter() {
            let Some(every) = p.bhxh else { continue };
            if m % every != 0 {
                continue;
            }
            let req = BhxhRequest {
                person: p.fields.code.clone(),
                months: every.to_string(),
                income: "1500000".into(),
                date: hunvon_core::domain::date::format_iso(day(rng)),
                ..Default::default()
            };
            let mut quote = price_bhxh_on(ap.conn(), &rates, pool_id, &req, clock.today)?;
            quote.method = pay_from(&mut cash, &mut bank, quote.total);
            ap.append(&purchase_transaction(Kind::PurchaseBhxh, &quote))?;
            count += 1;
        }
        // A contribution entered against the wrong member now and then, reversed.
        for (voucher, date) in recent.drain(..) {
            let rev_date = (date + chrono::Duration::days(2)).min(end);
            if let Some(t) = reverse_of(&ap, pool_id, &voucher, rev_date, "Ghi nhầm người góp")? {
                for (account, amount) in &t.postings {
                    match account {
                        Account::Cash => cash += *amount,
                        Account::Bank => bank += *amount,
                        _ => {}
                    }
                }
                ap.append(&t)?;
                count += 1;
            }
        }
        // Month end: cash above a working float goes to the savings account.
        let float = Dong(3_000_000);
        if cash.0 > float.0 + 1_000_000 {
            let deposit = Dong((cash.0 - float.0) / 100_000 * 100_000);
            cash = cash - deposit;
            bank += deposit;
            let mut t = NewTransaction::simple(
                Series::Pc,
                Kind::Transfer,
                end,
                vec![(Account::Bank, deposit), (Account::Cash, -deposit)],
            );
            t.note = "Nộp tiền tiết kiệm cuối tháng".into();
            ap.append(&t)?;
            count += 1;
        }
        ap.commit()?;
    }
    Ok(count)
}

/// Pays from cash when the box holds enough, else from the bank (the treasurer draws on
/// the savings account for a household's cards), else from cash on credit.
fn pay_from(cash: &mut Dong, bank: &mut Dong, total: Dong) -> Method {
    if cash.0 >= total.0 {
        *cash = *cash - total;
        Method::Cash
    } else if bank.0 >= total.0 {
        *bank = *bank - total;
        Method::Bank
    } else {
        *cash = *cash - total;
        Method::Cash
    }
}

/// The reversal of a voucher written earlier in the same generation.
fn reverse_of(
    ap: &hunvon_store::journal::Appender<'_>,
    pool_id: i64,
    voucher: &str,
    date: NaiveDate,
    reason: &str,
) -> Result<Option<NewTransaction>> {
    let Some(original) = hunvon_store::queries::txn_by_voucher_on(ap.conn(), pool_id, voucher)? else {
        return Ok(None);
    };
    let postings = original.postings.iter().map(|(a, d)| (a.clone(), -*d)).collect();
    let mut t = NewTransaction::simple(Series::Pk, Kind::Reversal, date, postings);
    t.reverses_id = Some(original.id);
    t.person_id = original.person_id;
    t.note = reason.into();
    Ok(Some(t))
}
