//! The annual committee report, on a council of seven members whose every figure is worked
//! out by hand below: the programme delivered, take-up by course, who was trained,
//! mandatory training by role with small roles hidden, plans offered and taken up, what
//! members asked for, evaluations, survey change and spend, each with its sentences; the
//! report with nobody held and for a year with nothing in it; and the officer's notes kept
//! for each year.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use mdr_domain::consolidate::{
    CommitteeNotes, CommitteeReport, NO_MEMBERS_TO_REPORT, OfficerWorkspace, committee_report,
};
use mdr_domain::exchange::{MemberFile, write_member_file};
use mdr_domain::model::due::MunicipalYear;
use mdr_domain::model::learning::Evaluation;
use mdr_domain::model::pack::CouncilPack;
use mdr_domain::model::plan::{CourseRequest, DevelopmentNeed, DevelopmentPlan, Priority, SignOff};
use mdr_domain::model::survey::{Answer, ResponseStatus, SurveyResponse};
use mdr_domain::model::{
    ActivityStatus, LearningActivity, LearningFormat, MemberRecord, default_catalogue,
};
use mdr_domain::store::officer::{
    OFFICER_COMMITTEE_NOTES, load_committee_notes, save_committee_notes,
};
use mdr_domain::store::{MemoryStorage, Storage};
use uuid::Uuid;

use LearningFormat::{Blended, FaceToFace, Online};

fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// 1 December 2026, in the municipal year 2026/27.
fn today() -> NaiveDate {
    date(2026, 12, 1)
}

fn year() -> MunicipalYear {
    MunicipalYear { starts_in: 2026 }
}

fn pack() -> CouncilPack {
    // The built-in roles, catalogue and surveys, and the £5,000.00 budget.
    CouncilPack::starting("Ceredigion County Council", today(), at())
}

fn member(n: u128, name: &str, group: &str, roles: &[&str], elected: NaiveDate) -> MemberRecord {
    let mut record = MemberRecord::new(Uuid::from_u128(n), at());
    record.profile.full_name = name.into();
    record.profile.council = "Ceredigion County Council".into();
    record.profile.ward = "Aberaeron".into();
    record.profile.political_group = group.into();
    record.profile.roles = roles.iter().map(|r| (*r).to_owned()).collect();
    record.profile.date_elected = Some(elected);
    record
}

/// Elected in May 2022: the induction's first year is long past.
fn in_2022() -> NaiveDate {
    date(2022, 5, 5)
}

fn activity(n: u128, course: &str) -> LearningActivity {
    let catalogue = default_catalogue();
    let course = catalogue.iter().find(|c| c.id == course).unwrap();
    LearningActivity::for_course(Uuid::from_u128(n), course, at())
}

/// A catalogue course completed on `on`, with the catalogue's hours.
fn done(record: &mut MemberRecord, n: u128, course: &str, on: NaiveDate) {
    let mut activity = activity(n, course);
    activity.status = ActivityStatus::Completed;
    activity.completed_on = Some(on);
    record.put_activity(activity);
}

/// As [`done`], with the member's evaluation: stars, usefulness, would recommend.
fn evaluated(
    record: &mut MemberRecord,
    n: u128,
    course: &str,
    on: NaiveDate,
    (rating, usefulness, would_recommend): (u8, u8, bool),
    comments: &str,
) {
    done(record, n, course, on);
    let mut activity = record.activity(Uuid::from_u128(n)).unwrap().clone();
    activity.evaluation = Some(Evaluation {
        rating,
        usefulness,
        do_differently: String::new(),
        would_recommend,
        comments: comments.into(),
    });
    record.put_activity(activity);
}

/// A catalogue course planned or in progress, from `start` if given.
fn booked(
    record: &mut MemberRecord,
    n: u128,
    course: &str,
    status: ActivityStatus,
    start: Option<NaiveDate>,
) {
    let mut activity = activity(n, course);
    activity.status = status;
    activity.start_date = start;
    record.put_activity(activity);
}

fn plan(
    record: &mut MemberRecord,
    starts_in: i32,
    meeting: Option<NaiveDate>,
    signed: Option<NaiveDate>,
    courses: &[&str],
    others: &[&str],
    needs: &[&str],
) {
    let catalogue = default_catalogue();
    let mut plan = DevelopmentPlan::blank(
        MunicipalYear { starts_in },
        record.profile.roles.clone(),
        at(),
    );
    plan.requested_courses = courses
        .iter()
        .map(|id| CourseRequest {
            course_id: (*id).to_owned(),
            title: catalogue
                .iter()
                .find(|c| c.id == *id)
                .unwrap()
                .title
                .clone(),
        })
        .collect();
    plan.other_requests = others.iter().map(|o| (*o).to_owned()).collect();
    plan.needs = needs
        .iter()
        .enumerate()
        .map(|(i, need)| DevelopmentNeed {
            id: Uuid::from_u128(9_000 + record.member_id.as_u128() * 10 + i as u128),
            need: (*need).to_owned(),
            priority: Priority::High,
            why: String::new(),
            preferred_format: None,
        })
        .collect();
    plan.meeting.date = meeting;
    plan.meeting.held_by = "Member Development Officer".into();
    plan.sign_off = signed.map(|on| SignOff {
        name: record.profile.full_name.clone(),
        on,
    });
    record.put_plan(plan);
}

const ETHICS: &str = "ethical-framework";
const CODE: &str = "code-of-conduct";
const STANDARDS: &str = "standards-committee-role";

