//! A JSON reader's complaint about a file, in the words of the file's own parts. The
//! reader's message names Rust types ("expected u32") and a line and column of text the
//! person never saw; it is read here and never shown. Which part failed is found from
//! where in the text the reader stopped, and how it failed from the kind of message.

use serde_json::error::Category;

use super::error::{Damage, Part, Problem};

/// What the text that failed to read is, within the file the person chose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Within {
    /// A member file (or a sealed file's header), from its top level down.
    MemberFile,
    /// A council pack file.
    PackFile,
    /// The council pack a member file carries in its record.
    CarriedPack,
}

/// The damage `error` describes, having read `text` as `within`.
pub(crate) fn damage(error: &serde_json::Error, text: &str, within: Within) -> Damage {
    let path = match error.line() {
        0 => Vec::new(),
        line => path_at(text, offset(text, line, error.column())),
    };
    let message = error.to_string();
    match error.classify() {
        Category::Syntax | Category::Eof if message.starts_with("trailing characters") => {
            Damage::MoreAfterTheEnd
        }
        Category::Syntax | Category::Eof | Category::Io => {
            Damage::Broken(part_named(&path, within))
        }
        Category::Data => match quoted_after(&message, "missing field ") {
            Some(field) => {
                let mut path = path;
                path.push(Step::Key(field));
                Damage::Part {
                    part: part_named(&path, within),
                    problem: Problem::Missing,
                }
            }
            None => {
                let leaf = path.iter().rev().find_map(|s| match s {
                    Step::Key(k) => Some(k.as_str()),
                    Step::Index(_) => None,
                });
                Damage::Part {
                    problem: problem(&message, leaf),
                    part: part_named(&path, within),
                }
            }
        },
    }
}

/// One step down into the JSON: a field by its name, or an item of a list.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// The byte offset of a 1-based line and a 0-based byte column, as serde_json counts them.
fn offset(text: &str, line: usize, column: usize) -> usize {
    let start = match line {
        0 | 1 => 0,
        _ => text
            .bytes()
            .enumerate()
            .filter(|(_, b)| *b == b'\n')
            .nth(line - 2)
            .map_or(text.len(), |(at, _)| at + 1),
    };
    (start + column).min(text.len())
}

/// The path to the value the reader was reading when it stopped at `end`: when that was
/// just after an object or list closed (as when a field is found missing), the path to it.
fn path_at(text: &str, end: usize) -> Vec<Step> {
    enum Frame {
        Object(Option<String>),
        List(usize),
    }
    fn steps(frames: &[Frame]) -> Vec<Step> {
        frames
            .iter()
            .filter_map(|f| match f {
                Frame::Object(key) => key.clone().map(Step::Key),
                Frame::List(i) => Some(Step::Index(*i)),
            })
            .collect()
    }
    let bytes = &text.as_bytes()[..end];
    let mut frames = Vec::new();
    let mut closed = None;
    let mut key_next = false;
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'"' => {
                let start = at + 1;
                at = start;
                while at < bytes.len() && bytes[at] != b'"' {
                    at += if bytes[at] == b'\\' { 2 } else { 1 };
                }
                if key_next && let Some(Frame::Object(key)) = frames.last_mut() {
                    let end = at.min(bytes.len());
                    *key = Some(String::from_utf8_lossy(&bytes[start..end]).into_owned());
                    key_next = false;
                }
                closed = None;
            }
            b'{' => {
                frames.push(Frame::Object(None));
                key_next = true;
                closed = None;
            }
            b'[' => {
                frames.push(Frame::List(0));
                closed = None;
            }
            b',' => {
                match frames.last_mut() {
                    Some(Frame::Object(_)) => key_next = true,
                    Some(Frame::List(i)) => *i += 1,
                    None => {}
                }
                closed = None;
            }
            b'}' | b']' => {
                closed = Some(steps(&frames[..frames.len().saturating_sub(1)]));
                frames.pop();
                key_next = false;
            }
            b if b.is_ascii_whitespace() || b == b':' => {}
            _ => closed = None,
        }
        at += 1;
    }
    closed.unwrap_or_else(|| steps(&frames))
}

