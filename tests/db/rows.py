"""Reading a test's database whatever its engine: driver-level SQL as sitmon writes it (SQLite's ? marks and
stored forms, which the PostgreSQL dialect keeps, db/store/dialect/postgresql.py)."""


def query(db, sql: str, params=()) -> list[tuple]:
    with db.engine.connect() as con:
        return [tuple(r) for r in con.exec_driver_sql(sql, tuple(params))]


def one(db, sql: str, params=()):
    return query(db, sql, params)[0][0]


def dicts(db, sql: str, params=()) -> list[dict]:
    with db.engine.connect() as con:
        return [dict(r._mapping) for r in con.exec_driver_sql(sql, tuple(params))]
