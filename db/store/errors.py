"""Why a database cannot be opened or written, as exceptions whose str() is the message for the user.

`template` (marked for translation in the "db" context) and `params` let app/ translate the message.
"""
from __future__ import annotations

from db.records import QT_TRANSLATE_NOOP

MSG_DISK_FULL = QT_TRANSLATE_NOOP("db", "The disk holding {path} is full. The change was not saved and the database "
                                        "is as it was before it. Free some space and try again.")
MSG_READONLY = QT_TRANSLATE_NOOP("db", "{path} is open read-only: changes cannot be saved.")
MSG_DAMAGED = QT_TRANSLATE_NOOP("db", "{path} is damaged ({problem}). Restore a backup "
                                      "(File > Restore from backup, or 'sitmon restore').")
MSG_PASSPHRASE_REQUIRED = QT_TRANSLATE_NOOP("db", "{path} is encrypted (or is not an SQLite file): "
                                                  "give its passphrase to open it.")
MSG_WRONG_PASSPHRASE = QT_TRANSLATE_NOOP("db", "The passphrase does not open {path}. It was left unchanged.")
MSG_NOT_ENCRYPTED = QT_TRANSLATE_NOOP("db", "{path} is not encrypted, but a passphrase was given. "
                                            "Open it without a passphrase. It was left unchanged.")
MSG_NO_SQLCIPHER = QT_TRANSLATE_NOOP("db", "Encrypted databases need the sqlcipher3-binary package, "
                                           "which is not installed.")
MSG_CANNOT_CREATE = QT_TRANSLATE_NOOP("db", "{path} cannot be created: {reason}.")
MSG_READONLY_UPGRADE = QT_TRANSLATE_NOOP("db", "{path} needs an upgrade to this version of sitmon but is read-only. "
                                               "Open it from a folder you can write to.")
MSG_NOT_SQLITE = QT_TRANSLATE_NOOP("db", "{path} is not a sitmon database: it is not an SQLite file. "
                                         "It was left unchanged.")
MSG_CANNOT_OPEN = QT_TRANSLATE_NOOP("db", "{path} cannot be opened: {reason}. It was left unchanged.")
MSG_FOREIGN = QT_TRANSLATE_NOOP("db", "{path} is an SQLite database of another program, not a sitmon database. "
                                      "It was left unchanged.")
MSG_BUSY = QT_TRANSLATE_NOOP("db", "{path} is being changed by another sitmon (an import, a merge or a restore "
                                   "may take a while): nothing was changed here. Try again when it has finished.")
MSG_IN_USE = QT_TRANSLATE_NOOP("db", "{path} is in use by another sitmon: close it first. Nothing was changed.")
MSG_FOREIGN_OBJECT = QT_TRANSLATE_NOOP("db", "{path} holds the {kind} {name}, which sitmon did not make (it could "
                                             "change or wipe data when it runs). It was left unchanged.")
MSG_NEWER = QT_TRANSLATE_NOOP("db", "{path} was written by a newer version of sitmon (schema {revision}; this version "
                                    "reads up to {head}). Update sitmon to open it. The file was left unchanged.")


class DatabaseError(Exception):
    """A database that cannot be opened or written; str() is a message for the user."""

    def __init__(self, message: str, **params):
        self.template, self.params = message, params
        super().__init__(message.format(**params) if params else message)


class NotASitmonDatabase(DatabaseError):
    pass


class NewerDatabase(DatabaseError):
    pass


class ForeignObjects(NotASitmonDatabase):
    pass


class DamagedDatabase(DatabaseError):
    pass


class DiskFullError(DatabaseError):
    pass


class DatabaseBusy(DatabaseError):
    pass


class ReadOnlyDatabase(DatabaseError):
    pass


class PassphraseRequired(DatabaseError):
    pass


class WrongPassphrase(DatabaseError):
    pass
