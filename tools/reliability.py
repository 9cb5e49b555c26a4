"""Keep docs/reliability.md honest: run the tests each promise names and
write their result into its "Last result" column.

    python tools/reliability.py            # run every row's tests once, rewrite the column
    python tools/reliability.py --check    # exit 1 if a test the page names does not exist
    python tools/reliability.py --rows 6c,9  # run and rewrite only these rows
    python tools/reliability.py -- -x      # arguments after -- go to pytest

A row's tests are the backticked names in its Tests column: ``file::test``
(every parameter of it), ``::test`` (in the file named before it in the same
cell) or ``file`` alone (every test in the file). Only the last column of a
row is ever rewritten. Standard library only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "reliability.md"
HEADER = re.compile(r"^\|\s*#\s*\|\s*Promise\s*\|\s*Tests\s*\|\s*Last result\s*\|\s*$")
CELL_SPLIT = re.compile(r"(?<!\\)\|")
NAME = re.compile(r"`([^`]+)`")
LAST_CELL = re.compile(r"^(?P<before>.*\|)(?P<cell>[^|]*)(?P<after>\|\s*)$")
#: Generous bounds: a collection, and a run of every row's tests on a slow machine.
COLLECT_TIMEOUT = 600
RUN_TIMEOUT = 3600


@dataclass
class Row:
    line: int  # index in the page's lines
    number: str
    names: list[str]  # "file" or "file::test"
    missing: list[str] = field(default_factory=list)
    tests: list[str] = field(default_factory=list)  # collected node ids it covers


def read_rows(lines: list[str]) -> list[Row]:
    """The promise table's rows, with the tests each one names."""
    rows: list[Row] = []
    in_table = False
    for index, text in enumerate(lines):
        if HEADER.match(text):
            in_table = True
            continue
        if not in_table:
            continue
        if not text.startswith("|"):
            if rows:
                break  # the table has ended
            continue
        cells = [cell.strip() for cell in CELL_SPLIT.split(text.strip())[1:-1]]
        if len(cells) != 4 or set(cells[0]) <= set("-: "):
            continue  # the rule under the header
        names: list[str] = []
        current_file = ""
        for name in NAME.findall(cells[2]):
            if name.startswith("::"):
                if not current_file:
                    raise SystemExit(f"row {cells[0]}: {name} follows no file")
                names.append(current_file + name)
            elif name.startswith("tests/"):
                current_file = name.split("::", 1)[0]
                names.append(name)
        if not names:
            raise SystemExit(f"row {cells[0]} names no test")
        rows.append(Row(index, cells[0], names))
    if not rows:
        raise SystemExit("no promise table found (| # | Promise | Tests | Last result |)")
    return rows


def python() -> str:
    """The project's Python: this one if it has pytest, else the checkout's .venv."""
    if importlib.util.find_spec("pytest") is not None:
        return sys.executable
    venv = ROOT / ".venv" / "bin" / "python"
    if venv.exists():
        return str(venv)
    raise SystemExit("no pytest: run with the project's Python (.venv/bin/python)")


def pytest(args: list[str], timeout: int) -> subprocess.CompletedProcess[str]:
    command = [python(), "-m", "pytest", "-p", "no:cacheprovider", *args]
    return subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
    )


def collect(rows: list[Row]) -> None:
    """Fill each row's collected tests and the names that do not exist."""
    files = sorted({name.split("::", 1)[0] for row in rows for name in row.names})
    present = [name for name in files if (ROOT / name).is_file()]
    collected: list[str] = []
    if present:
        done = pytest(["--collect-only", "-q", *present], COLLECT_TIMEOUT)
        collected = [line.strip() for line in done.stdout.splitlines() if "::" in line]
        if not collected:
            sys.stderr.write(done.stdout[-2000:] + done.stderr[-2000:])
            raise SystemExit("pytest collected nothing")
    for row in rows:
        for name in row.names:
            if "::" in name:
                found = [t for t in collected if t == name or t.startswith(name + "[")]
            else:
                found = [t for t in collected if t.startswith(name + "::")]
            if found:
                row.tests.extend(t for t in found if t not in row.tests)
            else:
                row.missing.append(name)


def junit_key(node_id: str) -> tuple[str, str]:
    """(classname, name) as pytest's --junitxml writes them for a node id."""
    parts = node_id.split("::")
    module = parts[0].removesuffix(".py").replace("/", ".")
    return ".".join([module, *parts[1:-1]]), parts[-1]


