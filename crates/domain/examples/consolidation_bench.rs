//! Benchmark (run by `make bench`): generates realistic member files, writes them to
//! `target/bench-files/<n>/` for the browser benchmark, and times importing them into an
//! officer's workspace and producing every report, natively, for 100 and 1,000 members.

use std::time::Instant;

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use mdr_domain::consolidate::{
    CharterActions, MatrixFilter, OfficerWorkspace, WorkbookSource, charter_evidence,
    committee_report, compliance, course_evaluation, engagement, needs_analysis, report_tables,
    spend, survey_results, training_audit_csv, training_matrix,
};
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
struct Dice(u64);

impl Dice {
    fn roll(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n.max(1)
    }
}

fn member(n: u64, dice: &mut Dice) -> String {
    let now = Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap();
    let id = Uuid::from_u128(u128::from(n) + 1);
    let mut record = MemberRecord::new(id, now);
    let roles = default_roles();
    record.profile.full_name = format!("Cllr Member {n:04}");
    record.profile.council = "Sandwell Metropolitan Borough Council".into();
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

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    println!("Consolidation, native (release build, this machine):");
    for count in [100u64, 1000] {
        let mut dice = Dice(count);
        let files: Vec<String> = (0..count).map(|n| member(n, &mut dice)).collect();
        let dir = format!("target/bench-files/{count}");
        std::fs::create_dir_all(&dir).expect("the bench folder can be made");
        for (n, text) in files.iter().enumerate() {
            std::fs::write(format!("{dir}/member-record-{n:04}.json"), text)
                .expect("a bench file can be written");
        }
        let bytes: usize = files.iter().map(String::len).sum();
        let started = Instant::now();
        let mut workspace = OfficerWorkspace::default();
        for text in &files {
            workspace.import("member-record.json", text);
        }
        let imported = started.elapsed();
        let catalogue = default_catalogue();
        let year = MunicipalYear::containing(today);
        let audit = training_audit_csv(&workspace).text();
        let due = compliance(&workspace, &catalogue, &default_roles(), today);
        let evaluations = course_evaluation(&workspace);
        let money = spend(&workspace, &catalogue, 500_000, year);
        let engaged = engagement(&workspace, &[], today);
        let needs = needs_analysis(&workspace);
        let surveys: Vec<_> = built_in_templates()
            .iter()
            .map(|t| survey_results(&workspace, t, Some("2025/26"), "2026/27"))
            .collect();
        let total = started.elapsed();
        println!(
            "  {count:>5} files, {:.1} MB: import {:>6.0} ms ({:.0} files/s); import and every report {:>6.0} ms  [{} audit bytes, {} compliance rows, {} courses evaluated, {} spend rows, {} members, {} needs, {} surveys]",
            bytes as f64 / 1_048_576.0,
            imported.as_secs_f64() * 1000.0,
            count as f64 / imported.as_secs_f64(),
            total.as_secs_f64() * 1000.0,
            audit.len(),
            due.len(),
            evaluations.len(),
            money.rows.len(),
            engaged.len(),
            needs.len(),
            surveys.len(),
        );
        // What the officer takes to committee, each timed apart.
        let timed = |f: &dyn Fn() -> usize| {
            let started = Instant::now();
            let size = f();
            (started.elapsed().as_secs_f64() * 1000.0, size)
        };
        let (matrix_ms, rows) = timed(&|| {
            training_matrix(&workspace, &catalogue, &MatrixFilter::default(), today)
                .rows
                .len()
        });
        let (committee_ms, _) = timed(&|| {
            committee_report(&workspace, None, year, today)
                .take_up
                .lines
                .len()
        });
        let (charter_ms, _) = timed(&|| {
            charter_evidence(&workspace, None, year, today)
                .elements
                .len()
        });
        let (tables_ms, cells) = timed(&|| {
            report_tables(
                &WorkbookSource {
                    workspace: &workspace,
                    pack: None,
                    roster: &[],
                    today,
                },
                &CharterActions::default(),
            )
            .iter()
            .map(|t| t.rows.len() * t.columns.len())
            .sum()
        });
        println!(
            "  {count:>5} members: training matrix {matrix_ms:.0} ms ({rows} rows); committee report {committee_ms:.0} ms; Charter evidence {charter_ms:.0} ms; the workbook's sheets {tables_ms:.0} ms ({cells} cells)"
        );
    }
}
