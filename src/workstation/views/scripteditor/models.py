"""Models of the script editor: the stored scripts, the steps of the script being
edited, and the answers of the selected step (with a combo delegate for "next").

The steps and answers models edit the editor's working copy in place (plain
dicts in the domain's JSON shape, ``Script.to_dict``) and emit ``sig_changed``
after every edit so that the editor can validate again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QT_TRANSLATE_NOOP,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

from workstation.domain.scripts import CONTEXT as PROBLEMS_CONTEXT
from workstation.domain.scripts import END, HINT_KEYS, RETURN, TOOLS, Problem, StepKind

_CTX = "ScriptEditor"
StepIdRole = Qt.ItemDataRole.UserRole + 1
CodeRole = Qt.ItemDataRole.UserRole + 2
ERROR_COLOR = QColor("#b3261e")

KIND_LABELS = {
    StepKind.SAY: QT_TRANSLATE_NOOP("ScriptEditor", "Say"),
    StepKind.QUESTION: QT_TRANSLATE_NOOP("ScriptEditor", "Question"),
    StepKind.OBJECTION: QT_TRANSLATE_NOOP("ScriptEditor", "Objection"),
    StepKind.INFO_OCCASION: QT_TRANSLATE_NOOP("ScriptEditor", "Info-occasion"),
    StepKind.CLOSE: QT_TRANSLATE_NOOP("ScriptEditor", "Closing"),
}

STAGE_LABELS = {
    "": QT_TRANSLATE_NOOP("ScriptEditor", "(none)"),
    "preparation": QT_TRANSLATE_NOOP("ScriptEditor", "Preparation"),
    "secretary": QT_TRANSLATE_NOOP("ScriptEditor", "Secretary"),
    "contact": QT_TRANSLATE_NOOP("ScriptEditor", "Contact"),
    "negotiation": QT_TRANSLATE_NOOP("ScriptEditor", "Negotiation"),
    "commitment": QT_TRANSLATE_NOOP("ScriptEditor", "Commitment"),
}


def translated(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def problem_text(problem: str) -> str:
    """A validator message (domain.scripts.Problem) in the user's language."""
    if isinstance(problem, Problem):
        return problem.render(lambda t: QCoreApplication.translate(PROBLEMS_CONTEXT, t))
    return str(problem)


def kind_label(kind: str) -> str:
    try:
        return translated(KIND_LABELS[StepKind(kind)])
    except ValueError:
        return kind


def target_label(target: str) -> str:
    if target == RETURN:
        return QCoreApplication.translate("ScriptEditor", "↩ back (@return)")
    if target == END:
        return QCoreApplication.translate("ScriptEditor", "■ end (@end)")
    return target


# -- hints as one line of text ------------------------------------------------

def format_hints(hints: dict[str, Any] | None) -> str:
    """``{"result": "positive", "tools": ["a", "b"]}`` → ``result=positive; tools=a, b``."""
    parts = []
    for key, value in (hints or {}).items():
        if isinstance(value, (list, tuple)):
            value = ", ".join(str(v) for v in value)
        parts.append(f"{key}={value}")
    return "; ".join(parts)


def parse_hints(text: str) -> dict[str, Any]:
    """The inverse of :func:`format_hints`; unknown keys are kept for the validator to name."""
    out: dict[str, Any] = {}
    for part in text.split(";"):
        key, _sep, value = (s.strip() for s in part.partition("="))
        if not key:
            continue
        out[key] = [t.strip() for t in value.split(",") if t.strip()] if key == "tools" else value
    return out


# -- stored scripts -----------------------------------------------------------

