"""Issue 17 item 4: packages rewrote history. Each hostile package below was accepted before the trust model
(signatures, one validator, judgement by local history); now each is refused with one line naming the row
and the field, and the receiving database stays byte for byte as it was (its -wal included)."""
import json
import re
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db import open_database
from db.exchange import packages
from db.incidents import audit, queries, writes
from tests.db.exchange import forge
from tests.db.exchange.test_packages import SEED, _new

INCIDENTS, AUDIT = "incidents.jsonl", "audit.jsonl"


def file_bytes(db):
    wal = db.path.with_name(db.path.name + "-wal")
    return db.path.read_bytes(), wal.read_bytes() if wal.exists() else b""


def refused(db, path, said: str) -> str:
    """Import `path` into `db`: refused with a message matching `said`, on one line, and nothing written."""
    before = file_bytes(db)
    with pytest.raises(packages.PackageError, match=said) as err:
        packages.import_package(db, path)
    assert "\n" not in str(err.value) and str(err.value).endswith("Nothing was imported.")
    assert file_bytes(db) == before
    return str(err.value)


@pytest.fixture
def shared(laptops, tmp_path):
    """An incident a created, already taken by b; a's package of it (path)."""
    a, b = laptops
    ident = _new(a, "IED near Ber")
    path = tmp_path / "a.zip"
    packages.export_package(a, path)
    packages.import_package(b, path)
    return ident, path


def _edit(ident, **values):
    return forge.each(lambda r: {**r, **values} if r["id"] == ident else r)


@pytest.mark.parametrize("field, value, said", [
    ("lat", 999, "lat: '999' is not a latitude"),
    ("status", "pwned", "status: 'pwned' is not a status"),
    ("revision", -3, "revision: '-3' is not a revision number"),
    ("killed_civilians", -2, "killed_civilians: '-2' is not a whole number"),
    ("occurred_on", 20230801, "occurred_on: 20230801 is not of the column's type"),
    ("type", "pwned", "type: 'pwned' is not an incident type"),
    ("description", 12, "description: 12 is not of the column's type"),
    ("deleted", 2, "deleted: 2 is not 0 or 1"),
    ("created_at", "yesterday", "created_at: 'yesterday' is not a date and time"),
])
def test_values_no_form_accepts_are_refused(laptops, tmp_path, field, value, said):
    a, b = laptops
    ident = _new(a, "IED near Ber")
    path = tmp_path / "a.zip"
    packages.export_package(a, path)
    bad = forge.repack(path, tmp_path / "bad.zip", a, rows={INCIDENTS: _edit(ident, **{field: value})})
    text = refused(b, bad, said)
    assert "incidents.jsonl line" in text


@pytest.mark.parametrize("change, said", [
    (lambda a: {**a, "changes": json.dumps([["description", "a", "b"]])}, "changes: not a JSON object"),
    (lambda a: {**a, "at": "last tuesday"}, "at: 'last tuesday' is not a date and time"),
    (lambda a: {**a, "at": 20230801}, "at: '20230801' is not a date and time"),
    (lambda a: {**a, "action": "rewrite"}, "action: 'rewrite' is not one of"),
    (lambda a: {**a, "changes": '{"description": ["a", {"x": 1}]}'}, "changes: 'description' is not a field"),
    (lambda a: {**a, "changes": '{"lat": [1, NaN]}'}, "NaN is not a JSON number"),
    (lambda a: {**a, "incident_id": "nowhere"}, "incident_id: 'nowhere' is not a record of the package"),
])
def test_audit_rows_the_history_view_cannot_read_are_refused(laptops, tmp_path, change, said):
    a, b = laptops
    _new(a, "IED near Ber")
    path = tmp_path / "a.zip"
    packages.export_package(a, path)
    bad = forge.repack(path, tmp_path / "bad.zip", a, rows={AUDIT: lambda trail: [change(trail[-1]), *trail[:-1]]})
    assert "audit.jsonl line 1" in refused(b, bad, said)


