//! HPKE (RFC 9180) in base mode for the one suite the app seals with: DHKEM(P-256,
//! HKDF-SHA256), HKDF-SHA256 and AES-256-GCM.
//!
//! This module is the part of HPKE that is neither the curve nor the cipher: the KEM's
//! `ExtractAndExpand` and the key schedule, from the Diffie-Hellman secret to the AEAD's key
//! and nonce. The curve (making the ephemeral key, the Diffie-Hellman step) and the cipher
//! are the browser's WebCrypto, whose HKDF cannot do HPKE's separate labelled extract and
//! expand; RustCrypto's `hkdf` does them here. A file is sealed in one shot, so its only
//! AEAD nonce is the base nonce (sequence number zero).

use hkdf::{Hkdf, HkdfExtract};
use sha2::Sha256;

/// DHKEM(P-256, HKDF-SHA256).
pub const KEM_ID: u16 = 0x0010;
/// HKDF-SHA256.
pub const KDF_ID: u16 = 0x0001;
/// AES-256-GCM.
pub const AEAD_ID: u16 = 0x0002;

/// The suite's names, as a sealed file's header gives them.
pub const KEM_NAME: &str = "DHKEM(P-256, HKDF-SHA256)";
pub const KDF_NAME: &str = "HKDF-SHA256";
pub const AEAD_NAME: &str = "AES-256-GCM";
/// The mode, as a sealed file's header gives it.
pub const MODE_NAME: &str = "base";

/// Bytes of an uncompressed P-256 public key (`0x04`, then x and y): the KEM's `enc` and
/// a recipient's public key alike.
pub const PUBLIC_KEY_BYTES: usize = 65;
/// Bytes of the Diffie-Hellman secret: the x coordinate of the shared point.
pub const DH_BYTES: usize = 32;
/// Bytes of the AEAD key (Nk).
pub const KEY_BYTES: usize = 32;
/// Bytes of the AEAD nonce (Nn).
pub const NONCE_BYTES: usize = 12;

/// What the AEAD needs to seal or open a file: the key and the base nonce.
#[derive(Clone, PartialEq, Eq)]
pub struct AeadKey {
    pub key: [u8; KEY_BYTES],
    pub nonce: [u8; NONCE_BYTES],
}

impl std::fmt::Debug for AeadKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AeadKey { .. }")
    }
}

fn kem_suite() -> [u8; 5] {
    let [a, b] = KEM_ID.to_be_bytes();
    [b'K', b'E', b'M', a, b]
}

fn hpke_suite() -> [u8; 10] {
    let [k1, k2] = KEM_ID.to_be_bytes();
    let [d1, d2] = KDF_ID.to_be_bytes();
    let [a1, a2] = AEAD_ID.to_be_bytes();
    [b'H', b'P', b'K', b'E', k1, k2, d1, d2, a1, a2]
}

/// `LabeledExtract(salt, label, ikm)`.
fn labeled_extract(suite: &[u8], salt: &[u8], label: &[u8], ikm: &[u8]) -> [u8; 32] {
    let mut extract = HkdfExtract::<Sha256>::new(Some(salt));
    for part in [b"HPKE-v1".as_slice(), suite, label, ikm] {
        extract.input_ikm(part);
    }
    extract.finalize().0.into()
}

/// `LabeledExpand(prk, label, info, L)` for `N` = L bytes.
fn labeled_expand<const N: usize>(
    suite: &[u8],
    prk: &[u8; 32],
    label: &[u8],
    info: &[u8],
) -> [u8; N] {
    let length = u16::try_from(N)
        .expect("HPKE lengths fit two bytes")
        .to_be_bytes();
    let mut out = [0; N];
    Hkdf::<Sha256>::from_prk(prk)
        .expect("a pseudorandom key of the hash's length")
        .expand_multi_info(&[&length, b"HPKE-v1", suite, label, info], &mut out)
        .expect("HPKE's lengths are within HKDF's");
    out
}

/// The KEM's shared secret (`ExtractAndExpand`), from the Diffie-Hellman secret, the
/// sender's ephemeral public key (`enc`) and the recipient's public key.
pub fn shared_secret(
    dh: &[u8; DH_BYTES],
    enc: &[u8; PUBLIC_KEY_BYTES],
    recipient: &[u8; PUBLIC_KEY_BYTES],
) -> [u8; 32] {
    let suite = kem_suite();
    let eae_prk = labeled_extract(&suite, b"", b"eae_prk", dh);
    let mut kem_context = [0; 2 * PUBLIC_KEY_BYTES];
    kem_context[..PUBLIC_KEY_BYTES].copy_from_slice(enc);
    kem_context[PUBLIC_KEY_BYTES..].copy_from_slice(recipient);
    labeled_expand(&suite, &eae_prk, b"shared_secret", &kem_context)
}

/// The key schedule in base mode (no pre-shared key): the AEAD key and base nonce.
fn key_schedule(shared_secret: &[u8; 32], info: &[u8]) -> AeadKey {
    let suite = hpke_suite();
    let psk_id_hash = labeled_extract(&suite, b"", b"psk_id_hash", b"");
    let info_hash = labeled_extract(&suite, b"", b"info_hash", info);
    let mut context = [0; 65];
    context[1..33].copy_from_slice(&psk_id_hash);
    context[33..].copy_from_slice(&info_hash);
    let secret = labeled_extract(&suite, shared_secret, b"secret", b"");
    AeadKey {
        key: labeled_expand(&suite, &secret, b"key", &context),
        nonce: labeled_expand(&suite, &secret, b"base_nonce", &context),
    }
}

