//! The benchmarks' members' files: a deterministic generator of realistic records, shared by
//! mdr-domain's `consolidation_bench` and mdr-cli's `scale_bench`, which include this file
//! with `#[path]`. It lives in a folder without a `main.rs` so that cargo does not take it
//! for an example of its own.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use mdr_domain::exchange::{MemberFile, write_member_file};
use mdr_domain::model::due::MunicipalYear;
use mdr_domain::model::learning::Evaluation;
use mdr_domain::model::plan::{DevelopmentNeed, DevelopmentPlan, Goal, GoalStatus, Priority};
use mdr_domain::model::survey::{
    Answer, QuestionKind, ResponseStatus, SurveyResponse, SurveyRound,
};
use mdr_domain::model::survey_templates::built_in_templates;
use mdr_domain::model::{
    ActivityStatus, LearningActivity, MemberRecord, default_catalogue, default_roles,
};
use uuid::Uuid;

/// A small deterministic generator, so every run measures the same files.
pub struct Dice(pub u64);

impl Dice {
    pub fn roll(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n.max(1)
    }
}

/// Member `n`'s file, about 41 KB: a profile in `council`, 30 to 60 activities, three years of
/// survey answers and development plans. Every id is derived from `n`, so files made with
/// different `n` never share a member, and the same `n` and dice give the same bytes.
pub fn member(n: u64, council: &str, dice: &mut Dice) -> String {
    let now = Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap();
    let id = Uuid::from_u128(u128::from(n) + 1);
    let mut record = MemberRecord::new(id, now);
    let roles = default_roles();
    record.profile.full_name = format!("Cllr Member {n:04}");
    record.profile.council = council.into();
    record.profile.ward = format!("Ward {}", dice.roll(24) + 1);
    record.profile.political_group =
        ["Labour", "Conservative", "Independent", ""][dice.roll(4) as usize].into();
    for _ in 0..=dice.roll(3) {
        record
            .profile
            .roles
            .insert(roles[dice.roll(roles.len() as u64) as usize].id.clone());
    }
    record.set_up_at = Some(now);
    let catalogue = default_catalogue();
    for a in 0..30 + dice.roll(31) {
        let course = &catalogue[dice.roll(catalogue.len() as u64) as usize];
        let mut activity = LearningActivity::for_course(
            Uuid::from_u128(u128::from(n) << 32 | u128::from(a)),
            course,
            now,
        );
        activity.status = [
            ActivityStatus::Completed,
            ActivityStatus::Completed,
            ActivityStatus::InProgress,
            ActivityStatus::Planned,
        ][dice.roll(4) as usize];
        if activity.status == ActivityStatus::Completed {
            activity.completed_on = Some(
                NaiveDate::from_ymd_opt(2023, 5, 1).unwrap()
                    + Duration::days(dice.roll(1200) as i64),
            );
            activity.evidence = format!("CERT-{n}-{a}");
            if dice.roll(2) == 0 {
                activity.evaluation = Some(Evaluation {
                    rating: 1 + dice.roll(5) as u8,
                    usefulness: 1 + dice.roll(5) as u8,
                    do_differently: "Prepare questions before the meeting".into(),
                    would_recommend: dice.roll(3) > 0,
                    comments: String::new(),
                });
            }
        }
        record.put_activity(activity);
    }
    for (r, round) in ["2024/25", "2025/26", "2026/27"].iter().enumerate() {
        for template in built_in_templates() {
            let mut response = SurveyResponse::start(
                Uuid::from_u128(u128::from(n) << 40 | (r as u128) << 8 | template.id.len() as u128),
                &template,
                &SurveyRound::named(*round),
                now,
            );
            for question in template.questions() {
                if let QuestionKind::Likert { .. } = question.kind {
                    response
                        .answers
                        .insert(question.id.clone(), Answer::Scale(1 + dice.roll(5) as u8));
                }
            }
            response.status = ResponseStatus::Submitted;
            record.put_response(response);
        }
        let mut plan = DevelopmentPlan::blank(
            MunicipalYear {
                starts_in: 2024 + r as i32,
            },
            record.profile.roles.clone(),
            now,
        );
        plan.strengths = "Casework and community links".into();
        plan.needs.push(DevelopmentNeed {
            id: Uuid::from_u128(u128::from(n) << 48 | r as u128),
            need: [
                "Chairing meetings",
                "Public speaking",
                "Social media",
                "ICT skills",
            ][dice.roll(4) as usize]
                .into(),
            priority: Priority::High,
            why: "For my role".into(),
            preferred_format: None,
        });
        plan.request_course(&catalogue[dice.roll(catalogue.len() as u64) as usize]);
        plan.goals.push(Goal {
            id: Uuid::from_u128(u128::from(n) << 56 | r as u128),
            goal: "Complete mandatory training".into(),
            target: None,
            status: GoalStatus::InProgress,
        });
        record.put_plan(plan);
    }
    write_member_file(&MemberFile::new(
        record,
        10 + dice.roll(50),
        Uuid::from_u128(u128::from(n) + 9_000_000),
        now,
    ))
}
