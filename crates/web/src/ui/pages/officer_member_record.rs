//! One member's record as the workspace holds it (`/officer/members/:id`), opened from
//! their name in the members list: the profile, the learning record and what mandatory
//! training is due, the surveys submitted and the development plans. It is confidential
//! and read-only: nothing here changes what is held. What is listed, and in what order,
//! is `consolidate::member_view`'s; this page only lays it out.

use chrono::{DateTime, Local, NaiveDate, Utc};
use leptos::prelude::*;
use uuid::Uuid;

use crate::ui::components::{ActivityCards, DueList};
use crate::ui::officer_context::{OfficerData, use_officer_data};
use crate::ui::pages::plan::PlanDocument;
use crate::ui::pages::survey::AnswersSummary;
use crate::ui::router::use_params;
use crate::ui::set_page_title;
use mdr_domain::consolidate::{AnsweredSurvey, MemberView, member_view};
use mdr_domain::model::dates::{date_and_time, long_date};

/// The members list, where every member's record is opened from.
const MEMBERS: &str = "/officer";

/// The parts of the record, in page order: each its section's id and heading, and a link
/// in the list at the top.
type Part = (&'static str, &'static str);
const PROFILE: Part = ("member-profile", "Profile");
const DUE: Part = ("member-due", "Mandatory training due");
const LEARNING: Part = ("member-learning", "Learning record");
const SURVEYS: Part = ("member-surveys", "Surveys");
const PLANS: Part = ("member-plans", "Development plans");

/// One part of the record: a section under its heading.
#[component]
fn RecordPart(
    /// The part's id and heading.
    part: Part,
    /// Whether the section carries the part's id (not when an element around it does).
    #[prop(default = true)]
    id: bool,
    children: Children,
) -> impl IntoView {
    let (part_id, title) = part;
    let heading = format!("{part_id}-title");
    view! {
        <section class="section" id=id.then_some(part_id) aria-labelledby=heading>
            <h2 id=heading.clone()>{title}</h2>
            {children()}
        </section>
    }
}

fn when(moment: DateTime<Utc>) -> String {
    date_and_time(&moment.with_timezone(&Local))
}

/// A member's record, read-only, or a plain "not found" for an address that names none.
#[component]
pub fn MemberRecordPage() -> impl IntoView {
    let data = use_officer_data();
    let OfficerData {
        workspace, problem, ..
    } = data;
    let params = use_params();
    // The names and catalogue the reports use: the officer's own pack, once there is one.
    let pack = StoredValue::new(data.pack().ok().flatten());
    let today = Local::now().date_naive();
    let member = Memo::new(move |_| {
        let id = params.with(|p| p.get("id").and_then(|id| id.parse::<Uuid>().ok()))?;
        workspace.with(|w| {
            let held = w.members.get(&id)?;
            Some(pack.with_value(|p| member_view(held, p.as_ref(), today)))
        })
    });
    let page = move || {
        if data.loading() {
            set_page_title("Member's record – Officer workspace");
            return view! { <p role="status">"Opening the members' files saved on this device…"</p> }
                .into_any();
        }
        match member.get() {
            Some(member) => view! { <MemberRecord member=member today=today/> }.into_any(),
            None => view! { <MemberNotFound/> }.into_any(),
        }
    };
    view! {
        <div class="screen-only lock-bar"><super::officer_lock::LockWorkspace/></div>
        {move || problem.get().map(|p| view! { <p class="notice notice--error" role="alert">{p}</p> })}
        {page}
    }
}

/// What an address that names no member held here shows.
#[component]
fn MemberNotFound() -> impl IntoView {
    set_page_title("Member not found – Officer workspace");
    view! {
        <h1>"Member not found"</h1>
        <p>
            "No member's record at this address is held in this workspace. The member may "
            "have been removed from it, or the address may be incomplete."
        </p>
        <p><a href=MEMBERS>"Go to the members' files"</a></p>
    }
}