/// An answer to the ethical framework survey in `round`, submitted on `on` (or a draft).
fn respond(
    record: &mut MemberRecord,
    k: u128,
    round: &str,
    on: DateTime<Utc>,
    submitted: bool,
    answers: &[(&str, u8)],
) {
    record.put_response(SurveyResponse {
        id: Uuid::from_u128(record.member_id.as_u128() * 100 + k),
        template_id: ETHICS.into(),
        template_version: 1,
        round: round.into(),
        answers: answers
            .iter()
            .map(|(q, n)| ((*q).to_owned(), Answer::Scale(*n)))
            .collect::<BTreeMap<_, _>>(),
        status: if submitted {
            ResponseStatus::Submitted
        } else {
            ResponseStatus::Draft
        },
        submitted_at: submitted.then_some(on),
        updated_at: on,
    });
}

fn baseline_day() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 6, 10, 10, 0, 0).unwrap()
}

fn repeat_day() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 10, 10, 0, 0).unwrap()
}

fn workspace_of(records: Vec<MemberRecord>) -> OfficerWorkspace {
    let mut workspace = OfficerWorkspace::default();
    let count = records.len();
    for (n, record) in records.into_iter().enumerate() {
        let file = MemberFile::new(record, 1, Uuid::from_u128(500 + n as u128), at());
        workspace.import("member-record.json", &write_member_file(&file));
    }
    assert_eq!(workspace.members.len(), count, "every file imported");
    workspace
}

