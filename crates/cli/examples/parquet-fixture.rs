//! Writes a small, deterministic folder of members' files for the Parquet checks: twelve
//! members of two councils (Welsh names with their accents among them), with activities
//! completed in the 2026/27 municipal year and before it, some planned or in progress,
//! evaluations, development plans with needs and requested courses, and survey answers.
//! Every id and time is fixed, so a run of `mdr consolidate --today 2026-12-01` on the
//! folder gives the same reports every time.
//!
//! `cargo run -p mdr-cli --example parquet-fixture -- FOLDER` (scripts/test.sh's parquet
//! layer); the command's tests include this file for the same members.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use mdr_domain::exchange::{MemberFile, write_member_file};
use mdr_domain::model::plan::{CourseRequest, DevelopmentNeed, DevelopmentPlan, Priority};
use mdr_domain::model::survey::{Answer, QuestionKind, ResponseStatus, SurveyResponse};
use mdr_domain::model::survey_templates::built_in_templates;
use mdr_domain::model::{
    ActivityStatus, Evaluation, LearningActivity, LearningFormat, MemberRecord, default_catalogue,
    default_roles,
};
use uuid::Uuid;

/// The members: name, council, ward.
pub const MEMBERS: [(&str, &str, &str); 12] = [
    ("Cllr Siân Llŷr", "Cyngor Gwynedd", "Bontnewydd"),
    ("Cllr Dafydd ap Gwilym", "Cyngor Gwynedd", "Tregarth"),
    ("Cllr Angharad Wên", "Cyngor Gwynedd", "Y Felinheli"),
    ("Cllr Rhodri Môn", "Cyngor Gwynedd", "Dolgellau"),
    ("Cllr Eluned Prŷs", "Cyngor Gwynedd", "Abermaw"),
    ("Cllr Gwenllïan Hâf", "Cyngor Gwynedd", "Pwllheli"),
    ("Cllr Zoë Brontë", "Wyre Council", "Garstang"),
    ("Cllr Anne Brontë", "Wyre Council", "Preesall"),
    ("Cllr Amrit Kaur", "Wyre Council", "Pilling"),
    ("Cllr Tom O'Neill", "Wyre Council", "Cleveleys Park"),
    ("Cllr Mary Jones", "Wyre Council", "Rossall"),
    ("Cllr Zainab Ali", "Wyre Council", "Warren"),
];

fn at(day: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&day.and_hms_opt(10, 0, 0).expect("ten o'clock exists"))
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real day")
}

/// Member `n`'s record.
pub fn record(n: usize) -> MemberRecord {
    let (name, council, ward) = MEMBERS[n];
    let catalogue = default_catalogue();
    let roles = default_roles();
    let now = at(day(2026, 11, 20));
    let id = |kind: u128, k: u128| Uuid::from_u128((kind << 64) | ((n as u128) << 16) | k);
    let mut record = MemberRecord::new(id(1, 0), now);
    record.set_up_at = Some(at(day(2026, 5, 12)));
    record.profile.full_name = name.to_owned();
    record.profile.council = council.to_owned();
    record.profile.ward = ward.to_owned();
    record.profile.political_group = ["Plaid Cymru", "Labour", "", "Independent"][n % 4].to_owned();
    record.profile.roles = BTreeSet::from([
        roles[0].id.clone(),
        roles[1 + n % (roles.len() - 1)].id.clone(),
    ]);
    record.profile.date_elected = (n % 3 != 2).then(|| day(2022 + (n % 2) as i32 * 4, 5, 5));
    record.profile.updated_at = now;

    // Member n takes n % 5 + 1 courses, in and out of the year, in every state.
    for k in 0..(n % 5 + 1) {
        let course = &catalogue[(n % 4 + k * 2) % catalogue.len()];
        let mut activity = LearningActivity::for_course(id(2, k as u128), course, now);
        match (n + k) % 4 {
            0 | 1 => {
                activity.status = ActivityStatus::Completed;
                // In 2026/27 for most, 2025/26 for every third.
                let done = if (n + k).is_multiple_of(3) {
                    day(2026, 2, 1 + (k as u32))
                } else {
                    day(2026, 6 + (k as u32 % 5), 10 + n as u32)
                };
                activity.start_date = Some(done);
                activity.completed_on = Some(done);
                activity.minutes = 45 * (1 + ((n + 2 * k) % 4) as u32);
                activity.evidence = format!("CERT-{n}-{k}");
                if (n + k) % 5 == 4 {
                    // Finished, but nobody knows how long it took.
                    activity.minutes = 0;
                    activity.hours_not_known = true;
                }
                if (n + k).is_multiple_of(2) {
                    activity.evaluation = Some(Evaluation {
                        rating: 1 + ((n + k) % 5) as u8,
                        usefulness: 1 + ((n * k + 2) % 5) as u8,
                        do_differently: String::new(),
                        would_recommend: (n + k) % 3 != 1,
                        comments: if k == 0 {
                            format!("Diolch — useful for {ward}.")
                        } else {
                            String::new()
                        },
                    });
                }
            }
            2 => {
                activity.status = ActivityStatus::InProgress;
                activity.start_date = Some(day(2026, 10, 1));
            }
            _ => activity.status = ActivityStatus::Planned,
        }
        record.put_activity(activity);
    }
    // One activity the member added themselves, and one they deleted.
    let mut own = LearningActivity::own(id(2, 90), now);
    own.title = "Cwrs Cymraeg i Oedolion".to_owned();
    own.provider = "Dysgu Cymraeg".to_owned();
    own.topic = "Welsh language".to_owned();
    own.format = Some(LearningFormat::FaceToFace);
    own.status = ActivityStatus::Completed;
    own.completed_on = Some(day(2026, 9, 1 + n as u32));
    own.minutes = 90;
    if n.is_multiple_of(2) {
        record.put_activity(own.clone());
    }
    let mut gone = own;
    gone.id = id(2, 91);
    gone.deleted_at = Some(now);
    record.put_activity(gone);

    if n % 4 != 3 {
        record.put_plan(plan(n, id(3, 0), now));
    }
    if n % 3 != 1 {
        record.put_response(response(n, id(4, 0), now));
    }
    record
}

