//! The council's course catalogue: what a councillor can learn, from whom, in what form,
//! and which courses are mandatory for which roles.
//!
//! The built-in catalogue is drawn from the council documents the product grew from
//! (induction and mandatory programmes, Artemis and Mindset e-learning, LGA and LGiU
//! courses). A council pack replaces it with the council's own.

use chrono::NaiveDate;
use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::roles::RoleId;
use super::vocabulary::Vocabulary;

/// A course's stable identifier, e.g. `code-of-conduct`.
pub type CourseId = String;

/// How a course is delivered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LearningFormat {
    Online,
    FaceToFace,
    Blended,
}

impl Vocabulary for LearningFormat {
    const ALL: &'static [Self] = &[Self::Online, Self::FaceToFace, Self::Blended];

    fn id(self) -> &'static str {
        match self {
            Self::Online => "online",
            Self::FaceToFace => "face_to_face",
            Self::Blended => "blended",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::Online => "Online",
            Self::FaceToFace => "Face to face",
            Self::Blended => "Blended",
        }
    }
}

/// Who must take a course.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MandatoryFor {
    Nobody,
    AllMembers,
    Roles(BTreeSet<RoleId>),
}

/// Which kind of [`MandatoryFor`] a course has, as the pack editor asks it; the roles
/// themselves are chosen apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MandatoryKind {
    Nobody,
    AllMembers,
    Roles,
}

impl Vocabulary for MandatoryKind {
    const ALL: &'static [Self] = &[Self::Nobody, Self::AllMembers, Self::Roles];

    /// As the pack file holds it: `nobody`, `all_members`, or the key of `{"roles": [...]}`.
    fn id(self) -> &'static str {
        match self {
            Self::Nobody => "nobody",
            Self::AllMembers => "all_members",
            Self::Roles => "roles",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::Nobody => "Nobody",
            Self::AllMembers => "All members",
            Self::Roles => "Members with these roles",
        }
    }
}

/// Reads a number of months typed into a course's form (a refresher interval, or how long a
/// course for new members stays mandatory): blank for none, else a whole number from 1 to
/// 600 (fifty years).
pub fn read_months(text: &str) -> Result<Option<u32>, &'static str> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<u32>() {
        Ok(months) if (1..=600).contains(&months) => Ok(Some(months)),
        _ => Err("Enter a whole number of months from 1 to 600, for example 36, or leave it blank"),
    }
}

impl Course {
    /// The last day a course for newly elected members is mandatory for someone elected on
    /// `elected`; `None` for a course with no such window, or when the date is not known.
    pub fn mandatory_until(&self, elected: Option<NaiveDate>) -> Option<NaiveDate> {
        let months = self.months_after_election?;
        Some(super::due::refresher_due_on(elected?, months))
    }

    /// Whether the course is mandatory on `today` for a councillor elected on `elected`:
    /// always, but for a course for newly elected members once its window has passed. A
    /// councillor who has not said when they were elected is taken to be inside it.
    pub fn mandatory_on(&self, elected: Option<NaiveDate>, today: NaiveDate) -> bool {
        self.mandatory_until(elected)
            .is_none_or(|until| today <= until)
    }
}

impl MandatoryFor {
    pub fn kind(&self) -> MandatoryKind {
        match self {
            Self::Nobody => MandatoryKind::Nobody,
            Self::AllMembers => MandatoryKind::AllMembers,
            Self::Roles(_) => MandatoryKind::Roles,
        }
    }

    /// Who must take the course once the officer chooses `kind`: the roles already chosen
    /// are kept when it stays "these roles", and start empty when it becomes so.
    pub fn of_kind(&self, kind: MandatoryKind) -> Self {
        match (kind, self) {
            (MandatoryKind::Nobody, _) => Self::Nobody,
            (MandatoryKind::AllMembers, _) => Self::AllMembers,
            (MandatoryKind::Roles, Self::Roles(roles)) => Self::Roles(roles.clone()),
            (MandatoryKind::Roles, _) => Self::Roles(BTreeSet::new()),
        }
    }

    /// Whether a councillor holding `roles` must take the course.
    pub fn applies_to(&self, roles: &BTreeSet<RoleId>) -> bool {
        match self {
            Self::Nobody => false,
            Self::AllMembers => true,
            Self::Roles(required) => !required.is_disjoint(roles),
        }
    }
}

