//! Locking and unlocking member files with a passphrase, through the browser's own
//! WebCrypto: PBKDF2-HMAC-SHA256 for the key, AES-256-GCM for the record. The format of a
//! locked file is `exchange`'s business; this module only runs the cipher.

use std::collections::HashMap;

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesDerivedKeyParams, AesGcmParams, CryptoKey, Pbkdf2Params, SubtleCrypto};

use mdr_domain::exchange::{
    MemberFile, NONCE_BYTES, ReadError, SALT_BYTES, SealedFile, SealedHeader, Wrapping,
    sealing_plaintext, write_sealed_file,
};

fn crypto() -> Result<web_sys::Crypto, JsValue> {
    leptos::prelude::window().crypto()
}

/// The browser's WebCrypto.
pub(crate) fn subtle() -> Result<SubtleCrypto, JsValue> {
    Ok(crypto()?.subtle())
}

/// `N` bytes from the browser's cryptographic random source.
pub fn random_bytes<const N: usize>() -> Result<[u8; N], JsValue> {
    let mut bytes = [0u8; N];
    crypto()?.get_random_values_with_u8_array(&mut bytes)?;
    Ok(bytes)
}

/// A key's uses ("encrypt", "deriveBits"…), as WebCrypto takes them.
pub(crate) fn usages(names: &[&str]) -> Array {
    names.iter().map(|name| JsValue::from_str(name)).collect()
}

/// The passphrase as the app uses it: in Unicode NFC, so that the same words make the same
/// key whichever device typed them (an iPad may send "ŷ" as one character where Windows
/// sends "y" and a combining circumflex).
pub fn normalised(passphrase: &str) -> String {
    js_sys::JsString::from(passphrase)
        .normalize("NFC")
        .as_string()
        .unwrap_or_else(|| passphrase.to_owned())
}

/// The AES-256-GCM key for `passphrase`, exactly as given, with this salt and number of
/// PBKDF2 rounds, for `uses` ("encrypt", "wrapKey"…).
pub async fn derive_key_for(
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
    uses: &[&str],
) -> Result<CryptoKey, JsValue> {
    let subtle = subtle()?;
    let secret = Uint8Array::from(passphrase.as_bytes());
    let base = JsFuture::from(subtle.import_key_with_str(
        "raw",
        &secret,
        "PBKDF2",
        false,
        &Array::of1(&"deriveKey".into()),
    )?)
    .await?
    .unchecked_into::<CryptoKey>();
    let params =
        Pbkdf2Params::new_with_str("PBKDF2", "SHA-256", iterations, &Uint8Array::from(salt));
    let key = JsFuture::from(subtle.derive_key_with_object_and_object(
        &params,
        &base,
        &AesDerivedKeyParams::new("AES-GCM", 256),
        false,
        &usages(uses),
    )?)
    .await?;
    Ok(key.unchecked_into())
}

/// The AES-256-GCM key for locking and unlocking a file with `passphrase` (normalised to
/// NFC) with this salt and number of PBKDF2 rounds.
pub async fn derive_key(
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
) -> Result<CryptoKey, JsValue> {
    derive_key_for(
        &normalised(passphrase),
        salt,
        iterations,
        &["encrypt", "decrypt"],
    )
    .await
}

/// The passphrase's key (normalised to NFC) for wrapping and unwrapping a kept key.
pub(crate) async fn wrapping_key(
    passphrase: &str,
    wrapping: &Wrapping,
) -> Result<CryptoKey, JsValue> {
    derive_key_for(
        &normalised(passphrase),
        &wrapping.salt,
        wrapping.iterations,
        &["wrapKey", "unwrapKey"],
    )
    .await
}

/// `key` wrapped in `format` under `passphrase` with a fresh salt and nonce and
/// `associated_data`: how it was wrapped, the passphrase's key, and the wrapped bytes.
pub(crate) async fn wrap_under(
    passphrase: &str,
    key: &CryptoKey,
    format: &str,
    associated_data: &[u8],
) -> Result<(Wrapping, CryptoKey, Vec<u8>), JsValue> {
    let wrapping = Wrapping::fresh(
        random_bytes::<SALT_BYTES>()?,
        random_bytes::<NONCE_BYTES>()?,
    );
    let wrapper = wrapping_key(passphrase, &wrapping).await?;
    let wrapped = bytes_of(subtle()?.wrap_key_with_object(
        format,
        key,
        &wrapper,
        &gcm(&wrapping.nonce, associated_data),
    )?)
    .await?;
    Ok((wrapping, wrapper, wrapped))
}

