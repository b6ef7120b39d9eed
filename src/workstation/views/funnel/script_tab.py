"""The Script analytics tab: for one script version, the step table (calls reaching
each step, ending there, their results, the drop-off rate; the weakest step
highlighted) and a chart of the same (reached against ended, per step).

Reads off the GUI thread (``services.scriptstats``); live like the Funnel tab."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from workstation.domain import funnelstats as fs
from workstation.services import funnel as funnel_svc
from workstation.services import scriptstats as svc
from workstation.views import labels, ops
from workstation.views.funnel.common import WORST, Bar, BarChart, Cell, DrillRunner, TablePanel, pct
from workstation.views.funnel.filters import FilterBar, LiveReads, combo, fill

LIVE_DELAY_MS = 1000

KIND_NAMES = {"say": QT_TRANSLATE_NOOP("ScriptTab", "Say"),
              "question": QT_TRANSLATE_NOOP("ScriptTab", "Question"),
              "objection": QT_TRANSLATE_NOOP("ScriptTab", "Objection"),
              "info_occasion": QT_TRANSLATE_NOOP("ScriptTab", "Info occasion"),
              "close": QT_TRANSLATE_NOOP("ScriptTab", "Close")}


class ScriptTab(QWidget):
    sig_loaded = Signal(object)
    """A report was read and shown; carries the ``services.scriptstats.ScriptReport``."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("scriptTab")
        self.ctx = ctx
        self.report: svc.ScriptReport | None = None
        self.drills = DrillRunner(self, ctx)
        self.filters = FilterBar(self)
        self.reads = LiveReads(self, self.filters, self.reload, LIVE_DELAY_MS)
        self.version_label = QLabel(self)
        self.version = combo(self, "scriptVersion")
        self.filters.lay.insertWidget(0, self.version)
        self.filters.lay.insertWidget(0, self.version_label)
        self.steps = TablePanel("scriptSteps", self)
        self.chart = BarChart("scriptChart", self)
        self.summary = QLabel(self)
        self.summary.setObjectName("scriptSummary")
        self.summary.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("scriptStatus")
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.steps)
        split.addWidget(self.chart)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay = QVBoxLayout(self)
        lay.addWidget(self.filters)
        lay.addWidget(self.summary)
        lay.addWidget(split, 1)
        lay.addWidget(self.status)
        self.filters.sig_changed.connect(self.reload_versions)
        self.version.currentIndexChanged.connect(self.reload)
        self.steps.sig_drill.connect(self._drill)
        self.steps.sig_exported.connect(lambda path, n: self.status.setText(
            self.tr("%1 rows written to %2").replace("%1", str(n)).replace("%2", path)))
        self.steps.sig_error.connect(self.status.setText)
        self.chart.sig_clicked.connect(self._bar_clicked)
        ops.bus().sig_changed.connect(self._on_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.version_label.setText(self.tr("Script:"))
        self.steps.title.setText(self.tr("Where calls end, step by step"))

    def start(self) -> None:
        ops.query(self, lambda: funnel_svc.choices(self.ctx), self._choices, self._failed)

    def _choices(self, ch) -> None:
        self.filters.set_choices(ch)
        self.reload_versions()

    def query(self) -> svc.ScriptQuery:
        start, end = self.filters.span()
        return svc.ScriptQuery(script_id=self.version.currentData(),
                               team_id=self.filters.team_id(),
                               user_id=self.filters.manager_id(), started_from=start,
                               started_to=end)

    def reload_versions(self) -> None:
        sq = self.query()
        ops.query(self, lambda: svc.versions(self.ctx, sq), self._versions, self._failed)

    def _versions(self, versions) -> None:
        keep = self.version.currentData()
        if keep is None and versions:  # the most used version first
            keep = max(versions, key=lambda v: v.calls).id
        fill(self.version, "", [(v.id, self.tr("%1 v%2 (%3 calls)").replace("%1", v.name)
                                 .replace("%2", str(v.version)).replace("%3", str(v.calls)))
                                for v in versions], keep=keep)
        self.reload()

    def reload(self) -> None:
        seq, query = self.reads.begin()
        sq = self.query()
        self.status.setText(self.tr("Reading…"))
        ops.run_op(self, lambda _p, _c: svc.report(self.ctx, sq, query=query),
                   lambda r: self._show(seq, sq, r), lambda exc: self._failed(exc, seq))

    def _failed(self, exc: BaseException, seq: int | None = None) -> None:
        if not self.reads.ended(seq):
            return  # a newer read replaced this one
        if LiveReads.cancelled(exc):
            self.status.setText(self.tr("Stopped: the numbers shown are as of the time above"))
            return
        self.status.setText(self.tr("Could not read the script analytics: %1").replace("%1", str(exc)))

    def _on_changed(self, changes: ops.Changes) -> None:
        if changes.touches(ops.CALLS, ops.SCRIPTS):
            self.reads.changed()

    def _kind(self, kind: str) -> str:
        return self.tr(KIND_NAMES[kind]) if kind in KIND_NAMES else kind

    def _show(self, seq: int, sq: svc.ScriptQuery, rep: svc.ScriptReport) -> None:
        if not self.reads.ended(seq):
            return
        self.report = rep
        self.filters.show_as_of(rep.as_of)
        results = [r for r in fs.RESULTS]
        header = [self.tr("Step"), self.tr("Kind"), self.tr("Reached"), self.tr("Ended here")]
        header += [labels.result_label(r) if r else self.tr("No result") for r in results]
        header.append(self.tr("Drop-off"))
        tips = ["", "", self.tr("Calls whose walk entered this step"),
                self.tr("Calls whose walk stopped at this step")]
        tips += [self.tr("Calls that stopped here with this result")] * len(results)
        tips.append(self.tr("Stopped here without a positive result, of the calls that "
                            "reached the step"))
        rows, bars = [], []
        stats = rep.stats
        if stats is not None:
            sq = svc.ScriptQuery(rep.version.id, sq.team_id, sq.user_id, sq.started_from,
                                 sq.started_to, sq.min_calls)
            for st in stats.steps:
                worst = st.step == stats.worst
                bg = WORST if worst else None

                def drill(what, result=None, step=st.step):
                    return ("calls", lambda: svc.drill(self.ctx, sq, step, what, result))

                name = st.title or st.step
                row = [Cell(name, st.step, drill("reached") if st.n_reached else None,
                            bg, self.tr("The weakest step") if worst else "", bold=worst),
                       Cell(self._kind(st.kind), st.kind, background=bg),
                       Cell(str(st.n_reached), st.n_reached,
                            drill("reached") if st.n_reached else None, bg),
                       Cell(str(st.n_ended), st.n_ended, drill("ended") if st.n_ended else None,
                            bg)]
                for r in results:
                    n = st.n_result(r)
                    row.append(Cell(str(n), n, drill("result", r) if n else None, bg))
                row.append(Cell(pct(st.drop_off), None if st.drop_off is None else
                                round(st.drop_off, 4), drill("lost") if st.lost else None, bg,
                                bold=worst))
                rows.append(row)
                if st.n_reached:  # detours nobody took stay in the table, not the chart
                    bars.append(Bar(name, st.n_reached, st.n_ended,
                                    f"{st.n_ended} / {st.n_reached}  {pct(st.drop_off, 0)}",
                                    highlight=worst))
        self.steps.model.set_rows(header, rows, tips)
        self.steps.sheet = "script steps"
        self.chart.set_bars(bars, (self.tr("reached the step"), self.tr("ended there")))
        if stats is None:
            self.summary.setText(self.tr("No script has been used in a call yet."))
        else:
            worst = stats.step(stats.worst) if stats.worst else None
            text = self.tr("%1 answered calls walked this version.").replace(
                "%1", str(stats.calls))
            if worst is not None:
                text += " " + self.tr("Weakest step: %1 (%2 of the calls reaching it end "
                                      "there without a positive result).").replace(
                    "%1", worst.title or worst.step).replace("%2", pct(worst.drop_off, 0))
            self.summary.setText(text)
        self.status.setText(self.tr("Double-click a number to see the calls behind it"))
        self.sig_loaded.emit(rep)

    def _bar_clicked(self, i: int) -> None:
        shown = [r for r in range(self.steps.model.rowCount())
                 if self.steps.model.cell(r, 2).value]
        if 0 <= i < len(shown):
            self._drill(self.steps.model.cell(shown[i], 2).drill)

    def _drill(self, drill) -> None:
        if drill:
            self.drills.run(drill, self.tr("Calls behind the number"))