/// A course in the catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Course {
    pub id: CourseId,
    pub title: String,
    pub provider: String,
    pub topic: String,
    pub format: LearningFormat,
    /// Typical time it takes, in minutes.
    pub minutes: u32,
    /// Cost per place in pence; 0 for free.
    pub cost_pence: u32,
    pub mandatory_for: MandatoryFor,
    /// How often it must be taken again, in months; `None` when once is enough.
    pub refresher_months: Option<u32>,
    /// For a course meant for newly elected members (an induction): how many months after
    /// the date elected it stays mandatory. `None`: mandatory whenever the roles apply.
    /// Left out of files that do not set it, so older versions of the app read them as
    /// before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months_after_election: Option<u32>,
    pub summary: String,
    /// A link to book it or the venue, when the council gives one.
    pub location: String,
    /// No longer offered. Records of it keep their details; it leaves the catalogue and
    /// stops being mandatory.
    pub retired: bool,
}

/// Everything needed to write one built-in course on one line.
struct Entry {
    id: &'static str,
    title: &'static str,
    provider: &'static str,
    topic: &'static str,
    format: LearningFormat,
    minutes: u32,
    cost_pence: u32,
    mandatory: &'static [&'static str],
    refresher_months: Option<u32>,
    summary: &'static str,
}

/// The built-in courses meant for newly elected members, and for how many months after the
/// date elected each stays mandatory: the seeds' induction runs over a new member's first year.
const FOR_NEWLY_ELECTED: &[(&str, u32)] = &[("induction", 12)];

/// Marks a course as mandatory for every member.
const ALL: &[&str] = &["*"];
const NONE: &[&str] = &[];

use LearningFormat::{Blended, FaceToFace, Online};

