//! The councillor's profile form: the first thing a new councillor fills in, and the
//! page they come back to when their roles change. Every keystroke is saved as they go;
//! the button checks the answers and confirms.

use chrono::{Local, NaiveDate, Utc};
use leptos::html::Div;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::{ErrorSummary, FieldError, FieldProblem, TextField};
use crate::model::roles::default_roles;
use crate::model::{Profile, ProfileProblem};
use crate::ui::use_member;

/// The profile form. On the first run its button finishes set-up and goes home.
#[component]
pub fn ProfileForm(
    /// Whether this is the councillor's first visit, finishing set-up.
    first_run: bool,
) -> impl IntoView {
    let member = use_member();
    let today = Local::now().date_naive();
    let profile = Memo::new(move |_| {
        member.record.with(|r| {
            r.as_ref()
                .map_or_else(|| Profile::empty(Utc::now()), |r| r.profile.clone())
        })
    });
    let submitted = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let problems = Memo::new(move |_| profile.with(|p| p.problems(today)));
    let shown_problems = Signal::derive(move || {
        if submitted.get() {
            problems
                .get()
                .into_iter()
                .map(|problem| FieldProblem {
                    field_id: problem.field_id().to_owned(),
                    message: problem.to_string(),
                })
                .collect()
        } else {
            Vec::new()
        }
    });
    let error_for = move |field: &'static str| {
        Signal::derive(move || {
            shown_problems.with(|all: &Vec<FieldProblem>| {
                all.iter()
                    .find(|p| p.field_id == field)
                    .map(|p| p.message.clone())
            })
        })
    };
    let summary = NodeRef::<Div>::new();
    let navigate = use_navigate();

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        saved.set(false);
        if !problems.get_untracked().is_empty() {
            // Wait for the summary to render, then take the reader to it.
            request_animation_frame(move || {
                if let Some(summary) = summary.get_untracked() {
                    let _ = summary.focus();
                }
            });
            return;
        }
        if first_run {
            member.edit(|record| {
                record.set_up_at.get_or_insert_with(Utc::now);
            });
            member.save_now();
            navigate("/", Default::default());
        } else {
            member.save_now();
            saved.set(true);
        }
    };

    let edit = move |change: fn(&mut Profile, String)| {
        Callback::new(move |value: String| {
            saved.set(false);
            member.edit_profile(|p| change(p, value));
        })
    };

    view! {
        <form class="form" novalidate on:submit=on_submit>
            <Show when=move || !shown_problems.with(Vec::is_empty)>
                <ErrorSummary problems=shown_problems node_ref=summary/>
            </Show>
            <TextField
                label="Full name"
                id="full-name"
                autocomplete="name"
                value=Signal::derive(move || profile.with(|p| p.full_name.clone()))
                on_input=edit(|p, v| p.full_name = v)
                error=error_for(ProfileProblem::FullNameMissing.field_id())
            />
            <TextField
                label="Council"
                id="council"
                autocomplete="organization"
                hint="For example, Sandwell Metropolitan Borough Council"
                value=Signal::derive(move || profile.with(|p| p.council.clone()))
                on_input=edit(|p, v| p.council = v)
                error=error_for("council")
            />
            <TextField
                label="Ward or division"
                id="ward"
                value=Signal::derive(move || profile.with(|p| p.ward.clone()))
                on_input=edit(|p, v| p.ward = v)
                error=error_for("ward")
            />
            <TextField
                label="Political group (optional)"
                id="political-group"
                hint="Leave this blank if you sit as an independent or would rather not say"
                value=Signal::derive(move || profile.with(|p| p.political_group.clone()))
                on_input=edit(|p, v| p.political_group = v)
            />
            <RoleChoices profile=profile error=error_for("roles")/>
            <DateElected profile=profile today=today error=error_for("date-elected")/>
            <div class="form__actions">
                <button type="submit" class="button">
                    {if first_run { "Save and continue" } else { "Save profile" }}
                </button>
            </div>
            <p class="form__saved" role="status">
                {move || saved.get().then_some("Your profile is saved.")}
            </p>
        </form>
    }
}

/// The roles the councillor holds, as checkboxes.
#[component]
fn RoleChoices(
    /// The profile being edited.
    profile: Memo<Profile>,
    /// The message to show when no role is chosen.
    error: Signal<Option<String>>,
) -> impl IntoView {
    let member = use_member();
    let roles = default_roles();
    view! {
        <fieldset
            class="field fieldset"
            id="roles"
            class:field--error=move || error.with(Option::is_some)
            aria-describedby=move || {
                if error.with(Option::is_some) { "roles-hint roles-error" } else { "roles-hint" }
            }
        >
            <legend class="field__label">"Your roles"</legend>
            <p class="field__hint" id="roles-hint">"Select all that apply"</p>
            <FieldError id="roles-error" error=error/>
            <div class="checkboxes">
                {roles
                    .into_iter()
                    .map(|role| {
                        let input_id = format!("role-{}", role.id);
                        let id_for_check = role.id.clone();
                        let id_for_change = role.id.clone();
                        view! {
                            <div class="checkbox">
                                <input
                                    class="checkbox__input"
                                    type="checkbox"
                                    id=input_id.clone()
                                    name="roles"
                                    value=role.id.clone()
                                    prop:checked=move || {
                                        profile.with(|p| p.roles.contains(&id_for_check))
                                    }
                                    on:change=move |ev| {
                                        let checked = event_target_checked(&ev);
                                        let id = id_for_change.clone();
                                        member
                                            .edit_profile(|p| {
                                                if checked {
                                                    p.roles.insert(id);
                                                } else {
                                                    p.roles.remove(&id);
                                                }
                                            });
                                    }
                                />
                                <label class="checkbox__label" for=input_id>{role.name}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}

/// When the councillor was first elected; optional.
#[component]
fn DateElected(
    /// The profile being edited.
    profile: Memo<Profile>,
    /// Today, the latest date allowed.
    today: NaiveDate,
    /// The message to show when the date needs fixing.
    error: Signal<Option<String>>,
) -> impl IntoView {
    let member = use_member();
    view! {
        <div class="field" class:field--error=move || error.with(Option::is_some)>
            <label class="field__label" for="date-elected">"Date elected (optional)"</label>
            <p class="field__hint" id="date-elected-hint">
                "The date you were first elected to this council, for example 6 May 2021"
            </p>
            <FieldError id="date-elected-error" error=error/>
            <input
                class="field__input field__input--date"
                type="date"
                id="date-elected"
                max=today.format("%Y-%m-%d").to_string()
                aria-describedby=move || {
                    if error.with(Option::is_some) {
                        "date-elected-hint date-elected-error"
                    } else {
                        "date-elected-hint"
                    }
                }
                prop:value=move || {
                    profile
                        .with(|p| {
                            p.date_elected.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
                        })
                }
                on:change=move |ev| {
                    let date = NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d").ok();
                    member.edit_profile(|p| p.date_elected = date);
                }
            />
        </div>
    }
}