/// The text between the backticks after `prefix` at the start of `message`.
fn quoted_after(message: &str, prefix: &str) -> Option<String> {
    let rest = message.strip_prefix(prefix)?.strip_prefix('`')?;
    Some(rest.split('`').next()?.to_owned())
}

/// How a part failed, from the kind of message, and (when the message is a date or id
/// library's own) the name of the field.
fn problem(message: &str, leaf: Option<&str>) -> Problem {
    let expected = message.rsplit(", expected ").next().unwrap_or("");
    let expected = expected.split(" at line ").next().unwrap_or(expected);
    if message.starts_with("invalid type: null") {
        Problem::Missing
    } else if message.starts_with("duplicate field") {
        Problem::Repeated
    } else if message.starts_with("unknown variant") {
        Problem::NotKnown
    } else if message.starts_with("invalid type") || message.starts_with("invalid value") {
        match expected {
            e if e.contains("UUID") => Problem::NotId,
            e if is_number(e) && message.starts_with("invalid value") => Problem::OutOfRange,
            e if is_number(e) => Problem::NotNumber,
            e if e.contains("date") || e.contains("time") => date_problem(leaf),
            "a string" | "a borrowed string" | "string" | "a character" => Problem::NotText,
            "a boolean" => Problem::NotYesOrNo,
            "a sequence" => Problem::NotList,
            e if e.contains("variant") || e.starts_with("one of") => Problem::NotKnown,
            _ => Problem::NotInForm,
        }
    } else if message.contains("UUID") {
        Problem::NotId
    } else if is_date_message(message) {
        date_problem(leaf)
    } else if message.starts_with("invalid length") && leaf.is_some_and(is_id) {
        Problem::NotId
    } else {
        Problem::NotInForm
    }
}

fn is_number(expected: &str) -> bool {
    let mut chars = expected.chars();
    matches!(chars.next(), Some('u' | 'i' | 'f'))
        && chars.as_str().parse::<u8>().is_ok_and(|bits| bits <= 128)
}

fn is_id(key: &str) -> bool {
    key == "id" || key.ends_with("_id")
}

/// The messages of the date library the app reads dates with.
fn is_date_message(message: &str) -> bool {
    [
        "input contains invalid characters",
        "premature end of input",
        "trailing input",
        "input is out of range",
        "input is not enough",
        "no possible date and time",
        "bad or unsupported format",
    ]
    .iter()
    .any(|m| message.starts_with(m))
}

/// A moment (`…_at`) is a date and a time; any other date field, a day.
fn date_problem(leaf: Option<&str>) -> Problem {
    if leaf.is_some_and(|k| k == "at" || k.ends_with("_at")) {
        Problem::NotDateAndTime
    } else {
        Problem::NotDate
    }
}

const ANSWER: &str = "an answer in a survey response";

/// A list or object that holds parts of its own, and what one of them is called.
fn container(key: &str, list: bool, in_pack: bool) -> Option<&'static str> {
    Some(match (key, list) {
        ("record", false) => "the record",
        ("profile", false) => "the profile",
        ("learning", true) => "an activity in the learning record",
        ("evaluation", false) => "the evaluation of an activity",
        ("surveys", true) if in_pack => "a survey in the council pack",
        ("surveys", true) => "a survey response",
        ("answers", false) => ANSWER,
        ("plans", true) => "a development plan",
        ("needs", true) => "a development need in a plan",
        ("goals", true) => "a goal in a plan",
        ("requested_courses", true) => "a course requested in a plan",
        ("meeting", false) => "the meeting in a development plan",
        ("sign_off", false) => "the sign-off of a development plan",
        ("reopenings", true) => "a reopening of a development plan",
        ("preferences", false) => "the learning preferences in a development plan",
        ("pack", false) => "the council pack it carries",
        ("courses", true) => "a course in the council pack",
        ("roles", true) if in_pack => "a role in the council pack",
        ("template", false) => "a survey in the council pack",
        ("sections", true) => "a section of a survey",
        ("questions", true) => "a question in a survey",
        ("kind", false) => "the kind of a question",
        ("options", true) => "a choice in a question",
        ("shown_when", false) => "the condition on a question",
        ("mandatory_for", false) => "who a course is mandatory for",
        ("encryption", false) => "the part that says how it is locked",
        _ => return None,
    })
}

