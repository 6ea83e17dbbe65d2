//! The officer's workspace: the latest known record of each member, built from the files
//! they send. Every file goes through the same merge, so importing the same files again,
//! or in any order, gives the same workspace; and a bad file never touches what is held.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use uuid::Uuid;

use serde_json::value::RawValue;

use super::names::same_name_key;
use crate::exchange::{Damage, MemberFile, ReadError, Reader, explain, read_member_file};
use crate::model::{MemberRecord, merge_records};

/// What the workspace holds for one member.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeldMember {
    /// The member's record, merged from every file received, numbered with the highest
    /// revision seen.
    pub file: MemberFile,
    /// Every device the member's files came from.
    pub devices: BTreeSet<Uuid>,
}

/// How a held member is kept in the officer's storage: the member file (read back through
/// the same checks and upgrades as any import) and the devices seen. The file is kept as
/// JSON inside the entry, not as a string of JSON, so nothing is escaped twice.
#[derive(serde::Serialize)]
struct StoredOut<'a> {
    devices: &'a BTreeSet<Uuid>,
    file: &'a RawValue,
}

#[derive(serde::Deserialize)]
struct StoredIn<'a> {
    devices: BTreeSet<Uuid>,
    #[serde(borrow)]
    file: &'a RawValue,
}

impl HeldMember {
    /// The member as text for the officer's storage.
    pub fn to_stored(&self) -> String {
        let file =
            serde_json::value::to_raw_value(&self.file).expect("a member file always serialises");
        serde_json::to_string(&StoredOut {
            devices: &self.devices,
            file: &file,
        })
        .expect("a held member always serialises")
    }

    /// The member as text for the officer's storage, from the text of the one file they
    /// were read from, so that a large batch of new members is saved without writing
    /// every record out again. `file_text` must be that file's text, as read.
    pub fn to_stored_from(&self, file_text: &str) -> String {
        let devices = serde_json::to_string(&self.devices).expect("ids always serialise");
        // Kept as it came, indentation and all: taking the spaces out costs as much time
        // as writing the record afresh, and saves only storage.
        format!("{{\"devices\":{devices},\"file\":{}}}", file_text.trim())
    }

    /// A member read back from the officer's storage.
    pub fn from_stored(text: &str) -> Result<Self, ReadError> {
        let unreadable = |_| ReadError::damaged(Damage::SavedEntry);
        let stored: StoredIn = serde_json::from_str(text).map_err(unreadable)?;
        let raw = stored.file.get();
        // Entries saved before the file was kept as JSON hold it as a string.
        let file = if raw.starts_with('"') {
            let text: String = serde_json::from_str(raw).map_err(unreadable)?;
            read_member_file(&text)?
        } else {
            read_member_file(raw)?
        };
        Ok(Self {
            file,
            devices: stored.devices,
        })
    }

    pub fn name(&self) -> &str {
        &self.file.record.profile.full_name
    }

    /// When the newest file this member sent was exported.
    pub fn latest_export(&self) -> DateTime<Utc> {
        self.file.exported_at
    }
}

/// What happened to one imported file, for the officer's results table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportOutcome {
    /// A member the workspace did not hold.
    Accepted { member: String },
    /// A newer revision from the same device replaced the older one.
    Updated { member: String, from: u64, to: u64 },
    /// The same revision was already held.
    Unchanged { member: String, revision: u64 },
    /// An older revision than the one held; ignored.
    Older {
        member: String,
        incoming: u64,
        held: u64,
    },
    /// The same member from another device: combined part by part.
    Merged { member: String, parts: Vec<String> },
    /// Not imported, and why, in plain English.
    Refused { reason: String },
}

impl ImportOutcome {
    /// The member the file was of, as their file names them; `None` for a refused file.
    pub fn member(&self) -> Option<&str> {
        match self {
            Self::Accepted { member }
            | Self::Updated { member, .. }
            | Self::Unchanged { member, .. }
            | Self::Older { member, .. }
            | Self::Merged { member, .. } => Some(member),
            Self::Refused { .. } => None,
        }
    }

    /// The file called `file_name` could not be read: why, and what the officer can do.
    /// The one place where a reading error becomes the reason the results table gives.
    pub fn unreadable(file_name: &str, error: &ReadError) -> Self {
        Self::Refused {
            reason: explain(error, file_name, Reader::ImportingMembers),
        }
    }

    /// A one-word result for the table.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Accepted { .. } => "Accepted",
            Self::Updated { .. } => "Updated",
            Self::Unchanged { .. } => "Unchanged",
            Self::Older { .. } => "Older",
            Self::Merged { .. } => "Merged",
            Self::Refused { .. } => "Refused",
        }
    }

    /// What happened, in a sentence.
    pub fn explanation(&self) -> String {
        match self {
            Self::Accepted { member } => format!("New member: {member}."),
            // Revision numbers are the app's own bookkeeping: the officer is told what
            // they mean, and the members list says when each record last changed.
            Self::Updated { member, .. } => {
                format!("{member}'s record updated: this file is newer than the one held.")
            }
            Self::Unchanged { member, .. } => {
                format!("This file of {member}'s is already held; nothing changed.")
            }
            Self::Older { member, .. } => format!(
                "This is an older file of {member}'s than the one already held; it was ignored."
            ),
            Self::Merged { member, parts } if parts.is_empty() => {
                format!("{member}'s record from another device; nothing new in it.")
            }
            Self::Merged { member, parts } => format!(
                "{member}'s record from another device, combined with the one held. Taken from this file: {}.",
                parts.join("; ")
            ),
            Self::Refused { reason } => reason.clone(),
        }
    }
}

