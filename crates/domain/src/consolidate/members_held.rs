//! The officer's list of the members held: one row for each member, in the order an
//! officer reads names ([`NameKey`]), and the search that finds a member in a long list.
//! What the page shows of each row (dates in the officer's time zone, links) is the page's.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::names::NameKey;
use super::workspace::OfficerWorkspace;

/// One member in the list of members held.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberRow {
    pub id: Uuid,
    pub name: String,
    pub council: String,
    pub ward: String,
    /// The revision held, so a newer file for the member makes a new row.
    pub revision: u64,
    /// When the newest file held was exported.
    pub exported_at: DateTime<Utc>,
    /// When anything in the record last changed.
    pub last_changed: DateTime<Utc>,
    pub activities: usize,
}

/// Every member held, ordered by name.
pub fn member_rows(workspace: &OfficerWorkspace) -> Vec<MemberRow> {
    let mut rows: Vec<MemberRow> = workspace
        .members
        .values()
        .map(|held| {
            let record = &held.file.record;
            let profile = &record.profile;
            MemberRow {
                id: held.file.member_id,
                name: profile.full_name.clone(),
                council: profile.council.clone(),
                ward: profile.ward.clone(),
                revision: held.file.revision,
                exported_at: held.latest_export(),
                last_changed: record.last_changed(),
                activities: record.activities().count(),
            }
        })
        .collect();
    rows.sort_by_cached_key(|row| NameKey::of(&row.name));
    rows
}

/// The rows a search finds, the first of them to show, and how many it found in all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FoundMembers {
    /// At most the number asked for, in the list's order.
    pub shown: Vec<MemberRow>,
    pub found: usize,
}

/// The rows whose name, council and ward hold every word of `search` (ignoring case), the
/// first `shown` of them to show; an empty search finds every row.
pub fn find_members(rows: &[MemberRow], search: &str, shown: usize) -> FoundMembers {
    let words: Vec<String> = search.split_whitespace().map(str::to_lowercase).collect();
    let found: Vec<&MemberRow> = rows
        .iter()
        .filter(|row| {
            let text = format!("{} {} {}", row.name, row.council, row.ward).to_lowercase();
            words.iter().all(|word| text.contains(word.as_str()))
        })
        .collect();
    FoundMembers {
        found: found.len(),
        shown: found.into_iter().take(shown).cloned().collect(),
    }
}