fn plan(n: usize, id: Uuid, now: DateTime<Utc>) -> DevelopmentPlan {
    let catalogue = default_catalogue();
    let needs = ["Chairing meetings", "Planning law", "Scrutiny skills"];
    DevelopmentPlan {
        year: 2026,
        roles: BTreeSet::new(),
        strengths: "Listening".to_owned(),
        needs: (0..1 + n % 3)
            .map(|k| DevelopmentNeed {
                id: Uuid::from_u128(id.as_u128() + 1 + k as u128),
                need: needs[(n + k) % needs.len()].to_owned(),
                priority: [Priority::High, Priority::Medium, Priority::Low][k % 3],
                why: "For my committee work".to_owned(),
                preferred_format: (k != 1).then_some(LearningFormat::Online),
            })
            .collect(),
        requested_courses: (0..n % 3)
            .map(|k| {
                let course = &catalogue[(n + 5 * k + 4) % catalogue.len()];
                CourseRequest {
                    course_id: course.id.clone(),
                    title: course.title.clone(),
                }
            })
            .collect(),
        other_requests: Vec::new(),
        preferences: Default::default(),
        goals: Vec::new(),
        meeting: Default::default(),
        review_on: None,
        sign_off: None,
        reopenings: Vec::new(),
        updated_at: now,
    }
}

/// An answer to each question of the first built-in survey, of the kind it asks.
fn response(n: usize, id: Uuid, now: DateTime<Utc>) -> SurveyResponse {
    let template = &built_in_templates()[0];
    let mut answers = BTreeMap::new();
    for (q, question) in template
        .sections
        .iter()
        .flat_map(|s| &s.questions)
        .enumerate()
    {
        let answer = match &question.kind {
            QuestionKind::Likert { .. } => Answer::Scale(1 + ((n + q) % 5) as u8),
            QuestionKind::SingleChoice { options } => {
                Answer::Choice(options[(n + q) % options.len()].id.clone())
            }
            QuestionKind::MultipleChoice { options } => Answer::Choices(
                options
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| (i + n).is_multiple_of(3))
                    .map(|(_, o)| o.id.clone())
                    .collect(),
            ),
            QuestionKind::YesNo => Answer::YesNo((n + q).is_multiple_of(2)),
            QuestionKind::Number { min, max } => Answer::Number((*min + n as i64).min(*max)),
            QuestionKind::FreeText { .. } => continue,
        };
        answers.insert(question.id.clone(), answer);
    }
    SurveyResponse {
        id,
        template_id: template.id.clone(),
        template_version: template.version,
        round: "2026/27".to_owned(),
        answers,
        status: ResponseStatus::Submitted,
        submitted_at: Some(now),
        updated_at: now,
    }
}

/// Member `n`'s file, as the app exports it.
pub fn member_file(n: usize) -> String {
    let record = record(n);
    let device = Uuid::from_u128(0xD000 + n as u128);
    write_member_file(&MemberFile::new(record, 3, device, at(day(2026, 11, 21))))
}

/// Writes every member's file into `folder`.
pub fn write_folder(folder: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(folder)?;
    for n in 0..MEMBERS.len() {
        std::fs::write(
            folder.join(format!("member-record-{n:02}.json")),
            member_file(n),
        )?;
    }
    Ok(())
}

#[allow(dead_code)]
fn main() {
    let Some(folder) = std::env::args_os().nth(1) else {
        eprintln!("parquet-fixture: give the folder to write the members' files into.");
        std::process::exit(2);
    };
    if let Err(error) = write_folder(Path::new(&folder)) {
        eprintln!("parquet-fixture: the files could not be written: {error}.");
        std::process::exit(2);
    }
}
