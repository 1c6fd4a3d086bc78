"""sitmon's data: the store (store/), the scenario (scenario/), the incident log (incidents/), exchange with
other laptops and headquarters (exchange/), the status engine (status.py) and every vocabulary (vocab.py).
No Qt here; what leaves db/ is a frozen record, never an ORM object."""
from __future__ import annotations


def open_database(path, *, seed: bool = True, passphrase: str | None = None, readonly: bool | None = None):
    """Open (creating and migrating if needed) a sitmon database, seeded with the default scenario when it
    holds none, with the laptop's signing key beside it (made on the first start): the one way every command
    and the window open their data (db.store.engine.Database)."""
    from db.scenario.stored import seed_if_empty
    from db.store.engine import open_store
    from db.store.identity import KeyUnreadable, laptop_key

    db = open_store(path, passphrase=passphrase, readonly=readonly)
    if not db.readonly:
        if seed:
            seed_if_empty(db)
        try:
            laptop_key(db.identity_path, db.passphrase)
        except KeyUnreadable:
            pass  # the database opens; exporting a package says what is wrong with the key
    return db
