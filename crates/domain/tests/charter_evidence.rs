//! The Charter evidence, on a council whose every figure is worked out by hand below: the
//! budget and its spend, plans and PDP meetings, needs asked for, mandatory compliance, a
//! survey repeated, evaluations returned and the formats of learning; what each element
//! says when there is nothing to evidence it from; the officer's actions kept and read
//! back; and the sheet and CSV in the action plan's shape.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use mdr_domain::consolidate::{
    Cell, CharterAction, CharterActions, CharterCriterion, CharterElement, CharterEvidence,
    ColumnKind, CsvReport, NO_MEMBERS_HELD, OfficerWorkspace, Sheet, WorkbookSource,
    charter_evidence, charter_evidence_csv, charter_evidence_table, report_csv, report_table,
};
use mdr_domain::exchange::{MemberFile, write_member_file};
use mdr_domain::model::due::MunicipalYear;
use mdr_domain::model::pack::CouncilPack;
use mdr_domain::model::plan::{CourseRequest, DevelopmentNeed, DevelopmentPlan, Priority};
use mdr_domain::model::survey::{Answer, ResponseStatus, SurveyResponse};
use mdr_domain::model::{
    ActivityStatus, Evaluation, LearningActivity, MemberRecord, Vocabulary, default_catalogue,
};
use mdr_domain::store::officer::{
    OFFICER_CHARTER_ACTIONS, load_charter_actions, save_charter_actions,
};
use mdr_domain::store::{MemoryStorage, Storage, StoreError};
use uuid::Uuid;

use CharterElement::{
    Budget, Evaluation as Evaluated, Formats, Mandatory, PdpNeeds, SurveyRepeated,
};

fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// 1 December 2026, in the municipal year 2026/27 (1 May 2026 to 30 April 2027).
fn today() -> NaiveDate {
    date(2026, 12, 1)
}

fn year() -> MunicipalYear {
    MunicipalYear { starts_in: 2026 }
}

/// Sandwell's pack: a budget of £5,000.00 and five courses offered, taken from the
/// built-in catalogue as they are there:
///
/// - Code of Conduct: face to face, free, mandatory for all members, every 36 months;
/// - Licensing committee training: face to face, free, mandatory for the licensing
///   committee, every 12 months;
/// - Chairing Skills for Virtual Meetings: online, £60.00;
/// - LGA Leadership Academy: blended, £1,950.00;
/// - Using Social Media effectively: online, free;
///
/// and Presenting with Impact (online, £60.00), retired: neither offered nor paid for.
fn pack() -> CouncilPack {
    let mut pack = CouncilPack::starting("Sandwell Metropolitan Borough Council", today(), at());
    let catalogue = default_catalogue();
    pack.courses = [
        "code-of-conduct",
        "licensing-committee",
        "chairing-virtual-meetings",
        "leadership-academy",
        "social-media",
        "presenting-with-impact",
    ]
    .iter()
    .map(|id| catalogue.iter().find(|c| c.id == *id).unwrap().clone())
    .collect();
    pack.courses[5].retired = true;
    pack.budget_pence = 500_000;
    assert_eq!(pack.fault(), None);
    pack
}

fn member(n: u128, name: &str, roles: &[&str]) -> MemberRecord {
    let mut record = MemberRecord::new(Uuid::from_u128(n), at());
    record.profile.full_name = name.into();
    record.profile.council = "Sandwell Metropolitan Borough Council".into();
    record.profile.ward = "Tipton Green".into();
    record.profile.roles = roles.iter().map(|r| (*r).to_owned()).collect();
    record.profile.date_elected = Some(date(2021, 5, 6));
    record
}

fn evaluation() -> Evaluation {
    Evaluation {
        rating: 4,
        usefulness: 5,
        do_differently: String::new(),
        would_recommend: true,
        comments: "Well run.".into(),
    }
}

/// Logs a course from the built-in catalogue: completed on `on`, or planned to start on it.
fn log(
    record: &mut MemberRecord,
    n: u128,
    course: &str,
    status: ActivityStatus,
    on: NaiveDate,
    evaluated: bool,
) {
    let catalogue = default_catalogue();
    let course = catalogue.iter().find(|c| c.id == course).unwrap();
    let mut activity = LearningActivity::for_course(Uuid::from_u128(n), course, at());
    activity.status = status;
    match status {
        ActivityStatus::Completed => activity.completed_on = Some(on),
        _ => activity.start_date = Some(on),
    }
    activity.evaluation = evaluated.then(evaluation);
    record.put_activity(activity);
}

