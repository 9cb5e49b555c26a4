"""Shared helpers for the benchmark scripts (not a test, not shipped)."""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_ARCHIVE = Path(tempfile.gettempdir()) / "minuteterm-bench" / "archive.db"

#: Every verdict printed in this process, for run_all's summary.
VERDICTS: list[tuple[str, str]] = []


def arguments(
    description: str, runs: int, more: Callable[[argparse.ArgumentParser], None] | None = None
) -> argparse.Namespace:
    """``--archive PATH`` (built at ``--scale`` if missing) and ``--runs N``
    (and whatever options ``more`` adds)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--archive", type=Path, default=DEFAULT_ARCHIVE)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=runs)
    if more is not None:
        more(parser)
    args = parser.parse_args()
    ensure_archive(args.archive, args.scale)
    return args


def ensure_archive(path: Path, scale: float) -> None:
    """Build the archive with make_archive.py unless it is already there."""
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, str(HERE / "make_archive.py"), str(path), "--scale", str(scale)],
        check=True,
    )


@contextmanager
def archive_copy(path: Path) -> Iterator[Path]:
    """A throwaway copy of the archive, for benchmarks that write."""
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "archive.db"
        shutil.copyfile(path, target)
        yield target


def live_meeting(store) -> int:  # store: minuteterm.db.store.Store
    """The first committee's newest (live) meeting."""
    (row,) = store.query(
        "select id from meetings where committee_id = 1 order by starts_at desc limit 1"
    )
    return int(row["id"])


def p95(samples: Sequence[float]) -> float:
    """The 95th percentile, as :func:`report` prints it."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def report(
    label: str,
    samples: Sequence[float],
    target: float | None,
    unit: str = "ms",
    figure: str = "median",
) -> bool:
    """Print median, min and max (and p95 with enough samples) against a
    target; ``figure`` says which statistic must meet it."""
    ordered = sorted(samples)
    stats = {
        "median": statistics.median(ordered),
        "min": ordered[0],
        "max": ordered[-1],
        "p95": p95(ordered),
    }
    extra = f"  p95 {stats['p95']:8.2f}" if len(ordered) >= 20 else ""
    print(
        f"{label:<44} median {stats['median']:8.2f}  min {stats['min']:8.2f}  "
        f"max {stats['max']:8.2f}{extra} {unit}  (n={len(ordered)})  ",
        end="",
    )
    if target is None:
        print("(reference)")
        return True
    passed = stats[figure] <= target
    verdict = "PASS" if passed else "FAIL"
    print(f"target {figure} <= {target:.4g} {unit}: {verdict}")
    VERDICTS.append((label, verdict))
    return passed


def verdict_line(label: str, value: float, target: float, unit: str) -> bool:
    """One computed figure (a ratio, say) against its target."""
    passed = value <= target
    verdict = "PASS" if passed else "FAIL"
    print(f"{label:<44} {value:8.2f} {unit}   target <= {target:g} {unit}: {verdict}")
    VERDICTS.append((label, verdict))
    return passed
