"""The administration dialog: one page per subject, each reading through
``services.admin`` off the GUI thread and writing through ``ops.administer``
(outbox, sync, the change bus). Errors are shown on the page, as the service
said them (they name the field)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.kpi import PLAN_PERIODS
from workstation.services import admin
from workstation.views import labels, ops

_CTX = "Admin"
METRICS = {
    "effective_calls": QT_TRANSLATE_NOOP("Admin", "Effective calls"),
    "presentations": QT_TRANSLATE_NOOP("Admin", "Presentations"),
    "invoices": QT_TRANSLATE_NOOP("Admin", "Invoices"),
    "warm_clients": QT_TRANSLATE_NOOP("Admin", "Warm clients"),
    "sales": QT_TRANSLATE_NOOP("Admin", "Sales"),
}
PERIODS = {"day": QT_TRANSLATE_NOOP("Admin", "a day"),
           "week": QT_TRANSLATE_NOOP("Admin", "a week"),
           "month": QT_TRANSLATE_NOOP("Admin", "a month")}


def _t(source: str) -> str:
    return QCoreApplication.translate(_CTX, source)


def make_table(parent, name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fill_table(table: QTableWidget, rows: list[list]) -> None:
    keep = table.currentRow()
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
    if 0 <= keep < len(rows):
        table.selectRow(keep)


class Page(QWidget):
    """Reads on a worker (:meth:`load` → :meth:`show`), writes through the bus."""

    SUBJECTS = (ops.CONFIG,)

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data = None
        self.error = QLabel(self)
        self.error.setObjectName("adminError")
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        ops.bus().sig_changed.connect(self._changed)

    def _changed(self, changes: ops.Changes) -> None:
        if changes.touches(*self.SUBJECTS):
            self.reload()

    def load(self):
        raise NotImplementedError

    def show_data(self, data) -> None:
        raise NotImplementedError

    def reload(self) -> None:
        ops.query(self, self.load, self._loaded, self.failed)

    def _loaded(self, data) -> None:
        self.data = data
        self.show_data(data)

    def failed(self, exc: BaseException) -> None:
        self.error.setText(str(exc))

    def run(self, name: str, *args, **kw) -> None:
        self.error.clear()
        ops.administer(self, self.ctx, name, *args, on_error=self.failed, **kw)

    def button(self, text: str, name: str, slot) -> QPushButton:
        b = QPushButton(text, self)
        b.setObjectName(name)
        b.clicked.connect(lambda _c=False: slot())
        return b


# -- users and teams ----------------------------------------------------------------------

class UsersPage(Page):
    SUBJECTS = (ops.USERS, ops.CONFIG)

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.table = make_table(self, "usersTable", [
            self.tr("Login"), self.tr("Name"), self.tr("Role"), self.tr("Team"),
            self.tr("SIP extension"), self.tr("SIP user name"), self.tr("Active")])
        self.login = QLineEdit(self)
        self.login.setObjectName("userLogin")
        self.name = QLineEdit(self)
        self.name.setObjectName("userName")
        self.role = QComboBox(self)
        self.role.setObjectName("userRole")
        for r in admin.ROLES:
            self.role.addItem(labels.role_label(r), r)
        self.team = QComboBox(self)
        self.team.setObjectName("userTeam")
        self.ext = QLineEdit(self)
        self.ext.setObjectName("userSipExtension")
        self.sipuser = QLineEdit(self)
        self.sipuser.setObjectName("userSipUsername")
        self.active = QCheckBox(self.tr("Active"), self)
        self.active.setObjectName("userActive")
        self.active.setChecked(True)
        self.dbpass = QLineEdit(self)
        self.dbpass.setObjectName("userDbPassword")
        self.dbpass.setEchoMode(QLineEdit.EchoMode.Password)
        self.dbpass.setPlaceholderText(self.tr("to make the login in the shared database"))
        note = QLabel(self.tr("The SIP password is not kept here: each user enters it in "
                              "Settings on their own workstation, where it stays in the "
                              "system keyring."), self)
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Login:"), self.login)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Role:"), self.role)
        form.addRow(self.tr("Team:"), self.team)
        form.addRow(self.tr("SIP extension:"), self.ext)
        form.addRow(self.tr("SIP user name:"), self.sipuser)
        form.addRow("", self.active)
        form.addRow(self.tr("Database password:"), self.dbpass)
        buttons = QHBoxLayout()
        buttons.addWidget(self.button(self.tr("Add user"), "addUser", self.add))
        buttons.addWidget(self.button(self.tr("Save changes"), "saveUser", self.save))
        buttons.addStretch(1)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addLayout(buttons)
        side.addWidget(note)
        side.addWidget(self.error)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.table, 3)
        layout.addLayout(side, 2)
        self.table.itemSelectionChanged.connect(self._picked)

    def load(self):
        ctx = self.ctx
        return admin.users(ctx), admin.teams(ctx)

    def show_data(self, data) -> None:
        users, teams = data
        current = self.team.currentData()
        self.team.clear()
        self.team.addItem(self.tr("— no team —"), "")
        for t in teams:
            self.team.addItem(t.name, t.name)
        self.team.setCurrentIndex(max(0, self.team.findData(current)))
        fill_table(self.table, [[u.login, u.full_name, labels.role_label(u.role), u.team,
                                 u.sip_extension, u.sip_username,
                                 self.tr("yes") if u.active else self.tr("no")] for u in users])

    def _picked(self) -> None:
        row = self.table.currentRow()
        if self.data is None or not 0 <= row < len(self.data[0]):
            return
        u = self.data[0][row]
        self.login.setText(u.login)
        self.name.setText(u.full_name)
        self.role.setCurrentIndex(max(0, self.role.findData(u.role)))
        self.team.setCurrentIndex(max(0, self.team.findData(u.team)))
        self.ext.setText(u.sip_extension)
        self.sipuser.setText(u.sip_username)
        self.active.setChecked(u.active)

    def _fields(self) -> dict:
        return {"full_name": self.name.text(), "role": self.role.currentData(),
                "team": self.team.currentData(), "sip_extension": self.ext.text(),
                "sip_username": self.sipuser.text()}

    def add(self) -> None:
        login, password = self.login.text().strip(), self.dbpass.text()
        if not password:
            self.run("add_user", login, **self._fields())
            return
        self.error.clear()
        self.dbpass.clear()  # not kept in the widget after use
        ctx, fields = self.ctx, self._fields()

        def work():
            """The login in the shared database first (sync.shared.create_user, through
            ws_create_login, the password as a SCRAM verifier), then the local row
            under the same id, so that the push updates that row."""
            from workstation.sync.shared import create_user, shared_engine  # (deferred: rare)

            if fields["team"] and fields["team"] not in {t.name for t in admin.teams(ctx)}:
                raise admin.AdminError(f"team: team {fields['team']} does not exist")
            engine = shared_engine(ctx.settings)
            try:
                uid = create_user(engine, login, password, fields["role"] or "manager",
                                  team=fields["team"] or None, full_name=fields["full_name"])
            finally:
                engine.dispose()
            return admin.add_user(ctx, login, user_id=uid, **fields)

        ops.change(self, work, lambda _r: ops.Changes.of(ops.USERS, source=self),
                   on_error=self.failed)

    def save(self) -> None:
        self.run("set_user", self.login.text().strip(), active=self.active.isChecked(),
                 **self._fields())


class TeamsPage(Page):
    SUBJECTS = (ops.USERS, ops.CONFIG)

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.table = make_table(self, "teamsTable", [self.tr("Team"), self.tr("Active members")])
        self.name = QLineEdit(self)
        self.name.setObjectName("teamName")
        self.name.setPlaceholderText(self.tr("Team name"))
        row = QHBoxLayout()
        row.addWidget(self.name, 1)
        row.addWidget(self.button(self.tr("Add team"), "addTeam",
                                  lambda: self.run("add_team", self.name.text())))
        row.addWidget(self.button(self.tr("Rename"), "renameTeam", self.rename))
        row.addWidget(self.button(self.tr("Delete"), "deleteTeam",
                                  lambda: self._selected() and self.run(
                                      "set_team", self._selected().name, deleted=True)))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)

    def load(self):
        return admin.teams(self.ctx)

    def show_data(self, teams) -> None:
        fill_table(self.table, [[t.name, t.members] for t in teams])

    def _selected(self):
        row = self.table.currentRow()
        return self.data[row] if self.data and 0 <= row < len(self.data) else None

    def rename(self) -> None:
        team = self._selected()
        if team is None:
            self.error.setText(self.tr("Select a team first."))
            return
        self.run("set_team", team.name, name=self.name.text())


# -- funnels ---------------------------------------------------------------------------------

class OrderedPage(Page):
    """A table of ordered rows with code and name edits and the row buttons."""

    def _row_controls(self, prefix: str) -> QVBoxLayout:
        self.code = QLineEdit(self)
        self.code.setObjectName(f"{prefix}Code")
        self.code.setPlaceholderText(self.tr("code (latin, e.g. site_visit)"))
        self.name = QLineEdit(self)
        self.name.setObjectName(f"{prefix}Name")
        self.name.setPlaceholderText(self.tr("Name shown to managers"))
        edits = QHBoxLayout()
        edits.addWidget(self.code, 1)
        edits.addWidget(self.name, 2)
        buttons = QHBoxLayout()
        for b in (self.button(self.tr("Add"), f"{prefix}Add", self.add),
                  self.button(self.tr("Rename"), f"{prefix}Rename", self.rename),
                  self.button(self.tr("Up"), f"{prefix}Up", lambda: self.move(-1)),
                  self.button(self.tr("Down"), f"{prefix}Down", lambda: self.move(1)),
                  self.button(self.tr("Retire / restore"), f"{prefix}Retire", self.retire),
                  self.button(self.tr("Delete"), f"{prefix}Delete", self.delete)):
            buttons.addWidget(b)
        buttons.addStretch(1)
        box = QVBoxLayout()
        box.addLayout(edits)
        box.addLayout(buttons)
        return box

    def rows(self) -> list:
        raise NotImplementedError

    def selected(self):
        row, rows = self.table.currentRow(), self.rows()
        if not 0 <= row < len(rows):
            self.error.setText(self.tr("Select a row first."))
            return None
        return rows[row]

    def status(self, retired: bool) -> str:
        return self.tr("retired") if retired else self.tr("offered")


class FunnelsPage(OrderedPage):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.funnel = QComboBox(self)
        self.funnel.setObjectName("funnelCombo")
        self.fname = QLineEdit(self)
        self.fname.setObjectName("funnelName")
        self.product = QLineEdit(self)
        self.product.setObjectName("funnelProduct")
        self.topic = QLineEdit(self)
        self.topic.setObjectName("funnelTopic")
        self.fcode = QLineEdit(self)
        self.fcode.setObjectName("funnelCode")
        self.fcode.setPlaceholderText(self.tr("code of a new funnel"))
        top = QGridLayout()
        top.addWidget(QLabel(self.tr("Funnel:"), self), 0, 0)
        top.addWidget(self.funnel, 0, 1)
        top.addWidget(QLabel(self.tr("Name:"), self), 0, 2)
        top.addWidget(self.fname, 0, 3)
        top.addWidget(QLabel(self.tr("Product:"), self), 1, 0)
        top.addWidget(self.product, 1, 1)
        top.addWidget(QLabel(self.tr("Topic:"), self), 1, 2)
        top.addWidget(self.topic, 1, 3)
        top.addWidget(self.button(self.tr("Save funnel"), "saveFunnel", self.save_funnel), 0, 4)
        top.addWidget(self.fcode, 2, 1)
        top.addWidget(self.button(self.tr("New funnel"), "addFunnel", self.add_funnel), 2, 4)
        self.table = make_table(self, "stagesTable", [
            self.tr("#"), self.tr("Code"), self.tr("Stage"), self.tr("Leads at it"),
            self.tr("Status")])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._row_controls("stage"))
        layout.addWidget(self.error)
        self.funnel.currentIndexChanged.connect(lambda _i: self.show_stages())

    def load(self):
        return admin.funnels(self.ctx)

    def current(self):
        code = self.funnel.currentData()
        return next((f for f in self.data or [] if f.code == code), None)

    def show_data(self, funnels) -> None:
        code = self.funnel.currentData()
        self.funnel.blockSignals(True)
        self.funnel.clear()
        for f in funnels:
            self.funnel.addItem(f"{f.name} ({f.code})", f.code)
        self.funnel.setCurrentIndex(max(0, self.funnel.findData(code)))
        self.funnel.blockSignals(False)
        self.show_stages()

    def show_stages(self) -> None:
        f = self.current()
        if f is None:
            return
        self.fname.setText(f.name)
        self.product.setText(f.product)
        self.topic.setText(f.topic)
        fill_table(self.table, [[st.position, st.code, labels.stage_label(st.code, st.name),
                                 st.leads, self.status(st.retired)] for st in f.stages])

    def rows(self) -> list:
        f = self.current()
        return list(f.stages) if f else []

    def save_funnel(self) -> None:
        if self.current():
            self.run("set_funnel", self.current().code, name=self.fname.text(),
                     product=self.product.text(), topic=self.topic.text())

    def add_funnel(self) -> None:
        self.run("add_funnel", self.fcode.text().strip(), self.fname.text(),
                 product=self.product.text(), topic=self.topic.text())

    def add(self) -> None:
        if self.current():
            self.run("add_stage", self.current().code, self.code.text().strip(), self.name.text())

    def rename(self) -> None:
        st = self.selected()
        if st:
            self.run("set_stage", self.current().code, st.code, name=self.name.text())

    def move(self, by: int) -> None:
        st = self.selected()
        if st:
            self.run("set_stage", self.current().code, st.code,
                     position=max(1, min(len(self.rows()), st.position + by)))
            self.table.selectRow(max(0, min(len(self.rows()) - 1, self.table.currentRow() + by)))

    def retire(self) -> None:
        st = self.selected()
        if st:
            self.run("set_stage", self.current().code, st.code, retired=not st.retired)

    def delete(self) -> None:
        st = self.selected()
        if st:
            self.run("delete_stage", self.current().code, st.code)


class ListPage(OrderedPage):
    """Refusal reasons ("reasons") or lead sources ("sources")."""

    def __init__(self, ctx, kind: str, parent=None) -> None:
        super().__init__(ctx, parent)
        self.kind = kind
        used = self.tr("Used by calls") if kind == "reasons" else self.tr("Used by leads")
        self.table = make_table(self, f"{kind}Table", [
            self.tr("#"), self.tr("Code"), self.tr("Name"), used, self.tr("Status")])
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._row_controls(kind[:-1]))
        layout.addWidget(self.error)

    def load(self):
        return admin.items(self.ctx, self.kind, count_use=True)

    def show_data(self, items) -> None:
        label = labels.refusal_reason_label if self.kind == "reasons" else (lambda c, n: n)
        fill_table(self.table, [[n + 1, r.code, label(r.code, r.name), r.used,
                                 self.status(r.retired)] for n, r in enumerate(items)])

    def rows(self) -> list:
        return list(self.data or [])

    def add(self) -> None:
        self.run("add_item", self.kind, self.code.text().strip(), self.name.text())

    def rename(self) -> None:
        r = self.selected()
        if r:
            self.run("set_item", self.kind, r.code, name=self.name.text())

    def move(self, by: int) -> None:
        r = self.selected()
        if r:
            row = self.table.currentRow()
            self.run("set_item", self.kind, r.code,
                     position=max(1, min(len(self.rows()), row + 1 + by)))
            self.table.selectRow(max(0, min(len(self.rows()) - 1, row + by)))

    def retire(self) -> None:
        r = self.selected()
        if r:
            self.run("set_item", self.kind, r.code, retired=not r.retired)

    def delete(self) -> None:
        r = self.selected()
        if r:
            self.run("delete_item", self.kind, r.code)


# -- plans and the effective call --------------------------------------------------------------

class PlansPage(Page):
    SUBJECTS = (ops.CONFIG, ops.USERS)

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.table = make_table(self, "plansTable", [
            self.tr("For"), self.tr("Figure"), self.tr("Per"), self.tr("Plan")])
        self.scope = QComboBox(self)
        self.scope.setObjectName("planScope")
        self.metric = QComboBox(self)
        self.metric.setObjectName("planMetric")
        for code, text in METRICS.items():
            self.metric.addItem(_t(text), code)
        self.period = QComboBox(self)
        self.period.setObjectName("planPeriod")
        self.target = QDoubleSpinBox(self)
        self.target.setObjectName("planTarget")
        self.target.setRange(0, 100000)
        self.target.setDecimals(0)
        row = QHBoxLayout()
        for w, stretch in ((self.scope, 2), (self.metric, 2), (self.period, 1),
                           (self.target, 1)):
            row.addWidget(w, stretch)
        row.addWidget(self.button(self.tr("Set plan"), "setPlan", self.set_plan))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.metric.currentIndexChanged.connect(self._periods)
        self._periods()

    def _periods(self, *_a) -> None:
        self.period.clear()
        for p in PLAN_PERIODS[self.metric.currentData()]:
            self.period.addItem(_t(PERIODS[p]), p)

    def load(self):
        ctx = self.ctx
        return admin.plans(ctx), admin.teams(ctx), admin.users(ctx)

    def show_data(self, data) -> None:
        plans, teams, users = data
        scope = self.scope.currentData()
        self.scope.clear()
        if admin.can_administer(self.ctx):
            self.scope.addItem(self.tr("Everybody (default)"), ("", ""))
        for t in teams:
            if admin.can_administer(self.ctx) or t.id == self.ctx.user.team_id:
                self.scope.addItem(self.tr("Team %1").replace("%1", t.name), (t.name, ""))
        for u in users:
            if u.active and u.role == "manager":
                self.scope.addItem(self.tr("Manager %1").replace("%1", u.full_name or u.login),
                                   ("", u.login))
        self.scope.setCurrentIndex(max(0, self.scope.findData(scope)))
        fill_table(self.table, [[
            self.tr("Manager %1").replace("%1", p.login) if p.login else
            self.tr("Team %1").replace("%1", p.team) if p.team else
            self.tr("Everybody (default)"),
            _t(METRICS.get(p.metric, p.metric)), _t(PERIODS.get(p.period, p.period)),
            f"{p.target:g}"] for p in plans])

    def set_plan(self) -> None:
        team, user = self.scope.currentData() or ("", "")
        self.run("set_plan", self.metric.currentData(), self.period.currentData(),
                 self.target.value(), team=team or None, user=user or None)


class EffectivePage(Page):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.seconds = QDoubleSpinBox(self)
        self.seconds.setObjectName("effectiveSeconds")
        self.seconds.setRange(0, 3600)
        self.seconds.setDecimals(0)
        self.seconds.setSuffix(self.tr(" s"))
        text = QLabel(self.tr(
            "An answered call is effective when the talk lasted at least this long, or the "
            "manager recorded a result (positive, satisfactory or negative), or used a sales "
            "tool (offer, presentation, demo access, invoice). Every workstation counts its "
            "plan with this rule once it has synced."), self)
        text.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Talk time that makes a call effective:"), self))
        row.addWidget(self.seconds)
        row.addWidget(self.button(self.tr("Save"), "saveEffective",
                                  lambda: self.run("set_effective_min_talk",
                                                   self.seconds.value())))
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def load(self):
        return admin.effective_min_talk(self.ctx)

    def show_data(self, seconds) -> None:
        self.seconds.setValue(seconds)


class AdminDialog(QDialog):
    """All administration pages; a team lead gets the Plans page alone."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("adminDialog")
        self.setWindowTitle(self.tr("Administration"))
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("adminTabs")
        self.pages: dict[str, Page] = {}
        full = admin.can_administer(ctx)
        for key, title, make in (
                ("users", self.tr("Users"), lambda: UsersPage(ctx, self)),
                ("teams", self.tr("Teams"), lambda: TeamsPage(ctx, self)),
                ("funnels", self.tr("Funnels"), lambda: FunnelsPage(ctx, self)),
                ("reasons", self.tr("Refusal reasons"), lambda: ListPage(ctx, "reasons", self)),
                ("sources", self.tr("Lead sources"), lambda: ListPage(ctx, "sources", self)),
                ("plans", self.tr("KPI plans"), lambda: PlansPage(ctx, self)),
                ("effective", self.tr("Effective call"), lambda: EffectivePage(ctx, self))):
            if full or key == "plans":
                page = make()
                self.pages[key] = page
                self.tabs.addTab(page, title)
                page.reload()
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.resize(1100, 640)