/// Seven members of Ceredigion County Council, for 2026/27 (1 May 2026 to 30 April
/// 2027) as it stands on 1 December 2026. All were elected in May 2022 but Tomos Rees,
/// elected on 7 May 2026, for whom the induction is mandatory until 7 May 2027. Mandatory
/// for all: Code of Conduct and safeguarding (refreshed every 36 months); for planning and
/// licensing members, their committee's training (every 12 months); for a committee chair,
/// chairing (once). A refresher is due soon within 90 days, so one due after 1 March 2027
/// is up to date.
///
/// Each member: group and roles; what they completed in 2026/27 (minutes, and any
/// evaluation as stars, usefulness, would recommend); what lies outside the year or is not
/// done; and how they stand with all their mandatory training on 1 December 2026.
///
/// 1. Siân Gwenllïan (Plaid Cymru; planning, committee chair): Code of Conduct 15 Jun
///    (120; ★5, 4, yes), planning 1 Jul (180), chairing 10 Sep (180; ★4, 5, yes), Artemis
///    Poverty 5 Oct (60): 4 sessions, 540 minutes. Safeguarding 1 Sep 2025, due 2028.
///    **Up to date.**
/// 2. Amrit Kaur (Labour; planning): Code of Conduct 20 May (120; ★3, 3, no, with a
///    comment), safeguarding 20 May (90), Mindset Wellbeing 2 Nov (30): 3, 240. Planning
///    1 Jun 2025, due 1 Jun 2026; Presenting with Impact (£60) planned for 20 Jan 2027.
///    **Overdue.**
/// 3. Olusegun Adebayo (Labour; planning, licensing): planning 20 Jun (180), licensing
///    21 Jun (180), LGA Leadership Academy (£1,950) 30 Oct (1,260; ★5, 5, yes): 3, 1,620.
///    Code of Conduct 10 Jan 2024, due 10 Jan 2027 (in 40 days); safeguarding 1 Mar 2025.
///    **Due.**
/// 4. Gwen Pritchard (Labour; planning): her own "Welsh language course for beginners"
///    (Coleg Ceredigion, face to face) 30 Sep (600): 1, 600. Code of Conduct and
///    safeguarding 1 Nov 2025; planning in progress since 20 Nov 2026. **Due.**
/// 5. Dafydd ap Iorwerth (Plaid Cymru; planning, licensing): Code of Conduct 20 May (120),
///    safeguarding 20 May (90), Artemis Poverty 6 Oct (60; ★4, 3, yes), Mindset Wellbeing
///    10 Nov (hours not known): 4, 270. Planning 20 Apr 2026 (★1, 1, no: last year's),
///    due 20 Apr 2027 (in 140 days); licensing 21 Apr 2026, due 21 Apr 2027. **Up to
///    date.**
/// 6. Zara Ali (Independent; backbench): nothing in the year. Code of Conduct 1 Jun 2023,
///    due 1 Jun 2026; safeguarding never; Presenting with Impact (£60) planned, no date.
///    **Overdue.**
/// 7. Tomos Rees (Independent; backbench, elected 7 May 2026): induction 30 Jun (360), Code
///    of Conduct 30 Jun (120): 2, 480. Safeguarding planned for 10 Dec 2026; Chairing
///    Skills for Virtual Meetings (£60) 15 Apr 2026, last year; Artemis ACEs completed in
///    the year but deleted. **Due.**
///
/// Plans for 2026/27: Siân (meeting 1 Jun, signed 5 Jun; asks for Chairing Skills for
/// Virtual Meetings and "Public speaking"), Amrit (meeting 14 Jul, not signed; Chairing
/// Skills, "Welsh language for councillors", "Public speaking"), Olusegun (no meeting;
/// Chairing Skills, "Social media"), Dafydd (meeting 20 Jun, signed 25 Jun; Chairing
/// Skills, "Public speaking"), Zara (no meeting; "public speaking " as she typed it).
/// Gwen has only a plan for 2025/26 (met and signed; asks for Understanding Extremism),
/// Tomos none.
///
/// Ethical framework survey: the baseline round 2025/26 answered on 10 June 2025 by members
/// 1 to 6, the repeat 2026/27 on 10 June 2026 by members 1 to 5 (Zara has only a draft).
/// Code of conduct, baseline 2, 3, 3, 2, 4, 3 (mean 17/6 = 2.83), repeat 4, 4, 3, 5, 4
/// (20/5 = 4.00); the Standards Committee's role, baseline 3 six times, repeat 4 by members
/// 1 to 3 only.
fn workspace() -> OfficerWorkspace {
    let planning = "planning-committee";
    let licensing = "licensing-committee";
    let (in_progress, planned) = (ActivityStatus::InProgress, ActivityStatus::Planned);

    let mut sian = member(
        1,
        "Cllr Siân Gwenllïan",
        "Plaid Cymru",
        &[planning, "committee-chair"],
        in_2022(),
    );
    evaluated(
        &mut sian,
        10,
        "code-of-conduct",
        date(2026, 6, 15),
        (5, 4, true),
        "",
    );
    done(&mut sian, 11, "safeguarding", date(2025, 9, 1));
    done(&mut sian, 12, planning, date(2026, 7, 1));
    evaluated(
        &mut sian,
        13,
        "chairing-meetings",
        date(2026, 9, 10),
        (4, 5, true),
        "",
    );
    done(&mut sian, 14, "artemis-poverty", date(2026, 10, 5));
    plan(
        &mut sian,
        2026,
        Some(date(2026, 6, 1)),
        Some(date(2026, 6, 5)),
        &["chairing-virtual-meetings"],
        &[],
        &["Public speaking"],
    );

    let mut amrit = member(2, "Cllr Amrit Kaur", "Labour", &[planning], in_2022());
    evaluated(
        &mut amrit,
        20,
        "code-of-conduct",
        date(2026, 5, 20),
        (3, 3, false),
        "Too long for a Tuesday evening",
    );
    done(&mut amrit, 21, "safeguarding", date(2026, 5, 20));
    done(&mut amrit, 22, planning, date(2025, 6, 1));
    done(&mut amrit, 23, "mindset-wellbeing", date(2026, 11, 2));
    booked(
        &mut amrit,
        24,
        "presenting-with-impact",
        planned,
        Some(date(2027, 1, 20)),
    );
    plan(
        &mut amrit,
        2026,
        Some(date(2026, 7, 14)),
        None,
        &["chairing-virtual-meetings"],
        &["Welsh language for councillors"],
        &["Public speaking"],
    );

    let mut olusegun = member(
        3,
        "Cllr Olusegun Adebayo",
        "Labour",
        &[planning, licensing],
        in_2022(),
    );
    done(&mut olusegun, 30, "code-of-conduct", date(2024, 1, 10));
    done(&mut olusegun, 31, "safeguarding", date(2025, 3, 1));
    done(&mut olusegun, 32, planning, date(2026, 6, 20));
    done(&mut olusegun, 33, licensing, date(2026, 6, 21));
    evaluated(
        &mut olusegun,
        34,
        "leadership-academy",
        date(2026, 10, 30),
        (5, 5, true),
        "",
    );
    plan(
        &mut olusegun,
        2026,
        None,
        None,
        &["chairing-virtual-meetings"],
        &[],
        &["Social media"],
    );

    let mut gwen = member(4, "Cllr Gwen Pritchard", "Labour", &[planning], in_2022());
    done(&mut gwen, 40, "code-of-conduct", date(2025, 11, 1));
    done(&mut gwen, 41, "safeguarding", date(2025, 11, 1));
    booked(
        &mut gwen,
        42,
        planning,
        in_progress,
        Some(date(2026, 11, 20)),
    );
    let mut welsh = LearningActivity::own(Uuid::from_u128(43), at());
    welsh.title = "Welsh language course for beginners".into();
    welsh.provider = "Coleg Ceredigion".into();
    welsh.format = Some(FaceToFace);
    welsh.status = ActivityStatus::Completed;
    welsh.completed_on = Some(date(2026, 9, 30));
    welsh.minutes = 600;
    gwen.put_activity(welsh);
    plan(
        &mut gwen,
        2025,
        Some(date(2025, 6, 3)),
        Some(date(2025, 6, 4)),
        &["understanding-extremism"],
        &[],
        &[],
    );

    let mut dafydd = member(
        5,
        "Cllr Dafydd ap Iorwerth",
        "Plaid Cymru",
        &[planning, licensing],
        in_2022(),
    );
    done(&mut dafydd, 50, "code-of-conduct", date(2026, 5, 20));
    done(&mut dafydd, 51, "safeguarding", date(2026, 5, 20));
    evaluated(
        &mut dafydd,
        52,
        planning,
        date(2026, 4, 20),
        (1, 1, false),
        "Last year's",
    );
    done(&mut dafydd, 53, licensing, date(2026, 4, 21));
    evaluated(
        &mut dafydd,
        54,
        "artemis-poverty",
        date(2026, 10, 6),
        (4, 3, true),
        "",
    );
    done(&mut dafydd, 55, "mindset-wellbeing", date(2026, 11, 10));
    let mut unknown = dafydd.activity(Uuid::from_u128(55)).unwrap().clone();
    unknown.minutes = 0;
    unknown.hours_not_known = true;
    dafydd.put_activity(unknown);
    plan(
        &mut dafydd,
        2026,
        Some(date(2026, 6, 20)),
        Some(date(2026, 6, 25)),
        &["chairing-virtual-meetings"],
        &[],
        &["Public speaking"],
    );

    let mut zara = member(
        6,
        "Cllr Zara Ali",
        "Independent",
        &["backbench-member"],
        in_2022(),
    );
    done(&mut zara, 60, "code-of-conduct", date(2023, 6, 1));
    booked(&mut zara, 61, "presenting-with-impact", planned, None);
    plan(&mut zara, 2026, None, None, &[], &[], &["public speaking "]);

    let mut tomos = member(
        7,
        "Cllr Tomos Rees",
        "Independent",
        &["backbench-member"],
        date(2026, 5, 7),
    );
    done(&mut tomos, 70, "induction", date(2026, 6, 30));
    done(&mut tomos, 71, "code-of-conduct", date(2026, 6, 30));
    booked(
        &mut tomos,
        72,
        "safeguarding",
        planned,
        Some(date(2026, 12, 10)),
    );
    done(
        &mut tomos,
        73,
        "chairing-virtual-meetings",
        date(2026, 4, 15),
    );
    done(&mut tomos, 74, "artemis-aces", date(2026, 10, 1));
    tomos.set_activity_deleted(Uuid::from_u128(74), true, at());

    let code = [2, 3, 3, 2, 4, 3];
    let code_again = [4, 4, 3, 5, 4];
    let mut records = [sian, amrit, olusegun, gwen, dafydd, zara, tomos];
    for (i, record) in records.iter_mut().enumerate() {
        if i < 6 {
            respond(
                record,
                1,
                "2025/26",
                baseline_day(),
                true,
                &[(CODE, code[i]), (STANDARDS, 3)],
            );
        }
        match i {
            0..=2 => respond(
                record,
                2,
                "2026/27",
                repeat_day(),
                true,
                &[(CODE, code_again[i]), (STANDARDS, 4)],
            ),
            3 | 4 => respond(
                record,
                2,
                "2026/27",
                repeat_day(),
                true,
                &[(CODE, code_again[i])],
            ),
            5 => respond(record, 2, "2026/27", repeat_day(), false, &[(CODE, 1)]),
            _ => {}
        }
    }
    workspace_of(records.into())
}