#[rustfmt::skip]
const BUILT_IN: &[Entry] = &[
    Entry { id: "induction", title: "Induction for newly elected members", provider: "Democratic Services", topic: "Induction", format: Blended, minutes: 360, cost_pence: 0, mandatory: ALL, refresher_months: None, summary: "How the council works, your role, support for members, and working with constituents, officers and partners." },
    Entry { id: "code-of-conduct", title: "Code of Conduct", provider: "Monitoring Officer", topic: "Ethics and standards", format: FaceToFace, minutes: 120, cost_pence: 0, mandatory: ALL, refresher_months: Some(36), summary: "The members' code of conduct, the register of interests, gifts and hospitality. Refreshed every three years." },
    Entry { id: "safeguarding", title: "Safeguarding children and adults at risk", provider: "Democratic Services", topic: "Safeguarding and communities", format: Online, minutes: 90, cost_pence: 0, mandatory: ALL, refresher_months: Some(36), summary: "Recognising and reporting concerns, and the council's safeguarding duties." },
    Entry { id: "member-officer-protocol", title: "Member/Officer Protocol", provider: "Monitoring Officer", topic: "Ethics and standards", format: FaceToFace, minutes: 90, cost_pence: 0, mandatory: NONE, refresher_months: None, summary: "What members and officers can expect of each other, and how to resolve concerns." },
    Entry { id: "independent-persons", title: "The role of Independent Persons", provider: "Monitoring Officer", topic: "Ethics and standards", format: FaceToFace, minutes: 90, cost_pence: 0, mandatory: &["standards-committee"], refresher_months: None, summary: "How Independent Persons support the standards regime and complaints about members." },
    Entry { id: "personal-safety", title: "Personal Safety", provider: "Democratic Services", topic: "Wellbeing and safety", format: FaceToFace, minutes: 120, cost_pence: 0, mandatory: NONE, refresher_months: None, summary: "Staying safe at surgeries, on visits and online." },
    Entry { id: "ict-devices", title: "Using your council ICT devices", provider: "ICT Services", topic: "Digital skills", format: FaceToFace, minutes: 120, cost_pence: 0, mandatory: NONE, refresher_months: None, summary: "Setting up and getting the most from your council tablet and laptop." },
    Entry { id: "ms-teams", title: "MS Teams for members", provider: "ICT Services", topic: "Digital skills", format: Online, minutes: 60, cost_pence: 0, mandatory: NONE, refresher_months: None, summary: "Joining, speaking and voting in virtual meetings with Microsoft Teams." },
    Entry { id: "ict-word-excel", title: "ICT skills: Word and Excel (basic and intermediate)", provider: "ICT Services", topic: "Digital skills", format: Blended, minutes: 180, cost_pence: 0, mandatory: NONE, refresher_months: None, summary: "Documents and spreadsheets at basic and intermediate level." },
    Entry { id: "unconscious-bias", title: "Unconscious Bias", provider: "LGA", topic: "Equality and inclusion", format: Online, minutes: 120, cost_pence: 0, mandatory: NONE, refresher_months: None, summary: "How unconscious bias affects decisions, and what members can do about it." },
    Entry { id: "social-media", title: "Using Social Media effectively", provider: "Democratic Services", topic: "Communication", format: Online, minutes: 90, cost_pence: 0, mandatory: NONE, refresher_months: None, summary: "Engaging residents online, the LGA guidance, and how social media links to the code of conduct." },
    Entry { id: "understanding-extremism", title: "Understanding Extremism", provider: "Community Safety team", topic: "Safeguarding and communities", format: Online, minutes: 120, cost_pence: 0, mandatory: NONE, refresher_months: None, summary: "Recognising extremism in communities and the Prevent duty." },
    Entry { id: "artemis-domestic-violence", title: "Artemis e-learning: Domestic Violence and Abuse", provider: "Artemis", topic: "Safeguarding and communities", format: Online, minutes: 60, cost_pence: 0, mandatory: NONE, refresher_months: None, summary: "An e-learning module on domestic violence and abuse." },
    Entry { id: "artemis-aces", title: "Artemis e-learning: Adverse Childhood Experiences", provider: "Artemis", topic: "Safeguarding and communities", format: Online, minutes: 60, cost_pence: 0, mandatory: NONE, refresher_months: None, summary: "An e-learning module on adverse childhood experiences and their effects." },
    Entry { id: "artemis-poverty", title: "Artemis e-learning: Poverty", provider: "Artemis", topic: "Safeguarding and communities", format: Online, minutes: 60, cost_pence: 0, mandatory: NONE, refresher_months: None, summary: "An e-learning module on poverty in our communities." },
    Entry { id: "artemis-healthy-outcomes", title: "Artemis e-learning: Healthy Outcomes", provider: "Artemis", topic: "Safeguarding and communities", format: Online, minutes: 60, cost_pence: 0, mandatory: NONE, refresher_months: None, summary: "An e-learning module on health inequalities and healthy outcomes." },
    Entry { id: "mindset-wellbeing", title: "Mindset self-coaching: Wellbeing", provider: "Mindset", topic: "Wellbeing and safety", format: Online, minutes: 30, cost_pence: 0, mandatory: NONE, refresher_months: None, summary: "A self-coaching e-learning module." },
    Entry { id: "mindset-resilience", title: "Mindset self-coaching: Resilience", provider: "Mindset", topic: "Wellbeing and safety", format: Online, minutes: 30, cost_pence: 0, mandatory: NONE, refresher_months: None, summary: "A self-coaching e-learning module." },
    Entry { id: "mindset-mindfulness", title: "Mindset self-coaching: Mindfulness", provider: "Mindset", topic: "Wellbeing and safety", format: Online, minutes: 30, cost_pence: 0, mandatory: NONE, refresher_months: None, summary: "A self-coaching e-learning module." },
    Entry { id: "mindset-thriving-isolation", title: "Mindset self-coaching: Thriving During Isolation", provider: "Mindset", topic: "Wellbeing and safety", format: Online, minutes: 30, cost_pence: 0, mandatory: NONE, refresher_months: None, summary: "A self-coaching e-learning module." },
    Entry { id: "iact-mental-health", title: "I-ACT Managing and Promoting Positive Mental Health and Wellbeing", provider: "I-ACT", topic: "Wellbeing and safety", format: Online, minutes: 360, cost_pence: 7500, mandatory: NONE, refresher_months: None, summary: "A virtual course on looking after your own and others' mental health." },
    Entry { id: "chairing-virtual-meetings", title: "Chairing Skills for Virtual Meetings", provider: "LGiU", topic: "Chairing and meetings", format: Online, minutes: 120, cost_pence: 6000, mandatory: NONE, refresher_months: None, summary: "Running fair, effective meetings online." },
    Entry { id: "participating-virtual-meetings", title: "Participating in Virtual Meetings", provider: "LGA", topic: "Chairing and meetings", format: Online, minutes: 90, cost_pence: 0, mandatory: NONE, refresher_months: None, summary: "Making your point well in online meetings." },
    Entry { id: "presenting-with-impact", title: "Presenting with Impact", provider: "LGiU", topic: "Communication", format: Online, minutes: 120, cost_pence: 6000, mandatory: NONE, refresher_months: None, summary: "Public speaking and presenting with confidence." },
    Entry { id: "chairing-meetings", title: "Chairing meetings and committees", provider: "Democratic Services", topic: "Chairing and meetings", format: FaceToFace, minutes: 180, cost_pence: 0, mandatory: &["committee-chair"], refresher_months: None, summary: "Procedure, handling debate and keeping order as a chair." },
    Entry { id: "scrutiny-essentials", title: "Effective scrutiny: questioning and challenge", provider: "Centre for Governance and Scrutiny", topic: "Scrutiny", format: FaceToFace, minutes: 180, cost_pence: 0, mandatory: &["scrutiny-committee"], refresher_months: Some(48), summary: "Planning a work programme, questioning skills and making recommendations." },
    Entry { id: "cabinet-induction", title: "Cabinet member induction", provider: "Democratic Services", topic: "Leadership", format: FaceToFace, minutes: 120, cost_pence: 0, mandatory: &["leader", "cabinet-member"], refresher_months: None, summary: "Executive decision-making, portfolios and working with senior officers." },
    Entry { id: "leadership-academy", title: "LGA Leadership Academy", provider: "LGA", topic: "Leadership", format: Blended, minutes: 1260, cost_pence: 195_000, mandatory: NONE, refresher_months: None, summary: "The LGA's programme for council leaders, cabinet members and group leaders." },
    Entry { id: "planning-committee", title: "Planning committee training", provider: "Planning Services", topic: "Planning", format: FaceToFace, minutes: 180, cost_pence: 0, mandatory: &["planning-committee"], refresher_months: Some(12), summary: "Planning law, material considerations, predetermination and site visits. Refreshed every year." },
    Entry { id: "licensing-committee", title: "Licensing committee training", provider: "Licensing Services", topic: "Licensing", format: FaceToFace, minutes: 180, cost_pence: 0, mandatory: &["licensing-committee"], refresher_months: Some(12), summary: "The Licensing Act, taxi licensing, hearings and natural justice. Refreshed every year." },
];

