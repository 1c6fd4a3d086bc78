"""Driving the real program on an X display from outside, as a user would.

`Program` runs `python -m app` in its own process group with a private home (no user settings leak in);
`Desktop` lists the visible top-level windows, types keys into one (xdotool) and takes screenshots (xwd, turned
into PNG here: no ImageMagick). There is no window manager on Xvfb: no decorations, no EWMH, so windows are
focused with XSetInputFocus (`xdotool windowfocus`), never `windowactivate`.

Every wait is bounded and ends early when the program exits. A test extends the smoke run like this:

    window = desktop.wait_for_window(r"^sitmon —", program)
    desktop.send_keys(window.id, "alt+f", "e")                  # File > Export incidents…
    dialog = desktop.wait_for_window(r"^Export incidents$", program)
    ...
    desktop.wait_alone(window, program)                         # no dialog left open, nor one showing late
"""
from __future__ import annotations

import os
import re
import signal
import struct
import subprocess
import sys
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from tests import services

ROOT = Path(__file__).resolve().parents[2]

# stderr lines a healthy run may print (the offscreen plugin's, should a test run there; none seen under xcb)
HARMLESS = [re.compile(r"This plugin does not support propagateSizeHints\(\)")]


@dataclass(frozen=True)
class Window:
    id: str
    title: str


class Program:
    """`python -m app ARGS` on `display`, with HOME, XDG folders and SITMON_DATA_DIR in `home`. A context
    manager: on leaving, a program still running is stopped with its whole process group (TERM, then KILL)."""

    def __init__(self, args: list[str], display: str, home: Path):
        self.home = home
        for folder in ("home", "config", "data", "cache", "sitmon-data", "runtime"):
            (home / folder).mkdir(parents=True, exist_ok=True)
        (home / "runtime").chmod(0o700)
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("QT_", "SITMON_", "XDG_")) and k not in {"WAYLAND_DISPLAY", "DISPLAY"}}
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", HOME=str(home / "home"),
                   XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
                   XDG_CACHE_HOME=str(home / "cache"), XDG_RUNTIME_DIR=str(home / "runtime"),
                   SITMON_DATA_DIR=str(home / "sitmon-data"))
        self.stdout_path, self.stderr_path = home / "stdout.txt", home / "stderr.txt"
        with open(self.stdout_path, "wb") as out, open(self.stderr_path, "wb") as err:
            self.proc = subprocess.Popen([sys.executable, "-m", "app", *args], cwd=ROOT, env=env,
                                         stdin=subprocess.DEVNULL, stdout=out, stderr=err, start_new_session=True)

    def __enter__(self) -> Program:
        return self

    def __exit__(self, *exc) -> None:
        self.kill()

    def running(self) -> bool:
        return self.proc.poll() is None

    def pause(self, seconds: float) -> None:
        """Wait up to `seconds`, less if the program exits: the wait between two looks at an outside process."""
        try:
            self.proc.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            pass

    def wait(self, timeout: float) -> int:
        """Its exit code; AssertionError (with what it printed) when it runs past `timeout` seconds."""
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"sitmon still running after {timeout:.0f} s\n{self.output()}") from None

    def kill(self) -> None:
        if self.proc.poll() is not None:
            return
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(self.proc.pid, sig)
                self.proc.wait(timeout=5)
                return
            except ProcessLookupError:
                return
            except subprocess.TimeoutExpired:
                continue

    def stderr(self) -> str:
        return self.stderr_path.read_text(errors="replace")

    def unexpected_stderr(self) -> list[str]:
        """stderr lines but for the known harmless ones."""
        return [line for line in self.stderr().splitlines()
                if line.strip() and not any(p.search(line) for p in HARMLESS)]

    def output(self) -> str:
        return (f"exit code: {self.proc.poll()}\nstdout:\n{self.stdout_path.read_text(errors='replace')}\n"
                f"stderr:\n{self.stderr()}")