fn report() -> CommitteeReport {
    committee_report(&workspace(), Some(&pack()), year(), today())
}

#[test]
fn the_report_opens_with_whom_and_what_year_it_covers() {
    let report = report();
    assert_eq!(report.members_held, 7);
    assert!(!report.no_members());
    assert!(!report.nothing_in_year);
    assert_eq!(report.as_at, today());
    assert_eq!(
        report.opening,
        "This report covers the 7 members' records held, for the municipal year 2026/27 (1 May 2026 to 30 April 2027)."
    );
}

#[test]
fn the_programme_delivered_counts_courses_sessions_and_hours_in_the_year() {
    let programme = report().programme;
    // Catalogue courses completed in the year: Code of Conduct, safeguarding, planning,
    // licensing, chairing, Artemis Poverty, Mindset Wellbeing, LGA Leadership Academy and
    // the induction: 9. Gwen's own Welsh course: 1 other. Sessions 4 + 3 + 3 + 1 + 4 + 0 +
    // 2 = 17; minutes 540 + 240 + 1,620 + 600 + 270 + 0 + 480 = 3,750, 62.5 hours; one
    // (Dafydd's Mindset module) with no hours. Tomos's deleted module is not counted.
    assert_eq!(programme.courses_delivered, 9);
    assert_eq!(programme.other_learning, 1);
    assert_eq!(programme.sessions, 17);
    assert_eq!(programme.minutes, 3_750);
    assert_eq!(programme.sessions_without_hours, 1);
    assert_eq!(
        programme.sentences,
        [
            "Members completed 9 courses from the council's programme and 1 other piece of learning in 2026/27.",
            "17 learning sessions were logged as completed, 62.5 hours in all.",
            "1 of them has no hours given, so its time is not in the total.",
        ]
    );
}

#[test]
fn take_up_is_a_line_for_each_course_most_completed_first_e_learning_by_name() {
    let take_up = report().take_up;
    let lines: Vec<(&str, &str, Option<LearningFormat>, usize, usize)> = take_up
        .lines
        .iter()
        .map(|l| {
            (
                l.title.as_str(),
                l.provider.as_str(),
                l.format,
                l.completed,
                l.planned,
            )
        })
        .collect();
    // Completed by (members): Code of Conduct 1, 2, 5, 7; Artemis Poverty 1, 5; Mindset
    // Wellbeing 2, 5; planning 1, 3 (and 4 in progress; 2 and 5 completed it last year);
    // safeguarding 2, 5 (and 7 planned for 10 Dec); one each of the rest. Presenting with
    // Impact: planned by 2 (20 Jan 2027) and 6 (no date). Chairing Skills for Virtual
    // Meetings was completed last year only, and Artemis ACEs deleted: no line. Ties by
    // title.
    assert_eq!(
        lines,
        [
            (
                "Code of Conduct",
                "Monitoring Officer",
                Some(FaceToFace),
                4,
                0
            ),
            ("Artemis e-learning: Poverty", "Artemis", Some(Online), 2, 0),
            (
                "Mindset self-coaching: Wellbeing",
                "Mindset",
                Some(Online),
                2,
                0
            ),
            (
                "Planning committee training",
                "Planning Services",
                Some(FaceToFace),
                2,
                1
            ),
            (
                "Safeguarding children and adults at risk",
                "Democratic Services",
                Some(Online),
                2,
                1
            ),
            (
                "Chairing meetings and committees",
                "Democratic Services",
                Some(FaceToFace),
                1,
                0
            ),
            (
                "Induction for newly elected members",
                "Democratic Services",
                Some(Blended),
                1,
                0
            ),
            ("LGA Leadership Academy", "LGA", Some(Blended), 1, 0),
            (
                "Licensing committee training",
                "Licensing Services",
                Some(FaceToFace),
                1,
                0
            ),
            (
                "Welsh language course for beginners",
                "Coleg Ceredigion",
                Some(FaceToFace),
                1,
                0
            ),
            ("Presenting with Impact", "LGiU", Some(Online), 0, 2),
        ]
    );
    assert_eq!(
        take_up.lines[1].course_id.as_deref(),
        Some("artemis-poverty")
    );
    assert_eq!(take_up.lines[9].course_id, None, "her own course");
    assert_eq!(take_up.lines[1].format_label(), "Online");
    assert_eq!(
        take_up.sentences,
        [
            "11 courses or pieces of learning were taken up in 2026/27: completed, planned or in progress."
        ]
    );
    let sentences: Vec<String> = take_up.lines.iter().map(|l| l.sentence()).collect();
    assert_eq!(
        sentences[0],
        "“Code of Conduct” (Monitoring Officer, face to face): 4 members completed it."
    );
    assert_eq!(
        sentences[2],
        "“Mindset self-coaching: Wellbeing” (Mindset, online): 2 members completed it."
    );
    assert_eq!(
        sentences[3],
        "“Planning committee training” (Planning Services, face to face): 2 members completed it; 1 more has it planned or in progress."
    );
    assert_eq!(
        sentences[9],
        "“Welsh language course for beginners” (Coleg Ceredigion, face to face): 1 member completed it."
    );
    assert_eq!(
        sentences[10],
        "“Presenting with Impact” (LGiU, online): nobody completed it; 2 members have it planned or in progress."
    );
}

