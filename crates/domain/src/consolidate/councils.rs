//! Members' files from more than one council, as a regional body or a national programme
//! brings them together: each council's members in a workspace of their own, so a member
//! is known by their council and their id, and every report made for each council and
//! laid end to end under a *Council* column. Files from one council give exactly the
//! reports that council's own workspace gives, with no column added.
//!
//! The council a file belongs to is the one its member's profile names, as the member
//! typed it: "Wyre Council" and "wyre  council" are one council (case and spacing aside),
//! named as most of its files spell it (of two spellings as common, the one that sorts
//! first, so the name does not hang on the order the files came in).

use std::borrow::Cow;
use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::charter::CharterActions;
use super::csv::Csv;
use super::names::same_name_key;
use super::tables::{
    Cell, Column, ColumnKind, CouncilReports, SHEETS, Table, WorkbookSource, borrowing, csv_reports,
};
use super::workspace::OfficerWorkspace;
use crate::model::pack::CouncilPack;

/// The *Council* column's heading.
pub const COUNCIL_HEADING: &str = "Council";

/// What a file whose member names no council is filed under.
pub const NO_COUNCIL: &str = "Council not given";

/// One council's members.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Council {
    /// As most of its files spell it.
    pub name: String,
    pub workspace: OfficerWorkspace,
    /// The members expected to send files, for the engagement report ([`Councils::expect`]).
    pub roster: Vec<String>,
    /// How many files spelled the name each way.
    spellings: BTreeMap<String, usize>,
}

/// Every council's members, by council.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Councils {
    /// By [`council_key`], so they are listed in the order of their names.
    by_key: BTreeMap<String, Council>,
}

/// What makes two spellings of a council's name one council: case and runs of spaces
/// ignored.
pub fn council_key(name: &str) -> String {
    same_name_key(name)
}

/// A council's name as typed, its spaces tidied: "  Wyre   Council " is "Wyre Council".
fn tidied(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Councils {
    /// The workspace of the council a profile names (`council` as typed), made when it is
    /// the first of that council's files.
    pub fn workspace_for(&mut self, council: &str) -> &mut OfficerWorkspace {
        let held = self.council(council);
        let spelling = tidied(council);
        if !spelling.is_empty() {
            *held.spellings.entry(spelling).or_default() += 1;
            let commonest = held
                .spellings
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(name, _)| name);
            if let Some(name) = commonest.filter(|n| **n != held.name) {
                held.name.clone_from(name);
            }
        }
        &mut held.workspace
    }

    /// The council of that name, made when it is the first of its name.
    fn council(&mut self, council: &str) -> &mut Council {
        self.by_key
            .entry(council_key(council))
            .or_insert_with(|| Council {
                name: match tidied(council) {
                    name if name.is_empty() => NO_COUNCIL.to_owned(),
                    name => name,
                },
                ..Council::default()
            })
    }

    /// Takes the officer's roster: one member expected a line, as the Reports page takes
    /// it, or the council and the member with a tab between (two columns copied from a
    /// spreadsheet). A council named that sent no file is listed with its members as
    /// sending none. A member named alone is expected of the council, when there is one;
    /// of several, of each council holding a member of that name, else listed under
    /// [`NO_COUNCIL`].
    pub fn expect(&mut self, roster: &[String]) {
        let mut alone = Vec::new();
        for line in roster {
            match line.split_once('\t').map(|(c, n)| (c.trim(), n.trim())) {
                Some((council, name)) if !council.is_empty() && !name.is_empty() => {
                    self.council(council).roster.push(name.to_owned());
                }
                _ if !line.trim().is_empty() => alone.push(line.trim().to_owned()),
                _ => {}
            }
        }
        if self.len() <= 1 {
            match self.by_key.values_mut().next() {
                Some(one) => one.roster.extend(alone),
                None if !alone.is_empty() => self.council("").roster.extend(alone),
                None => {}
            }
            return;
        }
        for name in alone {
            let mut holding: Vec<&mut Council> = self
                .by_key
                .values_mut()
                .filter(|c| {
                    c.workspace
                        .members
                        .values()
                        .any(|m| council_key(m.name()) == council_key(&name))
                })
                .collect();
            if holding.is_empty() {
                self.council("").roster.push(name);
            } else {
                for council in &mut holding {
                    council.roster.push(name.clone());
                }
            }
        }
    }

    /// The councils, in the order of their names.
    pub fn iter(&self) -> impl Iterator<Item = &Council> {
        self.by_key.values()
    }

    /// How many councils members' files came from.
    pub fn len(&self) -> usize {
        self.by_key.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }

    /// How many members are held, in all the councils.
    pub fn members(&self) -> usize {
        self.iter().map(|c| c.workspace.members.len()).sum()
    }

    /// Whether the reports need a *Council* column: the files came from more than one.
    pub fn several(&self) -> bool {
        self.len() > 1
    }

    /// The title the reports go under: the one council's own title, or the number of
    /// councils.
    pub fn reports_title(&self, pack: Option<&CouncilPack>) -> String {
        match self.one() {
            Some(one) => super::tables::reports_title(&one.workspace, pack),
            None => format!("Member development reports: {} councils", self.len()),
        }
    }

    /// The one council (an empty one when no file came), or `None` for several.
    fn one(&self) -> Option<&Council> {
        match self.len() {
            0 => Some(empty_council()),
            1 => self.iter().next(),
            _ => None,
        }
    }

    /// Every council's reports, to be written as sheets and as CSVs: what each is worked
    /// out from is worked out once, for both, whichever asks first ([`CouncilReports`]).
    pub fn reports<'a>(&'a self, setting: &ReportSetting<'a>) -> ReportsByCouncil<'a> {
        let one = self.one();
        let councils: Vec<&Council> = match one {
            Some(one) => vec![one],
            None => self.iter().collect(),
        };
        ReportsByCouncil {
            one: one.is_some(),
            pack: setting.pack,
            empty: CouncilReports::of(&setting.of(empty_council())),
            councils: councils
                .into_iter()
                .map(|c| (c.name.as_str(), CouncilReports::of(&setting.of(c))))
                .collect(),
        }
    }
}

