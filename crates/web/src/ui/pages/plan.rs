//! The Personal Development Plan for this municipal year: started blank or from last
//! year's plan, changed as the councillor types (like the profile), signed off and so
//! locked until reopened, and printed as a clean, confidential A4 document.

use chrono::{Local, Utc};
use leptos::prelude::*;
use uuid::Uuid;

use crate::ui::components::{
    CheckboxGroup, CheckboxList, ConfirmPanel, DateField, FieldProblem, FormCheck, FormErrors,
    RadioGroup, TextArea, TextField,
};
use crate::ui::{MemberContext, set_page_title, use_member};
use mdr_domain::model::allowance::plan_cost;
use mdr_domain::model::dates::{date_and_time, long_date};
use mdr_domain::model::due::MunicipalYear;
use mdr_domain::model::plan::{
    DevelopmentNeed, DevelopmentPlan, Goal, GoalStatus, LearningTime, PlanError, Priority,
    latest_before, plan_for, preferences_from_needs_survey,
};
use mdr_domain::model::roles::role_name;
use mdr_domain::model::text::LONG_TEXT;
use mdr_domain::model::{LearningFormat, MemberRecord, Role, Vocabulary};

/// Changes this year's plan, if it is open for changes.
fn change_plan(member: MemberContext, year: i32, change: impl FnOnce(&mut DevelopmentPlan)) {
    member.edit(|r| {
        if let Some(plan) = r.plans.iter_mut().find(|p| p.year == year) {
            // A locked plan refuses the change; the form is not shown for one anyway.
            let _ = plan.change(Utc::now(), change);
        }
    });
}

/// The Development plan page.
#[component]
pub fn PlanPage() -> impl IntoView {
    set_page_title("Development plan");
    let member = use_member();
    let year = MunicipalYear::containing(Local::now().date_naive());
    let plan = Memo::new(move |_| {
        member
            .record
            .with(|r| r.as_ref().and_then(|r| plan_for(&r.plans, year).cloned()))
    });
    let state = Memo::new(move |_| plan.with(|p| p.as_ref().map(DevelopmentPlan::is_locked)));
    let owner = Memo::new(move |_| {
        member.record.with(|r| {
            r.as_ref()
                .map(|r| (r.profile.full_name.clone(), r.profile.council.clone()))
                .unwrap_or_default()
        })
    });
    view! {
        <p class="confidential">"Confidential: your personal development plan"</p>
        <h1 class="screen-only">{format!("Development plan {}", year.label())}</h1>
        {move || match state.get() {
            None => view! { <StartPlan year=year/> }.into_any(),
            Some(false) => view! { <PlanForm plan=plan year=year.starts_in/> }.into_any(),
            Some(true) => view! { <SignedOff plan=plan year=year.starts_in/> }.into_any(),
        }}
        <PlanDocument plan=plan owner=owner roles=member.role_names/>
    }
}

/// Starting this year's plan, blank or from last year's.
#[component]
fn StartPlan(year: MunicipalYear) -> impl IntoView {
    let member = use_member();
    let previous = Memo::new(move |_| {
        member.record.with(|r| {
            r.as_ref()
                .and_then(|r| latest_before(&r.plans, year).map(|p| p.municipal_year().label()))
        })
    });
    let start = move |copy: bool| {
        member.edit(|r: &mut MemberRecord| {
            let roles = r.profile.roles.clone();
            let plan = match latest_before(&r.plans, year) {
                Some(last) if copy => last.copy_forward(year, roles, Utc::now()),
                _ => DevelopmentPlan::blank(year, roles, Utc::now()),
            };
            r.put_plan(plan);
        });
    };
    view! {
        <p class="lead">
            "Your plan sets out your roles, strengths and what you want to develop this year. "
            "You agree it at your PDP meeting, then sign it off. It stays on this device, and "
            "travels only if you export your record."
        </p>
        <div class="button-group">
            {move || previous.get().map(|label| view! {
                <button type="button" class="button" on:click=move |_| start(true)>
                    {format!("Start from your {label} plan")}
                </button>
            })}
            <button
                type="button"
                class=move || if previous.with(Option::is_some) { "button button--secondary" } else { "button" }
                on:click=move |_| start(false)
            >
                "Start a blank plan"
            </button>
        </div>
    }
}

