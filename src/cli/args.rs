//! The command line's shape: every command, flag and argument as clap types.
//!
//! What each one means is not written here: `help` sets every text at run time from its
//! tables, in the one language the person chose, so `--help` never mixes two languages.
//! Every flag value is taken as text and checked by hunvon itself (in the chosen
//! language, exit 1); clap only refuses unknown commands and flags and missing ones
//! (exit 2).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Parser, Debug)]
#[command(name = "hunvon", version)]
pub struct Cli {
    #[arg(long, global = true, env = "HUNVON_DB")]
    pub db: Option<PathBuf>,
    #[arg(long, global = true)]
    pub pool: Option<String>,
    #[arg(long, global = true, env = "HUNVON_LANG")]
    pub lang: Option<String>,
    #[arg(long, global = true)]
    pub read_only: bool,
    #[arg(long)]
    pub demo: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    // Every command but `demo` works on an open book.
    #[command(flatten)]
    Book(BookCommand),
    Demo(DemoArgs),
}

#[derive(Subcommand, Debug)]
pub enum BookCommand {
    Init {
        #[arg(long)]
        name: String,
    },
    Household {
        #[command(subcommand)]
        action: HouseholdCmd,
    },
    Person {
        #[command(subcommand)]
        action: PersonCmd,
    },
    Dues {
        #[command(subcommand)]
        action: DuesCmd,
    },
    Contribute(ContributeArgs),
    Receive(FundArgs),
    Pay(FundArgs),
    Opening(OpeningArgs),
    Transfer(TransferArgs),
    Withdraw(WithdrawArgs),
    Reverse(ReverseArgs),
    Quote {
        #[command(subcommand)]
        scheme: InsuranceCmd,
    },
    Buy {
        #[command(subcommand)]
        scheme: InsuranceCmd,
    },
    Import(ImportArgs),
    Report(ReportArgs),
    Export(ExportArgs),
    Verify(VerifyArgs),
    Slip(SlipArgs),
    Backup {
        file: PathBuf,
    },
    Pool {
        #[command(subcommand)]
        action: PoolCmd,
    },
    Count(CountArgs),
    Close(CloseArgs),
    Rates {
        #[command(subcommand)]
        action: RatesCmd,
    },
}

// `--format` of a command that writes a voucher: the line it prints, or JSON.
#[derive(Args, Debug, Default)]
pub struct FormatArg {
    #[arg(long)]
    pub format: Option<String>,
}

// `--format` and `--output` of a command that prints a paper.
#[derive(Args, Debug, Default)]
pub struct OutputArgs {
    #[arg(long)]
    pub format: Option<String>,
    #[arg(long)]
    pub output: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum HouseholdCmd {
    Add {
        #[arg(long)]
        code: String,
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "")]
        address: String,
    },
}

// A person's fields; on `edit`, a flag not given leaves the field as it is.
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
    // `person edit` only: the day she leaves the group.
    #[arg(long)]
    pub left: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum PersonCmd {
    Add {
        #[arg(long)]
        code: String,
        #[command(flatten)]
        fields: PersonArgs,
    },
    Edit {
        code: String,
        #[command(flatten)]
        fields: PersonArgs,
    },
}

