//! `mdr`: see the library's documentation, and `mdr --help`.

fn main() -> std::process::ExitCode {
    mdr_cli::run(std::env::args_os())
}
