//! The council key through the browser's WebCrypto: making the key pair (ECDH on P-256),
//! wrapping its private half under the officer's passphrase, unwrapping it for a session as
//! a key the page can use but never read, and HPKE's two curve steps (the ephemeral key and
//! the Diffie-Hellman secret). The file formats and HPKE's key schedule are the domain's
//! (`exchange::for_council`, `exchange::hpke`, `exchange::KeyBackup`).

use std::future::Future;
use std::pin::Pin;

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, CryptoKeyPair, EcKeyGenParams, EcKeyImportParams, EcdhKeyDeriveParams};

use futures_util::future::join;

use crate::store::at_rest::{DataKeyProblem, kept_data_key, unlock_data_key, unwrap_kept};
use crate::ui::crypto::{bytes_of, gcm, subtle, usages, wrap_under, wrapping_key};
use crate::ui::officer_context::OfficerData;
use mdr_domain::exchange::hpke::{DH_BYTES, PUBLIC_KEY_BYTES};
use mdr_domain::exchange::{
    CouncilFile, CouncilHeader, KeyBackup, MemberFile, ReadError, sealing_key, sealing_plaintext,
    write_council_file,
};
use mdr_domain::model::council_key::CouncilKey;
use mdr_domain::store::at_rest::DataKeyError;
use mdr_domain::store::officer::CouncilKeys;

fn ecdh() -> EcKeyImportParams {
    let params = EcKeyImportParams::new("ECDH");
    params.set_named_curve("P-256");
    params
}

/// A public key's raw bytes (an uncompressed point) as WebCrypto exports them.
async fn raw_public_key(key: &CryptoKey) -> Result<[u8; PUBLIC_KEY_BYTES], JsValue> {
    bytes_of(subtle()?.export_key("raw", key)?)
        .await?
        .try_into()
        .map_err(|_| JsValue::from_str("not an uncompressed P-256 point"))
}

/// A public key from its raw bytes; refused when they are not a point on the curve.
async fn import_public_key(bytes: &[u8; PUBLIC_KEY_BYTES]) -> Result<CryptoKey, JsValue> {
    let key = JsFuture::from(subtle()?.import_key_with_object(
        "raw",
        &Uint8Array::from(bytes.as_slice()),
        &ecdh(),
        true,
        &Array::new(),
    )?)
    .await?;
    Ok(key.unchecked_into())
}

async fn new_key_pair(extractable: bool) -> Result<(CryptoKey, CryptoKey), JsValue> {
    let pair: CryptoKeyPair = JsFuture::from(subtle()?.generate_key_with_object(
        &EcKeyGenParams::new("ECDH", "P-256"),
        extractable,
        &usages(&["deriveBits"]),
    )?)
    .await?
    .unchecked_into();
    Ok((pair.get_private_key(), pair.get_public_key()))
}

/// The Diffie-Hellman secret of a private key and a public key: the shared point's x.
async fn diffie_hellman(
    private: &CryptoKey,
    public: &CryptoKey,
) -> Result<[u8; DH_BYTES], JsValue> {
    bytes_of(subtle()?.derive_bits_with_object(
        &EcdhKeyDeriveParams::new("ECDH", public),
        private,
        8 * DH_BYTES as u32,
    )?)
    .await?
    .try_into()
    .map_err(|_| JsValue::from_str("a Diffie-Hellman secret of the wrong length"))
}

/// AES-256-GCM with a raw key, for HPKE's AEAD.
async fn aead_key(key: &[u8], usage: &str) -> Result<CryptoKey, JsValue> {
    let key = JsFuture::from(subtle()?.import_key_with_str(
        "raw",
        &Uint8Array::from(key),
        "AES-GCM",
        false,
        &usages(&[usage]),
    )?)
    .await?;
    Ok(key.unchecked_into())
}

/// Whether the browser takes this pack's council key as a point on the curve: the domain
/// checks its shape, id and fingerprint, the curve's code whether it is a key at all.
pub async fn is_usable(key: &CouncilKey) -> bool {
    match key.public_key_bytes() {
        Some(bytes) => import_public_key(&bytes).await.is_ok(),
        None => false,
    }
}

