//! The clap types of the commands about people, papers and the book itself.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{FormatArg, OutputArgs};

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
    #[arg(long)]
    pub full_ids: bool,
    #[arg(long)]
    pub year: Option<String>,
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
    #[arg(long)]
    pub full_ids: bool,
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
    // `--chapters N --out DIR`: N chapter books of one pool each instead of one book.
    #[arg(long, requires = "out")]
    pub chapters: Option<String>,
    #[arg(long, requires = "chapters")]
    pub out: Option<PathBuf>,
}

// `collect FILE`: a chapter's book into the district's book.
#[derive(Args, Debug)]
pub struct CollectArgs {
    pub file: PathBuf,
    #[arg(long = "as")]
    pub alias: Option<String>,
    #[arg(long, requires = "reason")]
    pub accept_rewrite: bool,
    #[arg(long, requires = "accept_rewrite")]
    pub reason: Option<String>,
    #[arg(long)]
    pub identity: Option<PathBuf>,
}

// `handin --output FILE [--to age1…]…`: the book, verified and encrypted for the district.
#[derive(Args, Debug)]
pub struct HandinArgs {
    #[arg(long)]
    pub output: PathBuf,
    #[arg(long)]
    pub to: Vec<String>,
}

// `key new --output FILE` / `key show FILE`: the district's key pair (no book needed).
#[derive(Subcommand, Debug)]
pub enum KeyCmd {
    New {
        #[arg(long)]
        output: PathBuf,
    },
    Show {
        file: PathBuf,
    },
}

// `pool set` changes the letterhead every paper prints; `pool show` prints it.
// Parsed once per run: the size of `Set`'s nine options costs nothing worth a box.
#[allow(clippy::large_enum_variant)]
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
        #[arg(long)]
        district_key: Option<String>,
        #[arg(long)]
        forms: Option<String>,
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
    #[arg(long)]
    pub time: Option<String>,
    #[command(flatten)]
    pub format: FormatArg,
}

// `settle`: clears what a cash count left pending.
#[derive(Args, Debug)]
pub struct SettleArgs {
    #[arg(long)]
    pub count: String,
    #[arg(long, allow_hyphen_values = true)]
    pub amount: String,
    #[arg(long, conflicts_with = "fund", required_unless_present = "fund")]
    pub person: Option<String>,
    #[arg(long)]
    pub fund: Option<String>,
    #[arg(long)]
    pub date: Option<String>,
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

// `card`: a card the pool did not buy (SPEC §10), or `--cancel REF --reason R`.
#[derive(Args, Debug)]
pub struct CardArgs {
    #[arg(long, required_unless_present = "cancel", conflicts_with = "cancel")]
    pub person: Option<String>,
    #[arg(long)]
    pub from: Option<String>,
    #[arg(long, required_unless_present = "cancel")]
    pub to: Option<String>,
    #[arg(long, required_unless_present = "cancel")]
    pub source: Option<String>,
    #[arg(long)]
    pub scheme: Option<String>,
    #[arg(long)]
    pub card_no: Option<String>,
    #[arg(long, requires = "reason")]
    pub cancel: Option<String>,
    #[arg(long, requires = "cancel")]
    pub reason: Option<String>,
    #[command(flatten)]
    pub format: FormatArg,
}

// `target set`: the year's plan.
#[derive(Subcommand, Debug)]
pub enum TargetCmd {
    Set {
        #[arg(long)]
        year: String,
        #[arg(long)]
        bhyt: String,
        #[arg(long)]
        bhxh: String,
        #[arg(long)]
        new_bhxh: Option<String>,
    },
}
