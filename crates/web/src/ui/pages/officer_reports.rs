//! The officer's reports on the members' files held: each a table with a CSV download
//! that opens in Excel, and a print style.

use chrono::{Local, NaiveDate};
use leptos::prelude::*;

use crate::ui::components::{PrintHeading, TextArea};
use crate::ui::files::download_csv;
use crate::ui::officer_context::{OfficerData, use_officer_data};
use crate::ui::pages::officer_members::OfficerNav;
use crate::ui::pages::officer_survey_report::{NeedsReport, SurveyResultsReport};
use crate::ui::set_page_title;
use crate::ui::workbook::DownloadWorkbook;
use mdr_domain::consolidate::{
    ComplianceSummary, Csv, HoursPerMember, MemberSpend, WorkbookSource, compliance,
    compliance_csv, compliance_summary, compliance_summary_csv, course_evaluation,
    course_evaluation_csv, engagement, engagement_csv, hours_per_member, hours_per_member_csv,
    hours_text, report_tables, reports_title, spend, spend_csv, spend_per_member,
    spend_per_member_csv,
};
use mdr_domain::model::dates::long_date;
use mdr_domain::model::due::MunicipalYear;
use mdr_domain::model::money::pounds;
use mdr_domain::model::pack::{CouncilPack, DEFAULT_BUDGET_PENCE, all_roles, offered_courses};
use mdr_domain::model::survey_templates::built_in_templates;

/// A report's frame: its heading, a line about it, its download, then its table.
#[component]
fn Report(
    /// The heading, also used in the download button's name.
    title: &'static str,
    /// The heading's id.
    id: &'static str,
    /// What the report shows.
    about: &'static str,
    /// The download's file name, without the date.
    file: &'static str,
    /// Makes the CSV when the officer asks for it.
    csv: Callback<(), Csv>,
    children: Children,
) -> impl IntoView {
    let download = move |_| {
        let _ = download_csv(file, &csv.run(()));
    };
    view! {
        <section class="section report" aria-labelledby=id>
            <h2 id=id>{title}</h2>
            <p>{about}</p>
            <button type="button" class="button button--secondary" on:click=download>
                {format!("Download {} (CSV)", title.to_lowercase())}
            </button>
            {children()}
        </section>
    }
}

/// The most rows a report shows on screen; its CSV holds them all.
const ROWS_SHOWN: usize = 200;

/// A scrolling table with a caption-like label, for a report. Long reports show their
/// first rows and say so: a table of thousands of rows helps nobody on a tablet, and the
/// download has every row.
fn table(label: &'static str, head: &[&'static str], rows: Vec<Vec<String>>) -> AnyView {
    if rows.is_empty() {
        return view! { <p class="report__empty">"Nothing to show yet."</p> }.into_any();
    }
    let total = rows.len();
    let head = head
        .iter()
        .map(|h| view! { <th scope="col">{*h}</th> })
        .collect_view();
    let body = rows
        .into_iter()
        .take(ROWS_SHOWN)
        .map(|row| view! { <tr>{row.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr> })
        .collect_view();
    let more = (total > ROWS_SHOWN).then(|| {
        view! {
            <p class="field__hint">{format!("Showing the first {ROWS_SHOWN} of {total} rows; the download has them all.")}</p>
        }
    });
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=label>
            <table class="table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>
        </div>
        {more}
    }
    .into_any()
}

/// A date in a report's table, `14 Oct 2026` as everywhere on screen; empty for none.
fn shown_date(date: Option<NaiveDate>) -> String {
    date.map(long_date).unwrap_or_default()
}

/// The summary the compliance report opens with: for each mandatory course and role, how
/// many of the members it applies to are up to date, and how many are in each other state.
#[component]
fn ComplianceTotals(
    /// The summary of the compliance rows.
    totals: Memo<ComplianceSummary>,
) -> impl IntoView {
    let download = move |_| {
        let _ = download_csv(
            "mandatory-compliance-summary",
            &totals.with_untracked(compliance_summary_csv),
        );
    };
    view! {
        <h3>"Summary"</h3>
        <p>"For each mandatory course and the role it is mandatory for: how many of the members it applies to are up to date, and how many are in each other state."</p>
        <button type="button" class="button button--secondary" on:click=download>"Download compliance summary (CSV)"</button>
        {move || totals.with(|summary| {
            let mut head = vec!["Course", "Role", "Up to date"];
            head.extend(summary.statuses.iter().copied());
            let rows = summary.lines.iter().map(|l| {
                let mut row = vec![l.course.clone(), l.role.clone(), format!("{} of {}", l.up_to_date, l.members)];
                row.extend(l.counts.iter().map(usize::to_string));
                row
            }).collect();
            table("Mandatory compliance summary", &head, rows)
        })}
    }
}

