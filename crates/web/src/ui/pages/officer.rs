//! The officer workspace: preparing and publishing the council pack. Kept apart from any
//! councillor's record on the same device, and usable before any profile exists.

use chrono::{Local, Utc};
use leptos::prelude::*;

use crate::ui::components::{
    CheckboxList, DateField, FieldProblem, FormCheck, FormErrors, Outcome, RadioGroup, TextArea,
    TextField, focus_field,
};
use crate::ui::files::download_text;
use crate::ui::officer_context::{OfficerData, use_officer_pack};
use crate::ui::pages::officer_key::{CouncilKeySection, HeldKeys, LockAfterSection};
use crate::ui::set_page_title;
use mdr_domain::exchange::{SavedCopy, explain_saved, pack_file_name, write_pack_file};
use mdr_domain::model::catalogue::read_months;
use mdr_domain::model::learning::{format_hours, parse_hours};
use mdr_domain::model::money::{pounds, pounds_for_form, read_pounds};
use mdr_domain::model::pack::{CouncilPack, PackRole, PackSurvey};
use mdr_domain::model::roles::role_id_for_name;
use mdr_domain::model::survey::SurveyRound;
use mdr_domain::model::survey_templates::built_in_templates;
use mdr_domain::model::text::LONG_TEXT;
use mdr_domain::model::{Course, LearningFormat, MandatoryFor, MandatoryKind};

/// The officer's pack as app-wide state for this page: every change is kept at once.
#[derive(Clone, Copy)]
struct Workspace {
    /// Where the pack is kept.
    data: OfficerData,
    pack: RwSignal<Option<CouncilPack>>,
    problem: RwSignal<Option<String>>,
    /// Boxes holding what does not read ("ninety" for a cost), by field id, with what to
    /// do: the pack keeps the last value that read, and is not published until they do.
    unread: RwSignal<std::collections::BTreeMap<String, String>>,
}

/// A box whose text must read as a value (money, hours, months): what reads is written to
/// the pack at once; what does not stays as typed, says why, and holds publishing.
#[component]
fn ReadField<T: Send + Sync + 'static>(
    workspace: Workspace,
    #[prop(into)] label: String,
    #[prop(into)] id: String,
    #[prop(optional, into)] hint: MaybeProp<String>,
    inputmode: &'static str,
    /// The value as the box first shows it.
    initial: String,
    /// Reads the box, or says what to type instead.
    read: fn(&str) -> Result<T, String>,
    /// Called with each value that reads.
    on_value: Callback<T>,
) -> impl IntoView {
    let typed = RwSignal::new(initial);
    let error = Signal::derive(move || typed.with(|t| read(t).err()));
    let key = id.clone();
    view! {
        <TextField
            label=label id=id hint=hint inputmode=inputmode limit=40 value=typed error=error
            on_input=Callback::new(move |v: String| {
                match read(&v) {
                    Ok(value) => {
                        workspace.unread.update(|u| { u.remove(&key); });
                        on_value.run(value);
                    }
                    Err(why) => workspace.unread.update(|u| { u.insert(key.clone(), why); }),
                }
                typed.set(v);
            })
        />
    }
}

fn read_money(text: &str) -> Result<u64, String> {
    read_pounds(text).map_err(|e| e.to_string())
}

/// An allowance may be left empty, for none.
fn read_allowance(text: &str) -> Result<Option<u64>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    read_money(text).map(Some)
}

fn read_hours(text: &str) -> Result<u32, String> {
    parse_hours(text).ok_or_else(|| "Enter the hours as a number, for example 1.5".to_owned())
}

fn read_course_months(text: &str) -> Result<Option<u32>, String> {
    read_months(text).map_err(str::to_owned)
}

impl Workspace {
    fn change(self, change: impl FnOnce(&mut CouncilPack)) {
        self.pack.update(|p| {
            if let Some(p) = p {
                change(p);
            }
        });
        if let Some(pack) = self.pack.get_untracked() {
            self.problem
                .set(self.data.save_pack(&pack).err().map(|e| e.to_string()));
        }
    }
}