/// Seals `file` to the council key with HPKE and returns the text of the file for the
/// council. No passphrase: only the holder of the council's private key can open it.
pub async fn seal_for_council(file: &MemberFile, key: &CouncilKey) -> Result<String, JsValue> {
    let recipient_bytes = key
        .public_key_bytes()
        .ok_or_else(|| JsValue::from_str("the pack's council key is not a key"))?;
    let recipient = import_public_key(&recipient_bytes).await?;
    let (ephemeral, ephemeral_public) = new_key_pair(false).await?;
    let enc = raw_public_key(&ephemeral_public).await?;
    let dh = diffie_hellman(&ephemeral, &recipient).await?;
    let keys = sealing_key(&dh, &enc, &recipient_bytes);
    let header = CouncilHeader::for_file(file, key, &enc);
    let cipher = aead_key(&keys.key, "encrypt").await?;
    let ciphertext = bytes_of(subtle()?.encrypt_with_object_and_u8_array(
        &gcm(&keys.nonce, &header.associated_data()),
        &cipher,
        &sealing_plaintext(file),
    )?)
    .await?;
    Ok(write_council_file(header, &ciphertext))
}

/// A council key unlocked for this session: its private half usable but never readable.
#[derive(Clone)]
pub struct UnlockedKey {
    key_id: String,
    public_key: [u8; PUBLIC_KEY_BYTES],
    private: CryptoKey,
}

impl UnlockedKey {
    /// Whether the private key could be read out of the browser: never, for a key
    /// unlocked by the app.
    pub fn extractable(&self) -> bool {
        self.private.extractable()
    }
}

/// Why a council key, or the workspace, was not unlocked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnlockError {
    /// The passphrase is not the one the key was wrapped with (or the copy was changed).
    WrongPassphrase,
    /// The browser could not do it at all.
    Browser,
    /// The key the members' records are encrypted under cannot be used.
    DataKey(DataKeyError),
}

impl From<DataKeyProblem> for UnlockError {
    fn from(problem: DataKeyProblem) -> Self {
        match problem {
            DataKeyProblem::WrongPassphrase => Self::WrongPassphrase,
            DataKeyProblem::Kept(e) => Self::DataKey(e),
            DataKeyProblem::Browser => Self::Browser,
        }
    }
}

/// Makes a new council key for `council`, wrapped under `passphrase`: what the workspace
/// keeps and the officer backs up, and the key unlocked for this session.
pub async fn create_council_key(
    council: &str,
    passphrase: &str,
) -> Result<(KeyBackup, UnlockedKey), JsValue> {
    let (private, public) = new_key_pair(true).await?;
    let public_key = raw_public_key(&public).await?;
    let key_id = mdr_domain::model::council_key::key_id(&public_key);
    let (wrapping, wrapper, wrapped) = wrap_under(
        passphrase,
        &private,
        "pkcs8",
        &KeyBackup::associated_data(&key_id),
    )
    .await?;
    let backup = KeyBackup::new(
        council,
        chrono::Utc::now(),
        &public_key,
        &wrapping,
        &wrapped,
    );
    // The session's copy is unwrapped afresh, so that it is not extractable, with the
    // passphrase's key already made.
    let unlocked = unwrap_with(&backup, &wrapper)
        .await
        .map_err(|_| JsValue::from_str("the new key did not unlock"))?;
    Ok((backup, unlocked))
}

/// Unwraps one kept key with the officer's passphrase.
pub async fn unlock_key(backup: &KeyBackup, passphrase: &str) -> Result<UnlockedKey, UnlockError> {
    let wrapper = wrapping_key(passphrase, &backup.wrapping())
        .await
        .map_err(|_| UnlockError::Browser)?;
    unwrap_with(backup, &wrapper).await
}

/// Unwraps one kept key with the key of its passphrase, as a key that cannot be read out.
async fn unwrap_with(backup: &KeyBackup, wrapper: &CryptoKey) -> Result<UnlockedKey, UnlockError> {
    let wrapping = backup.wrapping();
    let unwrapping = subtle()
        .and_then(|subtle| {
            subtle.unwrap_key_with_u8_array_and_object_and_object(
                "pkcs8",
                &backup.wrapped(),
                wrapper,
                &gcm(&wrapping.nonce, &KeyBackup::associated_data(&backup.key_id)),
                &ecdh(),
                false,
                &usages(&["deriveBits"]),
            )
        })
        .map_err(|_| UnlockError::Browser)?;
    let private = JsFuture::from(unwrapping)
        .await
        .map_err(|_| UnlockError::WrongPassphrase)?;
    Ok(UnlockedKey {
        key_id: backup.key_id.clone(),
        public_key: backup.public_key_bytes(),
        private: private.unchecked_into(),
    })
}

