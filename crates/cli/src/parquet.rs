//! The run's raw rows as Parquet tables, for engines (DuckDB, Polars, Spark) that want to
//! ask their own questions: who the members are, what they learned, what they thought of
//! it, what they answered in surveys and asked for in their plans, the catalogue the
//! reports used, and what happened to each file. `docs/parquet.md` describes every
//! column; each file's key-value metadata names its table (`mdr.table`) and the shape of
//! its columns (`mdr.schema_version`), which rises whenever a column changes.
//!
//! What it is not: a report. No figure is worked out here, only rows copied from the
//! workspace the command built, so a figure an engine computes from these tables and the
//! same figure in a CSV report (the domain's) can be checked against each other
//! (`scripts/check-parquet.py` does). Deleted activities are left out, as every report
//! leaves them out; enums are written as their stable ids (`Vocabulary::id`), the strings
//! the members' files hold.
//!
//! Every table carries `council` (the council the member is held under, as the reports'
//! *Council* column names it) and `member_id`, so
//! the tables of many councils' runs can be read together and joined on both.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{DateTime, NaiveDate, Utc};
use mdr_domain::consolidate::{Councils, FileResult, HeldMember};
use mdr_domain::model::catalogue::MandatoryFor;
use mdr_domain::model::learning::Evaluation;
use mdr_domain::model::pack::{CouncilPack, offered_courses};
use mdr_domain::model::plan::{CourseRequest, DevelopmentNeed, DevelopmentPlan};
use mdr_domain::model::survey::{Answer, ResponseStatus, SurveyResponse};
use mdr_domain::model::{Course, LearningActivity, MemberRecord, Vocabulary};
use parquet::basic::Compression;
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DataType, Int32Type, Int64Type};
use parquet::errors::ParquetError;
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::{SerializedColumnWriter, SerializedFileWriter};
use parquet::schema::parser::parse_message_type;
use uuid::Uuid;
use uuid::fmt::Hyphenated;

use crate::consolidate::Consolidation;
use crate::error::CliError;

/// The shape of every table's columns. Rises when a column is added, removed, renamed or
/// changes its type or meaning, so a reader can tell which `docs/parquet.md` it needs.
pub const SCHEMA_VERSION: &str = "1";
/// The key-value metadata key holding [`SCHEMA_VERSION`].
pub const SCHEMA_VERSION_KEY: &str = "mdr.schema_version";
/// The key-value metadata key holding the table's name.
pub const TABLE_KEY: &str = "mdr.table";

/// Every table, each written as `<name>.parquet`, in the order the threads writing them
/// take them ([`write_tables`]): the largest first (a line an activity, a line an answer,
/// a line an evaluation), the short ones last.
pub const TABLES: [&str; 8] = [
    "activities",
    "survey_answers",
    "evaluations",
    "members",
    "plan_needs",
    "requested_courses",
    "outcomes",
    "courses",
];

/// A column's values, one a row; `None` is a null.
enum Values {
    /// UTF-8 text, held as the bytes the writer takes.
    Text(Vec<Option<ByteArray>>),
    Int32(Vec<Option<i32>>),
    Int64(Vec<Option<i64>>),
    Bool(Vec<Option<bool>>),
    /// Parquet DATE: days since 1970-01-01.
    Date(Vec<Option<NaiveDate>>),
    /// Parquet TIMESTAMP in milliseconds, adjusted to UTC.
    Timestamp(Vec<Option<DateTime<Utc>>>),
    /// A LIST of UTF8 strings, never null (an empty list instead).
    TextList(Vec<Vec<String>>),
}

/// One column: its name, whether it may hold nulls, and its values.
struct Column {
    name: &'static str,
    nullable: bool,
    values: Values,
}

impl Column {
    fn text<S: AsRef<str>>(name: &'static str, values: impl Iterator<Item = S>) -> Self {
        Self::required(name, Values::Text(shared_text(values.map(Some))))
    }

