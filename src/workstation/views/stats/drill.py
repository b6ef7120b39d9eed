"""The calls (or leads) behind one number of the statistics: a small list of
our own, read off the GUI thread; double-click opens the lead's card through
the bus (``sig_open_lead``), so it works with or without the calls browser."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from workstation.services import stats
from workstation.views import ops

translate = QCoreApplication.translate  # (lupdate reads translate("Context", "text"))

def outcome_title(code: str | None) -> str:
    return {"no_answer": translate("StatsDrill", "No answer"),
            "busy": translate("StatsDrill", "Busy"),
            "error": translate("StatsDrill", "Error"),
            "success": translate("StatsDrill", "Success")}.get(code or "", code or "")


def result_title(code: str | None) -> str:
    return {"positive": translate("StatsDrill", "Positive"),
            "negative": translate("StatsDrill", "Negative"),
            "satisfactory": translate("StatsDrill", "Satisfactory"),
            "undefined": translate("StatsDrill", "Undefined")}.get(code or "", code or "")


class DrillDialog(QDialog):
    def __init__(self, ctx, kind: str, ids: list, title: str, tz, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("statsDrill")
        self.ctx, self.kind, self.ids, self.tz = ctx, kind, list(ids), tz
        self.setWindowTitle(title)
        self.resize(760, 460)
        lay = QVBoxLayout(self)
        self.summary = QLabel(self)
        lay.addWidget(self.summary)
        self.list = QTreeWidget(self)
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setUniformRowHeights(True)
        if kind == "calls":
            self.list.setHeaderLabels([
                translate("StatsDrill", "Started"), translate("StatsDrill", "Manager"),
                translate("StatsDrill", "Lead"), translate("StatsDrill", "Outcome"),
                translate("StatsDrill", "Talk"), translate("StatsDrill", "Result")])
        else:
            self.list.setHeaderLabels([translate("StatsDrill", "Lead")])
        self.list.itemActivated.connect(self._open)
        lay.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.browser = QPushButton(translate("StatsDrill", "Show in the calls browser"), self)
        self.browser.setEnabled(kind == "calls" and bool(self.ids))
        self.browser.clicked.connect(lambda: ops.bus().sig_open_calls.emit(list(self.ids)))
        buttons.addButton(self.browser, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.summary.setText(translate("StatsDrill", "Loading…"))
        self.op = (ops.query(self, lambda: stats.call_briefs(ctx, self.ids), self._show_calls,
                             self._failed) if kind == "calls" else
                   ops.query(self, lambda: stats.lead_names(ctx, self.ids), self._show_leads,
                             self._failed))

    def _failed(self, exc) -> None:
        self.summary.setText(translate("StatsDrill", "Could not read the list: %1")
                             .replace("%1", str(exc)))

    def _show_calls(self, briefs) -> None:
        self.list.clear()
        items = []
        for b in briefs:
            it = QTreeWidgetItem([b.started_at.astimezone(self.tz).strftime("%Y-%m-%d %H:%M:%S"),
                                  b.manager, b.company, outcome_title(b.outcome),
                                  stats.hms(b.talk_seconds), result_title(b.result)])
            it.setData(0, Qt.ItemDataRole.UserRole, b.lead_id)
            it.setData(1, Qt.ItemDataRole.UserRole, b.id)
            items.append(it)
        self.list.addTopLevelItems(items)
        for c in range(self.list.columnCount()):
            self.list.resizeColumnToContents(c)
        self.summary.setText(translate(
            "StatsDrill", "%n call(s). Double-click one to open its lead.", "", len(briefs)))

    def _show_leads(self, rows) -> None:
        self.list.clear()
        items = []
        for lead_id, company in rows:
            it = QTreeWidgetItem([company])
            it.setData(0, Qt.ItemDataRole.UserRole, lead_id)
            items.append(it)
        self.list.addTopLevelItems(items)
        self.summary.setText(translate(
            "StatsDrill", "%n lead(s). Double-click one to open it.", "", len(rows)))

    def _open(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        lead_id = item.data(0, Qt.ItemDataRole.UserRole)
        if lead_id is not None:
            ops.bus().sig_open_lead.emit(lead_id)