/// The Officer workspace page.
#[component]
pub fn OfficerPage() -> impl IntoView {
    set_page_title("Council pack – Officer workspace");
    let data = use_officer_pack();
    let (pack, problem) = match data.pack() {
        Ok(pack) => (pack, None),
        Err(e) => (None, Some(explain_saved(&e, SavedCopy::OfficerPack))),
    };
    let workspace = Workspace {
        data,
        pack: RwSignal::new(pack),
        problem: RwSignal::new(problem),
        unread: RwSignal::new(Default::default()),
    };
    let started = Memo::new(move |_| workspace.pack.with(Option::is_some));
    let held = HeldKeys::read(data);
    view! {
        <h1>"Officer workspace"</h1>
        <super::officer_members::OfficerNav/>
        <p class="lead">
            "For member development officers: prepare your council's pack of courses, mandatory "
            "training and surveys, and publish it for members to import. This workspace is kept "
            "apart from any councillor's record on this device."
        </p>
        {move || workspace.problem.get().map(|p| view! { <p class="notice notice--error" role="alert">{p}</p> })}
        {move || if started.get() { view! { <PackEditor workspace=workspace held=held/> }.into_any() } else { view! { <StartPack workspace=workspace/> }.into_any() }}
    }
}

#[component]
fn StartPack(workspace: Workspace) -> impl IntoView {
    let council = RwSignal::new(String::new());
    let check = FormCheck::new(move || {
        if council.with(|c| c.trim().is_empty()) {
            vec![FieldProblem::new(
                "pack-council",
                "Enter the name of your council",
            )]
        } else {
            Vec::new()
        }
    });
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !check.passes() {
            return;
        }
        let mut pack = CouncilPack::starting(
            council.get_untracked().trim(),
            Local::now().date_naive(),
            Utc::now(),
        );
        give_locking_salt(&mut pack);
        workspace.pack.set(Some(pack));
        workspace.change(|_| {});
    };
    view! {
        <form class="form" novalidate on:submit=start>
            <FormErrors check=check/>
            <h2>"Start your council pack"</h2>
            <p>"It starts with the built-in roles, courses and surveys, which you can then change."</p>
            <TextField label="Council name" id="pack-council" autocomplete="organization" value=council on_input=Callback::new(move |v| council.set(v)) error=check.error_for("pack-council")/>
            <button type="submit" class="button">"Start the council pack"</button>
        </form>
    }
}

/// Gives a pack the council's locking salt, from the browser's random source, if it has
/// none. Should the browser refuse, the pack goes without, and each member's locked file
/// has its own salt, as before packs carried one.
fn give_locking_salt(pack: &mut CouncilPack) {
    if let Ok(salt) = crate::ui::crypto::random_bytes() {
        pack.ensure_locking_salt(salt);
    }
}