    fn optional_text<'a>(
        name: &'static str,
        values: impl Iterator<Item = Option<&'a str>>,
    ) -> Self {
        Self::optional(name, Values::Text(shared_text(values)))
    }

    fn int32(name: &'static str, values: impl Iterator<Item = i32>) -> Self {
        Self::required(name, Values::Int32(values.map(Some).collect()))
    }

    fn optional_int32(name: &'static str, values: impl Iterator<Item = Option<i32>>) -> Self {
        Self::optional(name, Values::Int32(values.collect()))
    }

    fn int64(name: &'static str, values: impl Iterator<Item = i64>) -> Self {
        Self::required(name, Values::Int64(values.map(Some).collect()))
    }

    fn optional_int64(name: &'static str, values: impl Iterator<Item = Option<i64>>) -> Self {
        Self::optional(name, Values::Int64(values.collect()))
    }

    fn bool(name: &'static str, values: impl Iterator<Item = bool>) -> Self {
        Self::required(name, Values::Bool(values.map(Some).collect()))
    }

    fn optional_bool(name: &'static str, values: impl Iterator<Item = Option<bool>>) -> Self {
        Self::optional(name, Values::Bool(values.collect()))
    }

    fn optional_date(name: &'static str, values: impl Iterator<Item = Option<NaiveDate>>) -> Self {
        Self::optional(name, Values::Date(values.collect()))
    }

    fn timestamp(name: &'static str, values: impl Iterator<Item = DateTime<Utc>>) -> Self {
        Self::required(name, Values::Timestamp(values.map(Some).collect()))
    }

    fn optional_timestamp(
        name: &'static str,
        values: impl Iterator<Item = Option<DateTime<Utc>>>,
    ) -> Self {
        Self::optional(name, Values::Timestamp(values.collect()))
    }

    fn text_list(name: &'static str, values: impl Iterator<Item = Vec<String>>) -> Self {
        Self::required(name, Values::TextList(values.collect()))
    }

    fn required(name: &'static str, values: Values) -> Self {
        Self {
            name,
            nullable: false,
            values,
        }
    }

    fn optional(name: &'static str, values: Values) -> Self {
        Self {
            name,
            nullable: true,
            values,
        }
    }

    /// The column in Parquet's schema language.
    fn schema(&self) -> String {
        let repetition = if self.nullable {
            "optional"
        } else {
            "required"
        };
        let name = self.name;
        match self.values {
            Values::Text(_) => format!("{repetition} binary {name} (STRING);"),
            Values::Int32(_) => format!("{repetition} int32 {name};"),
            Values::Int64(_) => format!("{repetition} int64 {name};"),
            Values::Bool(_) => format!("{repetition} boolean {name};"),
            Values::Date(_) => format!("{repetition} int32 {name} (DATE);"),
            Values::Timestamp(_) => {
                format!("{repetition} int64 {name} (TIMESTAMP(MILLIS,true));")
            }
            Values::TextList(_) => format!(
                "{repetition} group {name} (LIST) {{ repeated group list {{ required binary element (STRING); }} }}"
            ),
        }
    }

    fn len(&self) -> usize {
        match &self.values {
            Values::Text(v) => v.len(),
            Values::Int32(v) => v.len(),
            Values::Int64(v) => v.len(),
            Values::Bool(v) => v.len(),
            Values::Date(v) => v.len(),
            Values::Timestamp(v) => v.len(),
            Values::TextList(v) => v.len(),
        }
    }
}

