//! The cipher work the browser does with WebCrypto, done natively: PBKDF2-HMAC-SHA256 and
//! AES-256-GCM for files locked with a passphrase and for the council key's backup, ECDH on
//! P-256 and AES-256-GCM for files sealed for the council. Exactly the primitives of
//! `crates/web/src/ui/crypto.rs` and `council_key.rs`, with RustCrypto's crates, which the
//! domain's own tests use to stand in for the browser.
//!
//! The formats, the associated data, HPKE's key schedule, what a file must hold once
//! opened and every refusal's words are the domain's (`mdr_domain::exchange`); this module
//! only derives keys, and encrypts and decrypts the bytes the domain hands it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use mdr_domain::exchange::hpke::{DH_BYTES, PUBLIC_KEY_BYTES};
use mdr_domain::exchange::{
    CouncilFile, KeyBackup, KeyBackupError, MemberFile, ReadError, SealedFile, read_key_backup,
};
use p256::elliptic_curve::sec1::ToEncodedPoint;
use p256::pkcs8::DecodePrivateKey;
use p256::{PublicKey, SecretKey};
use sha2::Sha256;
use unicode_normalization::UnicodeNormalization;

use crate::error::{CliError, shown, why};
use crate::passphrase;

/// The passphrase as the app uses it: in Unicode NFC, so that the same words make the same
/// key whichever device typed them, as `String.prototype.normalize("NFC")` gives.
pub fn normalised(passphrase: &str) -> String {
    passphrase.nfc().collect()
}

/// PBKDF2-HMAC-SHA256 of the passphrase's UTF-8 bytes, exactly as given: the AES-256 key.
pub fn passphrase_key(passphrase: &str, salt: &[u8], iterations: u32) -> [u8; 32] {
    let mut key = [0; 32];
    pbkdf2::pbkdf2_hmac::<Sha256>(passphrase.as_bytes(), salt, iterations, &mut key);
    key
}

/// AES-256-GCM's decryption of `ciphertext` (its tag at the end); `None` when the cipher
/// refuses it, as a wrong key and a changed byte both make it.
fn decrypt(key: &[u8], nonce: &[u8], ciphertext: &[u8], aad: &[u8]) -> Option<Vec<u8>> {
    let cipher = Aes256Gcm::new_from_slice(key).ok()?;
    if nonce.len() != 12 {
        return None;
    }
    cipher
        .decrypt(
            Nonce::from_slice(nonce),
            Payload {
                msg: ciphertext,
                aad,
            },
        )
        .ok()
}

/// The keys made from a passphrase, by salt, rounds and whether the passphrase was taken
/// as typed.
type MadeKeys = HashMap<(Vec<u8>, u32, bool), [u8; 32]>;

/// The passphrase for a batch of locked files, and the keys already made from it, by salt
/// and rounds, so that files locked with the council's one salt cost one key derivation
/// between them, not one each (as the browser's `Keyring`). Shared by the threads that
/// open files.
pub struct Keyring {
    /// In NFC, as every file is locked since passphrases were normalised; empty for none.
    passphrase: String,
    /// Exactly as given, when that differs: files locked before passphrases were
    /// normalised were locked with it.
    as_typed: Option<String>,
    keys: Mutex<MadeKeys>,
}

impl Keyring {
    pub fn new(passphrase: &str) -> Self {
        let normal = normalised(passphrase);
        Self {
            as_typed: (normal != passphrase).then(|| passphrase.to_owned()),
            passphrase: normal,
            keys: Mutex::default(),
        }
    }

    /// No passphrase: every locked file is refused as needing one.
    pub fn none() -> Self {
        Self::new("")
    }

    /// How many keys the batch has needed so far: one for each salt and rounds.
    pub fn keys_made(&self) -> usize {
        self.made().len()
    }

    /// Unlocks a locked file. A wrong passphrase and a file changed since it was locked
    /// look the same to the cipher, and are refused alike.
    pub fn open(&self, sealed: &SealedFile) -> Result<MemberFile, ReadError> {
        if self.passphrase.is_empty() {
            return Err(ReadError::PassphraseNeeded);
        }
        let opened = match self.decrypt(sealed, false) {
            None if self.as_typed.is_some() => self.decrypt(sealed, true),
            opened => opened,
        };
        sealed.open(&opened.ok_or(ReadError::WrongPassphrase)?)
    }

