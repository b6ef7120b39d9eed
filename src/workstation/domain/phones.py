"""Phone numbers: normalisation to E.164 and splitting of multi-phone cells.

A number may arrive as ``+380 67 123 45 67``, ``380671234567``, ``0671234567``,
``(067) 123-45-67``, ``00380…`` or inside a SIP URI
(``"Anna" <sip:+380671234567@pbx;user=phone>``). ``normalize`` returns the E.164
form, or raises ``PhoneError`` saying why the text is not a phone number.

phonenumbers' ``parse`` costs ~27 µs; imports of 100,000 rows cannot afford it
for every number, so plain digit strings in the default region's national or
international form are built directly and only validated (~8 µs); anything
else goes through the full parser.
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneNumber

MAX_PHONE_TEXT = 64
_SPLIT = re.compile(r"[,;/\n\r|]+")
_URI = re.compile(r"^(?:.*<)?\s*(?:sips?|tel):([^@;>]+)", re.IGNORECASE)
_NOT_DIGIT = re.compile(r"[^\d+]")


class PhoneError(ValueError):
    """The text is not a usable phone number; the message says why."""


@lru_cache(maxsize=64)
def _region_info(region: str) -> tuple[int, str, str]:
    region = region.upper()
    cc = phonenumbers.country_code_for_region(region)
    if not cc:
        raise PhoneError(f"unknown phone region {region!r}")
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
    prefix = (meta.national_prefix or "") if meta else ""
    return cc, str(cc), prefix


def strip_uri(text: str) -> str:
    """The user part of a SIP/tel URI, or the text itself."""
    m = _URI.match(text.strip())
    return m.group(1) if m else text


def _e164(n: PhoneNumber) -> str:
    return phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.E164)


def normalize(text: str, region: str = "UA") -> str:
    """E.164 form of ``text`` (``+380671234567``) or ``PhoneError``."""
    if text is None:
        raise PhoneError("empty phone number")
    raw = str(text).strip()
    if not raw:
        raise PhoneError("empty phone number")
    if len(raw) > MAX_PHONE_TEXT:
        raise PhoneError(f"phone text too long ({len(raw)} characters)")
    raw = strip_uri(raw)
    cleaned = _NOT_DIGIT.sub("", raw)
    if cleaned.startswith("00"):
        cleaned = "+" + cleaned[2:]
    if cleaned.count("+") > 1 or ("+" in cleaned and not cleaned.startswith("+")):
        raise PhoneError(f"not a phone number: {text!r}")
    digits = cleaned.lstrip("+")
    if not digits:
        raise PhoneError(f"no digits in {text!r}")
    if len(digits) < 5 or len(digits) > 15:
        raise PhoneError(f"wrong length ({len(digits)} digits): {text!r}")

    cc, cc_text, nat_prefix = _region_info(region)
    candidate: PhoneNumber | None = None
    if cleaned.startswith("+"):
        if digits.startswith(cc_text):
            candidate = PhoneNumber(country_code=cc, national_number=int(digits[len(cc_text):] or 0))
    elif nat_prefix and digits.startswith(nat_prefix):
        candidate = PhoneNumber(country_code=cc, national_number=int(digits[len(nat_prefix):] or 0))
    elif digits.startswith(cc_text):
        candidate = PhoneNumber(country_code=cc, national_number=int(digits[len(cc_text):] or 0))
    if candidate is not None and phonenumbers.is_valid_number(candidate):
        return _e164(candidate)

    attempts = [cleaned] if cleaned.startswith("+") else [cleaned, "+" + digits]
    for attempt in attempts:
        try:
            n = phonenumbers.parse(attempt, region.upper())
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(n):
            return _e164(n)
    raise PhoneError(f"not a valid phone number for region {region.upper()}: {text!r}")


def try_normalize(text: str, region: str = "UA") -> str | None:
    try:
        return normalize(text, region)
    except PhoneError:
        return None


def split_cell(cell: str) -> list[str]:
    """Several phones in one cell: ``380672945123,380672945124``."""
    if not cell:
        return []
    return [part.strip() for part in _SPLIT.split(str(cell)) if part.strip()]


def digits_of(text: str) -> str:
    """Digits only, for prefix search while typing."""
    return re.sub(r"\D", "", text or "")


def looks_like_phone(text: str) -> bool:
    """True when a search box text is meant as a phone (mostly digits)."""
    t = strip_uri(text or "").strip()
    d = digits_of(t)
    return len(d) >= 3 and len(d) >= 0.6 * len(re.sub(r"\s", "", t))


def display(e164: str) -> str:
    """International display form: ``+380 67 123 4567``."""
    try:
        return phonenumbers.format_number(phonenumbers.parse(e164, None),
                                          phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    except phonenumbers.NumberParseException:
        return e164