def test_an_empty_mission_does_not_skip_the_mission_check(laptops, tmp_path):
    a, b = laptops
    path = tmp_path / "a.zip"
    packages.export_package(a, path)
    refused(b, forge.repack(path, tmp_path / "bad.zip", a, manifest=lambda d: d | {"mission": ""}),
            "lacks its mission")
    refused(b, forge.repack(path, tmp_path / "other.zip", a, manifest=lambda d: d | {"mission": "unmiss-2011"}),
            "holds mission unmiss-2011; this database holds minusma-2023")


def test_a_package_claiming_the_receivers_own_id_is_refused(laptops, tmp_path):
    a, b = laptops
    path = tmp_path / "a.zip"
    packages.export_package(a, path)
    text = refused(b, forge.repack(path, tmp_path / "me.zip", a, laptop=b.laptop_id), "claims to come from this laptop")
    assert b.laptop_id in text


def test_another_key_under_a_known_laptop_id_is_refused_and_forget_lets_it_in(laptops, tmp_path):
    a, b = laptops
    path = tmp_path / "a.zip"
    packages.export_package(a, path)
    first = packages.import_package(b, path)
    assert first.signer.known_since is None and first.signer.laptop == a.laptop_id
    again = packages.import_package(b, path)
    assert again.signer.known_since is not None and again.signer.fingerprint == first.signer.fingerprint
    [known] = packages.known_laptops(b)
    assert (known.laptop, known.fingerprint, known.first_package) == (a.laptop_id, first.signer.fingerprint, "a.zip")
    mallory = open_database(tmp_path / "m.sqlite")
    forged = forge.repack(path, tmp_path / "forged.zip", mallory, laptop=a.laptop_id)
    text = refused(b, forged, f"signed by key SHA256:.* but laptop {a.laptop_id} signed with key "
                              f"{re.escape(first.signer.fingerprint)}")
    assert f"sitmon laptops forget {a.laptop_id}" in text
    assert packages.forget(b, a.laptop_id)
    assert packages.import_package(b, forged).signer.known_since is None  # trusted on first use again
    mallory.close()


