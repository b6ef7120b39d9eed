"""At start: "the last session crashed; show the report?" (workstation.crashreport)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QFontDatabase
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit,
                               QPushButton, QVBoxLayout, QWidget)

from workstation import crashreport


class CrashReportDialog(QDialog):
    """Names the reports; *Show report* shows their text (read-only, to copy into a ticket)."""

    def __init__(self, reports: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashReportDialog")
        self.reports = reports
        self.setWindowTitle(self.tr("Workstation stopped unexpectedly"))
        layout = QVBoxLayout(self)
        self.label = QLabel(self.tr(
            "The last session ended with an error. A report was saved in the log folder:\n%1\n"
            "It holds no passwords; send it to your support if the problem comes back.")
            .replace("%1", "\n".join(str(p) for p in reports)), self)
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("crashReportText")
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setMinimumSize(640, 260)
        self.text.hide()
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.show_button = QPushButton(self.tr("Show report"), self)
        self.show_button.setObjectName("showCrashReport")
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setEnabled(False)
        self.folder_button = QPushButton(self.tr("Open folder"), self)
        for b in (self.show_button, self.copy_button, self.folder_button):
            buttons.addButton(b, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.show_button.clicked.connect(self.show_report)
        self.copy_button.clicked.connect(
            lambda: QApplication.clipboard().setText(self.text.toPlainText()))
        self.folder_button.clicked.connect(lambda: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(reports[-1].parent))))
        layout.addWidget(buttons)

    def show_report(self) -> None:
        parts = []
        for p in self.reports:
            try:
                parts.append(f"== {p.name} ==\n{p.read_text(encoding='utf-8', errors='replace')}")
            except OSError as exc:
                parts.append(f"== {p.name} ==\n{exc}")
        self.text.setPlainText("\n".join(parts))
        self.text.show()
        self.show_button.setEnabled(False)
        self.copy_button.setEnabled(True)
        self.adjustSize()


def offer_crash_reports(parent: QWidget | None = None, folder: Path | None = None
                        ) -> CrashReportDialog | None:
    """Open the dialog (not modal to the app's work) when earlier sessions left reports;
    they are offered once: renamed to *.seen."""
    reports = crashreport.pending(folder)
    if not reports:
        return None
    crashreport.mark_seen(reports)
    dialog = CrashReportDialog([p.with_suffix(".seen") for p in reports], parent)
    dialog.open()
    return dialog
