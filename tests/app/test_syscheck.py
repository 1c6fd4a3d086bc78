"""The `sitmon` entry point names the Debian packages of missing system libraries before Qt aborts.

A library is made "missing" the way the loader sees it: an empty file of its name first on LD_LIBRARY_PATH
(ctypes and Qt's plugin loader both fail on it, as they would without the package)."""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app import syscheck

ROOT = Path(__file__).resolve().parents[2]


def run_sitmon(tmp_path, *argv, broken=("libxcb-icccm.so.4", "libxcb-keysyms.so.1"), **env):
    libs = tmp_path / "libs"
    libs.mkdir(exist_ok=True)
    for soname in broken:
        (libs / soname).write_bytes(b"")
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "WAYLAND", "XDG_SESSION"))}
    environ.update(LD_LIBRARY_PATH=str(libs), DISPLAY=":99", SITMON_DATA_DIR=str(tmp_path / "data"), **env)
    return subprocess.run([sys.executable, "-m", "app", *argv], cwd=ROOT, env=environ, capture_output=True,
                          text=True, timeout=120)


def test_the_window_names_the_missing_x11_packages_before_qt_aborts(tmp_path):
    proc = run_sitmon(tmp_path, "--db", str(tmp_path / "x.sqlite"), QT_QPA_PLATFORM="xcb")
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.splitlines() == [
        "sitmon: Qt needs system libraries that are not installed on this machine.",
        "Install them with:  sudo apt-get install -y libxcb-icccm4 libxcb-keysyms1"]
    assert not (tmp_path / "x.sqlite").exists()  # refused before anything was opened


def test_commands_need_no_x11_library(tmp_path):
    proc = run_sitmon(tmp_path, "--db", str(tmp_path / "x.sqlite"), "status", "--date", "2023-08-15")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("site_id") and "apt-get" not in proc.stderr


@pytest.mark.parametrize("environ, xcb", [
    ({"DISPLAY": ":0"}, True), ({"QT_QPA_PLATFORM": "xcb"}, True), ({"QT_QPA_PLATFORM": "xcb:foo"}, True),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, False), ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "wayland"}, False),
    ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, False), ({}, False)])
def test_x11_libraries_are_checked_only_for_a_window_on_xcb(environ, xcb):
    assert syscheck.on_xcb(environ) is xcb


def test_every_xcb_library_of_qts_plugin_is_checked():
    """What the installed xcb plugin links against (ldd), so that the list stays complete."""
    import PySide6

    ldd = shutil.which("ldd")
    if ldd is None:
        pytest.skip("ldd is not installed")
    qt = Path(PySide6.__file__).parent / "Qt"
    linked = set()
    for lib in (qt / "plugins" / "platforms" / "libqxcb.so", qt / "lib" / "libQt6XcbQpa.so.6"):
        out = subprocess.run([ldd, str(lib)], capture_output=True, text=True, check=True).stdout
        linked |= {m for m in re.findall(r"^\s*(\S+)", out, re.M) if re.match(r"lib(xcb|X11-xcb|xkbcommon-x11)", m)}
    assert linked and linked <= set(syscheck.NEEDED_X11), sorted(linked - set(syscheck.NEEDED_X11))
