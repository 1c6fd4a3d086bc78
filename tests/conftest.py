"""Test configuration: headless Qt, isolated settings, real SQLite files in tmp_path."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
os.environ.setdefault("SITMON_LANG", "en")  # tests see the English interface unless they switch

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from tests import services  # noqa: E402

SHARED_REAL = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "real"
NO_SHARED = "../shared/data/real is absent (a user's clone has no ../shared)"


@pytest.fixture
def shared_real() -> Path:
    """The real public data beside the repo; tests that need it skip where it is absent."""
    if not SHARED_REAL.is_dir():
        pytest.skip(NO_SHARED)
    return SHARED_REAL


def compiled_translations() -> Path:
    """The .qm catalogues next to their .ts sources, compiled with pyside6-lrelease where missing or older
    (`make test` builds them first; a bare `pytest` run does it here)."""
    import subprocess
    import sys

    folder = Path(__file__).resolve().parents[1] / "resources" / "i18n"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for ts in folder.glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
    return folder


@pytest.fixture(scope="session")
def translations() -> Path:
    return compiled_translations()


@pytest.fixture(autouse=True)
def english_interface(request):
    """Qt tests see the English interface as users do, with its catalogue ("1 incident", "2 incidents");
    a test that switches language is set back to English by the next one."""
    if not {"qtbot", "qapp"} & set(request.fixturenames):
        return
    request.getfixturevalue("translations")
    request.getfixturevalue("qapp")
    from app import i18n

    i18n.install("en")


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    """QSettings and the default data folder point into tmp_path for every test."""
    monkeypatch.setenv("SITMON_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SITMON_DB", raising=False)
    try:
        from PySide6.QtCore import QLocale, QSettings
    except ImportError:  # db/geo tests run without Qt too
        return
    # Dates and numbers as the English interface shows them (app.i18n.locale_for("en")), whatever the machine's
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, str(tmp_path / "settings"))


ENGINES = ("sqlite", "postgresql")


@pytest.fixture
def db_engine(request) -> str:
    """The engine a test's databases are made on: "sqlite" unless the test is parametrised over ENGINES
    (tests/db/conftest.py does it for the store's suite)."""
    return getattr(request, "param", "sqlite")


@pytest.fixture
def make_db(tmp_path, db_engine, request):
    """Makes fresh databases seeded with the default scenario, each with a laptop id of its own, on the test's
    engine: files in tmp_path, or copies of a migrated template database on the PostgreSQL server."""
    from db import open_database

    opened, copies = [], []

    def make(name: str = "sitmon"):
        if db_engine == "sqlite":
            target = tmp_path / f"{name}.sqlite"
        else:
            server, template = request.getfixturevalue("pg_url"), request.getfixturevalue("pg_template")
            copies.append(services.clone(server, template))
            target = copies[-1].__enter__()
        opened.append(open_database(target))
        return opened[-1]

    yield make
    for database in opened:
        database.close()
    for copy in reversed(copies):
        copy.__exit__(None, None, None)


@pytest.fixture
def db(make_db):
    """A fresh database seeded with the default scenario (a file; on the server where the test runs on both
    engines)."""
    return make_db()


@pytest.fixture
def laptops(make_db):
    """Two laptops' databases seeded alike (for packages between them), on the test's engine: a.sqlite and
    b.sqlite, or two PostgreSQL databases where the test runs on both engines (tests/db/conftest.py)."""
    return make_db("a"), make_db("b")


@pytest.fixture
def scenario():
    from db.scenario.files import load_file

    return load_file()


# Services outside Python (tests/services.py): skip with the reason where missing, fail under CI=true.

@pytest.fixture(scope="session")
def pg_url() -> str:
    """SITMON_TEST_PG (postgresql://USER@HOST:PORT/DBNAME), checked to connect, with PostGIS and unaccent."""
    return services.postgres_url()


@pytest.fixture(scope="session")
def pg_template(pg_url) -> str:
    """A database migrated and seeded once per session, which make_db copies for each test; its name."""
    with services.sitmon_template(pg_url) as name:
        yield name


@pytest.fixture
def pg_database(pg_url):
    """A fresh empty database with PostGIS and unaccent for one test, dropped after it; its URL."""
    with services.fresh_database(pg_url) as url:
        yield url


@pytest.fixture
def x_display(tmp_path_factory):
    """A private Xvfb screen (1366x768x24, no TCP) for one test; its DISPLAY string (":N")."""
    with services.xvfb(tmp_path_factory.mktemp("xvfb") / "xvfb.log") as display:
        yield display


@pytest.fixture
def soffice() -> str:
    """The path of LibreOffice's soffice."""
    return services.require_program("soffice", "libreoffice-calc-nogui")