/// Each text as the bytes Parquet holds: all of a column's texts copied once into one
/// buffer, each value a slice of it (no allocation a value), and rows in a run holding the
/// same text (a member's council and id, a response's round) sharing the one slice.
fn shared_text<S: AsRef<str>>(values: impl Iterator<Item = Option<S>>) -> Vec<Option<ByteArray>> {
    let mut buffer = Vec::new();
    let mut last: Option<(usize, usize)> = None;
    let spans: Vec<Option<(usize, usize)>> = values
        .map(|value| {
            let text = value?;
            let text = text.as_ref().as_bytes();
            match last {
                Some((start, len)) if &buffer[start..start + len] == text => {}
                _ => {
                    last = Some((buffer.len(), text.len()));
                    buffer.extend_from_slice(text);
                }
            }
            last
        })
        .collect();
    let buffer = ByteArray::from(buffer);
    spans
        .into_iter()
        .map(|span| span.map(|(start, len)| buffer.slice(start, len)))
        .collect()
}

/// An id as its file holds it (hyphenated, lower case), without making a `String` of it.
struct IdText([u8; Hyphenated::LENGTH]);

impl AsRef<str> for IdText {
    fn as_ref(&self) -> &str {
        std::str::from_utf8(&self.0).expect("an id's text is ASCII")
    }
}

fn id_text(id: Uuid) -> IdText {
    let mut text = [0; Hyphenated::LENGTH];
    id.hyphenated().encode_lower(&mut text);
    IdText(text)
}

/// How many rows a row group holds: large strides for an engine to read, and a group's
/// columns a few tens of megabytes, so a table of a million activities is never held
/// whole.
const ROW_GROUP: usize = 65_536;

/// The values present, and a definition level for each row when nulls are allowed.
fn levels<T>(values: Vec<Option<T>>, nullable: bool) -> (Vec<T>, Option<Vec<i16>>) {
    let defs = nullable.then(|| values.iter().map(|v| i16::from(v.is_some())).collect());
    let present = values.into_iter().flatten().collect();
    (present, defs)
}

fn days_since_epoch(date: NaiveDate) -> i32 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("1 January 1970 exists");
    i32::try_from((date - epoch).num_days()).expect("a date within Parquet's range")
}

/// Writes `rows` as the Parquet table `name` into `out`: its rows taken and its columns
/// made by `columns` a row group at a time, so neither is ever held whole; snappy pages;
/// the schema version and the table's name in the footer's key-value metadata.
fn write_parquet<W: Write + Send, R>(
    out: W,
    name: &str,
    rows: impl IntoIterator<Item = R>,
    columns: impl Fn(&[R]) -> Vec<Column>,
) -> Result<(), ParquetError> {
    // The columns of no rows: the schema alone.
    let message = format!(
        "message {name} {{ {} }}",
        columns(&[])
            .iter()
            .map(Column::schema)
            .collect::<Vec<_>>()
            .join(" ")
    );
    let schema = Arc::new(parse_message_type(&message)?);
    let properties = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_created_by(format!("mdr {}", env!("CARGO_PKG_VERSION")))
        .set_key_value_metadata(Some(vec![
            KeyValue::new(SCHEMA_VERSION_KEY.to_owned(), SCHEMA_VERSION.to_owned()),
            KeyValue::new(TABLE_KEY.to_owned(), name.to_owned()),
        ]))
        .build();
    let mut writer = SerializedFileWriter::new(out, schema, Arc::new(properties))?;
    let mut rows = rows.into_iter().peekable();
    let mut first = true;
    // A table with no rows still has its one, empty, row group.
    while first || rows.peek().is_some() {
        first = false;
        let group_rows: Vec<R> = rows.by_ref().take(ROW_GROUP).collect();
        let group_columns = columns(&group_rows);
        debug_assert!(
            group_columns.iter().all(|c| c.len() == group_rows.len()),
            "{name}"
        );
        let mut group = writer.next_row_group()?;
        write_group(&mut group, group_columns)?;
        group.close()?;
    }
    writer.close()?;
    Ok(())
}