/// Each member's spend in the year, actual and planned, against the allowance per member
/// when the pack sets one.
#[component]
fn MemberSpendReport(spend: Memo<MemberSpend>) -> impl IntoView {
    let download = move |_| {
        let _ = download_csv(
            "spend-per-member",
            &spend.with_untracked(spend_per_member_csv),
        );
    };
    view! {
        <h3>"Each member's spend"</h3>
        <p>{move || spend.with(MemberSpend::sentence)}</p>
        <button type="button" class="button button--secondary" on:click=download>"Download spend per member (CSV)"</button>
        {move || spend.with(|s| table("Spend per member", &s.headings(), s.lines()))}
    }
}

/// Hours per member: the year's total, then a row for each member.
#[component]
fn HoursReport(
    /// Every member's hours.
    hours: Memo<HoursPerMember>,
) -> impl IntoView {
    view! {
        <Report
            title="Hours per member" id="report-hours" file="hours-per-member"
            about="The hours of learning each member completed this municipal year, and in all their record holds. A completed activity given no hours counts as none, and is counted apart so you can ask about it."
            csv=Callback::new(move |()| hours.with(hours_per_member_csv))
        >
            {move || hours.with(|h| view! { <p class="report__summary">{hours_summary(h)}</p> })}
            {move || table("Hours per member", &["Member", "Ward or division", "Completed this year", "Hours this year", "No hours given", "Hours in all"],
                hours.get().rows.into_iter().map(|r| vec![
                    r.member, r.ward, r.completed.to_string(), hours_text(r.minutes_in_year),
                    r.without_hours.to_string(), hours_text(r.minutes_in_all),
                ]).collect())}
        </Report>
    }
}

/// The line above the hours table: the year's total, and what it leaves out.
fn hours_summary(hours: &HoursPerMember) -> String {
    let members = hours.members_text();
    let unknown = match hours.total_without_hours {
        0 => String::new(),
        1 => " One completed activity has no hours given.".to_owned(),
        n => format!(" {n} completed activities have no hours given."),
    };
    let phrase = |minutes| match hours_text(minutes) {
        one if one == "1" => "1 hour".to_owned(),
        text => format!("{text} hours"),
    };
    format!(
        "{}: {} of learning completed by {members}; {} in all.{unknown}",
        hours.year.label(),
        phrase(hours.total_in_year),
        phrase(hours.total_in_all),
    )
}

