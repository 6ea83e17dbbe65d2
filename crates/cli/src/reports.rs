//! What a run writes into its output folder: `outcomes.csv` (each file and what happened
//! to it), every report as the CSV the officer's pages download, and every report as one
//! Excel workbook, `member-development-reports.xlsx`. Every figure, every CSV and every
//! sheet is the domain's (`mdr_domain::consolidate`) and the workbook's writer
//! (`mdr_workbook`); this module only chooses the file names (the pages' download names,
//! without the day, since the folder is the run's) and writes the files.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use chrono::Utc;
use mdr_domain::consolidate::{
    CSV_START, Cell, CharterActions, Councils, Csv, ImportResults, Part, ReportSetting,
    ReportsByCouncil, Table, csv_row, shown_name, to_csv,
};
use mdr_domain::exchange::{file_text, read_pack_file};
use mdr_domain::model::pack::CouncilPack;
use mdr_workbook::{WorkbookBuilder, WorkbookError, WorkbookProperties};

use crate::consolidate::Consolidation;
use crate::error::{CliError, shown, why};

/// The name of the file of outcomes.
pub const OUTCOMES: &str = "outcomes.csv";
/// The name of the workbook, as the Reports page downloads it (without the day).
pub const WORKBOOK: &str = "member-development-reports.xlsx";

/// Reads the council pack at `path` with the domain's pack reader.
pub fn read_pack(path: &Path) -> Result<CouncilPack, CliError> {
    let bytes = std::fs::read(path).map_err(|e| CliError::input(path, &e))?;
    file_text(bytes)
        .and_then(|text| read_pack_file(&text))
        .map_err(|problem| CliError::Pack {
            path: shown(path),
            problem,
        })
}

/// The roster at `path`: one member's name a line, as the Reports page takes it, or
/// the council and the member with a tab between (`Councils::expect`).
pub fn read_roster(path: &Path) -> Result<Vec<String>, CliError> {
    let text = std::fs::read_to_string(path).map_err(|e| CliError::Roster {
        path: shown(path),
        why: why(&e),
    })?;
    Ok(text.lines().map(str::to_owned).collect())
}

/// Each file and what happened to it, as CSV for Excel: its name, the one-word outcome,
/// the member it was of (blank when refused) and the sentence the workspace shows.
pub fn outcomes_csv(results: &ImportResults) -> String {
    to_csv(&Csv {
        header: ["File", "Outcome", "Member", "Explanation"]
            .map(str::to_owned)
            .to_vec(),
        rows: results
            .rows()
            .iter()
            .map(|row| {
                vec![
                    row.file.clone(),
                    row.outcome.label().to_owned(),
                    row.outcome.member().map(shown_name).unwrap_or_default(),
                    row.outcome.explanation(),
                ]
            })
            .collect(),
    })
}

/// Writes the workbook at `path`: every report's sheet, the Charter evidence last, each
/// written a council's rows (the training audit's a part) at a time, so no report is held
/// whole.
pub fn write_workbook(
    path: &Path,
    consolidation: &Consolidation,
    setting: &ReportSetting,
    reports: &ReportsByCouncil,
) -> Result<(), CliError> {
    let mut workbook = Workbook::new(&consolidation.councils, setting)?;
    reports.each_report_table(&CharterActions::default(), |part| workbook.take(part));
    workbook.save(path)
}

/// The workbook being written, a sheet's part at a time as the domain hands them over
/// (`ReportsByCouncil::each_report_table`), on this thread or as they come from another.
pub struct Workbook {
    builder: WorkbookBuilder,
    /// The first part that could not be written; the rest are then let go.
    failed: Option<WorkbookError>,
}

impl Workbook {
    /// An empty workbook titled for the councils' reports.
    pub fn new(councils: &Councils, setting: &ReportSetting) -> Result<Self, CliError> {
        let properties = WorkbookProperties {
            title: councils.reports_title(setting.pack),
            created_at: Utc::now(),
        };
        Ok(Self {
            builder: WorkbookBuilder::new(&properties)?,
            failed: None,
        })
    }

    /// Writes the next part of a sheet.
    pub fn take(&mut self, part: Part<Table, Vec<Cell>>) {
        if self.failed.is_some() {
            return;
        }
        let done = match part {
            Part::Begin(head) => self.builder.begin(&head),
            Part::Rows(rows) => self.builder.rows(&rows),
            Part::End => self.builder.end(),
        };
        self.failed = done.err();
    }

    /// Saves the workbook at `path`, or says why a part of it could not be written.
    pub fn save(self, path: &Path) -> Result<(), CliError> {
        if let Some(error) = self.failed {
            return Err(error.into());
        }
        self.builder.save(path).map_err(|error| match error {
            // Said with the path, in the words the command uses for any file.
            WorkbookError::Save(error) => CliError::WorkbookSave {
                path: shown(path),
                why: why(&error),
            },
            error => error.into(),
        })
    }
}

/// A CSV being written a part at a time.
struct CsvFile {
    path: PathBuf,
    out: BufWriter<File>,
    line: String,
}

impl CsvFile {
    fn create(path: PathBuf, header: &[String]) -> Result<Self, CliError> {
        let file = File::create(&path).map_err(|e| CliError::output(&path, &e))?;
        let mut csv = Self {
            path,
            out: BufWriter::new(file),
            line: String::from(CSV_START),
        };
        csv.row(header)?;
        Ok(csv)
    }

    fn row(&mut self, cells: &[impl AsRef<str>]) -> Result<(), CliError> {
        csv_row(cells, &mut self.line);
        let written = self.out.write_all(self.line.as_bytes());
        self.line.clear();
        written.map_err(|e| CliError::output(&self.path, &e))
    }

    fn finish(mut self) -> Result<(), CliError> {
        self.out
            .flush()
            .map_err(|e| CliError::output(&self.path, &e))
    }
}

/// Writes `outcomes.csv` into `out`, which exists: every run does, whatever else it
/// writes.
pub fn write_outcomes(out: &Path, consolidation: &Consolidation) -> Result<(), CliError> {
    std::fs::write(out.join(OUTCOMES), outcomes_csv(&consolidation.results))
        .map_err(|e| CliError::output(&out.join(OUTCOMES), &e))
}

/// Writes the outcomes and every report's CSV into `out`, which exists, and returns the
/// names of the files written, in the order written. Each report is written a council's
/// rows at a time, so no report is held whole.
pub fn write_csvs(
    out: &Path,
    consolidation: &Consolidation,
    reports: &ReportsByCouncil,
) -> Result<Vec<String>, CliError> {
    write_outcomes(out, consolidation)?;
    let mut written: Vec<String> = vec![OUTCOMES.to_owned()];
    let mut file: Option<CsvFile> = None;
    let mut failed = None;
    reports.each_report_csv(&CharterActions::default(), |part| {
        if failed.is_some() {
            return;
        }
        let done = match part {
            Part::Begin((stem, header)) => {
                // Two surveys of one title would otherwise write one file.
                let mut name = format!("{stem}.csv");
                let mut n = 2;
                while written.contains(&name) {
                    name = format!("{stem}-{n}.csv");
                    n += 1;
                }
                let path = out.join(&name);
                written.push(name);
                CsvFile::create(path, &header).map(|csv| file = Some(csv))
            }
            Part::Rows(rows) => file
                .as_mut()
                .map_or(Ok(()), |csv| rows.iter().try_for_each(|row| csv.row(row))),
            Part::End => file.take().map_or(Ok(()), CsvFile::finish),
        };
        failed = done.err();
    });
    match failed {
        Some(error) => Err(error),
        None => Ok(written),
    }
}
