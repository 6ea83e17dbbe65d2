//! `mdr`, the officer's workspace on the command line: `mdr consolidate` reads folders and
//! zips of members' files, gives each file the outcome the browser's import would, and
//! writes every report as CSV and as the Excel workbook.
//!
//! What it is not: a second implementation of anything the app decides. Reading a file,
//! what happens when it is merged, why it is refused and every figure in a report are
//! `mdr_domain`'s; the workbook is `mdr_workbook`'s. This crate holds only what the browser
//! holds in the app: finding the files ([`inputs`]), the cipher work WebCrypto does there
//! ([`unlock`]), and the terminal ([`terminal`]). The run is two steps, kept apart so that
//! more writers can follow the first: [`consolidate::consolidate`] turns the files into a
//! workspace for each council and each file's outcome; then [`reports::Workbook`] writes
//! the workbook, [`reports::write_csvs`] the outcomes and every report as CSV, and
//! [`parquet::write_tables`] the workspace's raw rows as Parquet for engines: on more than
//! one core, at once (see `run_consolidate`).

pub mod args;
pub mod consolidate;
mod error;
pub mod inputs;
pub mod parquet;
mod passphrase;
pub mod reports;
pub mod terminal;
pub mod unlock;

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

pub use error::CliError;

use args::{Cli, Command, ConsolidateArgs, Written};
use consolidate::Consolidation;
use consolidate::{Keys, consolidate};
use mdr_domain::consolidate::{ReportSetting, ReportsByCouncil};
use unlock::{CouncilKeyring, Keyring};

/// Exit code of a run that went wrong before it could finish: a bad argument, or an input
/// folder, zip, pack, key or passphrase file that cannot be used.
pub const EXIT_UNUSABLE: u8 = 2;
/// Exit code of a `--strict` run in which a file was refused.
pub const EXIT_REFUSED: u8 = 1;

/// How many parts of the workbook's sheets may be worked out before the workbook's
/// thread takes them: enough to keep it busy, few enough to hold little.
const SHEET_PARTS_AHEAD: usize = 2;

/// Runs the command with these arguments (the program's name first), printing to the
/// terminal, and says how it ended.
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) if error.exit_code() == 0 => {
            // --help and --version.
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
        Err(error)
            if error.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand =>
        {
            // `mdr` alone: the help, as a reminder of what it does.
            let _ = error.print();
            return ExitCode::from(EXIT_UNUSABLE);
        }
        Err(error) => {
            eprintln!("mdr: {}", args::one_line(&error));
            return ExitCode::from(EXIT_UNUSABLE);
        }
    };
    let Command::Consolidate(consolidate_args) = cli.command;
    match run_consolidate(&consolidate_args) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("mdr: {error}");
            ExitCode::from(EXIT_UNUSABLE)
        }
    }
}

