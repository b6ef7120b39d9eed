import pytest

from workstation.domain.phones import PhoneError, normalize, split_cell, try_normalize

FORMS = ["+380 67 123 45 67", "380671234567", "0671234567", "067-123-45-67", "(067) 123 45 67",
         "00380671234567", "sip:+380671234567@127.0.0.1", '"Anna" <sip:0671234567@pbx;user=phone>',
         "tel:+380671234567"]


@pytest.mark.parametrize("text", FORMS)
def test_every_form_gives_the_same_e164(text):
    assert normalize(text, "UA") == "+380671234567"


def test_other_country_with_plus():
    assert normalize("+7 495 123 45 67", "UA") == "+74951234567"


def test_region_decides_national_numbers():
    assert normalize("(202) 555-0143", "US") == "+12025550143"


@pytest.mark.parametrize("bad", ["", "   ", "12345", "abc", "+380 67", "1" * 80, "+38+067123"])
def test_bad_numbers_say_why(bad):
    with pytest.raises(PhoneError):
        normalize(bad, "UA")
    assert try_normalize(bad) is None


def test_split_cell_with_several_phones():
    assert split_cell("380672945123,380672945124") == ["380672945123", "380672945124"]
    assert split_cell("0671234567; 0501234567\n0931234567") == [
        "0671234567", "0501234567", "0931234567"]
    assert split_cell("") == []