#[test]
fn members_trained_and_not_trained_in_the_year() {
    let trained = report().members_trained;
    // Everyone but Zara completed something in 2026/27.
    assert_eq!(
        (trained.members_held, trained.trained, trained.not_trained),
        (7, 6, 1)
    );
    assert_eq!(
        trained.sentences,
        [
            "6 of 7 members completed at least one piece of learning in 2026/27.",
            "1 member completed none.",
        ]
    );
}

#[test]
fn mandatory_training_by_role_hides_roles_held_by_fewer_than_five() {
    let compliance = report().compliance;
    assert_eq!(compliance.as_at, today());
    let roles: Vec<(&str, usize, usize, usize, usize, bool)> = compliance
        .roles
        .iter()
        .map(|r| {
            (
                r.role.as_str(),
                r.members,
                r.up_to_date,
                r.due,
                r.overdue,
                r.suppressed,
            )
        })
        .collect();
    // In the pack's order of roles. Planning: Siân and Dafydd up to date, Olusegun (Code
    // of Conduct due 10 Jan 2027) and Gwen (planning in progress) due, Amrit (planning due
    // 1 Jun 2026) overdue. Licensing: Olusegun due, Dafydd up to date. Chair: Siân.
    // Backbench: Zara overdue (Code of Conduct due 1 Jun 2026), Tomos due (safeguarding
    // planned).
    assert_eq!(
        roles,
        [
            ("Planning committee member", 5, 2, 2, 1, false),
            ("Licensing committee member", 2, 1, 1, 0, true),
            ("Committee chair", 1, 1, 0, 0, true),
            ("Backbench member", 2, 0, 1, 1, true),
        ]
    );
    assert_eq!(
        compliance.sentences,
        [
            "Mandatory training by role, as at 1 December 2026.",
            "A role held by fewer than 5 members has its figures hidden, so that no councillor can be picked out.",
        ]
    );
    let sentences: Vec<String> = compliance.roles.iter().map(|r| r.sentence()).collect();
    assert_eq!(
        sentences,
        [
            "Planning committee member: 2 of 5 members are up to date with all their mandatory training; 2 have training due and 1 is overdue.",
            "Licensing committee member: held by fewer than 5 members, so the figures are not shown.",
            "Committee chair: held by fewer than 5 members, so the figures are not shown.",
            "Backbench member: held by fewer than 5 members, so the figures are not shown.",
        ]
    );
    let licensing = &compliance.roles[1];
    assert_eq!(licensing.shown_count(licensing.members), "fewer than 5");
    assert_eq!(licensing.shown_count(licensing.up_to_date), "fewer than 5");
    let planning = &compliance.roles[0];
    assert_eq!(planning.shown_count(planning.overdue), "1");
}

#[test]
fn plans_offered_to_every_member_and_taken_up() {
    let plans = report().plans;
    // Plans for 2026/27: Siân, Amrit, Olusegun, Dafydd and Zara (Gwen's is last year's);
    // meetings for Siân, Amrit and Dafydd; signed off by Siân and Dafydd.
    assert_eq!(
        (
            plans.offered,
            plans.with_plan,
            plans.meetings,
            plans.signed_off
        ),
        (7, 5, 3, 2)
    );
    assert_eq!(
        plans.sentences,
        [
            "7 members were offered a personal development plan review for 2026/27, and 5 have a plan for the year.",
            "3 of 7 members had a PDP meeting.",
            "2 of 7 members signed off their plan.",
        ]
    );
}

