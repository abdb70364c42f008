"""The Insights dock: the map's findings as four charts, and clicking a bar or point
chooses the touchpoints behind it (`touchpoints_chosen`).

1. Ratings per phase: average customer and company rating of each phase (the curve).
2. Company vs customer: one point per touchpoint rated by both, the diagonal where they
   agree; blind spots (the company 2+ points above its customers) stand off it in red.
3. Channel mix: owned/paid/earned and digital/analog touchpoints per phase.
4. Owners: touchpoints per owner, their weak spots as a darker part of the bar.

The numbers come from `tpmapper.analysis.analyze`; only the channel mix per phase is
counted here (the findings have no such field). pyqtgraph (about 1 s to import) is
imported by this module alone, and the main window imports this module only when the
dock is first shown.
"""

from __future__ import annotations

import html
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from enum import Enum

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from tpmapper.analysis import Findings, analyze
from tpmapper.analysis.compute import BLIND_SPOT_GAP
from tpmapper.model.elements import Touchpoint
from tpmapper.model.values import RATING_MAX, RATING_MIN
from tpmapper.model.vocabulary import Medium, Ownership
from tpmapper.render import labels, style
from tpmapper.ui.live_view import LiveView

# No OpenGL (offscreen and remote desktops lack it); black on white like the map.
pg.setConfigOptions(antialias=True, useOpenGL=False, background="w", foreground="k")

#: Edits come in bursts (typing, dragging); the charts are redrawn once they pause.
REFRESH_DELAY_MS = 300
CUSTOMER_COLOUR = style.SELECTION_COLOUR
COMPANY_COLOUR = style.COMPANY_COLOUR  # as the curve draws the company's ratings
WARNING_COLOUR = style.PAIN_COLOUR
UNDERRATED_COLOUR = style.POSITIVE_COLOUR
AGREEING_COLOUR = style.LINK_COLOUR
UNSET_COLOUR = style.UNRATED_COLOUR
MIX_COLOURS: dict[Enum | None, str] = {
    Ownership.OWNED: "#1565c0",
    Ownership.PAID: "#ef6c00",
    Ownership.EARNED: "#2e7d32",
    Medium.DIGITAL: "#5e35b1",
    Medium.ANALOG: "#8d6e63",
    None: UNSET_COLOUR,
}
OWNER_COLOUR = "#90a4ae"
WEAK_COLOUR = "#b71c1c"
BAR_WIDTH = 0.6
JITTER_STEP = 0.18  # along the diagonal, between touchpoints with equal ratings
JITTER_SPAN = 0.6  # at most, so a crowded pair of ratings stays in its own square
POINT_SIZE = 11
FONT_POINTS = 10


class Bars(pg.BarGraphItem):
    """Bars that know the touchpoints behind each one; a left click on one emits them."""

    chosen = Signal(list)

    def __init__(
        self, rects: Sequence[QRectF], ids: Sequence[Sequence[str]], name: str, colour: str
    ) -> None:
        self.rects = list(rects)
        self.ids = [list(group) for group in ids]
        super().__init__(
            x0=[r.left() for r in self.rects],
            y0=[r.top() for r in self.rects],
            width=[r.width() for r in self.rects],
            height=[r.height() for r in self.rects],
            brush=QColor(colour),
            pen=pg.mkPen(QColor(colour).darker(140), width=1),
            name=name,
        )

    def mouseClickEvent(self, ev) -> None:  # pyqtgraph's click, in this item's coordinates
        if ev.button() == Qt.MouseButton.LeftButton:
            for rect, ids in zip(self.rects, self.ids, strict=True):
                if rect.contains(ev.pos()):
                    ev.accept()
                    self.chosen.emit(ids)
                    return
        ev.ignore()


def _column(x: float, bottom: float, height: float) -> QRectF:
    return QRectF(x - BAR_WIDTH / 2, bottom, BAR_WIDTH, height)


def jittered(pairs: Sequence[tuple[int, int]]) -> list[tuple[float, float]]:
    """Each (customer, company) pair as a point, those with equal pairs spread evenly
    along the diagonal around it: visible apart, yet each as far off the diagonal as
    its ratings are apart. Deterministic: the same pairs give the same points."""
    counts = Counter(pairs)
    seen: Counter[tuple[int, int]] = Counter()
    points = []
    for pair in pairs:
        count, index = counts[pair], seen[pair]
        seen[pair] += 1
        step = min(JITTER_STEP, JITTER_SPAN / (count - 1)) if count > 1 else 0.0
        shift = (index - (count - 1) / 2) * step * 0.7071
        points.append((pair[0] + shift, pair[1] + shift))
    return points


