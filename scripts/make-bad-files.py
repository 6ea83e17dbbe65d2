#!/usr/bin/env python3
"""Writes the corpus of bad files (crates/domain/tests/fixtures/bad-files/) that the native
test bad_files.rs and the end-to-end journeys run through every reader, and corpus.json,
which says what each file is. Run from the repository root; the files are committed."""
import base64
import copy
import json
import os
import sys

OUT = "crates/domain/tests/fixtures/bad-files"
AT = "2026-11-20T10:00:00Z"
ID = "00000000-0000-4000-8000-000000000007"


def member():
    return {
        "format": "member-development-record",
        "schema_version": 6,
        "app_version": "0.1.0",
        "exported_at": AT,
        "member_id": ID,
        "revision": 3,
        "device_id": "00000000-0000-4000-8000-000000090007",
        "record": {
            "member_id": ID,
            "profile": {
                "full_name": "Cllr Zoë Brontë",
                "council": "Calderdale Council",
                "ward": "Haworth",
                "political_group": "",
                "roles": ["backbench-member"],
                "date_elected": "2021-05-06",
                "updated_at": AT,
            },
            "set_up_at": AT,
            "learning": [
                {
                    "id": "00000000-0000-4000-8000-000000010007",
                    "course_id": "code-of-conduct",
                    "title": "Code of Conduct",
                    "provider": "Monitoring Officer",
                    "topic": "Ethics and standards",
                    "format": "face_to_face",
                    "status": "completed",
                    "start_date": None,
                    "completed_on": "2026-10-01",
                    "minutes": 120,
                    "evidence": "CERT-7",
                    "evaluation": None,
                    "updated_at": AT,
                    "deleted_at": None,
                }
            ],
            "surveys": [],
            "plans": [],
            "pack": None,
        },
    }


def pack():
    # A sound pack as the app writes it (the corpus's own, unless another is given).
    default = os.path.join(OUT, "council-pack-given-as-a-member-file.json")
    with open(sys.argv[1] if len(sys.argv) > 1 else default, encoding="utf-8") as f:
        return json.load(f)


def text(value):
    return json.dumps(value, indent=2, ensure_ascii=False)


def changed(base, change):
    value = copy.deepcopy(base)
    change(value)
    return text(value)


def sealed(change):
    """A locked member file: the member file's header, how it is locked, a ciphertext."""
    header = {k: v for k, v in member().items() if k not in ("device_id", "record")}
    header |= {
        "encryption": {
            "cipher": "AES-256-GCM",
            "kdf": "PBKDF2-HMAC-SHA256",
            "iterations": 600000,
            "salt": base64.b64encode(bytes(range(16))).decode(),
            "nonce": base64.b64encode(bytes(range(12))).decode(),
        },
        "ciphertext": [base64.b64encode(bytes(range(48))).decode()],
    }
    change(header)
    return text(header)


def setter(path, value):
    def change(v):
        for step in path[:-1]:
            v = v[step]
        v[path[-1]] = value
    return change


def remover(path):
    def change(v):
        for step in path[:-1]:
            v = v[step]
        del v[path[-1]]
    return change


good = text(member())
good_pack = text(pack())


def latin1(t):
    return t.encode("latin-1")


def carrying_broken_pack(v):
    v["record"]["pack"] = {"note": "the 2026 pack"}


def duplicate_course(v):
    copy_ = copy.deepcopy(v["courses"][0])
    copy_["title"] = "A copy"
    v["courses"].append(copy_)


def v1_without_name(v):
    v["schema_version"] = 1
    v["record"] = {"member_id": ID, "profile": {"council": "Calderdale Council"}}