#[test]
fn learning_asked_for_is_ranked_from_the_years_plans_only() {
    let asked = report().asked_for;
    let rows: Vec<(&str, usize)> = asked
        .rows
        .iter()
        .map(|r| (r.topic.as_str(), r.members))
        .collect();
    // Chairing Skills: Siân, Amrit, Olusegun, Dafydd. Public speaking: Siân, Amrit, Dafydd
    // and Zara's "public speaking ". Gwen's Understanding Extremism is in last year's plan.
    assert_eq!(
        rows,
        [
            ("Chairing Skills for Virtual Meetings", 4),
            ("Public speaking", 4),
            ("Social media", 1),
            ("Welsh language for councillors", 1),
        ]
    );
    assert!(asked.rows.iter().all(|r| r.sources.starts_with("plans: ")));
    assert_eq!(
        asked.sentences,
        [
            "Members asked for 4 topics or courses in their plans for 2026/27.",
            "Most asked for: “Chairing Skills for Virtual Meetings” and “Public speaking” (4 members each).",
        ]
    );
}

#[test]
fn evaluations_of_learning_completed_in_the_year() {
    let evaluation = report().evaluation;
    // Code of Conduct ★5 useful 4 yes (Siân), ★3 useful 3 no (Amrit); chairing ★4 useful 5
    // yes; LGA Leadership Academy ★5 useful 5 yes; Artemis Poverty ★4 useful 3 yes.
    // Dafydd's planning evaluation is for last year's course. Rating 21/5 = 4.2, usefulness
    // 20/5 = 4.0, 4 of 5 would recommend: 80%.
    assert_eq!(evaluation.responses, 5);
    let rows: Vec<(&str, usize)> = evaluation
        .rows
        .iter()
        .map(|r| (r.course.as_str(), r.responses))
        .collect();
    assert_eq!(
        rows,
        [
            ("Code of Conduct", 2),
            ("Artemis e-learning: Poverty", 1),
            ("Chairing meetings and committees", 1),
            ("LGA Leadership Academy", 1),
        ]
    );
    assert_eq!(
        evaluation.rows[0].comments,
        ["Too long for a Tuesday evening"]
    );
    let near = |a: Option<f64>, b: f64| (a.unwrap() - b).abs() < 1e-9;
    assert!(near(evaluation.average_rating, 4.2));
    assert!(near(evaluation.average_usefulness, 4.0));
    assert!(near(evaluation.recommend_percent, 80.0));
    assert_eq!(
        evaluation.sentences,
        [
            "5 evaluations were returned for 4 courses or pieces of learning completed in 2026/27.",
            "The average rating was 4.2 out of 5, and 4.0 out of 5 for usefulness to the member's role; 80% would recommend it.",
        ]
    );
}

#[test]
fn survey_change_from_the_baseline_keeps_small_numbers_out_of_the_sentences() {
    let surveys = report().surveys;
    assert_eq!(
        surveys.sentences,
        ["1 survey was repeated in 2026/27, against the round before."]
    );
    let [change] = surveys.surveys.as_slice() else {
        panic!("one survey repeated: {:?}", surveys.surveys.len());
    };
    assert_eq!(change.comparison.baseline_round.as_deref(), Some("2025/26"));
    assert_eq!(change.comparison.latest_round, "2026/27");
    let code = change
        .comparison
        .questions
        .iter()
        .find(|q| q.question_id == CODE)
        .unwrap();
    assert_eq!(code.baseline.as_ref().unwrap().respondents, 6);
    assert_eq!(code.latest.respondents, 5, "Zara's draft is not counted");
    // By group in the repeat: Labour 3, Plaid Cymru 2: both hidden, as the survey report
    // hides them.
    assert!(!change.comparison.by_group.is_empty());
    assert!(change.comparison.by_group.iter().all(|g| g.suppressed));
    // Standards: 3 answered in the repeat. Code of conduct: 17/6 = 2.83 to 20/5 = 4.00, up
    // 4.00 - 2.833 = 1.17. Template order: the Standards Committee's role comes first.
    assert_eq!(
        change.sentences,
        [
            "Ethical framework self-assessment: repeated in 2026/27, against the baseline of 2025/26.",
            "“How well do you understand the role of the Standards Committee?”: fewer than 5 members answered in one of the rounds, so the change is not shown.",
            "“How well do you understand the members' code of conduct?”: an average of 2.83 at the baseline (6 members) and 4.00 at the repeat (5 members), up 1.17.",
        ]
    );
}

#[test]
fn spend_against_the_budget_in_pounds() {
    let spend = report().spend;
    // LGA Leadership Academy £1,950.00 completed by Olusegun; Presenting with Impact
    // £60.00 planned by Amrit (20 Jan 2027) and Zara (no date): £120.00. Tomos's Chairing
    // Skills place was last year's. £2,070.00 of £5,000.00; £2,930.00 left.
    assert_eq!(spend.spend.completed_pence, 195_000);
    assert_eq!(spend.spend.planned_pence, 12_000);
    assert_eq!(spend.spend.budget_pence, 500_000);
    assert_eq!(
        spend.sentences,
        [
            "£2,070.00 of the £5,000.00 training budget for 2026/27 was spent or committed.",
            "£1,950.00 went on places completed and £120.00 on places planned or in progress.",
            "£2,930.00 of the budget is left.",
        ]
    );
    // With a £2,000.00 budget the same places are £70.00 over it.
    let mut small = pack();
    small.budget_pence = 200_000;
    let over = committee_report(&workspace(), Some(&small), year(), today()).spend;
    assert_eq!(
        over.sentences[0],
        "£2,070.00 of the £2,000.00 training budget for 2026/27 was spent or committed."
    );
    assert_eq!(over.sentences[2], "Spending is £70.00 over the budget.");
}

