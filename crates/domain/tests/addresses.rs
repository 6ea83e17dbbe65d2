//! The app's real address tables: every address a page links to opens that page, with its
//! variable segments decoded, and nothing else opens one.

use mdr_domain::address::{
    MEMBER_ROUTES, MemberPage, OFFICER_ROUTES, OfficerPage, Params, Part, matched, route_for,
};
use proptest::prelude::*;

fn member(path: &str) -> Option<(MemberPage, Params)> {
    route_for(MEMBER_ROUTES, path).map(|(i, params)| (MEMBER_ROUTES[i].1, params))
}

fn officer(path: &str) -> Option<(OfficerPage, Params)> {
    route_for(OFFICER_ROUTES, path).map(|(i, params)| (OFFICER_ROUTES[i].1, params))
}

#[test]
fn each_councillor_address_opens_its_page_with_its_segments() {
    let page = |path| member(path).map(|(p, _)| p);
    assert_eq!(page("/"), Some(MemberPage::Home));
    assert_eq!(page("/profile"), Some(MemberPage::Profile));
    assert_eq!(page("/backup"), Some(MemberPage::Backup));
    assert_eq!(page("/learning"), Some(MemberPage::Learning));
    assert_eq!(page("/learning/"), Some(MemberPage::Learning));
    assert_eq!(page("/learning/add"), Some(MemberPage::AddActivity));
    assert_eq!(page("/surveys"), Some(MemberPage::Surveys));
    assert_eq!(page("/plan"), Some(MemberPage::Plan));

    let (page, params) = member("/learning/log/licensing-training").unwrap();
    assert_eq!(page, MemberPage::LogCourse);
    assert_eq!(params.get("course").as_deref(), Some("licensing-training"));
    assert_eq!(params.get("id"), None);

    let id = "7b9c2f5e-0d3a-4e41-9a6b-0c1d2e3f4a5b";
    let (page, params) = member(&format!("/learning/activity/{id}")).unwrap();
    assert_eq!(page, MemberPage::EditActivity);
    assert_eq!(params.get("id").as_deref(), Some(id));
    let (page, params) = member(&format!("/learning/activity/{id}/evaluate")).unwrap();
    assert_eq!(page, MemberPage::Evaluate);
    assert_eq!(params.get("id").as_deref(), Some(id));

    // The fixed segment of an earlier route wins over a later variable one.
    let (page, params) = member("/surveys/response/42").unwrap();
    assert_eq!(page, MemberPage::Response);
    assert_eq!(params.get("id").as_deref(), Some("42"));
    let (page, params) = member("/surveys/training-needs-2026").unwrap();
    assert_eq!(page, MemberPage::Survey);
    assert_eq!(
        params.get("template").as_deref(),
        Some("training-needs-2026")
    );
}

#[test]
fn each_officer_address_opens_its_page() {
    let page = |path| officer(path).map(|(p, _)| p);
    assert_eq!(page("/officer"), Some(OfficerPage::Members));
    assert_eq!(page("/officer/"), Some(OfficerPage::Members));
    assert_eq!(page("/officer/pack"), Some(OfficerPage::Pack));
    assert_eq!(page("/officer/reports"), Some(OfficerPage::Reports));
    assert_eq!(page("/officer/matrix"), Some(OfficerPage::Matrix));
    assert_eq!(page("/officer/committee"), Some(OfficerPage::Committee));
    assert_eq!(page("/officer/charter"), Some(OfficerPage::Charter));
    let (record, params) = officer("/officer/members/4f1c").unwrap();
    assert_eq!(record, OfficerPage::MemberRecord);
    assert_eq!(params.get("id").as_deref(), Some("4f1c"));
    for path in [
        "/officer/members",
        "/officer/members/",
        "/officer/members/a/b",
        "/",
    ] {
        assert_eq!(page(path), None, "{path}");
    }
}

#[test]
fn an_address_no_page_has_opens_none() {
    for path in [
        "",
        "/learning/log",
        "/learning/log/",
        "/learning/log/a/b",
        "/learning/activity",
        "/learning/activity/x/evaluate/more",
        "/plans",
        "/officer",
        "/officer/pack",
        "/index.html",
    ] {
        assert_eq!(member(path).map(|(p, _)| p), None, "{path}");
    }
    // A survey called "response" is looked for as a survey (and the page says if there
    // is none), as any other name is.
    let (page, params) = member("/surveys/response").unwrap();
    assert_eq!(page, MemberPage::Survey);
    assert_eq!(params.get("template").as_deref(), Some("response"));
}

#[test]
fn each_part_serves_its_own_addresses_and_only_those() {
    for (pattern, _) in MEMBER_ROUTES {
        assert_eq!(Part::serving(pattern), Part::Member, "{pattern}");
    }
    for (pattern, _) in OFFICER_ROUTES {
        assert_eq!(Part::serving(pattern), Part::Officer, "{pattern}");
    }
    assert_eq!(Part::serving("/officers"), Part::Member);
    assert_eq!(Part::serving("/officer/"), Part::Officer);
}

#[test]
fn every_page_has_exactly_one_address() {
    fn once<P: PartialEq + std::fmt::Debug>(routes: &[(&str, P)], all: &[P]) {
        for page in all {
            let n = routes.iter().filter(|(_, p)| p == page).count();
            assert_eq!(n, 1, "{page:?} has {n} addresses");
        }
        assert_eq!(routes.len(), all.len());
    }
    use MemberPage::*;
    once(
        MEMBER_ROUTES,
        &[
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
        ],
    );
    use OfficerPage::*;
    once(
        OFFICER_ROUTES,
        &[
            Members,
            Pack,
            Reports,
            Matrix,
            Committee,
            Charter,
            MemberRecord,
        ],
    );
}

#[test]
fn a_segment_is_decoded_as_the_browser_encoded_it() {
    let (_, params) = member("/surveys/code%20of%20conduct").unwrap();
    assert_eq!(params.get("template").as_deref(), Some("code of conduct"));
    let (_, params) = member("/learning/log/r%C3%B4le").unwrap();
    assert_eq!(params.get("course").as_deref(), Some("rôle"));
    // Not UTF-8 once decoded: kept as it came.
    let (_, params) = member("/learning/log/%FF").unwrap();
    assert_eq!(params.get("course").as_deref(), Some("%FF"));
}

proptest! {
    /// Any text in a variable segment, encoded as a browser encodes a path, comes back as
    /// it was, and the same address with a trailing slash opens the same page.
    #[test]
    fn any_segment_round_trips_through_its_encoding(segment in "\\PC{1,24}") {
        use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
        let encoded = utf8_percent_encode(&segment, NON_ALPHANUMERIC).to_string();
        let path = format!("/learning/log/{encoded}");
        let (page, params) = member(&path).unwrap();
        prop_assert_eq!(page, MemberPage::LogCourse);
        prop_assert_eq!(params.get("course"), Some(segment));
        prop_assert_eq!(member(&format!("{path}/")).map(|(p, _)| p), Some(page));
    }

    /// A pattern with no variable segment matches only its own address.
    #[test]
    fn a_fixed_pattern_matches_only_itself(path in "(/[a-z]{1,8}){1,3}") {
        for (pattern, _) in MEMBER_ROUTES.iter().filter(|(p, _)| !p.contains(':')) {
            prop_assert_eq!(matched(pattern, &path).is_some(), *pattern == path);
        }
    }
}
