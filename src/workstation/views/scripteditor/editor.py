"""The admin's call-script editor.

Left: the stored scripts (code, name, topic, latest version) and the steps of
the script being edited. Right: the script's header, the selected step (id,
kind, stage, title, text with variable buttons), its answers (text → next step,
hints), a preview with sample values and the live list of problems found by the
domain validator (each naming its step; click one to go there).

Save stores a NEW version off the GUI thread (older versions stay; a call keeps
the version it used). Import/Export read and write the script's JSON.
"""

from __future__ import annotations

import copy
import html
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.scripts import (
    DEFAULT_MAX_INFO_OCCASIONS,
    END,
    RETURN,
    VARIABLES,
    Script as ScriptDef,
    ScriptError,
    StepKind,
    render_text,
)
from workstation.services import scripts as script_service
from workstation.views import ops
from workstation.views.ops import run_op
from workstation.views.scripteditor import storage
from workstation.views.scripteditor.models import (
    STAGE_LABELS,
    AnswersModel,
    NextStepDelegate,
    ScriptListModel,
    StepListModel,
    kind_label,
    problem_text,
    target_label,
    translated,
)

_STEP_RE = re.compile(r"^(?:.*?: )?step '([^']*)'")
_STEP_NO_RE = re.compile(r"^(?:.*?: )?step #(\d+)")
LANGUAGES = {"en": "English", "ru": "Русский", "uk": "Українська"}


def _new_doc() -> dict[str, Any]:
    return {"code": "new_script", "name": "", "topic": "", "language": "en", "start": "start",
            "max_info_occasions": DEFAULT_MAX_INFO_OCCASIONS,
            "steps": [{"id": "start", "kind": "say", "title": "", "text": "", "answers": []}]}