fn plan(year: i32, needs: &[&str], meeting: Option<NaiveDate>) -> DevelopmentPlan {
    let mut plan =
        DevelopmentPlan::blank(MunicipalYear { starts_in: year }, Default::default(), at());
    plan.needs = needs
        .iter()
        .enumerate()
        .map(|(i, need)| DevelopmentNeed {
            id: Uuid::from_u128(900 + i as u128),
            need: (*need).to_owned(),
            priority: Priority::High,
            why: String::new(),
            preferred_format: None,
        })
        .collect();
    plan.meeting.date = meeting;
    plan
}

fn respond(
    record: &mut MemberRecord,
    k: u128,
    template_id: &str,
    round: &str,
    status: ResponseStatus,
    when: DateTime<Utc>,
) {
    let answers: BTreeMap<String, Answer> = match template_id {
        "ethical-framework" => [("code-of-conduct".to_owned(), Answer::Scale(4))].into(),
        _ => BTreeMap::new(),
    };
    record.put_response(SurveyResponse {
        id: Uuid::from_u128(record.member_id.as_u128() * 100 + k),
        template_id: template_id.into(),
        template_version: 1,
        round: round.into(),
        answers,
        status,
        submitted_at: (status == ResponseStatus::Submitted).then_some(when),
        updated_at: when,
    });
}

fn on(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 10, 0, 0).unwrap()
}

fn workspace_of(records: Vec<MemberRecord>) -> OfficerWorkspace {
    let mut workspace = OfficerWorkspace::default();
    let count = records.len();
    for (n, record) in records.into_iter().enumerate() {
        let file = MemberFile::new(record, 1, Uuid::from_u128(100 + n as u128), at());
        workspace.import("member-record.json", &write_member_file(&file));
    }
    assert_eq!(workspace.members.len(), count, "every file imported");
    workspace
}

