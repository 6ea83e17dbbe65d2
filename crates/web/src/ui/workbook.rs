//! Every report in one Excel workbook. The sheets' figures are the domain's
//! (`mdr_domain::consolidate::report_tables`); the writer (`mdr_workbook`, about a third
//! of a megabyte) is given by the officer's binary as a [`WorkbookWriter`] and fetched only
//! when the officer asks for a workbook.

use std::future::Future;
use std::pin::Pin;

use chrono::{DateTime, Local, Utc};
use leptos::prelude::*;
use mdr_domain::consolidate::Table;
use mdr_domain::model::dates::iso_date;

use crate::ui::files::download_bytes;

/// The workbook's bytes, or why there are none: `Err` holds the officer's message.
pub type Writing = Pin<Box<dyn Future<Output = Result<Vec<u8>, String>>>>;

/// How a page writes a workbook: the sheets, the workbook's title, and when it was asked
/// for.
#[derive(Clone, Copy)]
pub struct WorkbookWriter(pub fn(Vec<Table>, String, DateTime<Utc>) -> Writing);

/// What the officer is told after any reason the workbook could not be made.
pub const CSV_STILL_WORK: &str = "The CSV downloads still work.";

/// What the officer is told when the writer's code cannot be fetched.
pub const WRITER_NOT_LOADED: &str = "The workbook could not be made: this part of the app has not been downloaded to this device yet and there is no internet connection. Connect once and try again; the CSV downloads still work.";

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Where a download stands, for the line beside the button.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Progress {
    Idle,
    Making,
    Done(String),
    Failed(String),
}

/// **Download all reports (Excel)**: makes the sheets with `tables` when pressed, writes
/// them as `<file>-<today>.xlsx` and says how it went.
#[component]
pub fn DownloadWorkbook(
    /// The workbook's title in Excel's properties, such as "Member development reports,
    /// Wyre Council".
    #[prop(into)]
    title: Signal<String>,
    /// The file name, without the date.
    file: &'static str,
    /// Makes the sheets, when the officer asks.
    tables: Callback<(), Vec<Table>>,
) -> impl IntoView {
    let writer = use_context::<WorkbookWriter>();
    let progress = RwSignal::new(Progress::Idle);
    let make = move |_| {
        if progress.get_untracked() == Progress::Making {
            return;
        }
        let Some(WorkbookWriter(write)) = writer else {
            progress.set(Progress::Failed(WRITER_NOT_LOADED.to_owned()));
            return;
        };
        progress.set(Progress::Making);
        let sheets = tables.run(());
        let count = sheets.len();
        let writing = write(sheets, title.get_untracked(), Utc::now());
        leptos::task::spawn_local(async move {
            let name = format!("{file}-{}.xlsx", iso_date(Local::now().date_naive()));
            progress.set(match writing.await {
                Ok(bytes) => match download_bytes(&name, &bytes, XLSX) {
                    Ok(()) => Progress::Done(format!(
                        "{name} is downloaded: {count} sheets, one for each report."
                    )),
                    Err(_) => Progress::Failed(
                        "The workbook was made but this browser would not download it. Try again, or use the CSV downloads.".to_owned(),
                    ),
                },
                Err(message) => Progress::Failed(message),
            });
        });
    };
    view! {
        <div class="workbook-download screen-only">
            <button type="button" class="button" on:click=make
                aria-describedby="workbook-progress"
                disabled=move || progress.get() == Progress::Making>
                "Download all reports (Excel)"
            </button>
            <p id="workbook-progress" role="status" class="workbook-download__status">
                {move || match progress.get() {
                    Progress::Idle => String::new(),
                    Progress::Making => "Making the workbook…".to_owned(),
                    Progress::Done(said) | Progress::Failed(said) => said,
                }}
            </p>
        </div>
    }
}
