//! Prints schema.sql (the whole schema of a new book); `scripts/schema` runs it.

use std::io::Write as _;

fn main() -> std::process::ExitCode {
    match hunvon_store::schema_dump::schema_dump() {
        Ok(text) => match std::io::stdout().write_all(text.as_bytes()) {
            Ok(()) => std::process::ExitCode::SUCCESS,
            Err(_) => std::process::ExitCode::FAILURE,
        },
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "{e}");
            std::process::ExitCode::FAILURE
        }
    }
}