#[test]
fn with_no_members_held_the_report_says_so_in_every_section() {
    let report = committee_report(&OfficerWorkspace::default(), None, year(), today());
    assert!(report.no_members());
    assert!(report.nothing_in_year);
    assert_eq!(report.opening, NO_MEMBERS_TO_REPORT);
    assert_eq!(
        report.opening,
        "No members' records are held yet: import members' files to see this report."
    );
    assert_eq!(
        report.programme.sentences,
        ["No learning was completed in 2026/27."]
    );
    assert!(report.take_up.lines.is_empty());
    assert_eq!(
        report.take_up.sentences,
        ["No course or other learning was completed, planned or in progress in 2026/27."]
    );
    assert_eq!(
        report.members_trained.sentences,
        ["No member's record is held, so nobody is counted for 2026/27."]
    );
    assert!(report.compliance.roles.is_empty());
    assert_eq!(
        report.compliance.sentences,
        ["No member held has a role recorded, so there is no compliance by role to show."]
    );
    assert_eq!(
        report.plans.sentences,
        ["No member's record is held, so no plan for 2026/27 is counted."]
    );
    assert_eq!(
        report.asked_for.sentences,
        ["No plan for 2026/27 asks for any learning."]
    );
    assert_eq!(report.evaluation.average_rating, None);
    assert_eq!(
        report.evaluation.sentences,
        ["No evaluations were returned for learning completed in 2026/27."]
    );
    assert_eq!(
        report.surveys.sentences,
        ["No survey was repeated in 2026/27, so there is no change from a baseline to show."]
    );
    // With no pack, the starting budget.
    assert_eq!(
        report.spend.sentences,
        [
            "No places on paid courses were taken or booked in 2026/27: none of the £5,000.00 training budget for 2026/27 was spent."
        ]
    );
}

#[test]
fn a_year_with_nothing_recorded_is_flagged_and_named() {
    // Two members whose learning, plan and survey are all in 2024/25.
    let mut eluned = member(
        1,
        "Cllr Eluned Môn",
        "Plaid Cymru",
        &["backbench-member"],
        in_2022(),
    );
    done(&mut eluned, 10, "code-of-conduct", date(2024, 10, 1));
    evaluated(
        &mut eluned,
        11,
        "ms-teams",
        date(2024, 10, 2),
        (4, 4, true),
        "",
    );
    plan(
        &mut eluned,
        2024,
        Some(date(2024, 6, 1)),
        None,
        &["ms-teams"],
        &[],
        &[],
    );
    respond(
        &mut eluned,
        1,
        "2023/24",
        Utc.with_ymd_and_hms(2023, 6, 1, 9, 0, 0).unwrap(),
        true,
        &[(CODE, 3)],
    );
    respond(
        &mut eluned,
        2,
        "2024/25",
        Utc.with_ymd_and_hms(2024, 6, 1, 9, 0, 0).unwrap(),
        true,
        &[(CODE, 4)],
    );
    let mut rhys = member(
        2,
        "Cllr Rhys Bowen",
        "Labour",
        &["backbench-member"],
        in_2022(),
    );
    done(&mut rhys, 20, "safeguarding", date(2024, 9, 9));
    let workspace = workspace_of(vec![eluned, rhys]);

    let report = committee_report(&workspace, Some(&pack()), year(), today());
    assert!(report.nothing_in_year);
    assert!(!report.no_members());
    assert_eq!(
        report.opening,
        "Nothing is recorded for 2026/27 in the 2 members' records held: no learning completed, planned or in progress, no development plans and no surveys answered."
    );
    assert_eq!(
        report.programme.sentences,
        ["No learning was completed in 2026/27."]
    );
    assert_eq!(
        report.members_trained.sentences,
        ["None of the 2 members held completed any learning in 2026/27."]
    );
    assert_eq!(
        report.plans.sentences,
        [
            "2 members were offered a personal development plan review for 2026/27; none has a plan for the year yet."
        ]
    );
    assert_eq!(
        report.asked_for.sentences,
        ["No plan for 2026/27 asks for any learning."]
    );
    assert_eq!(
        report.evaluation.sentences,
        ["No evaluations were returned for learning completed in 2026/27."]
    );
    assert_eq!(
        report.surveys.sentences,
        ["No survey was repeated in 2026/27, so there is no change from a baseline to show."]
    );
    assert_eq!(
        report.spend.sentences,
        [
            "No places on paid courses were taken or booked in 2026/27: none of the £5,000.00 training budget for 2026/27 was spent."
        ]
    );
    // Mandatory training is as it stands today, whatever the year: two backbench members,
    // hidden.
    assert_eq!(report.compliance.roles.len(), 1);
    assert!(report.compliance.roles[0].suppressed);

    // The same members' 2024/25 is not empty: the survey was repeated in it, after 2023/24.
    let then = committee_report(
        &workspace,
        Some(&pack()),
        MunicipalYear { starts_in: 2024 },
        today(),
    );
    assert!(!then.nothing_in_year);
    assert_eq!(then.programme.sessions, 3);
    assert_eq!(then.plans.with_plan, 1);
    assert_eq!(then.surveys.surveys.len(), 1);
    assert_eq!(
        then.surveys.surveys[0].sentences[1],
        "“How well do you understand the members' code of conduct?”: fewer than 5 members answered in one of the rounds, so the change is not shown."
    );
}

