"""Charts of a statistics report (pyqtgraph, MIT): calls per hour per manager,
the outcome mix, effective calls per week against the plan, and the answer
rate by hour of day (when clients pick up)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QTabWidget

from workstation.services import stats

translate = QCoreApplication.translate  # (lupdate reads translate("Context", "text"))

OUTCOME_COLOURS = {"no_answer": "#9aa5b1", "busy": "#e3a33b", "error": "#d9534f",
                   "success": "#3c9d5d"}
PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22", "#17becf"]
MAX_CURVES = 10
"""Calls per hour: the busiest managers drawn one curve each; the rest as one."""


def _plot(parent) -> pg.PlotWidget:
    w = pg.PlotWidget(parent, background="w")
    w.showGrid(x=False, y=True, alpha=0.25)
    w.setMouseEnabled(x=False, y=False)
    w.setMenuEnabled(False)
    w.getPlotItem().hideButtons()
    return w


class ChartsPanel(QTabWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("statsCharts")
        self.setDocumentMode(True)
        self.per_hour = _plot(self)
        self.mix = _plot(self)
        self.trend = _plot(self)
        self.answer = _plot(self)
        for w in (self.per_hour, self.mix, self.trend, self.answer):
            self.addTab(w, "")
        self.charts: stats.Charts | None = None
        self.names: dict = {}
        self.retranslate()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.charts is not None:
                self.show_charts(self.charts, self.names)
        super().changeEvent(event)

    def retranslate(self) -> None:
        for i, text in enumerate((translate("StatsCharts", "Calls per hour"),
                                  translate("StatsCharts", "Outcome mix"),
                                  translate("StatsCharts", "Effective calls by week"),
                                  translate("StatsCharts", "Answer rate by hour"))):
            self.setTabText(i, text)

    def show_charts(self, ch: stats.Charts, names: dict) -> None:
        """Draw the charts; ``names``: user id -> name for the legend."""
        self.charts, self.names = ch, names
        self._per_hour(ch, names)
        self._mix(ch)
        self._trend(ch)
        self._answer(ch)

    def _hour_axis(self, w: pg.PlotWidget) -> None:
        """The hours that had calls (at least the working day 8-19)."""
        busy = [h for h, n in enumerate(self.charts.total_per_hour) if n] if self.charts else []
        first, last = min([8, *busy]), max([19, *busy])
        w.getAxis("bottom").setTicks([[(h, f"{h:02d}") for h in range(first, last + 1)]])
        w.setXRange(first - 0.5, last + 0.5, padding=0)

    def _per_hour(self, ch: stats.Charts, names: dict) -> None:
        w = self.per_hour
        w.clear()
        if w.plotItem.legend is not None:
            w.plotItem.legend.scene().removeItem(w.plotItem.legend)
            w.plotItem.legend = None
        w.addLegend(offset=(-10, 10), labelTextColor="#222", brush=pg.mkBrush(255, 255, 255, 200))
        busiest = sorted(ch.calls_per_hour.items(), key=lambda kv: -sum(kv[1]))
        hours = list(range(24))
        for i, (uid, counts) in enumerate(busiest[:MAX_CURVES]):
            w.plot(hours, counts, pen=pg.mkPen(PALETTE[i % len(PALETTE)], width=2),
                   name=names.get(uid, "?"))
        rest = busiest[MAX_CURVES:]
        if rest:
            others = [sum(c[h] for _u, c in rest) / len(rest) for h in hours]
            w.plot(hours, others, pen=pg.mkPen("#888", width=2, style=pg.QtCore.Qt.DashLine),
                   name=translate("StatsCharts", "Others (average)"))
        self._hour_axis(w)
        w.setLabel("left", translate("StatsCharts", "Calls"))
        w.setLabel("bottom", translate("StatsCharts", "Hour of day"))

    def _mix(self, ch: stats.Charts) -> None:
        w = self.mix
        w.clear()
        labels = {"no_answer": translate("StatsCharts", "No answer"),
                  "busy": translate("StatsCharts", "Busy"),
                  "error": translate("StatsCharts", "Error"),
                  "success": translate("StatsCharts", "Success")}
        keys = list(ch.outcome_mix)
        total = sum(ch.outcome_mix.values()) or 1
        for i, k in enumerate(keys):
            n = ch.outcome_mix[k]
            w.addItem(pg.BarGraphItem(x=[i], height=[n], width=0.6,
                                      brush=OUTCOME_COLOURS.get(k, "#888"), pen=None))
            text = pg.TextItem(f"{n} ({100 * n / total:.0f} %)", color="#222", anchor=(0.5, 1))
            text.setPos(i, n)
            w.addItem(text)
        w.getAxis("bottom").setTicks([[(i, labels.get(k, k)) for i, k in enumerate(keys)]])
        w.setXRange(-0.6, len(keys) - 0.4, padding=0)
        w.setYRange(0, max([*ch.outcome_mix.values(), 1]) * 1.2, padding=0)
        w.setLabel("left", translate("StatsCharts", "Calls"))
        w.setLabel("bottom", "")

    def _trend(self, ch: stats.Charts) -> None:
        w = self.trend
        w.clear()
        xs = list(range(len(ch.week_starts)))
        w.addItem(pg.BarGraphItem(x=xs, height=ch.effective_per_week, width=0.6,
                                  brush="#3c7dc4", pen=None))
        plan = [p if p is not None else float("nan") for p in ch.plan_per_week]
        if any(p is not None for p in ch.plan_per_week):
            w.plot(xs, plan, pen=pg.mkPen("#d9534f", width=2), symbol="o", symbolSize=6,
                   symbolBrush="#d9534f")
        w.getAxis("bottom").setTicks([[(i, d.strftime("%d.%m")) for i, d in
                                       enumerate(ch.week_starts)]])
        w.setLabel("left", translate("StatsCharts", "Effective calls (bars) and plan (line)"))
        w.setLabel("bottom", translate("StatsCharts", "Week starting"))

    def _answer(self, ch: stats.Charts) -> None:
        w = self.answer
        w.clear()
        rate = [100 * a / n if n else 0 for a, n in zip(ch.answered_per_hour, ch.total_per_hour)]
        w.addItem(pg.BarGraphItem(x=list(range(24)), height=rate, width=0.7, brush="#3c9d5d",
                                  pen=None))
        self._hour_axis(w)
        w.setYRange(0, 100, padding=0.02)
        w.setLabel("left", translate("StatsCharts", "Answered, %"))
        w.setLabel("bottom", translate("StatsCharts", "Hour of day"))
