"""Export themes: ``themes/NAME/minutes.css``, found as package data.

The themes live in the repository's top-level ``themes/``; the package's
``minuteterm/themes`` is a link to it, so a checkout, an editable install
and an installed wheel (which carries the files themselves) all find them the
same way, through :mod:`importlib.resources`.
"""

from __future__ import annotations

import re
from importlib import resources
from importlib.abc import Traversable

from minuteterm.export.errors import ExportError

DEFAULT_THEME = "default"
STYLESHEET = "minutes.css"

#: A theme name is a plain folder name: no dots, slashes or spaces.
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


def theme_roots() -> list[Traversable]:
    """The folder that holds the themes (none if the package lost it)."""
    packaged = resources.files("minuteterm") / "themes"
    return [packaged] if packaged.is_dir() else []


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
