"""The estimated cost as the creator reads it, one wording wherever a paid request is made:
the settings panel, the remix dialog and the retry confirmation.

The numbers come from ``core.capabilities`` (archived per-second prices); the service bills
the truth.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from ..core.capabilities import ModelCapabilities, capabilities_for
from ..core.models import ConnectionKind, Job, Profile


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
        text += " " + _t("(free on the simulator)")
    return text


def job_cost_text(job: Job, profiles: Iterable[Profile] = ()) -> str:
    """The estimate for making ``job``'s request once more (a retry or a remix)."""
    caps = capabilities_for_job(job, profiles)
    simulator = job.connection.kind is ConnectionKind.SIMULATOR
    return cost_text(caps, job.request.size, job.request.seconds, simulator=simulator)