/// The Reports page of the officer workspace.
#[component]
pub fn OfficerReportsPage() -> impl IntoView {
    set_page_title("Reports – Officer workspace");
    let data = use_officer_data();
    let OfficerData {
        workspace, problem, ..
    } = data;
    let pack: Option<CouncilPack> = data.pack().ok().flatten();
    let catalogue = StoredValue::new(offered_courses(pack.as_ref()));
    let roles = StoredValue::new(all_roles(pack.as_ref()));
    let budget = pack
        .as_ref()
        .map_or(DEFAULT_BUDGET_PENCE, |p| p.budget_pence);
    let templates = pack.as_ref().map_or_else(built_in_templates, |p| {
        p.surveys.iter().map(|s| s.template.clone()).collect()
    });
    let today = Local::now().date_naive();
    let year = MunicipalYear::containing(today);
    let roster = data.roster;
    let roster_list = move || roster.with(|r| r.lines().map(str::to_owned).collect::<Vec<_>>());

    let compliance_rows = Memo::new(move |_| {
        workspace.with(|w| compliance(w, &catalogue.get_value(), &roles.get_value(), today))
    });
    let compliance_totals = Memo::new(move |_| {
        compliance_rows.with(|rows| {
            workspace
                .with(|w| compliance_summary(w, &catalogue.get_value(), &roles.get_value(), rows))
        })
    });
    let hours = Memo::new(move |_| workspace.with(|w| hours_per_member(w, year)));
    let evaluation_rows = Memo::new(move |_| workspace.with(course_evaluation));
    let spend_report =
        Memo::new(move |_| workspace.with(|w| spend(w, &catalogue.get_value(), budget, year)));
    let allowance = pack.as_ref().and_then(|p| p.allowance_pence);
    let member_spend = Memo::new(move |_| {
        workspace.with(|w| spend_per_member(w, &catalogue.get_value(), allowance, year))
    });
    let engagement_rows =
        Memo::new(move |_| workspace.with(|w| engagement(w, &roster_list(), today)));
    let pack_for_workbook = StoredValue::new(pack.clone());
    // On paper and in the workbook: the council's pack names it, else the council every
    // member's file names.
    let printed_title = Signal::derive(move || {
        workspace.with(|w| pack_for_workbook.with_value(|p| reports_title(w, p.as_ref())))
    });

    let workbook_tables = Callback::new(move |()| {
        workspace.with_untracked(|w| {
            pack_for_workbook.with_value(|pack| {
                report_tables(
                    &WorkbookSource {
                        workspace: w,
                        pack: pack.as_ref(),
                        roster: &roster_list(),
                        today,
                    },
                    &data.charter_actions(),
                )
            })
        })
    });

    view! {
        <PrintHeading title=printed_title/>
        <h1 class="screen-only">"Officer workspace"</h1>
        <OfficerNav/>
        {move || problem.get().map(|p| view! { <p class="notice notice--error" role="alert">{p}</p> })}
        <p class="lead screen-only">
            {move || format!("Reports on the {} members' files held on this device.", workspace.with(|w| w.members.len()))}
        </p>
        <div class="report-actions screen-only">
            <DownloadWorkbook title=printed_title file="member-development-reports" tables=workbook_tables/>
            <button type="button" class="button button--secondary" on:click=move |_| { let _ = window().print(); }>"Print these reports"</button>
        </div>
        <Report
            title="Mandatory compliance" id="report-compliance" file="mandatory-compliance"
            about="How many members are up to date with each course mandatory for their roles, then who has not done it, is overdue, or has a refresher due within 90 days."
            csv=Callback::new(move |()| compliance_rows.with(|r| compliance_csv(r)))
        >
            <ComplianceTotals totals=compliance_totals/>
            <h3>"Members to follow up"</h3>
            {move || table("Mandatory compliance", &["Role", "Member", "Course", "Status", "Due on"],
                compliance_rows.get().into_iter().map(|r| vec![r.role, r.member, r.course, r.status.to_owned(), shown_date(r.due_on)]).collect())}
        </Report>
        <HoursReport hours=hours/>
        <NeedsReport workspace=workspace/>
        <SurveyResultsReport workspace=workspace templates=templates pack=pack.clone()/>
        <Report
            title="Course evaluation" id="report-evaluation" file="course-evaluation"
            about="What members thought of each course they completed and evaluated."
            csv=Callback::new(move |()| evaluation_rows.with(|r| course_evaluation_csv(r)))
        >
            {move || table("Course evaluation", &["Course", "Responses", "Rating (1-5)", "Usefulness (1-5)", "Would recommend", "Comments"],
                evaluation_rows.get().into_iter().map(|r| vec![
                    r.course, r.responses.to_string(), format!("{:.1}", r.average_rating), format!("{:.1}", r.average_usefulness),
                    format!("{:.0}%", r.recommend_percent), r.comments.join(" · "),
                ]).collect())}
        </Report>
        <Report
            title="Spend" id="report-spend" file="training-spend"
            about="The cost of places on paid courses this municipal year, completed and planned, against the training budget."
            csv=Callback::new(move |()| spend_report.with(spend_csv))
        >
            {move || spend_report.with(|s| {
                let left = s.remaining_pence();
                let summary = format!(
                    "Budget {}: {}. Completed {}, planned {}, {} {}.",
                    s.year.label(), pounds(s.budget_pence), pounds(s.completed_pence), pounds(s.planned_pence),
                    pounds(left.unsigned_abs()), if left < 0 { "over budget" } else { "left" }
                );
                view! { <p class="report__summary">{summary}</p> }
            })}
            {move || table("Spend", &["Course", "Cost per place", "Completed", "Planned", "Committed"],
                spend_report.get().rows.into_iter().map(|r| vec![
                    r.course, pounds(r.cost_pence), r.completed.to_string(), r.planned.to_string(),
                    pounds(r.cost_pence * (r.completed + r.planned) as u64),
                ]).collect())}
            <MemberSpendReport spend=member_spend/>
        </Report>
        <Report
            title="Engagement" id="report-engagement" file="engagement"
            about="Who has not sent a file, and how recent each member's file is."
            csv=Callback::new(move |()| engagement_rows.with(|r| engagement_csv(r)))
        >
            <TextArea
                label="Members you expect files from (optional)"
                id="roster"
                hint="One name per line, as members write it in their profile"
                limit=50_000
                value=roster
                on_input=Callback::new(move |v: String| data.save_roster(v))
            />
            {move || table("Engagement", &["Member", "Latest file", "Status"],
                engagement_rows.get().into_iter().map(|r| vec![r.member, shown_date(r.latest_file), r.status.to_owned()]).collect())}
        </Report>
    }
}
