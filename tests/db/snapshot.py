"""What a database file holds, as digests: to prove that a refused or interrupted write changed nothing."""
import hashlib
import sqlite3


def rows(path, table="incidents") -> dict:
    """Every row of `table` by rowid (by rank in key order for a WITHOUT ROWID table, as the text index's
    are), each as a sha256 of its values."""
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        try:
            found = con.execute(f"SELECT rowid, * FROM {table}").fetchall()
        except sqlite3.OperationalError:  # WITHOUT ROWID
            found = list(enumerate(sorted(con.execute(f"SELECT * FROM {table}").fetchall())))
            found = [(i, *r) for i, r in found]
        return {r[0]: hashlib.sha256(repr(r[1:]).encode()).hexdigest() for r in found}
    finally:
        con.close()


def tables(path) -> dict:
    """Every table: its row count and one digest of all its rows."""
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        names = [n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                           "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    finally:
        con.close()
    out = {}
    for name in names:
        r = rows(path, name)
        out[name] = (len(r), hashlib.sha256(repr(sorted(r.items())).encode()).hexdigest())
    return out
