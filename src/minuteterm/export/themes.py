"""Export themes: ``themes/NAME/minutes.css``, found wherever MinuteTerm is.

An installed wheel carries them as package data (``minuteterm/themes``,
mapped from the repository's top-level ``themes/`` by hatch's
``force-include``); an editable install reads the repository folder itself.
"""

from __future__ import annotations

import re
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from minuteterm.export.errors import ExportError

DEFAULT_THEME = "default"
STYLESHEET = "minutes.css"

#: A theme name is a plain folder name: no dots, slashes or spaces.
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")

#: src/minuteterm/export/themes.py -> parents[3] is the repository root.
_REPO_THEMES = Path(__file__).resolve().parents[3] / "themes"


def theme_roots() -> list[Traversable]:
    """Folders that may hold themes: the packaged one first, then the repo's."""
    roots: list[Traversable] = []
    packaged = resources.files("minuteterm") / "themes"
    if packaged.is_dir():
        roots.append(packaged)
    if _REPO_THEMES.is_dir():
        roots.append(_REPO_THEMES)
    return roots


def available_themes() -> tuple[str, ...]:
    """The names of every theme that has a stylesheet, sorted."""
    names = {
        child.name
        for root in theme_roots()
        for child in root.iterdir()
        if _NAME.match(child.name) and (child / STYLESHEET).is_file()
    }
    return tuple(sorted(names))


def load_theme_css(name: str = DEFAULT_THEME) -> str:
    """The stylesheet of theme ``name``; :class:`ExportError` if there is none.

    The CSS is inlined into a ``<style>`` element, so a stylesheet that could
    close that element early is refused.
    """
    if _NAME.match(name):
        for root in theme_roots():
            sheet = root / name / STYLESHEET
            if sheet.is_file():
                return _checked(name, sheet.read_text(encoding="utf-8"))
    known = ", ".join(available_themes()) or "none installed"
    raise ExportError(f"unknown theme {name!r}: available themes are {known}")


def _checked(name: str, css: str) -> str:
    if "</style" in css.lower():
        raise ExportError(f"theme {name!r}: {STYLESHEET} must not contain '</style'")
    return css
