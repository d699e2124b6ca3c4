//! hunvon's entry point: everything happens in `cli`.

fn main() -> std::process::ExitCode {
    hunvon::cli::main()
}
