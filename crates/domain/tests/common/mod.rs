//! Generators shared by the native tests: any record a councillor could make.

#![allow(dead_code)]

use chrono::{DateTime, NaiveDate, Utc};
use mdr_domain::exchange::MemberFile;
use mdr_domain::model::learning::Evaluation;
use mdr_domain::model::pack::CouncilPack;
use mdr_domain::model::plan::{
    CourseRequest, DevelopmentNeed, DevelopmentPlan, Goal, GoalStatus, LearningPreferences,
    LearningTime, PdpMeeting, Priority, Reopening, SignOff,
};
use mdr_domain::model::survey::{Answer, ResponseStatus, SurveyResponse};
use mdr_domain::model::{
    ActivityStatus, LearningActivity, LearningFormat, MemberRecord, Profile, Vocabulary,
};
use proptest::collection::{btree_map, btree_set};
use proptest::prelude::*;
use uuid::Uuid;

pub fn any_uuid() -> impl Strategy<Value = Uuid> {
    any::<u128>().prop_map(Uuid::from_u128)
}

/// Any moment from 2000 to 2100, to the nanosecond.
pub fn any_moment() -> impl Strategy<Value = DateTime<Utc>> {
    (946_684_800i64..4_102_444_800, 0u32..1_000_000_000)
        .prop_map(|(secs, nanos)| DateTime::from_timestamp(secs, nanos).unwrap())
}

pub fn any_date() -> impl Strategy<Value = NaiveDate> {
    (0i64..36_500).prop_map(|days| {
        NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::Days::new(days as u64)
    })
}

/// Text as people type it: any characters, quotes, markup and emoji included.
pub fn any_text() -> impl Strategy<Value = String> {
    "\\PC{0,60}"
}

pub fn any_profile() -> impl Strategy<Value = Profile> {
    (
        (any_text(), any_text(), any_text(), any_text()),
        btree_set("[a-z][a-z-]{0,30}", 0..6),
        proptest::option::of(any_date()),
        any_moment(),
    )
        .prop_map(
            |((full_name, council, ward, political_group), roles, date_elected, updated_at)| {
                Profile {
                    full_name,
                    council,
                    ward,
                    political_group,
                    roles,
                    date_elected,
                    updated_at,
                }
            },
        )
}

pub fn any_evaluation() -> impl Strategy<Value = Evaluation> {
    (1u8..=5, 1u8..=5, any_text(), any::<bool>(), any_text()).prop_map(
        |(rating, usefulness, do_differently, would_recommend, comments)| Evaluation {
            rating,
            usefulness,
            do_differently,
            would_recommend,
            comments,
        },
    )
}

/// Any activity with the given id: catalogue or own, in any state, deleted or not.
pub fn any_activity(id: Uuid) -> impl Strategy<Value = LearningActivity> {
    (
        (
            proptest::option::of("[a-z][a-z-]{0,30}"),
            any_text(),
            any_text(),
            any_text(),
            proptest::option::of(proptest::sample::select(LearningFormat::ALL.to_vec())),
        ),
        (
            proptest::sample::select(ActivityStatus::ALL.to_vec()),
            proptest::option::of(any_date()),
            proptest::option::of(any_date()),
            0u32..30_000,
            any_text(),
            any::<bool>(),
        ),
        proptest::option::of(any_evaluation()),
        any_moment(),
        proptest::option::of(any_moment()),
    )
        .prop_map(
            move |(
                (course_id, title, provider, topic, format),
                (status, start_date, completed_on, minutes, evidence, hours_not_known),
                evaluation,
                updated_at,
                deleted_at,
            )| LearningActivity {
                id,
                course_id,
                title,
                provider,
                topic,
                format,
                status,
                start_date,
                completed_on,
                minutes,
                hours_not_known,
                evidence,
                evaluation,
                updated_at,
                deleted_at,
            },
        )
}