/// A field, in words, and whether they are plural.
fn field(key: &str, top_level: bool) -> (&'static str, bool) {
    match key {
        "minutes" => ("the hours", true),
        "roles" => ("the roles", true),
        "iterations" => ("the rounds of locking", true),
        "comments" => ("the comments", true),
        "format" if top_level => ("the format name", false),
        _ => (
            match key {
                "id" => "the id",
                "member_id" => "the member id",
                "device_id" => "the device id",
                "course_id" => "the course",
                "template_id" => "the survey",
                "template_version" => "the survey's version",
                "revision" => "the revision number",
                "schema_version" => "the data version",
                "app_version" => "the app version",
                "pack_version" => "the pack's version",
                "version" => "the version",
                "exported_at" => "the time it was exported",
                "updated_at" => "the time it was last changed",
                "deleted_at" => "the time it was deleted",
                "set_up_at" => "the time it was set up",
                "submitted_at" => "the time it was submitted",
                "issued_at" => "the time it was issued",
                "status" => "the status",
                "title" => "the title",
                "provider" => "the provider",
                "topic" => "the topic",
                "format" => "the format",
                "evidence" => "the evidence",
                "start_date" => "the start date",
                "completed_on" => "the date completed",
                "date_elected" => "the date elected",
                "full_name" => "the name",
                "council" => "the council",
                "ward" => "the ward",
                "political_group" => "the political group",
                "rating" => "the rating",
                "usefulness" => "the usefulness rating",
                "budget_pence" => "the training budget",
                "cost_pence" => "the cost",
                "locking_salt" => "the locking salt",
                "refresher_months" => "the refresher interval",
                "year" => "the year",
                "review_on" => "the review date",
                "target" => "the target date",
                "date" | "on" => "the date",
                "priority" => "the priority",
                "round" => "the round",
                "opens_on" => "the opening date",
                "closes_on" => "the closing date",
                "type" => "the type",
                "value" => "the value",
                "name" => "the name",
                "cipher" => "the cipher",
                "kdf" => "the way the key is made",
                "salt" => "the salt",
                "nonce" => "the nonce",
                "ciphertext" => "the locked record",
                "sealed_to" => "the part that says how it is sealed",
                "key_id" => "the council key's id",
                "enc" => "the sealing key",
                "fingerprint" => "the key's fingerprint",
                "public_key" => "the council key",
                "council_key" => "the council key",
                _ => "",
            },
            false,
        ),
    }
}

