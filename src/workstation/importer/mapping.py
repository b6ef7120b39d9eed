"""Which file column holds which lead field: header aliases in English, Russian
and Ukrainian (the seeds' input base and processed base), plus explicit
overrides (``--mapping phone=Tel`` on the command line, the wizard's combo boxes).

A mapping is ``{field: [column index, ...]}``; ``phone`` and ``email`` may
take several columns, the other fields their first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workstation.domain.enums import LeadType

# field code -> English label (the views translate it)
FIELDS: dict[str, str] = {
    "company": "Company",
    "address": "Address",
    "phone": "Phone",
    "contact": "Contact person",
    "email": "E-mail",
    "source": "Source",
    "category": "Category",
    "lead_type": "Client type",
    "datetime": "Date-time",
    "history": "Client history",
}
MULTI_FIELDS = frozenset({"phone", "email", "contact"})
REQUIRED_FIELD = "phone"


def norm_header(text: str) -> str:
    """Casefolded header without punctuation: ``"Source*"`` -> ``"source"``."""
    t = (text or "").casefold().replace("ё", "е").replace("’", "'").replace("ʼ", "'")
    t = re.sub(r"[*:#№()\[\]{}\"«»]", " ", t)
    t = re.sub(r"[\s_/\\.,;-]+", " ", t)
    return t.strip()


_ALIASES: dict[str, tuple[str, ...]] = {
    "company": (
        "company", "company name", "companies", "organization", "organisation",
        "organization name", "organisation name", "counterparty", "firm", "business",
        "business name", "client", "customer", "account", "account name", "name of company",
        "компания", "название компании", "наименование компании", "название организации",
        "наименование организации", "организация", "контрагент", "название", "наименование",
        "фирма", "клиент",
        "компанія", "назва компанії", "найменування компанії", "назва організації",
        "найменування організації", "організація", "назва", "найменування", "фірма",
        "клієнт",
    ),
    "address": (
        "address", "actual address", "legal address", "actual or legal address",
        "address actual or legal", "office address", "location", "addr",
        "адрес", "адрес фактический", "адрес юридический", "адрес фактический или юридический",
        "фактический адрес", "юридический адрес", "местонахождение",
        "адреса", "адреса фактична", "адреса юридична", "адреса фактична або юридична",
        "фактична адреса", "юридична адреса", "місцезнаходження",
    ),
    "phone": (
        "phone", "phones", "phone number", "phone numbers", "telephone", "telephones",
        "tel", "tel no", "mobile", "mobile phone", "cell", "cell phone", "current phone",
        "actual phone", "contact phone", "number",
        "телефон", "телефоны", "номер телефона", "номера телефонов", "тел", "моб",
        "мобильный", "мобильный телефон", "актуальный телефон", "контактный телефон",
        "номер",
        "телефони", "номер телефону", "номери телефонів", "мобільний", "мобільний телефон",
        "актуальний телефон", "контактний телефон",
    ),
    "contact": (
        "contact", "contact person", "contact name", "contact persons", "person",
        "decision maker", "contact person decision maker", "contact decision maker",
        "full name", "name", "first name", "dm",
        "контактное лицо", "контактное лицо лпр", "контакт", "контакты лицо", "лпр", "фио",
        "имя", "контактная персона",
        "контактна особа", "контактна особа опр", "контактна особа лпр", "особа", "опр",
        "піб", "ім'я", "імя",
    ),
    "email": (
        "email", "e mail", "mail", "email address", "e mail address", "emails",
        "электронная почта", "эл почта", "почта", "емейл", "имейл",
        "електронна пошта", "ел пошта", "пошта", "емейл", "імейл",
    ),
    "source": (
        "source", "lead source", "origin", "channel source",
        "источник", "источник лида",
        "джерело", "джерело ліда",
    ),
    "category": (
        "category", "categories", "industry", "segment", "sector", "branch",
        "категория", "отрасль", "сегмент", "рубрика",
        "категорія", "галузь", "рубрика",
    ),
    "lead_type": (
        "client type", "lead type", "type of client", "customer type", "type",
        "тип клиента", "тип лида", "тип",
        "тип клієнта", "тип ліда",
    ),
    "datetime": (
        "date time", "datetime", "date", "last contact", "date and time",
        "дата время", "дата", "дата и время", "дата час", "дата і час", "дата та час",
    ),
    "history": (
        "client history", "history", "notes", "note", "comment", "comments", "remarks",
        "клиентская история", "история", "примечания", "примечание", "комментарий",
        "комментарии", "заметки",
        "клієнтська історія", "історія", "примітки", "примітка", "коментар", "коментарі",
        "нотатки",
    ),
}
ALIASES: dict[str, str] = {}
for _field, _names in _ALIASES.items():
    for _name in _names:
        ALIASES.setdefault(norm_header(_name), _field)

# a header containing one of these words (after the exact aliases failed)
_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("e mail", "email"), ("email", "email"), ("почт", "email"), ("пошт", "email"),
    ("телефон", "phone"), ("phone", "phone"), ("mobile", "phone"), ("моб", "phone"),
    ("адрес", "address"), ("address", "address"),
    ("контакт", "contact"), ("особа", "contact"), ("лицо", "contact"), ("person", "contact"),
    ("компан", "company"), ("company", "company"), ("организац", "company"),
    ("організац", "company"), ("назва", "company"), ("назван", "company"),
    ("source", "source"), ("источник", "source"), ("джерел", "source"),
    ("категор", "category"), ("category", "category"),
    ("тип", "lead_type"), ("type", "lead_type"),
    ("истори", "history"), ("історі", "history"), ("history", "history"),
    ("дата", "datetime"), ("date", "datetime"),
)


def guess_field(header: str) -> str | None:
    key = norm_header(header)
    if not key:
        return None
    if key in ALIASES:
        return ALIASES[key]
    for word, fld in _KEYWORDS:
        if word in key:
            return fld
    return None


class MappingError(ValueError):
    """An explicit mapping names a field or column that does not exist."""


def auto_mapping(headers: list[str]) -> dict[str, list[int]]:
    """Fields guessed from the headers; single-column fields take the first match."""
    mapping: dict[str, list[int]] = {}
    for idx, header in enumerate(headers):
        fld = guess_field(header)
        if fld is None:
            continue
        if fld in MULTI_FIELDS or fld not in mapping:
            mapping.setdefault(fld, []).append(idx)
    return mapping


def column_index(headers: list[str], column: str) -> int:
    """A column named by its header (any case) or its 1-based number."""
    col = column.strip()
    wanted = norm_header(col)
    for idx, header in enumerate(headers):
        if header == col:
            return idx
    for idx, header in enumerate(headers):
        if norm_header(header) == wanted:
            return idx
    if col.isdigit() and 1 <= int(col) <= len(headers):
        return int(col) - 1
    raise MappingError(f"no column {column!r}; columns: " + ", ".join(
        f"{i + 1}={h!r}" for i, h in enumerate(headers)))


def apply_overrides(headers: list[str], mapping: dict[str, list[int]],
                    overrides: list[str]) -> dict[str, list[int]]:
    """``field=column`` items (``column`` empty or ``-`` unmaps the field)."""
    result = {k: list(v) for k, v in mapping.items()}
    explicit: set[str] = set()
    for item in overrides:
        if "=" not in item:
            raise MappingError(f"mapping {item!r} is not field=column")
        fld, column = (p.strip() for p in item.split("=", 1))
        fld = fld.lower().replace("-", "_")
        if fld not in FIELDS:
            raise MappingError(f"unknown field {fld!r}; fields: " + ", ".join(FIELDS))
        if column in ("", "-"):
            result.pop(fld, None)
            continue
        idx = column_index(headers, column)
        for other in result.values():  # a column feeds one field
            if idx in other:
                other.remove(idx)
        if fld in explicit and fld in MULTI_FIELDS:
            result[fld].append(idx)
        else:
            result[fld] = [idx]
        explicit.add(fld)
    return {k: v for k, v in result.items() if v}


def describe(headers: list[str], mapping: dict[str, list[int]]) -> str:
    parts = []
    for fld in FIELDS:
        if fld in mapping:
            cols = ", ".join(repr(headers[i]) if i < len(headers) else f"#{i + 1}"
                             for i in mapping[fld])
            parts.append(f"{fld}={cols}")
    return "; ".join(parts)


# ---------------------------------------------------------------- lead types

@dataclass(frozen=True)
class TypeNames:
    en: str
    ru: str
    uk: str


LEAD_TYPE_NAMES: dict[LeadType, TypeNames] = {
    LeadType.INTERESTED: TypeNames("Interested", "Заинтересован", "Зацікавлений"),
    LeadType.POTENTIAL: TypeNames("Potentially interested", "Потенциально заинтересован",
                                  "Потенційно зацікавлений"),
    LeadType.HYPOTHETICAL: TypeNames("Hypothetically interested",
                                     "Гипотетически заинтересован",
                                     "Гіпотетично зацікавлений"),
    LeadType.CLIENT: TypeNames("Already a client", "Уже клиент", "Є клієнтом"),
    LeadType.HOSTILE: TypeNames("Hostile", "Предвзятый", "Упереджений"),
    LeadType.NOT_INTERESTED: TypeNames("Not interested", "Не заинтересован",
                                       "Не зацікавлений"),
    LeadType.FALSE_POSITIONING: TypeNames("False positioning", "Ложное позиционирование",
                                          "Хибне позиціонування"),
}
_TYPE_LOOKUP: dict[str, LeadType] = {}
for _lt, _names in LEAD_TYPE_NAMES.items():
    for _n in (_lt.value, _names.en, _names.ru, _names.uk):
        _TYPE_LOOKUP[norm_header(_n)] = _lt


def parse_lead_type(text: str) -> LeadType | None:
    """A lead type from its code or its English, Russian or Ukrainian name."""
    return _TYPE_LOOKUP.get(norm_header(text)) if text else None


def lead_type_name(code: str | None, lang: str = "en") -> str:
    if not code:
        return ""
    try:
        names = LEAD_TYPE_NAMES[LeadType(code)]
    except ValueError:
        return code
    return getattr(names, lang, names.en)
