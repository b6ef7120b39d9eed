"""The lead base import wizard: file → columns → import (progress, cancel) → summary.

All file reading and the import itself run off the GUI thread through
:func:`workstation.views.ops.run_op`; the preview shows at most
``PREVIEW_ROWS`` rows with cells cut to ``PREVIEW_CHARS`` characters, so a
50 MB cell never reaches a widget.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from workstation.importer.importer import ImportCancelled, ImportOptions, ImportResult, run_import
from workstation.importer.mapping import FIELDS, MULTI_FIELDS, REQUIRED_FIELD, auto_mapping
from workstation.importer.reader import ImportFileError, read_preview
from workstation.services import admin
from workstation.views.ops import query, run_op

log = logging.getLogger(__name__)

PREVIEW_ROWS = 20
PREVIEW_CHARS = 120
REJECTS_SHOWN = 500

_CTX = "ImportWizard"
FIELD_LABELS = {
    "company": QT_TRANSLATE_NOOP("ImportWizard", "Company"),
    "address": QT_TRANSLATE_NOOP("ImportWizard", "Address"),
    "phone": QT_TRANSLATE_NOOP("ImportWizard", "Phone"),
    "contact": QT_TRANSLATE_NOOP("ImportWizard", "Contact person"),
    "email": QT_TRANSLATE_NOOP("ImportWizard", "E-mail"),
    "source": QT_TRANSLATE_NOOP("ImportWizard", "Source"),
    "category": QT_TRANSLATE_NOOP("ImportWizard", "Category"),
    "lead_type": QT_TRANSLATE_NOOP("ImportWizard", "Client type"),
    "datetime": QT_TRANSLATE_NOOP("ImportWizard", "Date-time"),
    "history": QT_TRANSLATE_NOOP("ImportWizard", "Client history"),
}
assert set(FIELD_LABELS) == set(FIELDS)


def field_label(code: str) -> str:
    return QCoreApplication.translate(_CTX, FIELD_LABELS[code])


class FilePage(QWizardPage):
    """Step 1: which file, which default phone region."""

    def __init__(self, config, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Choose the lead base"))
        self.setSubTitle(self.tr("A CSV (UTF-8 or Windows-1251; comma, semicolon or tab) "
                                 "or an XLSX file with a header row."))
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("importPath")
        self.path_edit.setPlaceholderText(self.tr("Path to a .csv or .xlsx file"))
        browse = QPushButton(self.tr("Browse…"), self)
        browse.setObjectName("importBrowse")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.region_edit = QLineEdit(self)
        self.region_edit.setObjectName("importRegion")
        self.region_edit.setMaxLength(2)
        self.region_edit.setText(str(config.get("phone.default_region") or "UA").upper())
        self.region_edit.setToolTip(self.tr("Country (ISO code) of numbers written without "
                                            "a country code"))
        self.encoding_box = QComboBox(self)
        self.encoding_box.setObjectName("importEncoding")
        self.encoding_box.addItem(self.tr("Detect"), None)
        self.encoding_box.addItem("UTF-8", "utf-8")
        self.encoding_box.addItem("Windows-1251", "cp1251")
        form = QFormLayout()
        form.addRow(self.tr("File:"), row)
        form.addRow(self.tr("Default phone region:"), self.region_edit)
        form.addRow(self.tr("Encoding:"), self.encoding_box)
        self.target_box = QComboBox(self)
        self.target_box.setObjectName("importTarget")
        self.target_box.addItem(self.tr("Me"), None)
        form.addRow(self.tr("Leads go to:"), self.target_box)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("importFileError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        self.path_edit.textChanged.connect(self.completeChanged)
        self.region_edit.textChanged.connect(self.completeChanged)

    def _browse(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self, self.tr("Open lead base"), self.path_edit.text(),
            self.tr("Lead bases (*.csv *.txt *.xlsx);;All files (*)"))
        if path:
            self.path_edit.setText(path)

    def path(self) -> Path:
        return Path(self.path_edit.text().strip())

    def region(self) -> str:
        return self.region_edit.text().strip().upper() or "UA"

    def encoding(self) -> str | None:
        return self.encoding_box.currentData()

    def set_targets(self, choices) -> None:
        """Fill "Leads go to" (services.admin.TargetChoice list)."""
        labels = {"me": self.tr("Me (%1)"), "owner": self.tr("Manager: %1"),
                  "pool": self.tr("Shared pool of team %1"),
                  "distribute": self.tr("Team %1: evenly among its managers")}
        self.target_box.clear()
        for c in choices:
            self.target_box.addItem(labels[c.kind].replace("%1", c.name), c)

    def target(self):
        return self.target_box.currentData()

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip()) and len(self.region_edit.text().strip()) == 2

    def validatePage(self) -> bool:
        path = self.path()
        # a stat, not a read; a folder, a pipe or a device is refused by the preview's
        # reader (off this thread) with its reason
        if not path.exists():
            self.error_label.setText(self.tr("%1: no such file").replace("%1", str(path)))
            return False
        self.error_label.clear()
        return True


class MappingPage(QWizardPage):
    """Step 2: a preview of the file and one combo box per column to fix the mapping."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(self.tr("Check which field each column holds. A phone column is "
                                 "required; several phone or e-mail columns are allowed."))
        self.info_label = QLabel(self)
        self.info_label.setObjectName("importInfo")
        self.error_label = QLabel(self)
        self.error_label.setObjectName("importMappingError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020")
        self.mapping_table = QTableWidget(0, 3, self)
        self.mapping_table.setObjectName("importMapping")
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Example"), self.tr("Field")])
        self.mapping_table.verticalHeader().setVisible(False)
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        self.preview_table = QTableWidget(0, 0, self)
        self.preview_table.setObjectName("importPreview")
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info_label)
        layout.addWidget(self.mapping_table, 2)
        layout.addWidget(QLabel(self.tr("First rows of the file:"), self))
        layout.addWidget(self.preview_table, 3)
        layout.addWidget(self.error_label)
        self.setCommitPage(True)  # the import starts on leaving this page
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.combos: list[QComboBox] = []
        self.headers: list[str] = []
        self.loaded = False
        self.loading_for: tuple | None = None
        self._op = None

    # -- loading the preview off the GUI thread

    def initializePage(self) -> None:
        wiz: ImportWizard = self.wizard()
        key = (str(wiz.file_page.path()), wiz.file_page.encoding())
        if self.loaded and key == self.loading_for:
            return
        self.loaded = False
        self.loading_for = key
        self.info_label.setText(self.tr("Reading %1…").replace("%1", key[0]))
        self.error_label.clear()
        self.mapping_table.setRowCount(0)
        self.preview_table.clear()
        self.preview_table.setRowCount(0)
        self.preview_table.setColumnCount(0)
        path, encoding = wiz.file_page.path(), wiz.file_page.encoding()

        def work(_progress, _cancel):
            table, rows = read_preview(path, limit=PREVIEW_ROWS, cell_chars=PREVIEW_CHARS,
                                       encoding=encoding)
            return key, table, rows

        self._op = run_op(None, work, self._loaded, self._failed)
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        self.info_label.clear()
        if isinstance(exc, ImportFileError):
            self.error_label.setText(str(exc))
        else:
            log.error("preview failed", exc_info=exc)
            self.error_label.setText(self.tr("The file cannot be read: %1").replace(
                "%1", str(exc)))
        self.completeChanged.emit()

    def _loaded(self, payload) -> None:
        key, table, rows = payload
        if key != self.loading_for:
            return  # an older file's preview
        self.headers = list(table.headers)
        if table.kind == "csv":
            delim = {"\t": self.tr("tab"), ",": self.tr("comma"),
                     ";": self.tr("semicolon")}.get(table.delimiter, repr(table.delimiter))
            self.info_label.setText(self.tr("CSV file, encoding %1, delimiter: %2, %3 columns")
                                    .replace("%1", table.encoding).replace("%2", delim)
                                    .replace("%3", str(len(self.headers))))
        else:
            self.info_label.setText(self.tr("XLSX file, sheet %1, %2 columns")
                                    .replace("%1", table.sheet)
                                    .replace("%2", str(len(self.headers))))
        guessed = auto_mapping(self.headers)
        by_column = {i: f for f, cols in guessed.items() for i in cols}
        self.mapping_table.setRowCount(len(self.headers))
        self.combos = []
        for i, header in enumerate(self.headers):
            self.mapping_table.setItem(i, 0, QTableWidgetItem(header or f"#{i + 1}"))
            example = next((cells[i] for _line, cells in rows
                            if i < len(cells) and cells[i].strip()), "")
            self.mapping_table.setItem(i, 1, QTableWidgetItem(example))
            combo = QComboBox(self.mapping_table)
            combo.setObjectName(f"importField{i}")
            combo.addItem(self.tr("(ignore)"), None)
            for code in FIELDS:
                combo.addItem(field_label(code), code)
            combo.setCurrentIndex(max(0, combo.findData(by_column.get(i))))
            combo.currentIndexChanged.connect(self._changed)
            self.mapping_table.setCellWidget(i, 2, combo)
            self.combos.append(combo)
        self.mapping_table.resizeColumnToContents(0)
        width = max([len(self.headers)] + [len(c) for _l, c in rows])
        self.preview_table.setColumnCount(width)
        self.preview_table.setHorizontalHeaderLabels(
            self.headers + [""] * (width - len(self.headers)))
        self.preview_table.setRowCount(len(rows))
        self.preview_table.setVerticalHeaderLabels([str(line) for line, _c in rows])
        for r, (_line, cells) in enumerate(rows):
            for c, value in enumerate(cells):
                self.preview_table.setItem(r, c, QTableWidgetItem(value))
        self.loaded = True
        self._changed()

    # -- the mapping

    def set_field(self, column: int, field: str | None) -> None:
        """Map ``column`` (0-based) to ``field`` (None = ignore); as the user would."""
        combo = self.combos[column]
        combo.setCurrentIndex(combo.findData(field) if field else 0)

    def mapping(self) -> dict[str, list[int]]:
        result: dict[str, list[int]] = {}
        for i, combo in enumerate(self.combos):
            code = combo.currentData()
            if code:
                result.setdefault(code, []).append(i)
        return result

    def _problem(self) -> str:
        m = self.mapping()
        if not m.get(REQUIRED_FIELD):
            found = ", ".join(h for h in self.headers if h) or "-"
            return self.tr("No column is mapped to Phone (headers found: %1). "
                           "Choose the phone column.").replace("%1", found)
        doubled = [field_label(f) for f, cols in m.items()
                   if len(cols) > 1 and f not in MULTI_FIELDS]
        if doubled:
            return self.tr("Only one column can be mapped to: %1").replace(
                "%1", ", ".join(doubled))
        return ""

    def _changed(self, *_args) -> None:
        if self.loaded:
            self.error_label.setText(self._problem())
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.loaded and not self._problem()


