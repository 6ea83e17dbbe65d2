//! The officer's survey results and needs analysis, checked by hand on small workspaces:
//! exact counts and means, drafts ignored, small groups suppressed, free text left out,
//! and requests merged across plans and the training needs survey.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use mdr_domain::consolidate::{
    NO_DETAILS, OfficerWorkspace, SMALL_CELL, SurveyComparison, access_needs, access_needs_csv,
    latest_survey_results, needs_analysis, needs_analysis_csv, survey_results, survey_results_csv,
    survey_rounds,
};
use mdr_domain::exchange::{MemberFile, write_member_file};
use mdr_domain::model::MemberRecord;
use mdr_domain::model::due::MunicipalYear;
use mdr_domain::model::pack::CouncilPack;
use mdr_domain::model::plan::{CourseRequest, DevelopmentNeed, DevelopmentPlan, Priority};
use mdr_domain::model::survey::{Answer, ResponseStatus, SurveyResponse, SurveyTemplate};
use mdr_domain::model::survey_templates::built_in_templates;
use proptest::prelude::*;
use uuid::Uuid;

use Answer::{Choice, Scale, Text, YesNo};
use ResponseStatus::{Draft, Submitted};

const BASELINE: &str = "2025/26";
const REPEAT: &str = "2026/27";
const ETHICS: &str = "ethical-framework";
const CODE: &str = "code-of-conduct";
const STANDARDS: &str = "standards-committee-role";
const GUIDANCE: &str = "know-where-guidance";
const HOW: &str = "training-how";

fn at(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap() + Duration::minutes(minutes)
}

fn template(id: &str) -> SurveyTemplate {
    built_in_templates()
        .into_iter()
        .find(|t| t.id == id)
        .unwrap()
}

fn member(n: u128, group: &str) -> MemberRecord {
    let mut record = MemberRecord::new(Uuid::from_u128(n), at(0));
    record.profile.full_name = format!("Cllr Member {n}");
    record.profile.council = "Sandwell Metropolitan Borough Council".into();
    record.profile.ward = "Tipton Green".into();
    record.profile.political_group = group.into();
    record
}

/// Adds a response with its own id (`member * 100 + k`) and the given answers.
fn respond(
    record: &mut MemberRecord,
    k: u128,
    template_id: &str,
    round: &str,
    status: ResponseStatus,
    answers: Vec<(&str, Answer)>,
) {
    let id = Uuid::from_u128(record.member_id.as_u128() * 100 + k);
    record.put_response(SurveyResponse {
        id,
        template_id: template_id.into(),
        template_version: 1,
        round: round.into(),
        answers: answers
            .into_iter()
            .map(|(q, a)| (q.to_owned(), a))
            .collect::<BTreeMap<_, _>>(),
        status,
        submitted_at: (status == ResponseStatus::Submitted).then(|| at(k as i64)),
        updated_at: at(k as i64),
    });
}

/// Adds a submitted response made at `when`.
fn respond_on(
    record: &mut MemberRecord,
    k: u128,
    template_id: &str,
    round: &str,
    when: DateTime<Utc>,
    answers: Vec<(&str, Answer)>,
) {
    respond(record, k, template_id, round, Submitted, answers);
    let id = Uuid::from_u128(record.member_id.as_u128() * 100 + k);
    let response = record.surveys.iter_mut().find(|r| r.id == id).unwrap();
    response.submitted_at = Some(when);
    response.updated_at = when;
}

fn on(year: i32, month: u32, day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(year, month, day, 10, 0, 0).unwrap()
}

fn workspace_of(records: &[MemberRecord]) -> OfficerWorkspace {
    let mut workspace = OfficerWorkspace::default();
    for record in records {
        let file = MemberFile::new(record.clone(), 1, Uuid::from_u128(999), at(60));
        workspace.import("member-record.json", &write_member_file(&file));
    }
    assert_eq!(
        workspace.members.len(),
        records.len(),
        "every file imported"
    );
    workspace
}

