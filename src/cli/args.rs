//! The command line's shape: every command, flag and argument as clap types.
//!
//! What each one means is not written here: `help` sets every text at run time from its
//! tables, in the one language the person chose, so `--help` never mixes two languages.
//! Every flag value is taken as text and checked by hunvon itself (in the chosen
//! language, exit 1); clap only refuses unknown commands and flags and missing ones
//! (exit 2).

use std::path::PathBuf;

mod money;
mod records;

use clap::{Args, Parser, Subcommand};

pub use money::*;
pub use records::*;

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
    Key {
        #[command(subcommand)]
        action: KeyCmd,
    },
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
    Settle(SettleArgs),
    Close(CloseArgs),
    Collect(CollectArgs),
    Handin(HandinArgs),
    Rates {
        #[command(subcommand)]
        action: RatesCmd,
    },
    Card(CardArgs),
    Target {
        #[command(subcommand)]
        action: TargetCmd,
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