/// Four members of Sandwell, on 1 December 2026:
///
/// - **Cllr Amrit Kaur** (backbench, licensing committee): Code of Conduct done 10 Jan 2024,
///   due again 10 Jan 2027, 40 days off: *due soon*; licensing training done 1 Jun 2026
///   (evaluated), not due until 1 Jun 2027; Chairing Skills for Virtual Meetings done
///   10 Sep 2026 (evaluated, £60.00); the Leadership Academy planned from 3 Feb 2027
///   (£1,950.00). Plan for 2026/27: the need "Chairing meetings", the course "Using Social
///   Media effectively", PDP meeting on 20 Jun 2026 (held). Ethical framework survey
///   submitted in 2025/26 and 2026/27.
/// - **Cllr Gwen Pritchard** (backbench, licensing committee): Code of Conduct done
///   1 Mar 2025; licensing training never: *not done*; Chairing Skills for Virtual
///   Meetings done 5 Oct 2026 (not evaluated, £60.00); her own "Ward walkabout with the
///   police", no format, done 15 Jul 2026; Social Media done 1 Nov 2025 (evaluated, last
///   year); a planned place on the retired Presenting with Impact (not counted). Plan for
///   2026/27: the need "chairing  meetings" (the same as Amrit's), the request "Planning
///   law", PDP meeting on 15 Jan 2027 (not yet held). Ethical framework in both rounds.
/// - **Cllr Olusegun Adebayo** (backbench): Code of Conduct done 1 May 2023, due again
///   1 May 2026: *overdue*; the Leadership Academy done 20 May 2026 (evaluated,
///   £1,950.00). A plan for 2025/26 only, with the need "Public speaking". Ethical
///   framework in 2025/26 only.
/// - **Cllr Zara Ali** (backbench): Code of Conduct done 15 Jun 2026 (not evaluated); a
///   draft of the ethical framework survey in 2026/27 (not counted); the training needs
///   survey submitted in 2026/27.
fn workspace() -> OfficerWorkspace {
    use ActivityStatus::{Completed, Planned};
    use ResponseStatus::{Draft, Submitted};

    let mut amrit = member(
        1,
        "Cllr Amrit Kaur",
        &["backbench-member", "licensing-committee"],
    );
    log(
        &mut amrit,
        10,
        "code-of-conduct",
        Completed,
        date(2024, 1, 10),
        false,
    );
    log(
        &mut amrit,
        11,
        "licensing-committee",
        Completed,
        date(2026, 6, 1),
        true,
    );
    log(
        &mut amrit,
        12,
        "chairing-virtual-meetings",
        Completed,
        date(2026, 9, 10),
        true,
    );
    log(
        &mut amrit,
        13,
        "leadership-academy",
        Planned,
        date(2027, 2, 3),
        false,
    );
    let mut amrits = plan(2026, &["Chairing meetings"], Some(date(2026, 6, 20)));
    amrits.requested_courses.push(CourseRequest {
        course_id: "social-media".into(),
        title: "Using Social Media effectively".into(),
    });
    amrit.put_plan(amrits);
    respond(
        &mut amrit,
        1,
        "ethical-framework",
        "2025/26",
        Submitted,
        on(2025, 6, 1),
    );
    respond(
        &mut amrit,
        2,
        "ethical-framework",
        "2026/27",
        Submitted,
        on(2026, 6, 1),
    );

    let mut gwen = member(
        2,
        "Cllr Gwen Pritchard",
        &["backbench-member", "licensing-committee"],
    );
    log(
        &mut gwen,
        20,
        "code-of-conduct",
        Completed,
        date(2025, 3, 1),
        false,
    );
    log(
        &mut gwen,
        21,
        "chairing-virtual-meetings",
        Completed,
        date(2026, 10, 5),
        false,
    );
    let mut walkabout = LearningActivity::own(Uuid::from_u128(22), at());
    walkabout.title = "Ward walkabout with the police".into();
    walkabout.status = Completed;
    walkabout.completed_on = Some(date(2026, 7, 15));
    walkabout.minutes = 60;
    gwen.put_activity(walkabout);
    log(
        &mut gwen,
        23,
        "social-media",
        Completed,
        date(2025, 11, 1),
        true,
    );
    log(
        &mut gwen,
        24,
        "presenting-with-impact",
        Planned,
        date(2027, 1, 20),
        false,
    );
    let mut gwens = plan(2026, &["chairing  meetings"], Some(date(2027, 1, 15)));
    gwens.other_requests.push("Planning law".into());
    gwen.put_plan(gwens);
    respond(
        &mut gwen,
        1,
        "ethical-framework",
        "2025/26",
        Submitted,
        on(2025, 6, 2),
    );
    respond(
        &mut gwen,
        2,
        "ethical-framework",
        "2026/27",
        Submitted,
        on(2026, 6, 2),
    );

    let mut olusegun = member(3, "Cllr Olusegun Adebayo", &["backbench-member"]);
    log(
        &mut olusegun,
        30,
        "code-of-conduct",
        Completed,
        date(2023, 5, 1),
        false,
    );
    log(
        &mut olusegun,
        31,
        "leadership-academy",
        Completed,
        date(2026, 5, 20),
        true,
    );
    olusegun.put_plan(plan(2025, &["Public speaking"], Some(date(2025, 6, 1))));
    respond(
        &mut olusegun,
        1,
        "ethical-framework",
        "2025/26",
        Submitted,
        on(2025, 6, 3),
    );

    let mut zara = member(4, "Cllr Zara Ali", &["backbench-member"]);
    log(
        &mut zara,
        40,
        "code-of-conduct",
        Completed,
        date(2026, 6, 15),
        false,
    );
    respond(
        &mut zara,
        1,
        "ethical-framework",
        "2026/27",
        Draft,
        on(2026, 6, 4),
    );
    respond(
        &mut zara,
        2,
        "training-needs",
        "2026/27",
        Submitted,
        on(2026, 6, 4),
    );

    workspace_of(vec![amrit, gwen, olusegun, zara])
}

fn sentences(evidence: &CharterEvidence, element: CharterElement) -> Vec<&str> {
    evidence
        .element(element)
        .sentences
        .iter()
        .map(String::as_str)
        .collect()
}