/// The council keys unlocked for this session, which open files sealed to any of them.
#[derive(Clone, Default)]
pub struct CouncilKeyring {
    keys: Vec<UnlockedKey>,
}

impl CouncilKeyring {
    /// Unlocks every key the workspace holds with the one passphrase they share.
    pub async fn unlock(keys: &CouncilKeys, passphrase: &str) -> Result<Self, UnlockError> {
        let mut ring = Self::default();
        for held in &keys.keys {
            ring.keys.push(unlock_key(&held.key, passphrase).await?);
        }
        Ok(ring)
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Adds a key unlocked this session (a new one, or one just restored).
    pub fn add(&mut self, key: UnlockedKey) {
        self.keys.retain(|held| held.key_id != key.key_id);
        self.keys.push(key);
    }

    /// Opens a file for the council with whichever key it was sealed to. One sealed to a
    /// key the workspace does not hold is refused with that key's fingerprint; one the
    /// cipher refuses has been changed since it was sealed.
    pub async fn open(&self, file: &CouncilFile) -> Result<MemberFile, ReadError> {
        self.open_with_text(file).await.map(|(file, _)| file)
    }

    /// [`Self::open`], with the member file's text as it was sealed, for an import to keep.
    pub async fn open_with_text(
        &self,
        file: &CouncilFile,
    ) -> Result<(MemberFile, String), ReadError> {
        if self.keys.is_empty() {
            return Err(ReadError::ForCouncil);
        }
        let Some(key) = self.keys.iter().find(|key| key.key_id == file.key_id()) else {
            return Err(ReadError::OtherCouncilKey {
                fingerprint: file.fingerprint(),
            });
        };
        let plaintext = open_with(key, file).await.map_err(|_| ReadError::Altered)?;
        file.open_text(plaintext)
    }
}

async fn open_with(key: &UnlockedKey, file: &CouncilFile) -> Result<Vec<u8>, JsValue> {
    let sender = import_public_key(file.enc()).await?;
    let dh = diffie_hellman(&key.private, &sender).await?;
    let keys = file.opening_key(&dh, &key.public_key);
    let cipher = aead_key(&keys.key, "decrypt").await?;
    bytes_of(subtle()?.decrypt_with_object_and_u8_array(
        &gcm(&keys.nonce, &file.associated_data()),
        &cipher,
        file.ciphertext(),
    )?)
    .await
}

/// Unlocks the workspace with the officer's passphrase: every council key it holds and
/// the data key its records are encrypted under (made now, if it has none yet), held in
/// memory for this tab. Council keys that cannot be read leave the records to open
/// without them (the Council pack page says what happened to the keys).
pub async fn unlock_workspace(data: OfficerData, passphrase: String) -> Result<(), UnlockError> {
    let unlocking_keys = async {
        match data.council_keys() {
            Ok(keys) => CouncilKeyring::unlock(&keys, &passphrase).await,
            Err(_) => Ok(CouncilKeyring::default()),
        }
    };
    let (ring, cipher) = match kept_data_key().await? {
        // Both unwrapped at once: WebCrypto derives the passphrase's keys side by side.
        Some(kept) => {
            let (ring, cipher) = join(unlocking_keys, unwrap_kept(&kept, &passphrase)).await;
            (ring?, cipher?)
        }
        // A data key is made only once the passphrase has opened the council keys.
        None => {
            let ring = unlocking_keys.await?;
            (ring, unlock_data_key(&passphrase).await?)
        }
    };
    data.set_unlocked(ring, cipher);
    Ok(())
}

/// An unlocking under way, as [`Unlocker`] starts it: `Err` when its code could not be
/// fetched.
pub type Unlocking = Pin<
    Box<dyn Future<Output = Result<Result<(), UnlockError>, leptos::wasm_split::SplitLoaderError>>>,
>;

/// How the locked workspace is unlocked, given by the officer's binary so that the code
/// (WebCrypto's unwrapping) loads with the other pages, not the first one. It calls
/// [`unlock_workspace`].
#[derive(Clone, Copy)]
pub struct Unlocker(pub fn(OfficerData, String) -> Unlocking);
