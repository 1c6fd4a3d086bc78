"""sitmon works offline: the CLI and the main window open no socket. Python's socket module is
blocked (anything that tries fails loudly) and the process's own inet connections are counted by
the operating system (psutil), which also catches sockets opened from C++ (Qt)."""
import socket

import psutil
import pytest


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise NetworkUsed(f"network use at run time: {args!r}")

    class Socket(socket.socket):
        def __init__(self, family=-1, *args, **kwargs):
            if family in (socket.AF_INET, socket.AF_INET6, -1):
                refuse(family, *args)
            super().__init__(family, *args, **kwargs)

    monkeypatch.setattr(socket, "socket", Socket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "socketpair"):
        monkeypatch.setattr(socket, name, refuse)
    before = {c.laddr for c in psutil.Process().net_connections(kind="inet")}
    yield
    after = {c.laddr for c in psutil.Process().net_connections(kind="inet")}
    assert after <= before, f"inet sockets opened: {after - before}"


def test_cli_status_uses_no_network(no_network, tmp_path, capsys):
    from app.cli import main

    assert main.main(["--db", str(tmp_path / "x.sqlite"), "status", "--date", "2023-08-15"]) == 0
    assert "handed-over" in capsys.readouterr().out


def test_main_window_uses_no_network(no_network, qtbot, tmp_path):
    from app.gui import open_state
    from app.main_window import MainWindow

    window = MainWindow(open_state(tmp_path / "x.sqlite", "en"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.isVisible()


def test_the_guard_stops_a_connection(no_network):
    with pytest.raises(NetworkUsed):
        socket.create_connection(("192.0.2.1", 80))
    with pytest.raises(NetworkUsed):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