/// Everything between the Diffie-Hellman step and the cipher, for the sender and the
/// recipient alike: the AEAD key and nonce for a file whose ephemeral public key is `enc`,
/// sealed to `recipient` with `info`.
pub fn aead_key(
    dh: &[u8; DH_BYTES],
    enc: &[u8; PUBLIC_KEY_BYTES],
    recipient: &[u8; PUBLIC_KEY_BYTES],
    info: &[u8],
) -> AeadKey {
    key_schedule(&shared_secret(dh, enc, recipient), info)
}

#[cfg(test)]
mod tests {
    use aes_gcm::aead::{Aead, KeyInit, Payload};
    use aes_gcm::{Aes256Gcm, Nonce};
    use p256::elliptic_curve::sec1::ToEncodedPoint;
    use p256::{PublicKey, SecretKey};
    use serde::Deserialize;

    use super::*;

    /// The CFRG's published test vector for this suite in base mode (kem_id 16, kdf_id 1,
    /// aead_id 2, mode 0), from the test-vectors.json that accompanies RFC 9180, with its
    /// first three encryptions.
    #[derive(Deserialize)]
    struct Vector {
        mode: u8,
        kem_id: u16,
        kdf_id: u16,
        aead_id: u16,
        info: String,
        #[serde(rename = "skRm")]
        sk_rm: String,
        #[serde(rename = "skEm")]
        sk_em: String,
        #[serde(rename = "pkRm")]
        pk_rm: String,
        #[serde(rename = "pkEm")]
        pk_em: String,
        enc: String,
        shared_secret: String,
        key_schedule_context: String,
        secret: String,
        key: String,
        base_nonce: String,
        encryptions: Vec<Encryption>,
    }

    #[derive(Deserialize)]
    struct Encryption {
        aad: String,
        ct: String,
        nonce: String,
        pt: String,
    }

    fn hex(text: &str) -> Vec<u8> {
        (0..text.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
            .collect()
    }

    fn vector() -> Vector {
        serde_json::from_str(include_str!(
            "../../tests/fixtures/hpke/p256-sha256-aes256gcm-base.json"
        ))
        .unwrap()
    }

    fn dh(secret: &[u8], public: &[u8]) -> [u8; DH_BYTES] {
        let secret = SecretKey::from_slice(secret).unwrap();
        let public = PublicKey::from_sec1_bytes(public).unwrap();
        let shared = p256::ecdh::diffie_hellman(secret.to_nonzero_scalar(), public.as_affine());
        (*shared.raw_secret_bytes()).into()
    }

    #[test]
    fn the_suite_is_the_vectors_suite() {
        let v = vector();
        assert_eq!(
            (v.mode, v.kem_id, v.kdf_id, v.aead_id),
            (0, KEM_ID, KDF_ID, AEAD_ID)
        );
    }

    #[test]
    fn the_kem_and_key_schedule_give_the_published_values() {
        let v = vector();
        let enc: [u8; 65] = hex(&v.enc).try_into().unwrap();
        let recipient: [u8; 65] = hex(&v.pk_rm).try_into().unwrap();
        // The sender's and the recipient's Diffie-Hellman agree, as the curve promises.
        let sender_dh = dh(&hex(&v.sk_em), &recipient);
        assert_eq!(sender_dh, dh(&hex(&v.sk_rm), &enc));
        let secret = SecretKey::from_slice(&hex(&v.sk_em)).unwrap();
        assert_eq!(
            secret.public_key().to_encoded_point(false).as_bytes(),
            hex(&v.pk_em)
        );

        let shared = shared_secret(&sender_dh, &enc, &recipient);
        assert_eq!(shared.to_vec(), hex(&v.shared_secret));

        let suite = hpke_suite();
        let mut context = vec![0];
        context.extend(labeled_extract(&suite, b"", b"psk_id_hash", b""));
        context.extend(labeled_extract(&suite, b"", b"info_hash", &hex(&v.info)));
        assert_eq!(context, hex(&v.key_schedule_context));
        assert_eq!(
            labeled_extract(&suite, &shared, b"secret", b"").to_vec(),
            hex(&v.secret)
        );

        let keys = aead_key(&sender_dh, &enc, &recipient, &hex(&v.info));
        assert_eq!(keys.key.to_vec(), hex(&v.key));
        assert_eq!(keys.nonce.to_vec(), hex(&v.base_nonce));
    }

    #[test]
    fn the_first_published_encryption_is_sealed_with_the_base_nonce() {
        let v = vector();
        let enc: [u8; 65] = hex(&v.enc).try_into().unwrap();
        let recipient: [u8; 65] = hex(&v.pk_rm).try_into().unwrap();
        let keys = aead_key(&dh(&hex(&v.sk_rm), &enc), &enc, &recipient, &hex(&v.info));
        let first = &v.encryptions[0];
        assert_eq!(hex(&first.nonce), keys.nonce);
        let cipher = Aes256Gcm::new_from_slice(&keys.key).unwrap();
        let sealed = cipher
            .encrypt(
                Nonce::from_slice(&keys.nonce),
                Payload {
                    msg: &hex(&first.pt),
                    aad: &hex(&first.aad),
                },
            )
            .unwrap();
        assert_eq!(sealed, hex(&first.ct));
    }

    #[test]
    fn a_key_is_never_printed() {
        let keys = AeadKey {
            key: [7; KEY_BYTES],
            nonce: [8; NONCE_BYTES],
        };
        assert_eq!(format!("{keys:?}"), "AeadKey { .. }");
    }
}
