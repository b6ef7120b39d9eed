"""The importer's fast phone path returns exactly what phones.normalize returns."""

from __future__ import annotations

import random

import phonenumbers
import pytest
from phonenumbers import PhoneNumberType as T

from workstation.domain.phones import PhoneError, try_normalize
from workstation.importer.fastphone import fast_normalize


def _fast(text, region):
    try:
        return fast_normalize(text, region)
    except PhoneError:
        return None


@pytest.mark.parametrize("region", ["UA", "DE", "GB", "PL", "US", "KZ"])
def test_same_result_as_normalize(region):
    rnd = random.Random(region)
    samples = []
    for kind in (T.MOBILE, T.FIXED_LINE, T.TOLL_FREE):
        ex = phonenumbers.example_number_for_type(region, kind)
        if ex is None:
            continue
        forms = [phonenumbers.format_number(ex, f) for f in (
            phonenumbers.PhoneNumberFormat.NATIONAL, phonenumbers.PhoneNumberFormat.E164,
            phonenumbers.PhoneNumberFormat.INTERNATIONAL)]
        forms.append(forms[1][1:])
        forms.append("00" + forms[1][1:])
        for _ in range(400):
            chars = list(rnd.choice(forms))
            for _ in range(rnd.randint(0, 3)):
                i = rnd.randrange(len(chars))
                if chars[i].isdigit():
                    chars[i] = rnd.choice("0123456789")
            if rnd.random() < 0.1:
                chars.append(rnd.choice("0123456789"))
            samples.append("".join(chars))
    samples += ["", "   ", "abc", "+", "0", "12", "+380", "0" * 20, "٠٦٧١٢٣٤٥٦٧",
                "sip:+380671234567@pbx", " 067 123 45 67 ", "+44 (0) 20 7946 0958"]
    valid = 0
    for text in samples:
        expected = try_normalize(text, region)
        valid += expected is not None
        assert _fast(text, region) == expected, text
    assert valid > 100