/// Ten members submit the ethical framework survey in the repeat round: five Labour (one
/// written " Labour "), four Conservative and one who gave no group. Five of them and an
/// eleventh member submit it in the baseline round. Drafts and another template's answers
/// sit alongside and must be ignored.
///
/// Code of conduct, repeat: Labour 4,4,5,3,4 (mean 4.0); Conservative 2,3,3,4; not given 5.
/// Overall 2×1, 3×3, 4×4, 5×2: ten respondents, mean 3.7.
/// Code of conduct, baseline: 3,3,4,2 and 5 from member 11: five respondents, mean 3.4.
fn ethical_workspace() -> OfficerWorkspace {
    let groups = [
        "Labour",
        "Labour",
        "Labour",
        "Labour",
        " Labour ",
        "Conservative",
        "Conservative",
        "Conservative",
        "Conservative",
        "",
        "Labour",
    ];
    let repeat_code = [4, 4, 5, 3, 4, 2, 3, 3, 4, 5];
    let baseline_code: [Option<u8>; 11] = [
        Some(3),
        Some(3),
        Some(4),
        Some(2),
        None,
        None,
        None,
        None,
        None,
        None,
        Some(5),
    ];
    let repeat_how = [
        Some("e-learning"),
        Some("e-learning"),
        Some("induction"),
        None,
        None,
        Some("face-to-face"),
        Some("no-such-option"),
        None,
        None,
        None,
    ];
    let mut records = Vec::new();
    for (i, group) in groups.iter().enumerate() {
        let n = i as u128 + 1;
        let mut record = member(n, group);
        if let Some(code) = baseline_code[i] {
            let guidance = matches!(n, 1 | 2);
            respond(
                &mut record,
                1,
                "ethical-framework",
                BASELINE,
                Submitted,
                vec![(CODE, Scale(code)), (GUIDANCE, YesNo(guidance))],
            );
        }
        if n == 5 {
            // A baseline draft: not counted.
            respond(
                &mut record,
                2,
                "ethical-framework",
                BASELINE,
                Draft,
                vec![(CODE, Scale(1)), (GUIDANCE, YesNo(true))],
            );
        }
        if n <= 10 {
            let mut answers = vec![
                (CODE, Scale(repeat_code[i])),
                (GUIDANCE, YesNo(n <= 7)),
                (
                    "ethics-learning-wishes",
                    Text("More on the register of interests".into()),
                ),
            ];
            if let Some(how) = repeat_how[i] {
                answers.push((HOW, Choice(how.into())));
            }
            respond(
                &mut record,
                3,
                "ethical-framework",
                REPEAT,
                Submitted,
                answers,
            );
        } else {
            // Member 11's repeat is only a draft, with answers that would change every
            // count: it must not be counted, nor make Labour a group of six.
            respond(
                &mut record,
                3,
                "ethical-framework",
                REPEAT,
                Draft,
                vec![(CODE, Scale(1)), (GUIDANCE, YesNo(false))],
            );
        }
        // Another template's answers to a question of the same id.
        respond(
            &mut record,
            4,
            "skills-self-assessment",
            REPEAT,
            Submitted,
            vec![(CODE, Scale(1))],
        );
        records.push(record);
    }
    workspace_of(&records)
}

fn ethical_results() -> SurveyComparison {
    survey_results(
        &ethical_workspace(),
        &template("ethical-framework"),
        Some(BASELINE),
        REPEAT,
    )
}

fn counts(pairs: &[(&str, usize)]) -> Vec<(String, usize)> {
    pairs.iter().map(|(l, n)| ((*l).to_owned(), *n)).collect()
}

#[test]
fn likert_counts_and_means_are_exact_and_drafts_are_ignored() {
    let c = ethical_results();
    assert_eq!(c.template_title, "Ethical framework self-assessment");
    assert_eq!(c.baseline_round.as_deref(), Some(BASELINE));
    assert_eq!(c.latest_round, REPEAT);

    let code = c.questions.iter().find(|q| q.question_id == CODE).unwrap();
    assert_eq!(
        code.text,
        "How well do you understand the members' code of conduct?"
    );
    assert_eq!(code.baseline.as_ref().unwrap().respondents, 5);
    assert_eq!(
        code.baseline.as_ref().unwrap().counts,
        counts(&[("1", 0), ("2", 1), ("3", 2), ("4", 1), ("5", 1)])
    );
    assert!((code.baseline.as_ref().unwrap().mean.unwrap() - 3.4).abs() < 1e-9);

    assert_eq!(code.latest.respondents, 10);
    assert_eq!(
        code.latest.counts,
        counts(&[("1", 0), ("2", 1), ("3", 3), ("4", 4), ("5", 2)])
    );
    assert!((code.latest.mean.unwrap() - 3.7).abs() < 1e-9);

    let standards = c
        .questions
        .iter()
        .find(|q| q.question_id == STANDARDS)
        .unwrap();
    assert_eq!(standards.latest.respondents, 0, "nobody answered it");
    assert_eq!(standards.latest.mean, None);
    assert!(standards.latest.counts.iter().all(|(_, n)| *n == 0));
}