#[component]
fn PackEditor(workspace: Workspace, held: HeldKeys) -> impl IntoView {
    let pack = workspace.pack;
    let published = RwSignal::new(None::<Result<String, String>>);
    let budget = pack.with_untracked(|p| {
        p.as_ref()
            .map(|p| pounds_for_form(p.budget_pence))
            .unwrap_or_default()
    });
    let allowance = pack.with_untracked(|p| {
        p.as_ref()
            .and_then(|p| p.allowance_pence)
            .map(pounds_for_form)
            .unwrap_or_default()
    });
    let check = FormCheck::new(move || {
        workspace.unread.with(|u| {
            u.iter()
                .map(|(id, why)| FieldProblem::new(id, why))
                .collect()
        })
    });
    let publish = move |_| {
        if !check.passes() {
            return;
        }
        let Some(current) = pack.get_untracked() else {
            return;
        };
        let mut next = current.published(Utc::now());
        // A pack started before packs carried a salt gets one with its next version.
        give_locking_salt(&mut next);
        // It carries the newest council key, once that key's backup is saved.
        match held.for_pack() {
            Ok(key) => next.council_key = key,
            Err(why) => {
                published.set(Some(Err(why)));
                return;
            }
        }
        let name = pack_file_name(&next);
        match download_text(&name, &write_pack_file(&next), "application/json") {
            Ok(()) => {
                workspace.change(|p| *p = next.clone());
                let sealed = match &next.council_key {
                    Some(key) => format!(
                        " It carries the council key {}, so members can make files that only this workspace opens.",
                        key.fingerprint
                    ),
                    None => String::new(),
                };
                published.set(Some(Ok(format!("Version {} published as {name}. Send it to your members by email or on a memory stick.{sealed}", next.pack_version))));
            }
            Err(_) => published.set(Some(Err(
                "The browser did not start the download. Try again.".to_owned(),
            ))),
        }
    };
    let version = move || {
        pack.with(|p| {
            p.as_ref().map(|p| {
                if p.pack_version == 0 {
                    "Not published yet.".to_owned()
                } else {
                    format!("Last published as version {}.", p.pack_version)
                }
            })
        })
    };
    view! {
        <FormErrors check=check/>
        <section class="section" aria-labelledby="pack-general">
            <h2 id="pack-general">"Council and budget"</h2>
            <p>{version}</p>
            <TextField
                label="Council name"
                id="pack-council"
                value=Signal::derive(move || pack.with(|p| p.as_ref().map(|p| p.council.clone()).unwrap_or_default()))
                on_input=Callback::new(move |v: String| workspace.change(|p| p.council = v))
            />
            <ReadField
                workspace=workspace
                label="Training budget for the year (£)"
                id="pack-budget"
                inputmode="decimal"
                initial=budget
                read=read_money
                on_value=Callback::new(move |pence: u64| workspace.change(|p| p.budget_pence = pence))
            />
            <p class="field__hint">{move || pack.with(|p| p.as_ref().map(|p| format!("Saved as {}", pounds(p.budget_pence))))}</p>
            <ReadField
                workspace=workspace
                label="Yearly allowance per member (£, optional)"
                id="pack-allowance"
                hint="What each member may spend on courses in a year: their plan shows their requests against it. Leave it empty for none."
                inputmode="decimal"
                initial=allowance
                read=read_allowance
                on_value=Callback::new(move |pence: Option<u64>| workspace.change(|p| p.allowance_pence = pence))
            />
            <p class="field__hint">{move || pack.with(|p| p.as_ref().map(|p| match p.allowance_pence {
                Some(pence) => format!("Saved as {} a member", pounds(pence)),
                None => "No allowance set".to_owned(),
            }))}</p>
        </section>
        <RolesEditor workspace=workspace/>
        <CoursesEditor workspace=workspace/>
        <SurveysEditor workspace=workspace/>
        <CouncilKeySection
            held=held
            council=Signal::derive(move || pack.with(|p| p.as_ref().map(|p| p.council.clone()).unwrap_or_default()))
        />
        <Show when=move || workspace.data.protected.get()>
            <LockAfterSection data=workspace.data/>
        </Show>
        <section class="section" aria-labelledby="pack-publish">
            <h2 id="pack-publish">"Publish"</h2>
            <p>"Publishing gives the pack a new version number, so members' apps know it is newer."</p>
            <button type="button" class="button" on:click=publish>"Export council pack"</button>
            <Outcome doing=Signal::stored(None::<String>) outcome=published/>
        </section>
    }
}

