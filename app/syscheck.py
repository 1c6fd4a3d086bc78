"""Check that the system libraries Qt needs are present, before anything imports Qt.

Qt aborts with an unhelpful message when one is missing; this names the Debian package instead.
Run by the Makefile after installing (python -m app.syscheck); exits 1 with an apt-get line.
"""
import ctypes
import os
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


# and for a real window on X11 (Qt's own message blames xcb-cursor0 whichever is missing)
NEEDED_X11 = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11-xcb.so.1": "libx11-xcb1",
}


def missing_packages() -> list[str]:
    needed = dict(NEEDED)
    if os.environ.get("DISPLAY"):
        needed.update(NEEDED_X11)
    missing = []
    for soname, package in needed.items():
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