/// `mdr consolidate`: everything that can be refused up front is checked before the first
/// file is read (the pack, the roster, the inputs, the passphrase, the keys), so a mistake
/// costs no waiting; the output folder is made last, so a run that cannot be done leaves
/// nothing behind.
fn run_consolidate(args: &ConsolidateArgs) -> Result<ExitCode, CliError> {
    let pack = args.pack.as_deref().map(reports::read_pack).transpose()?;
    let roster = args
        .roster
        .as_deref()
        .map(reports::read_roster)
        .transpose()?
        .unwrap_or_default();
    let files = inputs::find(&args.inputs)?;
    let locked = match &args.passphrase_file {
        Some(path) => Keyring::new(&passphrase::from_file(path)?),
        None => Keyring::none(),
    };
    let council = CouncilKeyring::unlock(&args.keys, args.key_passphrase_file.as_deref())?;
    let keys = Keys { locked, council };
    std::fs::create_dir_all(&args.out).map_err(|e| CliError::output(&args.out, &e))?;

    let progress = terminal::Progress::new(files.len());
    let mut consolidation = consolidate(files.pending(), &keys, || progress.advance());
    progress.finish();
    consolidation.councils.expect(&roster);

    let today = args
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let setting = mdr_domain::consolidate::ReportSetting {
        pack: pack.as_ref(),
        today,
    };
    let csv = args.writes(Written::Csv);
    let parquet = args.writes(Written::Parquet);
    // Shared by the sheets and the CSVs: each report is worked out once for both, and
    // only if one of them is written.
    let council_reports = consolidation.councils.reports(&setting);
    write_outputs(args, &consolidation, &council_reports, &setting)
        .map_err(|error| error.besides(csv, parquet))?;

    let mut stdout = std::io::stdout().lock();
    let _ = terminal::print_results(
        &mut stdout,
        &consolidation,
        &args.out,
        args.only_said().as_deref(),
    );
    let _ = stdout.flush();
    let refused = consolidation.results.summary().refused;
    // The records and the reports worked out from them (most of the run's memory, in
    // millions of allocations) are not freed one by one: the process ends here and the
    // system takes its memory back at once, where freeing them took a few tenths of a
    // second at the end of a run of 20,000 members.
    std::mem::forget(council_reports);
    std::mem::forget(consolidation);
    if args.strict && refused > 0 {
        eprintln!(
            "mdr: {} refused, and --strict was given.",
            match refused {
                1 => "1 file was".to_owned(),
                n => format!("{n} files were"),
            }
        );
        return Ok(ExitCode::from(EXIT_REFUSED));
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes what the run was asked for into `args.out`, which exists: `outcomes.csv`, then
/// every report as CSV, the workbook and the Parquet tables, or those `--only` chose.
fn write_outputs(
    args: &ConsolidateArgs,
    consolidation: &Consolidation,
    council_reports: &ReportsByCouncil,
    setting: &ReportSetting,
) -> Result<(), CliError> {
    let workbook_path = args.out.join(reports::WORKBOOK);
    let csvs = || {
        if args.writes(Written::Csv) {
            reports::write_csvs(&args.out, consolidation, council_reports).map(drop)
        } else {
            reports::write_outcomes(&args.out, consolidation)
        }
    };
    let parquet_tables = parquet::TablesToWrite::default();
    let parquet = || {
        if !args.writes(Written::Parquet) {
            return Ok(());
        }
        parquet::write_tables(&args.out, consolidation, setting.pack, &parquet_tables)
    };
    let workbook = args.writes(Written::Workbook);
    if rayon::current_num_threads() <= 1 {
        // The workbook last, so a workbook that cannot be written leaves the rest written.
        csvs()?;
        parquet()?;
        if workbook {
            reports::write_workbook(&workbook_path, consolidation, setting, council_reports)?;
        }
        return Ok(());
    }
    // With more than one core to use (as many as rayon is given: RAYON_NUM_THREADS), the
    // workbook, the longest to write, is written on one thread while its sheets are
    // worked out on another, a part ahead, and the CSVs on a third; then the Parquet
    // tables, each taken by whichever of the workbook's and the CSVs' threads is free
    // first: on two cores, both are kept busy to the end. Without the workbook, both
    // take Parquet tables from the start.
    let workbook = workbook
        .then(|| reports::Workbook::new(&consolidation.councils, setting))
        .transpose()?;
    let (written, tables) = std::thread::scope(|scope| {
        // The workbook, with its sheets' parts as they are worked out.
        let workbook = workbook.map(|workbook| {
            let (parts, sheets) = std::sync::mpsc::sync_channel(SHEET_PARTS_AHEAD);
            scope.spawn(move || {
                let actions = mdr_domain::consolidate::CharterActions::default();
                // A send fails only once the workbook has stopped taking parts.
                council_reports.each_report_table(&actions, |part| {
                    let _ = parts.send(part);
                });
            });
            (workbook, sheets)
        });
        let written = scope.spawn(|| {
            let saved = workbook.map_or(Ok(()), |(mut workbook, sheets)| {
                for part in sheets {
                    workbook.take(part);
                }
                workbook.save(&workbook_path)
            });
            (saved, parquet())
        });
        let tables = csvs().and_then(|()| parquet());
        (written.join(), tables)
    });
    tables?;
    // A panic on the sheets' thread reaches here through the scope.
    match written {
        Ok((saved, tables)) => {
            saved?;
            tables
        }
        Err(panicked) => std::panic::resume_unwind(panicked),
    }
}
