//! Headings that break between words, never inside one.
//!
//! A browser may break a line after any hyphen or slash, so "self-assessment" or
//! "e-learning" in a heading can end one line on "self-" and start the next with
//! "assessment", which reads as a word cut in two, most often on a phone.

use leptos::prelude::*;

/// Whether a browser might break `word` inside it: after a hyphen or a slash that has
/// more of the word after it.
fn breaks_inside(word: &str) -> bool {
    word.trim_end_matches(['-', '/']).contains(['-', '/'])
}

/// A heading's text with each hyphenated word ("self-assessment", "Member/Officer") kept
/// whole on its line; a word longer than the line still wraps rather than runs off it.
pub fn whole_words(text: &str) -> impl IntoView + use<> {
    text.split(' ')
        .enumerate()
        .map(|(i, word)| {
            let space = if i == 0 { "" } else { " " };
            if breaks_inside(word) {
                view! { {space}<span class="whole-word">{word.to_owned()}</span> }.into_any()
            } else {
                format!("{space}{word}").into_any()
            }
        })
        .collect_view()
}
