"""``ScorecardPanel``: the review of one call beside the player.

    panel = ScorecardPanel(ctx)
    panel.set_position_source(player.position_ms)   # where a new comment is pinned
    panel.sig_seek.connect(player.seek_ms)          # a comment clicked
    panel.set_call(call_id)

A reviewer (supervisor, team lead, admin) answers the criteria (the score
follows as they answer; a failed critical item shows the call failed), marks
"manager's fault", writes a summary, adds comments at the player's position
and submits; a disputed review is answered (resolved) here too. The call's
manager sees the scores and comments read-only and acknowledges or disputes.
Reads and writes run off the GUI thread (views.ops).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workstation.domain import review as rules
from workstation.services import review
from workstation.views import ops
from workstation.views.ops import REVIEWS
from workstation.views.review import operations, texts

__all__ = ["ScorecardPanel"]


class ScorecardPanel(QWidget):
    sig_seek = Signal(int)
    """A comment was clicked: the player jumps to this moment (ms)."""
    sig_saved = Signal(object)
    """A write of this panel succeeded (the review as stored, or None)."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("scorecardPanel")
        self.ctx = ctx
        self.call_id: uuid.UUID | None = None
        self.review = None
        self.card = None
        self._position: Callable[[], int] | None = None
        self._boxes: dict[str, QComboBox] = {}
        self._seq = 0
        self.reviewer = review.can_review(ctx)

        self.title = QLabel(self)
        self.title.setObjectName("reviewTitle")
        self.title.setWordWrap(True)
        self.criteria_box = QGroupBox(self)
        self.criteria_form = QFormLayout(self.criteria_box)
        self.criteria_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.score_label = QLabel(self)
        self.score_label.setObjectName("reviewScore")
        self.manager_fault = QCheckBox(self)
        self.summary = QLineEdit(self)
        self.submit_button = QPushButton(self)
        self.submit_button.setObjectName("submitReview")
        self.submit_button.clicked.connect(self.submit)

        self.comments = QListWidget(self)
        self.comments.setObjectName("reviewComments")
        self.comments.setWordWrap(True)
        self.comments.itemActivated.connect(self._comment_clicked)
        self.comments.itemClicked.connect(self._comment_clicked)
        self.comment_edit = QLineEdit(self)
        self.comment_edit.returnPressed.connect(self.add_comment)
        self.comment_button = QPushButton(self)
        self.comment_button.clicked.connect(self.add_comment)

        self.answer_edit = QLineEdit(self)
        self.ack_button = QPushButton(self)
        self.ack_button.clicked.connect(self.acknowledge)
        self.dispute_button = QPushButton(self)
        self.dispute_button.clicked.connect(self.dispute)
        self.resolve_button = QPushButton(self)
        self.resolve_button.clicked.connect(self.resolve)
        self.message = QLabel(self)
        self.message.setObjectName("reviewMessage")
        self.message.setWordWrap(True)

        lay = QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addWidget(self.criteria_box)
        self.score_label.setWordWrap(True)
        lay.addWidget(self.score_label)
        lay.addWidget(self.manager_fault)
        lay.addWidget(self.summary)
        lay.addWidget(self.submit_button)
        self.comments_label = QLabel(self)
        self.comments_label.setWordWrap(True)
        lay.addWidget(self.comments_label)
        lay.addWidget(self.comments, 1)
        lay.addWidget(self.comment_edit)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.comment_button)
        lay.addLayout(row)
        lay.addWidget(self.answer_edit)
        row = QHBoxLayout()
        row.addWidget(self.ack_button)
        row.addWidget(self.dispute_button)
        row.addWidget(self.resolve_button)
        lay.addLayout(row)
        lay.addWidget(self.message)
        ops.bus().sig_changed.connect(self._on_changed)
        self.retranslate()
        self._show(None, None)

    # -- the contract ----------------------------------------------------------------------
    def set_call(self, call_id: uuid.UUID | None) -> None:
        """Show the review of this call (None: nothing)."""
        self.call_id = call_id
        self.message.clear()
        self.reload()

    def set_position_source(self, fn: Callable[[], int] | None) -> None:
        """Where the player is (ms): a new comment is pinned there."""
        self._position = fn

    # -- reading ---------------------------------------------------------------------------
    def reload(self) -> None:
        self._seq += 1
        seq, call_id, ctx = self._seq, self.call_id, self.ctx
        if call_id is None:
            self._show(None, None)
            return

        def read():
            found = review.review_for_call(ctx, call_id)
            card = (found.scorecard if found is not None and found.scorecard is not None
                    else review.scorecard(ctx))
            return found, card

        ops.query(self, read, lambda r: self._loaded(seq, r), self._failed)

    def _loaded(self, seq: int, result) -> None:
        if seq != self._seq:
            return  # a later call was asked for meanwhile
        self._show(*result)

    def _on_changed(self, changes) -> None:
        if changes.touches(REVIEWS) and changes.source is not self and self.call_id:
            self.reload()

    # -- showing ---------------------------------------------------------------------------
    def _show(self, found, card) -> None:
        self.review, self.card = found, card
        while self.criteria_form.rowCount():
            self.criteria_form.removeRow(0)
        self._boxes.clear()
        answers = found.answers if found is not None else {}
        editable = self.reviewer and self.call_id is not None
        if card is not None:
            for c in card.criteria:
                box = QComboBox(self.criteria_box)
                box.setObjectName(f"criterion_{c.id}")
                box.addItem("—", None)
                if c.kind == rules.YES_NO:
                    box.addItem(self.tr("Yes"), 1)
                    box.addItem(self.tr("No"), 0)
                else:
                    for v in range(c.top + 1):
                        box.addItem(f"{v} / {c.top}", v)
                value = answers.get(str(c.id))
                if value is not None:
                    box.setCurrentIndex(max(0, box.findData(int(value))))
                box.setEnabled(editable)
                box.currentIndexChanged.connect(self._update_score)
                label = c.name + (f" ×{c.weight:g}" if c.weight != 1 else "")
                if c.critical:
                    label += " " + self.tr("(critical)")
                self.criteria_form.addRow(label, box)
                self._boxes[str(c.id)] = box
        self.manager_fault.setChecked(bool(found and found.manager_fault))
        self.manager_fault.setEnabled(editable)
        shown = self.call_id is not None and (editable or found is not None)
        for w in (self.manager_fault, self.comments_label, self.comments, self.score_label):
            w.setVisible(shown)
        self.summary.setText(found.summary if found else "")
        self.summary.setReadOnly(not editable)
        self.summary.setVisible(editable or bool(self.summary.text()))
        self.comments.clear()
        for c in (found.comments if found else ()):
            at = texts.clock(c.at_ms)
            head = f"[{at}] " if at else ""
            item = QListWidgetItem(f"{head}{c.author} · {texts.kind(c.kind)}: {c.text}")
            item.setData(Qt.ItemDataRole.UserRole, c.at_ms)
            self.comments.addItem(item)
        status = found.status if found else None
        mine = (found is not None and found.manager_id == self.ctx.user.id and not self.reviewer)
        self.submit_button.setVisible(editable and card is not None)
        self.criteria_box.setVisible(card is not None)
        self.comment_edit.setVisible(self.call_id is not None and (self.reviewer or mine))
        self.comment_button.setVisible(self.comment_edit.isVisible())
        answerable = mine and status in (rules.SCORED, rules.RESOLVED)
        self.ack_button.setVisible(answerable)
        self.dispute_button.setVisible(answerable)
        self.resolve_button.setVisible(self.reviewer and status == rules.DISPUTED)
        self.answer_edit.setVisible(answerable or self.resolve_button.isVisible())
        self.retranslate()
        self._update_score()

    def _answers(self) -> dict:
        return {k: box.currentData() for k, box in self._boxes.items()
                if box.currentData() is not None}

    def _update_score(self) -> None:
        if self.card is None:
            self.score_label.setText(self.tr("No scorecard is configured yet (an admin sets "
                                             "the criteria)") if self.call_id else "")
            return
        result = rules.score(self.card.criteria, self._answers())
        text = self.tr("Score: %1").replace("%1", f"{result.score:.0f}")
        if result.failed_critical and not result.missing:
            text += " — " + self.tr("failed: %1").replace("%1", ", ".join(result.failed))
        elif result.missing:
            text += " — " + self.tr("%1 not answered").replace("%1", str(len(result.missing)))
        self.score_label.setText(text)

    def retranslate(self) -> None:
        r = self.review
        if self.call_id is None:
            self.title.setText(self.tr("Select a call to review it"))
        elif r is None:
            self.title.setText(self.tr("Not reviewed yet"))
        else:
            who = (self.tr("%1 · assigned to %2") if r.status == rules.IN_REVIEW
                   else self.tr("%1 · reviewed by %2"))
            line = who.replace("%1", texts.status(r.status)).replace("%2", r.reviewer or "?")
            if r.score is not None:
                line += " · " + self.tr("score %1").replace(
                    "%1", texts.score_text(r.score, r.failed_critical))
            self.title.setText(line)
        self.criteria_box.setTitle(self.tr("Criteria"))
        self.manager_fault.setText(self.tr("Manager's fault"))
        self.manager_fault.setToolTip(self.tr("The refusal was the manager's fault: the "
                                              "client was lost by the manager"))
        self.summary.setPlaceholderText(self.tr("Summary for the manager"))
        self.submit_button.setText(self.tr("Submit score"))
        self.comments_label.setText(self.tr("Comments (click one to hear that moment)"))
        self.comment_edit.setPlaceholderText(
            self.tr("Comment at the player's position") if self.reviewer
            else self.tr("Reply to the reviewer"))
        self.comment_button.setText(self.tr("Add comment"))
        self.answer_edit.setPlaceholderText(self.tr("Why (required to dispute)") if not
                                            self.reviewer else self.tr("Answer to the dispute"))
        self.ack_button.setText(self.tr("Acknowledge"))
        self.dispute_button.setText(self.tr("Dispute"))
        self.resolve_button.setText(self.tr("Resolve dispute"))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- acting ----------------------------------------------------------------------------
    def _comment_clicked(self, item: QListWidgetItem) -> None:
        at = item.data(Qt.ItemDataRole.UserRole)
        if at is not None:
            self.sig_seek.emit(int(at))

    def position_ms(self) -> int | None:
        if self._position is None:
            return None
        try:
            value = self._position()
        except Exception:  # noqa: BLE001 - a player gone away pins nothing
            return None
        return None if value is None else max(0, int(value))

    def _done(self, result=None) -> None:
        self.message.setText(self.tr("Saved"))
        self.sig_saved.emit(result)
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(str(exc))

    def submit(self) -> None:
        if self.call_id is None:
            return
        operations.submit(self, self.ctx, self.call_id, self._answers(),
                          manager_fault=self.manager_fault.isChecked(),
                          summary=self.summary.text(), on_done=self._done,
                          on_error=self._failed)

    def add_comment(self) -> None:
        text = self.comment_edit.text().strip()
        if self.call_id is None or not text:
            return
        self.comment_edit.clear()
        operations.comment(self, self.ctx, self.call_id, text, self.position_ms(),
                           on_done=self._done, on_error=self._failed)

    def acknowledge(self) -> None:
        if self.review is not None:
            operations.acknowledge(self, self.ctx, self.review.id, self.answer_edit.text(),
                                   on_done=self._done, on_error=self._failed)

    def dispute(self) -> None:
        if self.review is not None:
            operations.dispute(self, self.ctx, self.review.id, self.answer_edit.text(),
                               self.position_ms(), on_done=self._done, on_error=self._failed)

    def resolve(self) -> None:
        if self.review is not None:
            operations.resolve(self, self.ctx, self.review.id, self.answer_edit.text(),
                               manager_fault=self.manager_fault.isChecked(),
                               on_done=self._done, on_error=self._failed)
