//! The built-in survey templates, drawn from the council documents the product grew from.
//!
//! * `ethical-framework` follows the Standards Committee's ethical framework self-assessment
//!   (roles of the Standards Committee and Monitoring Officer, the code of conduct, the
//!   register of interests, the member/officer protocol, induction and training).
//! * `training-needs` follows the priorities members named in their personal development
//!   plans (ICT at basic and intermediate level, chairing, public speaking, social media,
//!   wellbeing and personal safety, code of conduct refreshers) and the charter's call for
//!   equality of access and a range of learning styles.
//! * `skills-self-assessment` asks for confidence in the six skill areas of a councillor's
//!   role, so the answers can be compared from one year to the next.
//!
//! A council pack may replace any of them; a change to the questions must raise `version`.

use super::survey::{Choice, Condition, Question, QuestionKind, Section, SurveyTemplate};

/// The surveys every council starts with.
pub fn built_in_templates() -> Vec<SurveyTemplate> {
    vec![
        ethical_framework(),
        training_needs(),
        skills_self_assessment(),
    ]
}

/// The ends of the scale for understanding.
const NOT_AT_ALL: &str = "Not at all";
const COMPLETELY: &str = "Completely";
/// The ends of the scale for confidence.
const NOT_CONFIDENT: &str = "Not confident";
const VERY_CONFIDENT: &str = "Very confident";

/// The longest free-text answer any built-in question accepts.
const MAX_CHARS: u32 = 1000;

fn ethical_framework() -> SurveyTemplate {
    template(
        "ethical-framework",
        "Ethical framework self-assessment",
        "This survey checks how well you know the council's ethical framework: the code of \
         conduct, interests, and the people who support you. Your answers stay on this device until \
         you export them, and the survey is repeated each year so you can see what has changed.",
        vec![
            section(
                "roles",
                "Roles and responsibilities",
                "The people who look after standards of conduct at the council.",
                vec![
                    understanding(
                        "standards-committee-role",
                        "How well do you understand the role of the Standards Committee?",
                    )
                    .hint("It promotes and maintains high standards of conduct by members.")
                    .required(),
                    understanding(
                        "monitoring-officer-role",
                        "How well do you understand the role of the Monitoring Officer?",
                    )
                    .hint(
                        "The officer who advises on the code of conduct, keeps the register of \
                         interests and deals with complaints about members.",
                    )
                    .required(),
                ],
            ),
            section(
                "code-and-interests",
                "Code of conduct and interests",
                "",
                vec![
                    understanding(
                        "code-of-conduct",
                        "How well do you understand the members' code of conduct?",
                    )
                    .required(),
                    confidence(
                        "register-of-interests",
                        "How confident are you completing and updating your register of \
                         interests?",
                    )
                    .hint("Changes must normally be registered within 28 days.")
                    .required(),
                    understanding(
                        "gifts-hospitality",
                        "How well do you know the rules on gifts and hospitality?",
                    )
                    .hint("Including when and how to register them.")
                    .required(),
                ],
            ),
            section(
                "working-with-officers",
                "Working with officers",
                "",
                vec![
                    understanding(
                        "member-officer-protocol",
                        "How well do you understand the member/officer protocol?",
                    )
                    .hint("What members and officers can expect of each other.")
                    .required(),
                    yes_no(
                        "know-where-guidance",
                        "Do you know where to find guidance on the ethical framework?",
                    )
                    .hint("For example on the intranet or in the members' handbook.")
                    .required(),
                    free_text("find-guidance-help", "What would help you find it?")
                        .when("know-where-guidance", &["no"]),
                ],
            ),
            section(
                "training",
                "Training",
                "",
                vec![
                    yes_no(
                        "trained-last-three-years",
                        "Have you received training on the code of conduct in the last three \
                         years?",
                    )
                    .hint("Members are offered a refresher every three years.")
                    .required(),
                    single_choice(
                        "training-how",
                        "How did you receive it?",
                        &[
                            ("induction", "At induction"),
                            ("face-to-face", "Face-to-face session"),
                            ("e-learning", "E-learning"),
                            ("other", "Other"),
                        ],
                    )
                    .hint("If more than one, choose the most recent.")
                    .required()
                    .when("trained-last-three-years", &["yes"]),
                    free_text(
                        "ethics-learning-wishes",
                        "Anything else you would like to learn about the ethical framework?",
                    ),
                ],
            ),
        ],
    )
}

