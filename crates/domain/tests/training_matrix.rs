//! The training matrix, on a workspace whose every cell is worked out by hand below: members
//! down, courses across, each cell the last completion date or due, overdue, planned, in
//! progress or blank; a member with nothing recorded is a row; filtered by a committee and
//! to mandatory courses; and the CSV for Excel.

#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use mdr_domain::consolidate::{
    MatrixCell, MatrixFilter, OfficerWorkspace, training_matrix, training_matrix_csv,
};
use mdr_domain::exchange::{MemberFile, write_member_file};
use mdr_domain::model::{ActivityStatus, LearningActivity, MemberRecord, default_catalogue};
use uuid::Uuid;

use MatrixCell::{Blank, Completed, Due, InProgress, Overdue, Planned};

fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// 1 December 2026.
fn today() -> NaiveDate {
    date(2026, 12, 1)
}

fn member(n: u128, name: &str, ward: &str, roles: &[&str], elected: NaiveDate) -> MemberRecord {
    let mut record = MemberRecord::new(Uuid::from_u128(n), at());
    record.profile.full_name = name.into();
    record.profile.council = "Sandwell Metropolitan Borough Council".into();
    record.profile.ward = ward.into();
    record.profile.roles = roles.iter().map(|r| (*r).to_owned()).collect();
    record.profile.date_elected = Some(elected);
    record
}

fn log(
    record: &mut MemberRecord,
    n: u128,
    course: &str,
    status: ActivityStatus,
    on: Option<NaiveDate>,
) {
    let catalogue = default_catalogue();
    let course = catalogue.iter().find(|c| c.id == course).unwrap();
    let mut activity = LearningActivity::for_course(Uuid::from_u128(n), course, at());
    activity.status = status;
    match status {
        ActivityStatus::Completed => activity.completed_on = on,
        _ => activity.start_date = on,
    }
    record.put_activity(activity);
}

/// Three members, worked out by hand for 1 December 2026 against the default catalogue:
///
/// - Cllr Amrit Kaur (licensing committee, elected 2021, so the induction's year is long
///   past): Code of Conduct done 10 January 2024, due again 10 January 2027, within 90
///   days: **due**; licensing training done 1 June 2025, due again 1 June 2026: **overdue**;
///   safeguarding booked: **planned**; an older and a newer completion of unconscious bias:
///   the newer date; the induction: **blank**.
/// - Cllr Gwen Pritchard (licensing committee, elected May 2026): induction started: **in
///   progress**; Code of Conduct done 15 June 2026, not due until 2029: that date;
///   safeguarding never done: **due**; licensing done 1 September 2026: that date.
/// - Cllr Olusegun Adebayo (backbench, elected 2021), nothing recorded: Code of Conduct and
///   safeguarding **due**, licensing training not his: **blank**.
fn workspace() -> OfficerWorkspace {
    let mut amrit = member(
        1,
        "Cllr Amrit Kaur",
        "Tipton Green",
        &["backbench-member", "licensing-committee"],
        date(2021, 5, 6),
    );
    log(
        &mut amrit,
        10,
        "code-of-conduct",
        ActivityStatus::Completed,
        Some(date(2024, 1, 10)),
    );
    log(
        &mut amrit,
        11,
        "licensing-committee",
        ActivityStatus::Completed,
        Some(date(2025, 6, 1)),
    );
    log(
        &mut amrit,
        12,
        "safeguarding",
        ActivityStatus::Planned,
        Some(date(2027, 2, 3)),
    );
    log(
        &mut amrit,
        13,
        "unconscious-bias",
        ActivityStatus::Completed,
        Some(date(2022, 3, 1)),
    );
    log(
        &mut amrit,
        14,
        "unconscious-bias",
        ActivityStatus::Completed,
        Some(date(2025, 3, 1)),
    );
    let mut gwen = member(
        2,
        "Cllr Gwen Pritchard",
        "Great Bridge",
        &["backbench-member", "licensing-committee"],
        date(2026, 5, 7),
    );
    log(&mut gwen, 20, "induction", ActivityStatus::InProgress, None);
    log(
        &mut gwen,
        21,
        "code-of-conduct",
        ActivityStatus::Completed,
        Some(date(2026, 6, 15)),
    );
    log(
        &mut gwen,
        22,
        "licensing-committee",
        ActivityStatus::Completed,
        Some(date(2026, 9, 1)),
    );
    let olusegun = member(
        3,
        "Cllr Olusegun Adebayo",
        "Wednesbury North",
        &["backbench-member"],
        date(2021, 5, 6),
    );
    let mut workspace = OfficerWorkspace::default();
    for (n, record) in [amrit, gwen, olusegun].into_iter().enumerate() {
        let file = write_member_file(&MemberFile::new(
            record,
            1,
            Uuid::from_u128(100 + n as u128),
            at(),
        ));
        workspace.import("member-record.json", &file);
    }
    workspace
}