    fn decrypt(&self, sealed: &SealedFile, as_typed: bool) -> Option<Vec<u8>> {
        let slot = (sealed.salt().to_vec(), sealed.iterations(), as_typed);
        let passphrase = match (&self.as_typed, as_typed) {
            (Some(typed), true) => typed,
            _ => &self.passphrase,
        };
        let made = self.made().get(&slot).copied();
        let key = made.unwrap_or_else(|| {
            // Made outside the lock, so other threads' files with keys already made go
            // on; two threads that want the same new key at once may both make it.
            let key = passphrase_key(passphrase, sealed.salt(), sealed.iterations());
            self.made().insert(slot, key);
            key
        });
        decrypt(
            &key,
            sealed.nonce(),
            sealed.ciphertext(),
            &sealed.associated_data(),
        )
    }

    /// The keys made so far. A thread that panicked while holding them left them whole:
    /// each is inserted in one step.
    fn made(&self) -> std::sync::MutexGuard<'_, MadeKeys> {
        self.keys
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// A council key unlocked for this run.
struct UnlockedKey {
    key_id: String,
    public_key: [u8; PUBLIC_KEY_BYTES],
    secret: SecretKey,
}

impl UnlockedKey {
    /// HPKE's `Open` of a file sealed to this key: the Diffie-Hellman secret of the
    /// council's private key and the file's `enc`, the domain's key schedule, then the
    /// cipher. An `enc` that is not a point on the curve is refused as WebCrypto's
    /// `importKey` refuses it.
    fn open(&self, file: &CouncilFile) -> Option<Vec<u8>> {
        let sender = PublicKey::from_sec1_bytes(file.enc()).ok()?;
        let shared =
            p256::ecdh::diffie_hellman(self.secret.to_nonzero_scalar(), sender.as_affine());
        let dh: [u8; DH_BYTES] = (*shared.raw_secret_bytes()).into();
        let aead = file.opening_key(&dh, &self.public_key);
        decrypt(
            &aead.key,
            &aead.nonce,
            file.ciphertext(),
            &file.associated_data(),
        )
    }
}

/// Why a key backup did not unwrap.
enum Unwrap {
    WrongPassphrase,
    /// It unwrapped, but to something that is not the private half of its public key.
    NotItsKey,
}

fn unwrap_key(backup: &KeyBackup, passphrase: &str) -> Result<UnlockedKey, Unwrap> {
    let wrapping = backup.wrapping();
    let key = passphrase_key(&normalised(passphrase), &wrapping.salt, wrapping.iterations);
    let document = decrypt(
        &key,
        &wrapping.nonce,
        &backup.wrapped(),
        &KeyBackup::associated_data(&backup.key_id),
    )
    .ok_or(Unwrap::WrongPassphrase)?;
    let secret = SecretKey::from_pkcs8_der(&document).map_err(|_| Unwrap::NotItsKey)?;
    let public_key = backup.public_key_bytes();
    if secret.public_key().to_encoded_point(false).as_bytes() != public_key {
        return Err(Unwrap::NotItsKey);
    }
    Ok(UnlockedKey {
        key_id: backup.key_id.clone(),
        public_key,
        secret,
    })
}

/// The council keys unlocked for this run, which open files sealed to any of them.
#[derive(Default)]
pub struct CouncilKeyring {
    keys: Vec<UnlockedKey>,
}

impl CouncilKeyring {
    /// Reads each key backup and unwraps it with the one passphrase they share: from
    /// `passphrase_file`, else typed at the terminal. No backups, no keys.
    pub fn unlock(backups: &[PathBuf], passphrase_file: Option<&Path>) -> Result<Self, CliError> {
        if backups.is_empty() {
            return Ok(Self::default());
        }
        let read: Vec<(&PathBuf, KeyBackup)> = backups
            .iter()
            .map(|path| read_backup(path).map(|backup| (path, backup)))
            .collect::<Result<_, _>>()?;
        let prompt = match read.as_slice() {
            [(_, one)] => format!("Passphrase for the council key {}: ", one.fingerprint),
            _ => "Passphrase for the council keys: ".to_owned(),
        };
        let secret = passphrase::from_file_or_terminal(passphrase_file, &prompt)?
            .ok_or(CliError::KeyPassphraseNeeded)?;
        let mut ring = Self::default();
        for (path, backup) in read {
            match unwrap_key(&backup, &secret) {
                Ok(key) => {
                    ring.keys.retain(|held| held.key_id != key.key_id);
                    ring.keys.push(key);
                }
                Err(Unwrap::WrongPassphrase) => {
                    return Err(CliError::KeyPassphrase { path: shown(path) });
                }
                Err(Unwrap::NotItsKey) => {
                    return Err(CliError::KeyBackup {
                        path: shown(path),
                        problem: KeyBackupError::Damaged(
                            "its private key is not the one its public key belongs to",
                        ),
                    });
                }
            }
        }
        Ok(ring)
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Opens a file for the council with whichever key it was sealed to, keeping the
    /// member file's text as it was sealed. Refused as the browser refuses it: with no key
    /// unlocked, sealed to a key not held (with that key's fingerprint), or changed since
    /// it was sealed.
    pub fn open_with_text(&self, file: &CouncilFile) -> Result<(MemberFile, String), ReadError> {
        if self.keys.is_empty() {
            return Err(ReadError::ForCouncil);
        }
        let Some(key) = self.keys.iter().find(|key| key.key_id == file.key_id()) else {
            return Err(ReadError::OtherCouncilKey {
                fingerprint: file.fingerprint(),
            });
        };
        let plaintext = key.open(file).ok_or(ReadError::Altered)?;
        file.open_text(plaintext)
    }
}

fn read_backup(path: &Path) -> Result<KeyBackup, CliError> {
    let bytes = std::fs::read(path).map_err(|e| CliError::Input {
        path: shown(path),
        why: why(&e),
    })?;
    // As the browser reads a chosen backup: the key backup's own reader says what is wrong.
    read_key_backup(&String::from_utf8_lossy(&bytes)).map_err(|problem| CliError::KeyBackup {
        path: shown(path),
        problem,
    })
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use mdr_domain::exchange::{
        Export, NONCE_BYTES, SALT_BYTES, SealedHeader, read_export, sealing_plaintext,
        write_sealed_file,
    };
    use mdr_domain::model::MemberRecord;
    use uuid::Uuid;

    use super::*;

    fn file(n: u128) -> MemberFile {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 10, 30, 0).unwrap();
        let mut record = MemberRecord::new(Uuid::from_u128(n), now);
        record.profile.full_name = format!("Cllr Member {n}");
        MemberFile::new(record, 1, Uuid::from_u128(1000 + n), now)
    }

