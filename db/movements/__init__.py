"""Movements: convoys of people and equipment from a site to a site, through optional waypoints (sites or
positions). `draft.py` is the one validator (window, command line, scenario seeds and packages use it),
`writes.py` the audited writes with soft delete and restore, `queries.py` the records and what a movement
is on a date, `audit.py` the trail."""