fn column(matrix: &mdr_domain::consolidate::TrainingMatrix, id: &str) -> usize {
    matrix
        .courses
        .iter()
        .position(|c| c.id == id)
        .unwrap_or_else(|| panic!("no column {id}"))
}

#[test]
fn every_member_is_a_row_and_every_cell_says_where_they_stand() {
    let matrix = training_matrix(
        &workspace(),
        &default_catalogue(),
        &MatrixFilter::default(),
        today(),
    );
    let names: Vec<&str> = matrix.rows.iter().map(|r| r.member.as_str()).collect();
    assert_eq!(
        names,
        [
            "Cllr Amrit Kaur",
            "Cllr Gwen Pritchard",
            "Cllr Olusegun Adebayo"
        ]
    );
    // Every course the council offers is a column, in its order.
    let offered = default_catalogue().iter().filter(|c| !c.retired).count();
    assert_eq!(matrix.courses.len(), offered);
    assert_eq!(
        matrix.courses[0].title,
        "Induction for newly elected members"
    );
    let cells = |row: usize, ids: &[&str]| -> Vec<MatrixCell> {
        ids.iter()
            .map(|id| matrix.rows[row].cells[column(&matrix, id)])
            .collect()
    };
    let ids = [
        "induction",
        "code-of-conduct",
        "safeguarding",
        "licensing-committee",
        "unconscious-bias",
    ];
    assert_eq!(
        cells(0, &ids),
        [Blank, Due, Planned, Overdue, Completed(date(2025, 3, 1))]
    );
    assert_eq!(
        cells(1, &ids),
        [
            InProgress,
            Completed(date(2026, 6, 15)),
            Due,
            Completed(date(2026, 9, 1)),
            Blank
        ]
    );
    assert_eq!(cells(2, &ids), [Blank, Due, Due, Blank, Blank]);
    // Nothing recorded is still a row, blank where nothing is asked of them.
    let olusegun = &matrix.rows[2];
    assert_eq!(olusegun.cells.iter().filter(|c| **c != Blank).count(), 2);
}

#[test]
fn filtered_to_a_committee_and_its_mandatory_courses() {
    let filter = MatrixFilter {
        role: Some("licensing-committee".to_owned()),
        mandatory_only: true,
    };
    let matrix = training_matrix(&workspace(), &default_catalogue(), &filter, today());
    let titles: Vec<&str> = matrix.courses.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Induction for newly elected members",
            "Code of Conduct",
            "Safeguarding children and adults at risk",
            "Licensing committee training",
        ]
    );
    assert!(matrix.courses.iter().all(|c| c.mandatory));
    let names: Vec<&str> = matrix.rows.iter().map(|r| r.member.as_str()).collect();
    assert_eq!(names, ["Cllr Amrit Kaur", "Cllr Gwen Pritchard"]);
    assert_eq!(matrix.rows[0].cells, [Blank, Due, Planned, Overdue]);

    // Mandatory for anyone, with no role chosen: every member, every mandatory course.
    let all = training_matrix(
        &workspace(),
        &default_catalogue(),
        &MatrixFilter {
            role: None,
            mandatory_only: true,
        },
        today(),
    );
    assert_eq!(all.rows.len(), 3);
    assert!(all.courses.iter().any(|c| c.id == "chairing-meetings"));
    assert!(!all.courses.iter().any(|c| c.id == "unconscious-bias"));

    // A committee nobody held sits on: no rows, which the page says in words.
    let nobody = training_matrix(
        &workspace(),
        &default_catalogue(),
        &MatrixFilter {
            role: Some("planning-committee".to_owned()),
            mandatory_only: false,
        },
        today(),
    );
    assert!(nobody.rows.is_empty());
}

#[test]
fn the_matrix_downloads_for_excel_with_iso_dates_and_words() {
    let filter = MatrixFilter {
        role: Some("licensing-committee".to_owned()),
        mandatory_only: true,
    };
    let csv = training_matrix_csv(&training_matrix(
        &workspace(),
        &default_catalogue(),
        &filter,
        today(),
    ))
    .text();
    assert_eq!(
        csv,
        "\u{feff}Member,Ward or division,Induction for newly elected members,Code of Conduct,Safeguarding children and adults at risk,Licensing committee training\r\n\
         Cllr Amrit Kaur,Tipton Green,,due,planned,overdue\r\n\
         Cllr Gwen Pritchard,Great Bridge,in progress,2026-06-15,due,2026-09-01\r\n"
    );
}