class InsightsDock(LiveView):
    """Four charts of the open map; `set_document` chooses the map."""

    #: The ids of the touchpoints behind a clicked bar, bar segment or point.
    touchpoints_chosen = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(REFRESH_DELAY_MS, parent)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        #: Each chart's legend: a label above it, so that it never hides a bar or point.
        self.legends: dict[pg.PlotWidget, QLabel] = {}
        self.legend_titles: dict[pg.PlotWidget, str] = {}
        self.ratings_plot = self._plot(self.tr("Average rating"), self.tr("Phase"))
        self.tabs.addTab(self._page(self.ratings_plot), self.tr("Ratings per phase"))

        self.scatter_plot = self._plot(self.tr("Company rating"), self.tr("Customer rating"))
        self.tabs.addTab(self._page(self.scatter_plot), self.tr("Company vs customer"))

        self.ownership_plot = self._plot(self.tr("Touchpoints"), "")
        self.legend_titles[self.ownership_plot] = self.tr("Owned, paid, earned")
        self.medium_plot = self._plot(self.tr("Touchpoints"), self.tr("Phase"))
        self.legend_titles[self.medium_plot] = self.tr("Digital, analog")
        self.tabs.addTab(self._page(self.ownership_plot, self.medium_plot), self.tr("Channel mix"))

        self.owners_plot = self._plot("", self.tr("Touchpoints"))
        self.owners_plot.getPlotItem().invertY(True)  # the busiest owner on top
        self.tabs.addTab(self._page(self.owners_plot), self.tr("Owners"))

        # the chart items of the last refresh, by what they show (tests read their data)
        self.customer_bars: Bars | None = None
        self.company_bars: Bars | None = None
        self.points: list[pg.ScatterPlotItem] = []
        self.ownership_bars: dict[Ownership | None, Bars] = {}
        self.medium_bars: dict[Medium | None, Bars] = {}
        self.owner_bars: Bars | None = None
        self.weak_bars: Bars | None = None

    # ------------------------------------------------------------------ document
    def redraw(self) -> None:
        for plot in self._plots():
            plot.clear()
        self.customer_bars = self.company_bars = self.owner_bars = self.weak_bars = None
        self.points, self.ownership_bars, self.medium_bars = [], {}, {}
        if self.document is None:
            return
        journey = self.document.journey
        findings = analyze(journey)
        touchpoints = journey.touchpoints()
        self._draw_ratings(findings, touchpoints)
        self._draw_scatter(findings, touchpoints)
        self._draw_mix(findings, touchpoints)
        self._draw_owners(findings, touchpoints)

    # ------------------------------------------------------------------ charts
    def _plots(self) -> list[pg.PlotWidget]:
        return [
            self.ratings_plot,
            self.scatter_plot,
            self.ownership_plot,
            self.medium_plot,
            self.owners_plot,
        ]

    def _plot(self, left: str, bottom: str) -> pg.PlotWidget:
        widget = pg.PlotWidget()
        widget.setMinimumSize(200, 150)
        item = widget.getPlotItem()
        item.setMenuEnabled(False)  # a chart, not a plot to explore: no zoom, no menu
        item.setMouseEnabled(x=False, y=False)
        item.hideButtons()
        font = QFont(widget.font())
        font.setPointSize(FONT_POINTS)
        for side, text in (("left", left), ("bottom", bottom)):
            axis = item.getAxis(side)
            axis.setStyle(tickFont=font)
            axis.setTextPen(style.TEXT_COLOUR)
            axis.setPen(style.MUTED_TEXT)
            if text:
                item.setLabel(
                    side, text, color=style.TEXT_COLOUR, **{"font-size": f"{FONT_POINTS}pt"}
                )
        legend = QLabel()
        legend.setTextFormat(Qt.TextFormat.RichText)
        legend.setWordWrap(True)
        legend.setStyleSheet(f"background: white; color: {style.TEXT_COLOUR}; padding: 4px 8px;")
        self.legends[widget] = legend
        return widget

    def _page(self, *plots: pg.PlotWidget) -> QWidget:
        """A tab: each plot below its legend."""
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for plot in plots:
            layout.addWidget(self.legends[plot])
            layout.addWidget(plot, 1)
        return page

    def _set_legend(self, plot: pg.PlotWidget, entries: list[tuple[str, str, str]]) -> None:
        """(symbol, colour, text) for each entry, after the plot's title if it has one."""
        title = self.legend_titles.get(plot)
        self.legends[plot].setText(
            (f"<b>{html.escape(title)}:</b>&nbsp;&nbsp; " if title else "")
            + "&nbsp;&nbsp;&nbsp; ".join(
                f'<span style="color: {colour}; font-weight: bold;">{symbol}</span>'
                f"&nbsp;{html.escape(text)}"
                for symbol, colour, text in entries
            )
        )

    def _add_bars(
        self,
        plot: pg.PlotWidget,
        rects: list[QRectF],
        ids: list[list[str]],
        name: str,
        colour: str,
    ) -> Bars:
        bars = Bars(rects, ids, name, colour)
        bars.chosen.connect(self.touchpoints_chosen)
        plot.addItem(bars)
        return bars

    @staticmethod
    def _count_axis(plot: pg.PlotWidget, side: str, most: int) -> None:
        """Whole numbers only on an axis of counts up to `most`."""
        step = max(1, math.ceil(most / 6))
        ticks = [(k, str(k)) for k in range(0, most + step, step)]
        plot.getPlotItem().getAxis(side).setTicks([ticks, []])

    @staticmethod
    def _phase_axis(plot: pg.PlotWidget, findings: Findings) -> None:
        ticks = [(index, point.name) for index, point in enumerate(findings.curve)]
        plot.getPlotItem().getAxis("bottom").setTicks([ticks, []])
        plot.setXRange(-0.6, len(ticks) - 0.4, padding=0)

    def _draw_ratings(self, findings: Findings, touchpoints: list[Touchpoint]) -> None:
        plot = self.ratings_plot
        half = BAR_WIDTH / 2
        series: list[tuple[str, str, Callable[[Touchpoint], int | None], float]] = [
            ("customer", self.tr("Customer rating"), lambda tp: tp.customer_rating, -half / 2),
            ("company", self.tr("Company rating"), lambda tp: tp.company_rating, half / 2),
        ]
        for key, name, rating, offset in series:
            rects, ids = [], []
            for index, point in enumerate(findings.curve):
                average = getattr(point, key)
                if average is None:
                    continue
                rects.append(QRectF(index + offset - half / 2, 0, half, average))
                ids.append(
                    [
                        tp.id
                        for tp in touchpoints
                        if tp.phase == point.phase and rating(tp) is not None
                    ]
                )
            colour = CUSTOMER_COLOUR if key == "customer" else COMPANY_COLOUR
            bars = self._add_bars(plot, rects, ids, name, colour)
            if key == "customer":
                self.customer_bars = bars
            else:
                self.company_bars = bars
        self._set_legend(
            plot,
            [
                ("■", CUSTOMER_COLOUR, self.tr("Customer rating")),
                ("■", COMPANY_COLOUR, self.tr("Company rating")),
            ],
        )
        self._phase_axis(plot, findings)
        plot.setYRange(0, RATING_MAX + 0.2, padding=0)

    def _draw_scatter(self, findings: Findings, touchpoints: list[Touchpoint]) -> None:
        plot = self.scatter_plot
        low, high = RATING_MIN - 0.5, RATING_MAX + 0.5
        diagonal = pg.PlotDataItem(
            [low, high],
            [low, high],
            pen=pg.mkPen(style.MUTED_TEXT, width=1.5, style=Qt.PenStyle.DashLine),
            name=self.tr("Company = customers"),
        )
        plot.addItem(diagonal)
        threshold = pg.PlotDataItem(
            [low, high - BLIND_SPOT_GAP],
            [low + BLIND_SPOT_GAP, high],
            pen=pg.mkPen(WARNING_COLOUR, width=1, style=Qt.PenStyle.DotLine),
        )
        plot.addItem(threshold)
        gaps = {spot.id: spot.gap for spot in findings.blind_spots}
        rated = [tp for tp in touchpoints if tp.rating_gap is not None]
        positions = dict(
            zip(
                (tp.id for tp in rated),
                jittered([(tp.customer_rating, tp.company_rating) for tp in rated]),  # type: ignore[misc]
                strict=True,
            )
        )
        names = {tp.id: tp.name for tp in rated}
        kinds = [
            (self.tr("Company 2+ above customers (blind spot)"), WARNING_COLOUR, lambda g: g > 0),
            (self.tr("Customers 2+ above company"), UNDERRATED_COLOUR, lambda g: g < 0),
            (self.tr("Within 1 point"), AGREEING_COLOUR, lambda g: g == 0),
        ]
        for name, colour, belongs in kinds:
            members = [tp for tp in rated if belongs(gaps.get(tp.id, 0))]
            points = pg.ScatterPlotItem(
                x=[positions[tp.id][0] for tp in members],
                y=[positions[tp.id][1] for tp in members],
                data=[tp.id for tp in members],
                size=POINT_SIZE,
                pen=pg.mkPen("w", width=1),
                brush=pg.mkBrush(colour),
                name=name,
                hoverable=True,
                tip=lambda x, y, data, names=names: names.get(data, ""),
            )
            points.sigClicked.connect(self._points_clicked)
            plot.addItem(points)
            self.points.append(points)
        self._set_legend(
            plot,
            [("- -", style.MUTED_TEXT, self.tr("Company = customers"))]
            + [("●", colour, name) for name, colour, _belongs in kinds],
        )
        ticks = [[(r, str(r)) for r in range(RATING_MIN, RATING_MAX + 1)], []]
        for side in ("left", "bottom"):
            plot.getPlotItem().getAxis(side).setTicks(ticks)
        plot.setXRange(low, high, padding=0)
        plot.setYRange(low, high, padding=0)

    def _points_clicked(self, _item, points, ev) -> None:
        if ev.button() == Qt.MouseButton.LeftButton:
            self.touchpoints_chosen.emit([point.data() for point in points])

    def _draw_mix(self, findings: Findings, touchpoints: list[Touchpoint]) -> None:
        for plot, field, kinds, store in (
            (self.ownership_plot, "ownership", list(Ownership), self.ownership_bars),
            (self.medium_plot, "medium", list(Medium), self.medium_bars),
        ):
            groups: dict[tuple[str, Enum | None], list[str]] = defaultdict(list)
            for tp in touchpoints:
                groups[tp.phase, getattr(tp, field)].append(tp.id)
            below = [0] * len(findings.curve)
            legend: list[tuple[str, str, str]] = []
            for kind in [*kinds, None]:
                rects, ids = [], []
                for index, point in enumerate(findings.curve):
                    members = groups.get((point.phase, kind), [])
                    if members:
                        rects.append(_column(index, below[index], len(members)))
                        ids.append(members)
                        below[index] += len(members)
                if rects or kind is not None:
                    name = self.tr("Not set") if kind is None else labels.label(kind)
                    store[kind] = self._add_bars(plot, rects, ids, name, MIX_COLOURS[kind])
                    legend.append(("■", MIX_COLOURS[kind], name))
            self._set_legend(plot, legend)
            self._phase_axis(plot, findings)
            most = max([*below, 1])
            self._count_axis(plot, "left", most)
            plot.setYRange(0, most * 1.08, padding=0)

    def _draw_owners(self, findings: Findings, touchpoints: list[Touchpoint]) -> None:
        plot = self.owners_plot
        weak = set(findings.weak_spots)
        loads = findings.owners
        mine: dict[str, list[str]] = defaultdict(list)
        for tp in touchpoints:
            if tp.owner:
                mine[tp.owner].append(tp.id)

        def rows(count: Callable[[int], int], chosen: Callable[[str], bool]):
            rects = [QRectF(0, i - BAR_WIDTH / 2, count(i), BAR_WIDTH) for i in range(len(loads))]
            ids = [[t for t in mine[load.owner] if chosen(t)] for load in loads]
            kept = [(r, i) for r, i in zip(rects, ids, strict=True) if r.width() > 0]
            return [r for r, _i in kept], [i for _r, i in kept]

        self._set_legend(
            plot,
            [
                ("■", OWNER_COLOUR, self.tr("Touchpoints")),
                ("■", WEAK_COLOUR, self.tr("Weak spots")),
            ],
        )
        self.owner_bars = self._add_bars(
            plot,
            *rows(lambda i: loads[i].touchpoints, lambda _t: True),
            self.tr("Touchpoints"),
            OWNER_COLOUR,
        )
        self.weak_bars = self._add_bars(
            plot,
            *rows(lambda i: loads[i].weak_spots, weak.__contains__),
            self.tr("Weak spots"),
            WEAK_COLOUR,
        )
        axis = plot.getPlotItem().getAxis("left")
        axis.setTicks([[(i, load.owner) for i, load in enumerate(loads)], []])
        most = max((load.touchpoints for load in loads), default=1)
        self._count_axis(plot, "bottom", most)
        plot.setXRange(0, most + 0.3, padding=0)
        plot.setYRange(-0.6, max(len(loads), 1) - 0.4, padding=0)
