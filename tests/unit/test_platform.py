"""Runs where clerks are: the default database goes where the platform
keeps user data (an existing database where earlier versions kept it stays
in use), and the app asks only for the stop signals the platform has."""

from __future__ import annotations

import signal
from pathlib import Path

import platformdirs
import pytest

from minuteterm.cli import default_db_path
from minuteterm.tui.app import stop_signals


@pytest.fixture
def mac_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """platformdirs answering as it does on macOS."""
    folder = tmp_path / "home" / "Library" / "Application Support" / "minuteterm"

    def user_data_dir(appname: str, appauthor: object = None, **_: object) -> str:
        assert appname == "minuteterm"
        return str(folder)

    monkeypatch.setattr(platformdirs, "user_data_dir", user_data_dir)
    return folder


def test_a_new_clerk_gets_the_platforms_user_data_folder(mac_data_dir: Path) -> None:
    assert default_db_path() == mac_data_dir / "minuteterm.db"


def test_a_database_where_earlier_versions_kept_it_stays_in_use(
    mac_data_dir: Path, tmp_path: Path
) -> None:
    earlier = tmp_path / "data" / "minuteterm" / "minuteterm.db"  # $XDG_DATA_HOME in tests
    earlier.parent.mkdir(parents=True)
    earlier.write_bytes(b"")
    assert default_db_path() == earlier


def test_minuteterm_db_still_chooses_the_file(
    mac_data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MINUTETERM_DB", str(tmp_path / "chosen.db"))
    assert default_db_path() == tmp_path / "chosen.db"


def test_the_app_stops_on_the_signals_the_platform_has(monkeypatch: pytest.MonkeyPatch) -> None:
    assert stop_signals() == [signal.SIGTERM, signal.SIGHUP]
    monkeypatch.delattr(signal, "SIGHUP")  # as on Windows
    assert stop_signals() == [signal.SIGTERM]
