"""`sitmon package export|import` and `sitmon laptops`: data packages between laptops, and the laptops whose
keys this database trusts (the same db/ functions as File > Export/Import data package).

Exit codes: 0 done, 1 package refused, 2 usage error, 3 conflicts need a choice (import).
"""
from __future__ import annotations

import sys
from pathlib import Path

from app import settings
from app.cli.common import fail, open_db, tr

PACKAGE_PASSPHRASE_ENV = "SITMON_PACKAGE_PASSPHRASE"


def register(sub) -> None:
    pkg = sub.add_parser("package", help=tr("data packages between laptops"))
    pkgs = pkg.add_subparsers(dest="package_command", required=True, parser_class=type(pkg))
    pe = pkgs.add_parser("export", help=tr("write every incident, site record and movement, with their audit "
                                           "trails, to a package signed by this laptop (encrypted when the database "
                                           "is)"))
    pe.add_argument("--out", type=Path, required=True, metavar=tr("FILE"), help=tr("the .zip file to write"))
    pe.add_argument("--package-passphrase-file", type=Path, metavar="FILE",
                    help=tr("encrypt the package with the passphrase on this file's first line (default: "
                            "SITMON_PACKAGE_PASSPHRASE, else the database's passphrase when it is encrypted)"))
    pe.set_defaults(func=cmd_package_export)
    pi = pkgs.add_parser("import", help=tr("merge a package from another laptop"))
    pi.add_argument("file", type=Path)
    pi.add_argument("--take", choices=("theirs", "mine"), help=tr("settle every conflict this way"))
    pi.add_argument("--package-passphrase-file", type=Path, metavar="FILE",
                    help=tr("the passphrase of an encrypted package (default: SITMON_PACKAGE_PASSPHRASE, else "
                            "the database's)"))
    pi.set_defaults(func=cmd_package_import)

    lp = sub.add_parser("laptops", help=tr("this laptop's key, and the laptops whose packages this database took"))
    lps = lp.add_subparsers(dest="laptops_command", parser_class=type(lp))
    lp.set_defaults(func=cmd_laptops)
    fg = lps.add_parser("forget", help=tr("forget a laptop's key (its next package is trusted as a first one)"))
    fg.add_argument("laptop")
    fg.set_defaults(func=cmd_laptops_forget)


def _package_passphrase(args) -> str | None:
    from app.recovery import passphrase_given

    return passphrase_given(args, "package_passphrase_file", PACKAGE_PASSPHRASE_ENV)


def cmd_package_export(args) -> int:
    from db.exchange import packages

    db = open_db(args)
    try:
        m = packages.export_package(db, args.out, author=settings.author(), passphrase=_package_passphrase(args))
        sealed = bool(_package_passphrase(args) or db.passphrase)
    finally:
        db.close()
    print(tr("Wrote {0} and {1} to {2}").format(tr("%n incident(s)", "", m.counts["incidents"]),
                                                  tr("%n audit row(s)", "", m.counts["audit"]), args.out))
    print(tr("Wrote {0} site records and {1} of their audit rows").format(m.counts["site_records"],
                                                                          m.counts["site_record_audit"]))
    print(tr("Wrote {0} movements and {1} of their audit rows").format(m.counts["movements"],
                                                                       m.counts["movement_audit"]))
    print(tr("Signed by this laptop ({0}); encrypted").format(m.laptop) if sealed else
          tr("Signed by this laptop ({0}); not encrypted").format(m.laptop))
    return 0


def cmd_package_import(args) -> int:
    from app.i18n import message, signed_by
    from db.exchange import packages
    from db.exchange.packages import movements

    if not args.file.is_file():
        return fail(tr("{0}: no such file").format(args.file), 2)
    db = open_db(args)
    try:
        r = packages.import_package(db, args.file, take=args.take, author=settings.author(),
                                    passphrase=_package_passphrase(args))
    except packages.PackageError as exc:
        return fail(message(exc), 1)
    finally:
        db.close()
    print(signed_by(r.signer))
    print(tr("{0}: {1} created, {2} updated, {3} unchanged, {4} audit rows added").format(
        args.file, r.created, r.updated, r.unchanged, r.audit_added))
    s = r.site_records
    print(tr("site records: {0} created, {1} updated, {2} unchanged, {3} recorded on both laptops merged into "
             "one").format(s.created, s.updated, s.unchanged, s.merged))
    for c in r.conflicts:
        diffs = "; ".join(f"{f}: mine {c.mine[f]!r}, theirs {c.theirs[f]!r}" for f in c.fields)
        print(tr("conflict: incident {0} ({1}): {2}").format(c.incident_id, c.mine["occurred_on"], diffs),
              file=sys.stderr)
    mv = r.movements
    print(tr("movements: {0} created, {1} updated, {2} unchanged").format(mv.created, mv.updated, mv.unchanged))
    if mv.unplaced:
        print(tr("{0} movements left out: this database holds no scenario (load one, then import again)").format(
            mv.unplaced), file=sys.stderr)
    for c in s.conflicts:
        print(tr("conflict: {0}").format(packages.describe(c)), file=sys.stderr)
    for c in mv.conflicts:
        print(tr("conflict: {0}").format(movements.describe(c)), file=sys.stderr)
    if mv.conflicts and not (r.conflicts or s.conflicts):
        return fail(tr("{0} movements disagree between the laptops and were left as they are here; run again with "
                       "--take mine or --take theirs").format(len(mv.conflicts)), 3)
    if r.conflicts or s.conflicts:
        return fail(tr("{0} incidents and {1} site records disagree between the laptops and were left as they "
                       "are here; run again with --take mine or --take theirs").format(
            len(r.conflicts), len(s.conflicts)), 3)
    return 0


def cmd_laptops(args) -> int:
    from db.exchange import packages
    from db.store.identity import fingerprint, laptop_key, public_raw

    db = open_db(args)
    try:
        key = laptop_key(db.identity_path, db.passphrase, create=False)
        known = packages.known_laptops(db)
        print(tr("This laptop: {0}, key {1}").format(
            db.laptop_id, fingerprint(public_raw(key.public_key())) if key else tr("(none yet)")))
    finally:
        db.close()
    if not known:
        print(tr("No package from another laptop taken yet."))
    for k in known:
        print(tr("{0}  key {1}  first package {2} on {3}{4}").format(
            k.laptop, k.fingerprint, k.first_package, k.first_seen_at.strftime("%Y-%m-%d %H:%M"),
            f" ({k.author})" if k.author else ""))
    return 0


def cmd_laptops_forget(args) -> int:
    from db.exchange import packages

    db = open_db(args)
    try:
        forgotten = packages.forget(db, args.laptop)
    finally:
        db.close()
    if not forgotten:
        return fail(tr("{0}: no such laptop among those known here (see 'sitmon laptops')").format(args.laptop), 1)
    print(tr("Forgot the key of laptop {0}: its next package is trusted as a first one.").format(args.laptop))
    return 0