/// One row group's columns.
fn write_group<W: Write + Send>(
    group: &mut parquet::file::writer::SerializedRowGroupWriter<'_, W>,
    columns: Vec<Column>,
) -> Result<(), ParquetError> {
    for column in columns {
        let mut out = group
            .next_column()?
            .expect("a writer for every column of the schema");
        let nullable = column.nullable;
        match column.values {
            Values::Text(values) => write_values::<ByteArrayType>(&mut out, values, nullable)?,
            Values::Int32(values) => write_values::<Int32Type>(&mut out, values, nullable)?,
            Values::Int64(values) => write_values::<Int64Type>(&mut out, values, nullable)?,
            Values::Bool(values) => write_values::<BoolType>(&mut out, values, nullable)?,
            Values::Date(values) => {
                let days = values.iter().map(|d| d.map(days_since_epoch)).collect();
                write_values::<Int32Type>(&mut out, days, nullable)?;
            }
            Values::Timestamp(values) => {
                let millis = values
                    .iter()
                    .map(|t| t.map(|t| t.timestamp_millis()))
                    .collect();
                write_values::<Int64Type>(&mut out, millis, nullable)?;
            }
            Values::TextList(lists) => {
                // A required list of required strings: definition level 0 is an empty
                // list, 1 an element; repetition level 0 starts a row's list.
                let (mut present, mut defs, mut reps) = (Vec::new(), Vec::new(), Vec::new());
                for list in &lists {
                    if list.is_empty() {
                        defs.push(0);
                        reps.push(0);
                    }
                    for (i, element) in list.iter().enumerate() {
                        present.push(ByteArray::from(element.as_str()));
                        defs.push(1);
                        reps.push(i16::from(i > 0));
                    }
                }
                out.typed::<ByteArrayType>()
                    .write_batch(&present, Some(&defs), Some(&reps))?;
            }
        }
        out.close()?;
    }
    Ok(())
}

/// One column of plain values, with a definition level for each row when nulls are allowed.
fn write_values<T: DataType>(
    out: &mut SerializedColumnWriter<'_>,
    values: Vec<Option<T::T>>,
    nullable: bool,
) -> Result<(), ParquetError> {
    let (present, defs) = levels(values, nullable);
    out.typed::<T>()
        .write_batch(&present, defs.as_deref(), None)
        .map(|_| ())
}

/// The catalogue's words for a course's `mandatory` column.
fn mandatory_id(mandatory: &MandatoryFor) -> &'static str {
    use mdr_domain::model::MandatoryKind;
    match mandatory {
        MandatoryFor::Nobody => MandatoryKind::Nobody.id(),
        MandatoryFor::AllMembers => MandatoryKind::AllMembers.id(),
        MandatoryFor::Roles(_) => MandatoryKind::Roles.id(),
    }
}

/// A survey response's status as its file holds it.
fn response_status_id(status: ResponseStatus) -> &'static str {
    match status {
        ResponseStatus::Draft => "draft",
        ResponseStatus::Submitted => "submitted",
    }
}

/// A member held, with the council they are held under.
#[derive(Clone, Copy)]
struct Member<'a> {
    council: &'a str,
    record: &'a MemberRecord,
}

impl std::ops::Deref for Member<'_> {
    type Target = MemberRecord;

    fn deref(&self) -> &MemberRecord {
        self.record
    }
}

/// Each member held, council by council, each council's in its workspace's order (by
/// member id).
fn records(councils: &Councils) -> Vec<Member<'_>> {
    councils
        .iter()
        .flat_map(|council| {
            council.workspace.members.values().map(|held| Member {
                council: &council.name,
                record: &held.file.record,
            })
        })
        .collect()
}

/// `council` and `member_id` for rows that each belong to a member.
fn member_keys<T>(rows: &[(Member, T)]) -> [Column; 2] {
    [
        Column::text("council", rows.iter().map(|(m, _)| m.council)),
        Column::text("member_id", rows.iter().map(|(m, _)| id_text(m.member_id))),
    ]
}