/// The part of the file at `path`, in words: the innermost part of the file that has a
/// name of its own, and the field within it.
fn part_named(path: &[Step], within: Within) -> Part {
    let mut in_pack = within != Within::MemberFile;
    let mut around = match within {
        Within::CarriedPack => Some("the council pack it carries"),
        Within::MemberFile | Within::PackFile => None,
    };
    let Some((leaf, inside)) = path.split_last() else {
        return Part::new(around.unwrap_or("the start of the file"), false);
    };
    for (at, step) in inside.iter().enumerate() {
        let Step::Key(key) = step else { continue };
        let list = matches!(inside.get(at + 1).or(Some(leaf)), Some(Step::Index(_)));
        if key == "pack" {
            in_pack = true;
        }
        if let Some(name) = container(key, list, in_pack) {
            around = Some(name);
        }
    }
    let (words, plural) = match leaf {
        // A field of the innermost part with a name of its own.
        // The answers are keyed by question: the key is the file's, not a field's name.
        Step::Key(_) if around == Some(ANSWER) => return Part::new(ANSWER, false),
        Step::Key(key) => match field(key, inside.is_empty()) {
            ("", _) => (format!("the part called “{}”", short(key)), false),
            (words, plural) => (words.to_owned(), plural),
        },
        // An item of a list: the list itself, or, when its items have a name, that.
        Step::Index(_) => match inside.last() {
            Some(Step::Key(list)) if container(list, true, in_pack).is_some() => {
                return Part::new(around.unwrap_or("the start of the file"), false);
            }
            Some(Step::Key(list)) => match field(list, inside.len() == 1) {
                ("", _) => (format!("the part called “{}”", short(list)), false),
                (words, plural) => (words.to_owned(), plural),
            },
            _ => ("a list".to_owned(), false),
        },
    };
    match around {
        Some(around) if around.starts_with("the ") => {
            Part::new(format!("{words} in {around}"), plural)
        }
        Some(around) => Part::new(format!("{words} of {around}"), plural),
        None => Part::new(words, plural),
    }
}

/// A field's name from the file as the person may read it: plain letters and spaces,
/// shortened.
fn short(key: &str) -> String {
    key.chars()
        .map(|c| if c == '_' { ' ' } else { c })
        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-')
        .take(40)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn damage_of<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
        let error = serde_json::from_str::<T>(text).unwrap_err();
        damage(&error, text, Within::MemberFile).to_string()
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Activity {
        id: uuid::Uuid,
        minutes: u32,
        completed_on: Option<chrono::NaiveDate>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Record {
        learning: Vec<Activity>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct File {
        revision: u64,
        record: Record,
    }

    const ID: &str = "0b7e4a52-3a39-4c1b-9f0e-1d7b3a9c2e11";

    #[test]
    fn a_wrong_value_deep_in_the_file_is_named_by_its_part() {
        let activity = |fields: &str| {
            format!(
                r#"{{"revision":1,"record":{{"learning":[{{"id":"{ID}","minutes":60,"completed_on":null}},{{{fields}}}]}}}}"#
            )
        };
        assert_eq!(
            damage_of::<File>(&activity(&format!(r#""id":"{ID}","minutes":"lots""#))),
            "the hours of an activity in the learning record are not a number"
        );
        assert_eq!(
            damage_of::<File>(&activity(r#""id":"not-an-id","minutes":1"#)),
            "the id of an activity in the learning record is not an id in the form the app writes"
        );
        assert_eq!(
            damage_of::<File>(&activity(&format!(
                r#""id":"{ID}","minutes":1,"completed_on":"last Tuesday""#
            ))),
            "the date completed of an activity in the learning record is not a date"
        );
        assert_eq!(
            damage_of::<File>(&activity(&format!(r#""id":"{ID}","minutes":-3"#))),
            "the hours of an activity in the learning record are not a number the app can hold"
        );
        assert_eq!(
            damage_of::<File>(&activity(&format!(r#""id":"{ID}""#))),
            "the hours of an activity in the learning record are missing"
        );
        assert_eq!(
            damage_of::<File>(r#"{"revision":"twelve","record":{"learning":[]}}"#),
            "the revision number is not a number"
        );
        assert_eq!(
            damage_of::<File>(r#"{"revision":1,"record":{"learning":[1]}}"#),
            "an activity in the learning record is not in the form the app writes"
        );
    }

    #[test]
    fn the_same_fault_in_indented_text_is_found_by_its_line() {
        let text = format!(
            "{{\n  \"revision\": 1,\n  \"record\": {{\n    \"learning\": [\n      {{\n        \"id\": \"{ID}\",\n        \"minutes\": true\n      }}\n    ]\n  }}\n}}"
        );
        assert_eq!(
            damage_of::<File>(&text),
            "the hours of an activity in the learning record are not a number"
        );
    }
}