/// Every council's reports, each handed over a part at a time ([`Councils::reports`]).
/// Shared by the threads writing the sheets and the CSVs.
pub struct ReportsByCouncil<'a> {
    /// Each council's name and reports; the one council's (or an empty one's) alone when
    /// there are not several.
    councils: Vec<(&'a str, CouncilReports<'a>)>,
    /// Whether the files came from one council (or none): its reports as they are.
    one: bool,
    /// The reports of no members, for the columns of a joined report.
    empty: CouncilReports<'a>,
    pack: Option<&'a CouncilPack>,
}

impl<'a> ReportsByCouncil<'a> {
    /// Every report as a sheet ([`super::report_table`]), in the order of [`SHEETS`], handed to
    /// `take` a part at a time: its heading (a [`Table`] with no rows), then each council's
    /// rows, after a *Council* column when there are several, then its end. The largest
    /// report, the training audit, comes [`super::PART_ROWS`] rows at a time
    /// ([`CouncilReports::table_parts`]), so it is never held whole, even for one council.
    ///
    /// A sheet's columns are those of the same report of no members (every sheet's are
    /// the same whatever the members hold: tested), so they are known before any council's
    /// rows are made.
    pub fn each_report_table(
        &self,
        actions: &CharterActions,
        mut take: impl FnMut(Part<Table, Vec<Cell>>),
    ) {
        for sheet in SHEETS {
            if self.one {
                self.councils[0].1.table_parts(sheet, actions, &mut take);
                continue;
            }
            if sheet.columns_follow_members() {
                // A short sheet whose columns differ from council to council: joined whole.
                let mut joined: Option<Table> = None;
                for (name, council) in &self.councils {
                    let table = council.table(sheet, actions);
                    let held = joined.get_or_insert_with(|| Table {
                        sheet: table.sheet.clone(),
                        columns: vec![Column::new(COUNCIL_HEADING, ColumnKind::Text)],
                        rows: Vec::new(),
                        when_empty: table.when_empty.clone(),
                    });
                    append_table(held, name, table);
                }
                if let Some(mut table) = joined {
                    let rows = std::mem::take(&mut table.rows);
                    take(Part::Begin(table));
                    take(Part::Rows(rows));
                    take(Part::End);
                }
                continue;
            }
            let mut head = self.empty.table(sheet, actions);
            head.rows.clear();
            head.columns.retain(|c| c.heading != COUNCIL_HEADING);
            head.columns
                .insert(0, Column::new(COUNCIL_HEADING, ColumnKind::Text));
            let headings: Vec<&str> = head.columns.iter().map(|c| c.heading.as_str()).collect();
            take(Part::Begin(head.clone()));
            for (name, council) in &self.councils {
                let mut at = Vec::new();
                council.table_parts(sheet, actions, |part| match part {
                    Part::Begin(table) => {
                        let own: Vec<&str> =
                            table.columns.iter().map(|c| c.heading.as_str()).collect();
                        at = places(&headings, &own);
                    }
                    Part::Rows(rows) => take(Part::Rows(placed(
                        rows,
                        &at,
                        headings.len(),
                        Cell::Blank,
                        || Cell::text(*name),
                    ))),
                    Part::End => {}
                });
            }
            take(Part::End);
        }
    }