/// Up to eight activities, in id order as a record keeps them. Ids come from a small
/// range so that two generated lists often share some.
pub fn any_activities() -> impl Strategy<Value = Vec<LearningActivity>> {
    btree_map(0u128..12, Just(()), 0..8).prop_flat_map(|ids| {
        ids.into_keys()
            .map(|n| any_activity(Uuid::from_u128(n)))
            .collect::<Vec<_>>()
    })
}

pub fn any_answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        (1u8..=5).prop_map(Answer::Scale),
        "[a-z-]{1,20}".prop_map(Answer::Choice),
        btree_set("[a-z-]{1,20}", 0..4).prop_map(Answer::Choices),
        any::<bool>().prop_map(Answer::YesNo),
        any::<i64>().prop_map(Answer::Number),
        any_text().prop_map(Answer::Text),
    ]
}

pub fn any_response(id: Uuid) -> impl Strategy<Value = SurveyResponse> {
    (
        "[a-z-]{1,20}",
        0u32..5,
        "20[0-9]{2}/[0-9]{2}",
        btree_map("[a-z-]{1,20}", any_answer(), 0..6),
        any::<bool>(),
        proptest::option::of(any_moment()),
        any_moment(),
    )
        .prop_map(
            move |(
                template_id,
                template_version,
                round,
                answers,
                submitted,
                submitted_at,
                updated_at,
            )| {
                SurveyResponse {
                    id,
                    template_id,
                    template_version,
                    round,
                    answers,
                    status: if submitted {
                        ResponseStatus::Submitted
                    } else {
                        ResponseStatus::Draft
                    },
                    submitted_at,
                    updated_at,
                }
            },
        )
}

/// Up to five responses in id order, ids from a small range so that lists overlap.
pub fn any_responses() -> impl Strategy<Value = Vec<SurveyResponse>> {
    btree_map(0u128..8, Just(()), 0..5).prop_flat_map(|ids| {
        ids.into_keys()
            .map(|n| any_response(Uuid::from_u128(n)))
            .collect::<Vec<_>>()
    })
}

fn any_sign_off() -> impl Strategy<Value = SignOff> {
    (any_text(), any_date()).prop_map(|(name, on)| SignOff { name, on })
}

/// Any plan for the given year.
pub fn any_plan(year: i32) -> impl Strategy<Value = DevelopmentPlan> {
    let need = (
        any_uuid(),
        any_text(),
        proptest::sample::select(Priority::ALL.to_vec()),
        any_text(),
        proptest::option::of(proptest::sample::select(LearningFormat::ALL.to_vec())),
    )
        .prop_map(
            |(id, need, priority, why, preferred_format)| DevelopmentNeed {
                id,
                need,
                priority,
                why,
                preferred_format,
            },
        );
    let goal = (
        any_uuid(),
        any_text(),
        proptest::option::of(any_date()),
        proptest::sample::select(GoalStatus::ALL.to_vec()),
    )
        .prop_map(|(id, goal, target, status)| Goal {
            id,
            goal,
            target,
            status,
        });
    let request = ("[a-z-]{1,20}", any_text())
        .prop_map(|(course_id, title)| CourseRequest { course_id, title });
    let preferences = (
        btree_set(proptest::sample::select(LearningFormat::ALL.to_vec()), 0..3),
        btree_set(proptest::sample::select(LearningTime::ALL.to_vec()), 0..3),
        any_text(),
    )
        .prop_map(|(formats, times, access_needs)| LearningPreferences {
            formats,
            times,
            access_needs,
        });
    let meeting = (
        proptest::option::of(any_date()),
        any_text(),
        any_text(),
        any_text(),
    )
        .prop_map(|(date, held_by, notes, agreed_actions)| PdpMeeting {
            date,
            held_by,
            notes,
            agreed_actions,
        });
    (
        (
            btree_set("[a-z-]{1,20}", 0..4),
            any_text(),
            proptest::collection::vec(need, 0..3),
        ),
        (
            proptest::collection::vec(request, 0..3),
            proptest::collection::vec(any_text(), 0..3),
            preferences,
        ),
        (
            proptest::collection::vec(goal, 0..4),
            meeting,
            proptest::option::of(any_date()),
        ),
        (
            proptest::option::of(any_sign_off()),
            proptest::collection::vec(
                (any_moment(), any_sign_off())
                    .prop_map(|(at, sign_off)| Reopening { at, sign_off }),
                0..2,
            ),
            any_moment(),
        ),
    )
        .prop_map(
            move |(
                (roles, strengths, needs),
                (requested_courses, other_requests, preferences),
                (goals, meeting, review_on),
                (sign_off, reopenings, updated_at),
            )| {
                DevelopmentPlan {
                    year,
                    roles,
                    strengths,
                    needs,
                    requested_courses,
                    other_requests,
                    preferences,
                    goals,
                    meeting,
                    review_on,
                    sign_off,
                    reopenings,
                    updated_at,
                }
            },
        )
}

