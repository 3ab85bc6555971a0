"""The estimated cost as the creator reads it, one wording wherever a paid request is made:
the settings panel, the remix dialog and the retry confirmation.

The numbers come from ``core.capabilities`` (archived per-second prices); the service bills
the truth.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from sora_desktop.core.capabilities import ModelCapabilities, capabilities_for
from sora_desktop.core.models import ConnectionKind, Job, Profile

if TYPE_CHECKING:  # provider prices come from the catalogue: loaded when first asked for
    from sora_desktop.usecases.models import CostEstimate


def _t(text: str) -> str:
    return QCoreApplication.translate("Cost", text)


def capabilities_for_profile(profile: Profile | None, model: str) -> ModelCapabilities:
    """What ``model`` can do (and costs) on ``profile``, its aliases and kind included."""
    aliases = dict(profile.model_aliases) if profile is not None else {}
    azure = profile is not None and profile.kind is ConnectionKind.AZURE
    return capabilities_for(model or "sora-2", aliases=aliases, azure=azure)


def capabilities_for_job(job: Job, profiles: Iterable[Profile] = ()) -> ModelCapabilities:
    """The capabilities a stored job's request was made with (its profile, when it still
    exists, supplies the deployment aliases)."""
    profile = next((p for p in profiles if p.id == job.connection.profile_id), None)
    aliases = dict(profile.model_aliases) if profile is not None else {}
    azure = job.connection.kind is ConnectionKind.AZURE
    return capabilities_for(job.request.model or "sora-2", aliases=aliases, azure=azure)


def cost_text(caps: ModelCapabilities, size: str, seconds: int, *, simulator: bool) -> str:
    """ "≈ $0.80 at $0.10/s", "(free on the simulator)" added there, or "price unknown"."""
    price = caps.price_per_second(size)
    if price is None or not seconds:
        return _t("price unknown")
    cost = caps.estimate_cost(size, seconds) or 0.0
    text = _t("≈ ${0} at ${1}/s").format(f"{cost:.2f}", f"{price:.2f}")
    if simulator:
        text += " " + free_note()
    return text


def free_note() -> str:
    """ "(free on the simulator)", after a figure the simulator never bills."""
    return _t("(free on the simulator)")


def provider_cost(
    kind: ConnectionKind, model: str, size: str, seconds: int, audio: bool | None = None
) -> tuple[str, str]:
    """A fal, Replicate or Runway model's estimate from the catalogue, and a tooltip saying
    where the price comes from: ("≈ $3.20 at $0.40/s", "Price checked 2026-11-30: …"), or
    "price unknown" said plainly, with what to do about it."""
    if not model or not size or not seconds:
        return _t("price unknown"), ""
    from sora_desktop.usecases.models import estimate_cost

    return _provider_words(estimate_cost(kind, model, size, seconds, audio))


def _provider_words(estimate: CostEstimate) -> tuple[str, str]:
    if estimate.usd is None:
        return (
            _t("price unknown: the app has no price for this model"),
            _t("See the provider's price list (Connections… links to it) before you generate"),
        )
    if estimate.usd_per_second is not None:
        text = _t("≈ ${0} at ${1}/s").format(
            f"{estimate.usd:.2f}", f"{estimate.usd_per_second:.2f}"
        )
    else:
        text = _t("≈ ${0}").format(f"{estimate.usd:.2f}")
    tip = _t("An estimate; the provider bills the truth.")
    if estimate.checked:
        tip += " " + _t("Price checked {date}: {source}").format(
            date=estimate.checked, source=estimate.source
        )
    return text, tip


def job_cost_text(job: Job, profiles: Iterable[Profile] = ()) -> str:
    """The estimate for making ``job``'s request once more (a retry or a remix)."""
    if job.connection.kind.is_provider:  # an extension: its endpoint's price (request_cost)
        from sora_desktop.usecases.models import request_cost

        return _provider_words(request_cost(job.connection.kind, job.request))[0]
    caps = capabilities_for_job(job, profiles)
    simulator = job.connection.kind is ConnectionKind.SIMULATOR
    return cost_text(caps, job.request.size, job.request.seconds, simulator=simulator)
