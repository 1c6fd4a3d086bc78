"""The movements' widgets: the table (table.py) and the form (form.py)."""