#[test]
fn every_element_of_the_three_criteria_is_evidenced_from_the_records_and_the_pack() {
    let evidence = charter_evidence(&workspace(), Some(&pack()), year(), today());
    assert_eq!(evidence.year, year());
    assert_eq!(evidence.members_held, 4);
    let order: Vec<&str> = evidence.elements.iter().map(|e| e.element.id()).collect();
    assert_eq!(
        order,
        [
            "budget",
            "pdp-needs",
            "mandatory",
            "survey-repeated",
            "evaluation",
            "formats"
        ]
    );
    assert!(evidence.elements.iter().all(|e| e.evidenced));

    // Paid places in 2026/27 on courses the pack offers: Chairing Skills for Virtual
    // Meetings done by Amrit and Gwen (2 × £60.00 = £120.00), the Leadership Academy done by
    // Olusegun and planned by Amrit (2 × £1,950.00 = £3,900.00): £4,020.00 on 4 places,
    // leaving £980.00 of £5,000.00. Gwen's place on the retired course is not counted.
    assert_eq!(
        sentences(&evidence, Budget),
        [
            "£4,020.00 of the £5,000.00 budget for 2026/27 spent or committed on 4 places (Spend report; budget from the council pack).",
            "£980.00 of it is left.",
        ]
    );

    // Plans for 2026/27: Amrit's (meeting held 20 Jun 2026) and Gwen's (meeting on
    // 15 Jan 2027, not yet held); Olusegun's plan is last year's. The needs analysis reads
    // each member's latest plan and training needs survey: "Chairing meetings" (Amrit and
    // Gwen, one topic however spaced), "Using Social Media effectively", "Planning law" and
    // "Public speaking": 4 topics, the first asked for by 2 members.
    assert_eq!(
        sentences(&evidence, PdpNeeds),
        [
            "2 of 4 members have a development plan for 2026/27, and 1 of them has had their PDP meeting (members' development plans).",
            "Members ask for 4 topics or courses in their latest plans and training needs surveys; the most asked for is “Chairing meetings”, by 2 members (Needs analysis).",
        ]
    );

    // Code of Conduct for all members, licensing training for the licensing committee.
    // Compliance lines: Amrit's Code of Conduct due soon, Gwen's licensing training not
    // done, Olusegun's Code of Conduct overdue; only Zara has nothing outstanding. By course:
    // Code of Conduct applies to all 4, up to date for Gwen and Zara; licensing training to
    // Amrit (done in June, up to date) and Gwen.
    assert_eq!(
        sentences(&evidence, Mandatory),
        [
            "The council pack makes 2 courses mandatory: 1 for every member and 1 for particular roles (council pack).",
            "1 of 4 members is up to date with all the mandatory training that applies to them; 3 have a course overdue, not done or due soon (Mandatory compliance report).",
            "Up to date, by course and role: Code of Conduct (All members) 2 of 4; Licensing committee training (Licensing committee member) 1 of 2 (Mandatory compliance summary).",
        ]
    );

    // The ethical framework: Amrit, Gwen and Olusegun submitted in 2025/26; Amrit and Gwen
    // in 2026/27 (Zara's draft does not count). The training needs survey: Zara alone, in
    // 2026/27. Nobody has answered the skills self-assessment, which is left out.
    assert_eq!(
        sentences(&evidence, SurveyRepeated),
        [
            "“Ethical framework self-assessment”: 3 members answered the baseline round (2025/26) and 2 members the repeat round (2026/27) (Survey results).",
            "“Training needs survey” has one round so far, 2026/27, answered by 1 member; it has not been repeated yet (Survey results).",
        ]
    );

    // Completed in 2026/27: Amrit's licensing training and chairing course (both
    // evaluated), Gwen's chairing course and walkabout, Olusegun's Leadership Academy
    // (evaluated), Zara's Code of Conduct: 3 of 6. In all, four evaluations (Gwen's of Social
    // Media, last year, too) of four courses.
    assert_eq!(
        sentences(&evidence, Evaluated),
        [
            "3 of the 6 activities members completed in 2026/27 have an evaluation returned (members' learning records).",
            "In all, members have returned 4 evaluations of 4 courses (Course evaluation report).",
        ]
    );

    // Offered: online (chairing, social media), face to face (Code of Conduct, licensing),
    // blended (Leadership Academy); two each go in the order a form lists formats. Completed
    // in the year: online (Amrit's and Gwen's chairing), face to face (Amrit's licensing,
    // Zara's Code of Conduct), blended (Olusegun's Academy); Gwen's walkabout has no format.
    assert_eq!(
        sentences(&evidence, Formats),
        [
            "The council pack offers courses in 3 formats: online (2 courses), face to face (2) and blended (1) (council pack).",
            "Learning members completed in 2026/27 took 3 formats: online (2 activities), face to face (2) and blended (1); 1 more has no format recorded (members' learning records).",
        ]
    );
}

