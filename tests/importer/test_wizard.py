"""The import wizard driven offscreen with pytest-qt against a real store."""

from __future__ import annotations

import csv

import pytest

from workstation.importer.importer import count_leads
from workstation.importer.synthetic import write_csv
from workstation.store.models import Lead, Phone
from workstation.views.importwizard import ImportWizard


def _write(path, headers, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(headers)
        w.writerows(rows)
    return path


@pytest.fixture
def wizard(qtbot, config, store):
    w = ImportWizard(config, store)
    qtbot.addWidget(w)
    w.show()
    return w


def _to_mapping(qtbot, wizard, path):
    wizard.set_file(path)
    assert wizard.file_page.isComplete()
    wizard.next()
    assert wizard.currentId() == ImportWizard.MAPPING
    qtbot.waitUntil(lambda: bool(wizard.mapping_page.loaded
                                 or wizard.mapping_page.error_label.text()),
                    timeout=10_000)


def test_import_with_one_mapping_fixed(qtbot, wizard, store, tmp_path):
    from sqlalchemy import select

    path = _write(tmp_path / "base.csv", ["Firma", "Tel", "Contact", "Notiz"], [
        ["Synthetic Mills", "0671112233,0671112234", "Anna", "x"],
        ["Lakeside", "0502223344", "Bob", "y"],
        ["No phone", "", "Carl", "z"],
    ])
    _to_mapping(qtbot, wizard, path)
    page = wizard.mapping_page
    assert page.mapping() == {"phone": [1], "contact": [2]}  # "Firma" is not known
    assert "delimiter: semicolon" in page.info_label.text()
    assert page.preview_table.rowCount() == 3
    assert page.preview_table.item(0, 0).text() == "Synthetic Mills"
    page.set_field(0, "company")  # the user fixes one column
    assert page.mapping() == {"company": [0], "phone": [1], "contact": [2]}
    assert page.isComplete()
    wizard.next()  # "Import": the run page starts the import off the GUI thread
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.SUMMARY, timeout=20_000)
    assert wizard.run_page.progress.value() == 1000
    result = wizard.result
    assert (result.inserted, result.rejected) == (2, 1)
    summary = wizard.summary_page
    assert "New leads: 2" in summary.counts.text() and "Rejected rows: 1" in summary.counts.text()
    assert str(result.rejects_path) in summary.rejects_label.text()
    assert "line 4, rejected: no phone number" in summary.rejects.toPlainText()
    with store.session() as s:
        lead = s.scalar(select(Lead).join(Phone).where(Phone.e164 == "+380671112234"))
        assert lead.company == "Synthetic Mills"
        assert [c.full_name for c in lead.contacts] == ["Anna"]


def test_no_phone_column_must_be_chosen(qtbot, wizard, tmp_path):
    path = _write(tmp_path / "nophone.csv", ["Name", "Nummer"], [["A", "0671112233"]])
    _to_mapping(qtbot, wizard, path)
    page = wizard.mapping_page
    assert not page.isComplete()
    assert "No column is mapped to Phone" in page.error_label.text()
    assert "Nummer" in page.error_label.text()
    page.set_field(1, "phone")
    assert page.isComplete() and page.error_label.text() == ""


def test_unreadable_file_shows_the_error(qtbot, wizard, tmp_path):
    path = tmp_path / "garbage.csv"
    path.write_bytes(b"\0\1\2" * 100)
    _to_mapping(qtbot, wizard, path)
    assert not wizard.mapping_page.isComplete()
    assert "garbage.csv" in wizard.mapping_page.error_label.text()
    assert "binary" in wizard.mapping_page.error_label.text()


def test_cancel_rolls_back(qtbot, wizard, store, tmp_path):
    path = write_csv(tmp_path / "big.csv", 30_000)
    _to_mapping(qtbot, wizard, path)
    wizard.next()
    wizard.run_page.cancel_button.click()
    qtbot.waitUntil(lambda: wizard.run_page.outcome is not None, timeout=30_000)
    assert "cancelled" in wizard.run_page.status.text()
    assert wizard.currentId() == ImportWizard.RUN and not wizard.run_page.isComplete()
    assert count_leads(store) == 0


def test_closing_while_importing_cancels_first(qtbot, wizard, store, tmp_path):
    path = write_csv(tmp_path / "big.csv", 30_000)
    _to_mapping(qtbot, wizard, path)
    wizard.next()
    assert wizard.run_page.running()
    wizard.reject()  # Escape / the window's close button
    assert wizard.isVisible()  # stays until the rollback is done
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=30_000)
    assert isinstance(wizard.run_page.outcome, Exception)
    assert count_leads(store) == 0


@pytest.mark.parametrize("kind", ["zip-bomb", "fifo", "billion-laughs"])
def test_hostile_file_shows_its_problem(qtbot, wizard, store, tmp_path, kind):
    """The preview (off the GUI thread) refuses it with the file's message; no way on."""
    import os

    from workstation.importer import hostile

    if kind == "fifo":
        path = tmp_path / "pipe.csv"
        os.mkfifo(path)
        needle = "named pipe"
    elif kind == "zip-bomb":
        path = hostile.shared_strings_bomb(tmp_path / "bomb.xlsx", 128 << 20)
        needle = "zip bomb"
    else:
        path = hostile.billion_laughs(tmp_path / "lol.xlsx", "sheet")
        needle = "DTD"
    _to_mapping(qtbot, wizard, path)
    page = wizard.mapping_page
    text = page.error_label.text()
    assert text.startswith(f"{path}: ") and needle in text and "Traceback" not in text
    assert not page.loaded and not page.isComplete()
    assert count_leads(store) == 0
