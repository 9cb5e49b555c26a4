"""The built wheel, installed in a fresh virtual environment (not editable),
still has its themes: the demo exports to HTML with each theme's CSS inlined,
and to Word with python-docx installed as a dependency."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def sh(*command: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(part) for part in command],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=cwd,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_installed_wheel_exports_html_with_its_theme(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    sh(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", dist, ROOT)
    (wheel,) = dist.glob("minuteterm-*.whl")

    env_dir = tmp_path / "fresh"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    sh(python, "-m", "pip", "install", "--quiet", wheel)

    work = tmp_path / "work"
    work.mkdir()
    db = work / "minutes.db"
    meeting = sh(env_dir / "bin" / "minuteterm", "demo", "--no-open", "--db", db, cwd=work)

    def export(fmt: str, target: Path, *options: str) -> Path:
        out = sh(
            env_dir / "bin" / "minuteterm",
            "export",
            meeting.stdout.strip(),
            "--format",
            fmt,
            *options,
            "-o",
            target,
            "--db",
            db,
            cwd=work,
        )
        return Path(out.stdout.strip())

    for theme in ("default", "classic"):
        written = export("html", work / f"{theme}.html", "--theme", theme)
        html = written.read_text(encoding="utf-8")
        css = (ROOT / "themes" / theme / "minutes.css").read_text(encoding="utf-8")
        assert css.strip() and css.strip() in html, theme
        assert "<link" not in html
        assert "RESOLVED" in html

    word = export("docx", work)
    assert word.suffix == ".docx" and word.parent == work
    check = "import docx, sys; print(docx.Document(sys.argv[1]).paragraphs[0].style.name)"
    assert sh(python, "-c", check, word).stdout.strip() == "Heading 1"

    # publishing ships its Datasette plugin inside the package
    site = work / "site"
    sh(env_dir / "bin" / "minuteterm", "publish", "-o", site, "--db", db, cwd=work)
    plugin = (site / "plugins" / "minuteterm_links.py").read_text(encoding="utf-8")
    assert "def render_cell" in plugin
    assert (site / "minutes" / "index.html").is_file()