class ScriptListModel(QAbstractTableModel):
    """Stored scripts, one row per code: code, name, topic, latest version."""

    COLUMNS = (QT_TRANSLATE_NOOP("ScriptEditor", "Code"), QT_TRANSLATE_NOOP("ScriptEditor", "Name"),
               QT_TRANSLATE_NOOP("ScriptEditor", "Topic"),
               QT_TRANSLATE_NOOP("ScriptEditor", "Version"))

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_of(self, code: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r["code"] == code), -1)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translated(self.COLUMNS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (r["code"], r["name"], r["topic"], r["version"])[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            text = QCoreApplication.translate("ScriptEditor", "%1 versions stored; language %2")
            return text.replace("%1", str(r["versions"])).replace("%2", r["language"])
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == CodeRole:
            return r["code"]
        return None


# -- steps of the script being edited -----------------------------------------

class StepListModel(QAbstractListModel):
    """The steps of the working copy: title, id and kind; red when the step has problems."""

    sig_changed = Signal()
    """The list of steps changed (added, removed, moved)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.steps: list[dict[str, Any]] = []
        self.start = ""
        self.problems: dict[str, list[str]] = {}

    def set_steps(self, steps: list[dict[str, Any]], start: str) -> None:
        self.beginResetModel()
        self.steps, self.start = steps, start
        self.problems = {}
        self.endResetModel()

    def ids(self) -> list[str]:
        return [str(s.get("id", "")) for s in self.steps]

    def row_of(self, step_id: str) -> int:
        return next((i for i, s in enumerate(self.steps) if s.get("id") == step_id), -1)

    def set_problems(self, problems: dict[str, list[str]], start: str) -> None:
        self.problems, self.start = problems, start
        if self.steps:
            self.dataChanged.emit(self.index(0), self.index(len(self.steps) - 1))

    def step_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row), self.index(row))

    def insert_step(self, row: int, step: dict[str, Any]) -> QModelIndex:
        self.beginInsertRows(QModelIndex(), row, row)
        self.steps.insert(row, step)
        self.endInsertRows()
        self.sig_changed.emit()
        return self.index(row)

    def remove_step(self, row: int) -> dict[str, Any]:
        self.beginRemoveRows(QModelIndex(), row, row)
        step = self.steps.pop(row)
        self.endRemoveRows()
        self.sig_changed.emit()
        return step

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.steps)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        step = self.steps[index.row()]
        sid = str(step.get("id", ""))
        if role == Qt.ItemDataRole.DisplayRole:
            mark = "▶ " if sid == self.start else ""
            title = step.get("title") or sid
            return f"{mark}{title}\n{sid} · {kind_label(step.get('kind', ''))}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(problem_text(p) for p in self.problems.get(sid, [])) or None
        if role == Qt.ItemDataRole.ForegroundRole and self.problems.get(sid):
            return QBrush(ERROR_COLOR)
        if role == StepIdRole:
            return sid
        return None


# -- answers of the selected step ----------------------------------------------

class AnswersModel(QAbstractTableModel):
    """The selected step's answers: text, next step, hints, id (all editable)."""

    LABEL, NEXT, HINTS, ID = range(4)
    COLUMNS = (QT_TRANSLATE_NOOP("ScriptEditor", "Client's answer"),
               QT_TRANSLATE_NOOP("ScriptEditor", "Next step"),
               QT_TRANSLATE_NOOP("ScriptEditor", "Hints for the wrap-up"),
               QT_TRANSLATE_NOOP("ScriptEditor", "Id"))

    sig_changed = Signal()
    """An answer was edited, added or removed."""

    def __init__(self, parent=None, step_ids=None) -> None:
        super().__init__(parent)
        self.answers: list[dict[str, Any]] = []
        self.step_ids = step_ids or (lambda: [])
        """Callable returning the current step ids (to mark dangling links)."""

    def set_answers(self, answers: list[dict[str, Any]] | None) -> None:
        self.beginResetModel()
        self.answers = answers if answers is not None else []
        self.endResetModel()

    def add_answer(self, next_step: str = END) -> QModelIndex:
        used = {a.get("id") for a in self.answers}
        n = len(self.answers) + 1
        while f"a{n}" in used:
            n += 1
        row = len(self.answers)
        self.beginInsertRows(QModelIndex(), row, row)
        self.answers.append({"id": f"a{n}", "label": "", "next": next_step})
        self.endInsertRows()
        self.sig_changed.emit()
        return self.index(row, self.LABEL)

    def remove_answer(self, row: int) -> None:
        if 0 <= row < len(self.answers):
            self.beginRemoveRows(QModelIndex(), row, row)
            self.answers.pop(row)
            self.endRemoveRows()
            self.sig_changed.emit()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.answers)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return translated(self.COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole and section == self.HINTS:
            return self.hints_help()
        return None

    @staticmethod
    def hints_help() -> str:
        text = QCoreApplication.translate(
            "ScriptEditor", "Optional, e.g. result=positive; lead_type=interested; "
            "tools=offer_sent, presentation\nKeys: %1\nTools: %2")
        return text.replace("%1", ", ".join(HINT_KEYS)).replace("%2", ", ".join(TOOLS))

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsEditable)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        a, col = self.answers[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == self.LABEL:
                return a.get("label", "")
            if col == self.NEXT:
                nxt = str(a.get("next", END))
                return nxt if role == Qt.ItemDataRole.EditRole else target_label(nxt)
            if col == self.HINTS:
                return format_hints(a.get("hints"))
            return a.get("id", "")
        if role == Qt.ItemDataRole.ToolTipRole and col == self.HINTS:
            return self.hints_help()
        if role == Qt.ItemDataRole.ForegroundRole and col == self.NEXT:
            nxt = str(a.get("next", END))
            if nxt not in (RETURN, END) and nxt not in self.step_ids():
                return QBrush(ERROR_COLOR)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        a, col = self.answers[index.row()], index.column()
        value = "" if value is None else str(value)
        if col == self.LABEL:
            a["label"] = value
        elif col == self.NEXT:
            a["next"] = value.strip() or END
        elif col == self.HINTS:
            hints = parse_hints(value)
            if hints:
                a["hints"] = hints
            else:
                a.pop("hints", None)
        else:
            a["id"] = value.strip()
        self.dataChanged.emit(index, index)
        self.sig_changed.emit()
        return True


class NextStepDelegate(QStyledItemDelegate):
    """A combo of the step ids plus @return and @end for the "next step" column."""

    def __init__(self, step_ids, parent=None) -> None:
        super().__init__(parent)
        self.step_ids = step_ids
        """Callable returning the current step ids."""

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        combo.setObjectName("nextStepCombo")
        for sid in self.step_ids():
            combo.addItem(sid, sid)
        combo.addItem(target_label(RETURN), RETURN)
        combo.addItem(target_label(END), END)
        combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor, index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        i = editor.findData(value)
        if i < 0:  # a dangling link: show it so it can be fixed
            editor.addItem(str(value), value)
            i = editor.count() - 1
        editor.setCurrentIndex(i)

    def setModelData(self, editor, model, index: QModelIndex | QPersistentModelIndex) -> None:
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
