"""What stands beside the player: the call and its wrap-up, the lead's card
(read-only) and the contact history; other features add tabs (the review panel:
:meth:`CallContextPane.add_panel`)."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from workstation.services import browse as B
from workstation.views import labels
from workstation.views.calls.model import duration_text
from workstation.views.leadlist.model import format_local
from workstation.views.workspace.history import HistoryPane


def _rows(pairs) -> str:
    out = []
    for k, v in pairs:
        if v in (None, "", []):
            continue
        out.append(f"<tr><td style='color:#666;padding-right:8px'>{html.escape(k)}</td>"
                   f"<td>{html.escape(str(v)).replace(chr(10), '<br>')}</td></tr>")
    return "<table cellspacing=2>" + "".join(out) + "</table>"


class CallContextPane(QTabWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("callContext")
        self.setDocumentMode(True)
        self.call_view = QTextBrowser(self)
        self.call_view.setObjectName("callWrapup")
        self.call_view.setOpenLinks(False)
        self.lead_view = QTextBrowser(self)
        self.lead_view.setObjectName("leadReadOnly")
        self.history = HistoryPane(self)
        self.history.open_with_system_player = False
        holder = QWidget(self)
        lay = QVBoxLayout(holder)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.history)
        self._history_tab = holder
        self.addTab(self.call_view, "")
        self.addTab(self.lead_view, "")
        self.addTab(holder, "")
        self.context: B.CallContext | None = None
        self.retranslate()

    def add_panel(self, title: str, widget: QWidget) -> int:
        return self.addTab(widget, title)

    def retranslate(self) -> None:
        self.setTabText(0, self.tr("Call"))
        self.setTabText(1, self.tr("Lead card"))
        self.setTabText(2, self.tr("History"))
        if self.context is not None:
            self.show_context(self.context)

    def clear(self, message: str = "") -> None:
        self.context = None
        self.call_view.setPlainText(message)
        self.lead_view.clear()
        self.history.set_rows([])

    def show_context(self, c: B.CallContext) -> None:
        self.context = c
        i = c.info
        steps = " → ".join(i.step_titles.get(str(e.get("step", "")), str(e.get("step", "")))
                           for e in i.script_path)
        self.call_view.setHtml(_rows([
            (self.tr("Manager"), i.manager),
            (self.tr("Direction"), labels.direction_label(i.direction)),
            (self.tr("Number"), i.remote_number),
            (self.tr("Started"), format_local(i.started_at)),
            (self.tr("Talk time"), duration_text(i.talk_seconds)),
            (self.tr("Ringing"), duration_text(i.ring_seconds)),
            (self.tr("Outcome"), labels.outcome_label(i.outcome)),
            (self.tr("Result"), labels.result_label(i.result)),
            (self.tr("Refusal reason"), labels.refusal_reason_label(i.refusal_reason,
                                                                    i.refusal_reason)),
            (self.tr("Tools"), ", ".join(str(t) for t in i.tools)),
            (self.tr("Notes"), i.notes),
            (self.tr("Script path"), steps),
        ]))
        lead = c.lead
        if lead is None:
            self.lead_view.setPlainText(self.tr("No lead card for this call."))
        else:
            self.lead_view.setHtml(_rows([
                (self.tr("Company"), lead.company),
                (self.tr("Contacts"), "\n".join(
                    x.full_name + (f" ({x.position})" if x.position else "")
                    for x in lead.contacts if x.full_name)),
                (self.tr("Phones"), ", ".join(p.raw for p in lead.phones if p.raw)),
                (self.tr("E-mail"), ", ".join(e.address for e in lead.emails if e.address)),
                (self.tr("Lead type"), labels.lead_type_label(lead.lead_type)),
                (self.tr("Category"), lead.category),
                (self.tr("Address"), lead.address),
                (self.tr("Source"), lead.source),
                (self.tr("Topic"), lead.topic),
                (self.tr("Product"), lead.product),
                (self.tr("Next contact"), format_local(lead.next_contact_at)),
                (self.tr("Content"), lead.notes),
            ]))
        self.history.set_rows(c.history)