    /// Every report as the CSV its page downloads ([`super::report_csv`]), in the order of
    /// [`csv_reports`], handed to `take` a part at a time as
    /// [`Self::each_report_table`] hands the sheets: its name and header, each
    /// council's rows, its end. A survey's results, whose columns are the rounds its
    /// councils ran, are joined whole (they are a few lines a question); a survey nobody
    /// in any council has answered has no file.
    pub fn each_report_csv(&self, actions: &CharterActions, mut take: impl FnMut(CsvPart<'a>)) {
        for report in csv_reports(self.pack) {
            if self.one {
                self.councils[0].1.csv_parts(report, actions, &mut take);
                continue;
            }
            let probe = (!report.columns_follow_members())
                .then(|| self.empty.csv(report, actions))
                .flatten();
            let Some((stem, probe)) = probe else {
                // A short report whose columns differ from council to council: joined whole.
                let mut joined: Option<(String, Csv)> = None;
                for (name, council) in &self.councils {
                    let Some((stem, csv)) = council.csv(report, actions) else {
                        continue;
                    };
                    let (_, held) = joined.get_or_insert_with(|| {
                        let header = vec![COUNCIL_HEADING.to_owned()];
                        (
                            stem,
                            Csv {
                                header,
                                rows: Vec::new(),
                            },
                        )
                    });
                    append_csv(held, name, csv);
                }
                if let Some((stem, csv)) = joined {
                    take(Part::Begin((stem, csv.header)));
                    take(Part::Rows(borrowing(csv.rows)));
                    take(Part::End);
                }
                continue;
            };
            let mut header = vec![COUNCIL_HEADING.to_owned()];
            header.extend(probe.header.into_iter().filter(|h| h != COUNCIL_HEADING));
            let headings: Vec<&str> = header.iter().map(String::as_str).collect();
            let mut begun = false;
            for (name, council) in &self.councils {
                let mut at = Vec::new();
                council.csv_parts(report, actions, |part| match part {
                    Part::Begin((_, own)) => {
                        let own: Vec<&str> = own.iter().map(String::as_str).collect();
                        at = places(&headings, &own);
                        if !begun {
                            begun = true;
                            take(Part::Begin((stem.clone(), header.clone())));
                        }
                    }
                    Part::Rows(rows) => take(Part::Rows(placed(
                        rows,
                        &at,
                        headings.len(),
                        Cow::Borrowed(""),
                        || Cow::Borrowed(*name),
                    ))),
                    Part::End => {}
                });
            }
            if begun {
                take(Part::End);
            }
        }
    }
}

/// A council of no members.
fn empty_council() -> &'static Council {
    static EMPTY: std::sync::OnceLock<Council> = std::sync::OnceLock::new();
    EMPTY.get_or_init(Council::default)
}

/// A report handed over a part at a time: its heading, some rows (as many times as there
/// are parts), then its end.
#[derive(Clone, Debug, PartialEq)]
pub enum Part<H, R> {
    Begin(H),
    Rows(Vec<R>),
    End,
}

/// A CSV report's part: its name and header, some rows, or its end. A row's cells may
/// borrow their text from the workspace: the training audit's do.
pub type CsvPart<'a> = Part<(String, Vec<String>), Vec<Cow<'a, str>>>;

/// Where each of `own` headings sits among `headings` (the *Council* column first): the
/// same heading, the second of a name at the second. A council's report has the columns
/// of the report of no members, so each is found; one that were not would be left out.
/// A report's own *Council* column (the training audit's, each member's council as they
/// typed it) is left out too: the joined report's first column says it once, the council
/// as it is filed.
fn places(headings: &[&str], own: &[&str]) -> Vec<Option<usize>> {
    own.iter()
        .enumerate()
        .map(|(i, heading)| {
            if *heading == COUNCIL_HEADING {
                return None;
            }
            let nth = own[..i].iter().filter(|h| *h == heading).count();
            let place = headings
                .iter()
                .enumerate()
                .skip(1)
                .filter(|(_, h)| *h == heading)
                .nth(nth)
                .map(|(at, _)| at);
            debug_assert!(place.is_some(), "{heading} is not a column of the report");
            place
        })
        .collect()
}

