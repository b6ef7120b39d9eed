import pytest

from workstation.domain.enums import CallOutcome
from workstation.domain.outcomes import outcome_from_sip


@pytest.mark.parametrize("answered,status,expected", [
    (True, 200, CallOutcome.SUCCESS),
    (False, 486, CallOutcome.BUSY),
    (False, 600, CallOutcome.BUSY),
    (False, 480, CallOutcome.NO_ANSWER),
    (False, 487, CallOutcome.NO_ANSWER),
    (False, 408, CallOutcome.NO_ANSWER),
    (False, None, CallOutcome.NO_ANSWER),
    (False, 404, CallOutcome.ERROR),
    (False, 503, CallOutcome.ERROR),
    (False, 603, CallOutcome.ERROR),
])
def test_outcome_from_sip(answered, status, expected):
    assert outcome_from_sip(answered, status) is expected
