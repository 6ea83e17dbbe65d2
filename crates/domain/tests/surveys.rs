//! Self-assessment surveys: which questions are shown, what must be answered before
//! submitting, answers to hidden questions never kept, one response per round, and the
//! change a councillor sees since their previous round.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;

use chrono::{NaiveDate, TimeZone, Utc};
use common::any_response;
use mdr_domain::exchange::{MemberFile, read_member_file, write_member_file};
use mdr_domain::model::MemberRecord;
use mdr_domain::model::survey::{
    Answer, Choice, Condition, NumberEntry, Question, QuestionKind, ResponseStatus, RoundError,
    RoundState, Section, SurveyProblem, SurveyResponse, SurveyRound, SurveyTemplate, Unparsed,
    may_start, previous_response, response_in_round, round_kind, scale_changes,
};
use proptest::prelude::*;
use uuid::Uuid;

fn question(
    id: &str,
    kind: QuestionKind,
    required: bool,
    shown_when: Option<Condition>,
) -> Question {
    Question {
        id: id.into(),
        text: format!("Question {id}"),
        hint: String::new(),
        kind,
        required,
        shown_when,
    }
}

fn when(question: &str, values: &[&str]) -> Option<Condition> {
    Some(Condition {
        question: question.into(),
        any_of: values.iter().map(|v| (*v).to_owned()).collect(),
    })
}

fn likert() -> QuestionKind {
    QuestionKind::Likert {
        low: "Not at all".into(),
        high: "Completely".into(),
    }
}

/// A small ethical-framework survey with a chain of conditions:
/// guidance (yes/no) → if no, what would help (text);
/// training (yes/no) → if yes, how (choice) → if e-learning, which module (text).
fn template() -> SurveyTemplate {
    SurveyTemplate {
        id: "ethics".into(),
        version: 2,
        title: "Ethical framework self-assessment".into(),
        intro: String::new(),
        sections: vec![
            Section {
                id: "roles".into(),
                title: "Roles".into(),
                intro: String::new(),
                questions: vec![
                    question("standards-role", likert(), true, None),
                    question("guidance", QuestionKind::YesNo, true, None),
                    question(
                        "what-would-help",
                        QuestionKind::FreeText { max_chars: 20 },
                        true,
                        when("guidance", &["no"]),
                    ),
                ],
            },
            Section {
                id: "training".into(),
                title: "Training".into(),
                intro: String::new(),
                questions: vec![
                    question("trained", QuestionKind::YesNo, true, None),
                    question(
                        "how",
                        QuestionKind::SingleChoice {
                            options: vec![
                                Choice {
                                    id: "induction".into(),
                                    label: "At induction".into(),
                                },
                                Choice {
                                    id: "e-learning".into(),
                                    label: "E-learning".into(),
                                },
                            ],
                        },
                        true,
                        when("trained", &["yes"]),
                    ),
                    question(
                        "module",
                        QuestionKind::FreeText { max_chars: 100 },
                        true,
                        when("how", &["e-learning"]),
                    ),
                    question(
                        "hours",
                        QuestionKind::Number { min: 0, max: 200 },
                        false,
                        None,
                    ),
                ],
            },
        ],
    }
}

fn answered(pairs: &[(&str, Answer)]) -> BTreeMap<String, Answer> {
    let t = template();
    let mut answers = BTreeMap::new();
    for (id, answer) in pairs {
        t.answer(&mut answers, id, Some(answer.clone()));
    }
    answers
}

fn ids<'a>(set: impl IntoIterator<Item = &'a String>) -> Vec<&'a str> {
    set.into_iter().map(String::as_str).collect()
}

fn at(day: u32) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, 10, 0, 0).unwrap()
}

#[test]
fn a_conditional_question_shows_only_for_the_answer_that_calls_for_it() {
    let t = template();
    let no_answers = t.shown(&BTreeMap::new());
    assert_eq!(
        ids(&no_answers),
        ["guidance", "hours", "standards-role", "trained"]
    );
    let knows_where = t.shown(&answered(&[("guidance", Answer::YesNo(true))]));
    assert!(!knows_where.contains("what-would-help"));
    let does_not = t.shown(&answered(&[("guidance", Answer::YesNo(false))]));
    assert!(does_not.contains("what-would-help"));
}