#[derive(Subcommand, Debug)]
pub enum DuesCmd {
    Set {
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
        #[arg(long)]
        from: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum RatesCmd {
    List,
    Set {
        name: String,
        value: String,
        #[arg(long)]
        from: String,
    },
}

#[derive(Args, Debug)]
pub struct ContributeArgs {
    #[arg(long)]
    pub person: String,
    // A negative amount is refused by hunvon in a sentence, not by clap as a flag.
    #[arg(long, allow_hyphen_values = true)]
    pub amount: String,
    #[arg(long)]
    pub date: Option<String>,
    #[arg(long)]
    pub method: Option<String>,
    #[arg(long, default_value = "")]
    pub note: String,
    #[command(flatten)]
    pub format: FormatArg,
}

// `receive` and `pay`: money into or out of the common fund.
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
    #[command(flatten)]
    pub format: FormatArg,
}

#[derive(Args, Debug)]
pub struct OpeningArgs {
    #[arg(long, group = "what")]
    pub cash: Option<String>,
    #[arg(long, group = "what")]
    pub bank: Option<String>,
    #[arg(long, group = "what", requires = "amount")]
    pub person: Option<String>,
    #[arg(long, allow_hyphen_values = true)]
    pub amount: Option<String>,
    #[arg(long)]
    pub date: Option<String>,
    #[command(flatten)]
    pub format: FormatArg,
}

#[derive(Args, Debug)]
pub struct TransferArgs {
    #[arg(long)]
    pub from: String,
    #[arg(long)]
    pub to: String,
    #[arg(long, allow_hyphen_values = true)]
    pub amount: String,
    #[arg(long)]
    pub date: Option<String>,
    #[arg(long, default_value = "")]
    pub note: String,
    #[command(flatten)]
    pub format: FormatArg,
}

#[derive(Args, Debug)]
pub struct WithdrawArgs {
    #[arg(long)]
    pub person: String,
    #[arg(long, allow_hyphen_values = true)]
    pub amount: String,
    #[arg(long)]
    pub date: Option<String>,
    #[arg(long)]
    pub method: Option<String>,
    #[arg(long, default_value = "")]
    pub note: String,
    #[arg(long)]
    pub allow_debt: bool,
    #[command(flatten)]
    pub format: FormatArg,
}

#[derive(Args, Debug)]
pub struct ReverseArgs {
    pub voucher: String,
    #[arg(long)]
    pub reason: String,
    #[arg(long)]
    pub date: Option<String>,
    #[command(flatten)]
    pub format: FormatArg,
}

// `quote` and `buy` take the same flags: a quote is a purchase not written.
#[derive(Subcommand, Debug)]
pub enum InsuranceCmd {
    Bhyt(BhytArgs),
    Bhxh(BhxhArgs),
}

#[derive(Args, Debug)]
pub struct BhytArgs {
    #[arg(long)]
    pub person: String,
    #[arg(long)]
    pub months: String,
    #[arg(long)]
    pub date: Option<String>,
    #[arg(long, allow_hyphen_values = true)]
    pub amount: Option<String>,
    #[arg(long)]
    pub receipt: Option<String>,
    #[arg(long)]
    pub card_from: Option<String>,
    #[arg(long)]
    pub card_to: Option<String>,
    #[arg(long)]
    pub payer: Option<String>,
    #[arg(long)]
    pub method: Option<String>,
    #[command(flatten)]
    pub format: FormatArg,
}

#[derive(Args, Debug)]
pub struct BhxhArgs {
    #[arg(long)]
    pub person: String,
    #[arg(long)]
    pub months: String,
    #[arg(long, allow_hyphen_values = true)]
    pub income: String,
    #[arg(long)]
    pub date: Option<String>,
    #[arg(long)]
    pub from_month: Option<String>,
    #[arg(long, allow_hyphen_values = true)]
    pub amount: Option<String>,
    #[arg(long)]
    pub receipt: Option<String>,
    #[arg(long)]
    pub payer: Option<String>,
    #[arg(long)]
    pub method: Option<String>,
    #[command(flatten)]
    pub format: FormatArg,
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    pub what: String,
    pub file: PathBuf,
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long)]
    pub again: bool,
}

#[derive(Args, Debug)]
pub struct ReportArgs {
    pub what: String,
    #[arg(long)]
    pub from: Option<String>,
    #[arg(long)]
    pub to: Option<String>,
    #[arg(long)]
    pub as_of: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
    #[arg(long)]
    pub method: Option<String>,
    #[arg(long)]
    pub redact: bool,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    pub what: String,
    #[arg(long)]
    pub output: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct VerifyArgs {
    #[arg(long)]
    pub show: Option<String>,
    #[arg(long)]
    pub anchor: Vec<String>,
}

#[derive(Args, Debug)]
pub struct SlipArgs {
    pub voucher: String,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Args, Debug)]
pub struct DemoArgs {
    #[arg(long, default_value = "60")]
    pub people: String,
    #[arg(long, default_value = "30")]
    pub months: String,
    #[arg(long, default_value = "1")]
    pub pools: String,
    #[arg(long, default_value = "1")]
    pub seed: String,
}

/// `pool set` changes the letterhead every paper prints; `pool show` prints it.
#[derive(Subcommand, Debug)]
pub enum PoolCmd {
    Set {
        #[arg(long)]
        org: Option<String>,
        #[arg(long)]
        address: Option<String>,
        #[arg(long)]
        bank: Option<String>,
        #[arg(long)]
        account: Option<String>,
        #[arg(long)]
        treasurer: Option<String>,
        #[arg(long)]
        accountant: Option<String>,
        #[arg(long)]
        leader: Option<String>,
    },
    Show,
}

#[derive(Args, Debug)]
pub struct CountArgs {
    #[arg(long)]
    pub date: Option<String>,
    #[arg(long, conflicts_with = "total")]
    pub notes: Option<String>,
    #[arg(long)]
    pub total: Option<String>,
    #[arg(long, default_value = "")]
    pub counted_by: String,
    #[arg(long, default_value = "")]
    pub reason: String,
    #[command(flatten)]
    pub format: FormatArg,
}

#[derive(Args, Debug)]
pub struct CloseArgs {
    #[arg(long)]
    pub to: String,
    #[command(flatten)]
    pub format: FormatArg,
}
