"""Repainting only the parts of the screen that changed, and nothing beside.

When widgets change, Textual's compositor joins every changed area into one
rectangle and, for each line of it, redraws every widget the rectangle
touches, whole. On the meeting screen a saved line changes the running
minute (the middle column) and the capture bar (across the bottom), so the
rectangle was the whole width from the minute's top to the bar: the agenda,
the side panes and every container were taken from their caches and cut up
again on each Enter, and each widget touched gave all of its rows, not just
the ones changed.

:class:`AreaCompositor` draws each group of overlapping changed areas on its
own, asking each widget it touches for the changed rows only. A piece of a
line between two widget edges is taken from the group it lies in, drawn by
every widget covering it in the same front-to-back order as Textual, so the
terminal receives exactly what Textual would send: the same spans, each
from the same widgets. ``tests/app/test_repaint.py`` applies every update
the meeting screen makes, as a terminal would, and compares the result with
Textual's whole-screen render after each step.

It overrides Textual's ``Compositor.render_partial_update`` and reads the
compositor's cuts and visible widgets, so it is tied to the Textual version
``pyproject.toml`` allows.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region
from textual.strip import Strip


def overlapping_groups(regions: Iterable[Region]) -> list[Region]:
    """The smallest rectangles around each group of overlapping regions
    (regions that merely touch stay apart)."""
    groups: list[Region] = []
    for region in regions:
        joined = True
        while joined:
            joined = False
            for index, group in enumerate(groups):
                if group.overlaps(region):
                    region = region.union(groups.pop(index))
                    joined = True
                    break
        groups.append(region)
    return groups


class AreaCompositor(Compositor):
    """A compositor whose partial updates draw each changed area apart."""

    def render_partial_update(self) -> ChopsUpdate | None:
        screen = self.size.region
        changed = self._dirty_regions.copy()
        self._dirty_regions.clear()
        if not changed:
            return None
        spans = list(self._regions_to_spans(changed))
        cuts = self.cuts
        chops: list[dict[int, Strip | None]] = [dict.fromkeys(line[:-1]) for line in cuts]
        for group in overlapping_groups(changed):
            area = group.intersection(screen)
            if area:
                self._draw_area(area, cuts, chops)
        return ChopsUpdate(chops, spans, [line[1:] for line in cuts])

    def _draw_area(
        self, area: Region, cuts: list[list[int]], chops: list[dict[int, Strip | None]]
    ) -> None:
        """Fill in the pieces of ``area``'s lines (each piece a span between
        two widget edges) from the widgets covering them, front first; a
        widget behind pieces already filled is not asked for its rows."""
        left, right = area.x, area.right
        top, bottom = area.y, area.bottom
        touches = area.overlaps
        # per line of the area, how many of its pieces are still to fill
        unfilled = {
            y: sum(
                1
                for cut, cut_end in zip(cuts[y], cuts[y][1:], strict=False)
                if cut_end > left and cut < right and chops[y][cut] is None
            )
            for y in range(top, bottom)
        }
        for widget, (region, clip) in self.visible_widgets.items():
            if not touches(clip):
                continue
            shown = region.intersection(clip)
            first, last = max(shown.y, top), min(shown.bottom, bottom)
            while first < last and not unfilled[first]:
                first += 1
            while last > first and not unfilled[last - 1]:
                last -= 1
            if first >= last:
                continue
            strips = widget.render_lines(
                Region(shown.x - region.x, first - region.y, shown.width, last - first)
            )
            start, end = shown.column_span
            for y, strip in zip(range(first, last), strips, strict=False):
                if not unfilled[y]:
                    continue
                edges = [cut for cut in cuts[y] if end >= cut >= start]
                pieces = strip.divide([cut - start for cut in edges[1:]])
                line = chops[y]
                for cut, cut_end, piece in zip(edges, edges[1:], pieces, strict=False):
                    if cut_end > left and cut < right and line[cut] is None:
                        line[cut] = piece
                        unfilled[y] -= 1