#[test]
fn hiding_a_question_hides_the_questions_that_depend_on_it() {
    let t = template();
    let mut answers = answered(&[
        ("trained", Answer::YesNo(true)),
        ("how", Answer::Choice("e-learning".into())),
        ("module", Answer::Text("Code of conduct refresher".into())),
    ]);
    assert!(t.shown(&answers).contains("module"));
    t.answer(&mut answers, "trained", Some(Answer::YesNo(false)));
    let shown = t.shown(&answers);
    assert!(!shown.contains("how") && !shown.contains("module"));
    assert_eq!(
        ids(answers.keys()),
        ["trained"],
        "answers to hidden questions are dropped"
    );
}

#[test]
fn a_hidden_question_is_not_required() {
    let t = template();
    let answers = answered(&[
        ("standards-role", Answer::Scale(4)),
        ("guidance", Answer::YesNo(true)),
        ("trained", Answer::YesNo(false)),
    ]);
    assert_eq!(t.problems(&answers), []);
}

#[test]
fn every_unanswered_required_question_that_is_shown_is_listed_in_order() {
    let t = template();
    let answers = answered(&[
        ("guidance", Answer::YesNo(false)),
        ("trained", Answer::YesNo(true)),
    ]);
    let problems = t.problems(&answers);
    let unanswered: Vec<&str> = problems.iter().map(SurveyProblem::question).collect();
    assert_eq!(unanswered, ["standards-role", "what-would-help", "how"]);
    assert_eq!(
        t.problems(&answers)[0].to_string(),
        "Answer “Question standards-role”"
    );
}

#[test]
fn numbers_out_of_range_and_text_too_long_are_refused_with_the_limits() {
    let t = template();
    let mut answers = answered(&[
        ("standards-role", Answer::Scale(3)),
        ("guidance", Answer::YesNo(false)),
        (
            "what-would-help",
            Answer::Text("A short guide on the intranet".into()),
        ),
        ("trained", Answer::YesNo(false)),
        ("hours", Answer::Number(201)),
    ]);
    let problems = t.problems(&answers);
    assert_eq!(problems.len(), 2);
    assert!(problems[0].to_string().contains("20 characters or fewer"));
    assert!(problems[1].to_string().contains("between 0 and 200"));
    t.answer(&mut answers, "hours", Some(Answer::Number(200)));
    t.answer(
        &mut answers,
        "what-would-help",
        Some(Answer::Text("A short guide".into())),
    );
    assert_eq!(t.problems(&answers), []);
}

#[test]
fn a_section_holding_words_in_a_number_box_cannot_be_left_until_they_are_put_right() {
    let t = template();
    let answers = answered(&[("trained", Answer::YesNo(false))]);
    let typed: Unparsed = [("hours".to_owned(), "abc".to_owned())].into();
    // The training section (index 1) holds the hours question; the roles section is free.
    let problems = t.section_problems(1, &answers, &typed);
    assert_eq!(
        problems,
        [SurveyProblem::NotANumber {
            question: "hours".into(),
            text: "Question hours".into()
        }]
    );
    assert_eq!(
        problems[0].to_string(),
        "Enter a whole number for “Question hours”, for example 12"
    );
    assert_eq!(t.section_problems(0, &answers, &typed), []);
    // Unanswered required questions do not stop a section: the check before submitting asks.
    assert!(
        t.problems(&answers)
            .iter()
            .any(SurveyProblem::is_unanswered)
    );
    assert_eq!(t.section_problems(0, &answers, &Unparsed::new()), []);
    // Nor can it be submitted; and a number out of range stops the section too.
    assert!(t.problems_with(&answers, &typed).contains(&problems[0]));
    let too_many = answered(&[
        ("trained", Answer::YesNo(false)),
        ("hours", Answer::Number(500)),
    ]);
    assert!(matches!(
        t.section_problems(1, &too_many, &Unparsed::new())[..],
        [SurveyProblem::OutOfRange { .. }]
    ));
}

#[test]
fn a_councillor_coming_back_carries_on_where_something_is_still_to_answer() {
    let t = template();
    let none = Unparsed::new();
    assert_eq!(
        t.resume_at(&BTreeMap::new(), &none),
        0,
        "a new draft starts at the start"
    );
    let first_done = answered(&[
        ("standards-role", Answer::Scale(3)),
        ("guidance", Answer::YesNo(true)),
    ]);
    assert_eq!(t.resume_at(&first_done, &none), 1);
    let all_done = answered(&[
        ("standards-role", Answer::Scale(3)),
        ("guidance", Answer::YesNo(true)),
        ("trained", Answer::YesNo(false)),
    ]);
    assert_eq!(
        t.resume_at(&all_done, &none),
        2,
        "every section done: the check page"
    );
    let typed: Unparsed = [("hours".to_owned(), "abc".to_owned())].into();
    assert_eq!(
        t.resume_at(&all_done, &typed),
        1,
        "an answer to put right comes first"
    );
}

