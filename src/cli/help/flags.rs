//! What each flag and argument means, and the name its value goes by, in each language.
//! A flag's text may depend on its command (`--from` is a date in `report`, an account
//! in `transfer`), so each entry names the commands it is for; only the flags every
//! command has (`--db`, `--lang`…) are for [`ANY`] command.

mod money;
mod records;

use hunvon_core::messages::i18n::Lang;

/// One flag's help line and the placeholder for its value (empty for a switch).
pub struct FlagText {
    pub help: &'static str,
    pub value: &'static str,
}

/// `(Vietnamese, English)` of one text.
type Pair = (&'static str, &'static str);

struct Flag {
    /// The commands (paths as in [`super::commands::text`]) the entry is for.
    paths: &'static [&'static str],
    id: &'static str,
    help: Pair,
    value: Pair,
}

/// For every command.
const ANY: &[&str] = &[];

const fn f(paths: &'static [&'static str], id: &'static str, help: Pair, value: Pair) -> Flag {
    Flag { paths, id, help, value }
}

/// The flags every command has.
const GLOBAL: &[Flag] = &[
    f(
        ANY,
        "db",
        (
            "Tệp sổ; mặc định lấy biến môi trường HUNVON_DB, không có thì thư mục dữ liệu của máy.",
            "The book file; by default the HUNVON_DB environment variable, else this computer's data folder.",
        ),
        ("TỆP", "FILE"),
    ),
    f(
        ANY,
        "pool",
        (
            "Mã quỹ, khi tệp có nhiều quỹ (all: mọi quỹ, cho báo cáo).",
            "Pool code, when the file holds several pools (all: every pool, for reports).",
        ),
        ("MÃ", "CODE"),
    ),
    f(
        ANY,
        "lang",
        (
            "Ngôn ngữ: vi (mặc định) hoặc en; biến môi trường HUNVON_LANG cũng đặt được.",
            "Language: vi (the default) or en; the HUNVON_LANG environment variable sets it too.",
        ),
        ("NGÔN_NGỮ", "LANG"),
    ),
    f(
        ANY,
        "read_only",
        ("Chỉ xem, không ghi gì vào sổ (cho người kiểm tra).", "Open read-only: nothing is written (for auditors)."),
        ("", ""),
    ),
    f(ANY, "version", ("In số phiên bản.", "Show the version."), ("", "")),
    f(ANY, "help", ("In trợ giúp này.", "Show this help."), ("", "")),
];

/// The help of the flag or argument `id` of the command at `path`, or `None` when there
/// is none (a test refuses that).
pub fn text(path: &str, id: &str, lang: Lang) -> Option<FlagText> {
    let entry = [GLOBAL, money::FLAGS, records::FLAGS]
        .iter()
        .flat_map(|table| table.iter())
        .find(|f| f.id == id && (f.paths.is_empty() || f.paths.contains(&path)))?;
    Some(FlagText { help: lang.pick(entry.help.0, entry.help.1), value: lang.pick(entry.value.0, entry.value.1) })
}
