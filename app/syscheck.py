"""Check that the system libraries Qt needs are present, before anything imports Qt.

Qt aborts with an unhelpful message when one is missing; this names the Debian package instead.
Run by the Makefile after installing (python -m app.syscheck); exits 1 with an apt-get line.
"""
import ctypes
import sys

# soname -> Debian package (verified on a bare bookworm chroot, see shared/docs/stack-baseline.md)
NEEDED = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
}


def missing_packages() -> list[str]:
    missing = []
    for soname, package in NEEDED.items():
        try:
            ctypes.CDLL(soname)
        except OSError:
            missing.append(package)
    return missing


def main() -> int:
    if not sys.platform.startswith("linux"):
        return 0
    missing = missing_packages()
    if missing:
        print("sitmon: Qt needs system libraries that are not installed on this machine.", file=sys.stderr)
        print("Install them with:  sudo apt-get install -y " + " ".join(missing), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
