"""Check that the system libraries Qt needs are present, before anything imports Qt.

Qt aborts with an unhelpful message when one is missing (its xcb plugin blames libxcb-cursor0 whichever is
missing); this names the Debian packages instead. Run by the `sitmon` entry point (app/__main__.py) before Qt
is imported, and by the Makefile after installing (python -m app.syscheck); exits 1 with an apt-get line.
Loading a dozen libraries that Qt loads anyway costs a few milliseconds.
"""
from __future__ import annotations

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

# and for a window on X11: what Qt's xcb plugin (libqxcb.so, libQt6XcbQpa.so.6) and its GLX integration load
NEEDED_X11 = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11-xcb.so.1": "libx11-xcb1",
}


def on_xcb(environ=os.environ) -> bool:
    """Whether Qt will open its window through X11 (the xcb platform): forced by QT_QPA_PLATFORM, else an X
    display outside a Wayland session."""
    platform = environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(":")[0] == "xcb"
    wayland = environ.get("XDG_SESSION_TYPE") == "wayland" and bool(environ.get("WAYLAND_DISPLAY"))
    return bool(environ.get("DISPLAY")) and not wayland


def missing_packages(x11: bool) -> list[str]:
    """The Debian packages whose libraries cannot be loaded (with those of a window on X11 when `x11`)."""
    needed = {**NEEDED, **NEEDED_X11} if x11 else NEEDED
    missing = []
    for soname, package in needed.items():
        try:
            ctypes.CDLL(soname)
        except OSError:
            missing.append(package)
    return missing


def refuse(missing: list[str]) -> int:
    """Name the packages to install (stderr, English: Qt's translations cannot be loaded yet); 1, or 0 if none."""
    if not missing:
        return 0
    print("sitmon: Qt needs system libraries that are not installed on this machine.", file=sys.stderr)
    print("Install them with:  sudo apt-get install -y " + " ".join(missing), file=sys.stderr)
    return 1


def check(window: bool) -> int:
    """Before Qt is imported: 1 (after naming the packages) when a library is missing, else 0. The X11 ones
    only when a window is to be opened on xcb."""
    if not sys.platform.startswith("linux"):
        return 0
    return refuse(missing_packages(window and on_xcb()))


def main() -> int:
    """`python -m app.syscheck` (the Makefile): the X11 libraries too when there is an X display."""
    if not sys.platform.startswith("linux"):
        return 0
    return refuse(missing_packages(bool(os.environ.get("DISPLAY"))))


if __name__ == "__main__":
    sys.exit(main())
