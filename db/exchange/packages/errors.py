"""Why a package cannot be imported or exported; str() is the message for the user (a template of the "db"
translation context and its values, as every refusal of db/)."""
from db.store.errors import DatabaseError


class PackageError(DatabaseError):
    """A package that cannot be imported (or exported); nothing was written."""