#[test]
fn yes_no_and_single_choice_are_counted_in_template_order() {
    let c = ethical_results();
    let guidance = c
        .questions
        .iter()
        .find(|q| q.question_id == GUIDANCE)
        .unwrap();
    assert_eq!(guidance.baseline.as_ref().unwrap().respondents, 5);
    assert_eq!(
        guidance.baseline.as_ref().unwrap().counts,
        counts(&[("Yes", 2), ("No", 3)])
    );
    assert_eq!(guidance.latest.respondents, 10);
    assert_eq!(guidance.latest.counts, counts(&[("Yes", 7), ("No", 3)]));
    assert_eq!(guidance.latest.mean, None);

    let how = c.questions.iter().find(|q| q.question_id == HOW).unwrap();
    assert_eq!(
        how.latest.respondents, 4,
        "an unknown option is not counted"
    );
    assert_eq!(
        how.latest.counts,
        counts(&[
            ("At induction", 1),
            ("Face-to-face session", 1),
            ("E-learning", 2),
            ("Other", 0),
        ])
    );
    assert_eq!(how.baseline.as_ref().unwrap().respondents, 0);
    assert_eq!(how.latest.mean, None);
}

#[test]
fn free_text_questions_are_left_out_and_the_rest_keep_template_order() {
    let c = ethical_results();
    let ids: Vec<&str> = c.questions.iter().map(|q| q.question_id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "standards-committee-role",
            "monitoring-officer-role",
            "code-of-conduct",
            "register-of-interests",
            "gifts-hospitality",
            "member-officer-protocol",
            "know-where-guidance",
            "trained-last-three-years",
            "training-how",
        ]
    );
}

#[test]
fn a_group_of_four_is_suppressed_and_a_group_of_five_is_shown() {
    let c = ethical_results();
    let cell = |group: &str, question: &str| {
        c.by_group
            .iter()
            .find(|g| g.group == group && g.question_id == question)
            .unwrap_or_else(|| panic!("no cell for {group} / {question}"))
            .clone()
    };

    let labour = cell("Labour", CODE);
    assert_eq!(
        labour.respondents, 5,
        "\" Labour \" is Labour; the draft is not"
    );
    assert!((labour.mean.unwrap() - 4.0).abs() < 1e-9);
    assert_eq!(labour.shown_count(), "5");

    let conservative = cell("Conservative", CODE);
    assert_eq!(conservative.respondents, 4);
    assert_eq!(conservative.mean, None);
    assert_eq!(conservative.shown_count(), "fewer than 5");

    let not_given = cell("Not given", CODE);
    assert_eq!(not_given.respondents, 1);
    assert_eq!(not_given.mean, None);
    assert_eq!(not_given.shown_count(), "fewer than 5");

    // Every scale question, every group, groups alphabetical with "Not given" last.
    let scale_questions = 6;
    assert_eq!(c.by_group.len(), scale_questions * 3);
    let groups: Vec<&str> = c.by_group[..3].iter().map(|g| g.group.as_str()).collect();
    assert_eq!(groups, ["Conservative", "Labour", "Not given"]);
    assert!(
        c.by_group
            .iter()
            .all(|g| g.mean.is_none() == (g.respondents < SMALL_CELL))
    );
    assert!(
        c.by_group.iter().all(|g| g.question_id != GUIDANCE),
        "only scale questions are broken down"
    );
}

/// Green 7, Labour 5 and two who gave no group: the two are hidden, and so is Labour, or
/// their mean could be worked out from the question's total and Green's.
#[test]
fn a_lone_small_group_hides_the_next_smallest_group_too() {
    let groups = [("Green", 7), ("Labour", 5), ("", 2)];
    let mut records = Vec::new();
    for (group, count) in groups {
        for _ in 0..count {
            let mut record = member(records.len() as u128 + 1, group);
            respond(
                &mut record,
                1,
                "ethical-framework",
                REPEAT,
                Submitted,
                vec![(CODE, Scale(4))],
            );
            records.push(record);
        }
    }
    let c = survey_results(
        &workspace_of(&records),
        &template("ethical-framework"),
        Some(BASELINE),
        REPEAT,
    );
    let shown: Vec<(&str, String, String)> = c
        .by_group
        .iter()
        .filter(|g| g.question_id == CODE)
        .map(|g| (g.group.as_str(), g.shown_count(), g.shown_mean()))
        .collect();
    assert_eq!(
        shown,
        [
            ("Green", "7".to_owned(), "4.00".to_owned()),
            ("Labour", "hidden".to_owned(), "hidden".to_owned()),
            (
                "Not given",
                "fewer than 5".to_owned(),
                "fewer than 5".to_owned()
            ),
        ]
    );
    let csv = survey_results_csv(&c).text();
    let code = "How well do you understand the members' code of conduct?";
    assert!(
        csv.contains(&format!("{code},Group: Labour,,hidden\r\n")),
        "{csv}"
    );
    assert!(
        csv.contains(&format!("{code},Group: Not given,,fewer than 5\r\n")),
        "{csv}"
    );
}