#[test]
fn each_element_belongs_to_its_criterion_with_a_guideline_and_a_stable_id() {
    let criteria: Vec<(u8, CharterCriterion)> = CharterElement::ALL
        .iter()
        .map(|e| (e.criterion().number(), e.criterion()))
        .collect();
    assert_eq!(
        criteria.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
        [1, 2, 2, 3, 3, 3]
    );
    assert_eq!(
        CharterCriterion::Commitment.heading(),
        "1. There is a clear commitment to councillor development and support"
    );
    assert_eq!(
        CharterCriterion::StrategicApproach.heading(),
        "2. The council has a strategic approach to councillor development"
    );
    assert_eq!(
        CharterCriterion::EffectiveLearning.heading(),
        "3. Learning and development is effective in building councillors' skills and knowledge"
    );
    for element in CharterElement::ALL {
        assert_eq!(CharterElement::from_id(element.id()), Some(*element));
        assert!(!element.guideline().is_empty());
    }
    let evidence = charter_evidence(&workspace(), Some(&pack()), year(), today());
    let third: Vec<&str> = evidence
        .of_criterion(CharterCriterion::EffectiveLearning)
        .map(|e| e.element.id())
        .collect();
    assert_eq!(third, ["survey-repeated", "evaluation", "formats"]);
}

#[test]
fn with_no_member_held_the_whole_evidence_says_so() {
    let evidence = charter_evidence(&OfficerWorkspace::default(), Some(&pack()), year(), today());
    assert_eq!(evidence.members_held, 0);
    assert_eq!(evidence.elements.len(), 6);
    for element in &evidence.elements {
        assert_eq!(element.sentences, [NO_MEMBERS_HELD]);
        assert!(!element.evidenced);
    }
    // Still one row an element, so the officer's plan can be written before files arrive.
    let table = charter_evidence_table(&evidence, &CharterActions::default());
    assert_eq!(table.rows.len(), 6);
    assert!(
        table
            .rows
            .iter()
            .all(|r| r[4] == Cell::text(NO_MEMBERS_HELD))
    );
}

/// Cllr Zara Ali alone, whose record holds only what is before 2026/27: Code of Conduct
/// done 1 Mar 2025 (due again 2028, not mandatory-due), an empty plan for 2025/26.
fn nothing_this_year() -> OfficerWorkspace {
    let mut zara = member(4, "Cllr Zara Ali", &["backbench-member"]);
    log(
        &mut zara,
        40,
        "code-of-conduct",
        ActivityStatus::Completed,
        date(2025, 3, 1),
        false,
    );
    zara.put_plan(plan(2025, &[], None));
    workspace_of(vec![zara])
}

