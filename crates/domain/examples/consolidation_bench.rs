//! Benchmark (run by `make bench`): generates realistic member files, writes them to
//! `target/bench-files/<n>/` for the browser benchmark, and times importing them into an
//! officer's workspace and producing every report, natively, for 100 and 1,000 members.

use std::time::Instant;

use chrono::NaiveDate;
use mdr_domain::consolidate::{
    CharterActions, MatrixFilter, OfficerWorkspace, WorkbookSource, charter_evidence,
    committee_report, compliance, course_evaluation, engagement, needs_analysis, report_tables,
    spend, survey_results, training_audit_csv, training_matrix,
};
use mdr_domain::model::due::MunicipalYear;
use mdr_domain::model::survey_templates::built_in_templates;
use mdr_domain::model::{default_catalogue, default_roles};

#[path = "support/members.rs"]
mod members;

use members::{Dice, member};

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    println!("Consolidation, native (release build, this machine):");
    for count in [100u64, 1000] {
        let mut dice = Dice(count);
        let files: Vec<String> = (0..count)
            .map(|n| member(n, "Sandwell Metropolitan Borough Council", &mut dice))
            .collect();
        let dir = format!("target/bench-files/{count}");
        std::fs::create_dir_all(&dir).expect("the bench folder can be made");
        for (n, text) in files.iter().enumerate() {
            std::fs::write(format!("{dir}/member-record-{n:04}.json"), text)
                .expect("a bench file can be written");
        }
        let bytes: usize = files.iter().map(String::len).sum();
        let started = Instant::now();
        let mut workspace = OfficerWorkspace::default();
        for text in &files {
            workspace.import("member-record.json", text);
        }
        let imported = started.elapsed();
        let catalogue = default_catalogue();
        let year = MunicipalYear::containing(today);
        let audit = training_audit_csv(&workspace).text();
        let due = compliance(&workspace, &catalogue, &default_roles(), today);
        let evaluations = course_evaluation(&workspace);
        let money = spend(&workspace, &catalogue, 500_000, year);
        let engaged = engagement(&workspace, &[], today);
        let needs = needs_analysis(&workspace);
        let surveys: Vec<_> = built_in_templates()
            .iter()
            .map(|t| survey_results(&workspace, t, Some("2025/26"), "2026/27"))
            .collect();
        let total = started.elapsed();
        println!(
            "  {count:>5} files, {:.1} MB: import {:>6.0} ms ({:.0} files/s); import and every report {:>6.0} ms  [{} audit bytes, {} compliance rows, {} courses evaluated, {} spend rows, {} members, {} needs, {} surveys]",
            bytes as f64 / 1_048_576.0,
            imported.as_secs_f64() * 1000.0,
            count as f64 / imported.as_secs_f64(),
            total.as_secs_f64() * 1000.0,
            audit.len(),
            due.len(),
            evaluations.len(),
            money.rows.len(),
            engaged.len(),
            needs.len(),
            surveys.len(),
        );
        // What the officer takes to committee, each timed apart.
        let timed = |f: &dyn Fn() -> usize| {
            let started = Instant::now();
            let size = f();
            (started.elapsed().as_secs_f64() * 1000.0, size)
        };
        let (matrix_ms, rows) = timed(&|| {
            training_matrix(&workspace, &catalogue, &MatrixFilter::default(), today)
                .rows
                .len()
        });
        let (committee_ms, _) = timed(&|| {
            committee_report(&workspace, None, year, today)
                .take_up
                .lines
                .len()
        });
        let (charter_ms, _) = timed(&|| {
            charter_evidence(&workspace, None, year, today)
                .elements
                .len()
        });
        let (tables_ms, cells) = timed(&|| {
            report_tables(
                &WorkbookSource {
                    workspace: &workspace,
                    pack: None,
                    roster: &[],
                    today,
                },
                &CharterActions::default(),
            )
            .iter()
            .map(|t| t.rows.len() * t.columns.len())
            .sum()
        });
        println!(
            "  {count:>5} members: training matrix {matrix_ms:.0} ms ({rows} rows); committee report {committee_ms:.0} ms; Charter evidence {charter_ms:.0} ms; the workbook's sheets {tables_ms:.0} ms ({cells} cells)"
        );
    }
}