/// The plan while it is open for changes: every change is saved at once.
#[component]
fn PlanForm(plan: Memo<Option<DevelopmentPlan>>, year: i32) -> impl IntoView {
    let member = use_member();
    let field = move |read: fn(&DevelopmentPlan) -> String| {
        Signal::derive(move || plan.with(|p| p.as_ref().map(read).unwrap_or_default()))
    };
    let write = move |apply: fn(&mut DevelopmentPlan, String)| {
        Callback::new(move |value: String| change_plan(member, year, |p| apply(p, value)))
    };
    let roles = member
        .roles
        .get_untracked()
        .into_iter()
        .map(|r| (r.id, r.name))
        .collect();
    view! {
        <p class="lead">"Your changes are saved as you type. Sign off the plan once it is agreed."</p>
        <section class="section" aria-labelledby="plan-roles">
            <h2 id="plan-roles">"Roles and strengths"</h2>
            <CheckboxList
                legend="Roles you hold this year"
                id="plan-roles-held"
                hint="Taken from your profile when the plan was started"
                options=roles
                selected=Signal::derive(move || plan.with(|p| p.as_ref().map(|p| p.roles.clone()).unwrap_or_default()))
                on_toggle=Callback::new(move |(role, ticked): (String, bool)| change_plan(member, year, |p| {
                    if ticked { p.roles.insert(role); } else { p.roles.remove(&role); }
                }))
            />
            <TextArea
                label="Your strengths"
                id="strengths"
                hint="What you do well in your role"
                value=field(|p| p.strengths.clone())
                on_input=write(|p, v| p.strengths = v)
            />
        </section>
        <Needs plan=plan year=year/>
        <Requests plan=plan year=year/>
        <section class="section" aria-labelledby="plan-preferences">
            <h2 id="plan-preferences">"How you like to learn"</h2>
            <FromNeedsSurvey plan=plan year=year/>
            <CheckboxGroup
                legend="Ways of learning that suit you"
                id="preferred-formats"
                selected=Signal::derive(move || plan.with(|p| p.as_ref().map(|p| p.preferences.formats.clone()).unwrap_or_default()))
                on_toggle=Callback::new(move |(format, ticked): (LearningFormat, bool)| change_plan(member, year, |p| {
                    if ticked { p.preferences.formats.insert(format); } else { p.preferences.formats.remove(&format); }
                }))
            />
            <CheckboxGroup
                legend="Times that suit you"
                id="preferred-times"
                selected=Signal::derive(move || plan.with(|p| p.as_ref().map(|p| p.preferences.times.clone()).unwrap_or_default()))
                on_toggle=Callback::new(move |(time, ticked): (LearningTime, bool)| change_plan(member, year, |p| {
                    if ticked { p.preferences.times.insert(time); } else { p.preferences.times.remove(&time); }
                }))
            />
            <TextArea
                label="Access, caring or other needs (optional)"
                id="access-needs"
                hint="Anything that would help you take part, so learning is open to everyone"
                value=field(|p| p.preferences.access_needs.clone())
                on_input=write(|p, v| p.preferences.access_needs = v)
            />
        </section>
        <Goals plan=plan year=year/>
        <section class="section" aria-labelledby="plan-meeting">
            <h2 id="plan-meeting">"PDP meeting and review"</h2>
            <DateField
                label="Date of the PDP meeting"
                id="meeting-date"
                value=Signal::derive(move || plan.with(|p| p.as_ref().and_then(|p| p.meeting.date)))
                on_change=Callback::new(move |d| change_plan(member, year, |p| p.meeting.date = d))
            />
            <TextField
                label="Meeting held by"
                id="meeting-held-by"
                hint="For example, your member development officer or group leader"
                value=field(|p| p.meeting.held_by.clone())
                on_input=write(|p, v| p.meeting.held_by = v)
            />
            <TextArea label="Meeting notes" id="meeting-notes" value=field(|p| p.meeting.notes.clone()) on_input=write(|p, v| p.meeting.notes = v)/>
            <TextArea label="Agreed actions" id="agreed-actions" value=field(|p| p.meeting.agreed_actions.clone()) on_input=write(|p, v| p.meeting.agreed_actions = v)/>
            <DateField
                label="Review date"
                id="review-date"
                hint="When you will look at the plan again; you will be reminded on the home page"
                value=Signal::derive(move || plan.with(|p| p.as_ref().and_then(|p| p.review_on)))
                on_change=Callback::new(move |d| change_plan(member, year, |p| p.review_on = d))
            />
        </section>
        <SignOffForm year=year/>
    }
}