class RunPage(QWizardPage):
    """Step 3: the import itself, with a progress bar and Cancel."""

    sig_finished = Signal(object)
    """The import ended: carries the ImportResult, or the exception."""

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.setTitle(self.tr("Importing"))
        self.setSubTitle(self.tr("All rows go in one transaction: a cancelled or failed "
                                 "import changes nothing."))
        self.setCommitPage(True)  # no way back to a finished import
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Next"))
        self.progress = QProgressBar(self)
        self.progress.setObjectName("importProgress")
        self.progress.setRange(0, 1000)
        self.status = QLabel(self)
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Cancel import"), self)
        self.cancel_button.setObjectName("importCancel")
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        layout.addStretch(1)
        self.op = None
        self.outcome: ImportResult | BaseException | None = None

    def running(self) -> bool:
        return self.op is not None and self.outcome is None

    def initializePage(self) -> None:
        wiz: ImportWizard = self.wizard()
        self.outcome = None
        self.progress.setValue(0)
        self.cancel_button.setEnabled(True)
        path = wiz.file_page.path()
        self.status.setText(self.tr("Importing %1…").replace("%1", str(path)))
        opts = ImportOptions(region=wiz.file_page.region(), mapping=wiz.mapping_page.mapping(),
                             encoding=wiz.file_page.encoding())
        store, ctx, choice = self.store, wiz.ctx, wiz.file_page.target()

        def work(progress, cancel):
            if ctx is not None:
                t = admin.import_target(ctx, choice)
                opts.owner_id, opts.team_id, opts.user_id = t.owner_id, t.team_id, ctx.user.id
                opts.shared_pool, opts.distribute_to = t.shared_pool, t.distribute_to
            return run_import(store, path, opts, progress=progress, cancel=cancel)

        self.op = run_op(None, work, self._done, self._failed, self._progress)

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setValue(min(1000, int(done * 1000 / total)))

    def cancel(self) -> None:
        if self.running():
            self.op.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling… (rolling back)"))

    def _done(self, result: ImportResult) -> None:
        self.outcome = result
        self.progress.setValue(1000)
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("Done."))
        self.completeChanged.emit()
        self.sig_finished.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.outcome = exc
        self.cancel_button.setEnabled(False)
        if isinstance(exc, ImportCancelled):
            self.status.setText(self.tr("Import cancelled: nothing was changed."))
        elif isinstance(exc, ImportFileError):
            self.status.setText(self.tr("The file cannot be imported, nothing was changed: "
                                        "%1").replace("%1", str(exc)))
        else:
            log.error("import failed", exc_info=exc)
            self.status.setText(self.tr("Import failed, nothing was changed: %1").replace(
                "%1", str(exc)))
        self.completeChanged.emit()
        self.sig_finished.emit(exc)

    def isComplete(self) -> bool:
        return isinstance(self.outcome, ImportResult)