/// The catalogue every council starts with.
pub fn default_catalogue() -> Vec<Course> {
    BUILT_IN
        .iter()
        .map(|e| Course {
            id: e.id.to_owned(),
            title: e.title.to_owned(),
            provider: e.provider.to_owned(),
            topic: e.topic.to_owned(),
            format: e.format,
            minutes: e.minutes,
            cost_pence: e.cost_pence,
            mandatory_for: match e.mandatory {
                [] => MandatoryFor::Nobody,
                ["*"] => MandatoryFor::AllMembers,
                roles => MandatoryFor::Roles(roles.iter().map(|r| (*r).to_owned()).collect()),
            },
            refresher_months: e.refresher_months,
            months_after_election: FOR_NEWLY_ELECTED
                .iter()
                .find(|(id, _)| *id == e.id)
                .map(|(_, months)| *months),
            summary: e.summary.to_owned(),
            location: String::new(),
            retired: false,
        })
        .collect()
}

/// What a councillor is looking for in the catalogue.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CourseFilter {
    /// Words that must all appear in the title, provider, topic or summary.
    pub search: String,
    pub topic: Option<String>,
    pub format: Option<LearningFormat>,
    pub provider: Option<String>,
    /// Only courses mandatory for these roles.
    pub mandatory_for: Option<BTreeSet<RoleId>>,
}

impl CourseFilter {
    pub fn matches(&self, course: &Course) -> bool {
        let text = format!(
            "{} {} {} {}",
            course.title, course.provider, course.topic, course.summary
        )
        .to_lowercase();
        self.search
            .to_lowercase()
            .split_whitespace()
            .all(|word| text.contains(word))
            && self.topic.as_ref().is_none_or(|t| &course.topic == t)
            && self.format.is_none_or(|f| course.format == f)
            && self.provider.as_ref().is_none_or(|p| &course.provider == p)
            && self
                .mandatory_for
                .as_ref()
                .is_none_or(|roles| course.mandatory_for.applies_to(roles))
    }
}

