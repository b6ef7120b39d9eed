"""The lead table shares a narrow width among its columns (a 1366-px laptop with
the My day dock leaves it under 1000 px) until the user drags a column."""

from views_helpers import add_leads, wait_rows


def test_columns_fit_a_narrow_window_until_the_user_resizes_one(qtbot, window, store):
    add_leads(store, 20)
    lst = window.lead_list
    lst.apply_filter()
    wait_rows(qtbot, lst.model, 20)
    window.resize(1000, 700)
    header = lst.table.horizontalHeader()
    qtbot.waitUntil(lambda: lst.table.viewport().width() < 1000)
    qtbot.waitUntil(lambda: header.length() <= lst.table.viewport().width() + 1)
    assert not lst.table.horizontalScrollBar().isVisible()
    assert all(header.sectionSize(c) >= lst.table.MIN_COLUMN for c in range(header.count()))
    # the company column stays the widest, as on a wide screen
    assert header.sectionSize(0) == max(header.sectionSize(c) for c in range(header.count() - 1))

    company = header.sectionSize(0)
    header.resizeSection(1, 400)  # the user widens "Contact": kept from now on
    window.resize(1100, 700)
    qtbot.waitUntil(lambda: lst.table.viewport().width() > 950)
    assert header.sectionSize(1) == 400

    window.resize(1900, 700)  # the user's widths stay, the others are not rescaled
    qtbot.waitUntil(lambda: lst.table.viewport().width() > 1500)
    assert header.sectionSize(1) == 400 and header.sectionSize(0) == company