/// The training topics members asked for, shared by the two priority questions.
const TOPICS: &[(&str, &str)] = &[
    (
        "ict-basic",
        "ICT skills at basic level (for example email, Word)",
    ),
    (
        "ict-intermediate",
        "ICT skills at intermediate level (for example Excel)",
    ),
    ("chairing", "Chairing meetings and committees"),
    ("public-speaking", "Public speaking and presenting"),
    ("social-media", "Using social media effectively"),
    ("wellbeing-safety", "Wellbeing and personal safety"),
    ("code-of-conduct", "Code of conduct refresher"),
    ("scrutiny", "Scrutiny and questioning skills"),
    ("planning-licensing", "Planning and licensing"),
];

fn training_needs() -> SurveyTemplate {
    template(
        "training-needs",
        "Training needs survey",
        "Tell us what you would like to learn this year and how you like to learn, so the \
         member development programme suits you. Your answers stay on this device until you \
         export them, for example to share at your personal development plan meeting.",
        vec![
            section(
                "priorities",
                "Your priorities",
                "",
                vec![
                    multiple_choice(
                        "priority-topics",
                        "Which of these would you like training on?",
                        TOPICS,
                    )
                    .hint("Choose all that apply.")
                    .required(),
                    single_choice(
                        "top-priority",
                        "Which ONE of these matters most to you this year?",
                        TOPICS,
                    )
                    .required(),
                ],
            ),
            section(
                "digital-confidence",
                "Using your council devices",
                "",
                vec![
                    confidence(
                        "ict-confidence",
                        "How confident are you using your council tablet and other ICT?",
                    )
                    .hint("For example email, reading meeting papers and the member portal.")
                    .required(),
                    confidence(
                        "virtual-meetings-confidence",
                        "How confident are you joining and speaking in virtual meetings?",
                    )
                    .hint("For example on MS Teams.")
                    .required(),
                ],
            ),
            section(
                "how-and-when",
                "How and when you learn",
                "We offer learning in different ways and at different times so that everyone \
                 can take part.",
                vec![
                    multiple_choice(
                        "learning-methods",
                        "How do you prefer to learn?",
                        &[
                            ("online", "Online (e-learning or virtual sessions)"),
                            ("face-to-face", "Face to face"),
                            ("blended", "A mix of online and face to face"),
                            ("one-to-one", "One-to-one support"),
                        ],
                    )
                    .hint("Choose all that suit you.")
                    .required(),
                    multiple_choice(
                        "learning-times",
                        "Which times suit you for training?",
                        &[
                            ("weekday-daytime", "Weekday daytime"),
                            ("weekday-evening", "Weekday evening"),
                            ("weekend", "Weekend"),
                        ],
                    )
                    .hint("Choose all that suit you.")
                    .required(),
                    number(
                        "hours-per-year",
                        "Roughly how many hours a year could you give to learning?",
                        0,
                        200,
                    )
                    .hint("A rough guess is fine."),
                ],
            ),
            section(
                "access-and-support",
                "Access and support",
                "",
                vec![
                    yes_no(
                        "access-needs",
                        "Do you have any access, caring or other needs we should plan for?",
                    )
                    .hint("For example step-free access, a hearing loop, large print or childcare.")
                    .required(),
                    free_text("access-needs-detail", "Tell us what would help")
                        .when("access-needs", &["yes"]),
                ],
            ),
        ],
    )
}