/// The distinct values of one field across the catalogue, sorted, for filter menus.
pub fn distinct<'a>(courses: &'a [Course], field: impl Fn(&'a Course) -> &'a str) -> Vec<String> {
    let set: BTreeSet<&str> = courses.iter().map(field).collect();
    set.into_iter().map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_whole_numbers_or_blank() {
        assert_eq!(read_months(" "), Ok(None));
        assert_eq!(read_months("36"), Ok(Some(36)));
        for words in ["0", "three years", "1.5", "-12", "601"] {
            assert!(read_months(words).is_err(), "{words}");
        }
    }

    #[test]
    fn the_induction_is_mandatory_in_a_new_members_first_year_only() {
        let induction = default_catalogue()
            .into_iter()
            .find(|c| c.id == "induction")
            .unwrap();
        assert_eq!(induction.months_after_election, Some(12));
        let elected = NaiveDate::from_ymd_opt(2026, 5, 7);
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(induction.mandatory_until(elected), Some(day(2027, 5, 7)));
        assert!(induction.mandatory_on(elected, day(2027, 5, 7)));
        assert!(!induction.mandatory_on(elected, day(2027, 5, 8)));
        assert!(!induction.mandatory_on(NaiveDate::from_ymd_opt(2012, 5, 3), day(2026, 12, 1)));
        // Not known when elected: asked for, as a new member would be.
        assert!(induction.mandatory_on(None, day(2026, 12, 1)));
    }
    use crate::model::roles::default_roles;

    fn roles(ids: &[&str]) -> BTreeSet<RoleId> {
        ids.iter().map(|r| (*r).to_owned()).collect()
    }

    #[test]
    fn the_built_in_catalogue_has_unique_ids_and_known_roles() {
        let catalogue = default_catalogue();
        let ids: BTreeSet<_> = catalogue.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids.len(), catalogue.len());
        let known: BTreeSet<_> = default_roles().into_iter().map(|r| r.id).collect();
        for course in &catalogue {
            if let MandatoryFor::Roles(required) = &course.mandatory_for {
                assert!(
                    required.is_subset(&known),
                    "{} names an unknown role",
                    course.id
                );
            }
        }
    }

    #[test]
    fn the_code_of_conduct_is_for_everyone_every_three_years() {
        let catalogue = default_catalogue();
        let code = catalogue
            .iter()
            .find(|c| c.id == "code-of-conduct")
            .unwrap();
        assert!(code.mandatory_for.applies_to(&roles(&["backbench-member"])));
        assert_eq!(code.refresher_months, Some(36));
    }

    #[test]
    fn role_training_is_mandatory_only_for_that_role() {
        let licensing = MandatoryFor::Roles(roles(&["licensing-committee"]));
        assert!(licensing.applies_to(&roles(&["cabinet-member", "licensing-committee"])));
        assert!(!licensing.applies_to(&roles(&["planning-committee"])));
        assert!(!MandatoryFor::Nobody.applies_to(&roles(&["leader"])));
    }

    #[test]
    fn search_matches_every_word_in_any_field_ignoring_case() {
        let catalogue = default_catalogue();
        let filter = CourseFilter {
            search: "artemis POVERTY".into(),
            ..Default::default()
        };
        let found: Vec<_> = catalogue
            .iter()
            .filter(|c| filter.matches(c))
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(found, ["artemis-poverty"]);
    }

    #[test]
    fn filters_combine() {
        let catalogue = default_catalogue();
        let filter = CourseFilter {
            format: Some(LearningFormat::Online),
            provider: Some("LGiU".into()),
            ..Default::default()
        };
        let found: Vec<_> = catalogue
            .iter()
            .filter(|c| filter.matches(c))
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(
            found,
            ["chairing-virtual-meetings", "presenting-with-impact"]
        );
        let mine = CourseFilter {
            mandatory_for: Some(roles(&["licensing-committee"])),
            ..Default::default()
        };
        let found: Vec<_> = catalogue
            .iter()
            .filter(|c| mine.matches(c))
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(
            found,
            [
                "induction",
                "code-of-conduct",
                "safeguarding",
                "licensing-committee"
            ]
        );
    }

    #[test]
    fn filter_menus_list_each_value_once() {
        let providers = distinct(&default_catalogue(), |c| c.provider.as_str());
        assert_eq!(providers.iter().filter(|p| *p == "LGA").count(), 1);
        assert!(providers.windows(2).all(|w| w[0] < w[1]));
    }
}
