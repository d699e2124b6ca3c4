//! The fields' keys. A form reads and changes its fields by these, never by their labels
//! (which change with the language) nor by loose strings: a key misspelt does not compile.
//! A key's flag is the command line's name for the same value, so that a refusal from
//! `app` naming the flag can name the field by its label instead.

/// One field of a form. Forms share the keys of the values they share (a person, an
/// amount, a date), as the command line shares its flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldKey {
    // Who and what the money is for.
    Person,
    Payer,
    /// The payer line of the n-th person listed (from 1) on a BHYT purchase.
    PayerFor(usize),
    Sponsor,
    Household,
    HouseholdName,
    Amount,
    Cash,
    Method,
    Months,
    Income,
    Receipt,
    AllowDebt,
    /// What a form is about when it can be one of several things (an opening balance's
    /// account, a backup or a hand-in).
    What,
    // When.
    Date,
    From,
    To,
    FromMonth,
    // Words.
    Note,
    Reason,
    BankRef,
    // A person's or household's record.
    Code,
    Name,
    Role,
    Joined,
    Left,
    Category,
    Dob,
    Gender,
    Cccd,
    BhxhCode,
    Phone,
    Address,
    // The pool and its letterhead.
    Pool,
    Org,
    Bank,
    Account,
    Treasurer,
    Accountant,
    Leader,
    Forms,
    // A cash count.
    /// How many notes of this denomination (đồng).
    Notes(i64),
    Total,
    CountedBy,
    // A backup.
    Folder,
}

impl FieldKey {
    /// The command-line flag of the same value (`--from-month`).
    pub fn flag(self) -> String {
        use FieldKey::*;
        let name = match self {
            PayerFor(n) => return format!("--payer-{n}"),
            Notes(d) => return format!("--n{d}"),
            Person => "person",
            Payer => "payer",
            Sponsor => "sponsor",
            Household => "household",
            HouseholdName => "household-name",
            Amount => "amount",
            Cash => "cash",
            Method => "method",
            Months => "months",
            Income => "income",
            Receipt => "receipt",
            AllowDebt => "allow-debt",
            What => "what",
            Date => "date",
            From => "from",
            To => "to",
            FromMonth => "from-month",
            Note => "note",
            Reason => "reason",
            BankRef => "bank-ref",
            Code => "code",
            Name => "name",
            Role => "role",
            Joined => "joined",
            Left => "left",
            Category => "category",
            Dob => "dob",
            Gender => "gender",
            Cccd => "cccd",
            BhxhCode => "bhxh-code",
            Phone => "phone",
            Address => "address",
            Pool => "pool",
            Org => "org",
            Bank => "bank",
            Account => "account",
            Treasurer => "treasurer",
            Accountant => "accountant",
            Leader => "leader",
            Forms => "forms",
            Total => "total",
            CountedBy => "counted-by",
            Folder => "folder",
        };
        format!("--{name}")
    }
}
