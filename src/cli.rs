//! The command line (docs/design.md §6): arguments in, one use case called, its outcome printed.
//!
//! Every flag value is taken as text and checked by hunvon itself (in the chosen
//! language, exit 1); the argument parser only refuses unknown commands and flags and
//! missing required ones (exit 2).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::app::anchors::Anchor;
use crate::app::moves::{OpeningOf, Written};
use crate::app::people::PersonInput;
use crate::app::{App, Clock};
use crate::console::{errln, outln};
use crate::error::{Error, Expected, Result};
use crate::i18n::Lang;
use crate::report::{Format, emit};

mod papers;
pub use papers::PoolCmd;

#[derive(Parser, Debug)]
#[command(
    name = "hunvon",
    version,
    about = "Sổ sách tổ hùn vốn mua BHYT, BHXH tự nguyện / the books of a Vietnamese insurance savings group"
)]
pub struct Cli {
    /// Tệp sổ (mặc định $HUNVON_DB hoặc thư mục dữ liệu) / the book file
    #[arg(long, global = true, env = "HUNVON_DB")]
    pub db: Option<PathBuf>,
    /// Mã quỹ, khi tệp có nhiều quỹ / pool code, when the file holds several
    #[arg(long, global = true)]
    pub pool: Option<String>,
    /// Ngôn ngữ: vi hoặc en / language
    #[arg(long, global = true)]
    pub lang: Option<String>,
    /// Chỉ xem, không ghi gì / open read-only (auditors)
    #[arg(long, global = true)]
    pub read_only: bool,
    /// Mở giao diện trên sổ mẫu tạm / open the TUI on a temporary demo book
    #[arg(long)]
    pub demo: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Tạo quỹ / create a pool
    ///
    /// Ví dụ / example: hunvon init --pool TO1 --name "Tổ hùn vốn ấp Cây Gòn"
    Init {
        #[arg(long)]
        name: String,
    },
    /// Hộ gia đình / households
    ///
    /// Ví dụ / example: hunvon household add --code H001 --name "Hộ Trương Thị Kiều Hoa"
    Household {
        #[command(subcommand)]
        action: HouseholdCmd,
    },
    /// Thêm, sửa người / add or edit a person
    ///
    /// Ví dụ / example: hunvon person add --code TV0001 --name "Trương Thị Kiều Hoa" --joined 01/03/2022
    Person {
        #[command(subcommand)]
        action: PersonCmd,
    },
    /// Mức đóng hằng tháng / monthly dues
    ///
    /// Ví dụ / example: hunvon dues set --amount 200.000 --from 01/01/2026
    Dues {
        #[command(subcommand)]
        action: DuesCmd,
    },
    /// Thu tiền góp (phiếu thu) / record a contribution
    ///
    /// Ví dụ / example: hunvon contribute --person TV0001 --amount 200.000 --date 05/01/2026
    Contribute {
        #[arg(long)]
        person: String,
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        method: Option<String>,
        #[arg(long, default_value = "")]
        note: String,
        #[arg(long)]
        format: Option<String>,
    },
    /// Thu vào quỹ chung / money into the common fund
    ///
    /// Ví dụ / example: hunvon receive --fund common --amount 500.000 --note "Lãi tiết kiệm"
    Receive(FundArgs),
    /// Chi từ quỹ chung / pay out of the common fund
    ///
    /// Ví dụ / example: hunvon pay --fund common --amount 100.000 --note "Mua sổ sách"
    Pay(FundArgs),
    /// Số dư đầu kỳ khi bắt đầu dùng hunvon / opening balances
    ///
    /// Ví dụ / example: hunvon opening --cash 5.000.000 --date 01/01/2026; hunvon opening --person TV0008 --amount -250.000
    Opening {
        #[arg(long, group = "what")]
        cash: Option<String>,
        #[arg(long, group = "what")]
        bank: Option<String>,
        #[arg(long, group = "what", requires = "amount")]
        person: Option<String>,
        #[arg(long, allow_hyphen_values = true)]
        amount: Option<String>,
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        format: Option<String>,
    },
    /// Nộp tiền mặt vào ngân hàng hoặc rút về / cash to bank and back
    ///
    /// Ví dụ / example: hunvon transfer --from cash --to bank --amount 1.000.000
    Transfer {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
        #[arg(long)]
        date: Option<String>,
        #[arg(long, default_value = "")]
        note: String,
        #[arg(long)]
        format: Option<String>,
    },
    /// Trả lại tiền góp cho thành viên / pay a member back what the pool holds for her
    ///
    /// Ví dụ / example: hunvon withdraw --person TV0001 --amount 500.000
    Withdraw {
        #[arg(long)]
        person: String,
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        method: Option<String>,
        #[arg(long, default_value = "")]
        note: String,
        /// Cho phép trả quá số dư (thành viên nợ quỹ) / let her owe the pool
        #[arg(long)]
        allow_debt: bool,
        #[arg(long)]
        format: Option<String>,
    },
    /// Hủy một chứng từ bằng chứng từ đảo / reverse a voucher
    ///
    /// Ví dụ / example: hunvon reverse PT-2026-0007 --reason "Ghi nhầm người"
    Reverse {
        voucher: String,
        #[arg(long)]
        reason: String,
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        format: Option<String>,
    },
    /// Tính giá BHYT/BHXH, không ghi gì / price insurance without writing
    ///
    /// Ví dụ / example: hunvon quote bhyt --person TV0001,TV0002 --months 12
    Quote {
        #[command(subcommand)]
        scheme: BuyCmd,
    },
    /// Mua thẻ BHYT, đóng BHXH (phiếu chi) / buy BHYT or pay BHXH
    ///
    /// Ví dụ / example: hunvon buy bhyt --person TV0001,TV0002 --months 12 --receipt BL-123
    Buy {
        #[command(subcommand)]
        scheme: BuyCmd,
    },
    /// Nhập từ tệp CSV, sai một dòng thì không nhập gì / import a CSV file, all or nothing
    ///
    /// Ví dụ / example: hunvon import contributions gop.csv --dry-run
    Import {
        /// people | contributions | openings
        what: String,
        file: PathBuf,
        #[arg(long)]
        dry_run: bool,
        /// Nhập lại một tệp đã nhập / import a file imported before once more
        #[arg(long)]
        again: bool,
    },
    /// Báo cáo / reports
    ///
    /// Ví dụ / example: hunvon report balances --format csv --output so-du.csv
    Report(ReportArgs),
    /// Xuất sổ cho hledger / export for hledger and ledger-cli
    ///
    /// Ví dụ / example: hunvon export hledger --output so.journal
    Export {
        /// hledger
        what: String,
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Kiểm tra sổ: chuỗi băm, số dư, đẳng thức cân đối / check the book
    ///
    /// Ví dụ / example: hunvon verify; hunvon verify --show PT-2026-0001; hunvon verify --show '#3';
    /// hunvon verify --anchor PT-2026-0183=5f74329c…
    Verify {
        /// In ra văn bản được băm của một bản ghi: số chứng từ hoặc #vị_trí / the hashed text
        /// of one record: a voucher number or #place
        #[arg(long)]
        show: Option<String>,
        /// Mốc in trên giấy đã ký: MÃ_BĂM hoặc THAM_CHIẾU=MÃ_BĂM (lặp lại được) / an anchor
        /// from a signed paper: HASH or REF=HASH (repeatable)
        #[arg(long)]
        anchor: Vec<String>,
    },
    /// Phiếu cho thành viên giữ / the member's slip for a voucher
    ///
    /// Ví dụ / example: hunvon slip PC-2026-0003 --format pdf --output phieu.pdf
    Slip {
        voucher: String,
        #[arg(long)]
        format: Option<String>,
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Sao lưu khi đang dùng / consistent online backup
    ///
    /// Ví dụ / example: hunvon backup sao-luu-2026-11.db
    Backup { file: PathBuf },
    /// Tạo sổ mẫu / write a generated demo book
    ///
    /// Ví dụ / example: hunvon demo --people 20000 --months 36 --pools 10 --db huyen.db
    Demo {
        #[arg(long, default_value = "60")]
        people: String,
        #[arg(long, default_value = "30")]
        months: String,
        #[arg(long, default_value = "1")]
        pools: String,
        #[arg(long, default_value = "1")]
        seed: String,
    },
    /// Tiêu đề giấy tờ của quỹ: đơn vị, địa chỉ, ngân hàng, người ký / the pool's letterhead
    ///
    /// Ví dụ / example: hunvon pool set --org "Chi hội Phụ nữ ấp Cây Gòn" --treasurer "Lê Thị Thu Hương"
    Pool {
        #[command(subcommand)]
        action: PoolCmd,
    },
    /// Kiểm kê quỹ tiền mặt (biên bản 08a-TT) / record a cash count
    ///
    /// Ví dụ / example: hunvon count --date 30/11/2026 --notes 500000x4,200000x3 --counted-by "Lê Thị Thu Hương"
    Count(papers::CountArgs),
    /// Khóa sổ: không ghi được chứng từ đến ngày này nữa / close the books to a day
    ///
    /// Ví dụ / example: hunvon close --to 31/10/2026
    Close {
        #[arg(long)]
        to: String,
        #[arg(long)]
        format: Option<String>,
    },
    /// Tham số quy định (lương cơ sở, tỷ lệ…) / rate parameters
    ///
    /// Ví dụ / example: hunvon rates list; hunvon rates set base_salary 2530000 --from 2026-07-01
    Rates {
        #[command(subcommand)]
        action: RatesCmd,
    },
}

#[derive(Subcommand, Debug)]
pub enum HouseholdCmd {
    /// hunvon household add --code H001 --name "Hộ Trương Thị Kiều Hoa"
    Add {
        #[arg(long)]
        code: String,
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "")]
        address: String,
    },
}