class ScriptEditor(QDialog):
    """Edit call scripts as graphs of steps; every save is a new version."""

    sig_scripts_listed = Signal(int)
    """The list of stored scripts was (re)read; carries the number of scripts."""
    sig_loaded = Signal(str)
    """A script was opened for editing (from the store or a file); carries its code."""
    sig_saved = Signal(str, int)
    """A new version was stored; carries (code, version)."""
    sig_exported = Signal(str)
    """The script was written to a file; carries the path."""
    sig_error = Signal(str)
    """Something failed (import, export, save, load); carries the message shown."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("scriptEditor")
        self.ctx = ctx
        self.doc: dict[str, Any] = _new_doc()
        self.base_version: int | None = None
        """The stored version the working copy started from (None: new or imported)."""
        self.dirty = False
        self.confirm_discard = True
        """Ask before unsaved edits are thrown away (tests switch it off)."""
        self.last_error = ""
        self.problems: list[str] = []
        self._filling = False
        self._busy = False
        self._pending_select: str | None = None
        self._auto_open = True
        """Open the first stored script when the list first arrives."""
        self._ops: list = []
        self.setWindowTitle(self.tr("Call script editor"))
        self.setSizeGripEnabled(True)
        self.resize(1280, 820)
        self._build()
        self._set_doc(self.doc, None, dirty=False)
        self.reload_scripts()

    # -- layout -------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setChildrenCollapsible(False)
        root.addWidget(split, 1)
        split.addWidget(self._build_left())
        split.addWidget(self._build_right())
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([380, 900])

        bottom = QHBoxLayout()
        self.status = QLabel(self)
        self.status.setObjectName("scriptEditorStatus")
        self.status.setWordWrap(True)
        bottom.addWidget(self.status, 1)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(self.tr("Save as new version"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("saveScriptButton")
        self.save_button.setToolTip(self.tr("Store the script as a new version; older versions "
                                            "stay and calls keep the version they used"))
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        self.save_button.clicked.connect(self.save)
        close.clicked.connect(self.reject)
        bottom.addWidget(self.buttons)
        root.addLayout(bottom)

    def _build_left(self) -> QWidget:
        left = QWidget(self)
        lay = QVBoxLayout(left)
        lay.setContentsMargins(0, 0, 0, 0)

        scripts_box = QGroupBox(self.tr("Scripts"), left)
        sl = QVBoxLayout(scripts_box)
        self.scripts = ScriptListModel(self)
        self.scripts_view = QTableView(scripts_box)
        self.scripts_view.setObjectName("scriptsView")
        self.scripts_view.setModel(self.scripts)
        self.scripts_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.scripts_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.scripts_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.scripts_view.verticalHeader().hide()
        self.scripts_view.setWordWrap(False)
        hh = self.scripts_view.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.scripts_view.hideColumn(2)  # topic: in the tooltip of the header form
        self.scripts_view.setMaximumHeight(140)
        self.scripts_view.activated.connect(self._script_activated)
        self.scripts_view.clicked.connect(self._script_activated)
        sl.addWidget(self.scripts_view)
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New"), scripts_box)
        self.import_button = QPushButton(self.tr("Import…"), scripts_box)
        self.export_button = QPushButton(self.tr("Export…"), scripts_box)
        self.import_button.setToolTip(self.tr("Open a script from a JSON file"))
        self.export_button.setToolTip(self.tr("Write the script being edited to a JSON file"))
        self.new_button.clicked.connect(self.new_script)
        self.import_button.clicked.connect(self._ask_import)
        self.export_button.clicked.connect(self._ask_export)
        for b in (self.new_button, self.import_button, self.export_button):
            row.addWidget(b)
        sl.addLayout(row)
        lay.addWidget(scripts_box)

        steps_box = QGroupBox(self.tr("Steps"), left)
        stl = QVBoxLayout(steps_box)
        self.steps = StepListModel(self)
        self.steps_view = QListView(steps_box)
        self.steps_view.setObjectName("stepsView")
        self.steps_view.setModel(self.steps)
        self.steps_view.setAlternatingRowColors(True)
        self.steps_view.setSpacing(1)
        self.steps_view.selectionModel().currentRowChanged.connect(self._step_selected)
        stl.addWidget(self.steps_view, 1)
        row = QHBoxLayout()
        self.add_step_button = QPushButton(self.tr("Add step"), steps_box)
        self.remove_step_button = QPushButton(self.tr("Remove step"), steps_box)
        self.add_step_button.clicked.connect(lambda: self.add_step())
        self.remove_step_button.clicked.connect(self.remove_step)
        row.addWidget(self.add_step_button)
        row.addWidget(self.remove_step_button)
        stl.addLayout(row)
        lay.addWidget(steps_box, 1)
        return left

    def _build_right(self) -> QWidget:
        right = QWidget(self)
        lay = QVBoxLayout(right)
        lay.setContentsMargins(0, 0, 0, 0)

        head = QGroupBox(self.tr("Script"), right)
        hf = QHBoxLayout(head)
        f1, f2 = QFormLayout(), QFormLayout()
        self.code = QLineEdit(head)
        self.code.setToolTip(self.tr("Stable code; saving under a new code starts a new script"))
        self.name = QLineEdit(head)
        self.topic = QLineEdit(head)
        self.topic.setToolTip(self.tr("Leads with this topic get this script"))
        self.language = QComboBox(head)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.start = QComboBox(head)
        self.start.setObjectName("startCombo")
        self.max_info = QSpinBox(head)
        self.max_info.setRange(1, 20)
        self.max_info.setToolTip(self.tr("Warn the manager past this many info-occasions in "
                                         "one call"))
        f1.addRow(self.tr("Code:"), self.code)
        f1.addRow(self.tr("Name:"), self.name)
        f1.addRow(self.tr("Topic:"), self.topic)
        f2.addRow(self.tr("Language:"), self.language)
        f2.addRow(self.tr("Start step:"), self.start)
        f2.addRow(self.tr("Info-occasions per call:"), self.max_info)
        hf.addLayout(f1, 3)
        hf.addLayout(f2, 2)
        for w in (self.code, self.name, self.topic):
            w.textEdited.connect(self._header_edited)
        self.language.currentIndexChanged.connect(self._header_edited)
        self.start.currentIndexChanged.connect(self._header_edited)
        self.max_info.valueChanged.connect(self._header_edited)
        lay.addWidget(head)

        self.step_box = QGroupBox(self.tr("Step"), right)
        sf = QVBoxLayout(self.step_box)
        form = QFormLayout()
        top = QHBoxLayout()
        self.step_id = QLineEdit(self.step_box)
        self.step_id.setObjectName("stepIdEdit")
        self.step_id.setToolTip(self.tr("Renaming a step relinks the answers that lead to it"))
        self.step_id.editingFinished.connect(self._rename_step)
        self.kind = QComboBox(self.step_box)
        for k in StepKind:
            self.kind.addItem(kind_label(k), k.value)
        self.kind.setToolTip(self.tr("Objections and info-occasions can be opened from any "
                                     "step; their @return answers go back"))
        self.stage = QComboBox(self.step_box)
        for code, label in STAGE_LABELS.items():
            self.stage.addItem(translated(label), code)
        top.addWidget(self.step_id, 2)
        top.addWidget(QLabel(self.tr("Kind:"), self.step_box))
        top.addWidget(self.kind, 1)
        top.addWidget(QLabel(self.tr("Stage:"), self.step_box))
        top.addWidget(self.stage, 1)
        form.addRow(self.tr("Id:"), top)
        self.title = QLineEdit(self.step_box)
        form.addRow(self.tr("Title:"), self.title)
        self.text = QPlainTextEdit(self.step_box)
        self.text.setObjectName("stepTextEdit")
        self.text.setPlaceholderText(self.tr("What the manager says; variables are filled in "
                                             "during the call"))
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(60)
        self.text.setMaximumHeight(96)
        text_box = QVBoxLayout()
        text_box.addWidget(self.text)
        chips = QHBoxLayout()
        chips.addWidget(QLabel(self.tr("Insert:"), self.step_box))
        self.variable_buttons = {}
        for var in VARIABLES:
            b = QToolButton(self.step_box)
            b.setText("{" + var + "}")
            b.setToolTip(self._variable_help(var))
            b.clicked.connect(lambda _c=False, v=var: self.insert_variable(v))
            chips.addWidget(b)
            self.variable_buttons[var] = b
        chips.addStretch(1)
        text_box.addLayout(chips)
        form.addRow(self.tr("Text:"), text_box)
        sf.addLayout(form)
        self.kind.currentIndexChanged.connect(self._step_edited)
        self.stage.currentIndexChanged.connect(self._step_edited)
        self.title.textEdited.connect(self._step_edited)
        self.text.textChanged.connect(self._step_edited)

        self.answers = AnswersModel(self, self.steps.ids)
        self.answers_view = QTableView(self.step_box)
        self.answers_view.setObjectName("answersView")
        self.answers_view.setModel(self.answers)
        self.answers_view.setItemDelegateForColumn(
            AnswersModel.NEXT, NextStepDelegate(self.steps.ids, self.answers_view))
        self.answers_view.verticalHeader().hide()
        self.answers_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.answers_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        ah = self.answers_view.horizontalHeader()
        ah.setSectionResizeMode(AnswersModel.LABEL, QHeaderView.ResizeMode.Stretch)
        ah.setSectionResizeMode(AnswersModel.NEXT, QHeaderView.ResizeMode.Interactive)
        ah.setSectionResizeMode(AnswersModel.HINTS, QHeaderView.ResizeMode.Stretch)
        ah.setSectionResizeMode(AnswersModel.ID, QHeaderView.ResizeMode.ResizeToContents)
        ah.resizeSection(AnswersModel.NEXT, 170)
        self.answers_view.setMinimumHeight(150)
        self.answers_view.setWordWrap(False)
        self.answers_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.answers_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.answers.sig_changed.connect(self._answers_edited)
        answers_label = QHBoxLayout()
        answers_label.addWidget(QLabel(self.tr("Client's answers:"), self.step_box), 1)
        self.add_answer_button = QPushButton(self.tr("Add answer"), self.step_box)
        self.remove_answer_button = QPushButton(self.tr("Remove answer"), self.step_box)
        self.add_answer_button.clicked.connect(self.add_answer)
        self.remove_answer_button.clicked.connect(self.remove_answer)
        answers_label.addWidget(self.add_answer_button)
        answers_label.addWidget(self.remove_answer_button)
        sf.addLayout(answers_label)
        sf.addWidget(self.answers_view, 1)
        lay.addWidget(self.step_box, 5)

        lower = QSplitter(Qt.Orientation.Horizontal, right)
        preview_box = QGroupBox(self.tr("Preview with sample values"), lower)
        pl = QVBoxLayout(preview_box)
        self.preview = QTextBrowser(preview_box)
        self.preview.setObjectName("scriptPreview")
        self.preview.setOpenLinks(False)
        pl.addWidget(self.preview)
        problems_box = QGroupBox(self.tr("Problems"), lower)
        self.problems_box = problems_box
        ql = QVBoxLayout(problems_box)
        self.problems_model = QStringListModel(self)
        self.problems_view = QListView(problems_box)
        self.problems_view.setObjectName("problemsView")
        self.problems_view.setModel(self.problems_model)
        self.problems_view.setWordWrap(True)
        self.problems_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems_view.clicked.connect(self._problem_clicked)
        self.problems_view.activated.connect(self._problem_clicked)
        ql.addWidget(self.problems_view)
        lower.addWidget(preview_box)
        lower.addWidget(problems_box)
        lower.setSizes([500, 400])
        lay.addWidget(lower, 2)
        lower.setMinimumHeight(170)
        return right

    def _variable_help(self, var: str) -> str:
        return {
            "contact": self.tr("The contact person's name"),
            "company": self.tr("The lead's company"),
            "manager": self.tr("The manager's name"),
            "product": self.tr("The product or topic"),
        }[var]

    def sample_values(self) -> dict[str, str]:
        return {"contact": self.tr("Olena Petrenko"), "company": self.tr("Acme Trading LLC"),
                "manager": self.tr("Ivan Moroz"), "product": self.tr("financial consulting")}

    # -- the working copy ---------------------------------------------------------
    def _set_doc(self, doc: dict[str, Any], base_version: int | None, *, dirty: bool,
                 select: str | None = None) -> None:
        doc = copy.deepcopy(doc)
        doc.setdefault("steps", [])
        for st in doc["steps"]:
            st.setdefault("answers", [])
        self.doc, self.base_version = doc, base_version
        self._filling = True
        try:
            self.code.setText(str(doc.get("code", "")))
            self.name.setText(str(doc.get("name", "")))
            self.topic.setText(str(doc.get("topic", "")))
            lang = str(doc.get("language", "en"))
            if self.language.findData(lang) < 0:
                self.language.addItem(lang, lang)
            self.language.setCurrentIndex(self.language.findData(lang))
            self.max_info.setValue(int(doc.get("max_info_occasions", DEFAULT_MAX_INFO_OCCASIONS)))
            self.steps.set_steps(doc["steps"], str(doc.get("start", "")))
            self._fill_start_combo()
        finally:
            self._filling = False
        self.dirty = dirty
        row = self.steps.row_of(select) if select else -1
        self.select_step_row(row if row >= 0 else 0)
        self._revalidate()

    def _fill_start_combo(self) -> None:
        was = self._filling
        self._filling = True
        try:
            current = str(self.doc.get("start", ""))
            self.start.clear()
            for sid in self.steps.ids():
                self.start.addItem(sid, sid)
            if current and self.start.findData(current) < 0:
                self.start.addItem(current, current)
            self.start.setCurrentIndex(self.start.findData(current))
        finally:
            self._filling = was

    def _changed(self) -> None:
        self.dirty = True
        self._revalidate()

    def script(self) -> ScriptDef:
        """The working copy as a validated script (raises :class:`ScriptError`)."""
        return ScriptDef.from_dict(self.doc, source=f"script {self.doc.get('code', '')!r}")

    def problem_texts(self) -> list[str]:
        """The current problems as the editor shows them (the user's language)."""
        return [problem_text(p) for p in self.problems]

    def current_problems(self) -> list[str]:
        try:
            return ScriptDef.from_dict(self.doc, validate=False).problems()
        except ScriptError as exc:
            return list(exc.problems)
        except (TypeError, ValueError) as exc:
            return [str(exc)]

    def _revalidate(self) -> None:
        self.problems = self.current_problems()
        by_step: dict[str, list[str]] = {}
        for p in self.problems:
            sid = self._problem_step(p)
            if sid is not None:
                by_step.setdefault(sid, []).append(p)
        self.steps.set_problems(by_step, str(self.doc.get("start", "")))
        if self.answers.rowCount():
            self.answers.dataChanged.emit(self.answers.index(0, AnswersModel.NEXT),
                                          self.answers.index(self.answers.rowCount() - 1,
                                                             AnswersModel.NEXT))
        if self.problems:
            self.problems_model.setStringList([problem_text(p) for p in self.problems])
            self.problems_box.setTitle(self.tr("Problems (%n)", "", len(self.problems)))
        else:
            self.problems_model.setStringList([self.tr("No problems: the script can be saved.")])
            self.problems_box.setTitle(self.tr("Problems"))
        self.problems_view.setStyleSheet("color: #b3261e;" if self.problems else "color: #2e7d32;")
        self.save_button.setEnabled(not self.problems and not self._busy)
        self._update_preview()
        self._update_status()

    def _problem_step(self, problem: str) -> str | None:
        m = _STEP_RE.match(problem)
        if m:
            return m.group(1)
        m = _STEP_NO_RE.match(problem)
        if m:
            n = int(m.group(1)) - 1
            ids = self.steps.ids()
            return ids[n] if 0 <= n < len(ids) else None
        return None

    def _update_status(self, message: str = "") -> None:
        code = self.doc.get("code", "")
        if self.base_version is None:
            where = self.tr("%1: not saved yet").replace("%1", code)
        else:
            where = self.tr("%1: editing version %2").replace("%1", code) \
                .replace("%2", str(self.base_version))
        if self.dirty:
            where += " · " + self.tr("unsaved changes")
        self.status.setText(f"{message}  {where}" if message else where)

    # -- steps ----------------------------------------------------------------------
    def current_row(self) -> int:
        return self.steps_view.currentIndex().row()

    def current_step(self) -> dict[str, Any] | None:
        row = self.current_row()
        return self.steps.steps[row] if 0 <= row < len(self.steps.steps) else None

    def select_step(self, step_id: str) -> bool:
        row = self.steps.row_of(step_id)
        if row >= 0:
            self.select_step_row(row)
        return row >= 0

    def select_step_row(self, row: int) -> None:
        if 0 <= row < self.steps.rowCount():
            self.steps_view.selectionModel().setCurrentIndex(
                self.steps.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.steps_view.scrollTo(self.steps.index(row))
        else:
            self._step_selected(self.steps.index(-1), None)

    def _step_selected(self, current, _previous=None) -> None:
        step = self.steps.steps[current.row()] if current.isValid() else None
        self._filling = True
        try:
            self.step_box.setEnabled(step is not None)
            self.remove_step_button.setEnabled(step is not None)
            step = step or {}
            self.step_id.setText(str(step.get("id", "")))
            kind = self.kind.findData(step.get("kind", "say"))
            self.kind.setCurrentIndex(max(kind, 0))
            stage = str(step.get("stage", ""))
            if self.stage.findData(stage) < 0:
                self.stage.addItem(stage, stage)
            self.stage.setCurrentIndex(self.stage.findData(stage))
            self.title.setText(str(step.get("title", "")))
            self.text.setPlainText(str(step.get("text", "")))
            self.answers.set_answers(step.get("answers") if step else None)
        finally:
            self._filling = False
        self._update_preview()

    def _step_edited(self, *_args) -> None:
        if self._filling:
            return
        step = self.current_step()
        if step is None:
            return
        step["kind"] = self.kind.currentData()
        stage = self.stage.currentData()
        if stage:
            step["stage"] = stage
        else:
            step.pop("stage", None)
        step["title"] = self.title.text()
        step["text"] = self.text.toPlainText()
        self.steps.step_changed(self.current_row())
        self._changed()

    def _rename_step(self) -> None:
        if self._filling:
            return
        step = self.current_step()
        if step is None:
            return
        old, new = str(step.get("id", "")), self.step_id.text().strip()
        if new == old:
            return
        if new in self.steps.ids():
            self._update_status(self.tr("A step with id %1 already exists.").replace("%1", new))
            self.step_id.setText(old)
            return
        step["id"] = new
        for st in self.doc["steps"]:  # relink the answers that led to the old id
            for a in st.get("answers", []):
                if a.get("next") == old:
                    a["next"] = new
        if self.doc.get("start") == old:
            self.doc["start"] = new
        self.steps.step_changed(self.current_row())
        self._fill_start_combo()
        self.answers.layoutChanged.emit()
        self._changed()

    def _unique_step_id(self, base: str = "step") -> str:
        ids, n = set(self.steps.ids()), len(self.steps.steps) + 1
        while f"{base}_{n}" in ids:
            n += 1
        return f"{base}_{n}"

    def add_step(self, step_id: str | None = None, kind: str = StepKind.SAY.value) -> str:
        """Insert a new step after the selected one and select it; returns its id."""
        sid = step_id or self._unique_step_id()
        if sid in self.steps.ids():
            raise ValueError(f"step {sid!r} already exists")
        row = self.current_row() + 1 if self.current_row() >= 0 else len(self.steps.steps)
        self.steps.insert_step(row, {"id": sid, "kind": kind, "title": "", "text": "",
                                     "answers": []})
        self._fill_start_combo()
        self.select_step_row(row)
        self._changed()
        self.step_id.setFocus()
        self.step_id.selectAll()
        return sid

    def remove_step(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        removed = self.steps.remove_step(row)
        if self.doc.get("start") == removed.get("id") and self.steps.steps:
            self.doc["start"] = self.steps.steps[0].get("id", "")
        self._fill_start_combo()
        self.select_step_row(min(row, len(self.steps.steps) - 1))
        self._changed()
        self._update_status(self.tr("Step %1 removed; answers that led to it are listed "
                                    "under Problems.").replace("%1", str(removed.get("id"))))

    # -- answers --------------------------------------------------------------------
    def add_answer(self) -> None:
        if self.current_step() is None:
            return
        index = self.answers.add_answer(END)
        self.answers_view.setCurrentIndex(index)
        self.answers_view.edit(index)

    def remove_answer(self) -> None:
        self.answers.remove_answer(self.answers_view.currentIndex().row())

    def _answers_edited(self) -> None:
        if self._filling:
            return
        step = self.current_step()
        if step is not None:
            step["answers"] = self.answers.answers
            self.steps.step_changed(self.current_row())
        self._changed()

    def insert_variable(self, name: str) -> None:
        self.text.insertPlainText("{" + name + "}")
        self.text.setFocus()

    # -- header ---------------------------------------------------------------------
    def _header_edited(self, *_args) -> None:
        if self._filling:
            return
        self.doc["code"] = self.code.text().strip()
        self.doc["name"] = self.name.text()
        self.doc["topic"] = self.topic.text()
        self.doc["language"] = self.language.currentData() or "en"
        if self.start.currentData():
            self.doc["start"] = self.start.currentData()
        self.doc["max_info_occasions"] = self.max_info.value()
        self._changed()

    # -- preview & problems -------------------------------------------------------
    def _update_preview(self) -> None:
        step = self.current_step()
        if step is None:
            self.preview.setHtml("")
            return
        values = self.sample_values()
        text = render_text(str(step.get("text", "")), values)
        parts = []
        if step.get("title"):
            parts.append(f"<h3>{html.escape(str(step['title']))}</h3>")
        body = html.escape(text).replace("\n", "<br>") if text.strip() else \
            f"<i style='color:gray'>{html.escape(self.tr('(no text yet)'))}</i>"
        parts.append(f"<p>{body}</p>")
        rows = []
        ids = set(self.steps.ids())
        for a in step.get("answers", []):
            nxt = str(a.get("next", END))
            missing = nxt not in ids and nxt not in (RETURN, END)
            target = html.escape(target_label(nxt))
            if missing:
                target = f"<span style='color:#b3261e'>{target} ⚠</span>"
            label = html.escape(str(a.get("label", ""))) or "…"
            rows.append(f"<li>{label} &nbsp;→&nbsp; <b>{target}</b></li>")
        if rows:
            parts.append(f"<ul>{''.join(rows)}</ul>")
        self.preview.setHtml("".join(parts))

    def preview_text(self) -> str:
        return self.preview.toPlainText()

    def _problem_clicked(self, index) -> None:
        if index.isValid() and self.problems:
            sid = self._problem_step(self.problems[index.row()])
            if sid is not None:
                self.select_step(sid)

    # -- stored scripts -----------------------------------------------------------
    def _track(self, op) -> None:
        self._ops.append(op)

        def forget(*_a, o=op):
            if o in self._ops:
                self._ops.remove(o)
        op.sig_done.connect(forget)
        op.sig_error.connect(forget)

    def reload_scripts(self, select: str | None = None) -> None:
        ctx = self.ctx
        self._pending_select = select
        self._track(ops.query(self, lambda: script_service.list_scripts(ctx),
                              self._scripts_listed, self._failed))

    def _scripts_listed(self, rows: list[dict[str, Any]]) -> None:
        self.scripts.set_rows(rows)
        code = self._pending_select or str(self.doc.get("code", ""))
        row = self.scripts.row_of(code)
        if row >= 0:
            self.scripts_view.selectRow(row)
        self.sig_scripts_listed.emit(len(rows))
        if self._auto_open and rows and self.base_version is None and not self.dirty:
            self._auto_open = False
            self.open_script(rows[0]["code"])
        self._auto_open = False

    def _script_activated(self, index) -> None:
        if not index.isValid():
            return
        code = self.scripts.rows[index.row()]["code"]
        if code == self.doc.get("code") and self.base_version is not None and not self.dirty:
            return
        self.open_script(code)

    def open_script(self, code: str) -> None:
        """Load the latest version of ``code`` into the editor (asks about unsaved edits)."""
        if not self._may_discard():
            return
        ctx = self.ctx
        self._track(ops.query(self, lambda: script_service.load_latest(ctx, code),
                              lambda r, c=code: self._script_loaded(c, *r), self._failed))

    def _script_loaded(self, code: str, version: int, body: dict[str, Any]) -> None:
        self._set_doc(body, version, dirty=False)
        self.sig_loaded.emit(code)

    def new_script(self) -> None:
        if not self._may_discard():
            return
        doc = _new_doc()
        existing = {r["code"] for r in self.scripts.rows}
        n = 1
        while doc["code"] in existing:
            n += 1
            doc["code"] = f"new_script_{n}"
        self.scripts_view.clearSelection()
        self._set_doc(doc, None, dirty=True)
        self.code.setFocus()
        self.code.selectAll()

    def save(self) -> None:
        """Store the working copy as a new version, off the GUI thread."""
        if self._busy:
            return
        try:
            self.script()
        except ScriptError as exc:
            self._revalidate()
            self._update_status(self.tr("Not saved: fix the problems first (%n).", "",
                                        len(exc.problems)))
            return
        doc = copy.deepcopy(self.doc)
        self._busy = True
        self.save_button.setEnabled(False)
        self._update_status(self.tr("Saving…"))
        self._track(ops.save_script(self, self.ctx, doc, self._saved, self._save_failed))

    def _saved(self, saved: script_service.Saved) -> None:
        self._busy = False
        self.base_version = saved.version
        self.dirty = False
        self._revalidate()
        self._update_status(self.tr("Saved as version %1; earlier versions are kept.")
                            .replace("%1", str(saved.version)))
        self.reload_scripts(select=saved.code)
        self.sig_saved.emit(saved.code, saved.version)

    def _save_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._revalidate()
        self._failed(exc, self.tr("The script was not saved."))

    # -- files ----------------------------------------------------------------------
    def _ask_import(self) -> None:
        if not self._may_discard():
            return
        path, _f = QFileDialog.getOpenFileName(self, self.tr("Import a call script"), "",
                                               self.tr("Call scripts (*.json);;All files (*)"))
        if path:
            self.import_file(path, ask=False)

    def import_file(self, path: str | Path, *, ask: bool = True) -> None:
        """Read a script JSON file into the editor (not stored until saved)."""
        if ask and not self._may_discard():
            return
        path = str(path)
        self._track(run_op(self, lambda _p, _c: storage.read_script_file(path),
                           self._imported, lambda e: self._failed(
                               e, self.tr("The file was not imported."))))

    def _imported(self, result: storage.Imported) -> None:
        self.scripts_view.clearSelection()
        self._set_doc(result.doc, None, dirty=True)
        name = Path(result.path).name
        if result.problems:
            msg = self.tr("Imported %1 with problems to fix (%n).", "", len(result.problems))
        else:
            msg = self.tr("Imported %1; save to store it as a new version.")
        self._update_status(msg.replace("%1", name))
        self.sig_loaded.emit(str(self.doc.get("code", "")))

    def _ask_export(self) -> None:
        suggested = f"{self.doc.get('code') or 'script'}.{self.doc.get('language', 'en')}.json"
        path, _f = QFileDialog.getSaveFileName(self, self.tr("Export the call script"), suggested,
                                               self.tr("Call scripts (*.json)"))
        if path:
            self.export_file(path)

    def export_file(self, path: str | Path) -> None:
        doc, path = copy.deepcopy(self.doc), str(path)
        self._track(run_op(self, lambda _p, _c: storage.write_script_file(path, doc),
                           self._exported, lambda e: self._failed(
                               e, self.tr("The script was not exported."))))

    def _exported(self, path: str) -> None:
        self._update_status(self.tr("Exported to %1.").replace("%1", path))
        self.sig_exported.emit(path)

    # -- errors, closing ------------------------------------------------------------
    def _failed(self, exc: BaseException, headline: str = "") -> None:
        detail = str(exc) or exc.__class__.__name__
        if isinstance(exc, ScriptError):  # each problem on its line, in the user's language
            where = str(exc)[:-len("; ".join(exc.problems))] if exc.problems else ""
            detail = where + "\n".join(problem_text(p) for p in exc.problems)
        self.last_error = f"{headline}\n{detail}" if headline else detail
        self._update_status(headline or detail.splitlines()[0])
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Call script editor"),
                          headline or self.tr("Something went wrong."),
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("scriptEditorError")
        box.setInformativeText(detail)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.open()
        self.sig_error.emit(self.last_error)

    def _may_discard(self) -> bool:
        if not self.dirty or not self.confirm_discard:
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("The script has unsaved changes. Discard them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event) -> None:
        if self._may_discard():
            self.dirty = False
            super().closeEvent(event)
        else:
            event.ignore()

    def reject(self) -> None:  # Esc, Close
        if self._may_discard():
            self.dirty = False
            super().reject()