/// Each member held, with their council's name.
fn held(councils: &Councils) -> Vec<(&str, &HeldMember)> {
    councils
        .iter()
        .flat_map(|c| {
            c.workspace
                .members
                .values()
                .map(move |h| (c.name.as_str(), h))
        })
        .collect()
}

fn members(held: &[(&str, &HeldMember)]) -> Vec<Column> {
    let rows: Vec<(Member<'_>, ())> = held
        .iter()
        .map(|&(council, h)| {
            let record = &h.file.record;
            (Member { council, record }, ())
        })
        .collect();
    let [council, member_id] = member_keys(&rows);
    let profiles: Vec<_> = rows.iter().map(|(m, _)| &m.profile).collect();
    vec![
        council,
        member_id,
        Column::text("full_name", profiles.iter().map(|p| p.full_name.as_str())),
        Column::text("ward", profiles.iter().map(|p| p.ward.as_str())),
        Column::text(
            "political_group",
            profiles.iter().map(|p| p.political_group.as_str()),
        ),
        Column::text_list(
            "roles",
            profiles.iter().map(|p| p.roles.iter().cloned().collect()),
        ),
        Column::optional_date("date_elected", profiles.iter().map(|p| p.date_elected)),
        Column::optional_timestamp("set_up_at", rows.iter().map(|(m, _)| m.set_up_at)),
        Column::timestamp("exported_at", held.iter().map(|(_, h)| h.file.exported_at)),
        Column::int64(
            "revision",
            held.iter()
                .map(|(_, h)| i64::try_from(h.file.revision).unwrap_or(i64::MAX)),
        ),
        Column::int32(
            "devices",
            held.iter()
                .map(|(_, h)| i32::try_from(h.devices.len()).unwrap_or(i32::MAX)),
        ),
    ]
}

fn activity_rows(councils: &Councils) -> impl Iterator<Item = (Member<'_>, &LearningActivity)> {
    records(councils)
        .into_iter()
        .flat_map(|m| m.record.activities().map(move |a| (m, a)))
}

fn activities(rows: &[(Member, &LearningActivity)]) -> Vec<Column> {
    let [council, member_id] = member_keys(rows);
    vec![
        council,
        member_id,
        Column::text("activity_id", rows.iter().map(|(_, a)| id_text(a.id))),
        Column::optional_text(
            "course_id",
            rows.iter().map(|(_, a)| a.course_id.as_deref()),
        ),
        Column::text("title", rows.iter().map(|(_, a)| a.title.as_str())),
        Column::text("provider", rows.iter().map(|(_, a)| a.provider.as_str())),
        Column::text("topic", rows.iter().map(|(_, a)| a.topic.as_str())),
        Column::optional_text(
            "format",
            rows.iter().map(|(_, a)| a.format.map(Vocabulary::id)),
        ),
        Column::text("status", rows.iter().map(|(_, a)| a.status.id())),
        Column::optional_date("start_date", rows.iter().map(|(_, a)| a.start_date)),
        Column::optional_date("completed_on", rows.iter().map(|(_, a)| a.completed_on)),
        Column::int32(
            "minutes",
            rows.iter()
                .map(|(_, a)| i32::try_from(a.minutes).unwrap_or(i32::MAX)),
        ),
        Column::bool(
            "hours_not_known",
            rows.iter().map(|(_, a)| a.hours_not_known),
        ),
        Column::text("evidence", rows.iter().map(|(_, a)| a.evidence.as_str())),
        Column::bool(
            "evaluated",
            rows.iter().map(|(_, a)| a.evaluation.is_some()),
        ),
        Column::timestamp("updated_at", rows.iter().map(|(_, a)| a.updated_at)),
    ]
}

fn evaluation_rows(
    councils: &Councils,
) -> impl Iterator<Item = (Member<'_>, (&LearningActivity, &Evaluation))> {
    activity_rows(councils).filter_map(|(m, a)| a.evaluation.as_ref().map(|e| (m, (a, e))))
}

fn evaluations(rows: &[(Member<'_>, (&LearningActivity, &Evaluation))]) -> Vec<Column> {
    let [council, member_id] = member_keys(rows);
    vec![
        council,
        member_id,
        Column::text("activity_id", rows.iter().map(|(_, (a, _))| id_text(a.id))),
        Column::optional_text(
            "course_id",
            rows.iter().map(|(_, (a, _))| a.course_id.as_deref()),
        ),
        Column::text("title", rows.iter().map(|(_, (a, _))| a.title.as_str())),
        Column::text(
            "provider",
            rows.iter().map(|(_, (a, _))| a.provider.as_str()),
        ),
        Column::int32("rating", rows.iter().map(|(_, (_, e))| i32::from(e.rating))),
        Column::int32(
            "usefulness",
            rows.iter().map(|(_, (_, e))| i32::from(e.usefulness)),
        ),
        Column::bool(
            "would_recommend",
            rows.iter().map(|(_, (_, e))| e.would_recommend),
        ),
        Column::text(
            "do_differently",
            rows.iter().map(|(_, (_, e))| e.do_differently.as_str()),
        ),
        Column::text(
            "comments",
            rows.iter().map(|(_, (_, e))| e.comments.as_str()),
        ),
    ]
}

/// One stored value of a survey answer: a row for each, and one for each option chosen
/// of a multiple choice (none when nothing was chosen).
struct AnswerValue<'a> {
    response: &'a SurveyResponse,
    question_id: &'a str,
    kind: &'static str,
    scale: Option<i32>,
    choice: Option<&'a str>,
    yes_no: Option<bool>,
    number: Option<i64>,
    text: Option<&'a str>,
}

fn answer_values<'a>(response: &'a SurveyResponse) -> impl Iterator<Item = AnswerValue<'a>> {
    response
        .answers
        .iter()
        .flat_map(move |(question_id, answer)| {
            let value = |kind| AnswerValue {
                response,
                question_id,
                kind,
                scale: None,
                choice: None,
                yes_no: None,
                number: None,
                text: None,
            };
            match answer {
                Answer::Scale(n) => vec![AnswerValue {
                    scale: Some(i32::from(*n)),
                    ..value("scale")
                }],
                Answer::Choice(c) => vec![AnswerValue {
                    choice: Some(c),
                    ..value("choice")
                }],
                Answer::Choices(chosen) => chosen
                    .iter()
                    .map(|c| AnswerValue {
                        choice: Some(c),
                        ..value("choices")
                    })
                    .collect(),
                Answer::YesNo(b) => vec![AnswerValue {
                    yes_no: Some(*b),
                    ..value("yes_no")
                }],
                Answer::Number(n) => vec![AnswerValue {
                    number: Some(*n),
                    ..value("number")
                }],
                Answer::Text(t) => vec![AnswerValue {
                    text: Some(t),
                    ..value("text")
                }],
            }
        })
}

