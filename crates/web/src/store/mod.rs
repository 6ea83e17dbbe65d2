//! The browser's two stores: localStorage for the councillor's record ([`LocalStore`], a
//! `mdr_domain::store::Storage`) and IndexedDB for the officer's members' files, locked at
//! rest under the workspace's data key ([`at_rest`]).

pub mod at_rest;
mod local;
pub mod member_files;

pub use local::LocalStore;
