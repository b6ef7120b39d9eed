"""The Statistics tab: the range (day, week, month, custom), the team and
manager filters, the table against the plan, the charts, the export, and the
freshness of the figures ("as of").

Every read runs off the GUI thread (``ops.query``); a newer read wins over an
older one still running. The tab refreshes itself when calls, tasks, leads or
plans change (``ops.bus().sig_changed``, pulled changes of the sync included),
a moment later so that a burst of changes is read once."""

from __future__ import annotations

import threading
import uuid
from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workstation import tables
from workstation.services import stats
from workstation.views import ops
from workstation.views.stats.charts import ChartsPanel
from workstation.views.stats.drill import DrillDialog
from workstation.views.stats.model import TITLES, KeyRole, StatsModel, UserRole

translate = QCoreApplication.translate  # (lupdate reads translate("Context", "text"))

REFRESH_DELAY_MS = 400
SHOWN_ORDER = ("name", "effective", "n_no_answer", "n_busy", "n_error", "n_success", "n_total",
               "talk_success", "talk_avg", "dur_total", "presentations", "presentations_assigned",
               "invoices", "invoices_assigned", "invoice_sum", "decision_makers",
               "decision_makers_assigned", "demo_accesses", "demo_accesses_assigned",
               "warm_clients", "sales", "dur_no_answer", "dur_busy", "dur_error", "dur_success")
"""The columns as shown: the plan first, call time by outcome last (the export keeps
the order of services.stats.COLUMNS)."""
LIVE_SUBJECTS = (ops.CALLS, ops.TASKS, ops.LEADS, ops.CONFIG, ops.USERS)


def _t(text: str) -> str:
    return translate("Stats", text)


def _uuid(text) -> uuid.UUID | None:
    return uuid.UUID(text) if text else None


