"""Interface language: French or English, from --lang, SITMON_LANG, the settings or the system locale.

Translations are Qt Linguist files: resources/i18n/sitmon_fr.ts (every string) and sitmon_en.ts
(only the "%n" plurals: "1 incident", "2 incidents"), sources committed, compiled to .qm by `make`
(pyside6-lrelease; `make lupdate` extracts the strings). Qt's own strings (dialog buttons, key
names) come from Qt's qtbase_fr.qm. The command line's own argparse words ("usage:", "options",
"invalid choice") go through the "argparse" context too.
"""
from __future__ import annotations

import argparse
import os

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

import resources
from app import settings

LANGUAGES = ("en", "fr")
_installed: list[QTranslator] = []

# What argparse (Python 3.11) says to users through gettext: marked here, translated in "argparse".
ARGPARSE = (
    QT_TRANSLATE_NOOP("argparse", "usage: "), QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"), QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("argparse", "ignored explicit argument %r"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected %s argument"), QT_TRANSLATE_NOOP("argparse", "expected %s arguments"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("argparse", "unexpected option string: %s"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "can't open '%(filename)s': %(error)s"),
    QT_TRANSLATE_NOOP("argparse", "unknown parser %(parser_name)r (choices: %(choices)s)"),
)


def _argparse_gettext(text: str) -> str:
    return QCoreApplication.translate("argparse", text)


def _argparse_ngettext(singular: str, plural: str, n: int) -> str:
    return QCoreApplication.translate("argparse", singular if n == 1 else plural)


def choose_language() -> str:
    env = os.environ.get("SITMON_LANG", "")
    if env in LANGUAGES:
        return env
    saved = settings.get("ui/language")
    if saved in LANGUAGES:
        return saved
    return "fr" if QLocale.system().language() == QLocale.Language.French else "en"


def message(exc: Exception) -> str:
    """What went wrong, in the interface language: a refusal of db/ (a database, a file, a scenario) is
    translated from its template; anything else is its own text."""
    from db.scenario.files import ScenarioError
    from db.store.errors import DatabaseError

    if isinstance(exc, DatabaseError):
        text = QCoreApplication.translate("db", exc.template)
        return text.format(**exc.params) if exc.params else text
    if isinstance(exc, ScenarioError):
        return exc.message(QCoreApplication.translate)
    return str(exc)


def french():
    """Qt's translate(context, text) into French whatever the interface language, for what is written in both
    languages at once (the statuses headquarters' GIS tools read)."""
    translator = QTranslator()
    translator.load("sitmon_fr", str(resources.path("i18n")))
    return lambda context, text: translator.translate(context, text) or text


def locale_for(lang: str) -> QLocale:
    return QLocale(QLocale.Language.French, QLocale.Country.France) if lang == "fr" else \
        QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def install(lang: str) -> None:
    """Install the translators of `lang` into the running Q(Core)Application; English needs none."""
    app = QCoreApplication.instance()
    for t in _installed:
        QCoreApplication.removeTranslator(t)
    _installed.clear()
    QLocale.setDefault(locale_for(lang))
    argparse._ = _argparse_gettext  # argparse looks these names up when it speaks (its gettext hooks)
    argparse.ngettext = _argparse_ngettext
    if app is None:
        return
    catalogues = [(f"sitmon_{lang}", str(resources.path("i18n")))]  # English: only its "%n" plurals
    if lang != "en":
        catalogues.append((f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
    for name, folder in catalogues:
        translator = QTranslator(app)
        if translator.load(name, folder):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)


def signed_by(signer) -> str:
    """One line for the command line and the window: who signed a package (db.exchange.packages.Signer) and
    whether this database knew that laptop's key."""
    who = f"{signer.laptop[:8]} ({signer.author})" if signer.author else signer.laptop[:8]
    if signer.known_since is None:
        return QCoreApplication.translate("Packages", "Signed by laptop {0}, key {1}: its first package here, its "
                                                      "key is now remembered.").format(who, signer.fingerprint)
    return QCoreApplication.translate("Packages", "Signed by laptop {0}, key {1}: the key it has used here since "
                                                  "{2}.").format(who, signer.fingerprint,
                                                                  QLocale().toString(signer.known_since.date(),
                                                                                     QLocale.FormatType.ShortFormat))
