//! What a run writes into its output folder: `outcomes.csv` (each file and what happened
//! to it), every report as the CSV the officer's pages download, and every report as one
//! Excel workbook, `member-development-reports.xlsx`. Every figure, every CSV and every
//! sheet is the domain's (`mdr_domain::consolidate`) and the workbook's writer
//! (`mdr_workbook`); this module only chooses the file names (the pages' download names,
//! without the day, since the folder is the run's) and writes the files.

use std::path::Path;

use chrono::Utc;
use mdr_domain::consolidate::{
    CharterActions, Csv, ImportResults, ReportSetting, shown_name, to_csv,
};
use mdr_domain::exchange::{file_text, read_pack_file};
use mdr_domain::model::pack::CouncilPack;
use mdr_workbook::{WorkbookProperties, write_workbook};

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

/// The workbook's bytes: every report's sheet, the Charter evidence last.
fn workbook(consolidation: &Consolidation, setting: &ReportSetting) -> Result<Vec<u8>, CliError> {
    let councils = &consolidation.councils;
    let tables = councils.report_tables(setting, &CharterActions::default());
    let properties = WorkbookProperties {
        title: councils.reports_title(setting.pack),
        created_at: Utc::now(),
    };
    Ok(write_workbook(&tables, &properties)?)
}

/// Writes the outcomes, every report's CSV and the workbook into `out`, which exists, and
/// returns the names of the files written, in the order written.
pub fn write_reports(
    out: &Path,
    consolidation: &Consolidation,
    setting: &ReportSetting,
) -> Result<Vec<String>, CliError> {
    let mut files: Vec<(String, Vec<u8>)> = vec![(
        OUTCOMES.to_owned(),
        outcomes_csv(&consolidation.results).into_bytes(),
    )];
    let mut taken: Vec<String> = vec![OUTCOMES.to_owned()];
    let csvs = consolidation
        .councils
        .report_csvs(setting, &CharterActions::default());
    for (stem, csv) in csvs {
        // Two surveys of one title would otherwise write one file.
        let mut name = format!("{stem}.csv");
        let mut n = 2;
        while taken.contains(&name) {
            name = format!("{stem}-{n}.csv");
            n += 1;
        }
        taken.push(name.clone());
        files.push((name, csv.text().into_bytes()));
    }
    files.push((WORKBOOK.to_owned(), workbook(consolidation, setting)?));
    for (name, bytes) in &files {
        let path = out.join(name);
        std::fs::write(&path, bytes).map_err(|e| CliError::output(&path, &e))?;
    }
    Ok(files.into_iter().map(|(name, _)| name).collect())
}
