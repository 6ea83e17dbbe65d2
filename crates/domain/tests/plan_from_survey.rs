//! The development plan offers what the training-needs survey already said (ways of
//! learning, times that suit, access needs), taken in only with the councillor's say-so
//! and never over what they wrote.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::{TimeZone, Utc};
use mdr_domain::model::LearningFormat;
use mdr_domain::model::plan::{LearningPreferences, LearningTime, preferences_from_needs_survey};
use mdr_domain::model::survey::{Answer, SurveyResponse, SurveyRound};
use mdr_domain::model::survey_templates::built_in_templates;
use mdr_domain::model::vocabulary::Vocabulary;
use proptest::prelude::*;
use uuid::Uuid;

fn needs_survey(answers: &[(&str, Answer)], day: u32) -> SurveyResponse {
    let template = built_in_templates()
        .into_iter()
        .find(|t| t.id == "training-needs")
        .unwrap();
    let at = Utc.with_ymd_and_hms(2026, 11, day, 10, 0, 0).unwrap();
    let round = SurveyRound::current(at.date_naive());
    let mut response =
        SurveyResponse::start(Uuid::from_u128(u128::from(day)), &template, &round, at);
    for (question, answer) in answers {
        template.answer(&mut response.answers, question, Some(answer.clone()));
    }
    response.status = mdr_domain::model::survey::ResponseStatus::Submitted;
    response.submitted_at = Some(at);
    response
}

fn choices(ids: &[&str]) -> Answer {
    Answer::Choices(ids.iter().map(|id| (*id).to_owned()).collect())
}

#[test]
fn what_the_needs_survey_said_is_offered_in_the_plans_words() {
    let response = needs_survey(
        &[
            (
                "learning-methods",
                choices(&["online", "blended", "one-to-one"]),
            ),
            ("learning-times", choices(&["weekday-evening"])),
            ("access-needs", Answer::YesNo(true)),
            (
                "access-needs-detail",
                Answer::Text("I need a hearing loop".into()),
            ),
        ],
        2,
    );
    let said = preferences_from_needs_survey(&[response]).unwrap();
    assert_eq!(
        said.formats,
        [LearningFormat::Online, LearningFormat::Blended].into()
    );
    assert_eq!(said.times, [LearningTime::WeekdayEvening].into());
    assert_eq!(said.access_needs, "I need a hearing loop");
}

#[test]
fn the_latest_submitted_survey_counts_and_a_draft_or_silence_offers_nothing() {
    let older = needs_survey(&[("learning-times", choices(&["weekend"]))], 2);
    let newer = needs_survey(&[("learning-times", choices(&["weekday-daytime"]))], 9);
    let said = preferences_from_needs_survey(&[newer.clone(), older.clone()]).unwrap();
    assert_eq!(said.times, [LearningTime::WeekdayDaytime].into());
    let mut draft = newer;
    draft.status = mdr_domain::model::survey::ResponseStatus::Draft;
    draft.submitted_at = None;
    assert_eq!(preferences_from_needs_survey(&[draft]), None);
    assert_eq!(preferences_from_needs_survey(&[needs_survey(&[], 3)]), None);
    // "No" to access needs says nothing about them.
    let no = needs_survey(&[("access-needs", Answer::YesNo(false))], 4);
    assert_eq!(preferences_from_needs_survey(&[no]), None);
}

#[test]
fn taking_in_the_survey_keeps_what_the_councillor_wrote() {
    let mut mine = LearningPreferences {
        formats: [LearningFormat::FaceToFace].into(),
        times: [LearningTime::Weekend].into(),
        access_needs: "Step-free access".into(),
    };
    let said = LearningPreferences {
        formats: [LearningFormat::Online].into(),
        times: [LearningTime::WeekdayEvening].into(),
        access_needs: "I need a hearing loop".into(),
    };
    assert!(mine.would_change(&said));
    mine.take_in(&said);
    assert_eq!(
        mine.formats,
        [LearningFormat::Online, LearningFormat::FaceToFace].into()
    );
    assert_eq!(mine.times.len(), 2);
    assert_eq!(mine.access_needs, "Step-free access\nI need a hearing loop");
    assert!(!mine.would_change(&said), "taken in once, offered no more");
}

fn any_preferences() -> impl Strategy<Value = LearningPreferences> {
    (
        proptest::collection::btree_set(
            proptest::sample::select(LearningFormat::ALL.to_vec()),
            0..3,
        ),
        proptest::collection::btree_set(proptest::sample::select(LearningTime::ALL.to_vec()), 0..3),
        "[a-z ]{0,20}",
    )
        .prop_map(|(formats, times, access_needs)| LearningPreferences {
            formats,
            times,
            access_needs,
        })
}

proptest! {
    #[test]
    fn taking_in_never_loses_a_word_and_twice_is_once(mut mine in any_preferences(), said in any_preferences()) {
        let before = mine.clone();
        mine.take_in(&said);
        prop_assert!(before.formats.is_subset(&mine.formats));
        prop_assert!(before.times.is_subset(&mine.times));
        prop_assert!(mine.access_needs.contains(before.access_needs.trim_end()));
        let once = mine.clone();
        mine.take_in(&said);
        prop_assert_eq!(mine, once);
    }
}
