from __future__ import annotations

import itertools

import pytest

from sora_desktop.core.backoff import MAX_HINT, Backoff


def fixed(value: float):  # type: ignore[no-untyped-def]
    return lambda: value


def test_doubles_until_the_cap_without_jitter() -> None:
    backoff = Backoff(initial=2.0, cap=20.0, jitter=0.0)
    assert [backoff.next_delay() for _ in range(6)] == [2.0, 4.0, 8.0, 16.0, 20.0, 20.0]


def test_jitter_spreads_both_ways_within_the_fraction() -> None:
    low = Backoff(initial=10.0, cap=100.0, jitter=0.2, rng=fixed(0.0))
    high = Backoff(initial=10.0, cap=100.0, jitter=0.2, rng=fixed(0.999999))
    mid = Backoff(initial=10.0, cap=100.0, jitter=0.2, rng=fixed(0.5))
    assert low.next_delay() == pytest.approx(8.0)
    assert high.next_delay() == pytest.approx(12.0, abs=1e-4)
    assert mid.next_delay() == pytest.approx(10.0)


def test_deterministic_with_an_injected_rng() -> None:
    values = [0.1, 0.9, 0.4, 0.7]
    a = Backoff(rng=iter(values).__next__)
    b = Backoff(rng=iter(values).__next__)
    assert [a.next_delay() for _ in values] == [b.next_delay() for _ in values]


def test_server_hint_wins_and_is_clamped_and_does_not_advance() -> None:
    backoff = Backoff(initial=2.0, cap=20.0, jitter=0.0)
    assert backoff.next_delay(0.5) == 0.5
    assert backoff.next_delay(-3.0) == 0.0
    assert backoff.next_delay(10_000.0) == MAX_HINT
    assert backoff.next_delay(float("nan")) == 2.0  # a nonsense hint is ignored
    assert backoff.next_delay() == 4.0


def test_reset_starts_over() -> None:
    backoff = Backoff(initial=1.0, cap=8.0, jitter=0.0)
    for _ in range(5):
        backoff.next_delay()
    assert backoff.attempts == 5
    backoff.reset()
    assert backoff.next_delay() == 1.0


def test_never_overflows_after_many_attempts() -> None:
    backoff = Backoff(initial=2.0, cap=20.0, jitter=0.2, rng=itertools.cycle([0.3, 0.8]).__next__)
    delays = [backoff.next_delay() for _ in range(5000)]
    assert max(delays) <= 24.0
    assert min(delays[10:]) >= 16.0


def test_rejects_bad_settings() -> None:
    with pytest.raises(ValueError):
        Backoff(jitter=1.5)
    with pytest.raises(ValueError):
        Backoff(initial=-1)