#[test]
fn a_member_with_nothing_in_the_year_gives_sentences_not_noughts() {
    let evidence = charter_evidence(&nothing_this_year(), Some(&pack()), year(), today());
    assert_eq!(evidence.members_held, 1);
    // The budget is set, so it evidences the council's commitment; no place is claimed.
    assert_eq!(
        sentences(&evidence, Budget),
        [
            "The council pack sets a budget of £5,000.00 for 2026/27; no member has recorded a paid place in the year yet (budget from the council pack)."
        ]
    );
    assert!(evidence.element(Budget).evidenced);
    assert_eq!(
        sentences(&evidence, PdpNeeds),
        [
            "No member has a development plan for 2026/27 yet.",
            "No member has recorded a development need or asked for training yet.",
        ]
    );
    assert!(!evidence.element(PdpNeeds).evidenced);
    // Her Code of Conduct is good until 2028; the licensing training is not hers.
    assert_eq!(
        sentences(&evidence, Mandatory),
        [
            "The council pack makes 2 courses mandatory: 1 for every member and 1 for particular roles (council pack).",
            "The 1 member held is up to date with all the mandatory training that applies to them (Mandatory compliance report).",
            "Up to date, by course and role: Code of Conduct (All members) 1 of 1 (Mandatory compliance summary).",
        ]
    );
    assert_eq!(
        sentences(&evidence, SurveyRepeated),
        ["No member has submitted a survey yet, so no self-assessment has been repeated."]
    );
    assert!(!evidence.element(SurveyRepeated).evidenced);
    assert_eq!(
        sentences(&evidence, Evaluated),
        [
            "No member has recorded completing any learning in 2026/27 yet, so none has been evaluated."
        ]
    );
    assert!(!evidence.element(Evaluated).evidenced);
    assert_eq!(
        sentences(&evidence, Formats),
        [
            "The council pack offers courses in 3 formats: online (2 courses), face to face (2) and blended (1) (council pack).",
            "No member has recorded completing any learning in 2026/27 yet.",
        ]
    );
    for element in &evidence.elements {
        for sentence in &element.sentences {
            assert!(
                !sentence.contains("£0.00") && !sentence.contains(" 0 "),
                "{sentence}"
            );
        }
    }
}

#[test]
fn before_the_officer_makes_a_pack_the_built_in_catalogue_is_named_and_no_budget_claimed() {
    let evidence = charter_evidence(&nothing_this_year(), None, year(), today());
    assert_eq!(
        sentences(&evidence, Budget),
        [
            "No council pack has been made yet, so no budget for councillor development is set, and no member has recorded a paid place in 2026/27."
        ]
    );
    assert!(!evidence.element(Budget).evidenced);
    // Built in: the induction, Code of Conduct and safeguarding for everyone; six courses
    // for roles. Zara, elected in 2021, is past the induction's year; she has never done
    // safeguarding.
    assert_eq!(
        sentences(&evidence, Mandatory),
        [
            "The built-in catalogue makes 9 courses mandatory: 3 for every member and 6 for particular roles (built-in catalogue; no council pack has been made yet).",
            "The 1 member held is not up to date with all the mandatory training that applies to them: they have a course not done (Mandatory compliance report).",
            "Up to date, by course and role: Code of Conduct (All members) 1 of 1; Safeguarding children and adults at risk (All members) 0 of 1 (Mandatory compliance summary).",
        ]
    );
    // The 30 built-in courses: 17 online, 10 face to face, 3 blended.
    assert_eq!(
        sentences(&evidence, Formats)[0],
        "The built-in catalogue offers courses in 3 formats: online (17 courses), face to face (10) and blended (3) (built-in catalogue; no council pack has been made yet)."
    );
}

#[test]
fn spending_past_the_budget_says_by_how_much() {
    let mut pack = pack();
    pack.budget_pence = 300_000;
    let evidence = charter_evidence(&workspace(), Some(&pack), year(), today());
    // £4,020.00 against £3,000.00.
    assert_eq!(
        sentences(&evidence, Budget),
        [
            "£4,020.00 of the £3,000.00 budget for 2026/27 spent or committed on 4 places (Spend report; budget from the council pack).",
            "That is £1,020.00 over the budget.",
        ]
    );
    pack.budget_pence = 0;
    let evidence = charter_evidence(&workspace(), Some(&pack), year(), today());
    assert_eq!(
        sentences(&evidence, Budget),
        [
            "£4,020.00 spent or committed on 4 places in 2026/27 (Spend report), but the council pack sets no budget for councillor development."
        ]
    );
}

/// The reports' Charter evidence (the sheet and the CSV a run writes), worked out from the
/// compliance, spend, evaluation and hours the run's other reports give, is the page's,
/// with a pack, over its budget, and with none.
#[test]
fn the_reports_charter_evidence_is_the_pages() {
    let mut over = pack();
    over.budget_pence = 300_000;
    let workspace = workspace();
    for pack in [Some(pack()), Some(over), None] {
        let source = WorkbookSource {
            workspace: &workspace,
            pack: pack.as_ref(),
            roster: &[],
            today: today(),
        };
        let evidence = charter_evidence(&workspace, pack.as_ref(), year(), today());
        let actions = actions();
        assert_eq!(
            report_csv(&source, CsvReport::CharterEvidence, &actions),
            Some((
                evidence.file_stem(),
                charter_evidence_csv(&evidence, &actions)
            ))
        );
        assert_eq!(
            report_table(&source, Sheet::CharterEvidence, &actions),
            charter_evidence_table(&evidence, &actions)
        );
    }
}

