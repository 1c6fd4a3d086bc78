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
    """Every table: its row count and one digest of all its rows. `path`: a file, or an open Database (one
    on a server is read through its engine)."""
    if getattr(path, "on_server", False):
        return _server_tables(path)
    path = getattr(path, "path", path)
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


def _server_tables(db) -> dict:
    with db.engine.connect() as con:
        names = [n for (n,) in con.exec_driver_sql(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
            "AND table_type = 'BASE TABLE' ORDER BY 1")]
        out = {}
        for name in names:
            digests = sorted(hashlib.sha256(repr(tuple(r)).encode()).hexdigest()
                             for r in con.exec_driver_sql(f'SELECT * FROM "{name}"'))
            out[name] = (len(digests), hashlib.sha256(repr(digests).encode()).hexdigest())
    return out
