//! The command's arguments, and a bad one told in one line.
//!
//! No passphrase is ever an argument's value: a process's arguments are visible to every
//! user of the machine and kept in shell histories. Passphrases come from files, or are
//! typed at the terminal.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};

/// The officer's workspace on the command line.
#[derive(Debug, Parser)]
#[command(name = "mdr", version, arg_required_else_help = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Imports members' files as the officer's workspace does, and writes every report as
    /// CSV and as one Excel workbook, and the records' rows as Parquet tables, with each
    /// file's outcome in outcomes.csv (--only chooses among them).
    ///
    /// Each input is a folder (every .json file in it and in its folders, in name order),
    /// a .zip file (every .json file in it), or one file (read whatever it is called).
    /// Names starting with a dot, and __MACOSX folders, are left out. Exit codes: 0 when
    /// the reports are written, refused files included; 1 with --strict when a file was
    /// refused; 2 for a bad argument or an input, pack, key or passphrase file that cannot
    /// be used.
    Consolidate(ConsolidateArgs),
}

#[derive(Debug, Args)]
pub struct ConsolidateArgs {
    /// Folders, .zip files or single files of members' files.
    #[arg(required = true, value_name = "DIR|ZIP")]
    pub inputs: Vec<PathBuf>,

    /// The folder to write outcomes.csv, the reports' CSVs, the workbook and the Parquet
    /// tables into (made if missing; files of the same names are replaced).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,

    /// A file whose first line is the passphrase of the locked files (the one agreed with
    /// the members, or the council's).
    #[arg(long, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,

    /// A council key backup (council-key-… .json), to open the files sealed for the
    /// council. May be given more than once; the keys share one passphrase.
    #[arg(long = "key", value_name = "KEY BACKUP")]
    pub keys: Vec<PathBuf>,

    /// A file whose first line is the council key's passphrase. Without it, the
    /// passphrase is asked for at the terminal.
    #[arg(long, value_name = "FILE", requires = "keys")]
    pub key_passphrase_file: Option<PathBuf>,

    /// The council pack (council-pack-… .json) whose courses, roles, surveys and budget
    /// the reports use; without it, the built-in catalogue and surveys, and the starting
    /// budget of £5,000.
    #[arg(long, value_name = "FILE")]
    pub pack: Option<PathBuf>,

    /// The members expected to send files, for the engagement report: one name a line,
    /// or a council and a name with a tab between (two columns copied from a spreadsheet).
    #[arg(long, value_name = "FILE")]
    pub roster: Option<PathBuf>,

    /// The day the reports are for, such as 2026-12-01 (what is due, the municipal year);
    /// today if not given.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<NaiveDate>,

    /// Ends with exit code 1 when any file was refused (the reports are still written).
    #[arg(long)]
    pub strict: bool,

    /// Writes only these beside outcomes.csv: csv (every report as CSV), workbook (the
    /// Excel workbook) or parquet (the Parquet tables), such as --only parquet for a
    /// warehouse's nightly load, or --only csv,workbook; all three if not given.
    #[arg(long, value_name = "WHAT", value_delimiter = ',')]
    pub only: Vec<Written>,
}

/// What a run writes besides `outcomes.csv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Written {
    /// Every report as the CSV its page downloads.
    Csv,
    /// Every report as one Excel workbook.
    Workbook,
    /// The records' raw rows as Parquet tables, for engines.
    Parquet,
}

impl ConsolidateArgs {
    /// Whether the run writes `what`: everything, unless `--only` chose.
    pub fn writes(&self, what: Written) -> bool {
        self.only.is_empty() || self.only.contains(&what)
    }

    /// What `--only` chose, in words ("every report as CSV and the Parquet tables"), or
    /// `None` when the run writes everything.
    pub fn only_said(&self) -> Option<String> {
        let said: Vec<&str> = [
            (Written::Csv, "every report as CSV"),
            (Written::Workbook, "the workbook"),
            (Written::Parquet, "the Parquet tables"),
        ]
        .into_iter()
        .filter(|(what, _)| self.writes(*what))
        .map(|(_, said)| said)
        .collect();
        (said.len() < 3).then(|| said.join(" and "))
    }
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("“{text}” is not a date: write it as YYYY-MM-DD, such as 2026-12-01"))
}

/// A bad argument as one line: clap's message without its usage block, then where help is.
pub fn one_line(error: &clap::Error) -> String {
    let rendered = error.render().to_string();
    let message = rendered
        .lines()
        .take_while(|line| !line.trim().is_empty() && !line.starts_with("Usage:"))
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ");
    let message = message.strip_prefix("error: ").unwrap_or(&message);
    format!(
        "{}. See mdr consolidate --help.",
        message.trim_end_matches('.')
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_argument_is_one_line_with_where_to_find_help() {
        for args in [
            vec!["mdr", "consolidate", "folder"],
            vec!["mdr", "consolidate", "folder", "--out", "o", "--nonsense"],
            vec![
                "mdr",
                "consolidate",
                "f",
                "--out",
                "o",
                "--today",
                "1/12/2026",
            ],
            vec!["mdr", "tidy"],
        ] {
            let error = Cli::try_parse_from(&args).unwrap_err();
            let line = one_line(&error);
            assert!(!line.contains('\n'), "{line}");
            assert!(!line.starts_with("error"), "{line}");
            assert!(line.ends_with("See mdr consolidate --help."), "{line}");
            assert_eq!(error.exit_code(), 2);
        }
        let error = Cli::try_parse_from(["mdr", "consolidate", "f"]).unwrap_err();
        assert!(
            one_line(&error).contains("--out <DIR>"),
            "{}",
            one_line(&error)
        );
        let error = Cli::try_parse_from([
            "mdr",
            "consolidate",
            "f",
            "--out",
            "o",
            "--today",
            "tomorrow",
        ])
        .unwrap_err();
        assert!(
            one_line(&error).contains("“tomorrow” is not a date"),
            "{}",
            one_line(&error)
        );
    }

    #[test]
    fn a_date_is_read_as_iso() {
        assert_eq!(
            parse_date("2026-12-01"),
            Ok(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap())
        );
        assert!(parse_date("01-12-2026").is_err());
    }
}
