"""The main window: menus from the action registry, the lead list, a status bar.

Thin on purpose: features are widgets of their own (lead list, lead card,
settings, import wizard) and the window only wires them together.
"""

from __future__ import annotations

import importlib
import logging
import uuid

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
)

from workstation import __version__
from workstation.views import actions as act
from workstation.views.icons import icon
from workstation.views.leadcard.widget import LeadCardDialog
from workstation.views.leadlist.model import LeadIdRole
from workstation.views.leadlist.widget import LeadListWidget
from workstation.views.ops import pool, run_op
from workstation.views.statusbar import ElidingLabel, StatusIndicators

log = logging.getLogger(__name__)

DOCK_SHARE = 0.27
"""A side dock takes at most this share of a narrow window (a 1366 px laptop), so
that the central area (the Call tab) keeps room; on a wide screen it is left as set."""


def _optional(module: str):
    """A module another feature provides, or None while it does not exist."""
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            return None
        raise


class MainWindow(QMainWindow):
    sig_exported = Signal(object)
    """An export from the File menu finished; carries the exporter's result."""
    sig_dial = Signal(str)
    """Click-to-call in any lead card this window opened; carries the E.164 number."""

    def __init__(self, config, store, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.config, self.store = config, store
        self.user_id: uuid.UUID | None = None
        self._cards: list[LeadCardDialog] = []
        self._ops = []
        self.setWindowIcon(icon("app"))
        self.resize(QSize(1280, 760))

        self.actions = act.create_actions(self)
        self.menus = {}
        for name, (_title, names) in act.MENUS.items():
            menu = self.menuBar().addMenu(act.menu_title(name))
            menu.setObjectName(f"menu_{name}")
            for action_name in names:
                if action_name is None:
                    menu.addSeparator()
                else:
                    menu.addAction(self.actions[action_name])
            self.menus[name] = menu

        self.lead_list = LeadListWidget(store, self.region(), self)
        self.setCentralWidget(self.lead_list)

        self.status_message = ElidingLabel(self)  # long messages elide, never push the rest
        self.status_message.setObjectName("statusMessage")
        self.statusBar().addWidget(self.status_message, 1)
        self.indicators = StatusIndicators(self)
        self.statusBar().addPermanentWidget(self.indicators)

        handlers = {
            "import": self.import_leads, "export": self.export_leads,
            "settings": self.open_settings, "quit": self.close, "about": self.about,
            "new_lead": self.new_lead, "open_lead": self.open_selected,
            "find": self.focus_search, "refresh": self.refresh,
        }
        for name, handler in handlers.items():
            self.actions[name].triggered.connect(lambda _checked=False, h=handler: h())
        self.lead_list.sig_open_lead.connect(self.open_lead)
        self.lead_list.sig_status.connect(self.status_message.setText)
        from workstation.views import scripteditor

        scripteditor.install(self)
        self.retranslate()
        self.lead_list.start()
        self._find_user()

    # -- helpers ----------------------------------------------------------
    def region(self) -> str:
        return self.config.get("phone.default_region") or "UA"

    def _find_user(self) -> None:
        """The id of the configured login (user.login) for authorship, if known."""
        login, store = self.config.get("user.login"), self.store

        def work(_p, _c):
            from sqlalchemy import select

            from workstation.store.models import User

            with store.session() as s:
                return s.scalar(select(User.id).where(User.login == login))

        def done(uid):
            self.user_id = uid

        run_op(self, work, done, lambda exc: None)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Workstation"))
        for name, menu in self.menus.items():
            menu.setTitle(act.menu_title(name))
        act.retranslate(self.actions)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit_docks()

    def fit_docks(self) -> None:
        """Narrow the left/right docks wider than DOCK_SHARE of the window (never below
        what they need); a dock narrowed so gets its width back when the window grows."""
        limit = int(self.width() * DOCK_SHARE)
        sides = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)
        docks, widths = [], []
        for d in self.findChildren(QDockWidget):
            if d.isHidden() or d.isFloating() or self.dockWidgetArea(d) not in sides:
                continue
            wanted = d.property("_widthBeforeFit")
            if d.width() > limit:
                if wanted is None:
                    d.setProperty("_widthBeforeFit", d.width())
                docks.append(d)
                widths.append(max(limit, d.minimumSizeHint().width()))
            elif wanted is not None and d.width() < min(wanted, limit):
                docks.append(d)
                widths.append(min(wanted, limit))
                if wanted <= limit:
                    d.setProperty("_widthBeforeFit", None)
        if docks:
            self.resizeDocks(docks, widths, Qt.Orientation.Horizontal)

    # -- leads ------------------------------------------------------------
    def focus_search(self) -> None:
        self.lead_list.search.setFocus()
        self.lead_list.search.selectAll()

    def refresh(self) -> None:
        self.lead_list.apply_filter()
        self.lead_list.reload_choices()

    def _card_dialog(self) -> LeadCardDialog:
        dlg = LeadCardDialog(self.store, self.region(), self.user_id, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dlg.sig_saved.connect(self._lead_saved)
        dlg.card.sig_dial.connect(self.sig_dial)
        dlg.finished.connect(lambda _r, d=dlg: self._cards.remove(d) if d in self._cards
                             else None)
        dlg.destroyed.connect(lambda _o=None, d=dlg: self._cards.remove(d)
                              if d in self._cards else None)
        self._cards.append(dlg)
        return dlg

    def open_lead(self, lead_id: uuid.UUID | None) -> LeadCardDialog | None:
        if lead_id is None:
            return None
        for dlg in self._cards:
            if dlg.card.lead_id() == lead_id:
                dlg.raise_()
                dlg.activateWindow()
                return dlg
        dlg = self._card_dialog()
        dlg.open_lead(lead_id)
        dlg.show()
        return dlg

    def open_selected(self) -> None:
        idx = self.lead_list.table.currentIndex()
        if idx.isValid():
            self.open_lead(idx.data(LeadIdRole))

    def new_lead(self) -> LeadCardDialog:
        dlg = self._card_dialog()
        dlg.card.new_lead()
        dlg.show()
        return dlg

    def _lead_saved(self, lead_id: uuid.UUID) -> None:
        if self.lead_list.model.row_of(lead_id) >= 0:
            self.lead_list.model.reload_lead(lead_id)
        else:
            self.lead_list.apply_filter()

    # -- settings ---------------------------------------------------------
    def open_settings(self):
        from workstation.views.settings.dialog import SettingsDialog

        dlg = SettingsDialog(self.config, self)
        dlg.sig_language_changed.connect(self._language_changed)
        dlg.sig_saved.connect(lambda: setattr(self.lead_list, "region", self.region()))
        dlg.open()
        return dlg

    def _language_changed(self, setting: str) -> None:
        from workstation.views.language import switch_language

        switch_language(setting)

    # -- import / export --------------------------------------------------
    def import_leads(self):
        wizard_mod = _optional("workstation.views.importwizard")
        if wizard_mod is None or not hasattr(wizard_mod, "ImportWizard"):
            QMessageBox.information(self, self.tr("Import"),
                                    self.tr("The import wizard is not available in this "
                                            "build. Use: workstation import FILE"))
            return None
        wizard = wizard_mod.ImportWizard(self.config, self.store, self)
        wizard.finished.connect(lambda _r: self.refresh())
        wizard.open()
        return wizard

    def export_leads(self, path: str | None = None):
        """Ask for a file, then write the processed-base CSV in the background."""
        exporter = _optional("workstation.importer.exporter")
        if exporter is None or not hasattr(exporter, "run_export"):
            QMessageBox.information(self, self.tr("Export"),
                                    self.tr("Export is not available in this build."))
            return None
        if path is None:
            path, _f = QFileDialog.getSaveFileName(
                self, self.tr("Export leads"), "leads.csv", self.tr("CSV files (*.csv)"))
            if not path:
                return None
        from workstation.i18n import pick_language

        language = pick_language(self.config.get("ui.language"))
        lang = language if language in getattr(exporter, "HEADERS", {}) else "en"
        store = self.store
        progress = QProgressDialog(self.tr("Exporting leads…"), self.tr("Cancel"), 0, 0, self)
        progress.setMinimumDuration(500)

        def work(report, cancel):
            return exporter.run_export(store, path, lang=lang, progress=report, cancel=cancel)

        def done(result):
            progress.close()
            self.status_message.setText(
                self.tr("Exported %1 leads to %2").replace("%1", str(getattr(result, "leads", "")))
                .replace("%2", str(path)))
            self.sig_exported.emit(result)

        def failed(exc):
            progress.close()
            QMessageBox.critical(self, self.tr("Export"),
                                 self.tr("Export failed: %1").replace("%1", str(exc)))

        def show_progress(done_n, total):
            progress.setMaximum(total)
            progress.setValue(done_n)

        op = run_op(self, work, done, failed, show_progress)
        progress.canceled.connect(op.cancel)
        return op

    # -- help -------------------------------------------------------------
    def about(self) -> None:
        QMessageBox.about(
            self, self.tr("About workstation"),
            self.tr("<b>Workstation</b> %1<br>A call-center workstation for people who sell "
                    "by phone: lead base, lead card, softphone, scripts.")
            .replace("%1", __version__))

    # -- life -------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop background work before the store is closed (app.py calls this)."""
        for dlg in list(self._cards):
            dlg.card.discard_changes()
            dlg.close()
        pool().waitForDone(5000)
