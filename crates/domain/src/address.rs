//! The app's addresses: which part serves an address, which page each address opens, and
//! the variable segments it carries (`/learning/activity/:id`).
//!
//! The tables here are the ones the app runs: each binary maps every page named here to
//! the code that draws it, so a page is never missing from one side or the other, and the
//! matching is tested natively against the real tables.

use percent_encoding::percent_decode_str;

/// The two parts of the app, each its own download.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The councillor's own record: every address outside `/officer`.
    Member,
    /// The officer's workspace, under `/officer`.
    Officer,
}

impl Part {
    /// The part that serves `path`, an address within the app.
    pub fn serving(path: &str) -> Self {
        if path == "/officer" || path.starts_with("/officer/") {
            Self::Officer
        } else {
            Self::Member
        }
    }
}

/// The councillor's pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MemberPage {
    Home,
    Profile,
    Backup,
    Learning,
    AddActivity,
    LogCourse,
    EditActivity,
    Evaluate,
    Surveys,
    Plan,
    Response,
    Survey,
}

/// The councillor's addresses, first match wins.
pub const MEMBER_ROUTES: &[(&str, MemberPage)] = &[
    ("/", MemberPage::Home),
    ("/profile", MemberPage::Profile),
    ("/backup", MemberPage::Backup),
    ("/learning", MemberPage::Learning),
    ("/learning/add", MemberPage::AddActivity),
    ("/learning/log/:course", MemberPage::LogCourse),
    ("/learning/activity/:id", MemberPage::EditActivity),
    ("/learning/activity/:id/evaluate", MemberPage::Evaluate),
    ("/surveys", MemberPage::Surveys),
    ("/plan", MemberPage::Plan),
    ("/surveys/response/:id", MemberPage::Response),
    ("/surveys/:template", MemberPage::Survey),
];

/// The officer's pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OfficerPage {
    Members,
    Pack,
    Reports,
    Matrix,
    Committee,
    Charter,
    MemberRecord,
}

/// The officer's addresses, first match wins.
pub const OFFICER_ROUTES: &[(&str, OfficerPage)] = &[
    ("/officer", OfficerPage::Members),
    ("/officer/pack", OfficerPage::Pack),
    ("/officer/reports", OfficerPage::Reports),
    ("/officer/matrix", OfficerPage::Matrix),
    ("/officer/committee", OfficerPage::Committee),
    ("/officer/charter", OfficerPage::Charter),
    ("/officer/members/:id", OfficerPage::MemberRecord),
];

/// The variable segments of the address that matched a route, by name, decoded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Params(Vec<(&'static str, String)>);

impl Params {
    /// The segment named `name` in the route's pattern.
    pub fn get(&self, name: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.clone())
    }
}

/// Whether `pattern` matches `path`, and if so its variable segments. A trailing slash
/// makes no difference; a variable segment is never empty, and is percent-decoded as the
/// browser encoded it (left as it is if it does not decode to UTF-8).
pub fn matched(pattern: &'static str, path: &str) -> Option<Params> {
    let path = match path.strip_suffix('/') {
        Some(trimmed) if !trimmed.is_empty() => trimmed,
        _ => path,
    };
    let mut wanted = pattern.split('/');
    let mut given = path.split('/');
    let mut params = Vec::new();
    loop {
        match (wanted.next(), given.next()) {
            (None, None) => return Some(Params(params)),
            (Some(w), Some(g)) if w.starts_with(':') && !g.is_empty() => {
                let value = percent_decode_str(g)
                    .decode_utf8()
                    .map_or_else(|_| g.to_owned(), |v| v.into_owned());
                params.push((&w[1..], value));
            }
            (Some(w), Some(g)) if w == g => {}
            _ => return None,
        }
    }
}

/// The first route in `routes` that matches `path`: its place in the table, and the
/// address's variable segments.
pub fn route_for<P>(routes: &'static [(&'static str, P)], path: &str) -> Option<(usize, Params)> {
    routes
        .iter()
        .enumerate()
        .find_map(|(i, (pattern, _))| matched(pattern, path).map(|params| (i, params)))
}