def run(rows: list[Row], extra: list[str]) -> dict[str, str]:
    """Run every non-pending row's tests in one pytest run: node id -> outcome."""
    wanted = sorted({name for row in rows if not row.missing for name in row.names})
    whole_files = {name for name in wanted if "::" not in name}
    wanted = [n for n in wanted if "::" not in n or n.split("::", 1)[0] not in whole_files]
    if not wanted:
        return {}
    with tempfile.TemporaryDirectory(prefix="reliability-") as folder:
        report = Path(folder) / "junit.xml"
        pytest(
            [*wanted, f"--junitxml={report}", "-q", "--continue-on-collection-errors", *extra],
            RUN_TIMEOUT,
        )
        if not report.exists():
            raise SystemExit("pytest wrote no report")
        tree = ET.parse(report)
    outcomes: dict[tuple[str, str], str] = {}
    for case in tree.iter("testcase"):
        key = (case.get("classname", ""), case.get("name", ""))
        if case.find("failure") is not None or case.find("error") is not None:
            outcome = "failed"
        elif case.find("skipped") is not None:
            outcome = "skipped"
        else:
            outcome = "passed"
        if outcomes.get(key, "passed") == "passed":  # a teardown error follows its pass
            outcomes[key] = outcome
    node_ids = {t for row in rows for t in row.tests}
    return {t: outcomes.get(junit_key(t), "not run") for t in node_ids}


def result(row: Row, outcomes: dict[str, str], today: str) -> str:
    if row.missing:
        return "pending"
    seen = [outcomes.get(t, "not run") for t in row.tests]
    failed = sum(o in ("failed", "not run") for o in seen)
    skipped = seen.count("skipped")
    if failed:
        return f"FAILED on {today} ({failed} of {len(seen)})"
    if skipped:
        return f"SKIPPED on {today} ({skipped} of {len(seen)})"
    return f"passed on {today}"


def rewrite(lines: list[str], rows: list[Row], outcomes: dict[str, str], today: str) -> None:
    for row in rows:
        match = LAST_CELL.match(lines[row.line])
        if match is None:
            raise SystemExit(f"row {row.number}: cannot find its last cell")
        lines[row.line] = (
            f"{match['before']} {result(row, outcomes, today)} {match['after'].lstrip()}"
        )


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    extra: list[str] = []
    if "--" in argv:
        cut = argv.index("--")
        argv, extra = argv[:cut], argv[cut + 1 :]
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check every test exists")
    parser.add_argument("--doc", type=Path, default=DOC, help="the page (docs/reliability.md)")
    parser.add_argument("--rows", help="run and rewrite only these rows, e.g. 6c,9")
    options = parser.parse_args(argv)

    text = options.doc.read_text(encoding="utf-8")
    lines = text.split("\n")
    rows = read_rows(lines)
    collect(rows)
    missing = [(row.number, name) for row in rows for name in row.missing]
    named = sum(len(row.names) for row in rows)
    for number, name in missing:
        print(f"row {number}: no test {name}", file=sys.stderr)
    if options.check:
        if missing:
            print(f"{len(missing)} of {named} tests named do not exist", file=sys.stderr)
            return 1
        covered = len({t for row in rows for t in row.tests})
        print(f"{len(rows)} promises, {named} names, {covered} tests: every one exists")
        return 0

    if options.rows:
        chosen = {number.strip() for number in options.rows.split(",") if number.strip()}
        unknown = chosen - {row.number for row in rows}
        if unknown:
            print(f"no row {', '.join(sorted(unknown))}", file=sys.stderr)
            return 2
        rows = [row for row in rows if row.number in chosen]
    today = dt.datetime.now(dt.UTC).date().isoformat()
    outcomes = run(rows, extra)
    rewrite(lines, rows, outcomes, today)
    new_text = "\n".join(lines)
    temporary = options.doc.with_name(options.doc.name + ".tmp")
    temporary.write_text(new_text, encoding="utf-8")
    os.replace(temporary, options.doc)
    results = [result(row, outcomes, today) for row in rows]
    for row, said in zip(rows, results, strict=True):
        print(f"{row.number}: {said}")
        for test in row.tests if not row.missing else []:
            if outcomes.get(test, "not run") != "passed":
                print(f"    {outcomes.get(test, 'not run')}: {test}")
    return 0 if all(said == f"passed on {today}" for said in results) else 1


if __name__ == "__main__":
    sys.exit(main())
