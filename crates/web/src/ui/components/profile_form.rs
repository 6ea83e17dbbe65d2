//! The councillor's profile form: the first thing a new councillor fills in, and the
//! page they come back to when their roles change. Every keystroke is saved as they go;
//! the button checks the answers and confirms.

use crate::ui::router::use_navigate;
use chrono::{Local, Utc};
use leptos::prelude::*;

use super::{CheckboxList, DateField, FieldProblem, FormCheck, FormErrors, TextField};
use crate::ui::use_member;
use mdr_domain::model::{Profile, ProfileProblem};

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
    let saved = RwSignal::new(false);
    let check = FormCheck::new(move || {
        profile.with(|p| {
            p.problems(today)
                .into_iter()
                .map(|problem| FieldProblem::new(problem.field_id(), problem))
                .collect()
        })
    });
    let error_for = move |field| check.error_for(field);
    let navigate = use_navigate();

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        if !check.passes() {
            return;
        }
        if first_run {
            member.edit(|record| {
                record.set_up_at.get_or_insert_with(Utc::now);
            });
            member.save_now();
            navigate("/");
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
            <FormErrors check=check/>
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
            <DateField
                label="Date elected (optional)"
                id="date-elected"
                hint="The date you were first elected to this council"
                value=Signal::derive(move || profile.with(|p| p.date_elected))
                on_change=Callback::new(move |date| member.edit_profile(|p| p.date_elected = date))
                error=error_for("date-elected")
            />
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
    let options = member
        .roles
        .get_untracked()
        .into_iter()
        .map(|r| (r.id, r.name))
        .collect();
    view! {
        <CheckboxList
            legend="Your roles"
            id="roles"
            hint="Select all that apply"
            options=options
            selected=Signal::derive(move || profile.with(|p| p.roles.clone()))
            on_toggle=Callback::new(move |(role, ticked): (String, bool)| {
                member.edit_profile(|p| {
                    if ticked {
                        p.roles.insert(role);
                    } else {
                        p.roles.remove(&role);
                    }
                });
            })
            error=error
        />
    }
}