# (file name, what it is, bytes or text, which reader it is a good file for, if any)
CORPUS = [
    ("empty.json", "nothing at all", b"", None),
    ("whitespace-only.json", "only spaces and line breaks", "  \n\t\n  ", None),
    ("bom-only.json", "only a UTF-8 byte order mark", b"\xef\xbb\xbf", None),
    ("cut-short-in-the-header.json", "cut short in its header", good[:70], None),
    ("cut-short-in-the-record.json", "cut short in its record", good[: len(good) // 2], None),
    ("cut-short-in-a-name.json", "cut short inside a piece of text", good[: good.index("Brontë") + 3], None),
    ("cut-short-at-the-end.json", "its last bracket missing", good.rstrip()[:-1], None),
    ("attendance.csv", "a spreadsheet saved as CSV", "Name,Council,Course\nCllr Zoë Brontë,Calderdale,Code of Conduct\n", None),
    ("web-page.html", "a web page", "<!DOCTYPE html>\n<html><head><title>Training</title></head><body><p>{not a record}</p></body></html>\n", None),
    ("picture.png", "a PNG picture", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\x00\x01\x00\x00\x05\x00\x01\r\n-\xb4\x00\x00\x00\x00IEND\xaeB`\x82", None),
    ("saved-as-latin1.json", "re-saved in Latin-1", latin1(good), None),
    ("saved-as-utf16-le.json", "re-saved as UTF-16, little-endian", b"\xff\xfe" + good.encode("utf-16-le"), None),
    ("saved-as-utf16-be.json", "re-saved as UTF-16, big-endian", b"\xfe\xff" + good.encode("utf-16-be"), None),
    ("a-list.json", "a JSON list at the top level", "[1, 2, 3]\n", None),
    ("a-number.json", "a JSON number at the top level", "42\n", None),
    ("a-string.json", "a JSON string at the top level", "\"member-development-record\"\n", None),
    ("another-apps-file.json", "another app's format name", changed(member(), setter(["format"], "modern-gov-attendance")), None),
    ("council-pack-given-as-a-member-file.json", "a sound council pack", good_pack, "pack"),
    ("member-record-given-as-a-pack.json", "a sound member file", good, "member"),
    ("from-a-newer-app.json", "a newer data version", changed(member(), setter(["schema_version"], 99)), None),
    ("data-version-a-string.json", "its data version written as text", changed(member(), setter(["schema_version"], "6")), None),
    ("no-record.json", "a header without a record", changed(member(), remover(["record"])), None),
    ("member-id-not-an-id.json", "a member id that is not a UUID", changed(member(), lambda v: (setter(["member_id"], "not-an-id")(v), setter(["record", "member_id"], "not-an-id")(v))), None),
    ("member-id-mismatch.json", "a header naming another member than its record", changed(member(), setter(["member_id"], "00000000-0000-4000-8000-000000000099")), None),
    ("hours-not-a-number.json", "an activity's hours written as a word", changed(member(), setter(["record", "learning", 0, "minutes"], "lots")), None),
    ("date-not-a-date.json", "a date completed that is not a date", changed(member(), setter(["record", "learning", 0, "completed_on"], "last Tuesday")), None),
    ("activity-id-not-an-id.json", "an activity id that is not a UUID", changed(member(), setter(["record", "learning", 0, "id"], "n0t-an-1d")), None),
    ("unknown-activity-status.json", "an activity status the app does not know", changed(member(), setter(["record", "learning", 0, "status"], "finished")), None),
    ("profile-without-a-name.json", "a profile with its name missing", changed(member(), remover(["record", "profile", "full_name"])), None),
    ("early-profile-without-a-name.json", "a first-version profile with no name", changed(member(), v1_without_name), None),
    ("carrying-something-that-is-not-a-pack.json", "a record carrying a pack that is not a pack", changed(member(), carrying_broken_pack), None),
    ("stray-comma.json", "a stray comma in the middle", good.replace('"revision": 3,', '"revision": 3,,', 1), None),
    ("more-after-the-end.json", "text after the end of the record", good + "\n{\"again\": true}\n", None),
    ("deeply-nested.json", "nested far deeper than any record", "[" * 40 + "]" * 40, None),
    ("pack-duplicate-course-ids.json", "a pack listing two courses under one id", changed(pack(), duplicate_course), None),
    ("pack-without-a-council.json", "a pack whose council is blank", changed(pack(), setter(["council"], " ")), None),
    ("pack-council-missing.json", "a pack with no council at all", changed(pack(), remover(["council"])), None),
    ("pack-course-hours-not-a-number.json", "a pack course whose hours are a word", changed(pack(), setter(["courses", 0, "minutes"], "two")), None),
    ("pack-cut-short.json", "a pack cut short", good_pack[: len(good_pack) // 3], None),
    ("locked-unknown-cipher.json", "a locked file with a cipher the app does not know", sealed(lambda h: h["encryption"].update(cipher="ROT13")), None),
    ("locked-too-few-rounds.json", "a locked file with too few rounds of locking", sealed(lambda h: h["encryption"].update(iterations=1000)), None),
    ("locked-bad-salt-length.json", "a locked file whose salt is the wrong length", sealed(lambda h: h["encryption"].update(salt=base64.b64encode(bytes(5)).decode())), None),
    ("locked-without-its-lock.json", "a locked file whose lock details are not readable", sealed(lambda h: h["encryption"].update(iterations="many")), None),
]


def main():
    os.makedirs(OUT, exist_ok=True)
    manifest = []
    for name, what, content, good_for in CORPUS:
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
        manifest.append({"file": name, "what": what, "good_for": good_for})
    with open(os.path.join(OUT, "corpus.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(manifest, indent=2) + "\n")
    print(f"{len(manifest)} files in {OUT}")


main()
