"""What the migrations make, revision by revision: every table, index, trigger and view by name (triggers and
views with their SQL, which decides what they do). A file holding anything else (a trigger that wipes the
notes at the next import, a view, a table) was not made by sitmon, and is refused when opened or restored.

The snapshot (schemas.json beside this file) is what `python -m db.store.migrations.schemas` writes after
running every migration on an empty file; tests/db/store/test_migrations.py checks that it is current.
"""
from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

SNAPSHOT = Path(__file__).with_name("schemas.json")


def of(con) -> list[list[str]]:
    """[type, name, table, sql or ""] of every object of an SQLite connection's main database, sorted."""
    rows = con.execute("SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master "
                       "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").fetchall()
    return [[t, n, tbl, " ".join(sql.split()) if t in ("trigger", "view") else ""] for t, n, tbl, sql in rows]


@lru_cache(maxsize=1)
def expected() -> dict[str, list[list[str]]]:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def made_by_migrations() -> dict[str, list[list[str]]]:
    """Run the migrations on an empty file, one revision at a time, and record each revision's schema."""
    from alembic import command
    from alembic.config import Config

    from db.store.dialect import sqlite
    from db.store.migrations import REVISIONS

    out = {}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "schema.sqlite"
        sqlite.create_file(path)
        eng = sqlite.make_engine(path)
        for revision in REVISIONS:
            with eng.begin() as conn:
                cfg = Config()
                cfg.set_main_option("script_location", str(Path(__file__).parent))
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
            con = sqlite3.connect(path)
            out[revision] = of(con)
            con.close()
        eng.dispose()
    return out


def differences(found: list[list[str]], revision: str) -> tuple[list, list]:
    """(objects the file has and the revision does not, objects the revision has and the file lacks). A
    revision the snapshot does not know yet (a migration being written) is not checked: the snapshot test
    says to regenerate it."""
    if revision not in expected():
        return [], []
    want = [tuple(o) for o in expected()[revision]]
    have = [tuple(o) for o in found]
    return [o for o in have if o not in want], [o for o in want if o not in have]


if __name__ == "__main__":
    made = made_by_migrations()
    text = "{\n" + ",\n".join(f" {json.dumps(rev)}: [\n" + ",\n".join(f"  {json.dumps(o, ensure_ascii=False)}" for o in objs)
                              + "\n ]" for rev, objs in made.items()) + "\n}\n"
    SNAPSHOT.write_text(text, encoding="utf-8")
    print(f"wrote {SNAPSHOT}", file=sys.stderr)
