//! Browsing and searching the course catalogue, filtered by topic, format, provider and
//! what is mandatory for the councillor.

use leptos::prelude::*;

use crate::ui::components::focus_field;
use crate::ui::components::whole_words;
use crate::ui::use_member;
use mdr_domain::model::catalogue::{CourseFilter, distinct};
use mdr_domain::model::dates::long_date;
use mdr_domain::model::due::last_completed;
use mdr_domain::model::learning::hours_phrase;
use mdr_domain::model::money::cost;
use mdr_domain::model::{Course, LearningFormat, MandatoryFor, Vocabulary};

/// The catalogue with its search and filters.
#[component]
pub fn CatalogueBrowser() -> impl IntoView {
    let member = use_member();
    let search = RwSignal::new(String::new());
    let topic = RwSignal::new(String::new());
    let format = RwSignal::new(String::new());
    let provider = RwSignal::new(String::new());
    let mine_only = RwSignal::new(false);

    let filter = Memo::new(move |_| CourseFilter {
        search: search.get(),
        topic: Some(topic.get()).filter(|t| !t.is_empty()),
        format: format.with(|id| LearningFormat::from_id(id)),
        provider: Some(provider.get()).filter(|p| !p.is_empty()),
        mandatory_for: mine_only.get().then(|| {
            member.record.with(|r| {
                r.as_ref()
                    .map(|r| r.profile.roles.clone())
                    .unwrap_or_default()
            })
        }),
    });
    let shown = Memo::new(move |_| {
        member.catalogue.with(|all| {
            all.iter()
                .filter(|c| filter.with(|f| f.matches(c)))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    // The first few at once, the rest when asked (a long list is a long scroll on a phone,
    // and search and filters find any course); a new search or filter starts again.
    let all_shown = RwSignal::new(false);
    Effect::watch(
        move || filter.track(),
        move |_, _, _| all_shown.set(false),
        false,
    );
    let listed = Memo::new(move |_| {
        shown.with(|s| {
            let n = if all_shown.get() {
                s.len()
            } else {
                s.len().min(FIRST_SHOWN)
            };
            s[..n].to_vec()
        })
    });
    let show_all = move |_| {
        all_shown.set(true);
        // Focus moves to the first course newly shown, as the button goes.
        if let Some(id) = shown.with_untracked(|s| s.get(FIRST_SHOWN).map(|c| c.id.clone())) {
            request_animation_frame(move || focus_field(&course_heading_id(&id)));
        }
    };
    // The cards are drawn in a task of their own, after the rest of the page, so that the
    // browser can paint the page and take input in between; their space is kept meanwhile,
    // so nothing below moves when they arrive.
    let drawn = RwSignal::new(false);
    set_timeout(move || drawn.set(true), std::time::Duration::ZERO);
    let total = move || member.catalogue.with(Vec::len);
    // Topics and providers are chosen by name; a format by its id in the vocabulary.
    let named = |names: Vec<String>| names.into_iter().map(|n| (n.clone(), n)).collect();
    let topics =
        Signal::derive(move || named(member.catalogue.with(|c| distinct(c, |c| c.topic.as_str()))));
    let providers = Signal::derive(move || {
        named(
            member
                .catalogue
                .with(|c| distinct(c, |c| c.provider.as_str())),
        )
    });
    let formats = Signal::derive(|| {
        LearningFormat::choices()
            .into_iter()
            .map(|(id, label)| (id.to_owned(), label.to_owned()))
            .collect()
    });

    view! {
        <div class="filters" role="search" aria-label="Course catalogue">
            <div class="field filters__search">
                <label class="field__label" for="course-search">"Search courses"</label>
                <input
                    class="field__input"
                    type="search"
                    id="course-search"
                    prop:value=move || search.get()
                    on:input=move |ev| search.set(event_target_value(&ev))
                />
            </div>
            <Choice label="Topic" id="filter-topic" options=topics value=topic/>
            <Choice label="Format" id="filter-format" options=formats value=format/>
            <Choice label="Provider" id="filter-provider" options=providers value=provider/>
            <div class="checkbox filters__mine">
                <input
                    class="checkbox__input"
                    type="checkbox"
                    id="filter-mine"
                    prop:checked=move || mine_only.get()
                    on:change=move |ev| mine_only.set(event_target_checked(&ev))
                />
                <label class="checkbox__label" for="filter-mine">"Mandatory for me"</label>
            </div>
        </div>
        <p class="filters__count" role="status">
            {move || {
                let matching = shown.with(Vec::len);
                match listed.with(Vec::len) {
                    n if n < matching => format!("Showing {n} of {matching} courses"),
                    n => format!("Showing {n} of {} courses", total()),
                }
            }}
        </p>
        <Show when=move || shown.with(Vec::is_empty)>
            <div class="notice catalogue__none">
                <p>
                    {move || {
                        let words = search.with(|s| s.trim().to_owned());
                        if words.is_empty() {
                            "No course matches these filters.".to_owned()
                        } else {
                            format!("No course matches “{words}” with these filters.")
                        }
                    }}
                    " Try fewer or other words (a topic such as “planning”, or a provider such as “LGA”), or choose “Any” in a filter."
                </p>
                <div class="button-group">
                    <button type="button" class="button button--secondary" on:click=move |_| {
                        search.set(String::new());
                        topic.set(String::new());
                        format.set(String::new());
                        provider.set(String::new());
                        mine_only.set(false);
                    }>"Clear the search and filters"</button>
                    <a href="/learning/add">"Add training that is not in the catalogue"</a>
                </div>
            </div>
        </Show>
        <ul class="course-list" class:course-list--waiting=move || !drawn.get()>
            <For each=move || if drawn.get() { listed.get() } else { Vec::new() } key=|c| c.id.clone() let:course>
                <CourseCard course=course/>
            </For>
        </ul>
        <Show when=move || listed.with(Vec::len) < shown.with(Vec::len)>
            <button type="button" class="button button--secondary" on:click=show_all>
                {move || format!("Show all {} courses", shown.with(Vec::len))}
            </button>
        </Show>
    }
}

/// How many courses the catalogue lists before the councillor asks for the rest.
const FIRST_SHOWN: usize = 10;

/// The id of a course's heading in the list.
fn course_heading_id(course_id: &str) -> String {
    format!("course-{course_id}")
}

/// A labelled drop-down with an "Any" choice.
#[component]
fn Choice(
    /// The visible label.
    label: &'static str,
    /// The select's id.
    id: &'static str,
    /// The values to choose from, as (value, label) pairs.
    options: Signal<Vec<(String, String)>>,
    /// The chosen value; empty for any.
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label class="field__label" for=id>{label}</label>
            <select
                class="field__select"
                id=id
                prop:value=move || value.get()
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                <option value="">"Any"</option>
                <For each=move || options.get() key=|o| o.0.clone() let:option>
                    <option value=option.0>{option.1}</option>
                </For>
            </select>
        </div>
    }
}

/// One course, with what it asks of the councillor and a link to log it.
#[component]
fn CourseCard(
    /// The course to show.
    course: Course,
) -> impl IntoView {
    let member = use_member();
    let mandatory_for_me = {
        let course = course.clone();
        let today = chrono::Local::now().date_naive();
        move || {
            member.record.with(|r| {
                r.as_ref().is_some_and(|r| {
                    course.mandatory_for.applies_to(&r.profile.roles)
                        && course.mandatory_on(r.profile.date_elected, today)
                })
            })
        }
    };
    let done = {
        let course = course.clone();
        move || {
            member.record.with(|r| {
                r.as_ref()
                    .and_then(|r| last_completed(&course, &r.learning))
                    .map(|d| format!("You completed this on {}.", long_date(d)))
            })
        }
    };
    let refresher = course.refresher_months.map(|m| {
        if m % 12 == 0 {
            let years = m / 12;
            if years == 1 {
                "Refresh every year".to_owned()
            } else {
                format!("Refresh every {years} years")
            }
        } else {
            format!("Refresh every {m} months")
        }
    });
    let who = match (&course.mandatory_for, course.months_after_election) {
        (MandatoryFor::Nobody, _) => None,
        (_, Some(months)) => Some(format!(
            "Mandatory for newly elected members (first {months} months)"
        )),
        (MandatoryFor::AllMembers, None) => Some("Mandatory for all members".to_owned()),
        (MandatoryFor::Roles(_), None) => Some("Mandatory for some roles".to_owned()),
    };
    let location = Some(course.location.trim().to_owned()).filter(|l| !l.is_empty());
    let facts = format!(
        "{} · {} · {} · {} · {}",
        course.provider,
        course.topic,
        course.format.label(),
        hours_phrase(course.minutes),
        cost(u64::from(course.cost_pence))
    );
    view! {
        <li class="course">
            <h3 class="course__title" id=course_heading_id(&course.id) tabindex="-1">{whole_words(&course.title)}</h3>
            <p class="course__facts">{facts}</p>
            <p class="course__tags">
                <Show when=mandatory_for_me.clone()>
                    <span class="tag tag--outstanding">"Mandatory for you"</span>
                    " "
                </Show>
                {who.map(|w| view! { <span class="tag">{w}</span> " " })}
                {refresher.map(|r| view! { <span class="tag">{r}</span> })}
            </p>
            <p class="course__summary">{course.summary.clone()}</p>
            {location.map(|l| view! { <p class="course__where"><strong>"Where, or how to book: "</strong>{l}</p> })}
            <p class="course__done">{done}</p>
            <a href=format!("/learning/log/{}", course.id) class="button button--secondary">
                "Log this course" <span class="visually-hidden">{format!(" {}", course.title)}</span>
            </a>
        </li>
    }
}
