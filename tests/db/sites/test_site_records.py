"""Site records: the one validator, writes with their audit trail, soft delete and restore; a refused
record leaves the database file as it was."""
from datetime import date

import pytest

from db.sites import audit, draft, queries, writes
from db.sites.draft import SiteRecordDraft
from tests.db import snapshot
from tests.db.sites.records import stored

TODAY = date(2023, 9, 10)


@pytest.fixture
def ctx(scenario):
    return draft.context(scenario, TODAY)


def errors(ctx, records=(), **fields):
    return {e.field: draft.message(e) for e in draft.validate(SiteRecordDraft(**fields), ctx, records)}


def test_a_site_is_named_by_its_id_or_either_name_accents_and_case_ignored(ctx):
    for text in ("menaka", "Ménaka", "MENAKA", " ménaka "):
        assert draft.site_of(text, ctx) == "menaka"
    assert draft.site_of("Tombouctou", ctx) == "timbuktu"
    assert errors(ctx, site="Atlantis", kind="handover", date="2023-09-05") == {
        "site": "unknown site 'Atlantis': give its id (e.g. goundam) or its name"}


@pytest.mark.parametrize("fields, field, text", [
    (dict(kind="landing"), "kind", "unknown kind 'landing'"),
    (dict(date="2023-02-30"), "date", "not a date"),
    (dict(date="5/9/2023"), "date", "not a date"),
    (dict(date="2023-09-11"), "date", "2023 is after today"),
    (dict(kind="repatriated", value="-5", category="police"), "value", "a whole number from 0"),
    (dict(kind="repatriated", value="", category="police"), "value", "required"),
    (dict(kind="repatriated", value="5", category="navy"), "category", "unknown category 'navy'"),
    (dict(value="5"), "value", "only a figure of personnel repatriated"),
    (dict(reliability="Z9"), "reliability", "admiralty code"),
])
def test_refusals_name_the_field(ctx, fields, field, text):
    typed = dict(site="goundam", kind="handover", date="2023-09-05") | fields
    found = errors(ctx, **typed)
    assert field in found and text in found[field], found


def test_only_a_rescheduled_handover_may_be_in_the_future(ctx):
    assert errors(ctx, site="menaka", kind="handover-planned", date="2023-09-20") == {}


def test_a_second_handover_names_the_first(db, scenario, ctx):
    first = stored(db, scenario, "goundam", "handover", "2023-09-05")
    records = queries.all_records(db)
    found = errors(ctx, records, site="Goundam", kind="handover", date="2023-09-07")
    assert found == {"date": f"Goundam already has a handover on 5 Sep 2023 (record {first[:8]}…): edit or "
                             "delete that record"}
    assert draft.validate(draft.draft_of(records[0]), ctx, records, record_id=first) == []  # editing it is fine


def test_a_lower_repatriated_figure_needs_the_correction_confirmed(db, scenario, ctx):
    lower = dict(site="bamako", kind="repatriated", date="2023-09-01", value="600", category="military")
    [doubt] = draft.validate(SiteRecordDraft(**lower), ctx)
    assert doubt.confirm and doubt.field == "value"
    assert draft.message(doubt) == "lower than the military figure of 695 on 14 Aug 2023: confirm that it is a correction"
    assert draft.validate(SiteRecordDraft(**lower, correction=True), ctx) == []
    assert errors(ctx, **{**lower, "value": "700"}) == {}


def test_create_edit_delete_restore_are_audited(db, scenario, ctx):
    ident = writes.create(db, SiteRecordDraft(site="Goundam", kind="handover", date="2023-09-05",
                                              source="radio Goundam", reliability="b2", note="the prefect"), "Awa", ctx)
    rec = queries.get(db, ident)
    assert (rec.site_id, rec.kind, rec.date, rec.reliability, rec.author, rec.revision) == (
        "goundam", "handover", date(2023, 9, 5), "B2", "Awa", 1)
    assert rec.origin == db.laptop_id and rec.value is None and not rec.deleted
    changed = writes.update(db, ident, SiteRecordDraft(**{**draft.draft_of(rec).__dict__, "date": "2023-09-06"}),
                            "Bob", ctx)
    assert changed and queries.get(db, ident).date == date(2023, 9, 6)
    assert not writes.update(db, ident, draft.draft_of(queries.get(db, ident)), "Bob", ctx)
    assert writes.soft_delete(db, ident, "Bob") and queries.get(db, ident).deleted
    assert writes.restore(db, ident, "Awa", ctx) and not queries.get(db, ident).deleted
    trail = audit.trail(db, ident)
    assert [a.action for a in trail] == ["create", "update", "delete", "restore"]
    assert trail[1].changes == (("date", "2023-09-05", "2023-09-06"),) and trail[1].author == "Bob"
    assert queries.get(db, ident).revision == 4


def file_bytes(path):
    """The database file and its write-ahead log, byte for byte (nothing for a database on a server)."""
    if path is None:
        return b""
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes(), wal.read_bytes() if wal.exists() else b""


def test_refusals_write_nothing(db, scenario, ctx):
    first = stored(db, scenario, "goundam", "handover", "2023-09-05")
    before, raw = snapshot.tables(db), file_bytes(db.path)
    for typed in (dict(site="goundam", kind="handover", date="2023-09-07"),
                  dict(site="nowhere", kind="handover", date="2023-09-07"),
                  dict(site="goundam", kind="handover", date="2023-09-30"),
                  dict(site="bamako", kind="repatriated", date="2023-09-01", value="-1", category="police"),
                  dict(site="bamako", kind="repatriated", date="2023-09-01", value="10", category="military")):
        with pytest.raises(draft.InvalidDraft):
            writes.create(db, SiteRecordDraft(**typed), "Awa", ctx)
    assert snapshot.tables(db) == before and file_bytes(db.path) == raw
    writes.soft_delete(db, first, "Awa")
    second = stored(db, scenario, "goundam", "handover", "2023-09-07")
    before, raw = snapshot.tables(db), file_bytes(db.path)
    with pytest.raises(draft.InvalidDraft, match="already has a handover"):
        writes.restore(db, first, "Awa", ctx)  # it would make Goundam's second handover
    assert snapshot.tables(db) == before and file_bytes(db.path) == raw
    assert queries.find(db, second[:6]).id == second


def test_find_by_the_start_of_an_id(db, scenario):
    a = stored(db, scenario, "goundam", "handover", "2023-09-05")
    assert queries.find(db, a[:4].upper()).id == a
    with pytest.raises(queries.NotFound):
        queries.find(db, "zz")