fn skills_self_assessment() -> SurveyTemplate {
    const INTRO: &str = "How confident are you in each of these?";
    template(
        "skills-self-assessment",
        "Skills self-assessment",
        "Rate your confidence in the skills councillors use, one area at a time. Your answers \
         stay on this device until you export them, and you repeat the survey next year so you \
         can see what has changed.",
        vec![
            section(
                "local-leadership",
                "Local leadership",
                INTRO,
                vec![
                    skill(
                        "representing-residents",
                        "Representing the views of residents in your ward",
                    ),
                    skill(
                        "bringing-people-together",
                        "Bringing local people and groups together to tackle issues",
                    ),
                    skill(
                        "handling-casework",
                        "Handling residents' casework and following it through",
                    ),
                ],
            ),
            section(
                "partnership-working",
                "Partnership working",
                INTRO,
                vec![
                    skill(
                        "meetings-with-partners",
                        "Chairing or taking part in meetings with partners",
                    ),
                    skill(
                        "partner-relationships",
                        "Building working relationships with partners such as health, police \
                         and voluntary groups",
                    ),
                    skill(
                        "working-with-officers",
                        "Working with officers in line with the member/officer protocol",
                    ),
                ],
            ),
            section(
                "communication",
                "Communication",
                INTRO,
                vec![
                    skill(
                        "explaining-decisions",
                        "Explaining council decisions to residents",
                    ),
                    skill(
                        "speaking-in-public",
                        "Speaking in public and at council meetings",
                    ),
                    skill(
                        "using-social-media",
                        "Using social media to keep in touch with residents",
                    ),
                ],
            ),
            section(
                "scrutiny-and-challenge",
                "Scrutiny and challenge",
                INTRO,
                vec![
                    skill(
                        "questioning-constructively",
                        "Questioning officers and cabinet members constructively",
                    ),
                    skill(
                        "using-evidence",
                        "Using evidence to make sound recommendations",
                    ),
                    free_text(
                        "scrutiny-development",
                        "What would help you develop in this area?",
                    ),
                ],
            ),
            section(
                "regulating-and-monitoring",
                "Regulating and monitoring",
                INTRO,
                vec![
                    skill(
                        "planning-licensing-rules",
                        "Applying planning and licensing rules fairly",
                    ),
                    skill(
                        "declaring-interests",
                        "Recognising when you must declare an interest in a decision",
                    ),
                    skill(
                        "monitoring-performance",
                        "Monitoring how well council services are performing",
                    ),
                ],
            ),
            section(
                "political-understanding",
                "Political understanding",
                INTRO,
                vec![
                    skill(
                        "budget-setting",
                        "Understanding how the council's budget is set",
                    ),
                    skill(
                        "decision-making",
                        "Understanding how decisions are made under the council's constitution",
                    ),
                    skill(
                        "balancing-views",
                        "Balancing your group's views with those of your ward and the whole \
                         council",
                    ),
                ],
            ),
        ],
    )
}

fn template(id: &str, title: &str, intro: &str, sections: Vec<Section>) -> SurveyTemplate {
    SurveyTemplate {
        id: id.to_owned(),
        version: 1,
        title: title.to_owned(),
        intro: intro.to_owned(),
        sections,
    }
}

fn section(id: &str, title: &str, intro: &str, questions: Vec<Question>) -> Section {
    Section {
        id: id.to_owned(),
        title: title.to_owned(),
        intro: intro.to_owned(),
        questions,
    }
}

/// An optional question with no hint, always shown.
fn question(id: &str, text: &str, kind: QuestionKind) -> Question {
    Question {
        id: id.to_owned(),
        text: text.to_owned(),
        hint: String::new(),
        kind,
        required: false,
        shown_when: None,
    }
}

fn likert(id: &str, text: &str, low: &str, high: &str) -> Question {
    let kind = QuestionKind::Likert {
        low: low.to_owned(),
        high: high.to_owned(),
    };
    question(id, text, kind)
}

/// A scale from "Not at all" to "Completely".
fn understanding(id: &str, text: &str) -> Question {
    likert(id, text, NOT_AT_ALL, COMPLETELY)
}

/// A scale from "Not confident" to "Very confident".
fn confidence(id: &str, text: &str) -> Question {
    likert(id, text, NOT_CONFIDENT, VERY_CONFIDENT)
}

/// A required statement of confidence in one skill.
fn skill(id: &str, statement: &str) -> Question {
    confidence(id, statement).required()
}

fn yes_no(id: &str, text: &str) -> Question {
    question(id, text, QuestionKind::YesNo)
}

fn free_text(id: &str, text: &str) -> Question {
    let kind = QuestionKind::FreeText {
        max_chars: MAX_CHARS,
    };
    question(id, text, kind)
}

fn number(id: &str, text: &str, min: i64, max: i64) -> Question {
    question(id, text, QuestionKind::Number { min, max })
}

fn choices(options: &[(&str, &str)]) -> Vec<Choice> {
    options
        .iter()
        .map(|(id, label)| Choice {
            id: (*id).to_owned(),
            label: (*label).to_owned(),
        })
        .collect()
}

