//! The words of each choice a form offers: for every enum a councillor or an officer picks
//! from (a learning format, where an activity stands, the times that suit...), its form
//! ids and the labels people read, written once, here in the domain.
//!
//! An id is the value a form sends and, where the enum is stored, the very string the file
//! holds (the JSON Schema lists the same values, and a test holds them together), so a form
//! value never needs translating. Labels are what a form, a printed plan and a report show.
//! What this is not: the words of a survey's options, which are data in its template (a
//! council pack may bring its own); `from_hyphenated` reads the built-in ones that name a
//! value of a vocabulary.

/// An enum that a form offers as a set of choices.
pub trait Vocabulary: Copy + PartialEq + Send + Sync + 'static {
    /// Every value, in the order a form lists them.
    const ALL: &'static [Self];

    /// The value's form id; for a stored enum, the string its file holds.
    fn id(self) -> &'static str;

    /// The value as people read it.
    fn label(self) -> &'static str;

    /// The value whose id this is.
    fn from_id(id: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|value| value.id() == id)
    }

    /// Every value as (id, label), for a form's list of choices.
    fn choices() -> Vec<(&'static str, &'static str)> {
        Self::ALL
            .iter()
            .map(|value| (value.id(), value.label()))
            .collect()
    }
}

/// The value a survey option's id names, where a built-in template's options mean a
/// vocabulary's values. Survey option ids are written with hyphens where a stored id has an
/// underscore (`face-to-face` for `face_to_face`), and answers already keep those ids, so
/// the one is read as the other rather than either being changed.
pub fn from_hyphenated<T: Vocabulary>(option: &str) -> Option<T> {
    T::ALL.iter().copied().find(|value| {
        let id = value.id().as_bytes();
        id.len() == option.len()
            && id
                .iter()
                .zip(option.bytes())
                .all(|(&i, o)| i == o || (i == b'_' && o == b'-'))
    })
}

/// Yes or no, as a form asks it: an evaluation's "would you recommend it?", a survey's
/// yes/no question. Stored as `true` or `false`; the ids are the form's only.
impl Vocabulary for bool {
    const ALL: &'static [Self] = &[true, false];

    fn id(self) -> &'static str {
        if self { "yes" } else { "no" }
    }

    fn label(self) -> &'static str {
        if self { "Yes" } else { "No" }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LearningFormat;
    use crate::model::plan::LearningTime;

    #[test]
    fn yes_and_no_read_back() {
        assert_eq!(bool::from_id("yes"), Some(true));
        assert_eq!(bool::from_id("no"), Some(false));
        assert_eq!(bool::from_id("Yes"), None);
        assert_eq!(bool::choices(), [("yes", "Yes"), ("no", "No")]);
    }

    #[test]
    fn a_survey_options_hyphens_read_as_the_stored_ids_underscores() {
        assert_eq!(
            from_hyphenated::<LearningFormat>("face-to-face"),
            Some(LearningFormat::FaceToFace)
        );
        assert_eq!(
            from_hyphenated::<LearningFormat>("face_to_face"),
            Some(LearningFormat::FaceToFace)
        );
        assert_eq!(
            from_hyphenated::<LearningFormat>("online"),
            Some(LearningFormat::Online)
        );
        assert_eq!(from_hyphenated::<LearningFormat>("one-to-one"), None);
        assert_eq!(from_hyphenated::<LearningFormat>("face-to-fac"), None);
        assert_eq!(from_hyphenated::<LearningFormat>("face-to-faces"), None);
        assert_eq!(
            from_hyphenated::<LearningTime>("weekday-evening"),
            Some(LearningTime::WeekdayEvening)
        );
        // A hyphen in the stored id is not read from an underscore.
        assert_eq!(from_hyphenated::<LearningTime>("weekday_evening"), None);
    }
}