fn answer_rows(councils: &Councils) -> impl Iterator<Item = (Member<'_>, AnswerValue<'_>)> {
    records(councils).into_iter().flat_map(|m| {
        m.record
            .surveys
            .iter()
            .flat_map(answer_values)
            .map(move |v| (m, v))
    })
}

fn survey_answers(rows: &[(Member<'_>, AnswerValue<'_>)]) -> Vec<Column> {
    let [council, member_id] = member_keys(rows);
    vec![
        council,
        member_id,
        Column::text(
            "response_id",
            rows.iter().map(|(_, v)| id_text(v.response.id)),
        ),
        Column::text(
            "template_id",
            rows.iter().map(|(_, v)| v.response.template_id.as_str()),
        ),
        Column::int32(
            "template_version",
            rows.iter()
                .map(|(_, v)| i32::try_from(v.response.template_version).unwrap_or(i32::MAX)),
        ),
        Column::text("round", rows.iter().map(|(_, v)| v.response.round.as_str())),
        Column::text(
            "status",
            rows.iter()
                .map(|(_, v)| response_status_id(v.response.status)),
        ),
        Column::optional_timestamp(
            "submitted_at",
            rows.iter().map(|(_, v)| v.response.submitted_at),
        ),
        Column::text("question_id", rows.iter().map(|(_, v)| v.question_id)),
        Column::text("kind", rows.iter().map(|(_, v)| v.kind)),
        Column::optional_int32("scale", rows.iter().map(|(_, v)| v.scale)),
        Column::optional_text("choice", rows.iter().map(|(_, v)| v.choice)),
        Column::optional_bool("yes_no", rows.iter().map(|(_, v)| v.yes_no)),
        Column::optional_int64("number", rows.iter().map(|(_, v)| v.number)),
        Column::optional_text("text", rows.iter().map(|(_, v)| v.text)),
    ]
}

