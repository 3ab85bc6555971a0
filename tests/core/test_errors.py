"""The taxonomy: every kind has an exit code, messages carry a next step."""

from __future__ import annotations

import pytest

from sora_desktop.core import errors as e


def test_every_kind_maps_to_an_exit_code() -> None:
    classes = [c for c in vars(e).values() if isinstance(c, type) and issubclass(c, e.SoraError)]
    kinds = {c.kind for c in classes}
    assert kinds == set(e.ErrorKind)
    codes = {c("m").exit_code for c in classes}
    assert e.ExitCode.OK not in codes and e.ExitCode.UNEXPECTED not in codes


@pytest.mark.parametrize(
    ("cls", "code"),
    [
        (e.InvalidRequestError, e.ExitCode.INVALID_INPUT),
        (e.AuthenticationError, e.ExitCode.AUTH),
        (e.ModerationBlockedError, e.ExitCode.REMOTE_FAILED),
        (e.AssetExpiredError, e.ExitCode.EXPIRED),
        (e.NetworkError, e.ExitCode.NETWORK),
        (e.DiskError, e.ExitCode.LOCAL_IO),
    ],
)
def test_distinct_exit_codes(cls: type[e.SoraError], code: e.ExitCode) -> None:
    assert cls("m").exit_code is code


def test_one_line_joins_message_and_next_step() -> None:
    err = e.RateLimitedError("Too many jobs.", "Wait a minute.", retry_after=12.0)
    assert err.one_line() == "Too many jobs. Wait a minute."
    assert err.retry_after == 12.0 and err.retryable


def test_network_error_says_whether_the_request_may_have_landed() -> None:
    assert e.NetworkError("down").may_have_reached_server is True
    assert e.NetworkError("refused", may_have_reached_server=False).may_have_reached_server is False
    assert not e.AuthenticationError("no").retryable