/// AES-GCM's parameters: the nonce and the associated data.
pub(crate) fn gcm(nonce: &[u8], associated_data: &[u8]) -> AesGcmParams {
    let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(nonce));
    params.set_additional_data(&Uint8Array::from(associated_data));
    params
}

/// The bytes a WebCrypto promise resolves to.
pub(crate) async fn bytes_of(promise: js_sys::Promise) -> Result<Vec<u8>, JsValue> {
    let buffer = JsFuture::from(promise).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Locks `file` with `passphrase` and returns the text of the locked file. The salt is
/// the council's, from the pack the member applied, so that the officer's batch needs one
/// key for all of them; before any pack, or from one without a salt, a fresh random one.
/// The nonce is always fresh and random.
pub async fn seal(file: &MemberFile, passphrase: &str) -> Result<String, JsValue> {
    let council_salt = file
        .record
        .pack
        .as_ref()
        .and_then(|p| p.locking_salt_bytes());
    let salt = match council_salt {
        Some(salt) => salt,
        None => random_bytes::<SALT_BYTES>()?,
    };
    let nonce = random_bytes::<NONCE_BYTES>()?;
    let header = SealedHeader::for_file(file, &salt, &nonce);
    let key = derive_key(passphrase, &salt, header.encryption.iterations).await?;
    let ciphertext = bytes_of(subtle()?.encrypt_with_object_and_u8_array(
        &gcm(&nonce, &header.associated_data()),
        &key,
        &sealing_plaintext(file),
    )?)
    .await?;
    Ok(write_sealed_file(header, &ciphertext))
}

/// Keys already made in one batch of files, by salt and rounds, so that files locked with
/// the same salt cost one key derivation, not one each.
#[derive(Default)]
pub struct Keyring {
    /// The passphrase in NFC, as every file is locked since passphrases were normalised.
    passphrase: String,
    /// The passphrase exactly as typed, when that differs: files locked before
    /// passphrases were normalised were locked with it.
    as_typed: Option<String>,
    keys: HashMap<(Vec<u8>, u32, bool), CryptoKey>,
}

impl Keyring {
    pub fn new(passphrase: &str) -> Self {
        let normal = normalised(passphrase);
        Self {
            as_typed: (normal != passphrase).then(|| passphrase.to_owned()),
            passphrase: normal,
            keys: HashMap::new(),
        }
    }

    /// How many keys the batch has needed so far: one for each salt and rounds.
    pub fn keys_made(&self) -> usize {
        self.keys.len()
    }

    /// Unlocks a sealed file. A wrong passphrase and a file changed since it was locked
    /// look the same to the cipher, and are refused alike.
    pub async fn open(&mut self, sealed: &SealedFile) -> Result<MemberFile, ReadError> {
        sealed.open(&self.decrypt(sealed).await?)
    }

    /// The bytes a sealed file holds, unlocked but not read: for a caller that reads them
    /// with code of its own ([`mdr_domain::store::RecordReader::open_sealed`]).
    pub async fn decrypt(&mut self, sealed: &SealedFile) -> Result<Vec<u8>, ReadError> {
        if self.passphrase.is_empty() {
            return Err(ReadError::PassphraseNeeded);
        }
        match self.decrypt_with(sealed, false).await {
            Err(_) if self.as_typed.is_some() => self.decrypt_with(sealed, true).await,
            opened => opened,
        }
    }

    async fn decrypt_with(
        &mut self,
        sealed: &SealedFile,
        as_typed: bool,
    ) -> Result<Vec<u8>, ReadError> {
        let slot = (sealed.salt().to_vec(), sealed.iterations(), as_typed);
        let key = match self.keys.get(&slot) {
            Some(key) => key.clone(),
            None => {
                let passphrase = match (&self.as_typed, as_typed) {
                    (Some(typed), true) => typed,
                    _ => &self.passphrase,
                };
                let key = derive_key_for(
                    passphrase,
                    sealed.salt(),
                    sealed.iterations(),
                    &["encrypt", "decrypt"],
                )
                .await
                .map_err(|_| ReadError::WrongPassphrase)?;
                self.keys.insert(slot, key.clone());
                key
            }
        };
        let opening = subtle()
            .and_then(|subtle| {
                subtle.decrypt_with_object_and_u8_array(
                    &gcm(sealed.nonce(), &sealed.associated_data()),
                    &key,
                    sealed.ciphertext(),
                )
            })
            .map_err(|_| ReadError::WrongPassphrase)?;
        bytes_of(opening)
            .await
            .map_err(|_| ReadError::WrongPassphrase)
    }
}
