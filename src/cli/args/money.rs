//! The clap types of the commands that move money: dues, vouchers, insurance.

use clap::{Args, Subcommand};

use super::FormatArg;

#[derive(Subcommand, Debug)]
pub enum DuesCmd {
    Set {
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
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
    pub bank_ref: String,
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
    #[arg(long, default_value = "")]
    pub bank_ref: String,
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
    #[arg(long, default_value = "")]
    pub bank_ref: String,
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
    pub bank_ref: String,
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
    #[arg(long, default_value = "")]
    pub bank_ref: String,
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
    #[arg(long, default_value = "")]
    pub bank_ref: String,
    #[command(flatten)]
    pub format: FormatArg,
}
