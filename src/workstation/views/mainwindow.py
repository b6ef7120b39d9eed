"""The main window: menus from the action registry, the lead list, a status bar.

Thin on purpose: features are widgets of their own (lead list, lead card,
settings, import wizard), and feature folders install themselves into it
(``install(window, ctx)``: the call center, the script editor). The window
holds the session context (``window.ctx``) and no store.
"""

from __future__ import annotations

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
from workstation.i18n import pick_language
from workstation.importer import exporter
from workstation.views import actions as act
from workstation.views import admin as admin_screens
from workstation.views import review as review_screens
from workstation.views import ops, scripteditor
from workstation.views.icons import icon
from workstation.views.leadcard.widget import LeadCardDialog
from workstation.views.leadlist.model import LeadIdRole
from workstation.views.leadlist.widget import LeadListWidget
from workstation.views.statusbar import ElidingLabel, StatusIndicators

log = logging.getLogger(__name__)

DOCK_SHARE = 0.27
"""A side dock takes at most this share of a narrow window (a 1366 px laptop), so
that the central area (the Call tab) keeps room; on a wide screen it is left as set."""


class MainWindow(QMainWindow):
    sig_exported = Signal(object)
    """An export from the File menu finished; carries the exporter's result."""
    sig_dial = Signal(str)
    """Click-to-call in any lead card this window opened; carries the E.164 number."""
    sig_settings_saved = Signal()
    """The settings dialog saved (config.json written): running parts re-read theirs
    (the app hands the headset devices to the audio bridge)."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.ctx, self.config = ctx, ctx.settings
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

        self.lead_list = LeadListWidget(ctx, self)
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
        ops.bus().sig_changed.connect(self._on_changed)
        # drill-down from statistics, the funnel, the board: the lead's card
        ops.bus().sig_open_lead.connect(self.open_lead)
        scripteditor.install(self, ctx)
        admin_screens.install(self, ctx)
        review_screens.install(self, ctx)
        self.retranslate()
        self.lead_list.start()

    # -- helpers ----------------------------------------------------------
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
        dlg = LeadCardDialog(self.ctx, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
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

    def _on_changed(self, changes: ops.Changes) -> None:
        """Leads changed somewhere: their rows are read again; a new lead, or a
        card edit of a lead not shown (it may match the filter now), reads the
        list again. A wrap-up of a lead not shown leaves the list as it is."""
        if not changes.touches(ops.LEADS):
            return
        model = self.lead_list.model
        if changes.created:
            self.refresh()
            return
        again = False
        for lead_id in changes.lead_ids:
            if model.row_of(lead_id) >= 0:
                model.reload_lead(lead_id)
            elif not changes.touches(ops.CALLS):
                again = True
        if again:
            self.lead_list.apply_filter()

    # -- settings ---------------------------------------------------------
    def open_settings(self):
        # (deferred: the settings pages are built when first opened)
        from workstation.views.settings.dialog import SettingsDialog

        dlg = SettingsDialog(self.config, self)
        dlg.sig_language_changed.connect(self._language_changed)
        dlg.sig_saved.connect(self.sig_settings_saved)
        dlg.open()
        return dlg

    def _language_changed(self, setting: str) -> None:
        # (deferred: rare; it loads the translators)
        from workstation.views.language import switch_language

        switch_language(setting)

    # -- import / export --------------------------------------------------
    def import_leads(self):
        # (deferred: the wizard and the file reader load when asked for)
        from workstation.views.importwizard import ImportWizard

        wizard = ImportWizard(self.config, self.ctx.store, self, ctx=self.ctx)
        wizard.finished.connect(lambda _r: self.refresh())
        wizard.open()
        return wizard

    def export_leads(self, path: str | None = None):
        """Ask for a file, then write the processed-base CSV in the background."""
        if path is None:
            path, _f = QFileDialog.getSaveFileName(
                self, self.tr("Export leads"), "leads.csv", self.tr("CSV files (*.csv)"))
            if not path:
                return None
        language = pick_language(self.config.get("ui.language"))
        lang = language if language in exporter.HEADERS else "en"
        store = self.ctx.store
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

        op = ops.run_op(self, work, done, failed, show_progress)
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
        ops.pool().waitForDone(5000)
