"""The Funnel tab: stage bars, the conversion table, stuck leads, and the lead
types of each base or manager against the seeds' cold-base bands.

Reads run off the GUI thread (``ops.query`` over ``services.funnel.report``);
the tab reads again when the bus says leads or calls changed (a wrap-up here,
or rows sync pulled in), at most once per ``LIVE_DELAY_MS``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workstation.domain import funnelstats as fs
from workstation.services import funnel as svc
from workstation.services.funnel import utcnow
from workstation.views import labels, ops
from workstation.views.funnel.common import (
    OUTLIER,
    Bar,
    BarChart,
    Cell,
    DrillRunner,
    TablePanel,
    pct,
)
from workstation.views.funnel.filters import FilterBar, LiveReads, combo, fill

LIVE_DELAY_MS = 1000


def duration_text(seconds: float | None) -> str:
    """``3.5 d`` from one day on, ``h:mm`` below."""
    if seconds is None:
        return ""
    if seconds >= 86400:
        return QCoreApplication.translate("FunnelTab", "%1 d").replace(
            "%1", f"{seconds / 86400:.1f}")
    m = int(round(seconds / 60))
    return f"{m // 60}:{m % 60:02d}"


def wrap(label: str, width: int = 12) -> str:
    """A long header on two lines (at the space nearest the middle)."""
    if len(label) <= width or " " not in label:
        return label
    mid = len(label) // 2
    cut = min((i for i, ch in enumerate(label) if ch == " "), key=lambda i: abs(i - mid))
    return label[:cut] + "\n" + label[cut + 1:]


class FunnelTab(QWidget):
    sig_loaded = Signal(object)
    """A report was read and shown; carries the ``services.funnel.FunnelReport``."""

    def __init__(self, ctx, parent=None, *, clock=utcnow) -> None:
        super().__init__(parent)
        self.setObjectName("funnelTab")
        self.ctx, self.clock = ctx, clock
        self.report: svc.FunnelReport | None = None
        self._fq = svc.FunnelQuery()
        self.drills = DrillRunner(self, ctx)

        self.filters = FilterBar(self)
        self.reads = LiveReads(self, self.filters, self.reload, LIVE_DELAY_MS)
        self.funnel_label = QLabel(self)
        self.funnel = combo(self, "funnelFilter")
        self.base_label = QLabel(self)
        self.base = combo(self, "baseFilter")
        self.stuck_label = QLabel(self)
        self.stuck_days = QSpinBox(self)
        self.stuck_days.setObjectName("stuckDays")
        self.stuck_days.setRange(1, 3650)
        self.stuck_days.setValue(int(ctx.settings.get("funnel.stuck_days")))
        self.filters.lay.insertWidget(0, self.funnel)
        self.filters.lay.insertWidget(0, self.funnel_label)
        self.filters.add(self.base_label, self.base)
        self.filters.add(self.stuck_label, self.stuck_days, row=2)

        self.bars = BarChart("stageBars", self)
        self.conversion = TablePanel("funnelConversion", self)
        self.stuck = TablePanel("stuckLeads", self)
        self.types = TablePanel("leadTypes", self, stretch=None)
        self.types_by = QComboBox(self)
        self.types_by.setObjectName("typesBy")
        self.types.tools.insertWidget(1, self.types_by)
        self.status = QLabel(self)
        self.status.setObjectName("funnelStatus")

        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.bars)
        left.addWidget(self.conversion)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.stuck)
        right.addWidget(self.types)
        self.split = QSplitter(Qt.Orientation.Horizontal, self)
        self.split.setObjectName("funnelSplit")
        self.split.addWidget(left)
        self.split.addWidget(right)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 1)
        left.setStretchFactor(0, 0)
        left.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.filters)
        lay.addWidget(self.split, 1)
        lay.addWidget(self.status)

        self._save_settings = QTimer(self)  # the threshold is kept once the box settles
        self._save_settings.setSingleShot(True)
        self._save_settings.setInterval(1500)
        self._save_settings.timeout.connect(
            lambda: ops.run_op(self, lambda _p, _c: self.ctx.settings.save()))
        self.filters.sig_changed.connect(self.reload)
        self.funnel.currentIndexChanged.connect(self.reload)
        self.base.currentIndexChanged.connect(self.reload)
        self.stuck_days.valueChanged.connect(self._stuck_changed)
        self.types_by.currentIndexChanged.connect(self._show_types)
        self.bars.sig_clicked.connect(self._bar_clicked)
        for panel in (self.conversion, self.stuck, self.types):
            panel.sig_drill.connect(self._drill)
            panel.sig_exported.connect(self._exported)
            panel.sig_error.connect(self.status.setText)
        ops.bus().sig_changed.connect(self._on_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.funnel_label.setText(self.tr("Funnel:"))
        self.base_label.setText(self.tr("Base:"))
        self.stuck_label.setText(self.tr("Stuck after:"))
        self.stuck_days.setSuffix(self.tr(" days"))
        self.stuck_days.setToolTip(self.tr("A lead at an open stage longer than this is stuck"))
        self.conversion.title.setText(self.tr("Stages and conversion"))
        self.types.title.setText(self.tr("Lead types against a cold base"))
        keep = self.types_by.currentIndex()
        self.types_by.blockSignals(True)
        self.types_by.clear()
        self.types_by.addItem(self.tr("by base"), "source")
        self.types_by.addItem(self.tr("by manager"), "owner")
        self.types_by.setCurrentIndex(max(keep, 0))
        self.types_by.blockSignals(False)

    # -- reading ------------------------------------------------------------------------
    def start(self) -> None:
        """Read the filter choices, then the report."""
        ops.query(self, lambda: svc.choices(self.ctx), self._choices, self._failed)

    def _choices(self, ch: svc.Choices) -> None:
        self.filters.set_choices(ch)
        fill(self.funnel, "", [(f.id, f.name if not f.product else f"{f.name} ({f.product})")
                               for f in ch.funnels],
             keep=self.funnel.currentData() or next(
                 (f.id for f in ch.funnels if f.code == "default"), None))
        fill(self.base, self.tr("All bases"), [(b, b) for b in ch.sources])
        self.reload()

    def query(self) -> svc.FunnelQuery:
        start, end = self.filters.span()
        return svc.FunnelQuery(funnel_id=self.funnel.currentData(),
                               team_id=self.filters.team_id(),
                               owner_id=self.filters.manager_id(),
                               source=self.base.currentData(), created_from=start,
                               created_to=end, stuck_days=self.stuck_days.value())

    def reload(self) -> None:
        seq, query = self.reads.begin()
        fq = self.query()
        self.status.setText(self.tr("Reading…"))
        now = self.clock()
        ops.run_op(self, lambda progress, _c: svc.report(self.ctx, fq, now=now, query=query,
                                                         progress=progress),
                   lambda rep: self._show(seq, fq, rep),
                   lambda exc: self._failed(exc, seq), self._progress)

    def _failed(self, exc: BaseException, seq: int | None = None) -> None:
        if not self.reads.ended(seq):
            return  # a newer read replaced this one
        if LiveReads.cancelled(exc):
            self.status.setText(self.tr("Stopped: the numbers shown are as of the time above"))
            return
        self.status.setText(self.tr("Could not read the funnel: %1").replace("%1", str(exc)))

    def _progress(self, done: int, total: int) -> None:
        self.status.setText(self.tr("Reading… %1 of %2").replace("%1", str(done))
                            .replace("%2", str(total)))

    def _stuck_changed(self, days: int) -> None:
        self.ctx.settings.set("funnel.stuck_days", int(days))
        self.reads.timer.start()
        self._save_settings.start()

    def _on_changed(self, changes: ops.Changes) -> None:
        if changes.touches(ops.LEADS, ops.CALLS, ops.CONFIG):
            self.reads.changed()

    def _exported(self, path: str, n: int) -> None:
        self.status.setText(self.tr("%1 rows written to %2").replace("%1", str(n))
                            .replace("%2", path))

    # -- showing --------------------------------------------------------------------------
    def _show(self, seq: int, fq: svc.FunnelQuery, rep: svc.FunnelReport) -> None:
        if not self.reads.ended(seq):
            return  # a newer read is on its way
        self.report, self._fq = rep, fq
        self.filters.show_as_of(rep.as_of)
        self._show_stages(fq, rep)
        self._show_stuck(fq, rep)
        self._show_types()
        self.status.setText(self.tr("%1 leads in the funnel; double-click a number to see "
                                    "the leads behind it").replace("%1", str(rep.total)))
        self.sig_loaded.emit(rep)

    def _stage_name(self, st) -> str:
        return labels.stage_label(st.code, st.name) if st.code else st.name

    def _show_stages(self, fq, rep) -> None:
        ctx = self.ctx
        header = [self.tr("Stage"), self.tr("Leads now"), self.tr("Reached"),
                  self.tr("To next stage"), self.tr("Median time\nin stage"),
                  self.tr("Stays\nmeasured")]
        tips = ["", self.tr("Leads at this stage now"),
                self.tr("Leads that got to this stage or further"),
                self.tr("Of the leads that reached this stage, the share that reached the next"),
                self.tr("From the stage-change history: half the finished stays were shorter"),
                self.tr("Finished stays in this stage (the median's sample)")]
        rows, bars = [], []
        main = [r for r in rep.rows if r.reached is not None]
        for r in rep.rows:
            st = r.stage
            name = self._stage_name(st)
            at = ("leads", lambda sid=st.id: svc.drill(ctx, fq, "at_stage", stage_id=sid))
            reached = ("leads", lambda p=st.position: svc.drill(ctx, fq, "reached", position=p))
            nxt = next((m for m in main if m.stage.position > st.position), None) \
                if r.reached is not None else None
            conv_drill = ("leads", lambda p=nxt.stage.position: svc.drill(
                ctx, fq, "reached", position=p)) if nxt is not None else None
            stays = ("leads", lambda c=st.code: svc.drill(ctx, fq, "stays", code=c))
            rows.append([
                Cell(name, drill=at),
                Cell(str(r.now), r.now, at),
                Cell("" if r.reached is None else str(r.reached), r.reached,
                     reached if r.reached is not None else None),
                Cell(pct(r.conversion), None if r.conversion is None else
                     round(r.conversion, 4), conv_drill if r.conversion is not None else None),
                Cell(duration_text(r.median_seconds),
                     None if r.median_seconds is None else round(r.median_seconds / 86400, 3),
                     stays if r.stays else None),
                Cell(str(r.stays), r.stays, stays if r.stays else None),
            ])
            bars.append(Bar(name, r.reached or 0, r.now,
                            f"{r.now}" + (f" / {r.reached}" if r.reached is not None else "")))
        self.conversion.model.set_rows(header, rows, tips)
        self.conversion.sheet = "funnel"
        self.bars.set_bars(bars, (self.tr("reached"), self.tr("now")))

    def _show_stuck(self, fq, rep) -> None:
        self.stuck.title.setText(self.tr("Stuck longer than %1 days: %2")
                                 .replace("%1", str(rep.stuck_days))
                                 .replace("%2", str(len(rep.stuck))))
        header = [self.tr("Company"), self.tr("Stage"), self.tr("In stage since"),
                  self.tr("Days"), self.tr("Manager")]
        rows = []
        for s in rep.stuck:
            days = (rep.as_of - s.since).total_seconds() / 86400
            open_it = ("lead", s.lead_id)
            local = s.since.astimezone()
            rows.append([Cell(s.company, drill=open_it),
                         Cell(labels.stage_label(s.stage_code, s.stage_name), drill=open_it),
                         Cell(local.strftime("%Y-%m-%d"), local.replace(tzinfo=None), open_it),
                         Cell(f"{days:.0f}", round(days, 1), open_it),
                         Cell(s.manager, drill=open_it)])
        self.stuck.model.set_rows(header, rows)
        self.stuck.sheet = "stuck"

    def _show_types(self, _i=None) -> None:
        rep = self.report
        if rep is None:
            return
        by = self.types_by.currentData() or "source"
        mixes = rep.by_source if by == "source" else rep.by_manager
        fq, ctx = self._fq, self.ctx
        header = [self.tr("Base") if by == "source" else self.tr("Manager"),
                  self.tr("Typed"), self.tr("No type")]
        tips = ["", self.tr("Leads with a type: the shares' base"), ""]
        for t in fs.TYPE_ORDER:
            band = fs.TYPE_BANDS[t].label()
            header.append(f"{wrap(labels.lead_type_label(t))}\n{band}")
            tips.append(self.tr("Typical share in a cold base: %1").replace("%1", band))
        rows = []
        for m in mixes:
            name = m.name or (self.tr("(no base)") if by == "source" else self.tr("(no owner)"))
            flag = "⚠ " if m.is_outlier else ""
            tip = (self.tr("Outside the band: %1").replace(
                "%1", ", ".join(labels.lead_type_label(t) for t in m.outliers))
                if m.is_outlier else "" if m.judged else
                self.tr("Too few typed leads to judge (fewer than %1)").replace(
                    "%1", str(fq.min_typed)))

            def drill(t, key=m.key):
                return ("leads", lambda: svc.drill(ctx, fq, "type", by=by, key=key, lead_type=t))

            row = [Cell(flag + name, name, drill(None), tip=tip, bold=m.is_outlier,
                        muted=not m.judged),
                   Cell(str(m.typed), m.typed, drill(None), muted=not m.judged),
                   Cell(str(m.untyped), m.untyped, muted=not m.judged)]
            for share in m.shares:
                row.append(Cell(f"{share.pct:.1f} %", round(share.pct, 2),
                                drill(share.lead_type) if share.count else None,
                                background=OUTLIER if share.outside else None,
                                tip=self.tr("%1 leads").replace("%1", str(share.count)),
                                muted=not m.judged))
            rows.append(row)
        self.types.model.set_rows(header, rows, tips)
        self.types.sheet = "lead types"

    # -- drill-down ---------------------------------------------------------------------
    def _bar_clicked(self, i: int) -> None:
        if self.report and 0 <= i < len(self.report.rows):
            self._drill(self.conversion.model.cell(i, 1).drill)

    def _drill(self, drill) -> None:
        if not drill:
            return
        if drill[0] == "lead":
            ops.bus().sig_open_lead.emit(drill[1])
            return
        self.drills.run(drill, self.tr("Leads behind the number"))
