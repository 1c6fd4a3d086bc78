"""Site records: the append-only log of what happened at each site as the drawdown unfolds (handover confirmed,
handover rescheduled, closure started, a later role, returned, personnel repatriated).

`draft.py` is the one validator (the dialog, the command line and packages all use it), `writes.py` stores
with an audit row (`audit.py`), `queries.py` reads them back as frozen `SiteRecord`s for the status engine
(db/status.py), the window, the exports and the briefing."""