#[derive(Args, Debug, Default)]
pub struct PersonArgs {
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long)]
    pub dob: Option<String>,
    #[arg(long)]
    pub gender: Option<String>,
    #[arg(long)]
    pub cccd: Option<String>,
    #[arg(long)]
    pub bhxh_code: Option<String>,
    #[arg(long)]
    pub household: Option<String>,
    #[arg(long)]
    pub category: Option<String>,
    #[arg(long)]
    pub phone: Option<String>,
    #[arg(long)]
    pub joined: Option<String>,
    #[arg(long)]
    pub sponsor: Option<String>,
    /// Ngày rời tổ (person edit) / the day she leaves the group
    #[arg(long)]
    pub left: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum PersonCmd {
    /// hunvon person add --code TV0001 --name "Trương Thị Kiều Hoa" --joined 01/03/2022
    Add {
        #[arg(long)]
        code: String,
        #[command(flatten)]
        fields: PersonArgs,
    },
    /// hunvon person edit TV0001 --phone 0955347047
    Edit {
        code: String,
        #[command(flatten)]
        fields: PersonArgs,
    },
}

#[derive(Subcommand, Debug)]
pub enum DuesCmd {
    /// hunvon dues set --amount 200.000 --from 01/01/2026
    Set {
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
        #[arg(long)]
        from: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum RatesCmd {
    /// hunvon rates list
    List,
    /// hunvon rates set base_salary 2530000 --from 2026-07-01
    Set {
        name: String,
        value: String,
        #[arg(long)]
        from: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum BuyCmd {
    /// BHYT hộ gia đình: --person C[,C…] --months 3|6|12
    Bhyt {
        #[arg(long)]
        person: String,
        #[arg(long)]
        months: String,
        #[arg(long)]
        date: Option<String>,
        #[arg(long, allow_hyphen_values = true)]
        amount: Option<String>,
        #[arg(long)]
        receipt: Option<String>,
        #[arg(long)]
        card_from: Option<String>,
        #[arg(long)]
        card_to: Option<String>,
        #[arg(long)]
        payer: Option<String>,
        #[arg(long)]
        method: Option<String>,
        #[arg(long)]
        format: Option<String>,
    },
    /// BHXH tự nguyện: --person C --months 1|3|6|12 --income I [--from-month YYYY-MM]
    Bhxh {
        #[arg(long)]
        person: String,
        #[arg(long)]
        months: String,
        #[arg(long, allow_hyphen_values = true)]
        income: String,
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        from_month: Option<String>,
        #[arg(long, allow_hyphen_values = true)]
        amount: Option<String>,
        #[arg(long)]
        receipt: Option<String>,
        #[arg(long)]
        payer: Option<String>,
        #[arg(long)]
        method: Option<String>,
        #[arg(long)]
        format: Option<String>,
    },
}

#[derive(Args, Debug)]
pub struct FundArgs {
    #[arg(long)]
    pub fund: String,
    #[arg(long, allow_hyphen_values = true)]
    pub amount: String,
    #[arg(long)]
    pub date: Option<String>,
    #[arg(long)]
    pub note: String,
    #[arg(long)]
    pub method: Option<String>,
    #[arg(long)]
    pub format: Option<String>,
}

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// balances | journal
    pub what: String,
    #[arg(long)]
    pub from: Option<String>,
    #[arg(long)]
    pub to: Option<String>,
    #[arg(long)]
    pub as_of: Option<String>,
    #[arg(long)]
    pub format: Option<String>,
    #[arg(long)]
    pub output: Option<PathBuf>,
    #[arg(long)]
    pub method: Option<String>,
    #[arg(long)]
    pub redact: bool,
}

/// The book's default place: `$HUNVON_DB`, else the platform data folder.
pub fn default_db() -> PathBuf {
    directories::ProjectDirs::from("vn", "hunvon", "hunvon")
        .map(|d| d.data_dir().join("hunvon.db"))
        .unwrap_or_else(|| PathBuf::from("hunvon.db"))
}

/// Runs the command line; returns the process's exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // Help and --version exit 0; unknown commands or flags and missing ones exit 2.
        Err(e) => e.exit(),
    };
    let lang = match cli.lang.as_deref().map(Lang::from_code) {
        None => Lang::Vi,
        Some(Some(l)) => l,
        Some(None) => {
            let value = cli.lang.clone().unwrap_or_default();
            let e = Error::BadValue { field: "--lang".into(), value, expected: Expected::Lang };
            errln!("{}", e.text(Lang::Vi));
            return ExitCode::from(1);
        }
    };
    let writes = cli.command.as_ref().is_some_and(writes);
    let db = cli.db.clone().unwrap_or_else(default_db);
    match run(cli, lang) {
        Ok(code) => crate::console::settle(code, writes, lang),
        Err(e) => {
            errln!("{}", e.at_book(&db).text(lang));
            ExitCode::from(1)
        }
    }
}

/// Makes a book found readable by others private again (it holds CCCD numbers) once it
/// has opened as a book (another program's file is never touched) and before a command
/// writes to it; `--read-only` changes nothing, not even the mode.
fn make_private(cli: &Cli, lang: Lang) {
    if !cli.read_only
        && let Some(t) = crate::outfile::tighten_book(&cli.db.clone().unwrap_or_else(default_db))
    {
        errln!("{}", t.text(lang));
    }
}

/// Whether a command changes the book or writes a new file: once it has, a failure to
/// print its result must not turn into exit 1.
fn writes(command: &Command) -> bool {
    match command {
        Command::Quote { .. } | Command::Report(_) | Command::Export { .. } | Command::Verify { .. } => false,
        Command::Slip { .. } | Command::Rates { action: RatesCmd::List } => false,
        Command::Import { dry_run, .. } => !dry_run,
        _ => true,
    }
}

fn open(cli: &Cli, lang: Lang) -> Result<App> {
    let path = cli.db.clone().unwrap_or_else(default_db);
    // Only `init` and the TUI's first run make a book; any other command on a mistyped
    // path is refused instead of leaving an empty book there.
    let access = match &cli.command {
        _ if cli.read_only => crate::store::Access::ReadOnly,
        None | Some(Command::Init { .. }) => crate::store::Access::Create,
        Some(_) => crate::store::Access::Write,
    };
    App::open_as(&path, access, cli.pool.as_deref(), lang, Clock::from_env()?)
}

fn format_of(value: Option<&str>) -> Result<Format> {
    value.map_or(Ok(Format::Text), |v| Format::parse("--format", v))
}

/// Prints a committed write. Its `--format` was checked before the write, so nothing
/// after the commit can turn it into a failure.
fn print_written(w: &Written, format: Format, lang: Lang) -> Result<ExitCode> {
    for warning in &w.warnings {
        errln!("{}", warning.text(lang));
    }
    match format {
        Format::Json => outln!(
            "{}",
            serde_json::json!({
                "voucher": w.voucher, "date": crate::date::format_iso(w.date), "total": w.total.0, "line": w.line,
            })
        ),
        _ => outln!("{}", w.line),
    }
    Ok(ExitCode::SUCCESS)
}

fn today_or(date: &Option<String>, app: &App) -> String {
    date.clone().unwrap_or_else(|| crate::date::format_iso(app.clock.today))
}

fn person_input(code: &str, f: &PersonArgs) -> PersonInput {
    PersonInput {
        code: code.to_string(),
        full_name: f.name.clone(),
        date_of_birth: f.dob.clone(),
        gender: f.gender.clone(),
        cccd: f.cccd.clone(),
        bhxh_code: f.bhxh_code.clone(),
        household: f.household.clone(),
        category: f.category.clone(),
        phone: f.phone.clone(),
        joined: f.joined.clone(),
        sponsor: f.sponsor.clone(),
        left: f.left.clone(),
    }
}

fn run(cli: Cli, lang: Lang) -> Result<ExitCode> {
    let Some(command) = &cli.command else {
        // Before anything is opened or generated: without a terminal there is no TUI.
        crate::tui::ensure_terminal()?;
        if cli.demo {
            // A fresh demo book in a temporary folder: the user's book is never touched.
            // Removed with everything in it when this returns.
            let dir = tempfile::Builder::new()
                .prefix("hunvon-demo-")
                .tempdir()
                .map_err(|e| Error::os(&std::env::temp_dir(), &e))?;
            let path = dir.path().join("hunvon-demo.db");
            let clock = Clock::from_env()?;
            crate::demo::generate(&path, &crate::demo::DemoOptions::default(), clock.clone())?;
            let app = App::open(&path, cli.read_only, None, lang, clock)?;
            crate::tui::run(app)?;
            return Ok(ExitCode::SUCCESS);
        }
        let app = open(&cli, lang)?;
        make_private(&cli, lang);
        crate::tui::run(app)?;
        return Ok(ExitCode::SUCCESS);
    };
    if let Command::Demo { people, months, pools, seed } = command {
        return demo(&cli, people, months, pools, seed, lang);
    }
    let mut app = open(&cli, lang)?;
    make_private(&cli, lang);
    let say = |vi: &str, en: &str| outln!("{}", lang.pick(vi, en));
    match command {
        Command::Init { name } => {
            let code = cli.pool.clone().ok_or(Error::Empty { field: "--pool".into() })?;
            let pool = app.init_pool(&code, name)?;
            match lang {
                Lang::Vi => outln!("Đã tạo quỹ {} — {}.", pool.code, pool.name),
                Lang::En => outln!("Created pool {} — {}.", pool.code, pool.name),
            }
        }
        Command::Household { action: HouseholdCmd::Add { code, name, address } } => {
            let h = app.add_household(code, name, address)?;
            match lang {
                Lang::Vi => outln!("Đã thêm hộ {} — {}.", h.code, h.name),
                Lang::En => outln!("Added household {} — {}.", h.code, h.name),
            }
        }
        Command::Person { action: PersonCmd::Add { code, fields } } => {
            if fields.name.is_none() {
                return Err(Error::Empty { field: "--name".into() });
            }
            let (p, warnings) = app.add_person(&person_input(code, fields))?;
            warnings.iter().for_each(|w| errln!("{}", w.text(lang)));
            match lang {
                Lang::Vi => outln!("Đã thêm {} — {}.", p.code, p.full_name),
                Lang::En => outln!("Added {} — {}.", p.code, p.full_name),
            }
        }
        Command::Person { action: PersonCmd::Edit { code, fields } } => {
            let (p, changed, warnings) = app.edit_person(&person_input(code, fields))?;
            warnings.iter().for_each(|w| errln!("{}", w.text(lang)));
            match lang {
                Lang::Vi => {
                    outln!("Đã sửa {} — {}: {changed} thông tin thay đổi (ghi vào nhật ký sửa).", p.code, p.full_name)
                }
                Lang::En => {
                    outln!("Edited {} — {}: {changed} fields changed (kept in the audit log).", p.code, p.full_name)
                }
            }
        }
        Command::Dues { action: DuesCmd::Set { amount, from } } => {
            app.set_dues(amount, from)?;
            say("Đã đặt mức đóng hằng tháng.", "Monthly dues set.");
        }
        Command::Contribute { person, amount, date, method, note, format } => {
            let format = format_of(format.as_deref())?;
            let date = today_or(date, &app);
            let w = app.contribute(person, amount, &date, method.as_deref(), note)?;
            return print_written(&w, format, lang);
        }
        Command::Receive(f) | Command::Pay(f) => {
            if f.fund.trim() != "common" {
                return Err(Error::BadValue {
                    field: "--fund".into(),
                    value: f.fund.clone(),
                    expected: Expected::Fund,
                });
            }
            let incoming = matches!(command, Command::Receive(_));
            let format = format_of(f.format.as_deref())?;
            let date = today_or(&f.date, &app);
            let w = app.common_fund(incoming, &f.amount, &date, f.method.as_deref(), &f.note)?;
            return print_written(&w, format, lang);
        }
        Command::Opening { cash, bank, person, amount, date, format } => {
            let of = match (cash, bank, person) {
                (Some(a), _, _) => OpeningOf::Cash(a.clone()),
                (_, Some(a), _) => OpeningOf::Bank(a.clone()),
                (_, _, Some(p)) => OpeningOf::Person { code: p.clone(), amount: amount.clone().unwrap_or_default() },
                _ => return Err(Error::Empty { field: "--cash / --bank / --person".into() }),
            };
            let format = format_of(format.as_deref())?;
            let date = today_or(date, &app);
            let w = app.opening(&of, &date)?;
            return print_written(&w, format, lang);
        }
        Command::Transfer { from, to, amount, date, note, format } => {
            let format = format_of(format.as_deref())?;
            let date = today_or(date, &app);
            let w = app.transfer(from, to, amount, &date, note)?;
            return print_written(&w, format, lang);
        }
        Command::Withdraw { person, amount, date, method, note, allow_debt, format } => {
            let format = format_of(format.as_deref())?;
            let date = today_or(date, &app);
            let w = app.withdraw(person, amount, &date, method.as_deref(), note, *allow_debt)?;
            return print_written(&w, format, lang);
        }
        Command::Reverse { voucher, reason, date, format } => {
            let format = format_of(format.as_deref())?;
            let date = today_or(date, &app);
            let w = app.reverse(voucher, reason, &date)?;
            return print_written(&w, format, lang);
        }
        Command::Quote { scheme } => return insurance(&mut app, scheme, false, lang),
        Command::Buy { scheme } => return insurance(&mut app, scheme, true, lang),
        Command::Import { what, file, dry_run, again } => {
            let mode = crate::app::import::ImportMode { dry_run: *dry_run, again: *again };
            return import(&mut app, what, file, mode, lang);
        }
        Command::Report(r) => {
            let (period, warnings) =
                app.report_period(&r.what, r.from.as_deref(), r.to.as_deref(), r.as_of.as_deref())?;
            warnings.iter().for_each(|w| errln!("{}", w.text(lang)));
            let format = format_of(r.format.as_deref())?;
            // Every pool named must exist before an output file is opened, so a refused
            // report leaves no file behind.
            app.report_pools()?;
            if r.what == "journal" && format == Format::Csv {
                // The longest report streams straight to its output.
                let mut out = crate::report::Output::open(r.output.as_deref(), &app.store.path, true)?;
                if let Err(e) = app.write_journal_csv(period, &mut out) {
                    // A write error of the output itself, by kind: a reader that left
                    // ends the report quietly; anything else names the output.
                    return match out.failure() {
                        Some(io) => out.failed(&io).map_or(Ok(ExitCode::SUCCESS), Err),
                        None => Err(e),
                    };
                }
                out.finish()?;
                return Ok(ExitCode::SUCCESS);
            }
            let bytes = match r.what.as_str() {
                "balances" => app.report_balances(period, format)?,
                "journal" => app.report_journal(period, format)?,
                "coverage" => app.report_coverage(period.to.unwrap_or(app.clock.today), format, r.redact)?,
                "summary" => app.report_summary(period, format)?,
                "arrears" => app.report_arrears(period, format)?,
                "sponsors" => app.report_sponsors(period, format)?,
                "counts" => app.report_counts(period, format)?,
                "cashbook" => {
                    let method = crate::input::optional(r.method.as_deref(), |s| crate::input::method("--method", s))?;
                    app.report_cashbook(period, method.unwrap_or_default(), format)?
                }
                other => {
                    return Err(Error::BadValue {
                        field: "REPORT".into(),
                        value: other.into(),
                        expected: Expected::Format(&[
                            "summary", "cashbook", "balances", "coverage", "arrears", "journal", "sponsors", "counts",
                        ]),
                    });
                }
            };
            emit(&bytes, r.output.as_deref(), &app.store.path, format == Format::Csv)?;
        }
        Command::Export { what, output } => {
            if what != "hledger" {
                return Err(Error::BadValue {
                    field: "EXPORT".into(),
                    value: what.clone(),
                    expected: Expected::Format(&["hledger"]),
                });
            }
            emit(app.export_hledger()?.as_bytes(), output.as_deref(), &app.store.path, false)?;
        }
        Command::Slip { voucher, format, output } => {
            let bytes = app.slip(voucher, format_of(format.as_deref())?)?;
            emit(&bytes, output.as_deref(), &app.store.path, false)?;
        }
        Command::Verify { show: Some(reference), .. } => {
            let link = app.show_link(reference)?;
            outln!("{}\n{}\n{}", link.prev_hash, link.canonical, link.hash);
        }
        Command::Verify { show: None, anchor } => {
            let anchors = anchor.iter().map(|a| Anchor::parse(a)).collect::<Result<Vec<_>>>()?;
            return verify(&app, &anchors, lang);
        }
        Command::Backup { file } => {
            backup(&app, file)?;
            match lang {
                Lang::Vi => outln!("Đã sao lưu vào {}.", file.display()),
                Lang::En => outln!("Backed up to {}.", file.display()),
            }
        }
        Command::Demo { .. } => {}
        Command::Pool { action } => return papers::pool(&mut app, action, lang),
        Command::Count(args) => return papers::count(&mut app, args, lang),
        Command::Close { to, format } => return papers::close(&mut app, to, format.as_deref(), lang),
        Command::Rates { action: RatesCmd::List } => {
            for r in app.rates()? {
                outln!("{:<30} {:<20} {}  {}", r.name, r.value, crate::date::format_vn(r.effective_from), r.basis);
            }
        }
        Command::Rates { action: RatesCmd::Set { name, value, from } } => {
            app.set_rate(name, value, from)?;
            say("Đã thêm mức mới (các mức cũ giữ nguyên).", "Rate added (older rows are kept).");
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn insurance(app: &mut App, scheme: &BuyCmd, buy: bool, lang: Lang) -> Result<ExitCode> {
    use crate::app::insurance::{BhxhRequest, BhytRequest};
    let today = crate::date::format_iso(app.clock.today);
    let format = match scheme {
        BuyCmd::Bhyt { format, .. } | BuyCmd::Bhxh { format, .. } => format_of(format.as_deref())?,
    };
    let result = match scheme {
        BuyCmd::Bhyt { person, months, date, amount, receipt, card_from, card_to, payer, method, format: _ } => {
            let req = BhytRequest {
                persons: person.clone(),
                months: months.clone(),
                date: date.clone().unwrap_or(today),
                amount: amount.clone(),
                receipt: receipt.clone(),
                card_from: card_from.clone(),
                card_to: card_to.clone(),
                payer: payer.clone(),
                method: method.clone(),
            };
            if buy { app.buy_bhyt(&req).map(|(w, q)| (Some(w), q)) } else { app.quote_bhyt(&req).map(|q| (None, q)) }
        }
        BuyCmd::Bhxh { person, months, income, date, from_month, amount, receipt, payer, method, format: _ } => {
            let req = BhxhRequest {
                person: person.clone(),
                months: months.clone(),
                income: income.clone(),
                date: date.clone().unwrap_or(today),
                from_month: from_month.clone(),
                amount: amount.clone(),
                receipt: receipt.clone(),
                payer: payer.clone(),
                method: method.clone(),
            };
            if buy { app.buy_bhxh(&req).map(|(w, q)| (Some(w), q)) } else { app.quote_bhxh(&req).map(|q| (None, q)) }
        }
    };
    let (written, quote) = result?;
    if let Some(w) = &written {
        w.warnings.iter().for_each(|x| errln!("{}", x.text(lang)));
    }
    if format == Format::Json {
        outln!("{}", quote.json(written.as_ref().map(|w| w.voucher.as_str())));
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(w) = &written {
        outln!("{}", w.line);
    }
    crate::console::out_text(&crate::app::insurance_text::quote_text(&quote, lang));
    Ok(ExitCode::SUCCESS)
}

fn demo(cli: &Cli, people: &str, months: &str, pools: &str, seed: &str, lang: Lang) -> Result<ExitCode> {
    let number = |field: &str, v: &str, max: u64| -> Result<u64> {
        v.trim().parse::<u64>().ok().filter(|n| (1..=max).contains(n)).ok_or_else(|| Error::BadValue {
            field: field.into(),
            value: v.into(),
            expected: Expected::Format(&["1, 2, 3…"]),
        })
    };
    let opts = crate::demo::DemoOptions {
        people: usize::try_from(number("--people", people, 10_000_000)?).unwrap_or(60),
        months: u32::try_from(number("--months", months, 600)?).unwrap_or(30),
        pools: usize::try_from(number("--pools", pools, 10_000)?).unwrap_or(1),
        seed: seed.trim().parse::<u64>().map_err(|_| Error::BadValue {
            field: "--seed".into(),
            value: seed.into(),
            expected: Expected::Format(&["0, 1, 2…"]),
        })?,
    };
    let path = cli.db.clone().ok_or(Error::Empty { field: "--db".into() })?;
    let started = std::time::Instant::now();
    // Built beside its name and named once complete: never over an existing file.
    let target = crate::outfile::NewFile::create(&path, None)?;
    let s = crate::demo::generate(target.path(), &opts, Clock::from_env()?)?;
    target.commit()?;
    let secs = started.elapsed().as_secs_f64();
    match lang {
        Lang::Vi => {
            outln!("Đã tạo sổ mẫu {}: {} người, {} chứng từ ({secs:.1} giây).", path.display(), s.people, s.vouchers)
        }
        Lang::En => {
            outln!("Wrote demo book {}: {} people, {} vouchers ({secs:.1} s).", path.display(), s.people, s.vouchers)
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn import(
    app: &mut App,
    what: &str,
    file: &Path,
    mode: crate::app::import::ImportMode,
    lang: Lang,
) -> Result<ExitCode> {
    let dry_run = mode.dry_run;
    use crate::app::import::ImportKind;
    let kind = match what {
        "people" => ImportKind::People,
        "contributions" => ImportKind::Contributions,
        "openings" => ImportKind::Openings,
        other => {
            return Err(Error::BadValue {
                field: "IMPORT".into(),
                value: other.into(),
                expected: Expected::Format(&["people", "contributions", "openings"]),
            });
        }
    };
    let s = app.import_with(kind, file, mode)?;
    for (line, w) in &s.warnings {
        errln!("{} {line}: {}", lang.pick("Dòng", "Line"), w.text(lang));
    }
    let range = match (&s.first_voucher, &s.last_voucher) {
        (Some(a), Some(b)) => format!(" ({a} … {b})"),
        _ => String::new(),
    };
    if kind == ImportKind::People {
        match (lang, dry_run) {
            (Lang::Vi, true) => outln!("Kiểm tra xong: {} người hợp lệ; chưa ghi gì (--dry-run).", s.rows),
            (Lang::En, true) => outln!("Checked: {} persons valid; nothing written (--dry-run).", s.rows),
            (Lang::Vi, false) => outln!("Đã nhập {} người.", s.rows),
            (Lang::En, false) => outln!("Imported {} persons.", s.rows),
        }
        return Ok(ExitCode::SUCCESS);
    }
    match (lang, dry_run) {
        (Lang::Vi, true) => {
            outln!("Kiểm tra xong: {} dòng hợp lệ, tổng {}; chưa ghi gì (--dry-run).", s.rows, s.total)
        }
        (Lang::En, true) => outln!("Checked: {} rows valid, total {}; nothing written (--dry-run).", s.rows, s.total),
        (Lang::Vi, false) => outln!("Đã nhập {} dòng{range}, tổng {}.", s.rows, s.total),
        (Lang::En, false) => outln!("Imported {} rows{range}, total {}.", s.rows, s.total),
    }
    Ok(ExitCode::SUCCESS)
}

fn verify(app: &App, anchors: &[Anchor], lang: Lang) -> Result<ExitCode> {
    let report = app.verify(anchors)?;
    let whole = report.problems.is_empty();
    for c in &report.pools {
        for w in &c.warnings {
            errln!("{}", w.text(lang));
        }
        let head = c.head.anchor();
        if let Some(first) = c.problems.first() {
            errln!("{} {}: {}", lang.pick("Quỹ", "Pool"), c.pool.code, first.text(lang));
            for p in c.problems.iter().skip(1) {
                errln!("  {}", p.text(lang));
            }
        } else {
            match (lang, whole) {
                (Lang::Vi, true) => outln!(
                    "Quỹ {}: sổ nguyên vẹn — {} chứng từ và {} bản ghi khác, chuỗi băm đúng, đầu chuỗi {head}",
                    c.pool.code,
                    c.vouchers,
                    c.records
                ),
                (Lang::En, true) => outln!(
                    "Pool {}: the book is intact — {} vouchers and {} other records, hash chain correct, head {head}",
                    c.pool.code,
                    c.vouchers,
                    c.records
                ),
                (Lang::Vi, false) => outln!(
                    "Quỹ {}: {} chứng từ và {} bản ghi khác khớp chuỗi băm, đầu chuỗi {head}",
                    c.pool.code,
                    c.vouchers,
                    c.records
                ),
                (Lang::En, false) => outln!(
                    "Pool {}: {} vouchers and {} other records match the hash chain, head {head}",
                    c.pool.code,
                    c.vouchers,
                    c.records
                ),
            }
        }
        outln!("  {}", c.identity.line(lang));
    }
    for w in &report.warnings {
        errln!("{}", w.text(lang));
    }
    for p in &report.problems {
        errln!("{}", p.text(lang));
    }
    if report.anchors > 0 && !report.problems.iter().any(|p| p.is_anchor()) {
        match lang {
            Lang::Vi => outln!("Cả {} mốc đều có trong chuỗi băm.", report.anchors),
            Lang::En => outln!("All {} anchors are in the hash chain.", report.anchors),
        }
    }
    Ok(if report.ok() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// A consistent online copy through SQLite's backup API: a new file only, in a folder
/// that exists, never the book, named only once complete (see [`crate::outfile`]).
fn backup(app: &App, file: &Path) -> Result<()> {
    let target = crate::outfile::NewFile::create(file, Some(&app.store.path))?;
    let copied = app.store.conn.backup(rusqlite::MAIN_DB, target.path(), None::<fn(rusqlite::backup::Progress)>);
    copied.map_err(|e| match Error::from(e) {
        // The copy's drive is full, not the book's: name the copy.
        Error::DiskFull => {
            Error::Os { path: file.display().to_string(), problem: crate::error::OsProblem::StorageFull }
        }
        other => other,
    })?;
    target.commit()
}
