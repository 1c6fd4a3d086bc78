"""`sitmon backup`, `sitmon backups`, `sitmon restore FILE`, `sitmon check`."""
from __future__ import annotations

import sys
from pathlib import Path

from app.cli.common import fail, tr
from app.i18n import message
from app.recovery import passphrase_given
from app.settings import default_db_path
from db.store import backup, errors
from db.store.dialect import sqlite

EXIT_DAMAGED = 4


def register(sub) -> None:
    b = sub.add_parser("backup", help=tr("copy the database (default: into its backups folder)"))
    b.add_argument("--out", type=Path, help=tr("where to write the copy (must not exist)"))
    b.set_defaults(func=cmd_backup)
    sub.add_parser("backups", help=tr("list the backups: file, date, incidents")).set_defaults(func=cmd_backups)
    r = sub.add_parser("restore", help=tr("replace the database by a backup (the current file is backed up first)"))
    r.add_argument("file", type=Path)
    r.set_defaults(func=cmd_restore)
    sub.add_parser("check", help=tr("check the database's integrity (exit 4 when damaged)")).set_defaults(
        func=cmd_check)
    sub.add_parser("encrypt", help=tr("encrypt the database and its backups with the passphrase "
                                      "(--passphrase-file or SITMON_PASSPHRASE)")).set_defaults(func=cmd_encrypt)


def _target(args, restore: bool = False) -> Path:
    """The database file; a PostgreSQL URL is refused with the server's command for the job."""
    target = args.db or default_db_path()
    if isinstance(target, str):
        raise backup.server_refusal(target, restore)
    return Path(target).expanduser()


def _database(args) -> tuple[Path, str | None]:
    path = _target(args)
    if not path.is_file():
        raise errors.DatabaseError(tr("There is no database at {0}").format(path))
    return path, passphrase_given(args)


def cmd_backup(args) -> int:
    path, passphrase = _database(args)
    if args.out is not None and args.out.exists():
        return fail(tr("{0} already exists; choose another name").format(args.out))
    try:
        sqlite.inspect_file(path, passphrase)
        out = backup.write(path, "manual", args.out, passphrase)
    except errors.DatabaseError as exc:
        return fail(message(exc))
    print(tr("Backed up {0} to {1}").format(path, out))
    return 0


def cmd_backups(args) -> int:
    path, passphrase = _database(args)
    rows = backup.list_backups(path, passphrase)
    if not rows:
        print(tr("No backups of {0} in {1}").format(path, backup.backup_dir(path)))
        return 0
    header = [tr("file"), tr("taken (UTC)"), tr("incidents"), tr("kind")]
    table = [[str(b.path), b.taken_at.strftime("%Y-%m-%d %H:%M:%S"),
              tr("unreadable") if b.incidents is None else str(b.incidents), b.reason] for b in rows]
    widths = [max(len(r[i]) for r in table + [header]) for i in range(3)]
    for r in [header] + table:
        print("  ".join(v.ljust(w) for v, w in zip(r, widths)) + "  " + r[3])
    return 0


def cmd_restore(args) -> int:
    path = _target(args, restore=True)
    passphrase = passphrase_given(args)
    try:
        saved = backup.restore(path, args.file, passphrase)
    except errors.DatabaseError as exc:
        return fail(message(exc))
    print(tr("Restored {0} into {1}").format(args.file, path))
    if saved is not None:
        print(tr("The database as it was is saved as {0}").format(saved))
    return 0


def cmd_check(args) -> int:
    if isinstance(args.db or default_db_path(), str):
        return _check_server(args)
    path, passphrase = _database(args)
    try:
        info = sqlite.inspect_file(path, passphrase, thorough=True)
    except errors.DamagedDatabase as exc:
        newest = backup.newest_sound_backup(path, passphrase)
        hint = tr("The newest sound backup is {0}").format(newest) if newest else tr("There is no sound backup.")
        print(f"sitmon: {message(exc)}\n{hint}", file=sys.stderr)
        return EXIT_DAMAGED
    except errors.DatabaseError as exc:
        return fail(message(exc))
    print(tr("{0} is sound (SQLite integrity_check: ok; schema {1}; {2} incidents)").format(
        path, info.revision, sqlite.count_incidents(path, passphrase)))
    return 0


def _check_server(args) -> int:
    """A PostgreSQL database: its schema, and the text index in step with the log (the server checks its pages)."""
    from app.cli.common import open_db
    from db.store import dialect

    database = open_db(args)
    try:
        with database.engine.connect() as conn:
            dialect.check_text_index(conn)
            count = conn.exec_driver_sql("SELECT count(*) FROM incidents WHERE NOT deleted").scalar()
            revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    except ValueError as exc:
        print(f"sitmon: {database.where}: {exc}", file=sys.stderr)
        return EXIT_DAMAGED
    finally:
        database.close()
    print(tr("{0} is sound (PostgreSQL; schema {1}; {2} incidents)").format(database.where, revision, count))
    return 0


def cmd_encrypt(args) -> int:
    path, passphrase = _database(args)
    if passphrase is None:
        return fail(tr("Give the new passphrase with --passphrase-file FILE or SITMON_PASSPHRASE"), 2)
    try:
        files = backup.encrypt(path, passphrase)
    except errors.DatabaseError as exc:
        return fail(message(exc))
    print(tr("Encrypted {0} file(s): {1}").format(len(files), ", ".join(str(f) for f in files)))
    return 0