#[test]
fn one_member_reads_in_the_singular() {
    let mut nia = member(
        1,
        "Cllr Nia Hâf",
        "Plaid Cymru",
        &["backbench-member"],
        in_2022(),
    );
    done(&mut nia, 10, "ms-teams", date(2026, 9, 1));
    evaluated(
        &mut nia,
        11,
        "chairing-virtual-meetings",
        date(2026, 9, 2),
        (3, 4, false),
        "",
    );
    plan(
        &mut nia,
        2026,
        Some(date(2026, 6, 1)),
        None,
        &[],
        &["Scrutiny"],
        &[],
    );
    let report = committee_report(&workspace_of(vec![nia]), Some(&pack()), year(), today());
    assert_eq!(
        report.opening,
        "This report covers the 1 member's record held, for the municipal year 2026/27 (1 May 2026 to 30 April 2027)."
    );
    // MS Teams 60 minutes and Chairing Skills 120: 3 hours.
    assert_eq!(
        report.programme.sentences,
        [
            "Members completed 2 courses from the council's programme in 2026/27.",
            "2 learning sessions were logged as completed, 3 hours in all.",
        ]
    );
    assert_eq!(
        report.take_up.lines[0].sentence(),
        "“Chairing Skills for Virtual Meetings” (LGiU, online): 1 member completed it."
    );
    assert_eq!(
        report.members_trained.sentences,
        [
            "1 of 1 member completed at least one piece of learning in 2026/27.",
            "Every member held completed some learning.",
        ]
    );
    assert_eq!(
        report.plans.sentences,
        [
            "1 member was offered a personal development plan review for 2026/27, and 1 has a plan for the year.",
            "1 of 1 member had a PDP meeting.",
            "0 of 1 member signed off their plan.",
        ]
    );
    assert_eq!(
        report.asked_for.sentences,
        [
            "Members asked for 1 topic or course in their plans for 2026/27.",
            "Most asked for: “Scrutiny” (1 member).",
        ]
    );
    assert_eq!(
        report.evaluation.sentences,
        [
            "1 evaluation was returned for 1 course or piece of learning completed in 2026/27.",
            "The average rating was 3.0 out of 5, and 4.0 out of 5 for usefulness to the member's role; 0% would recommend it.",
        ]
    );
    assert_eq!(
        report.spend.sentences[1],
        "£60.00 went on places completed."
    );
}

fn notes(introduction: &str, recommendations: &str) -> CommitteeNotes {
    CommitteeNotes {
        introduction: introduction.into(),
        recommendations: recommendations.into(),
    }
}

#[test]
fn the_officers_notes_are_kept_for_each_year_apart() {
    let storage = MemoryStorage::new();
    let this_year = year();
    let last_year = MunicipalYear { starts_in: 2025 };
    assert_eq!(
        load_committee_notes(&storage, this_year),
        CommitteeNotes::default()
    );

    let ours = notes(
        "Adroddiad blynyddol: this report sets out members' learning in 2026/27.",
        "That the committee notes the report, and asks for Siân's “Public speaking” course.",
    );
    save_committee_notes(&storage, this_year, &ours).unwrap();
    assert_eq!(load_committee_notes(&storage, this_year), ours);
    assert_eq!(
        load_committee_notes(&storage, last_year),
        CommitteeNotes::default()
    );

    let theirs = notes("Last year's introduction.", "");
    save_committee_notes(&storage, last_year, &theirs).unwrap();
    assert_eq!(load_committee_notes(&storage, this_year), ours);
    assert_eq!(load_committee_notes(&storage, last_year), theirs);

    // Changing one year keeps the other; emptying one takes it out.
    let changed = notes("", "That the committee agrees the programme for 2027/28.");
    save_committee_notes(&storage, this_year, &changed).unwrap();
    assert_eq!(load_committee_notes(&storage, this_year), changed);
    assert_eq!(load_committee_notes(&storage, last_year), theirs);
    save_committee_notes(&storage, last_year, &CommitteeNotes::default()).unwrap();
    assert_eq!(
        load_committee_notes(&storage, last_year),
        CommitteeNotes::default()
    );
    assert_eq!(load_committee_notes(&storage, this_year), changed);
    let stored = storage.get(OFFICER_COMMITTEE_NOTES).unwrap().unwrap();
    assert!(!stored.contains("2025/26"), "{stored}");
    assert!(stored.contains("2026/27"), "{stored}");
}

#[test]
fn notes_that_cannot_be_read_are_empty_and_never_a_panic() {
    let storage = MemoryStorage::new();
    for garbage in [
        "",
        "not json",
        "{\"2026/27\": ",
        "[1, 2, 3]",
        "{\"2026/27\": \"a string\"}",
        "{\"2026/27\": {\"introduction\": 7}}",
    ] {
        storage.set(OFFICER_COMMITTEE_NOTES, garbage).unwrap();
        assert_eq!(
            load_committee_notes(&storage, year()),
            CommitteeNotes::default(),
            "{garbage:?}"
        );
    }
    // One year that does not read costs no other; a year missing a part reads the rest.
    storage
        .set(
            OFFICER_COMMITTEE_NOTES,
            "{\"2025/26\": {\"introduction\": 7}, \"2026/27\": {\"introduction\": \"Kept\"}}",
        )
        .unwrap();
    assert_eq!(load_committee_notes(&storage, year()), notes("Kept", ""));
    save_committee_notes(&storage, year(), &notes("Kept", "Agreed")).unwrap();
    let stored = storage.get(OFFICER_COMMITTEE_NOTES).unwrap().unwrap();
    assert!(
        stored.contains("\"2025/26\":{\"introduction\":7}"),
        "{stored}"
    );
    // Saving over what cannot be read at all starts afresh.
    storage.set(OFFICER_COMMITTEE_NOTES, "not json").unwrap();
    save_committee_notes(&storage, year(), &notes("Afresh", "")).unwrap();
    assert_eq!(load_committee_notes(&storage, year()), notes("Afresh", ""));
}