def test_a_package_altered_by_one_byte_anywhere_is_refused(laptops, tmp_path):
    a, b = laptops
    _new(a, "IED near Ber")
    path = tmp_path / "a.zip"
    packages.export_package(a, path)
    raw = path.read_bytes()
    before = file_bytes(b)
    for offset in range(0, len(raw), max(1, len(raw) // 97)):
        altered = tmp_path / "altered.zip"
        altered.write_bytes(raw[:offset] + bytes([raw[offset] ^ 0x01]) + raw[offset + 1:])
        with pytest.raises(packages.PackageError):
            packages.import_package(b, altered)
    for cut in (raw[:-1], raw + b"\0", b"\0" + raw):
        (tmp_path / "altered.zip").write_bytes(cut)
        with pytest.raises(packages.PackageError):
            packages.import_package(b, tmp_path / "altered.zip")
    assert file_bytes(b) == before


def test_a_change_with_no_audit_row_is_never_taken(laptops, shared, tmp_path):
    a, b = laptops
    ident, path = shared
    silent = forge.repack(path, tmp_path / "silent.zip", a, rows={INCIDENTS: _edit(ident, killed_civilians=50,
                                                                                   revision=9)})
    result = packages.import_package(b, silent)
    assert [c.incident_id for c in result.conflicts] == [ident]  # shown for a choice, not applied
    assert queries.get(b, ident).killed_civilians == 0
    # with an edit that explains another field only: refused
    writes.update(a, ident, {"notes": "checked"}, "a-user")
    packages.export_package(a, tmp_path / "a2.zip")
    sneaky = forge.repack(tmp_path / "a2.zip", tmp_path / "sneaky.zip", a,
                          rows={INCIDENTS: _edit(ident, killed_civilians=50)})
    refused(b, sneaky, f"incident {ident}: killed_civilians: changed with no audit row of the change")


def test_created_at_author_and_origin_never_change(laptops, shared, tmp_path):
    a, b = laptops
    ident, _ = shared
    before = queries.get(b, ident)
    writes.update(a, ident, {"notes": "checked"}, "a-user")
    packages.export_package(a, tmp_path / "a2.zip")
    forged = forge.repack(tmp_path / "a2.zip", tmp_path / "f.zip", a, rows={INCIDENTS: _edit(
        ident, created_at="2001-01-01 00:00:00.000000", author="someone else", origin="elsewhere")})
    assert packages.import_package(b, forged).updated == 1
    after = queries.get(b, ident)
    assert after.notes == "checked"
    assert (after.created_at, after.author, after.origin) == (before.created_at, before.author, before.origin)


def test_back_dated_rows_in_the_receivers_name_are_refused(laptops, shared, tmp_path):
    """The attack: rows claiming b made edits b never made, so that b's own edit seems known and is overwritten."""
    a, b = laptops
    ident, path = shared
    writes.update(b, ident, {"description": "b's own edit"}, "b-user")
    writes.update(a, ident, {"description": "a's edit"}, "a-user")
    packages.export_package(a, tmp_path / "a2.zip")
    [mine] = [t for t in audit.trail(b, ident) if t.action == "update"]
    fake = dict(incident_id=ident, at="2023-01-01 00:00:00.000000", author="b-user", laptop=b.laptop_id,
                action="update", changes=json.dumps({"description": ["IED near Ber", "b's own edit"]}))
    forged = forge.repack(tmp_path / "a2.zip", tmp_path / "f.zip", a, rows={AUDIT: lambda trail: [fake, *trail]})
    refused(b, forged, "audit row of 2023-01-01 00:00:00.000000: laptop: claims a change made on this laptop")
    assert queries.get(b, ident).description == "b's own edit" and mine.laptop == b.laptop_id
    # without the forged row, the same package is a conflict, as it should be
    result = packages.import_package(b, tmp_path / "a2.zip")
    assert [c.incident_id for c in result.conflicts] == [ident]


def test_an_incident_claiming_to_have_been_created_here_is_refused(laptops, tmp_path):
    a, b = laptops
    ident = _new(a, "made on a")
    packages.export_package(a, tmp_path / "a.zip")
    forged = forge.repack(tmp_path / "a.zip", tmp_path / "f.zip", a, rows={INCIDENTS: _edit(ident, origin=b.laptop_id)})
    refused(b, forged, f"incident {ident}: origin: claims to have been created on this laptop")


def test_every_change_applied_gets_a_local_merge_row_naming_the_package(laptops, tmp_path):
    a, b = laptops
    ident = _new(a, "IED near Ber")
    path = tmp_path / "a.zip"
    packages.export_package(a, path)
    packages.import_package(b, path)
    [note] = [t for t in audit.trail(b, ident) if t.action == "merge"]
    [(field, old, new)] = note.changes
    sha = __import__("hashlib").sha256(path.read_bytes()).hexdigest()
    assert (field, old, new, note.laptop) == ("package", None, f"a.zip · SHA-256 {sha} · laptop {a.laptop_id}",
                                              b.laptop_id)
    assert audit.trail(b, SEED)[-1].action == "create"  # the seed, the same on both: nothing applied, no note


def test_an_encrypted_database_exports_an_encrypted_package(tmp_path):
    secret = "correct horse battery staple"
    a = open_database(tmp_path / "a.sqlite", passphrase=secret)
    b = open_database(tmp_path / "b.sqlite")
    ident = _new(a, "A very secret description")
    path = tmp_path / "a.zip"
    packages.export_package(a, path)
    raw = path.read_bytes()
    assert b"secret description" not in raw and not zipfile.is_zipfile(path)
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    refused(b, path, "is an encrypted package: give its passphrase")
    refused_wrong = pytest.raises(packages.SealError, match="cannot be opened with this passphrase")
    with refused_wrong:
        packages.import_package(b, path, passphrase="wrong")
    assert packages.import_package(b, path, passphrase=secret).created == 1
    assert queries.get(b, ident).description == "A very secret description"
    flipped = tmp_path / "flipped.zip"
    for offset in (len(raw) // 2, len(raw) - 1):
        flipped.write_bytes(raw[:offset] + bytes([raw[offset] ^ 1]) + raw[offset + 1:])
        with pytest.raises(packages.PackageError):
            packages.import_package(b, flipped, passphrase=secret)
    chosen = tmp_path / "chosen.zip"
    packages.export_package(b, chosen, passphrase="for the package")  # a plain database, a chosen passphrase
    assert packages.import_package(a, chosen, passphrase="for the package").signer.laptop == b.laptop_id
    a.close()
    b.close()


# ---------------------------------------------------------------- hypothesis: any value, any byte

JSON = st.recursive(st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats() | st.text(max_size=30),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                    max_leaves=6)


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    """Two laptops and a's package of one incident with its trail (shared by the examples: b is never
    changed by a refused package, and any accepted one is checked to be readable)."""
    tmp = tmp_path_factory.mktemp("hypothesis")
    a, b = open_database(tmp / "a.sqlite"), open_database(tmp / "b.sqlite")
    ident = _new(a, "IED near Ber")
    writes.update(a, ident, {"notes": "checked"}, "a-user")
    packages.export_package(a, tmp / "a.zip")
    yield a, b, ident, tmp
    a.close()
    b.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(member=st.sampled_from([INCIDENTS, AUDIT]), column=st.integers(0, 40), value=JSON)
def test_any_value_in_any_column_is_refused_in_one_line_or_stored_readable(pair, member, column, value):
    a, b, ident, tmp = pair
    doc, found = forge.read(tmp / "a.zip")
    row = found[member][-1]
    name = sorted(row)[column % len(row)]
    bad = forge.repack(tmp / "a.zip", tmp / "h.zip", a, rows={member: lambda rows: rows[:-1] + [{**row, name: value}]})
    before = file_bytes(b)
    try:
        packages.import_package(b, bad)
    except packages.PackageError as exc:
        assert "\n" not in str(exc) and file_bytes(b) == before
        return
    got = queries.get(b, ident)  # what was stored reads back, and its trail too
    assert got is None or got.id == ident
    assert isinstance(audit.trail(b, ident), list)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_byte_changed_is_refused(pair, data):
    a, b, ident, tmp = pair
    raw = (tmp / "a.zip").read_bytes()
    offset = data.draw(st.integers(0, len(raw) - 1))
    byte = data.draw(st.integers(0, 255).filter(lambda v: v != raw[offset]))
    (tmp / "byte.zip").write_bytes(raw[:offset] + bytes([byte]) + raw[offset + 1:])
    before = file_bytes(b)
    with pytest.raises(packages.PackageError):
        packages.import_package(b, tmp / "byte.zip")
    assert file_bytes(b) == before


def test_a_signature_written_another_way_with_the_same_meaning_is_refused(laptops, tmp_path):
    """The last base64 character of the key before '=' carries two bits the decoder ignores: '8' for '9' made
    another file that read as the same signature and was taken (found by the one-byte test at a random offset)."""
    import string

    a, b = laptops
    path = tmp_path / "a.zip"
    packages.export_package(a, path)
    raw = path.read_bytes()
    at = raw.rindex(b"= ") - 1  # the key's last character
    alphabet = (string.ascii_uppercase + string.ascii_lowercase + string.digits + "+/").encode()
    other = alphabet[alphabet.index(raw[at]) ^ 1]  # differs only in a bit the decoder ignores
    altered = tmp_path / "altered.zip"
    altered.write_bytes(raw[:at] + bytes([other]) + raw[at + 1:])
    before = file_bytes(b)
    with pytest.raises(packages.PackageError, match="signature"):
        packages.import_package(b, altered)
    assert file_bytes(b) == before
