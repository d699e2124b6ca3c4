//! Parsing the command line, with help and clap's own refusals in the chosen language.

use std::ffi::OsString;
use std::process::ExitCode;

use clap::Parser;

use super::args::Cli;

/// Parses `argv`; help, `--version` and usage errors are printed here and end the run
/// with their exit code (0 for help, 2 for a usage error).
pub fn parse(argv: Vec<OsString>) -> Result<Cli, ExitCode> {
    match Cli::try_parse_from(argv) {
        Ok(cli) => Ok(cli),
        Err(e) => {
            let _ = e.print();
            Err(ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2)))
        }
    }
}