#[test]
fn the_csv_has_a_bom_a_header_counts_means_and_suppressed_groups() {
    let c = ethical_results();
    let csv = survey_results_csv(&c).text();
    assert!(csv.starts_with('\u{feff}'));
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(
        lines[0],
        "Question,Answer,2025/26 (baseline),2026/27 (repeat)"
    );
    let code = "How well do you understand the members' code of conduct?";
    for line in [
        format!("{code},3,2,3"),
        format!("{code},Respondents,5,10"),
        format!("{code},Mean,3.40,3.70"),
        format!("{code},Group: Labour,,4.00"),
        format!("{code},Group: Conservative,,fewer than 5"),
        format!("{code},Group: Not given,,fewer than 5"),
        "Do you know where to find guidance on the ethical framework?,Yes,2,7".to_owned(),
        "How did you receive it?,E-learning,0,2".to_owned(),
    ] {
        assert!(lines.contains(&line.as_str()), "missing line: {line}");
    }
    assert!(
        !lines
            .iter()
            .any(|l| l.starts_with("Do you know where to find guidance") && l.contains("Mean")),
        "a yes/no question has no mean"
    );
    assert!(
        !csv.contains("Anything else you would like to learn"),
        "free text is left out"
    );
}

fn plan(year: i32, courses: &[&str], other: &[&str], needs: &[&str]) -> DevelopmentPlan {
    let mut plan =
        DevelopmentPlan::blank(MunicipalYear { starts_in: year }, Default::default(), at(0));
    plan.requested_courses = courses
        .iter()
        .map(|t| CourseRequest {
            course_id: t.to_lowercase().replace(' ', "-"),
            title: (*t).to_owned(),
        })
        .collect();
    plan.other_requests = other.iter().map(|s| (*s).to_owned()).collect();
    plan.needs = needs
        .iter()
        .enumerate()
        .map(|(i, need)| DevelopmentNeed {
            id: Uuid::from_u128(5000 + i as u128),
            need: (*need).to_owned(),
            priority: Priority::High,
            why: String::new(),
            preferred_format: None,
        })
        .collect();
    plan
}

fn topics(ids: &[&str]) -> Answer {
    Answer::Choices(ids.iter().map(|s| (*s).to_owned()).collect())
}

/// Five members:
/// 1. an older plan asking for "Old thing"; the 2026 plan asks for the chairing course,
///    "Chairing meetings" and "Public speaking"; survey chooses chairing and social media.
/// 2. the 2026 plan asks for the chairing course, " chairing MEETINGS " and the need
///    "Chairing meetings" (one member, counted once); surveys: social media in 2025/26,
///    scrutiny in 2026/27 (the latest), and a later draft choosing planning.
/// 3. no plan; survey chooses social media and chairing.
/// 4. the 2026 need "using Social media effectively"; survey chooses social media.
/// 5. only a 2024 plan, asking for "Chairing meetings" and a blank request.
fn needs_workspace() -> OfficerWorkspace {
    let chairing_course = "Chairing Skills for Virtual Meetings";
    let mut one = member(1, "Labour");
    one.put_plan(plan(2025, &[], &["Old thing"], &[]));
    one.put_plan(plan(
        2026,
        &[chairing_course],
        &["Chairing meetings"],
        &["Public speaking"],
    ));
    respond(
        &mut one,
        1,
        "training-needs",
        REPEAT,
        Submitted,
        vec![
            ("priority-topics", topics(&["chairing", "social-media"])),
            ("top-priority", Choice("chairing".into())),
            ("ict-confidence", Scale(2)),
            ("hours-per-year", Answer::Number(10)),
        ],
    );

    let mut two = member(2, "Labour");
    two.put_plan(plan(
        2026,
        &[chairing_course],
        &[" chairing MEETINGS "],
        &["Chairing meetings"],
    ));
    respond(
        &mut two,
        1,
        "training-needs",
        BASELINE,
        Submitted,
        vec![("priority-topics", topics(&["social-media"]))],
    );
    respond(
        &mut two,
        2,
        "training-needs",
        REPEAT,
        Submitted,
        vec![
            ("priority-topics", topics(&["scrutiny"])),
            ("ict-confidence", Scale(5)),
            ("hours-per-year", Answer::Number(25)),
        ],
    );
    respond(
        &mut two,
        3,
        "training-needs",
        "2027/28",
        Draft,
        vec![("priority-topics", topics(&["planning-licensing"]))],
    );

    let mut three = member(3, "");
    respond(
        &mut three,
        1,
        "training-needs",
        REPEAT,
        Submitted,
        vec![("priority-topics", topics(&["social-media", "chairing"]))],
    );

    let mut four = member(4, "Conservative");
    four.put_plan(plan(2026, &[], &[], &["using Social media effectively"]));
    respond(
        &mut four,
        1,
        "training-needs",
        REPEAT,
        Submitted,
        vec![("priority-topics", topics(&["social-media"]))],
    );

    let mut five = member(5, "Conservative");
    five.put_plan(plan(2024, &[], &["Chairing meetings", "   "], &[]));

    workspace_of(&[one, two, three, four, five])
}