class SummaryPage(QWizardPage):
    """Step 4: inserted / merged / rejected, the rejects file and the rejected lines."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Import finished"))
        self.counts = QLabel(self)
        self.counts.setObjectName("importCounts")
        self.counts.setWordWrap(True)
        self.rejects_label = QLabel(self)
        self.rejects_label.setObjectName("importRejectsFile")
        self.rejects_label.setWordWrap(True)
        self.rejects_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rejects = QPlainTextEdit(self)
        self.rejects.setObjectName("importRejects")
        self.rejects.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.rejects_label)
        layout.addWidget(self.rejects, 1)

    def initializePage(self) -> None:
        result = self.wizard().result
        if result is None:
            return
        self.counts.setText(
            self.tr("Rows read: %1. New leads: %2. Merged into existing leads: %3. "
                    "Rejected rows: %4. Warnings: %5.")
            .replace("%1", str(result.rows_read)).replace("%2", str(result.inserted))
            .replace("%3", str(result.merged)).replace("%4", str(result.rejected))
            .replace("%5", str(result.warnings)))
        if result.rejects_path:
            self.rejects_label.setText(self.tr("Rejected rows and warnings were written to "
                                               "%1").replace("%1", str(result.rejects_path)))
        else:
            self.rejects_label.setText(self.tr("No rows were rejected."))
        lines = []
        for rej in result.rejects[:REJECTS_SHOWN]:
            kind = self.tr("warning") if rej.warning else self.tr("rejected")
            lines.append(self.tr("line %1, %2: %3").replace("%1", str(rej.line))
                         .replace("%2", kind).replace("%3", rej.reason))
        self.rejects.setPlainText("\n".join(lines))
        self.rejects.setVisible(bool(lines))


class ImportWizard(QWizard):
    """Import a lead base: ``ImportWizard(config, store, parent).open()``."""

    sig_imported = Signal(object)
    """An import committed; carries its ImportResult."""

    FILE, MAPPING, RUN, SUMMARY = range(4)

    def __init__(self, config, store, parent=None, *, ctx=None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.ctx = ctx
        """The session context: where the leads go (services.admin); None: nobody's."""
        self.setWindowTitle(self.tr("Import leads"))
        self.config = config
        self.store = store
        self.result: ImportResult | None = None
        self._close_after_cancel = False
        self.file_page = FilePage(config, self)
        self.mapping_page = MappingPage(self)
        self.run_page = RunPage(store, self)
        self.summary_page = SummaryPage(self)
        self.setPage(self.FILE, self.file_page)
        self.setPage(self.MAPPING, self.mapping_page)
        self.setPage(self.RUN, self.run_page)
        self.setPage(self.SUMMARY, self.summary_page)
        self.run_page.sig_finished.connect(self._run_finished)
        self.resize(760, 560)
        if ctx is not None:
            query(self, lambda: admin.import_choices(ctx), self.file_page.set_targets)

    def set_file(self, path: str | Path) -> None:
        """Choose the file without the file dialog (tests, drag and drop)."""
        self.file_page.path_edit.setText(str(path))

    def _run_finished(self, outcome) -> None:
        if self._close_after_cancel:
            super().reject()
            return
        if isinstance(outcome, ImportResult):
            self.result = outcome
            self.sig_imported.emit(outcome)
            self.next()

    def reject(self) -> None:
        if self.run_page.running():  # wait for the rollback before closing
            self._close_after_cancel = True
            self.run_page.cancel()
            return
        super().reject()