/// The members read back from the officer's storage, and how many stored entries could
/// not be read (they are left as they are).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HeldFiles {
    pub workspace: OfficerWorkspace,
    pub unreadable: usize,
}

/// Reads the stored texts of the members held on this device.
pub fn read_held(texts: &[String]) -> HeldFiles {
    let held: Vec<HeldMember> = texts
        .iter()
        .filter_map(|t| HeldMember::from_stored(t).ok())
        .collect();
    HeldFiles {
        unreadable: texts.len() - held.len(),
        workspace: OfficerWorkspace::from_held(held),
    }
}

/// Every member's latest record, by member id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OfficerWorkspace {
    pub members: BTreeMap<Uuid, HeldMember>,
}

fn same_name(a: &str, b: &str) -> bool {
    same_name_key(a) == same_name_key(b)
}

/// The parts of `merged` that differ from `before`, named for the officer.
fn changed_parts(before: &MemberRecord, merged: &MemberRecord) -> Vec<String> {
    let mut parts = Vec::new();
    if before.profile != merged.profile {
        parts.push("profile".to_owned());
    }
    for activity in &merged.learning {
        if before.learning.iter().all(|a| a != activity) {
            parts.push(format!("learning: {}", activity.title));
        }
    }
    for response in &merged.surveys {
        if before.surveys.iter().all(|r| r != response) {
            parts.push(format!(
                "survey: {} ({})",
                response.template_id, response.round
            ));
        }
    }
    for plan in &merged.plans {
        if before.plans.iter().all(|p| p != plan) {
            parts.push(format!(
                "development plan {}",
                plan.municipal_year().label()
            ));
        }
    }
    parts
}

impl OfficerWorkspace {
    /// Imports one member's exported file, called `file_name`, and says what happened. A
    /// file that cannot be read, or that claims an id held under another name, changes
    /// nothing.
    pub fn import(&mut self, file_name: &str, text: &str) -> ImportOutcome {
        match read_member_file(text) {
            Ok(file) => self.import_file(file),
            Err(error) => ImportOutcome::unreadable(file_name, &error),
        }
    }

    /// Imports a member file already read (say, one just unlocked with its passphrase).
    pub fn import_file(&mut self, file: MemberFile) -> ImportOutcome {
        self.import_file_with_change(file).0
    }

    /// As [`Self::import_file`], and whether what is held for the member changed (so needs
    /// saving). An unchanged or older file can still add a device, or a newer export time.
    pub fn import_file_with_change(&mut self, file: MemberFile) -> (ImportOutcome, bool) {
        let member = file.record.profile.full_name.clone();
        let Some(held) = self.members.get(&file.member_id) else {
            self.members.insert(
                file.member_id,
                HeldMember {
                    devices: BTreeSet::from([file.device_id]),
                    file,
                },
            );
            return (ImportOutcome::Accepted { member }, true);
        };
        if !same_name(held.name(), &member) {
            let outcome = ImportOutcome::Refused {
                reason: format!(
                    "This file has the same member id as {}'s record but a different name ({member}), so it was not imported. Check with the member which is right.",
                    held.name()
                ),
            };
            return (outcome, false);
        }
        let record = merge_records(&held.file.record, &file.record)
            .expect("files held under one member id are for that member");
        let from_new_device = !held.devices.contains(&file.device_id);
        let outcome = if record != held.file.record && from_new_device {
            ImportOutcome::Merged {
                member,
                parts: changed_parts(&held.file.record, &record),
            }
        } else if file.revision > held.file.revision {
            ImportOutcome::Updated {
                member,
                from: held.file.revision,
                to: file.revision,
            }
        } else if file.revision == held.file.revision {
            ImportOutcome::Unchanged {
                member,
                revision: file.revision,
            }
        } else if record == held.file.record {
            ImportOutcome::Older {
                member,
                incoming: file.revision,
                held: held.file.revision,
            }
        } else {
            ImportOutcome::Merged {
                member,
                parts: changed_parts(&held.file.record, &record),
            }
        };
        // The newest file decides the header; ties are broken the same way whatever the order.
        let newest = std::cmp::max_by_key(&held.file, &file, |f| {
            (f.revision, f.exported_at, f.device_id)
        });
        let merged = MemberFile {
            record,
            ..newest.clone()
        };
        let mut devices = held.devices.clone();
        devices.insert(file.device_id);
        let changed = devices != held.devices || merged != held.file;
        if changed {
            self.members.insert(
                merged.member_id,
                HeldMember {
                    file: merged,
                    devices,
                },
            );
        }
        (outcome, changed)
    }

    /// A workspace from members read back from storage.
    pub fn from_held(members: impl IntoIterator<Item = HeldMember>) -> Self {
        Self {
            members: members.into_iter().map(|m| (m.file.member_id, m)).collect(),
        }
    }

    /// Removes a member and everything held for them.
    pub fn remove(&mut self, member_id: Uuid) -> Option<HeldMember> {
        self.members.remove(&member_id)
    }

    /// The council every member held names in their profile, when they all name the same
    /// one (ignoring case and spacing); `None` when none is held, or they name several.
    pub fn council(&self) -> Option<&str> {
        let mut councils = self
            .members
            .values()
            .map(|m| m.file.record.profile.council.trim());
        let first = councils.next().filter(|c| !c.is_empty())?;
        councils.all(|c| same_name(c, first)).then_some(first)
    }
}