/// The whole record, section by section.
#[component]
fn MemberRecord(member: MemberView, today: NaiveDate) -> impl IntoView {
    set_page_title(&format!("{} – Officer workspace", member.name));
    let MemberView {
        name,
        profile,
        role_names,
        roles,
        exported_at,
        last_changed,
        activities,
        due,
        surveys,
        surveys_in_draft,
        plans,
        ..
    } = member;
    let place = [profile.council.trim(), profile.ward.trim()]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let dates = format!(
        "File exported {}. Record last changed {}.",
        when(exported_at),
        when(last_changed)
    );
    let owner = (profile.full_name.clone(), profile.council.clone());
    view! {
        <div class="member-record">
            <p class="screen-only"><a href=MEMBERS class="back-link">"Back to members' files"</a></p>
            <p class="confidential">"Confidential: a member's development record"</p>
            <span class="caption">"Member's record · read only"</span>
            <h1>{name}</h1>
            {(!place.is_empty()).then(|| view! { <p class="lead">{place}</p> })}
            <p>{dates}</p>
            <p class="screen-only">
                "This is what the member's latest file holds. Nothing can be changed here: the "
                "member changes their record in their own app and sends you a new file."
            </p>
            <p class="screen-only">
                <button type="button" class="button button--secondary" on:click=move |_| { let _ = window().print(); }>
                    "Print this record"
                </button>
            </p>
            <nav class="contents screen-only" aria-label="On this page">
                <ul>
                    {[PROFILE, DUE, LEARNING, SURVEYS, PLANS].into_iter().map(|(id, label)| view! { <li><a href=format!("#{id}")>{label}</a></li> }).collect_view()}
                </ul>
            </nav>
            <ProfileSection profile=profile role_names=role_names today=today/>
            <RecordPart part=DUE>
                {if due.is_empty() {
                    view! { <p>"Up to date with the mandatory training for their roles."</p> }.into_any()
                } else {
                    view! { <DueList due=Signal::stored(due) read_only=true/> }.into_any()
                }}
            </RecordPart>
            <RecordPart part=LEARNING>
                {if activities.is_empty() {
                    view! { <p>"No learning recorded."</p> }.into_any()
                } else {
                    view! { <ActivityCards activities=Signal::stored(activities) read_only=true/> }.into_any()
                }}
            </RecordPart>
            <SurveysSection surveys=surveys in_draft=surveys_in_draft/>
            <div id=PLANS.0>
                {if plans.is_empty() {
                    view! {
                        <RecordPart part=PLANS id=false>
                            <p>"No development plan in this record."</p>
                        </RecordPart>
                    }.into_any()
                } else {
                    let roles = Signal::stored(roles);
                    let owner = Signal::stored(owner);
                    plans.into_iter().map(|plan| view! {
                        <PlanDocument plan=Signal::stored(Some(plan)) owner=owner roles=roles always_shown=true/>
                    }).collect_view().into_any()
                }}
            </div>
        </div>
    }
}

/// The member's profile as a list of answers.
#[component]
fn ProfileSection(
    profile: mdr_domain::model::Profile,
    role_names: Vec<String>,
    today: NaiveDate,
) -> impl IntoView {
    let or = |text: &str, none: &str| {
        let text = text.trim();
        if text.is_empty() {
            none.to_owned()
        } else {
            text.to_owned()
        }
    };
    let elected = profile.date_elected.map_or_else(
        || "Not given".to_owned(),
        |on| {
            if profile.newly_elected(today) {
                format!("{} (newly elected)", long_date(on))
            } else {
                long_date(on)
            }
        },
    );
    let rows = [
        ("Full name", or(&profile.full_name, "Not given")),
        ("Council", or(&profile.council, "Not given")),
        ("Ward or division", or(&profile.ward, "Not given")),
        (
            "Political group",
            or(&profile.political_group, "None given"),
        ),
        (
            "Roles",
            if role_names.is_empty() {
                "None given".to_owned()
            } else {
                role_names.join(", ")
            },
        ),
        ("Date elected", elected),
    ];
    view! {
        <RecordPart part=PROFILE>
            <dl class="summary">
                {rows.into_iter().map(|(label, value)| view! {
                    <div class="summary__row"><dt>{label}</dt><dd>{value}</dd></div>
                }).collect_view()}
            </dl>
        </RecordPart>
    }
}

/// Every submitted survey with its answers, read with the survey it answers.
#[component]
fn SurveysSection(surveys: Vec<AnsweredSurvey>, in_draft: usize) -> impl IntoView {
    let drafts = match in_draft {
        0 => None,
        1 => Some(
            "One more survey is started but not submitted, so its answers are not shown."
                .to_owned(),
        ),
        n => Some(format!(
            "{n} more surveys are started but not submitted, so their answers are not shown."
        )),
    };
    let empty = surveys.is_empty();
    let responses = surveys
        .into_iter()
        .map(|AnsweredSurvey { response, template }| {
            let submitted = response
                .submitted_at
                .map(|at| format!("Submitted {}.", when(at)))
                .unwrap_or_default();
            let round = response.round.clone();
            let heading_id = format!("survey-{}", response.id);
            match template {
                Some(template) => {
                    let heading = format!("{}, {round}", template.title);
                    view! {
                        <section class="member-survey" aria-labelledby=heading_id>
                            <h3 id=heading_id.clone()>{heading}</h3>
                            <p>{submitted}</p>
                            <AnswersSummary
                                template=StoredValue::new(template)
                                response=Signal::stored(Some(response))
                                change_links=false
                                nested=true
                            />
                        </section>
                    }
                    .into_any()
                }
                None => {
                    let heading = format!("A survey this workspace does not hold, {round}");
                    view! {
                        <section class="member-survey" aria-labelledby=heading_id>
                            <h3 id=heading_id.clone()>{heading}</h3>
                            <p>{submitted}</p>
                            <p>{format!(
                                "Its questions are not in the council pack or the app (the survey's id is “{}”), so the answers cannot be read here.",
                                response.template_id
                            )}</p>
                        </section>
                    }
                    .into_any()
                }
            }
        })
        .collect_view();
    view! {
        <RecordPart part=SURVEYS>
            {empty.then(|| view! { <p>"No survey submitted."</p> })}
            {responses}
            {drafts.map(|d| view! { <p>{d}</p> })}
        </RecordPart>
    }
}
