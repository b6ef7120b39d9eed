"""Header aliases in English, Russian and Ukrainian; explicit overrides."""

from __future__ import annotations

import pytest

from workstation.domain.enums import LeadType
from workstation.importer.exporter import HEADERS
from workstation.importer.mapping import (
    MappingError,
    apply_overrides,
    auto_mapping,
    lead_type_name,
    parse_lead_type,
)

SEED_INPUT_UK = ["Назва компанії", "Адреса фактична або юридична", "Телефон",
                 "Контактна особа", "email", "source*", "Категорія"]
INPUT_RU = ["Название компании", "Адрес", "Телефоны", "Контактное лицо", "E-mail",
            "Источник", "Категория"]
INPUT_EN = ["Company name", "Address", "Phone numbers", "Contact person", "Email", "Source",
            "Category"]
EXPECTED = {"company": [0], "address": [1], "phone": [2], "contact": [3], "email": [4],
            "source": [5], "category": [6]}


@pytest.mark.parametrize("headers", [SEED_INPUT_UK, INPUT_RU, INPUT_EN])
def test_input_base_headers(headers):
    assert auto_mapping(headers) == EXPECTED


@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
def test_export_headers_map_back(lang):
    mapping = auto_mapping(HEADERS[lang])
    assert mapping == {"lead_type": [0], "datetime": [1], "history": [2], "company": [3],
                       "category": [4], "address": [5], "phone": [6], "contact": [7],
                       "email": [8]}


def test_seed_processed_base_headers():
    headers = ["Тип клієнта*", "Дата/ час", "Клієнтська історія", "Назва компанії", "Категорія",
               "Адреса фактична або юридична", "Актуальний телефон", "Контактна особа (ОПР)",
               "email"]
    assert auto_mapping(headers)["phone"] == [6]
    assert auto_mapping(headers)["contact"] == [7]
    assert auto_mapping(headers)["lead_type"] == [0]


def test_several_phone_columns_and_unknown_headers():
    mapping = auto_mapping(["Firma", "Tel", "Mobile phone", "Zzz"])
    assert mapping == {"phone": [1, 2]}


def test_overrides():
    headers = ["Name", "Number A", "Number B", "Notes"]
    base = auto_mapping(headers)
    m = apply_overrides(headers, base, ["company=Name", "phone=2", "phone=Number B",
                                        "history="])
    assert m == {"company": [0], "phone": [1, 2]}
    with pytest.raises(MappingError, match="unknown field"):
        apply_overrides(headers, base, ["colour=Name"])
    with pytest.raises(MappingError, match="no column 'Missing'"):
        apply_overrides(headers, base, ["phone=Missing"])
    with pytest.raises(MappingError, match="field=column"):
        apply_overrides(headers, base, ["phone"])


def test_lead_type_names_round_trip():
    for lt in LeadType:
        for lang in ("en", "ru", "uk"):
            assert parse_lead_type(lead_type_name(lt.value, lang)) is lt
        assert parse_lead_type(lt.value) is lt
    assert parse_lead_type("Зацікавлений") is LeadType.INTERESTED
    assert parse_lead_type("something else") is None
