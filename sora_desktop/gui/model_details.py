"""A provider model's details ("More settings"), fetched once per connection and model.

    cache = ModelDetailsCache(parent)
    cache.details_op = op                  # (profile, model id) -> Op[ModelDetails]
    cache.get(key) -> ModelDetails | None  # key = ModelDetailsCache.key(profile, model)
    cache.problem(key) -> str | None       # why they could not be read (a quiet note)
    cache.fetch(profile, model) -> str | None   # starts the operation; the note meanwhile
    cache.note_for(profile, details) -> str | None
    cache.arrived(key) / cache.failed(key)      # signals, on the GUI thread

The operation runs on the I/O loop (``Operations.model_details``): nothing here reads the
network or the disk on the GUI thread. A failure is kept, so the note stays until the
window is opened again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from sora_desktop.core.errors import SoraError
from sora_desktop.core.models import Profile

if TYPE_CHECKING:
    from sora_desktop.gui.operations import Op
    from sora_desktop.usecases.models import ModelDetails

#: runs "one model's details" for (profile, model id) as an operation (gui/operations.py)
DetailsOp = Callable[[Profile, str], "Op[ModelDetails]"]
Key = tuple[str, str, str]


def _t(text: str) -> str:
    return QCoreApplication.translate("SettingsPanel", text)


class ModelDetailsCache(QObject):
    arrived = Signal(object)  # the key
    failed = Signal(object)  # the key

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.details_op: DetailsOp | None = None
        self._details: dict[Key, ModelDetails] = {}
        self._asked: set[Key] = set()
        self._failed: dict[Key, str] = {}

    @staticmethod
    def key(profile: Profile, model: str) -> Key:
        return (profile.id, profile.base_url, model)

    def get(self, key: Key) -> ModelDetails | None:
        return self._details.get(key)

    def problem(self, key: Key) -> str | None:
        return self._failed.get(key)

    def fetch(self, profile: Profile, model: str) -> str | None:
        """Start reading ``model``'s details (once); the note to show meanwhile (None: no
        operation to read them with, e.g. a panel built on its own)."""
        if self.details_op is None:
            return None
        key = self.key(profile, model)
        waiting = _t("Reading the model's settings…")
        if key in self._asked:
            return waiting
        self._asked.add(key)
        try:
            op = self.details_op(profile, model)
        except SoraError as err:  # e.g. a profile that can't be reached yet
            self._failure(key, err)
            return self._failed[key]
        op.success(lambda d: self._success(key, d)).failure(
            lambda e: self._failure(key, e)
        ).run_in_background()
        return waiting

    def note_for(self, profile: Profile, details: ModelDetails) -> str | None:
        """A quiet line when the provider gave no schema (the settings above still work)."""
        if details.schema_found:
            return None
        from sora_desktop.usecases.provider_links import provider_links

        links = provider_links(profile.kind)
        return _t(
            "{provider} gave no list of this model's own settings (it publishes none, or it "
            "could not be reached); the settings above still work."
        ).format(provider=links.name if links is not None else profile.kind.value)

    def _success(self, key: Key, details: ModelDetails) -> None:
        self._asked.discard(key)
        self._details[key] = details
        self.arrived.emit(key)

    def _failure(self, key: Key, error: BaseException) -> None:
        self._asked.discard(key)
        reason = error.message if isinstance(error, SoraError) else str(error)
        self._failed[key] = _t(
            "The model's own settings could not be read ({reason}); the settings above still work."
        ).format(reason=reason)
        self.failed.emit(key)


__all__ = ["DetailsOp", "ModelDetailsCache"]
