//! Mounts the officer's workspace, built apart from the councillor's app (see `ui::Part`).

#[cfg(target_arch = "wasm32")]
mod app {
    use leptos::prelude::*;
    use mdr_domain::address::{OFFICER_ROUTES, OfficerPage};
    use std::rc::Rc;

    use mdr_domain::store::{holds_record, holds_set_up_record};
    use mdr_web::store::LocalStore;
    use mdr_web::store::member_files::{MemberFilesDb, RawEntries};
    use mdr_web::ui::council_key::{UnlockError, Unlocker, unlock_workspace};
    use mdr_web::ui::officer_context::{
        HeldReader, OfficerData, Reading, provide_officer_data, read_held_entries,
    };
    use mdr_web::ui::officer_import::{ImportShown, Importer, Importing, import_files};
    use mdr_web::ui::pages::{
        CharterEvidencePage, CommitteeReportPage, HeldViews, HeldViewsFetch, MemberRecordPage,
        NotFound, OfficerMembersPage, OfficerPage, OfficerReportsPage, TrainingMatrixPage,
        WorkspaceGate, held_members_list, training_audit_table,
    };
    use mdr_web::ui::router::{Page, Routes};
    use mdr_web::ui::workbook::{CSV_STILL_WORK, WRITER_NOT_LOADED, WorkbookWriter};
    use mdr_web::ui::{Part, Shell};
    use mdr_web::{lazy_fn, lazy_page};

    lazy_page!(officer: pack_page, OfficerPage);
    lazy_page!(officer: reports_page, OfficerReportsPage);
    lazy_page!(officer: matrix_page, TrainingMatrixPage);
    lazy_page!(officer: committee_page, CommitteeReportPage);
    lazy_page!(officer: charter_page, CharterEvidencePage);
    // A member's record is opened from the members list, and at its own address: a group
    // of its own, so that neither brings the other pages' code.
    lazy_page!(officer_members: member_record_page, MemberRecordPage);

    // Reading the members' files already held (opening them, in a workspace locked at
    // rest): a new device holds none.
    lazy_fn!(officer: fn read_held_files(db: Rc<MemberFilesDb>, raw: RawEntries) -> Reading {
        Box::pin(async move { Some(read_held_entries(db, raw).await) })
    });

    // Whether the councillor's record on this device is set up, for the header's links to
    // the councillor's pages: looking needs the JSON reader, which no other part of the
    // first page uses, so it loads with the other pages, and only where a record is kept.
    lazy_fn!(officer: fn record_set_up() -> bool { holds_set_up_record(&LocalStore) });

    // The members held and the training audit are shown only once members' files are
    // held, which are read with the same group's code.
    lazy_fn!(officer: fn held_views() -> HeldViews {
        HeldViews { list: held_members_list, audit: training_audit_table }
    });

    /// What each of the workspace's pages (`mdr_domain::address::OFFICER_ROUTES`) is made
    /// of: the members list loads first.
    fn page(page: OfficerPage) -> Page {
        match page {
            OfficerPage::Members => Page::Now(|| OfficerMembersPage().into_any()),
            OfficerPage::Pack => Page::Later(pack_page),
            OfficerPage::Reports => Page::Later(reports_page),
            OfficerPage::Matrix => Page::Later(matrix_page),
            OfficerPage::Committee => Page::Later(committee_page),
            OfficerPage::Charter => Page::Later(charter_page),
            OfficerPage::MemberRecord => Page::Later(member_record_page),
        }
    }

    lazy_fn!(officer: fn start_import(
        data: OfficerData,
        shown: ImportShown,
        files: Vec<web_sys::File>,
        passphrase: String,
    ) -> Importing {
        // The import's code (reading, unlocking, merging, saving) is only needed once files
        // are chosen, so it loads with the other pages.
        Box::pin(import_files(data, shown, files, passphrase))
    });

    lazy_fn!(officer: fn start_unlock(
        data: OfficerData,
        passphrase: String,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), UnlockError>>>> {
        // Unwrapping the council keys and the data key is only needed once the passphrase
        // is entered.
        Box::pin(unlock_workspace(data, passphrase))
    });

    // The workbook writer is the largest part of the workspace, and only an officer who
    // asks for a workbook needs it: a group of its own, fetched on the first download.
    lazy_fn!(workbook: fn write_workbook(
        tables: Vec<mdr_domain::consolidate::Table>,
        title: String,
        created_at: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<u8>, String> {
        mdr_workbook::write_workbook(&tables, &mdr_workbook::WorkbookProperties { title, created_at })
            .map_err(|e| format!("{e} {CSV_STILL_WORK}"))
    });

    /// The officer's workspace, under `/officer`.
    #[component]
    pub fn OfficerApp() -> impl IntoView {
        // The workspace does not open the councillor's record: it only looks whether one
        // is set up, for the header's links to the councillor's pages.
        let set_up = RwSignal::new(false);
        if holds_record(&LocalStore) {
            leptos::task::spawn_local(async move {
                if let Ok(true) = record_set_up().await {
                    set_up.set(true);
                }
            });
        }
        provide_context(Importer(|data, shown, files, passphrase| {
            Box::pin(start_import(data, shown, files, passphrase))
        }));
        provide_context(Unlocker(|data, passphrase| {
            Box::pin(async move {
                match start_unlock(data, passphrase).await {
                    Ok(unlocking) => Ok(unlocking.await),
                    Err(e) => Err(e),
                }
            })
        }));
        provide_context(HeldViewsFetch(|| {
            Box::pin(async { held_views().await.ok() })
        }));
        provide_context(WorkbookWriter(|tables, title, created_at| {
            Box::pin(async move {
                write_workbook(tables, title, created_at)
                    .await
                    .unwrap_or_else(|_| Err(WRITER_NOT_LOADED.to_owned()))
            })
        }));
        provide_officer_data(HeldReader(|db, raw| {
            Box::pin(async move {
                match read_held_files(db, raw).await {
                    Ok(reading) => reading.await,
                    Err(_) => None,
                }
            })
        }));
        view! {
            <Shell part=Part::Officer set_up=set_up.into()>
                <WorkspaceGate>
                    <Routes routes=OFFICER_ROUTES page=page fallback=|| NotFound().into_any()/>
                </WorkspaceGate>
            </Shell>
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    mdr_web::ui::start(app::OfficerApp);
}

/// The workspace only runs in a browser; natively the crate is a library for the tests.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Member Development Record runs in a browser: use `make run`.");
}
