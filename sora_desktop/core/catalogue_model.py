"""One provider model of the catalogue, as data: what it asks for and how a request becomes
its input.

A :class:`CatalogueModel` says how the app's common settings (prompt, size, seconds, audio,
negative prompt, seed, start and end image) become the model's own fields and enums, which
endpoint takes it, and its :class:`Price`; it checks a request against what the model can do
(:meth:`CatalogueModel.validate`) and builds the model's input
(:meth:`CatalogueModel.build_input`). A :class:`Catalogue` holds them all.
``catalogue_parse.py`` reads them from the file, ``catalogue.py`` loads it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sora_desktop.core.capabilities import ModelCapabilities
from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.i18n import _
from sora_desktop.core.models import ConnectionKind, VideoRequest

if TYPE_CHECKING:
    from sora_desktop.core.catalogue_extend import ExtendEndpoint

#: JSON scalars a wire field may hold
Scalar = str | int | float | bool


@dataclass(frozen=True, slots=True)
class Price:
    """Estimated US dollars per second, by size (``default`` for the rest)."""

    per_second: tuple[tuple[str, float], ...]
    audio_off: tuple[tuple[str, float], ...] = ()
    checked: str = ""
    source: str = ""

    def rate(self, size: str, audio: bool | None) -> float | None:
        table = self.audio_off if audio is False and self.audio_off else self.per_second
        values = dict(table)
        return values.get(size, values.get("default"))


@dataclass(frozen=True, slots=True)
class CatalogueModel:
    provider: ConnectionKind
    id: str
    name: str
    family: str
    text_endpoint: str | None
    image_endpoint: str | None
    #: common setting -> the model's field name
    fields: tuple[tuple[str, str], ...]
    #: size ("1280x720") -> the fields and values that ask for it
    sizes: tuple[tuple[str, tuple[tuple[str, Scalar], ...]], ...]
    seconds_field: str | None
    #: seconds -> the value the model wants for it
    seconds: tuple[tuple[int, Scalar], ...]
    default_seconds: int
    constants: tuple[tuple[str, Scalar], ...] = ()
    text_sizes: tuple[str, ...] | None = None  # sizes allowed without an image, when fewer
    price: Price | None = None
    verified: str = ""
    listed: bool = True  # False: derived at run time, not in the catalogue
    #: fields the provider's schema lists (for --param and the "More settings" form)
    schema_fields: tuple[str, ...] = field(default=())
    #: the model's own extend endpoint (``catalogue_extend.py``), None when it has none
    extend: ExtendEndpoint | None = None

    # -- reading

    def field_for(self, setting: str) -> str | None:
        return dict(self.fields).get(setting)

    @property
    def size_names(self) -> tuple[str, ...]:
        return tuple(s for s, _f in self.sizes)

    @property
    def seconds_values(self) -> tuple[int, ...]:
        return tuple(n for n, _v in self.seconds)

    @property
    def needs_image(self) -> bool:
        return self.text_endpoint is None

    @property
    def takes_image(self) -> bool:
        return self.image_endpoint is not None and self.field_for("start_image") is not None

    def capabilities(self) -> ModelCapabilities:
        return ModelCapabilities(
            name=self.name if self.listed else self.id,
            sizes=self.size_names,
            seconds=self.seconds_values,
            supports_remix=False,
            supports_image=self.takes_image,
            default_price=None,
        )

    def estimate_cost(self, size: str, seconds: int, audio: bool | None = None) -> float | None:
        """Estimated US dollars, or None when the price is unknown."""
        if self.price is None:
            return None
        rate = self.price.rate(size, audio)
        return None if rate is None else round(rate * seconds, 2)

    def endpoint(self, *, with_image: bool) -> str:
        if with_image and self.image_endpoint is not None:
            return self.image_endpoint
        assert self.text_endpoint is not None or self.image_endpoint is not None
        return self.text_endpoint or self.image_endpoint or self.id

    # -- checking and building a request

    def validate(self, request: VideoRequest) -> None:
        """Refuse what this model can't do, naming the field (before any network call)."""
        from sora_desktop.core.capabilities import validate_request

        validate_request(request, self.capabilities())
        with_image = request.reference_image is not None
        if self.needs_image and not with_image:
            raise InvalidRequestError(
                _("{model} makes videos from a start image only.").format(model=self.name),
                _("Add a start image, or pick a model that also works from text."),
                param="input_reference",
            )
        if not with_image and self.text_sizes is not None and request.size not in self.text_sizes:
            raise InvalidRequestError(
                _(
                    "{model} can't make {size!r} videos without a start image. Allowed sizes: "
                    "{allowed}."
                ).format(model=self.name, size=request.size, allowed=", ".join(self.text_sizes)),
                _("Pick one of the allowed sizes, or add a start image."),
                param="size",
            )
        checks = (
            ("end_image", request.end_image is not None, "end_image"),
            ("audio", request.audio is not None, "audio"),
            ("negative_prompt", bool(request.negative_prompt), "negative_prompt"),
            ("seed", request.seed is not None, "seed"),
        )
        for setting, asked, param in checks:
            if asked and self.field_for(setting) is None:
                raise InvalidRequestError(
                    _("{model} has no setting {setting!r}.").format(
                        model=self.name, setting=setting
                    ),
                    _("Leave it out, or pick another model."),
                    param=param,
                )
        if request.end_image is not None and request.reference_image is None:
            raise InvalidRequestError(
                _("An end image needs a start image too."),
                _("Add a start image, or remove the end image."),
                param="end_image",
            )

    def build_input(
        self,
        request: VideoRequest,
        *,
        start_image: str | None = None,
        end_image: str | None = None,
        images: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        """The model's input for ``request``; images given as URIs (data: or uploaded).

        A start and an end image mapped to the same field (Runway's ``promptImage``) go as
        a list of ``{"uri", "position"}``. ``request.params`` (any schema field) win, and
        ``images`` (the URIs of ``request.image_params``, by field name) after them.
        """
        body: dict[str, Any] = dict(self.constants)
        prompt_field = self.field_for("prompt") or "prompt"
        body[prompt_field] = request.prompt
        body.update(dict(self.sizes).get(request.size, ()))
        if self.seconds_field:
            value = dict(self.seconds).get(request.seconds, request.seconds)
            body[self.seconds_field] = value
        self.put_settings(body, request)
        start_field = self.field_for("start_image")
        end_field = self.field_for("end_image")
        if start_image is not None and start_field is not None:
            if end_image is not None and end_field == start_field:
                body[start_field] = [
                    {"uri": start_image, "position": "first"},
                    {"uri": end_image, "position": "last"},
                ]
            else:
                body[start_field] = start_image
        if end_image is not None and end_field is not None and end_field != start_field:
            body[end_field] = end_image
        put_params(body, request.params)
        body.update(images or {})
        return body

    def put_settings(self, body: dict[str, Any], request: VideoRequest) -> None:
        """``request``'s audio, negative prompt and seed into ``body``, in the fields this
        model names for them (a setting it has no field for, or that is unset, stays out)."""
        optional: tuple[tuple[str, Any], ...] = (
            ("audio", request.audio),
            ("negative_prompt", request.negative_prompt or None),
            ("seed", request.seed),
        )
        for setting, value in optional:
            name = self.field_for(setting)
            if name is not None and value is not None:
                body[name] = value


def put_params(body: dict[str, Any], params: Iterable[tuple[str, str]]) -> None:
    """``request.params`` into ``body`` (they win): JSON where the text is JSON, else the text."""
    for name, text in params:
        try:
            body[name] = json.loads(text)
        except ValueError:
            body[name] = text


@dataclass(frozen=True, slots=True)
class Catalogue:
    models: tuple[CatalogueModel, ...]

    def get(self, kind: ConnectionKind, model_id: str) -> CatalogueModel | None:
        for model in self.models:
            if model.provider is kind and model.id == model_id:
                return model
        return None

    def for_kind(self, kind: ConnectionKind) -> tuple[CatalogueModel, ...]:
        return tuple(m for m in self.models if m.provider is kind)
