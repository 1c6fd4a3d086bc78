"""Issue 17 items 8, 12, 13, 15: the command line answers in one line, never a traceback, and what it writes
is the user's alone."""
import os
import re
import resource
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from db import open_database
from db.store import errors
from tests.db.exchange import exchange_data

ROOT = Path(__file__).resolve().parents[2]


def sitmon(*args, env=None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=600, env={**os.environ, **(env or {})}, **kwargs)


def one_line(run: subprocess.CompletedProcess) -> str:
    assert "Traceback" not in run.stderr and run.stderr.count("\n") == 1, run.stderr
    return run.stderr


def test_a_file_of_zeros_is_not_called_encrypted(tmp_path):
    """Item 15: a 4 KB file of zeros was reported as 'encrypted, give its passphrase'."""
    path = tmp_path / "zeros.sqlite"
    path.write_bytes(bytes(4096))
    with pytest.raises(errors.NotASitmonDatabase, match="not an SQLite file"):
        open_database(path)
    assert path.read_bytes() == bytes(4096)


def test_a_briefing_of_year_one_is_a_usage_error(tmp_path):
    """Item 13: briefing --date 0001-01-01 was an OverflowError traceback."""
    run = sitmon("--db", str(tmp_path / "x.sqlite"), "briefing", "--date", "0001-01-01", "--out", str(tmp_path / "b.pdf"))
    assert run.returncode == 2 and "outside the years 1900 to 2100" in one_line(run)


def test_an_export_on_a_full_disk_says_so_and_leaves_no_file(tmp_path, db):
    """Item 13: an export on a full disk was a traceback. RLIMIT_FSIZE stands in for the full disk."""
    exchange_data.write(tmp_path / "many.csv", exchange_data.rows(2000))
    assert sitmon("--db", str(db.path), "import", "incidents", str(tmp_path / "many.csv")).returncode == 0
    out = tmp_path / "out.csv"

    def small_files():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    run = sitmon("--db", str(db.path), "export", "incidents", "--out", str(out), preexec_fn=small_files)
    assert run.returncode == 1 and "too large" in one_line(run).lower()
    assert not out.exists() and not list(tmp_path.glob(".out.part*"))


def test_two_imports_at_once_each_waits_its_turn_or_says_why(tmp_path, db):
    """Item 12: the second of two imports died with a 'database is locked' traceback. The two files share
    external ids, so whichever writes second finds them taken since it checked: it says so in one line."""
    for name in ("a", "b"):
        exchange_data.write(tmp_path / f"{name}.csv", exchange_data.rows(30_000, seed=ord(name)))
    first = subprocess.Popen([sys.executable, "-m", "app", "--db", str(db.path), "import", "incidents",
                              str(tmp_path / "a.csv")], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    second = sitmon("--db", str(db.path), "import", "incidents", str(tmp_path / "b.csv"))
    out, err = first.communicate(timeout=600)
    runs = [subprocess.CompletedProcess(first.args, first.returncode, out, err), second]
    assert 0 in [r.returncode for r in runs]
    for run in runs:
        if run.returncode:
            assert re.search("being changed by another sitmon|was changed by another sitmon", one_line(run))


def test_files_written_are_the_users_alone(tmp_path, db):
    """Item 8: packages, exports, PDFs and images were written 0644 while the database is 0600."""
    os.umask(0o022)
    data = tmp_path / "data"
    for args in (["export", "incidents", "--out", str(tmp_path / "i.csv")],
                 ["package", "export", "--out", str(tmp_path / "p.zip")],
                 ["snapshot", "--date", "2023-08-15", "--out", str(tmp_path / "m.png"), "--size", "320x200"]):
        assert sitmon("--db", str(db.path), *args, env={"SITMON_DATA_DIR": str(data)}).returncode == 0, args
    for name in ("i.csv", "p.zip", "m.png"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, name