class StatsView(QWidget):
    sig_loaded = Signal(object)
    """A report was read and shown; carries it (tests wait on it)."""
    sig_charts = Signal(object)
    """The charts of the shown report were read and drawn."""
    sig_drilled = Signal(str, object)
    """A drill-down was read: ("calls" or "leads", the ids)."""

    def __init__(self, ctx, parent=None, *, sync=None, today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statsView")
        self.ctx = ctx
        self.report: stats.Report | None = None
        self.charts_data: stats.Charts | None = None
        self._generation = 0
        self._connected: bool | None = None
        self._last_sync: datetime | None = None
        self._dialogs: list[DrillDialog] = []
        self._teams: list = []
        self._people: list = []
        self._ready = False  # the first read waits for the team and manager choices

        self.kind = QComboBox(self)
        self.kind.setObjectName("statsRange")
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.last = QDateEdit(self)
        self.last.setCalendarPopup(True)
        self.last.setDisplayFormat("yyyy-MM-dd")
        d = today or date.today()
        self.day.setDate(QDate(d.year, d.month, d.day))
        self.last.setDate(QDate(d.year, d.month, d.day))
        self.prev = QToolButton(self)
        self.prev.setText("◀")
        self.next = QToolButton(self)
        self.next.setText("▶")
        self.team = QComboBox(self)
        self.team.setObjectName("statsTeam")
        self.manager = QComboBox(self)
        self.manager.setObjectName("statsManager")
        for combo in (self.kind, self.team, self.manager):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.export = QToolButton(self)
        self.export.setObjectName("statsExport")
        self.export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_menu = QMenu(self.export)
        self.export.setMenu(self.export_menu)
        self.as_of = QLabel(self)
        self.as_of.setObjectName("statsAsOf")
        self.as_of.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        top = QHBoxLayout()
        self.range_label, self.team_label, self.manager_label = (QLabel(self) for _ in range(3))
        for w in (self.range_label, self.kind, self.prev, self.day, self.last, self.next,
                  self.team_label, self.team, self.manager_label, self.manager, self.export):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.as_of)

        self.model = StatsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("statsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter
                                                          | Qt.AlignmentFlag.AlignVCenter)
        self.table.horizontalHeader().setMinimumSectionSize(56)
        self.table.doubleClicked.connect(self.drill)
        header = self.table.horizontalHeader()
        keys = [c.key for c in self.model.columns]
        for visual, key in enumerate(SHOWN_ORDER):
            header.moveSection(header.visualIndex(keys.index(key)), visual)
        self.charts = ChartsPanel(self)
        split = self.split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.charts)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(split, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.day.dateChanged.connect(self._schedule)
        self.last.dateChanged.connect(self._schedule)
        self.team.currentIndexChanged.connect(self._team_changed)
        self.manager.currentIndexChanged.connect(self._schedule)
        self.prev.clicked.connect(lambda: self.step(-1))
        self.next.clicked.connect(lambda: self.step(1))
        ops.bus().sig_changed.connect(self._on_changed)
        if sync is not None:
            sync.sig_status.connect(self.set_sync_status)
            self.set_sync_status(sync.last.connected, sync.last.waiting, sync.last.last_sync)
        self.retranslate()
        self._kind_changed()
        ops.query(self, lambda: stats.scope_choices(ctx), self._set_choices, self._failed)

    # -- texts --------------------------------------------------------------------
    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        kinds = [("day", translate("Stats", "Day")), ("week", translate("Stats", "Week")),
                 ("month", translate("Stats", "Month")),
                 ("custom", translate("Stats", "Range"))]
        current = self.kind.currentData() or "day"
        self.kind.blockSignals(True)
        self.kind.clear()
        for code, text in kinds:
            self.kind.addItem(text, code)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current)))
        self.kind.blockSignals(False)
        self.range_label.setText(translate("Stats", "Period:"))
        self.team_label.setText(translate("Stats", "Team:"))
        self.manager_label.setText(translate("Stats", "Manager:"))
        self.prev.setToolTip(translate("Stats", "Previous period"))
        self.next.setToolTip(translate("Stats", "Next period"))
        self.export.setText(translate("Stats", "Export"))
        self.export_menu.clear()
        self.export_menu.addAction(translate("Stats", "Table as CSV…"),
                                   lambda: self.export_table("csv"))
        self.export_menu.addAction(translate("Stats", "Table as XLSX…"),
                                   lambda: self.export_table("xlsx"))
        self.export_menu.addAction(translate("Stats", "Calls per hour as CSV…"),
                                   lambda: self.export_table("csv", hourly=True))
        self.export_menu.addAction(translate("Stats", "Calls per hour as XLSX…"),
                                   lambda: self.export_table("xlsx", hourly=True))
        self._fill_scope_combos()
        self._show_as_of()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0,
                                          max(0, self.model.columnCount() - 1))

    # -- choices ------------------------------------------------------------------
    def _set_choices(self, choices) -> None:
        self._teams, self._people = choices
        self._fill_scope_combos()
        self._ready = True
        self.refresh()

    def _fill_scope_combos(self) -> None:
        team = self.team.currentData()
        self.team.blockSignals(True)
        self.team.clear()
        manager_only = self.ctx.user.role == "manager"
        lead = self.ctx.user.role == "teamlead"
        if not lead and not manager_only:
            self.team.addItem(translate("Stats", "All teams"), None)
        for tid, name in self._teams:
            self.team.addItem(name, str(tid))  # (a str: findData cannot match a UUID)
        self.team.setCurrentIndex(max(0, self.team.findData(team)))
        self.team.blockSignals(False)
        for w in (self.team, self.team_label):
            w.setVisible(not manager_only)
        self.team.setEnabled(self.team.count() > 1)
        self._fill_people()

    def _fill_people(self) -> None:
        uid = self.manager.currentData()
        team = self.team.currentData()
        self.manager.blockSignals(True)
        self.manager.clear()
        self.manager.addItem(translate("Stats", "Everybody"), None)
        for p in self._people:
            if team is None or str(p.team_id) == team:
                self.manager.addItem(p.name, str(p.id))
        self.manager.setCurrentIndex(max(0, self.manager.findData(uid)))
        self.manager.blockSignals(False)
        manager_only = self.ctx.user.role == "manager"
        for w in (self.manager, self.manager_label):
            w.setVisible(not manager_only)

    def _team_changed(self) -> None:
        self._fill_people()
        self._schedule()

    def _kind_changed(self) -> None:
        custom = self.kind.currentData() == "custom"
        self.last.setVisible(custom)
        self._schedule()

    def step(self, direction: int) -> None:
        """The previous or next day, week, month (a custom range moves by its length)."""
        d = self.day.date().toPython()
        kind = self.kind.currentData()
        if kind == "day":
            d += timedelta(days=direction)
        elif kind == "week":
            d += timedelta(weeks=direction)
        elif kind == "month":
            m = d.month - 1 + direction
            d = date(d.year + m // 12, m % 12 + 1, 1)
        else:
            n = (self.last.date().toPython() - d).days + 1
            last = self.last.date().toPython() + timedelta(days=direction * n)
            self.last.setDate(QDate(last.year, last.month, last.day))
            d += timedelta(days=direction * n)
        self.day.setDate(QDate(d.year, d.month, d.day))

    # -- reading ------------------------------------------------------------------
    def _schedule(self, *_args) -> None:
        if self._ready:
            self._timer.start()

    def _on_changed(self, changes) -> None:
        if changes.touches(*LIVE_SUBJECTS):
            self._schedule()

    def selection(self):
        kind = self.kind.currentData() or "day"
        first = self.day.date().toPython()
        last = self.last.date().toPython() if kind == "custom" else None
        if last is not None and last < first:
            first, last = last, first
        return kind, first, last, _uuid(self.team.currentData()), _uuid(self.manager.currentData())

    def refresh(self) -> None:
        """Read the report (then its charts) for the current selection, off the GUI thread."""
        self._timer.stop()
        self._generation += 1
        gen = self._generation
        kind, first, last, team, user = self.selection()
        ctx = self.ctx

        def read():
            period = stats.period_of(ctx, kind, first, last, team_id=team)
            return stats.report(ctx, period, team_id=team, user_id=user)

        ops.query(self, read, lambda rep: self._loaded(gen, rep), self._failed)

    def _loaded(self, gen: int, rep) -> None:
        if gen != self._generation:
            return  # a newer read is on its way
        self.report = rep
        self.model.set_report(rep)
        if not getattr(self, "_sized", False):
            self.table.resizeColumnsToContents()
            self._sized = True
            self._fit_split()
        self._show_as_of()
        self.sig_loaded.emit(rep)
        # the charts read more (hours, the last weeks): the table does not wait for them
        ops.query(self, lambda: stats.charts(self.ctx, rep),
                  lambda ch: self._charts_loaded(gen, rep, ch), self._failed)

    def _charts_loaded(self, gen: int, rep, ch) -> None:
        if gen != self._generation:
            return
        self.charts_data = ch
        self.charts.show_charts(ch, {r.user_id: r.name for r in rep.rows})
        self.sig_charts.emit(ch)

    def _fit_split(self) -> None:
        """The table as tall as its rows (at most half the height), the charts the rest."""
        total = sum(self.split.sizes()) or self.height()
        rows = self.model.rowCount()
        want = (self.table.horizontalHeader().height() + self.table.frameWidth() * 2
                + self.table.horizontalScrollBar().sizeHint().height()
                + sum(self.table.rowHeight(r) for r in range(rows)) + 4)
        top = max(120, min(want, total // 2))
        self.split.setSizes([top, max(200, total - top)])

    def _failed(self, exc) -> None:
        self.as_of.setText(translate("Stats", "Could not read the statistics: %1")
                           .replace("%1", str(exc)))

    # -- freshness ----------------------------------------------------------------
    def set_sync_status(self, connected: bool, _waiting: int = 0, last_sync=None) -> None:
        self._connected, self._last_sync = connected, last_sync
        self._show_as_of()

    def _show_as_of(self) -> None:
        if self.report is None:
            self.as_of.setText(translate("Stats", "Reading…"))
            return
        local = self.report.as_of.astimezone(self.report.period.tz)
        text = translate("Stats", "As of %1 (%2)").replace("%1", local.strftime("%H:%M:%S")) \
            .replace("%2", self.report.zone or translate("Stats", "local time"))
        style = ""
        if self._connected is False:
            synced = self._last_sync or self.report.synced_at
            when = (synced.astimezone(self.report.period.tz).strftime("%Y-%m-%d %H:%M")
                    if synced else translate("Stats", "never"))
            text = translate(
                "Stats", "Shared database unreachable: other managers' calls as of %1") \
                .replace("%1", when)
            style = "color: #a33;"
        self.as_of.setText(text)
        self.as_of.setStyleSheet(style)

    # -- drill-down ---------------------------------------------------------------
    def drill(self, index) -> None:
        """The calls (or leads) behind a number: the bus is told (the calls browser
        shows them) and our own list opens."""
        if not index.isValid() or self.report is None:
            return
        key = index.data(KeyRole)
        if key == "name":
            key = "n_total"
        uid = index.data(UserRole)
        rep, ctx = self.report, self.ctx
        who = index.sibling(index.row(), 0).data()
        title = f"{_t(TITLES[key])} — {who}"

        def done(result) -> None:
            kind, ids = result
            self.sig_drilled.emit(kind, ids)
            if kind == "calls":
                ops.bus().sig_open_calls.emit(list(ids))
            dlg = DrillDialog(ctx, kind, ids, title, rep.period.tz, self)
            dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            self._dialogs.append(dlg)
            dlg.destroyed.connect(lambda _o=None, d=dlg: self._dialogs.remove(d)
                                  if d in self._dialogs else None)
            dlg.show()

        ops.query(self, lambda: stats.drill(ctx, rep, key, uid), done, self._failed)

    # -- export -------------------------------------------------------------------
    def _hourly_table(self):
        ch, rep = self.charts_data, self.report
        if ch is None:
            raise RuntimeError(translate("Stats", "The charts are still being read."))
        header = ["name", *[f"{h:02d}" for h in range(24)], "total"]
        rows = []
        for r in rep.rows:
            counts = ch.calls_per_hour.get(r.user_id, [0] * 24)
            rows.append([r.name, *counts, sum(counts)])
        rows.append([translate("Stats", "Team"), *ch.total_per_hour, sum(ch.total_per_hour)])
        rows.append([translate("Stats", "Answered, %"), *[round(100 * a / n, 1) if n else None
                                                          for a, n in
                                          zip(ch.answered_per_hour, ch.total_per_hour)], None])
        return header, rows

    def export_table(self, fmt: str, *, hourly: bool = False, path: str | None = None):
        """Write the table (or the calls per hour) to CSV/XLSX with progress and cancel."""
        if self.report is None:
            return None
        if path is None:
            name = f"statistics-{self.report.period.first}-{self.report.period.last}.{fmt}"
            filt = (translate("Stats", "CSV files (*.csv)") if fmt == "csv"
                    else translate("Stats", "Excel workbooks (*.xlsx)"))
            path, _f = QFileDialog.getSaveFileName(
                self, translate("Stats", "Export statistics"), name, filt)
            if not path:
                return None
        if hourly:
            try:
                header, rows = self._hourly_table()
            except RuntimeError as exc:
                QMessageBox.information(self, translate("Stats", "Export statistics"), str(exc))
                return None
        else:
            header, rows = stats.table_rows(self.report)
            titles = {c.key: _t(TITLES[c.key]) for c in stats.COLUMNS}
            header = [titles.get(h) or translate("Stats", "%1: plan").replace("%1", titles[h[:-5]])
                      for h in header]
            rows[-1][0] = translate("Stats", "Team")
        progress = QProgressDialog(translate("Stats", "Exporting…"),
                                   translate("Stats", "Cancel"), 0, len(rows), self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)

        def work(report, cancel: threading.Event):
            def each():
                for i, r in enumerate(rows, 1):
                    yield r
                    report(i, len(rows))
            return tables.write_table(path, header, each(), fmt, sheet=_sheet, cancel=cancel)

        _sheet = translate("Stats", "Statistics")
        op = ops.run_op(self, work, lambda _n: progress.close(), self._export_failed,
                        lambda done, total: progress.setValue(done))
        progress.canceled.connect(op.cancel)
        self._export_op = op
        return op

    def _export_failed(self, exc) -> None:
        for p in self.findChildren(QProgressDialog):
            p.close()
        if isinstance(exc, tables.Cancelled):
            return
        QMessageBox.warning(self, translate("Stats", "Export statistics"),
                            translate("Stats", "The file was not written: %1")
                            .replace("%1", str(exc)))
