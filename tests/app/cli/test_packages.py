"""`sitmon package export|import` and `sitmon laptops`: who signed, what is known, forgetting a key."""
import pytest

from app.cli import main
from db import open_database


def run(capsys, db_path, *argv):
    code = main.main(["--db", str(db_path), *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def two(tmp_path):
    for name in ("a", "b"):
        open_database(tmp_path / f"{name}.sqlite").close()
    return tmp_path / "a.sqlite", tmp_path / "b.sqlite"


def test_import_says_who_signed_and_laptops_lists_then_forgets(capsys, two, tmp_path):
    a, b = two
    code, out, _ = run(capsys, a, "package", "export", "--out", str(tmp_path / "a.zip"))
    assert code == 0 and "Signed by this laptop" in out and "not encrypted" in out
    code, out, _ = run(capsys, b, "package", "import", str(tmp_path / "a.zip"))
    first = out.splitlines()[0]
    assert code == 0 and first.startswith("Signed by laptop ") and "its first package here" in first
    code, out, _ = run(capsys, b, "package", "import", str(tmp_path / "a.zip"))
    assert code == 0 and "the key it has used here since" in out.splitlines()[0]
    code, out, _ = run(capsys, b, "laptops")
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith("This laptop: ") and "SHA256:" in lines[0]
    laptop = lines[1].split()[0]
    assert "first package a.zip" in lines[1]
    code, out, _ = run(capsys, b, "laptops", "forget", laptop)
    assert code == 0 and "Forgot the key" in out
    code, _, err = run(capsys, b, "laptops", "forget", laptop)
    assert code == 1 and "no such laptop" in err
    code, out, _ = run(capsys, b, "laptops")
    assert "No package from another laptop taken yet." in out


def test_a_package_from_this_laptop_is_refused_in_one_line(capsys, two, tmp_path):
    a, _ = two
    run(capsys, a, "package", "export", "--out", str(tmp_path / "a.zip"))
    code, out, err = run(capsys, a, "package", "import", str(tmp_path / "a.zip"))
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1 and "claims to come from this laptop" in err


def test_a_chosen_package_passphrase_seals_and_opens(capsys, two, tmp_path):
    a, b = two
    secret = tmp_path / "secret.txt"
    secret.write_text("for the package\n")
    code, out, _ = run(capsys, a, "package", "export", "--out", str(tmp_path / "a.zip"), "--package-passphrase-file",
                       str(secret))
    assert code == 0 and "; encrypted" in out
    code, _, err = run(capsys, b, "package", "import", str(tmp_path / "a.zip"))
    assert code == 1 and "is an encrypted package: give its passphrase" in err
    code, out, _ = run(capsys, b, "package", "import", str(tmp_path / "a.zip"), "--package-passphrase-file",
                       str(secret))
    assert code == 0 and "Signed by laptop" in out
