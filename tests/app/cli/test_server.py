"""The command line on a PostgreSQL database: --db and SITMON_DB take a postgresql:// URL (never a password),
and the file-only commands say what the server's own tools are."""
import pytest

from app.cli import main

pytestmark = [pytest.mark.postgresql, pytest.mark.parametrize("db_engine", ["postgresql"], indirect=True)]


def run(capsys, *argv):
    code = main.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_every_command_takes_the_url(capsys, db):
    code, out, err = run(capsys, "--db", db.url, "status", "--date", "2023-08-15", "--format", "csv")
    assert code == 0 and out.startswith("site_id,site,kind,status"), err
    code, out, err = run(capsys, "--db", db.url, "check")
    assert code == 0 and "is sound (PostgreSQL; schema" in out and "1 incidents" in out, err


def test_sitmon_db_may_name_the_server(capsys, db, monkeypatch):
    monkeypatch.setenv("SITMON_DB", db.url)
    code, out, err = run(capsys, "hq", "conflicts")
    assert code == 0 and "No conflict is waiting." in out, err


def test_backup_and_restore_give_the_servers_commands(capsys, db):
    code, _, err = run(capsys, "--db", db.url, "backup")
    assert code == 1 and "pg_dump --format=custom" in err and db.url in err and err.count("\n") == 1
    code, _, err = run(capsys, "--db", db.url, "restore", "old.dump")
    assert code == 1 and "pg_restore" in err and err.count("\n") == 1


def test_a_password_on_the_command_line_is_refused_and_not_repeated(capsys, db):
    from urllib.parse import urlsplit

    user = urlsplit(db.url).username
    code, _, err = run(capsys, "--db", db.url.replace(f"://{user}@", f"://{user}:hunter2@", 1), "status",
                       "--date", "2023-08-15")
    assert code == 1 and "hunter2" not in err and ".pgpass" in err and err.count("\n") == 1
