"""Interface language: French or English, from --lang, SITMON_LANG, the settings or the system locale.

Translations are Qt Linguist files: resources/i18n/sitmon_fr.ts (source, committed) compiled to
.qm by `make` (pyside6-lrelease). Qt's own strings (dialog buttons) come from Qt's qtbase_fr.qm.
"""
from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

import resources

from . import settings

LANGUAGES = ("en", "fr")
_installed: list[QTranslator] = []


def choose_language() -> str:
    env = os.environ.get("SITMON_LANG", "")
    if env in LANGUAGES:
        return env
    saved = settings.get("ui/language")
    if saved in LANGUAGES:
        return saved
    return "fr" if QLocale.system().language() == QLocale.Language.French else "en"


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
    if app is None or lang == "en":
        return
    for name, folder in ((f"sitmon_{lang}", str(resources.path("i18n"))),
                         (f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):
        translator = QTranslator(app)
        if translator.load(name, folder):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
