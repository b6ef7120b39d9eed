"""The Calls tab driven through its widgets: filters, header sort, drill-down from the
bus, the side panel hook, a manager's own calls, offline with an unreachable database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget

from audio_rig import pulse_rig  # noqa: F401 - fixture
from workstation.sync.playback import RecordingCache
from workstation.views import ops
from workstation.views.calls.browser import index_of


@pytest.fixture
def make_browser(qtbot, tmp_path):
    def make(ctx, reader=None):
        from workstation.views import calls

        w = QMainWindow()
        w.resize(1366, 768)
        b = calls.install(w, ctx, reader=reader, cache=RecordingCache(tmp_path / "c", 1 << 20))
        qtbot.addWidget(w, before_close_func=lambda _w: b.shutdown())  # as the app's stop()
        w.show()
        qtbot.waitUntil(lambda: b.model.rowCount() > 0, timeout=20000)
        return w, b

    return make


def rows(b):
    return [b.model.call_row(i) for i in range(b.model.rowCount())]


def test_filters_in_the_bar_narrow_the_table(qtbot, filled, ctx_as, make_browser):
    store, made = filled
    w, b = make_browser(ctx_as(store, made, "north0", "admin"))
    tabs = w.findChild(QTabWidget, "centralTabs")
    assert tabs.tabText(tabs.indexOf(b)) == "Calls"
    qtbot.waitUntil(lambda: b.manager.count() == 7, timeout=10000)  # All + 6 managers
    b.direction.setCurrentIndex(index_of(b.direction, "in"))
    qtbot.waitUntil(lambda: bool(rows(b)) and {r.direction for r in rows(b)} == {"in"},
                    timeout=10000)
    b.manager.setCurrentIndex(index_of(b.manager, made.users["south0"]))
    qtbot.waitUntil(lambda: bool(rows(b)) and {r.user_id for r in rows(b)} == {made.users["south0"]}
                    and {r.direction for r in rows(b)} == {"in"}, timeout=10000)
    want = sum(1 for c in made.calls if c["user_id"] == made.users["south0"]
               and c["direction"] == "in")
    qtbot.waitUntil(lambda: b.count_label.text() == f"{want} call(s)", timeout=10000)
    b.clear_filters()
    b.search.setText("0440000042")
    qtbot.waitUntil(lambda: [r.remote_number for r in rows(b)] == ["+380440000042"],
                    timeout=10000)
    b.clear_filters()
    b.min_minutes.setValue(10)
    qtbot.waitUntil(lambda: bool(rows(b)) and min(r.talk_seconds for r in rows(b)) >= 600,
                    timeout=10000)


def test_a_header_click_sorts_by_that_column(qtbot, filled, ctx_as, make_browser):
    from workstation.views.calls.model import COLUMNS

    store, made = filled
    w, b = make_browser(ctx_as(store, made, "north0", "admin"))
    col = COLUMNS.index("jitter")
    b.table.horizontalHeader().setSortIndicator(col, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: b.model.call_filter().sort == "jitter" and b.model.rowCount() > 0
                    and not b.model.is_loading(), timeout=10000)
    values = [r.jitter_ms for r in rows(b)]
    assert values == sorted(values) and values[0] == min(c["rtp_jitter_ms"] for c in made.calls)


def test_drill_down_from_the_bus_and_the_side_panel(qtbot, filled, ctx_as, make_browser):
    store, made = filled
    w, b = make_browser(ctx_as(store, made, "north0", "admin"))
    some = [c["id"] for c in made.calls[100:105]]
    ops.bus().sig_open_calls.emit(some)
    qtbot.waitUntil(lambda: {r.id for r in rows(b)} == set(some), timeout=10000)
    old = made.calls[7]["id"]  # far down the default list: not loaded yet
    b.clear_filters()
    with qtbot.waitSignal(b.sig_call_shown, timeout=20000,
                          check_params_cb=lambda cid: cid == old):
        ops.bus().sig_open_call.emit(old)
    assert b.current_call == old
    assert b.table.currentIndex().row() == b.model.row_of(old)
    assert "No recording" in b.player.waveform._message or b.player.recording is None
    panel = QLabel("review")
    i = b.add_side_panel("Review", panel)
    assert b.side.tabText(i) == "Review" and b.side.widget(i) is panel


def test_a_manager_tab_holds_only_own_calls(qtbot, filled, ctx_as, make_browser):
    store, made = filled
    w, b = make_browser(ctx_as(store, made, "south1", "manager"))
    while b.model.canFetchMore():
        n = b.model.rowCount()
        b.model.fetchMore()
        qtbot.waitUntil(lambda: b.model.rowCount() > n or not b.model.canFetchMore(),
                        timeout=10000)
    assert {r.user_id for r in rows(b)} == {made.users["south1"]}
    assert b.model.rowCount() == len(made.calls_of[made.users["south1"]])
    qtbot.waitUntil(lambda: b.manager.count() == 2, timeout=10000)  # All + themself


def test_an_unreachable_shared_database_shows_the_local_store_and_says_so(
        qtbot, filled, ctx_as, make_browser):
    from workstation.sync.browse import SharedReader
    from workstation.sync.pgcluster import free_port

    store, made = filled
    reader = SharedReader.from_url(f"postgresql://nobody:x@127.0.0.1:{free_port()}/none")
    w, b = make_browser(ctx_as(store, made, "north0", "admin"), reader=reader)
    assert b.source_kind() == "local"
    assert b.source_label.text().startswith("Offline")
    assert b.model.rowCount() > 0


def test_the_row_menu_opens_the_lead_and_offers_monitoring_of_a_live_call(
        qtbot, filled, ctx_as, make_browser, monkeypatch):
    from sqlalchemy import update

    from workstation.store.models import Call
    from workstation.views.calls import browser as browser_mod

    store, made = filled
    live = made.calls[-1]["id"]
    with store.engine.begin() as c:
        c.execute(update(Call.__table__).where(Call.__table__.c.id == live).values(ended_at=None))
    w, b = make_browser(ctx_as(store, made, "north0", "admin"))
    row = b.model.row_of(live)
    assert row == 0 and b.model.call_row(row).live
    menu = b.row_menu(row)
    assert [a.text() for a in menu.actions()] == ["Open the lead card",
                                                  "Show this lead's calls"]  # admin: no monitor
    with qtbot.waitSignal(ops.bus().sig_open_lead) as sig:
        menu.actions()[0].trigger()
    assert sig.args[0] == made.calls[-1]["lead_id"]
    offered = []
    monkeypatch.setattr(browser_mod, "MONITOR_ACTIONS",
                        lambda m, ctx, uid: (offered.append(uid), m.addAction("Listen")))
    assert [a.text() for a in b.row_menu(row).actions() if a.text()] == \
        ["Open the lead card", "Show this lead's calls", "Listen"]
    assert offered == [made.calls[-1]["user_id"]]
    assert "Listen" not in [a.text() for a in b.row_menu(1).actions()]  # ended: no monitoring
    monkeypatch.undo()
    sup, _ = make_browser(ctx_as(store, made, "south0", "supervisor")), None
    sb = sup[1]
    srow = sb.model.row_of(live)
    assert srow == 0
    names = [a.objectName() for a in sb.row_menu(srow).actions() if a.objectName()]
    assert names == ["monitor_listen", "monitor_whisper", "monitor_barge"]  # views.monitor's
    lead = made.calls[-1]["lead_id"]
    b.row_menu(row).actions()[1].trigger()
    qtbot.waitUntil(lambda: b.model.rowCount() > 0 and not b.model.is_loading()
                    and {r.lead_id for r in rows(b)} == {lead}, timeout=10000)
    assert b.lead_chip.isVisible()
    assert b.model.rowCount() == min(200, sum(1 for c in made.calls if c["lead_id"] == lead))


def test_save_a_copy_is_private_and_announced(qtbot, tmp_path, loose_umask):
    import stat
    import uuid

    import numpy as np
    import soundfile as sf

    from workstation.services.browse import Recording
    from workstation.views.calls.player import Player

    wav = tmp_path / "call.wav"
    sf.write(str(wav), np.zeros((16000, 2), np.float32), 16000, subtype="PCM_16")
    player = Player(None)
    qtbot.addWidget(player)
    call_id = uuid.uuid4()
    assert player.save_copy(str(tmp_path / "none.wav")) is None  # nothing open
    player.open(call_id, Recording(call_id, path=wav))
    with qtbot.waitSignal(player.sig_downloaded) as sig:
        out = player.save_copy(str(tmp_path / "copy.wav"))
    from workstation.sync.recordings import recording_id

    assert sig.args == [call_id, recording_id(call_id)]
    assert out.read_bytes() == wav.read_bytes()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


@pytest.mark.audio
def test_enter_on_a_row_loads_its_call_and_plays(qtbot, pulse_rig, filled, ctx_as,  # noqa: F811
                                                 make_browser, tmp_path):
    import numpy as np
    import soundfile as sf
    from sqlalchemy import update

    from workstation.store.models import Call

    store, made = filled
    wav = tmp_path / "call.wav"
    tone = 0.3 * np.sin(2 * np.pi * 440 * np.arange(16000 * 5) / 16000)
    sf.write(str(wav), np.stack([tone, tone], 1).astype(np.float32), 16000, subtype="PCM_16")
    first = made.calls[-1]["id"]
    with store.engine.begin() as c:
        c.execute(update(Call.__table__).where(Call.__table__.c.id == first)
                  .values(recording_path=str(wav)))
    w, b = make_browser(ctx_as(store, made, "north0", "admin"))
    assert b.model.row_of(first) == 0
    b.table.setFocus()
    b.table.activated.emit(b.model.index(0, 3))
    qtbot.waitUntil(lambda: b.player.call_id == first and b.player.file == wav, timeout=10000)
    qtbot.waitUntil(lambda: b.player.is_playing() and b.player.position() > 300,
                    timeout=10000)
    assert b.side.context is not None and b.side.context.info.id == first