/// `rows` laid out under the joined headings (`width` of them): each after its council's
/// name (`council`), each cell at its place, `blank` where the council's report has none.
fn placed<T: Clone>(
    rows: Vec<Vec<T>>,
    at: &[Option<usize>],
    width: usize,
    blank: T,
    council: impl Fn() -> T,
) -> Vec<Vec<T>> {
    rows.into_iter()
        .map(|row| {
            let mut line = vec![blank.clone(); width];
            line[0] = council();
            for (cell, place) in row.into_iter().zip(at) {
                if let Some(place) = place {
                    line[*place] = cell;
                }
            }
            line
        })
        .collect()
}

/// What the reports of every council are drawn with besides its members and roster: one
/// pack and day for them all.
#[derive(Clone, Copy)]
pub struct ReportSetting<'a> {
    pub pack: Option<&'a CouncilPack>,
    pub today: NaiveDate,
}

impl<'a> ReportSetting<'a> {
    fn of(&self, council: &'a Council) -> WorkbookSource<'a> {
        WorkbookSource {
            workspace: &council.workspace,
            pack: self.pack,
            roster: &council.roster,
            today: self.today,
        }
    }
}

/// Where each of `headings` goes among `held` (the *Council* column first), adding those
/// not yet there: a heading is matched with the same heading, the second of a name with
/// the second, so two councils whose reports differ by a column (a course only one of
/// them offers, a survey round only one ran) still line up. A report's own *Council*
/// column is left out, as [`places`] leaves it out.
fn place_columns<'h>(
    held: &mut Vec<String>,
    headings: impl IntoIterator<Item = &'h str>,
) -> Vec<Option<usize>> {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    headings
        .into_iter()
        .map(|heading| {
            if heading == COUNCIL_HEADING {
                return None;
            }
            let nth = seen.entry(heading).or_insert(0);
            let place = held
                .iter()
                .enumerate()
                .skip(1)
                .filter(|(_, h)| *h == heading)
                .nth(*nth)
                .map(|(i, _)| i);
            *nth += 1;
            Some(place.unwrap_or_else(|| {
                held.push(heading.to_owned());
                held.len() - 1
            }))
        })
        .collect()
}

/// `rows` (under the council's own `own` headings) added to a joined report's `rows`
/// under its `headings`, each after its council's name (`council`); a heading not yet
/// there is added at the end, and the rows held are padded with `blank`. Returns where
/// each of `own` went (none for its own *Council* column).
fn append<T: Clone>(
    headings: &mut Vec<String>,
    joined: &mut Vec<Vec<T>>,
    own: &[&str],
    rows: Vec<Vec<T>>,
    blank: T,
    council: T,
) -> Vec<Option<usize>> {
    let at = place_columns(headings, own.iter().copied());
    let width = headings.len();
    for row in joined.iter_mut() {
        row.resize(width, blank.clone());
    }
    joined.extend(placed(rows, &at, width, blank, || council.clone()));
    at
}

/// `table`'s rows added to `held`'s, each after its council's name.
fn append_table(held: &mut Table, council: &str, table: Table) {
    let mut headings: Vec<String> = held.columns.iter().map(|c| c.heading.clone()).collect();
    let own: Vec<&str> = table.columns.iter().map(|c| c.heading.as_str()).collect();
    let known = held.columns.len();
    let at = append(
        &mut headings,
        &mut held.rows,
        &own,
        table.rows,
        Cell::Blank,
        Cell::text(council),
    );
    for (column, place) in table.columns.iter().zip(&at) {
        if place.is_some_and(|place| place >= known) {
            held.columns.push(column.clone());
        }
    }
}

/// `csv`'s rows added to `held`'s, each after its council's name.
fn append_csv(held: &mut Csv, council: &str, csv: Csv) {
    let own: Vec<&str> = csv.header.iter().map(String::as_str).collect();
    append(
        &mut held.header,
        &mut held.rows,
        &own,
        csv.rows,
        String::new(),
        council.to_owned(),
    );
}