    /// The council's one salt, as its pack gives it to every member.
    const SALT: [u8; SALT_BYTES] = [3; SALT_BYTES];

    /// The key the app locks with for `passphrase` exactly as given: made once a test,
    /// for each derivation takes a moment.
    fn key(passphrase: &str) -> [u8; 32] {
        passphrase_key(passphrase, &SALT, mdr_domain::exchange::KDF_ITERATIONS)
    }

    /// A file locked as the app locks it, under `key`.
    fn locked(file: &MemberFile, key: &[u8; 32]) -> SealedFile {
        let nonce = [4; NONCE_BYTES];
        let header = SealedHeader::for_file(file, &SALT, &nonce);
        let aad = header.associated_data();
        let ciphertext = Aes256Gcm::new_from_slice(key)
            .unwrap()
            .encrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: &sealing_plaintext(file),
                    aad: &aad,
                },
            )
            .unwrap();
        match read_export(&write_sealed_file(header, &ciphertext)).unwrap() {
            Export::Sealed(sealed) => sealed,
            other => panic!("a locked file reads as locked: {other:?}"),
        }
    }

    #[test]
    fn files_locked_with_the_councils_one_salt_cost_one_key_between_them() {
        let council = key("Tŷ Coch");
        let ring = Keyring::new("Tŷ Coch");
        for n in 1..=3 {
            let opened = ring.open(&locked(&file(n), &council)).unwrap();
            assert_eq!(opened, file(n));
        }
        assert_eq!(ring.keys_made(), 1);
        assert_eq!(
            ring.open(&locked(&file(4), &[9; 32])),
            Err(ReadError::WrongPassphrase)
        );
        assert_eq!(
            Keyring::none().open(&locked(&file(5), &council)),
            Err(ReadError::PassphraseNeeded)
        );
    }

    #[test]
    fn a_file_locked_before_passphrases_were_normalised_opens_with_the_passphrase_as_typed() {
        let decomposed = "Ty\u{302} Coch";
        let ring = Keyring::new(decomposed);
        // Locked with the passphrase as typed, before passphrases were normalised.
        let as_typed = key(decomposed);
        assert_eq!(ring.open(&locked(&file(1), &as_typed)).unwrap(), file(1));
        // Locked since, in NFC.
        let normalised = key("T\u{177} Coch");
        assert_eq!(ring.open(&locked(&file(2), &normalised)).unwrap(), file(2));
        assert_eq!(ring.keys_made(), 2);
    }
}