class Desktop:
    """The X display's windows, keyboard and screen, through xdotool and xwd."""

    def __init__(self, display: str):
        self.display = display
        self.env = {**os.environ, "DISPLAY": display}
        self.xdotool_exe = services.require_program("xdotool", "xdotool")
        self.xwd_exe = services.require_program("xwd", "x11-apps")
        self.root = self.xdotool("search", "--maxdepth", "0", "--name", "").split()[0]

    def xdotool(self, *args: str, timeout: float = 15) -> str:
        result = subprocess.run([self.xdotool_exe, *args], env=self.env, capture_output=True, text=True,
                                timeout=timeout)
        if result.returncode and not (args[0] == "search" and not result.stdout):  # search finds none: rc 1
            raise RuntimeError(f"xdotool {' '.join(args)}: rc {result.returncode}: {result.stderr.strip()}")
        return result.stdout

    def windows(self) -> list[Window]:
        """The visible top-level windows (dialogs, menus and tooltips included), oldest first."""
        ids = self.xdotool("search", "--onlyvisible", "--maxdepth", "1", "--name", "").split()
        found = []
        for i in ids:
            if i == self.root:
                continue
            try:
                found.append(Window(i, self.xdotool("getwindowname", i).rstrip("\n")))
            except RuntimeError as exc:  # closed between the search and the question (a progress box): gone
                if "BadWindow" not in str(exc):
                    raise
        return found

    def wait_for_window(self, title: str, program: Program, timeout: float = 60) -> Window:
        """The first visible top-level window whose title matches the regular expression `title`."""
        deadline = time.monotonic() + timeout
        while True:
            found = [w for w in self.windows() if re.search(title, w.title)]
            if found:
                return found[0]
            if not program.running():
                raise AssertionError(f"sitmon exited before a window titled {title!r} appeared\n{program.output()}")
            if time.monotonic() > deadline:
                raise AssertionError(f"no window titled {title!r} after {timeout:.0f} s; windows: {self.windows()}\n"
                                     f"{program.output()}")
            program.pause(0.1)

    def wait_alone(self, window: Window, program: Program, calm: float = 1.5, timeout: float = 30) -> None:
        """Until `window` is the only visible top-level window and stays so for `calm` seconds: a dialog that
        shows itself late (QProgressDialog's own timer, after 400 ms) is seen. AssertionError naming what
        else is open."""
        deadline = time.monotonic() + timeout
        alone_since = None
        while True:
            others = [w for w in self.windows() if w.id != window.id]
            now = time.monotonic()
            if others:
                alone_since = None
            elif alone_since is None:
                alone_since = now
            elif now - alone_since >= calm:
                return
            if not program.running():
                raise AssertionError(f"sitmon exited while waiting for its window alone\n{program.output()}")
            if now > deadline:
                raise AssertionError(f"still open after {timeout:.0f} s: {others}\n{program.output()}")
            program.pause(0.1)

    def send_keys(self, window_id: str, *keys: str) -> None:
        """Give the window the keyboard focus, then type the keys (xdotool names: "ctrl+q", "Return", "alt+f")."""
        self.xdotool("windowfocus", "--sync", window_id, "key", "--clearmodifiers", *keys)

    def press(self, *keys: str) -> None:
        """Type keys into whatever has the keyboard now (an open menu keeps it: focusing a window would close it)."""
        self.xdotool("key", "--clearmodifiers", *keys)

    def wait_for_more(self, than: list[Window], program: Program, timeout: float = 30) -> Window:
        """The first visible top-level window not in `than` (a menu just opened, a dialog)."""
        deadline = time.monotonic() + timeout
        known = {w.id for w in than}
        while True:
            new = [w for w in self.windows() if w.id not in known]
            if new:
                return new[0]
            if not program.running() or time.monotonic() > deadline:
                raise AssertionError(f"no new window after {timeout:.0f} s: {self.windows()}\n{program.output()}")
            program.pause(0.05)

    def type_text(self, window_id: str, text: str) -> None:
        self.xdotool("windowfocus", "--sync", window_id, "type", "--delay", "20", text)

    def capture(self) -> np.ndarray:
        """The whole screen as an RGB array (height, width, 3)."""
        dump = subprocess.run([self.xwd_exe, "-root", "-silent"], env=self.env, capture_output=True, timeout=30,
                              check=True).stdout
        return xwd_to_rgb(dump)

    def screenshot(self, path: Path, program: Program, tries: int = 40) -> np.ndarray:
        """Save the screen to `path` (PNG) once it has settled: two captures a quarter second apart alike
        (a window is mapped before it has painted). Bounded: after `tries` it saves the last capture."""
        image = self.capture()
        for _ in range(tries):
            program.pause(0.25)
            again = self.capture()
            if np.array_equal(again, image):
                break
            image = again
        write_png(path, image)
        return image


def xwd_to_rgb(dump: bytes) -> np.ndarray:
    """An xwd dump (X Window Dump version 7, ZPixmap, TrueColor) as an RGB array. Xvfb's depth 24 dumps
    say 24 bits per pixel yet store 4 bytes per pixel (bytes_per_line = 4 × width): the stride decides."""
    (header_size, version, pixmap_format, _depth, width, height, _xoffset, byte_order, _unit, _bit_order, _pad,
     bits_per_pixel, bytes_per_line, visual_class, red_mask, green_mask, blue_mask, _bits_rgb, _entries,
     ncolors) = struct.unpack(">20I", dump[:80])
    if version != 7 or pixmap_format != 2 or visual_class not in (4, 5) or bits_per_pixel not in (24, 32):
        raise ValueError(f"unsupported xwd dump: version {version}, format {pixmap_format}, "
                         f"visual class {visual_class}, {bits_per_pixel} bits per pixel")
    size = 4 if bytes_per_line >= 4 * width else 3
    offset = header_size + 12 * ncolors
    rows = np.frombuffer(dump, np.uint8, count=bytes_per_line * height, offset=offset).reshape(height, bytes_per_line)
    pixels = rows[:, :size * width].reshape(height, width, size).astype(np.uint32)
    order = range(size) if byte_order == 0 else reversed(range(size))  # 0: least significant byte first
    value = sum(pixels[:, :, i] << (8 * shift) for shift, i in enumerate(order))
    channels = []
    for mask in (red_mask, green_mask, blue_mask):
        shift = (mask & -mask).bit_length() - 1
        top = mask >> shift
        channels.append(((value & mask) >> shift) * 255 // top)
    return np.stack(channels, axis=-1).astype(np.uint8)


def write_png(path: Path, rgb: np.ndarray) -> None:
    """An RGB array as an 8-bit PNG (zlib and struct: no imaging library)."""
    height, width, _ = rgb.shape
    raw = np.concatenate([np.zeros((height, 1), np.uint8), rgb.reshape(height, width * 3)], axis=1).tobytes()

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))