fn single_choice(id: &str, text: &str, options: &[(&str, &str)]) -> Question {
    let options = choices(options);
    question(id, text, QuestionKind::SingleChoice { options })
}

fn multiple_choice(id: &str, text: &str, options: &[(&str, &str)]) -> Question {
    let options = choices(options);
    question(id, text, QuestionKind::MultipleChoice { options })
}

/// Finishing touches for a question, written after it.
trait Touches {
    fn hint(self, hint: &str) -> Self;
    fn required(self) -> Self;
    /// Shown only when the earlier question `question` was answered with any of `any_of`.
    fn when(self, question: &str, any_of: &[&str]) -> Self;
}

impl Touches for Question {
    fn hint(self, hint: &str) -> Self {
        Self {
            hint: hint.to_owned(),
            ..self
        }
    }

    fn required(self) -> Self {
        Self {
            required: true,
            ..self
        }
    }

    fn when(self, question: &str, any_of: &[&str]) -> Self {
        Self {
            shown_when: Some(Condition {
                question: question.to_owned(),
                any_of: any_of.iter().map(|v| (*v).to_owned()).collect(),
            }),
            ..self
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::*;

    fn find(id: &str) -> SurveyTemplate {
        built_in_templates()
            .into_iter()
            .find(|t| t.id == id)
            .unwrap()
    }

    fn questions(template: &SurveyTemplate) -> impl Iterator<Item = &Question> {
        template.sections.iter().flat_map(|s| s.questions.iter())
    }

    fn is_slug(id: &str) -> bool {
        !id.is_empty()
            && !id.starts_with('-')
            && !id.ends_with('-')
            && !id.contains("--")
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    }

    /// The values a condition may test for an answer to a question of this kind.
    fn valid_values(kind: &QuestionKind) -> Option<BTreeSet<String>> {
        match kind {
            QuestionKind::Likert { .. } => Some((1..=5).map(|n| n.to_string()).collect()),
            QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options } => {
                Some(options.iter().map(|c| c.id.clone()).collect())
            }
            QuestionKind::YesNo => Some(["yes".to_owned(), "no".to_owned()].into()),
            QuestionKind::Number { min, max } => {
                Some((*min..=*max).map(|n| n.to_string()).collect())
            }
            QuestionKind::FreeText { .. } => None,
        }
    }

    #[test]
    fn there_are_exactly_the_three_built_in_templates() {
        let ids: Vec<_> = built_in_templates().into_iter().map(|t| t.id).collect();
        assert_eq!(
            ids,
            [
                "ethical-framework",
                "training-needs",
                "skills-self-assessment"
            ]
        );
        for template in built_in_templates() {
            assert_eq!(template.version, 1, "{}", template.id);
            assert!(!template.title.is_empty(), "{}", template.id);
            assert!(!template.intro.trim().is_empty(), "{}", template.id);
        }
    }

    #[test]
    fn ids_are_unique_lower_case_and_hyphenated() {
        for template in built_in_templates() {
            let mut seen = BTreeSet::new();
            let mut sections = BTreeSet::new();
            for section in &template.sections {
                assert!(is_slug(&section.id), "section {}", section.id);
                assert!(sections.insert(&section.id), "section {} twice", section.id);
            }
            for q in questions(&template) {
                assert!(is_slug(&q.id), "{} in {}", q.id, template.id);
                assert!(seen.insert(&q.id), "{} twice in {}", q.id, template.id);
                if let QuestionKind::SingleChoice { options }
                | QuestionKind::MultipleChoice { options } = &q.kind
                {
                    assert!(options.len() >= 2, "{} has too few options", q.id);
                    let mut ids = BTreeSet::new();
                    for choice in options {
                        assert!(is_slug(&choice.id), "{} in {}", choice.id, q.id);
                        assert!(ids.insert(&choice.id), "{} twice in {}", choice.id, q.id);
                        assert!(!choice.label.is_empty(), "{} in {}", choice.id, q.id);
                    }
                }
            }
        }
    }

    #[test]
    fn conditions_refer_to_earlier_questions_with_valid_values() {
        for template in built_in_templates() {
            let mut earlier: BTreeMap<&str, &QuestionKind> = BTreeMap::new();
            for q in questions(&template) {
                if let Some(condition) = &q.shown_when {
                    let kind = earlier.get(condition.question.as_str()).unwrap_or_else(|| {
                        panic!(
                            "{} depends on {}, which is not an earlier question in {}",
                            q.id, condition.question, template.id
                        )
                    });
                    let valid = valid_values(kind)
                        .unwrap_or_else(|| panic!("{} depends on a free-text answer", q.id));
                    assert!(
                        !condition.any_of.is_empty(),
                        "{} has an empty condition",
                        q.id
                    );
                    for value in &condition.any_of {
                        assert!(valid.contains(value), "{} tests {value:?}", q.id);
                    }
                }
                earlier.insert(&q.id, &q.kind);
            }
        }
    }

    #[test]
    fn every_template_asks_something_required_and_no_section_is_empty() {
        for template in built_in_templates() {
            assert!(
                questions(&template).any(|q| q.required),
                "{} has no required question",
                template.id
            );
            for section in &template.sections {
                assert!(
                    !section.questions.is_empty(),
                    "{} / {} is empty",
                    template.id,
                    section.title
                );
            }
        }
    }

    #[test]
    fn question_kinds_are_well_formed() {
        for template in built_in_templates() {
            for q in questions(&template) {
                match &q.kind {
                    QuestionKind::FreeText { max_chars } => assert_eq!(*max_chars, 1000),
                    QuestionKind::Number { min, max } => assert!(min < max, "{}", q.id),
                    QuestionKind::Likert { low, high } => {
                        assert!(!low.is_empty() && !high.is_empty(), "{}", q.id);
                    }
                    _ => {}
                }
            }
        }
    }

    #[test]
    fn the_skills_survey_has_the_six_areas_in_order_all_rated_by_confidence() {
        let skills = find("skills-self-assessment");
        let titles: Vec<_> = skills.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Local leadership",
                "Partnership working",
                "Communication",
                "Scrutiny and challenge",
                "Regulating and monitoring",
                "Political understanding",
            ]
        );
        for section in &skills.sections {
            let scales: Vec<_> = section
                .questions
                .iter()
                .filter(|q| matches!(q.kind, QuestionKind::Likert { .. }))
                .collect();
            assert!((2..=3).contains(&scales.len()), "{}", section.title);
            for q in scales {
                assert!(q.required, "{}", q.id);
                assert_eq!(
                    q.kind,
                    QuestionKind::Likert {
                        low: NOT_CONFIDENT.into(),
                        high: VERY_CONFIDENT.into()
                    }
                );
            }
        }
    }

    #[test]
    fn the_ethical_framework_shows_some_questions_only_conditionally() {
        let ethics = find("ethical-framework");
        assert!(questions(&ethics).any(|q| q.shown_when.is_some()));
        let how = questions(&ethics).find(|q| q.id == "training-how").unwrap();
        assert_eq!(
            how.shown_when,
            Some(Condition {
                question: "trained-last-three-years".into(),
                any_of: vec!["yes".into()],
            })
        );
    }

    #[test]
    fn the_training_topics_are_the_priorities_members_asked_for() {
        let needs = find("training-needs");
        let options = |id: &str| match &questions(&needs).find(|q| q.id == id).unwrap().kind {
            QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options } => {
                options.iter().map(|c| c.id.clone()).collect::<Vec<_>>()
            }
            other => panic!("{id} is {other:?}"),
        };
        let topics = [
            "ict-basic",
            "ict-intermediate",
            "chairing",
            "public-speaking",
            "social-media",
            "wellbeing-safety",
            "code-of-conduct",
            "scrutiny",
            "planning-licensing",
        ];
        assert_eq!(options("priority-topics"), topics);
        assert_eq!(options("top-priority"), topics);
        assert_eq!(
            options("learning-methods"),
            ["online", "face-to-face", "blended", "one-to-one"]
        );
        assert_eq!(
            options("learning-times"),
            ["weekday-daytime", "weekday-evening", "weekend"]
        );
        let hours = questions(&needs)
            .find(|q| q.id == "hours-per-year")
            .unwrap();
        assert_eq!(hours.kind, QuestionKind::Number { min: 0, max: 200 });
        assert!(!hours.required);
    }
}