#[test]
fn needs_are_counted_by_member_merged_by_spelling_and_ranked() {
    let rows = needs_analysis(&needs_workspace());
    let got: Vec<(&str, usize, &str)> = rows
        .iter()
        .map(|r| (r.topic.as_str(), r.members, r.sources.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("Chairing meetings", 3, "plans: 3"),
            ("Using social media effectively", 3, "plans: 1, survey: 3"),
            ("Chairing meetings and committees", 2, "survey: 2"),
            ("Chairing Skills for Virtual Meetings", 2, "plans: 2"),
            ("Public speaking", 1, "plans: 1"),
            ("Scrutiny and questioning skills", 1, "survey: 1"),
        ]
    );
}

#[test]
fn the_needs_csv_has_its_header_and_one_row_per_item() {
    let csv = needs_analysis_csv(&needs_analysis(&needs_workspace())).text();
    assert!(csv.starts_with('\u{feff}'));
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(lines[0], "Topic or course,Members asking,Where from");
    assert_eq!(
        lines[2],
        "Using social media effectively,3,\"plans: 1, survey: 3\""
    );
    assert_eq!(
        lines.len(),
        1 + 6 + 1,
        "header, six rows, and the last line end"
    );
}

#[test]
fn multiple_choice_counts_each_option_and_numbers_have_only_a_mean() {
    let c = survey_results(
        &needs_workspace(),
        &template("training-needs"),
        Some(BASELINE),
        REPEAT,
    );
    let priority = c
        .questions
        .iter()
        .find(|q| q.question_id == "priority-topics")
        .unwrap();
    assert_eq!(priority.latest.respondents, 4);
    let count = |label: &str| {
        priority
            .latest
            .counts
            .iter()
            .find(|(l, _)| l == label)
            .unwrap()
            .1
    };
    assert_eq!(count("Using social media effectively"), 3);
    assert_eq!(count("Chairing meetings and committees"), 2);
    assert_eq!(count("Scrutiny and questioning skills"), 1);
    assert_eq!(
        count("Planning and licensing"),
        0,
        "another round is not counted"
    );
    assert_eq!(priority.latest.counts.len(), 9, "every option, in order");
    assert_eq!(priority.baseline.as_ref().unwrap().respondents, 1);

    let hours = c
        .questions
        .iter()
        .find(|q| q.question_id == "hours-per-year")
        .unwrap();
    assert!(hours.latest.counts.is_empty());
    assert_eq!(hours.latest.respondents, 2);
    assert!((hours.latest.mean.unwrap() - 17.5).abs() < 1e-9);
    assert_eq!(hours.baseline.as_ref().unwrap().mean, None);
    assert!(
        c.questions
            .iter()
            .all(|q| q.question_id != "access-needs-detail")
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn likert_counts_sum_to_the_respondents_and_the_mean_is_on_the_scale(
        answers in proptest::collection::vec(
            (proptest::option::of(1u8..=5), 0usize..3, any::<bool>()),
            0..14,
        ),
    ) {
        let groups = ["Green", "Labour", ""];
        let records: Vec<MemberRecord> = answers
            .iter()
            .enumerate()
            .map(|(i, (scale, group, submitted))| {
                let mut record = member(i as u128 + 1, groups[*group]);
                let given: Vec<(&str, Answer)> =
                    scale.iter().map(|n| (CODE, Scale(*n))).collect();
                let status = if *submitted { Submitted } else { Draft };
                respond(&mut record, 1, "ethical-framework", REPEAT, status, given);
                record
            })
            .collect();
        let c = survey_results(
            &workspace_of(&records),
            &template("ethical-framework"),
            Some(BASELINE),
            REPEAT,
        );
        let expected = answers.iter().filter(|(s, _, submitted)| s.is_some() && *submitted).count();
        for q in &c.questions {
            if q.question_id != CODE && q.question_id != STANDARDS {
                continue;
            }
            let d = &q.latest;
            prop_assert_eq!(d.counts.len(), 5);
            prop_assert_eq!(d.counts.iter().map(|(_, n)| n).sum::<usize>(), d.respondents);
            match d.mean {
                Some(mean) => prop_assert!((1.0..=5.0).contains(&mean)),
                None => prop_assert_eq!(d.respondents, 0),
            }
        }
        let code = c.questions.iter().find(|q| q.question_id == CODE).unwrap();
        prop_assert_eq!(code.latest.respondents, expected);
        let by_group: usize = c
            .by_group
            .iter()
            .filter(|g| g.question_id == CODE)
            .map(|g| g.respondents)
            .sum();
        prop_assert_eq!(by_group, expected);
        for g in &c.by_group {
            prop_assert_eq!(g.mean.is_none(), g.is_suppressed());
            if g.respondents < SMALL_CELL {
                prop_assert!(g.is_suppressed());
                prop_assert_eq!(g.shown_count(), "fewer than 5");
            }
            if let Some(mean) = g.mean {
                prop_assert!((1.0..=5.0).contains(&mean));
            }
        }
        for question in [CODE, STANDARDS] {
            let cells: Vec<_> = c.by_group.iter().filter(|g| g.question_id == question).collect();
            let small = cells.iter().filter(|g| g.respondents > 0 && g.respondents < SMALL_CELL).count();
            let shown: Vec<usize> = cells.iter().filter(|g| !g.is_suppressed()).map(|g| g.respondents).collect();
            let protecting: Vec<_> = cells
                .iter()
                .filter(|g| g.is_suppressed() && g.respondents >= SMALL_CELL)
                .collect();
            // A lone small group is never the only hidden group while any is shown.
            if small == 1 && !shown.is_empty() {
                prop_assert_eq!(protecting.len(), 1);
            }
            // A large group is hidden only to protect a lone small group, and it is the
            // smallest of the large groups.
            if let Some(p) = protecting.first() {
                prop_assert_eq!(small, 1);
                prop_assert_eq!(protecting.len(), 1);
                prop_assert!(shown.iter().all(|&n| n >= p.respondents));
                prop_assert_eq!(p.shown_count(), "hidden");
            }
        }
    }
}

/// Six Labour members answer the ethical framework survey in 2026/27, the only round so far:
/// code of conduct 3, 3, 4, 4, 4, 4 (mean 3.67); five know where to find guidance.
fn one_round_workspace() -> OfficerWorkspace {
    let records: Vec<MemberRecord> = (1..=6)
        .map(|n| {
            let mut record = member(n, "Labour");
            respond(
                &mut record,
                1,
                "ethical-framework",
                REPEAT,
                Submitted,
                vec![
                    (CODE, Scale(if n <= 2 { 3 } else { 4 })),
                    (GUIDANCE, YesNo(n != 6)),
                ],
            );
            record
        })
        .collect();
    workspace_of(&records)
}

#[test]
fn a_survey_answered_in_one_round_is_reported_as_that_round_alone() {
    let workspace = one_round_workspace();
    let template = template("ethical-framework");
    assert_eq!(survey_rounds(&workspace, &template.id, None), [REPEAT]);
    let c = latest_survey_results(&workspace, &template, None).unwrap();
    assert_eq!(c.baseline_round, None, "no round to compare it with");
    assert_eq!(c.latest_round, REPEAT);
    assert!(c.questions.iter().all(|q| q.baseline.is_none()));
    let code = c.questions.iter().find(|q| q.question_id == CODE).unwrap();
    assert_eq!(code.latest.respondents, 6);
    assert!((code.latest.mean.unwrap() - 22.0 / 6.0).abs() < 1e-9);

    // Asked to compare the round with itself, it still reports one round.
    assert_eq!(
        survey_results(&workspace, &template, Some(REPEAT), REPEAT),
        c
    );

    let csv = survey_results_csv(&c).text();
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(lines[0], "Question,Answer,2026/27");
    let code_text = "How well do you understand the members' code of conduct?";
    for line in [
        format!("{code_text},3,2"),
        format!("{code_text},4,4"),
        format!("{code_text},Respondents,6"),
        format!("{code_text},Mean,3.67"),
        format!("{code_text},Group: Labour,3.67"),
        "Do you know where to find guidance on the ethical framework?,Yes,5".to_owned(),
    ] {
        assert!(
            lines.contains(&line.as_str()),
            "missing line: {line}\n{csv}"
        );
    }
    assert!(!csv.contains("baseline") && !csv.contains("repeat"));
    assert!(
        lines
            .iter()
            .filter(|l| !l.is_empty())
            .all(|l| !l.ends_with(',')),
        "no empty column for a baseline that is not there"
    );
}

#[test]
fn a_survey_nobody_has_submitted_has_no_results() {
    let mut drafting = member(1, "Labour");
    respond(
        &mut drafting,
        1,
        "ethical-framework",
        REPEAT,
        Draft,
        vec![(CODE, Scale(3))],
    );
    let workspace = workspace_of(&[drafting]);
    let template = template("ethical-framework");
    assert!(survey_rounds(&workspace, &template.id, None).is_empty());
    assert_eq!(latest_survey_results(&workspace, &template, None), None);
}

#[test]
fn each_surveys_download_is_named_after_the_survey() {
    assert_eq!(
        ethical_results().file_stem(),
        "ethical-framework-self-assessment-results"
    );
    let skills = survey_results(
        &one_round_workspace(),
        &template("skills-self-assessment"),
        None,
        REPEAT,
    );
    assert_eq!(skills.file_stem(), "skills-self-assessment-results");
}

/// Members answer a round named "Jun 2026" in June and one named "Dec 2026" in December:
/// by name "Dec 2026" comes first, by time it is the later round.
#[test]
fn rounds_are_compared_in_the_order_they_took_place_not_by_their_names() {
    let records: Vec<MemberRecord> = (1..=5)
        .map(|n| {
            let mut record = member(n, "Labour");
            respond_on(
                &mut record,
                1,
                "ethical-framework",
                "Jun 2026",
                on(2026, 6, 10 + n as u32),
                vec![(CODE, Scale(2))],
            );
            if n <= 4 {
                respond_on(
                    &mut record,
                    2,
                    "ethical-framework",
                    "Dec 2026",
                    on(2026, 12, n as u32),
                    vec![(CODE, Scale(4))],
                );
            }
            record
        })
        .collect();
    let workspace = workspace_of(&records);
    let template = template("ethical-framework");
    assert_eq!(
        survey_rounds(&workspace, &template.id, None),
        ["Jun 2026", "Dec 2026"]
    );
    let c = latest_survey_results(&workspace, &template, None).unwrap();
    assert_eq!(c.baseline_round.as_deref(), Some("Jun 2026"));
    assert_eq!(c.latest_round, "Dec 2026");
    let code = c.questions.iter().find(|q| q.question_id == CODE).unwrap();
    assert_eq!(code.baseline.as_ref().unwrap().respondents, 5);
    assert_eq!(code.latest.respondents, 4);
    assert!((code.latest.mean.unwrap() - 4.0).abs() < 1e-9);
    let csv = survey_results_csv(&c).text();
    assert!(
        csv.contains("Question,Answer,Jun 2026 (baseline),Dec 2026 (repeat)\r\n"),
        "{csv}"
    );
}

/// A round's opening day, from the council pack, places it even when its answers came
/// late; rounds on one day go in the order the council's packs first named them.
#[test]
fn a_rounds_opening_day_and_the_packs_that_named_it_place_it_in_time() {
    let pack = |version: u32, round: &str, opens_on: Option<NaiveDate>| {
        let mut pack = CouncilPack::starting(
            "Sandwell Metropolitan Borough Council",
            NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(),
            on(2026, 5, 1),
        );
        pack.pack_version = version;
        for survey in &mut pack.surveys {
            survey.round = round.to_owned();
            survey.opens_on = opens_on;
        }
        pack
    };
    // A member who applied `pack` and answered `template` in `round` at `when`.
    let answered = |n: u128, pack: Option<CouncilPack>, template: &str, round: &str, when| {
        let mut record = member(n, "Labour");
        record.pack = pack;
        respond_on(
            &mut record,
            1,
            template,
            round,
            when,
            vec![(CODE, Scale(3))],
        );
        record
    };
    // "Autumn review" opened on 1 Sep 2026 but was answered only in March; "Spring
    // review" was answered in February. Both names sort the wrong way round.
    let autumn = pack(2, "Autumn review", NaiveDate::from_ymd_opt(2026, 9, 1));
    let workspace = workspace_of(&[
        answered(1, Some(autumn), ETHICS, "Autumn review", on(2027, 3, 5)),
        answered(
            2,
            Some(pack(3, "Spring review", None)),
            ETHICS,
            "Spring review",
            on(2027, 2, 1),
        ),
    ]);
    assert_eq!(
        survey_rounds(&workspace, ETHICS, None),
        ["Autumn review", "Spring review"]
    );

    // Two rounds answered on the same day, with no opening days: "Old round", named in
    // version 4 of the pack, comes before "New round", named in version 5.
    let skills = "skills-self-assessment";
    let workspace = workspace_of(&[
        answered(
            3,
            Some(pack(4, "Old round", None)),
            skills,
            "Old round",
            on(2027, 1, 9),
        ),
        answered(4, None, skills, "New round", on(2027, 1, 9)),
    ]);
    let officers = pack(5, "New round", None);
    assert_eq!(
        survey_rounds(&workspace, skills, Some(&officers)),
        ["Old round", "New round"]
    );
}

/// The needs analysis reads each member's latest training needs survey by time too:
/// social media in "Jun 2026", scrutiny in "Dec 2026".
#[test]
fn the_needs_analysis_reads_the_training_needs_survey_of_the_latest_round_in_time() {
    let mut record = member(1, "Labour");
    respond_on(
        &mut record,
        1,
        "training-needs",
        "Jun 2026",
        on(2026, 6, 12),
        vec![("priority-topics", topics(&["social-media"]))],
    );
    respond_on(
        &mut record,
        2,
        "training-needs",
        "Dec 2026",
        on(2026, 12, 2),
        vec![("priority-topics", topics(&["scrutiny"]))],
    );
    let rows = needs_analysis(&workspace_of(&[record]));
    let topics: Vec<&str> = rows.iter().map(|r| r.topic.as_str()).collect();
    assert_eq!(topics, ["Scrutiny and questioning skills"]);
}

/// Members say what would help them take part, in the training needs survey and in
/// their plan, and the officer sees it in their words:
/// 1. survey: yes, "I need a hearing loop"; 2026 plan: "Papers in large print".
/// 2. survey: yes, with nothing written.
/// 3. survey: no; a plan with the box left blank.
/// 4. an older plan asking for step-free access; the 2026 plan: "Childcare on weekday
///    evenings".
/// 5. yes ("Large print") in "Jun 2026", then no in "Dec 2026": the later answer stands.
/// 6. survey: yes, "Step-free access"; plan: " step-free  access " (one need, two places).
/// 7. only a draft saying yes: not counted.
fn access_workspace() -> OfficerWorkspace {
    let needs = |detail: Option<&str>, yes: bool| {
        let mut answers = vec![("access-needs", YesNo(yes))];
        if let Some(detail) = detail {
            answers.push(("access-needs-detail", Text(detail.into())));
        }
        answers
    };
    // A member who answered the training needs survey in 2026/27.
    let surveyed = |n: u128, status: ResponseStatus, detail: Option<&str>, yes: bool| {
        let mut record = member(n, "Labour");
        respond(
            &mut record,
            1,
            "training-needs",
            REPEAT,
            status,
            needs(detail, yes),
        );
        record
    };
    let with_plan = |record: &mut MemberRecord, year: i32, access: &str| {
        let mut plan = plan(year, &[], &[], &[]);
        plan.preferences.access_needs = access.into();
        record.put_plan(plan);
    };
    let mut one = surveyed(1, Submitted, Some("I need a hearing loop"), true);
    with_plan(&mut one, 2026, "Papers in large print");
    let two = surveyed(2, Submitted, None, true);
    let mut three = surveyed(3, Submitted, None, false);
    with_plan(&mut three, 2026, "   ");
    let mut four = member(4, "Conservative");
    with_plan(&mut four, 2025, "Step-free access");
    with_plan(&mut four, 2026, "Childcare on weekday evenings");
    let mut five = member(5, "Conservative");
    for (k, round, day, answers) in [
        (
            1,
            "Jun 2026",
            on(2026, 6, 3),
            needs(Some("Large print"), true),
        ),
        (2, "Dec 2026", on(2026, 12, 3), needs(None, false)),
    ] {
        respond_on(&mut five, k, "training-needs", round, day, answers);
    }
    let mut six = surveyed(6, Submitted, Some("Step-free access"), true);
    with_plan(&mut six, 2026, " step-free  access ");
    let seven = surveyed(7, Draft, Some("Should not be seen"), true);
    workspace_of(&[one, two, three, four, five, six, seven])
}

#[test]
fn the_officer_sees_each_members_access_and_caring_needs_in_their_own_words() {
    let rows = access_needs(&access_workspace());
    let got: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| (r.member.as_str(), r.need.as_str(), r.source.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "Cllr Member 1",
                "Papers in large print",
                "Development plan 2026/27"
            ),
            (
                "Cllr Member 1",
                "I need a hearing loop",
                "Training needs survey (2026/27)"
            ),
            (
                "Cllr Member 2",
                NO_DETAILS,
                "Training needs survey (2026/27)"
            ),
            (
                "Cllr Member 4",
                "Childcare on weekday evenings",
                "Development plan 2026/27"
            ),
            (
                "Cllr Member 6",
                "step-free  access",
                "Development plan 2026/27; Training needs survey (2026/27)"
            ),
        ]
    );
    assert!(rows.iter().all(|r| r.ward == "Tipton Green"));
}

#[test]
fn the_access_needs_csv_reads_back_each_need_in_the_members_words() {
    let csv = access_needs_csv(&access_needs(&access_workspace())).text();
    let text = csv.strip_prefix('\u{feff}').expect("a byte-order mark");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        vec!["Member", "Ward or division", "Need", "Where from"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 5);
    assert_eq!(&rows[1][2], "I need a hearing loop");
    assert_eq!(
        &rows[4][3],
        "Development plan 2026/27; Training needs survey (2026/27)"
    );
}
