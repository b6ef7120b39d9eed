"""The main window and lead list, driven through real widgets (offscreen)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from views_helpers import add_leads, wait_rows
from workstation.services import leads
from workstation.store import leads as L
from workstation.store.models import FunnelStage
from workstation.views.leadlist.model import COL_PHONE, COL_STAGE, COL_TYPE, LeadIdRole


def test_window_opens_with_menus_and_lists_leads(qtbot, store, user, make_ctx):
    add_leads(store, 30)
    from workstation.views.mainwindow import MainWindow

    w = MainWindow(make_ctx(store, user))
    qtbot.addWidget(w)
    w.show()
    model = w.lead_list.model
    wait_rows(qtbot, model, 30)
    assert [m.title() for m in w.menus.values()] == ["&File", "&View", "&Help"]
    file_actions = [a.objectName() for a in w.menus["file"].actions() if not a.isSeparator()]
    for name in ("action_import", "action_export", "action_settings", "action_quit"):
        assert name in file_actions
    assert model.index(0, 0).data() == "Company 0000"
    assert model.index(0, COL_PHONE).data() == "+380 67 000 0000"
    assert model.index(0, COL_TYPE).data() == "Interested"
    assert model.index(0, COL_STAGE).data() == "Not aware"
    qtbot.waitUntil(lambda: w.lead_list.count_label.text() == "30 lead(s)")
    sip = QLabel("SIP: registered")
    assert w.indicators.add_indicator(sip, "sip") is w.indicators.indicator("sip")
    assert sip.parent() is w.indicators
    w.shutdown()


def test_fetch_more_when_scrolled(qtbot, window, store):
    add_leads(store, 450)
    lst = window.lead_list
    lst.apply_filter()
    wait_rows(qtbot, lst.model, 200)
    assert lst.model.canFetchMore()
    lst.table.scrollToBottom()
    wait_rows(qtbot, lst.model, 400)
    lst.table.scrollToBottom()
    wait_rows(qtbot, lst.model, 450)
    assert not lst.model.canFetchMore()
    names = [lst.model.index(r, 0).data() for r in range(450)]
    assert names == sorted(names) and len(set(names)) == 450


def test_filter_by_type_and_stage(qtbot, window, store):
    add_leads(store, 40)
    lst = window.lead_list
    lst.apply_filter()
    wait_rows(qtbot, lst.model, 40)
    lst.type_combo.setCurrentIndex(lst.type_combo.findData("interested"))
    wait_rows(qtbot, lst.model, 10)
    assert {lst.model.index(r, COL_TYPE).data() for r in range(10)} == {"Interested"}
    with store.session() as s:
        aware = s.scalar(select(FunnelStage.id).where(FunnelStage.code == "aware"))
    qtbot.waitUntil(lambda: lst.stage_combo.count() > 1)
    idx = next(i for i in range(lst.stage_combo.count()) if lst.stage_combo.itemData(i) == aware)
    lst.stage_combo.setCurrentIndex(idx)
    # i % 4 == 0 (interested) and i % 3 == 1 (aware): i = 4, 16, 28, 40→out of range
    wait_rows(qtbot, lst.model, 3)
    assert [lst.model.index(r, 0).data() for r in range(3)] == [
        "Company 0004", "Company 0016", "Company 0028"]


def search(qtbot, lst, text, expected_rows):
    lst.search.clear()
    if text.isascii():
        qtbot.keyClicks(lst.search, text)   # typed key by key: the debounce holds
    else:
        lst.search.insert(text)             # QTest cannot type Cyrillic
    qtbot.waitUntil(lambda: lst.model.lead_filter().search == text and
                    not lst.model.is_loading(), timeout=5000)
    wait_rows(qtbot, lst.model, expected_rows)


def test_search_by_phone_in_any_format_and_by_cyrillic_name(qtbot, window, store):
    add_leads(store, 20)
    leads.save(window.ctx, L.LeadData(company="ТОВ «Сонячна Долина»",
                                      contacts=[L.ContactData("Олена Шевченко")],
                                      phones=[L.PhoneData("+380 50 765 43 21")]))
    lst = window.lead_list
    lst.apply_filter()
    wait_rows(qtbot, lst.model, 21)
    for text in ("+380 50 765 43 21", "0507654321", "(050) 765-43-21"):
        search(qtbot, lst, text, 1)
        assert lst.model.index(0, 0).data() == "ТОВ «Сонячна Долина»"
    search(qtbot, lst, "0670000", 20)          # digits typed so far: a prefix
    search(qtbot, lst, "067000001", 10)
    search(qtbot, lst, "сОНЯЧНА", 1)
    assert lst.model.index(0, 0).data() == "ТОВ «Сонячна Долина»"
    search(qtbot, lst, "ОЛЕНА", 1)
    search(qtbot, lst, "person 1", 11)         # Person 1, 10..19
    search(qtbot, lst, "nobody like this", 0)
    qtbot.waitUntil(lambda: lst.count_label.text() == "Nothing matches")


def test_empty_base_says_how_to_import(qtbot, window):
    qtbot.waitUntil(lambda: window.lead_list.count_label.text()
                    == "No leads yet: File → Import leads…")


def test_stale_page_is_dropped(qtbot, window, store):
    add_leads(store, 30)
    model = window.lead_list.model
    model.refresh()
    wait_rows(qtbot, model, 30)
    model.set_filter(L.LeadFilter())                       # slow-ish, all 30
    model.set_filter(L.LeadFilter(search="Company 0007"))  # newer: exactly one
    wait_rows(qtbot, model, 1)
    qtbot.wait(300)  # the first query's page has arrived by now and must be ignored
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "Company 0007"


def test_enter_opens_card_edit_save_writes_field_and_history(qtbot, window, store, user):
    add_leads(store, 5)
    lst = window.lead_list
    lst.apply_filter()
    wait_rows(qtbot, lst.model, 5)
    lst.table.setFocus()
    lst.table.setCurrentIndex(lst.model.index(2, 0))
    lead_id = lst.model.index(2, 0).data(LeadIdRole)
    qtbot.keyClick(lst.table, "\r")
    qtbot.waitUntil(lambda: len(window._cards) == 1)
    dlg = window._cards[0]
    card = dlg.card
    qtbot.waitUntil(lambda: card.lead_id() == lead_id)
    assert card.ui.companyEdit.text() == "Company 0002"
    assert window.ctx.user.id == user
    assert card.ui.stageCombo.currentText() == "Interest found"  # 2 % 3 → third stage
    qtbot.keyClicks(card.ui.addressEdit, "Kyiv, Sofiivska 5")
    card.ui.typeCombo.setCurrentIndex(card.ui.typeCombo.findData("potential"))
    card.ui.typeCombo.activated.emit(card.ui.typeCombo.currentIndex())
    save_button = dlg.buttons.button(dlg.buttons.StandardButton.Save)
    assert save_button.isEnabled()
    with qtbot.waitSignal(card.sig_saved, timeout=5000):
        save_button.click()
    from workstation.store.models import HistoryEvent, Lead

    with store.session() as s:
        lead = s.get(Lead, lead_id)
        assert lead.address == "Kyiv, Sofiivska 5"
        assert lead.lead_type == "potential"
        events = {e.field: e for e in s.scalars(
            select(HistoryEvent).where(HistoryEvent.lead_id == lead_id))}
    assert events["address"].kind == "field_change"
    assert events["address"].new_value == "Kyiv, Sofiivska 5"
    assert events["lead_type"].kind == "type_change"
    assert not card.is_dirty()
    # the list row follows the saved card
    qtbot.waitUntil(lambda: lst.model.index(2, COL_TYPE).data() == "Potentially interested")
    # click-to-call in the card reaches the window's sig_dial (the softphone listens there)
    with qtbot.waitSignal(window.sig_dial) as blocker:
        card.phones.rows[0].call_button.click()
    assert blocker.args == ["+380670000002"]


def test_card_phone_call_button_emits_e164(qtbot, store, make_ctx):
    from workstation.views.leadcard.widget import LeadCardWidget

    card = LeadCardWidget(make_ctx(store))
    qtbot.addWidget(card)
    card.set_lead(L.LeadData(company="X", phones=[L.PhoneData(raw="(067) 123-45-67")]))
    button = card.phones.rows[0].call_button
    with qtbot.waitSignal(card.sig_dial) as blocker:
        button.click()
    assert blocker.args == ["+380671234567"]
    card.phones.rows[0].number.setText("12")
    with qtbot.assertNotEmitted(card.sig_dial):
        button.click()
    assert "wrong length" in card.ui.errorLabel.text()


def test_card_rejects_bad_phone_and_keeps_edits(qtbot, store, make_ctx):
    from workstation.views.leadcard.widget import LeadCardWidget

    card = LeadCardWidget(make_ctx(store))
    qtbot.addWidget(card)
    card.new_lead()
    card.ui.companyEdit.setText("New Co")
    card.phones.add_row()
    card.phones.rows[0].number.setText("abc")
    with qtbot.waitSignal(card.sig_error, timeout=5000):
        card.save()
    assert "phone 1" in card.ui.errorLabel.text()
    assert card.ui.companyEdit.text() == "New Co"
    with store.session() as s:
        assert L.page(s, L.LeadFilter()) == []


def test_file_menu_export_writes_csv_and_import_opens_wizard(qtbot, window, store, tmp_path):
    add_leads(store, 3)
    target = tmp_path / "out.csv"
    with qtbot.waitSignal(window.sig_exported, timeout=10000):
        window.export_leads(str(target))
    text = target.read_text(encoding="utf-8-sig")
    assert "Company 0001" in text and "+380670000002" in text
    wizard = window.import_leads()
    if wizard is None:  # the wizard module is not in this build
        return
    qtbot.addWidget(wizard)
    assert wizard.objectName() == "importWizard" and wizard.isVisible()
    wizard.reject()
