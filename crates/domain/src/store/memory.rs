//! Storage held in memory: for tests, and as a stand-in that can pretend to be full.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use super::{Storage, StoreError};

/// In-memory [`Storage`]. Clones share the same contents, as two tabs share localStorage.
#[derive(Clone, Debug, Default)]
pub struct MemoryStorage {
    inner: Rc<RefCell<Inner>>,
}

#[derive(Debug, Default)]
struct Inner {
    items: BTreeMap<String, String>,
    quota: Option<usize>,
}

impl MemoryStorage {
    pub fn new() -> Self {
        Self::default()
    }

    /// Limits the total size of keys and values, in characters, as a browser's quota does.
    /// `None` lifts the limit.
    pub fn set_quota(&self, quota: Option<usize>) {
        self.inner.borrow_mut().quota = quota;
    }

    /// Everything held, for tests to inspect.
    pub fn snapshot(&self) -> BTreeMap<String, String> {
        self.inner.borrow().items.clone()
    }
}

impl Storage for MemoryStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.inner.borrow().items.get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        let mut inner = self.inner.borrow_mut();
        if let Some(quota) = inner.quota {
            let others: usize = inner
                .items
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| k.chars().count() + v.chars().count())
                .sum();
            if others + key.chars().count() + value.chars().count() > quota {
                return Err(StoreError::Full);
            }
        }
        inner.items.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.inner.borrow_mut().items.remove(key);
        Ok(())
    }
}