fn actions() -> CharterActions {
    let mut actions = CharterActions::default();
    actions.for_element_mut(Budget).extend([
        CharterAction {
            action: "Head of Democratic Services to monitor the budget quarterly".into(),
            target_date: "Ongoing".into(),
        },
        CharterAction {
            action: "Set next year's budget with the Member Development Group".into(),
            target_date: "Oct – Dec 2026".into(),
        },
    ]);
    actions.for_element_mut(Evaluated).push(CharterAction {
        action: "Send the evaluation form after every course".into(),
        target_date: "March 2027".into(),
    });
    // A row the officer added and left empty is not an action.
    actions
        .for_element_mut(Formats)
        .push(CharterAction::default());
    actions
}

#[test]
fn the_sheet_has_a_row_for_each_action_in_the_action_plans_shape() {
    let evidence = charter_evidence(&workspace(), Some(&pack()), year(), today());
    let table = charter_evidence_table(&evidence, &actions());
    assert_eq!(table.sheet, "Charter evidence");
    let headings: Vec<&str> = table.columns.iter().map(|c| c.heading.as_str()).collect();
    assert_eq!(
        headings,
        [
            "Criterion",
            "Guidelines",
            "Action",
            "Target date",
            "Evidence"
        ]
    );
    // A target date is the officer's words ("Ongoing"), so every column is text.
    assert!(table.columns.iter().all(|c| c.kind == ColumnKind::Text));
    assert!(!table.when_empty.is_empty());

    // Two budget actions, then one row for each other element.
    assert_eq!(table.rows.len(), 7);
    let text = |s: &str| Cell::text(s);
    assert_eq!(
        table.rows[0],
        [
            text("1. There is a clear commitment to councillor development and support"),
            text("A budget for councillor development, and its spend"),
            text("Head of Democratic Services to monitor the budget quarterly"),
            text("Ongoing"),
            text(
                "£4,020.00 of the £5,000.00 budget for 2026/27 spent or committed on 4 places (Spend report; budget from the council pack). £980.00 of it is left."
            ),
        ]
    );
    // A further action sits under its guideline, as in the council's action plan.
    assert_eq!(
        table.rows[1],
        [
            Cell::Blank,
            Cell::Blank,
            text("Set next year's budget with the Member Development Group"),
            text("Oct – Dec 2026"),
            Cell::Blank,
        ]
    );
    // An element with no action is still a row, its action and date blank.
    assert_eq!(
        table.rows[2][..4],
        [
            text("2. The council has a strategic approach to councillor development"),
            text("Development needs identified through personal development plans"),
            Cell::Blank,
            Cell::Blank,
        ]
    );
    assert_eq!(
        table.rows[2][4],
        Cell::text(evidence.element(PdpNeeds).text())
    );
    assert_eq!(
        table.rows[5][1..4],
        [
            text("Learning evaluated after each activity"),
            text("Send the evaluation form after every course"),
            text("March 2027"),
        ]
    );
    // The empty action left for formats is not shown.
    assert_eq!(table.rows[6][2], Cell::Blank);
    let guidelines: Vec<&Cell> = table
        .rows
        .iter()
        .map(|r| &r[1])
        .filter(|c| **c != Cell::Blank)
        .collect();
    assert_eq!(guidelines.len(), 6, "each guideline once");
}

#[test]
fn the_csv_has_the_sheets_rows_for_excel() {
    let evidence = charter_evidence(&workspace(), Some(&pack()), year(), today());
    let table = charter_evidence_table(&evidence, &actions());
    let csv = charter_evidence_csv(&evidence, &actions()).text();
    assert!(csv.starts_with("\u{feff}Criterion,Guidelines,Action,Target date,Evidence\r\n"));
    assert!(csv.contains(
        "\r\n,,Set next year's budget with the Member Development Group,Oct – Dec 2026,\r\n"
    ));
    // Read back as a spreadsheet would: the same cells as the sheet, blanks empty.
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let read: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    let expected: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Cell::Text(text) => text.clone(),
                    _ => String::new(),
                })
                .collect()
        })
        .collect();
    assert_eq!(read, expected);
    assert_eq!(
        read[0][2],
        "Head of Democratic Services to monitor the budget quarterly"
    );
}