fn plans(councils: &Councils) -> impl Iterator<Item = (Member<'_>, &DevelopmentPlan)> {
    records(councils)
        .into_iter()
        .flat_map(|m| m.record.plans.iter().map(move |p| (m, p)))
}

fn need_rows(
    councils: &Councils,
) -> impl Iterator<Item = (Member<'_>, (&DevelopmentPlan, &DevelopmentNeed))> {
    plans(councils).flat_map(|(m, p)| p.needs.iter().map(move |n| (m, (p, n))))
}

/// `plan_year` and `plan_signed_off` for rows that each belong to a plan.
fn plan_keys<T>(rows: &[(Member, (&DevelopmentPlan, T))]) -> [Column; 2] {
    [
        Column::int32("plan_year", rows.iter().map(|(_, (p, _))| p.year)),
        Column::bool(
            "plan_signed_off",
            rows.iter().map(|(_, (p, _))| p.sign_off.is_some()),
        ),
    ]
}

fn plan_needs(rows: &[(Member<'_>, (&DevelopmentPlan, &DevelopmentNeed))]) -> Vec<Column> {
    let [council, member_id] = member_keys(rows);
    let [plan_year, plan_signed_off] = plan_keys(rows);
    vec![
        council,
        member_id,
        plan_year,
        plan_signed_off,
        Column::text("need_id", rows.iter().map(|(_, (_, n))| id_text(n.id))),
        Column::text("need", rows.iter().map(|(_, (_, n))| n.need.as_str())),
        Column::text("priority", rows.iter().map(|(_, (_, n))| n.priority.id())),
        Column::text("why", rows.iter().map(|(_, (_, n))| n.why.as_str())),
        Column::optional_text(
            "preferred_format",
            rows.iter()
                .map(|(_, (_, n))| n.preferred_format.map(Vocabulary::id)),
        ),
    ]
}

fn request_rows(
    councils: &Councils,
) -> impl Iterator<Item = (Member<'_>, (&DevelopmentPlan, &CourseRequest))> {
    plans(councils).flat_map(|(m, p)| p.requested_courses.iter().map(move |c| (m, (p, c))))
}

fn requested_courses(rows: &[(Member<'_>, (&DevelopmentPlan, &CourseRequest))]) -> Vec<Column> {
    let [council, member_id] = member_keys(rows);
    let [plan_year, plan_signed_off] = plan_keys(rows);
    vec![
        council,
        member_id,
        plan_year,
        plan_signed_off,
        Column::text(
            "course_id",
            rows.iter().map(|(_, (_, c))| c.course_id.as_str()),
        ),
        Column::text("title", rows.iter().map(|(_, (_, c))| c.title.as_str())),
    ]
}

/// The catalogue the reports were drawn with: the pack's courses on offer, or the
/// built-in catalogue without a pack.
fn courses(catalogue: &[Course]) -> Vec<Column> {
    vec![
        Column::text("course_id", catalogue.iter().map(|c| c.id.as_str())),
        Column::text("title", catalogue.iter().map(|c| c.title.as_str())),
        Column::text("provider", catalogue.iter().map(|c| c.provider.as_str())),
        Column::text("topic", catalogue.iter().map(|c| c.topic.as_str())),
        Column::text("format", catalogue.iter().map(|c| c.format.id())),
        Column::int32(
            "minutes",
            catalogue
                .iter()
                .map(|c| i32::try_from(c.minutes).unwrap_or(i32::MAX)),
        ),
        Column::int64(
            "cost_pence",
            catalogue.iter().map(|c| i64::from(c.cost_pence)),
        ),
        Column::text(
            "mandatory",
            catalogue.iter().map(|c| mandatory_id(&c.mandatory_for)),
        ),
        Column::text_list(
            "mandatory_roles",
            catalogue.iter().map(|c| match &c.mandatory_for {
                MandatoryFor::Roles(roles) => roles.iter().cloned().collect(),
                _ => Vec::new(),
            }),
        ),
        Column::optional_int32(
            "refresher_months",
            catalogue.iter().map(|c| {
                c.refresher_months
                    .map(|m| i32::try_from(m).unwrap_or(i32::MAX))
            }),
        ),
    ]
}

fn outcomes(rows: &[&FileResult]) -> Vec<Column> {
    vec![
        Column::text("file", rows.iter().map(|r| r.file.as_str())),
        Column::text(
            "outcome",
            rows.iter().map(|r| r.outcome.label().to_ascii_lowercase()),
        ),
        Column::optional_text("member", rows.iter().map(|r| r.outcome.member())),
        Column::text("explanation", rows.iter().map(|r| r.outcome.explanation())),
    ]
}

/// Writes the table `name` of `rows` into `out` as `<name>.parquet`.
fn write_table<R>(
    out: &Path,
    name: &'static str,
    rows: impl IntoIterator<Item = R>,
    columns: impl Fn(&[R]) -> Vec<Column>,
) -> Result<(), CliError> {
    let path = out.join(format!("{name}.parquet"));
    let file = File::create(&path).map_err(|e| CliError::output(&path, &e))?;
    let mut file = BufWriter::new(file);
    write_parquet(&mut file, name, rows, columns).map_err(|e| CliError::Parquet {
        table: name,
        why: e.to_string(),
    })?;
    file.flush().map_err(|e| CliError::output(&path, &e))
}

/// The tables still to write, shared by the threads writing them ([`write_tables`]): each
/// thread takes the next of [`TABLES`] not yet taken, so a thread that comes to them late
/// still takes a share.
#[derive(Default)]
pub struct TablesToWrite(AtomicUsize);

/// Writes tables into `out`, which exists, as `<table>.parquet` until none is left to
/// take from `tables`; one table is made at a time. Called on as many threads as are
/// free, each writes its share, and together they write every table.
pub fn write_tables(
    out: &Path,
    consolidation: &Consolidation,
    pack: Option<&CouncilPack>,
    tables: &TablesToWrite,
) -> Result<(), CliError> {
    let councils = &consolidation.councils;
    while let Some(&name) = TABLES.get(tables.0.fetch_add(1, Ordering::Relaxed)) {
        match name {
            "members" => write_table(out, name, held(councils), members)?,
            "activities" => write_table(out, name, activity_rows(councils), activities)?,
            "evaluations" => write_table(out, name, evaluation_rows(councils), evaluations)?,
            "survey_answers" => write_table(out, name, answer_rows(councils), survey_answers)?,
            "plan_needs" => write_table(out, name, need_rows(councils), plan_needs)?,
            "requested_courses" => {
                write_table(out, name, request_rows(councils), requested_courses)?;
            }
            "courses" => write_table(out, name, offered_courses(pack), courses)?,
            "outcomes" => write_table(out, name, consolidation.results.rows(), outcomes)?,
            other => unreachable!("{other} is not a table"),
        }
    }
    Ok(())
}