#[component]
fn RolesEditor(workspace: Workspace) -> impl IntoView {
    let pack = workspace.pack;
    let new_role = RwSignal::new(String::new());
    let ids = Memo::new(move |_| {
        pack.with(|p| {
            p.as_ref()
                .map(|p| p.roles.iter().map(|r| r.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let add = move |_| {
        let name = new_role.get_untracked().trim().to_owned();
        if name.is_empty() {
            return;
        }
        let mut id = role_id_for_name(&name);
        while pack.with_untracked(|p| {
            p.as_ref()
                .is_some_and(|p| p.roles.iter().any(|r| r.id == id))
        }) {
            id.push_str("-2");
        }
        workspace.change(|p| {
            p.roles.push(PackRole {
                id,
                name,
                retired: false,
            })
        });
        new_role.set(String::new());
    };
    view! {
        <section class="section" aria-labelledby="pack-roles">
            <h2 id="pack-roles">"Roles"</h2>
            <p>"Rename a role and members keep it; retire one and members who held it keep it on their record."</p>
            <For each=move || ids.get().into_iter().enumerate() key=|(_, id)| id.clone() let:role>
                <RoleFields workspace=workspace id=role.1 number=role.0 + 1/>
            </For>
            <TextField label="New role" id="new-role" hint="For example, Armed Forces Champion" value=new_role on_input=Callback::new(move |v| new_role.set(v))/>
            <button type="button" class="button button--secondary" on:click=add>"Add this role"</button>
        </section>
    }
}

#[component]
fn RoleFields(workspace: Workspace, id: String, number: usize) -> impl IntoView {
    let pack = workspace.pack;
    let role = {
        let id = id.clone();
        Memo::new(move |_| {
            pack.with(|p| {
                p.as_ref()
                    .and_then(|p| p.roles.iter().find(|r| r.id == id).cloned())
            })
        })
    };
    let retired_id = id.clone();
    let name_id = id.clone();
    view! {
        <div class="inline-fields">
            <TextField
                label=format!("Name of role {number}")
                id=format!("role-name-{id}")
                value=Signal::derive(move || role.with(|r| r.as_ref().map(|r| r.name.clone()).unwrap_or_default()))
                on_input=Callback::new(move |v: String| { let id = name_id.clone(); workspace.change(move |p| if let Some(r) = p.roles.iter_mut().find(|r| r.id == id) { r.name = v }) })
            />
            <div class="choice">
                <input
                    class="choice__input"
                    type="checkbox"
                    id=format!("role-retired-{id}")
                    prop:checked=move || role.with(|r| r.as_ref().is_some_and(|r| r.retired))
                    on:change=move |ev| { let ticked = event_target_checked(&ev); let id = retired_id.clone(); workspace.change(move |p| if let Some(r) = p.roles.iter_mut().find(|r| r.id == id) { r.retired = ticked }) }
                />
                <label class="choice__label" for=format!("role-retired-{id}")>"Retired"</label>
            </div>
        </div>
    }
}

#[component]
fn CoursesEditor(workspace: Workspace) -> impl IntoView {
    let pack = workspace.pack;
    let ids = Memo::new(move |_| {
        pack.with(|p| {
            p.as_ref()
                .map(|p| p.courses.iter().map(|c| c.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let open = RwSignal::new(None::<String>);
    let add = move |_| {
        let id = format!("course-{}", &uuid::Uuid::new_v4().simple().to_string()[..8]);
        let course = Course {
            id: id.clone(),
            title: "New course".into(),
            provider: String::new(),
            topic: "Other".into(),
            format: LearningFormat::Online,
            minutes: 60,
            cost_pence: 0,
            mandatory_for: MandatoryFor::Nobody,
            refresher_months: None,
            months_after_election: None,
            summary: String::new(),
            location: String::new(),
            retired: false,
        };
        workspace.change(|p| p.courses.push(course));
        open.set(Some(id.clone()));
        // The new course opens at the end of the list: take the officer straight to it.
        request_animation_frame(move || focus_field(&format!("{id}-title")));
    };
    view! {
        <section class="section" aria-labelledby="pack-courses">
            <h2 id="pack-courses">"Courses"</h2>
            <p>"Open a course to change it. Retire a course rather than deleting it: members' records of it are kept."</p>
            <button type="button" class="button button--secondary" on:click=add>"Add a course"</button>
            <div class="course-editors">
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    <CourseFields workspace=workspace id=id.clone() open=open.get_untracked().as_deref() == Some(id.as_str())/>
                </For>
            </div>
        </section>
    }
}

#[component]
fn CourseFields(workspace: Workspace, id: String, open: bool) -> impl IntoView {
    let pack = workspace.pack;
    let course = {
        let id = id.clone();
        Memo::new(move |_| {
            pack.with(|p| {
                p.as_ref()
                    .and_then(|p| p.courses.iter().find(|c| c.id == id).cloned())
            })
        })
    };
    let edit = {
        let id = id.clone();
        move |change: Box<dyn FnOnce(&mut Course) + Send>| {
            let id = id.clone();
            workspace.change(move |p| {
                if let Some(c) = p.courses.iter_mut().find(|c| c.id == id) {
                    change(c)
                }
            })
        }
    };
    let text = move |read: fn(&Course) -> String| {
        Signal::derive(move || course.with(|c| c.as_ref().map(read).unwrap_or_default()))
    };
    let set = {
        let edit = edit.clone();
        move |write: fn(&mut Course, String)| {
            let edit = edit.clone();
            Callback::new(move |v: String| edit(Box::new(move |c| write(c, v))))
        }
    };
    let initially = |show: fn(&Course) -> String| {
        course.with_untracked(|c| c.as_ref().map(show).unwrap_or_default())
    };
    fn months(m: Option<u32>) -> String {
        m.map(|m| m.to_string()).unwrap_or_default()
    }
    let hours = initially(|c| format_hours(c.minutes));
    let cost = initially(|c| pounds_for_form(u64::from(c.cost_pence)));
    let refresher = initially(|c| months(c.refresher_months));
    let window = initially(|c| months(c.months_after_election));
    let mandatory_kind =
        Signal::derive(move || course.with(|c| c.as_ref().map(|c| c.mandatory_for.kind())));
    let role_options = pack.with_untracked(|p| {
        p.as_ref()
            .map(|p| {
                p.roles
                    .iter()
                    .filter(|r| !r.retired)
                    .map(|r| (r.id.clone(), r.name.clone()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let summary = move || {
        course.with(|c| {
            c.as_ref()
                .map(|c| {
                    if c.retired {
                        format!("{} (retired)", c.title)
                    } else {
                        c.title.clone()
                    }
                })
                .unwrap_or_default()
        })
    };
    let roles_id = format!("{id}-mandatory-roles");
    let (e1, e2, e3, e4, e5, e6, e7, e8) = (
        edit.clone(),
        edit.clone(),
        edit.clone(),
        edit.clone(),
        edit.clone(),
        edit.clone(),
        edit.clone(),
        edit.clone(),
    );
    view! {
        <details class="course-edit" open=open>
            <summary class="course-edit__summary">{summary}</summary>
            <TextField label="Title" id=format!("{id}-title") value=text(|c| c.title.clone()) on_input=set(|c, v| c.title = v)/>
            <TextField label="Provider" id=format!("{id}-provider") value=text(|c| c.provider.clone()) on_input=set(|c, v| c.provider = v)/>
            <TextField label="Topic" id=format!("{id}-topic") value=text(|c| c.topic.clone()) on_input=set(|c, v| c.topic = v)/>
            <RadioGroup
                legend="Format" id=format!("{id}-format") inline=true
                selected=Signal::derive(move || course.with(|c| c.as_ref().map(|c| c.format)))
                on_change=Callback::new(move |f: LearningFormat| e1(Box::new(move |c| c.format = f)))
            />
            <TextArea label="Description" id=format!("{id}-summary") hint="What members will learn, shown on the course in their catalogue" limit=LONG_TEXT value=text(|c| c.summary.clone()) on_input=set(|c, v| c.summary = v)/>
            <ReadField workspace=workspace label="Typical hours" id=format!("{id}-hours") inputmode="decimal" initial=hours read=read_hours
                on_value=Callback::new(move |m: u32| e2(Box::new(move |c| c.minutes = m)))/>
            <ReadField workspace=workspace label="Cost per place (£)" id=format!("{id}-cost") inputmode="decimal" hint="0 for free" initial=cost read=read_money
                on_value=Callback::new(move |p: u64| e3(Box::new(move |c| c.cost_pence = u32::try_from(p).unwrap_or(u32::MAX))))/>
            <RadioGroup
                legend="Mandatory for" id=format!("{id}-mandatory")
                selected=mandatory_kind
                on_change=Callback::new(move |kind: MandatoryKind| e4(Box::new(move |c| c.mandatory_for = c.mandatory_for.of_kind(kind))))
            />
            <Show when=move || mandatory_kind.get() == Some(MandatoryKind::Roles)>
                <CheckboxList
                    legend="Roles it is mandatory for" id=roles_id.clone() options=role_options.clone()
                    selected=Signal::derive(move || course.with(|c| match c.as_ref().map(|c| &c.mandatory_for) { Some(MandatoryFor::Roles(r)) => r.clone(), _ => Default::default() }))
                    on_toggle=Callback::new({ let e5 = e5.clone(); move |(role, ticked): (String, bool)| e5(Box::new(move |c| if let MandatoryFor::Roles(r) = &mut c.mandatory_for { if ticked { r.insert(role); } else { r.remove(&role); } })) })
                />
            </Show>
            <ReadField workspace=workspace label="Refresh every (months, optional)" id=format!("{id}-refresher") inputmode="numeric" hint="For example 36 for every three years; leave blank if once is enough" initial=refresher read=read_course_months
                on_value=Callback::new(move |m: Option<u32>| e6(Box::new(move |c| c.refresher_months = m)))/>
            <ReadField workspace=workspace label="Only for newly elected members: months after election (optional)" id=format!("{id}-window") inputmode="numeric" hint="For an induction, for example 12: members elected longer ago than this are not asked for it. Leave blank if it applies whenever elected." initial=window read=read_course_months
                on_value=Callback::new(move |m: Option<u32>| e8(Box::new(move |c| c.months_after_election = m)))/>
            <TextField label="Link or venue (optional)" id=format!("{id}-location") value=text(|c| c.location.clone()) on_input=set(|c, v| c.location = v)/>
            <div class="choice">
                <input class="choice__input" type="checkbox" id=format!("{id}-retired")
                    prop:checked=move || course.with(|c| c.as_ref().is_some_and(|c| c.retired))
                    on:change=move |ev| { let t = event_target_checked(&ev); e7(Box::new(move |c| c.retired = t)) }/>
                <label class="choice__label" for=format!("{id}-retired")>"Retired: no longer offered"</label>
            </div>
        </details>
    }
}

#[component]
fn SurveysEditor(workspace: Workspace) -> impl IntoView {
    let pack = workspace.pack;
    let built_in = built_in_templates();
    let options = built_in
        .iter()
        .map(|t| (t.id.clone(), t.title.clone()))
        .collect();
    let offered = Memo::new(move |_| {
        pack.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.surveys
                        .iter()
                        .map(|s| s.template.id.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let toggle = move |(id, ticked): (String, bool)| {
        let template = built_in_templates().into_iter().find(|t| t.id == id);
        workspace.change(|p| {
            p.surveys.retain(|s| s.template.id != id);
            if let (true, Some(template)) = (ticked, template) {
                let round = SurveyRound::current(Local::now().date_naive()).name;
                p.surveys.push(PackSurvey {
                    template,
                    round,
                    opens_on: None,
                    closes_on: None,
                });
            }
        });
    };
    view! {
        <section class="section" aria-labelledby="pack-surveys">
            <h2 id="pack-surveys">"Surveys and rounds"</h2>
            <CheckboxList
                legend="Surveys to offer"
                id="pack-offered-surveys"
                options=options
                selected=Signal::derive(move || offered.get().into_iter().collect())
                on_toggle=Callback::new(toggle)
            />
            <p>"Name each survey's current round (for example 2026/27) and, if you like, when it opens and closes. Members answer each survey once per round."</p>
            <For each=move || offered.get() key=|id| id.clone() let:id>
                <SurveyRoundFields workspace=workspace id=id/>
            </For>
        </section>
    }
}

#[component]
fn SurveyRoundFields(workspace: Workspace, id: String) -> impl IntoView {
    let pack = workspace.pack;
    let survey = {
        let id = id.clone();
        Memo::new(move |_| {
            pack.with(|p| {
                p.as_ref()
                    .and_then(|p| p.surveys.iter().find(|s| s.template.id == id).cloned())
            })
        })
    };
    let edit = move |change: Box<dyn FnOnce(&mut PackSurvey) + Send>| {
        let id = id.clone();
        workspace.change(move |p| {
            if let Some(s) = p.surveys.iter_mut().find(|s| s.template.id == id) {
                change(s)
            }
        })
    };
    let (e1, e2, e3) = (edit.clone(), edit.clone(), edit);
    let key = survey.with_untracked(|s| {
        s.as_ref()
            .map(|s| s.template.id.clone())
            .unwrap_or_default()
    });
    let title = survey.with_untracked(|s| {
        s.as_ref()
            .map(|s| s.template.title.clone())
            .unwrap_or_default()
    });
    view! {
        <fieldset class="item-group">
            <legend class="item-group__legend">{title}</legend>
            <TextField label="Round name" id=format!("survey-{key}-round") value=Signal::derive(move || survey.with(|s| s.as_ref().map(|s| s.round.clone()).unwrap_or_default()))
                on_input=Callback::new(move |v: String| e1(Box::new(move |s| s.round = v)))/>
            <DateField label="Opens on (optional)" id=format!("survey-{key}-opens") value=Signal::derive(move || survey.with(|s| s.as_ref().and_then(|s| s.opens_on)))
                on_change=Callback::new(move |d| e2(Box::new(move |s| s.opens_on = d)))/>
            <DateField label="Closes on (optional)" id=format!("survey-{key}-closes") value=Signal::derive(move || survey.with(|s| s.as_ref().and_then(|s| s.closes_on)))
                on_change=Callback::new(move |d| e3(Box::new(move |s| s.closes_on = d)))/>
        </fieldset>
    }
}
