"""Translations: the committed .ts files hold every string the code marks, all of them translated.

`make lupdate` extracts tr()/translate()/QT_TRANSLATE_NOOP strings into resources/i18n/sitmon_fr.ts
(and the "%n" plurals into sitmon_en.ts); this runs the same pyside6-lupdate into a temporary file
and compares. Then every French message must be finished, keep its placeholders, and load at run time.
"""
from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%[0-9]|%\([a-z_]+\)[rs]|%[rs]")


def sources() -> list[str]:
    """The files the Makefile's I18N_SOURCES names (every module of app, widgets, db, geo; no migration)."""
    return sorted(str(p.relative_to(ROOT)) for folder in ("app", "widgets", "db", "geo")
                  for p in (ROOT / folder).rglob("*.py") if "migrations" not in p.parts)


def messages(ts: Path) -> dict[tuple[str, str, bool], ET.Element]:
    """(context, source, plural) -> the <message> element."""
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for m in context.iter("message"):
            out[(name, m.findtext("source"), m.get("numerus") == "yes")] = m
    return out


def extracted(tmp_path: Path, plural_only: bool = False) -> set[tuple[str, str, bool]]:
    out = tmp_path / ("plural.ts" if plural_only else "all.ts")
    args = [str(LUPDATE), "-no-obsolete", "-locations", "none", *(["-pluralonly"] if plural_only else []),
            *sources(), "-ts", str(out)]
    subprocess.run(args, cwd=ROOT, check=True, capture_output=True)
    return set(messages(out))


def test_french_ts_holds_every_marked_string(tmp_path):
    found, committed = extracted(tmp_path), set(messages(I18N / "sitmon_fr.ts"))
    missing, stale = sorted(found - committed), sorted(committed - found)
    assert not missing, f"strings missing from sitmon_fr.ts (run `make lupdate` and translate): {missing}"
    assert not stale, f"strings no longer in the code (run `make lupdate`): {stale}"


def test_english_ts_holds_every_plural(tmp_path):
    found, committed = extracted(tmp_path, plural_only=True), set(messages(I18N / "sitmon_en.ts"))
    assert found == committed, f"run `make lupdate`: missing {found - committed}, stale {committed - found}"


@pytest.mark.parametrize("name", ["sitmon_fr.ts", "sitmon_en.ts"])
def test_every_message_is_finished(name):
    unfinished = []
    for (context, source, plural), m in messages(I18N / name).items():
        t = m.find("translation")
        texts = [f.text for f in t.iter("numerusform")] if plural else [t.text]
        if t.get("type") in ("unfinished", "obsolete", "vanished") or not all(texts):
            unfinished.append((context, source))
    assert not unfinished, f"unfinished in {name}: {unfinished}"


def test_translations_keep_placeholders_and_one_mnemonic():
    bad = []
    for (context, source, plural), m in messages(I18N / "sitmon_fr.ts").items():
        t = m.find("translation")
        for text in ([f.text for f in t.iter("numerusform")] if plural else [t.text]):
            wanted = sorted(PLACEHOLDER.findall(source))
            got = sorted(PLACEHOLDER.findall(text))
            if plural:  # a singular form may say "1" in words instead of %n
                wanted, got = [p for p in wanted if p != "%n"], [p for p in got if p != "%n"]
            mnemonics = len(re.findall(r"&(?!&|amp;|nbsp;|apos;|quot;|lt;|gt;)\w", text))
            if got != wanted or mnemonics != len(re.findall(r"&(?!&|nbsp;)\w", source)):
                bad.append((context, source, text))
    assert not bad, bad


def test_french_and_english_catalogues_load(qapp, translations):
    from PySide6.QtCore import QCoreApplication, QLocale

    from app import i18n

    try:
        i18n.install("fr")
        tr = QCoreApplication.translate
        assert tr("MainWindow", "&File") == "&Fichier"
        assert tr("Status", "handed over") == "remis"
        assert tr("SiteCard", "%n incident(s) up to this date", "", 2) == "2 incidents jusqu'à cette date"
        assert tr("SiteCard", "%n incident(s) up to this date", "", 1) == "1 incident jusqu'à cette date"
        assert tr("QShortcut", "Shift") == "Maj"  # Qt's own words: qtbase_fr.qm
        assert QLocale().toString(1234) == "1\u202f234" and QLocale().toString(QLocale().toDate(
            "2023-08-15", "yyyy-MM-dd"), "d MMMM yyyy") == "15 août 2023"
        i18n.install("en")
        assert tr("SiteCard", "%n incident(s) up to this date", "", 2) == "2 incidents up to this date"
        assert tr("MainWindow", "&File") == "&File"
        assert QLocale().toString(1234) == "1,234"
    finally:
        i18n.install("en")


def test_cli_speaks_french(qapp, translations, tmp_path, capsys):
    """A command's own messages and argparse's words, in French."""
    from app.cli import main

    with pytest.raises(SystemExit) as exit_:
        main.main(["--lang", "fr", "status", "--date", "2023-13-01"])
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert err == "sitmon status : erreur : argument --date : « 2023-13-01 » n'est pas une date valide (AAAA-MM-JJ)\n"
    with pytest.raises(SystemExit):
        main.main(["--lang", "fr", "status", "--help"])
    out = capsys.readouterr().out
    assert "utilisation : sitmon status" in out and "afficher ce message d'aide et quitter" in out, out


def test_scenario_errors_and_status_headings_speak_french(qapp, translations, tmp_path, capsys):
    """A refused scenario's reason, and the status table's headings, in French; file:line and key path kept."""
    from app import i18n
    from app.cli import main
    from db.scenario.files import DEFAULT_SCENARIO, scenario_file

    text = scenario_file(DEFAULT_SCENARIO).read_text(encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text(text.replace("lat = 16.83493", "lat = 95", 1), encoding="utf-8")
    line = text.splitlines().index("lat = 16.83493") + 1
    try:
        assert main.main(["--lang", "fr", "scenario", "check", str(bad)]) == 1
        err = capsys.readouterr().err
        assert err == f"sitmon: {bad}:{line}: sites[0].lat: doit être inférieur ou égal à 90 (valeur lue : 95)\n"
        assert main.main(["--lang", "fr", "--db", str(tmp_path / "x.sqlite"), "status", "--date", "2023-08-15"]) == 0
        assert capsys.readouterr().out.splitlines()[0].split() == ["id_site", "site", "type", "statut", "depuis",
                                                                   "remise_prevue", "confirme_par", "motif"]
        assert main.main(["--lang", "fr", "--db", str(tmp_path / "x.sqlite"), "status", "--date", "2023-08-15",
                         "--format", "csv"]) == 0
        assert capsys.readouterr().out.startswith(
            "site_id,site,kind,status,since,reason,planned_handover,confirmed_by\n")  # CSV names stay
    finally:
        i18n.install("en")

