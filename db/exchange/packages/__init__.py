"""Data packages between laptops (and into headquarters): one signed file with every incident, site record and
movement and their audit trails, merged on import by the history the receiving laptop holds.

  merge.py         export_package, import_package, resolve: each one transaction
  archive.py       the file: manifest, Ed25519 signature, checksums, size limits (zip bombs), sealing
  sealed.py        the encrypted form an encrypted database exports (AES-256-GCM, scrypt)
  trust.py         whom a package comes from (trust on first use) and what it may claim
  incidents.py     incidents: the CSV import's validator, the merge, conflicts
  site_records.py  site records: their validator, the merge, handover conflicts, facts recorded twice
  movements.py     movements: their validator, the merge, conflicts
  rows.py          what the kinds share: JSON types, audit rows, history, keep/take/conflict
"""
from db.exchange.packages.archive import Manifest, PackageError
from db.exchange.packages.incidents import Conflict
from db.exchange.packages.merge import MergeResult, export_package, import_package, resolve
from db.exchange.packages.movements import MovementConflict, MovementMerge
from db.exchange.packages.sealed import SealError
from db.exchange.packages.site_records import RecordConflict, describe
from db.exchange.packages.trust import Signer, forget, known_laptops

__all__ = ["Conflict", "Manifest", "MergeResult", "MovementConflict", "MovementMerge", "PackageError",
           "RecordConflict", "SealError", "Signer",
           "describe", "export_package", "forget", "import_package", "known_laptops", "resolve"]