#[test]
fn what_was_typed_in_a_hidden_question_does_not_hold_the_section() {
    let t = template();
    let answers = answered(&[("trained", Answer::YesNo(false))]);
    let typed: Unparsed = [("module".to_owned(), "abc".to_owned())].into();
    assert_eq!(t.section_problems(1, &answers, &typed), []);
}

#[test]
fn a_number_box_reads_whole_numbers_and_nothing_else() {
    assert_eq!(NumberEntry::read("  "), NumberEntry::Empty);
    assert_eq!(NumberEntry::read(" 12 "), NumberEntry::Number(12));
    assert_eq!(NumberEntry::read("-3"), NumberEntry::Number(-3));
    for words in ["abc", "12 hours", "1.5", "1,200", "twelve"] {
        assert_eq!(NumberEntry::read(words), NumberEntry::NotANumber, "{words}");
    }
}

#[test]
fn a_blank_answer_counts_as_no_answer() {
    let t = template();
    let mut answers = answered(&[("guidance", Answer::YesNo(false))]);
    t.answer(
        &mut answers,
        "what-would-help",
        Some(Answer::Text("   ".into())),
    );
    assert!(!answers.contains_key("what-would-help"));
}

#[test]
fn an_answer_naming_a_choice_the_question_does_not_offer_is_refused() {
    let t = template();
    let answers = answered(&[
        ("trained", Answer::YesNo(true)),
        ("how", Answer::Choice("webinar".into())),
    ]);
    assert!(
        t.problems(&answers).iter().any(
            |p| matches!(p, SurveyProblem::UnknownChoice { question, .. } if question == "how")
        )
    );
}

#[test]
fn a_submitted_response_holds_only_shown_answers_and_records_when() {
    let t = template();
    let round = SurveyRound::named("2026/27");
    let mut response = SurveyResponse::start(Uuid::from_u128(1), &t, &round, at(1));
    assert_eq!(response.template_version, 2);
    assert!(response.submit(&t, at(2)).is_err());
    assert_eq!(response.status, ResponseStatus::Draft);
    response.answers = answered(&[
        ("standards-role", Answer::Scale(2)),
        ("guidance", Answer::YesNo(true)),
        ("trained", Answer::YesNo(false)),
    ]);
    response.submit(&t, at(3)).unwrap();
    assert!(response.is_submitted());
    assert_eq!(response.submitted_at, Some(at(3)));
}

#[test]
fn a_round_takes_answers_between_its_dates_including_both() {
    let day = |d| NaiveDate::from_ymd_opt(2027, 1, d).unwrap();
    let round = SurveyRound {
        opens_on: Some(day(10)),
        closes_on: Some(day(20)),
        ..SurveyRound::named("2026/27")
    };
    assert_eq!(round.state(day(9)), RoundState::NotYetOpen(day(10)));
    assert_eq!(round.state(day(10)), RoundState::Open);
    assert_eq!(round.state(day(20)), RoundState::Open);
    assert_eq!(round.state(day(21)), RoundState::Closed(day(20)));
    assert_eq!(
        SurveyRound::named("2026/27").state(day(1)),
        RoundState::Open
    );
}