/// A change to one development need of this year's plan, with the value a field gave.
fn change_need<V: 'static>(
    member: MemberContext,
    year: i32,
    id: Uuid,
    change: fn(&mut DevelopmentNeed, V),
) -> Callback<V> {
    Callback::new(move |value: V| {
        change_plan(member, year, |p| {
            if let Some(need) = p.needs.iter_mut().find(|n| n.id == id) {
                change(need, value)
            }
        })
    })
}

/// Development needs, each with its priority, reason and preferred way of learning.
#[component]
fn Needs(plan: Memo<Option<DevelopmentPlan>>, year: i32) -> impl IntoView {
    let member = use_member();
    let ids = Memo::new(move |_| {
        plan.with(|p| {
            p.as_ref()
                .map(|p| p.needs.iter().map(|n| n.id).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let add = move |_| {
        change_plan(member, year, |p| {
            p.needs.push(DevelopmentNeed {
                id: Uuid::new_v4(),
                need: String::new(),
                priority: Priority::Medium,
                why: String::new(),
                preferred_format: None,
            });
        });
    };
    view! {
        <section class="section" aria-labelledby="plan-needs">
            <h2 id="plan-needs">"Development needs"</h2>
            <For each=move || ids.get().into_iter().enumerate() key=|(_, id)| *id let:item>
                <NeedFields plan=plan year=year id=item.1 number=item.0 + 1/>
            </For>
            <button type="button" class="button button--secondary" on:click=add>"Add a development need"</button>
        </section>
    }
}

#[component]
fn NeedFields(
    plan: Memo<Option<DevelopmentPlan>>,
    year: i32,
    id: Uuid,
    number: usize,
) -> impl IntoView {
    let member = use_member();
    let read = move |f: fn(&DevelopmentNeed) -> String| {
        Signal::derive(move || {
            plan.with(|p| {
                p.as_ref()
                    .and_then(|p| p.needs.iter().find(|n| n.id == id))
                    .map(f)
                    .unwrap_or_default()
            })
        })
    };
    let need = Memo::new(move |_| {
        plan.with(|p| {
            p.as_ref()
                .and_then(|p| p.needs.iter().find(|n| n.id == id))
                .map(|n| (n.priority, n.preferred_format))
        })
    });
    let update = move |f: fn(&mut DevelopmentNeed, String)| change_need(member, year, id, f);
    let remove = move |_| change_plan(member, year, |p| p.needs.retain(|n| n.id != id));
    view! {
        <fieldset class="item-group">
            <legend class="item-group__legend">{format!("Development need {number}")}</legend>
            <TextField label="What do you want to develop?" id=format!("need-{id}") limit=LONG_TEXT value=read(|n| n.need.clone()) on_input=update(|n, v| n.need = v)/>
            <RadioGroup
                legend="Priority"
                id=format!("need-{id}-priority")
                inline=true
                selected=Signal::derive(move || need.get().map(|(priority, _)| priority))
                on_change=change_need(member, year, id, |n, priority: Priority| n.priority = priority)
            />
            <TextArea label="Why it matters for your role" id=format!("need-{id}-why") value=read(|n| n.why.clone()) on_input=update(|n, v| n.why = v)/>
            <RadioGroup
                legend="Preferred way of learning"
                id=format!("need-{id}-format")
                inline=true
                selected=Signal::derive(move || need.get().and_then(|(_, format)| format))
                on_change=change_need(member, year, id, |n, format: LearningFormat| n.preferred_format = Some(format))
            />
            <button type="button" class="button button--secondary" on:click=remove>
                "Remove" <span class="visually-hidden">{format!(" development need {number}")}</span>
            </button>
        </fieldset>
    }
}

/// Courses requested from the catalogue, and requests for things it does not offer.
#[component]
fn Requests(plan: Memo<Option<DevelopmentPlan>>, year: i32) -> impl IntoView {
    let member = use_member();
    let chosen = RwSignal::new(String::new());
    let other = RwSignal::new(String::new());
    let requested = Memo::new(move |_| {
        plan.with(|p| {
            p.as_ref()
                .map(|p| p.requested_courses.clone())
                .unwrap_or_default()
        })
    });
    let others = Memo::new(move |_| {
        plan.with(|p| {
            p.as_ref()
                .map(|p| p.other_requests.clone())
                .unwrap_or_default()
        })
    });
    let request = move |_| {
        let id = chosen.get_untracked();
        if let Some(course) = member
            .catalogue
            .with_untracked(|c| c.iter().find(|c| c.id == id).cloned())
        {
            change_plan(member, year, |p| p.request_course(&course));
            chosen.set(String::new());
        }
    };
    let add_other = move |_| {
        let text = other.get_untracked().trim().to_owned();
        if !text.is_empty() {
            change_plan(member, year, |p| p.other_requests.push(text));
            other.set(String::new());
        }
    };
    view! {
        <section class="section" aria-labelledby="plan-requests">
            <h2 id="plan-requests">"Courses you would like"</h2>
            <ul class="request-list">
                <For each=move || requested.get() key=|r| r.course_id.clone() let:item>
                    <li>
                        <span>{item.title.clone()}</span>
                        <button type="button" class="button-link" on:click={
                            let id = item.course_id.clone();
                            move |_| { let id = id.clone(); change_plan(member, year, move |p| p.requested_courses.retain(|r| r.course_id != id)) }
                        }>
                            "Remove" <span class="visually-hidden">{format!(" {}", item.title)}</span>
                        </button>
                    </li>
                </For>
            </ul>
            {move || {
                // Before the plan is started, what the allowance is.
                let cost = plan.with(|p| {
                    let requests = p.as_ref().map_or(&[][..], |p| &p.requested_courses[..]);
                    member.catalogue.with(|c| {
                        plan_cost(requests, MunicipalYear { starts_in: year }, c, member.allowance())
                    })
                });
                (!cost.courses.is_empty() || cost.allowance_pence.is_some())
                    .then(|| view! { <p class="plan-cost">{cost.sentence()}</p> })
            }}
            <div class="field">
                <label class="field__label" for="request-course">"Choose a course from the catalogue"</label>
                <select class="field__select field__select--wide" id="request-course" prop:value=move || chosen.get() on:change=move |ev| chosen.set(event_target_value(&ev))>
                    <option value="">"Choose a course"</option>
                    {move || member.catalogue.get().into_iter().map(|c| view! { <option value=c.id.clone()>{c.title.clone()}</option> }).collect_view()}
                </select>
            </div>
            <button type="button" class="button button--secondary" on:click=request>"Request this course"</button>
            <h3>"Something not in the catalogue"</h3>
            <ul class="request-list">
                <For each=move || others.get().into_iter().enumerate() key=|(i, text)| (*i, text.clone()) let:item>
                    <li>
                        <span>{item.1.clone()}</span>
                        <button type="button" class="button-link" on:click=move |_| change_plan(member, year, |p| { if item.0 < p.other_requests.len() { p.other_requests.remove(item.0); } })>
                            "Remove" <span class="visually-hidden">{format!(" {}", item.1)}</span>
                        </button>
                    </li>
                </For>
            </ul>
            <TextField label="What would you like to learn?" id="other-request" limit=LONG_TEXT hint="For example, a visit to another council's planning committee" value=other on_input=Callback::new(move |v| other.set(v))/>
            <button type="button" class="button button--secondary" on:click=add_other>"Add this request"</button>
        </section>
    }
}

/// Goals with target dates and where each stands.
#[component]
fn Goals(plan: Memo<Option<DevelopmentPlan>>, year: i32) -> impl IntoView {
    let member = use_member();
    let ids = Memo::new(move |_| {
        plan.with(|p| {
            p.as_ref()
                .map(|p| p.goals.iter().map(|g| g.id).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let add = move |_| {
        change_plan(member, year, |p| {
            p.goals.push(Goal {
                id: Uuid::new_v4(),
                goal: String::new(),
                target: None,
                status: GoalStatus::NotStarted,
            })
        })
    };
    view! {
        <section class="section" aria-labelledby="plan-goals">
            <h2 id="plan-goals">"Goals"</h2>
            <For each=move || ids.get().into_iter().enumerate() key=|(_, id)| *id let:item>
                <GoalFields plan=plan year=year id=item.1 number=item.0 + 1/>
            </For>
            <button type="button" class="button button--secondary" on:click=add>"Add a goal"</button>
        </section>
    }
}

#[component]
fn GoalFields(
    plan: Memo<Option<DevelopmentPlan>>,
    year: i32,
    id: Uuid,
    number: usize,
) -> impl IntoView {
    let member = use_member();
    let goal = Memo::new(move |_| {
        plan.with(|p| {
            p.as_ref()
                .and_then(|p| p.goals.iter().find(|g| g.id == id).cloned())
        })
    });
    let update = move |f: Box<dyn FnOnce(&mut Goal) + Send>| {
        change_plan(member, year, |p| {
            if let Some(g) = p.goals.iter_mut().find(|g| g.id == id) {
                f(g)
            }
        })
    };
    view! {
        <fieldset class="item-group">
            <legend class="item-group__legend">{format!("Goal {number}")}</legend>
            <TextField
                label="What do you want to achieve?"
                id=format!("goal-{id}")
                limit=LONG_TEXT
                value=Signal::derive(move || goal.with(|g| g.as_ref().map(|g| g.goal.clone()).unwrap_or_default()))
                on_input=Callback::new(move |v: String| update(Box::new(move |g| g.goal = v)))
            />
            <DateField
                label="Target date"
                id=format!("goal-{id}-target")
                value=Signal::derive(move || goal.with(|g| g.as_ref().and_then(|g| g.target)))
                on_change=Callback::new(move |d| update(Box::new(move |g| g.target = d)))
            />
            <RadioGroup
                legend="Where it stands"
                id=format!("goal-{id}-status")
                inline=true
                selected=Signal::derive(move || goal.with(|g| g.as_ref().map(|g| g.status)))
                on_change=Callback::new(move |status: GoalStatus| update(Box::new(move |g| g.status = status)))
            />
            <button type="button" class="button button--secondary" on:click=move |_| change_plan(member, year, |p| p.goals.retain(|g| g.id != id))>
                "Remove" <span class="visually-hidden">{format!(" goal {number}")}</span>
            </button>
        </fieldset>
    }
}

/// Offers what the training-needs survey already said about how and when the councillor
/// learns, to take into the plan with their say-so; nothing is taken without it.
#[component]
fn FromNeedsSurvey(plan: Memo<Option<DevelopmentPlan>>, year: i32) -> impl IntoView {
    let member = use_member();
    let said = Memo::new(move |_| {
        member.record.with(|r| {
            r.as_ref()
                .and_then(|r| preferences_from_needs_survey(&r.surveys))
        })
    });
    let offer = move || {
        let said = said.get()?;
        let open = plan.with(|p| {
            p.as_ref()
                .is_some_and(|p| !p.is_locked() && p.preferences.would_change(&said))
        });
        open.then_some(said)
    };
    move || {
        offer().map(|said| {
            let mut parts = Vec::new();
            if !said.formats.is_empty() {
                let formats: Vec<&str> = said.formats.iter().map(|f| f.label()).collect();
                parts.push(format!("ways of learning: {}", formats.join(", ")));
            }
            if !said.times.is_empty() {
                let times: Vec<&str> = said.times.iter().map(|t| t.label()).collect();
                parts.push(format!("times: {}", times.join(", ")));
            }
            if !said.access_needs.is_empty() {
                parts.push(format!("access needs: “{}”", said.access_needs));
            }
            let summary = format!("Your training needs survey said {}.", parts.join("; "));
            let take = move |_| {
                change_plan(member, year, |p| p.preferences.take_in(&said));
            };
            view! {
                <div class="notice suggestion">
                    <p>{summary}</p>
                    <button type="button" class="button button--secondary" on:click=take>
                        "Add these to my plan"
                    </button>
                    <p class="field__hint">"Anything you have already written here is kept."</p>
                </div>
            }
        })
    }
}

/// The councillor's sign-off, which locks the plan.
#[component]
fn SignOffForm(year: i32) -> impl IntoView {
    let member = use_member();
    let name = RwSignal::new(String::new());
    let check = FormCheck::new(move || {
        // A box past its limit keeps its text, and holds the sign-off until it is shortened.
        let mut problems: Vec<FieldProblem> = member.record.with(|r| {
            r.as_ref()
                .and_then(|r| r.plans.iter().find(|p| p.year == year))
                .map(|p| {
                    p.too_long()
                        .into_iter()
                        .map(|t| FieldProblem::new(&t.field.clone(), PlanError::TooLong(t)))
                        .collect()
                })
                .unwrap_or_default()
        });
        if name.with(|n| n.trim().is_empty()) {
            problems.push(FieldProblem::new(
                "sign-off-name",
                "Type your name to sign off the plan",
            ));
        }
        problems
    });
    let sign = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !check.passes() {
            return;
        }
        let today = Local::now().date_naive();
        member.edit(|r| {
            if let Some(plan) = r.plans.iter_mut().find(|p| p.year == year) {
                let _ = plan.sign(&name.get_untracked(), today, Utc::now());
            }
        });
        member.save_now();
    };
    view! {
        <section class="section" aria-labelledby="plan-sign-off">
            <h2 id="plan-sign-off">"Sign off"</h2>
            <form class="form" novalidate on:submit=sign>
                <FormErrors check=check/>
                <p>"Sign off the plan once it is agreed. It is then locked; you can reopen it if it needs to change."</p>
                <TextField
                    label="Your name"
                    id="sign-off-name"
                    autocomplete="name"
                    value=name
                    on_input=Callback::new(move |v| name.set(v))
                    error=check.error_for("sign-off-name")
                />
                <button type="submit" class="button">"Sign off this plan"</button>
            </form>
        </section>
    }
}

/// A signed-off plan: shown read-only, printable, and reopened only on purpose.
#[component]
fn SignedOff(plan: Memo<Option<DevelopmentPlan>>, year: i32) -> impl IntoView {
    let member = use_member();
    let signed = move || {
        plan.with(|p| {
            p.as_ref().and_then(|p| p.sign_off.as_ref()).map(|s| {
                format!(
                    "Signed off by {} on {}. The plan is locked.",
                    s.name,
                    long_date(s.on)
                )
            })
        })
    };
    let asking = RwSignal::new(false);
    let reopen = Callback::new(move |()| {
        member.edit(|r| {
            if let Some(plan) = r.plans.iter_mut().find(|p| p.year == year) {
                let _ = plan.reopen(Utc::now());
            }
        });
    });
    let who = move || {
        plan.with(|p| {
            p.as_ref()
                .and_then(|p| p.sign_off.as_ref())
                .map(|s| format!("{} on {}", s.name, long_date(s.on)))
                .unwrap_or_default()
        })
    };
    view! {
        <p class="notice notice--success screen-only" role="status">{signed}</p>
        <div class="button-group screen-only">
            <button type="button" class="button" on:click=move |_| { let _ = window().print(); }>"Print this plan"</button>
            <button type="button" class="button button--secondary" on:click=move |_| asking.set(true)>"Reopen this plan"</button>
        </div>
        <Show when=move || asking.get()>
            <div class="screen-only">
                <ConfirmPanel
                    title="Reopen this plan?"
                    confirm_label="Reopen and remove the sign-off"
                    on_confirm=reopen
                    cancel_label="Keep it signed off"
                    on_cancel=Callback::new(move |()| asking.set(false))
                >
                    <p>{move || format!("Reopening removes the sign-off by {}. The plan can then be changed, and must be signed off again; the earlier sign-off stays on the plan's record.", who())}</p>
                </ConfirmPanel>
            </div>
        </Show>
    }
}

/// Lines to sign and date by hand at the PDP meeting, on paper only.
fn signature(who: &'static str, name: String) -> impl IntoView {
    // A name to print, else a line to write it on.
    let name = if name.is_empty() {
        view! {
            <p class="signature__line">
                <span>{format!("{who}'s name")}</span>
                <span class="signature__blank"></span>
            </p>
        }
        .into_any()
    } else {
        view! { <p>{format!("{who}'s name: {name}")}</p> }.into_any()
    };
    view! {
        <div class="signature">
            <p class="signature__line">
                <span>{format!("{who}'s signature")}</span>
                <span class="signature__blank"></span>
                <span>"Date"</span>
                <span class="signature__blank signature__blank--date"></span>
            </p>
            {name}
        </div>
    }
}

/// The plan as a document: read-only on screen once signed off, and always what prints.
/// The table header repeats on every printed page, so each page says whose plan it is.
#[component]
pub(crate) fn PlanDocument(
    /// The plan, if there is one.
    #[prop(into)]
    plan: Signal<Option<DevelopmentPlan>>,
    /// Whose plan it is: their name and council.
    #[prop(into)]
    owner: Signal<(String, String)>,
    /// The roles the plan's role ids are named by.
    #[prop(into)]
    roles: Signal<Vec<Role>>,
    /// Shown on screen even while the plan is open for changes, as a reader other than
    /// the councillor sees it (the officer's view of a member).
    #[prop(optional)]
    always_shown: bool,
) -> impl IntoView {
    move || {
        let plan = plan.get()?;
        let (name, council) = owner.get();
        let roles = roles.get_untracked();
        let role_names: Vec<String> = plan.roles.iter().map(|id| role_name(&roles, id)).collect();
        let label = plan.municipal_year().label();
        let or_none = |text: &str| {
            if text.trim().is_empty() {
                "None recorded".to_owned()
            } else {
                text.to_owned()
            }
        };
        let date = |d: Option<chrono::NaiveDate>| d.map_or_else(|| "Not set".to_owned(), long_date);
        let needs = plan
            .needs
            .iter()
            .map(|n| {
                let how = n.preferred_format.map_or_else(String::new, |f| {
                    format!(" Preferred way of learning: {}.", f.label())
                });
                let why = (!n.why.trim().is_empty()).then(|| format!("Why it matters: {}", n.why));
                view! {
                    <li class="doc-item">
                        <strong>{or_none(&n.need)}</strong>
                        {format!(" — {} priority.{how}", n.priority.label())}
                        {why.map(|why| view! { <br/>{why} })}
                    </li>
                }
            })
            .collect_view();
        let meeting = match (plan.meeting.date, plan.meeting.held_by.trim()) {
            (None, "") => "No meeting recorded yet".to_owned(),
            (Some(d), "") => format!("Held on {}", long_date(d)),
            (None, by) => format!("Held by {by}"),
            (Some(d), by) => format!("Held on {} by {by}", long_date(d)),
        };
        let goals = plan
            .goals
            .iter()
            .map(|g| {
                view! {
                    <li class="doc-item doc-goal">
                        <strong>{or_none(&g.goal)}</strong>
                        <br/>{format!("Target: {}. {}", date(g.target), g.status.label())}
                    </li>
                }
            })
            .collect_view();
        let requests: Vec<String> = plan
            .requested_courses
            .iter()
            .map(|r| r.title.clone())
            .chain(plan.other_requests.iter().cloned())
            .collect();
        let formats: Vec<&str> = plan.preferences.formats.iter().map(|f| f.label()).collect();
        let times: Vec<&str> = plan.preferences.times.iter().map(|t| t.label()).collect();
        let sign_off = plan.sign_off.as_ref().map_or_else(
            || "Not signed off yet".to_owned(),
            |s| format!("Signed off by {} on {}", s.name, long_date(s.on)),
        );
        let reopened = plan
            .reopenings
            .iter()
            .map(|r| {
                format!(
                    "Reopened {} (had been signed off by {} on {})",
                    date_and_time(&r.at.with_timezone(&Local)),
                    r.sign_off.name,
                    long_date(r.sign_off.on)
                )
            })
            .collect::<Vec<_>>();
        let class = if always_shown || plan.is_locked() {
            "plan-doc"
        } else {
            "plan-doc print-only"
        };
        Some(view! {
            <table class=class>
                <thead>
                    <tr><td class="plan-doc__running-head">
                        {format!("Confidential · {name} · Personal Development Plan {label}")}
                    </td></tr>
                </thead>
                <tbody><tr><td>
                    <h2 class="plan-doc__title">{format!("Personal Development Plan {label}")}</h2>
                    <p>{format!("{name}, {council}")}</p>
                    <h3>"Roles this year"</h3>
                    <p>{if role_names.is_empty() { "None recorded".to_owned() } else { role_names.join(", ") }}</p>
                    <h3>"Strengths"</h3>
                    <p class="doc-text">{or_none(&plan.strengths)}</p>
                    <h3>"Development needs"</h3>
                    <ul class="doc-list">{needs}</ul>
                    <h3>"Learning requested"</h3>
                    <p>{if requests.is_empty() { "None recorded".to_owned() } else { requests.join("; ") }}</p>
                    <h3>"How I like to learn"</h3>
                    <p>{format!("Ways: {}. Times: {}.", if formats.is_empty() { "no preference".to_owned() } else { formats.join(", ") }, if times.is_empty() { "no preference".to_owned() } else { times.join(", ") })}</p>
                    <p class="doc-text">{format!("Access, caring or other needs: {}", or_none(&plan.preferences.access_needs))}</p>
                    <h3>"Goals"</h3>
                    <ul class="doc-list">{goals}</ul>
                    <h3>"PDP meeting"</h3>
                    <p>{meeting}</p>
                    <p class="doc-text">{format!("Notes: {}", or_none(&plan.meeting.notes))}</p>
                    <p class="doc-text">{format!("Agreed actions: {}", or_none(&plan.meeting.agreed_actions))}</p>
                    // Kept whole, and never alone on the last page (style/main.css).
                    <div class="doc-sign-off">
                        <h3>"Review and sign-off"</h3>
                        <p>{format!("Review date: {}", date(plan.review_on))}</p>
                        <p>{sign_off}</p>
                        {reopened.into_iter().map(|r| view! { <p>{r}</p> }).collect_view()}
                        <div class="signatures print-only">
                            {signature("Councillor", name.clone())}
                            {signature("Officer", plan.meeting.held_by.trim().to_owned())}
                        </div>
                    </div>
                </td></tr></tbody>
            </table>
        })
    }
}