#[test]
fn the_officers_actions_are_kept_and_read_back() {
    let storage = MemoryStorage::new();
    assert_eq!(load_charter_actions(&storage), CharterActions::default());
    assert!(load_charter_actions(&storage).is_empty());
    save_charter_actions(&storage, &actions()).unwrap();
    let back = load_charter_actions(&storage);
    assert_eq!(back, actions());
    assert!(!back.is_empty());
    assert_eq!(back.for_element(Budget)[1].target_date, "Oct – Dec 2026");
    assert!(back.for_element(Mandatory).is_empty());

    // Kept as JSON under its own key, each element's actions under the element's id.
    assert_eq!(OFFICER_CHARTER_ACTIONS, "mdr.v1.officer.charter-actions");
    let kept: serde_json::Value =
        serde_json::from_str(&storage.get(OFFICER_CHARTER_ACTIONS).unwrap().unwrap()).unwrap();
    assert_eq!(
        kept["evaluation"],
        serde_json::json!([{"action": "Send the evaluation form after every course", "target_date": "March 2027"}])
    );
}

#[test]
fn what_cannot_be_read_is_no_actions_and_what_can_is_kept_whole() {
    let storage = MemoryStorage::new();
    for garbage in [
        "{\"budget\": [",
        "not json at all",
        "[1, 2, 3]",
        "{\"budget\": \"Ongoing\"}",
    ] {
        storage.set(OFFICER_CHARTER_ACTIONS, garbage).unwrap();
        assert_eq!(
            load_charter_actions(&storage),
            CharterActions::default(),
            "{garbage}"
        );
    }
    // An action saved without a target date reads with a blank one; actions for an element
    // this version does not know are kept through a save.
    storage
        .set(
            OFFICER_CHARTER_ACTIONS,
            r#"{"budget": [{"action": "Review spend"}], "champion": [{"action": "Name a member champion", "target_date": "June 2027"}]}"#,
        )
        .unwrap();
    let mut actions = load_charter_actions(&storage);
    assert_eq!(
        actions.for_element(Budget),
        [CharterAction {
            action: "Review spend".into(),
            target_date: String::new(),
        }]
    );
    actions.for_element_mut(Formats).push(CharterAction {
        action: "Offer webinars".into(),
        target_date: "Ongoing".into(),
    });
    save_charter_actions(&storage, &actions).unwrap();
    let kept = storage.get(OFFICER_CHARTER_ACTIONS).unwrap().unwrap();
    assert!(kept.contains("Name a member champion"), "{kept}");
    assert_eq!(load_charter_actions(&storage), actions);

    // A full browser says so, and keeps what it had.
    storage.set_quota(Some(10));
    assert_eq!(
        save_charter_actions(&storage, &CharterActions::default()),
        Err(StoreError::Full)
    );
    assert_eq!(load_charter_actions(&storage), actions);
}

#[test]
fn needs_asked_for_equally_are_named_together() {
    // Both members ask for the same two needs, so each is asked for by 2 members.
    let mut one = member(1, "Cllr Amrit Kaur", &["backbench-member"]);
    one.put_plan(plan(2026, &["Public speaking", "Chairing meetings"], None));
    let mut two = member(2, "Cllr Zara Ali", &["backbench-member"]);
    two.put_plan(plan(2026, &["Chairing meetings", "Public speaking"], None));
    let evidence = charter_evidence(
        &workspace_of(vec![one, two]),
        Some(&pack()),
        year(),
        today(),
    );
    assert_eq!(
        sentences(&evidence, PdpNeeds),
        [
            "2 of 2 members have a development plan for 2026/27; none of them has had a PDP meeting yet (members' development plans).",
            "Members ask for 2 topics or courses in their latest plans and training needs surveys; the most asked for, by 2 members each, are “Chairing meetings” and “Public speaking” (Needs analysis).",
        ]
    );
}