#[test]
fn a_survey_is_answered_once_per_round() {
    let t = template();
    let this_year = SurveyRound::current(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
    assert_eq!(this_year.name, "2026/27");
    let next_year = SurveyRound::current(NaiveDate::from_ymd_opt(2027, 5, 1).unwrap());
    assert_eq!(next_year.name, "2027/28");
    let responses = vec![SurveyResponse::start(
        Uuid::from_u128(1),
        &t,
        &this_year,
        at(1),
    )];
    assert_eq!(
        may_start(&responses, "ethics", &this_year),
        Err(RoundError::AlreadyAnswered("2026/27".into()))
    );
    assert_eq!(may_start(&responses, "ethics", &next_year), Ok(()));
    assert_eq!(may_start(&responses, "other-survey", &this_year), Ok(()));
    assert!(response_in_round(&responses, "ethics", "2026/27").is_some());
}

#[test]
fn the_change_since_the_previous_round_is_shown_question_by_question() {
    let t = template();
    let mut baseline = SurveyResponse::start(
        Uuid::from_u128(1),
        &t,
        &SurveyRound::named("2025/26"),
        at(1),
    );
    baseline.answers = answered(&[
        ("standards-role", Answer::Scale(2)),
        ("guidance", Answer::YesNo(false)),
    ]);
    baseline.status = ResponseStatus::Submitted;
    let mut draft_earlier = baseline.clone();
    draft_earlier.id = Uuid::from_u128(2);
    draft_earlier.round = "2024/25".into();
    draft_earlier.status = ResponseStatus::Draft;
    let mut repeat = SurveyResponse::start(
        Uuid::from_u128(3),
        &t,
        &SurveyRound::named("2026/27"),
        at(2),
    );
    repeat.answers = answered(&[("standards-role", Answer::Scale(4))]);
    let responses = vec![draft_earlier, baseline.clone(), repeat.clone()];

    let previous = previous_response(&responses, "ethics", "2026/27").unwrap();
    assert_eq!(
        previous.round, "2025/26",
        "only submitted responses of earlier rounds count"
    );
    assert_eq!(round_kind(&responses, "ethics", "2026/27"), "repeat");
    assert_eq!(round_kind(&responses, "ethics", "2025/26"), "baseline");
    let changes = scale_changes(&t, previous, &repeat);
    assert_eq!(changes.len(), 1);
    assert_eq!((changes[0].before, changes[0].after), (Some(2), Some(4)));
    assert_eq!(changes[0].difference(), Some(2));
}

#[test]
fn the_previous_round_is_the_one_before_in_time_not_by_name() {
    let t = template();
    let submitted = |n: u128, round: &str, day: u32| {
        let mut response = SurveyResponse::start(
            Uuid::from_u128(n),
            &t,
            &SurveyRound {
                name: round.into(),
                opens_on: None,
                closes_on: None,
            },
            at(day),
        );
        response.answers = answered(&[("standards-role", Answer::Scale(2))]);
        response.status = ResponseStatus::Submitted;
        response.submitted_at = Some(at(day));
        response
    };
    // "Dec 2026" sorts before "Jun 2026" by name, yet came after it.
    let june = submitted(1, "Jun 2026", 2);
    let december = submitted(2, "Dec 2026", 20);
    let responses = [december.clone(), june.clone()];
    assert_eq!(
        previous_response(&responses, "ethics", "Dec 2026"),
        Some(&june)
    );
    assert_eq!(previous_response(&responses, "ethics", "Jun 2026"), None);
    assert_eq!(round_kind(&responses, "ethics", "Dec 2026"), "repeat");
    assert_eq!(round_kind(&responses, "ethics", "Jun 2026"), "baseline");
    // A round not yet answered comes after every round answered.
    assert_eq!(
        previous_response(&responses, "ethics", "Spring 2027"),
        Some(&december)
    );
}

proptest! {
    #[test]
    fn whatever_is_answered_no_hidden_question_keeps_an_answer_or_is_required(
        steps in proptest::collection::vec(
            (0usize..7, prop_oneof![
                Just(Answer::YesNo(true)), Just(Answer::YesNo(false)),
                Just(Answer::Choice("induction".into())), Just(Answer::Choice("e-learning".into())),
                Just(Answer::Text("notes".into())), Just(Answer::Scale(3)), Just(Answer::Number(5)),
            ]),
            0..20,
        )
    ) {
        let t = template();
        let ids: Vec<String> = t.questions().map(|q| q.id.clone()).collect();
        let mut answers = BTreeMap::new();
        for (index, answer) in steps {
            t.answer(&mut answers, &ids[index], Some(answer));
        }
        let shown = t.shown(&answers);
        prop_assert!(answers.keys().all(|id| shown.contains(id)));
        prop_assert!(t.problems(&answers).iter().all(|p| shown.contains(p.question())));
    }

    #[test]
    fn any_whole_number_typed_is_read_as_itself(n in any::<i64>(), spaces in " {0,3}") {
        prop_assert_eq!(NumberEntry::read(&format!("{spaces}{n}{spaces}")), NumberEntry::Number(n));
    }

    #[test]
    fn any_response_in_a_record_survives_export_and_import(response in any_response(Uuid::from_u128(5))) {
        let mut record = MemberRecord::new(Uuid::from_u128(1), at(1));
        record.put_response(response);
        let file = MemberFile::new(record, 3, Uuid::from_u128(2), at(2));
        prop_assert_eq!(read_member_file(&write_member_file(&file)).unwrap(), file);
    }
}