/// Up to three plans, one per year, in year order.
pub fn any_plans() -> impl Strategy<Value = Vec<DevelopmentPlan>> {
    btree_set(2024i32..2030, 0..3)
        .prop_flat_map(|years| years.into_iter().map(any_plan).collect::<Vec<_>>())
}

/// Any pack: the built-in one with any council, version, budget, rounds, retirements and
/// renamings.
pub fn any_pack() -> impl Strategy<Value = CouncilPack> {
    (
        // A council is always named: the editor asks for a name before a pack can be started.
        (
            "\\PC{0,20}[A-Za-z]\\PC{0,19}",
            0u32..50,
            any_moment(),
            0u64..10_000_000,
            proptest::option::of(0u64..1_000_000),
        ),
        (
            proptest::collection::vec(any::<bool>(), 40),
            proptest::collection::vec(any::<bool>(), 12),
            "20[0-9]{2}/[0-9]{2}",
            any_text(),
            // Packs from before locking salts have none.
            proptest::option::of(any::<[u8; 16]>()),
        ),
    )
        .prop_map(
            |(
                (council, version, at, budget, allowance),
                (retire_courses, retire_roles, round, text, salt),
            )| {
                let mut pack = CouncilPack::starting(
                    &council,
                    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
                    at,
                );
                pack.pack_version = version;
                pack.budget_pence = budget;
                pack.allowance_pence = allowance;
                if let Some(salt) = salt {
                    pack.ensure_locking_salt(salt);
                }
                for (course, retired) in pack.courses.iter_mut().zip(retire_courses) {
                    course.retired = retired;
                }
                for (role, retired) in pack.roles.iter_mut().zip(retire_roles) {
                    role.retired = retired;
                }
                if let Some(role) = pack.roles.first_mut() {
                    role.name = format!(
                        "{} {}",
                        role.name,
                        text.chars().take(20).collect::<String>()
                    );
                }
                if let Some(course) = pack.courses.first_mut() {
                    course.location = text;
                }
                for survey in &mut pack.surveys {
                    survey.round = round.clone();
                }
                pack
            },
        )
}

pub fn any_record_of(member_id: Uuid) -> impl Strategy<Value = MemberRecord> {
    (
        any_profile(),
        proptest::option::of(any_moment()),
        any_activities(),
        any_responses(),
        any_plans(),
        proptest::option::weighted(0.2, any_pack()),
    )
        .prop_map(
            move |(profile, set_up_at, learning, surveys, plans, pack)| MemberRecord {
                member_id,
                profile,
                set_up_at,
                learning,
                surveys,
                plans,
                pack,
            },
        )
}

pub fn any_record() -> impl Strategy<Value = MemberRecord> {
    any_uuid().prop_flat_map(any_record_of)
}

pub fn any_member_file() -> impl Strategy<Value = MemberFile> {
    (any_record(), any::<u64>(), any_uuid(), any_moment()).prop_map(
        |(record, revision, device_id, now)| MemberFile::new(record, revision, device_id, now),
    )
}
