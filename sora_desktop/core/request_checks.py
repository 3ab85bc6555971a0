"""Checking a request before anything is sent: the connection serves the model, the model
takes the settings, the images fit the video (``GenerationService.validate``).

    checks = RequestChecks(paths)
    checks.validate(request, connection, hints=None)    # raises InvalidRequestError

Profiles and image checks are remembered while their files are unchanged: a batch validates
hundreds of jobs against one profile and one start image.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from sora_desktop.core.capabilities import capabilities_for, check_model_served, validate_request
from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.i18n import _
from sora_desktop.core.models import Connection, ConnectionKind, Profile, VideoRequest

if TYPE_CHECKING:
    from pathlib import Path

    from sora_desktop.core.catalogue import CatalogueModel
    from sora_desktop.core.images import ImageCheck
    from sora_desktop.core.paths import AppPaths

#: Reference image checks remembered (by path, size, modification time and length).
IMAGE_CHECKS_KEPT = 256


class RequestChecks:
    """The request rules of one app's folders (its profiles file, its schema cache)."""

    def __init__(self, paths: AppPaths) -> None:
        self._paths = paths
        self._image_checks: dict[tuple[str, str, int, int], ImageCheck] = {}
        self._profiles: dict[str, tuple[tuple[int, int, int], Profile | None]] = {}

    def validate(
        self,
        request: VideoRequest,
        connection: Connection,
        *,
        hints: Mapping[str, str] | None = None,
    ) -> None:
        """Refuse what the connection or model can't make (and a wrongly sized image) before
        any I/O. ``hints`` words the next step per refused field (``param``) for the face
        that asked, e.g. the CLI's ``{"model": "Pick one of them with --model."}``."""
        try:
            self._validate(request, connection)
        except InvalidRequestError as err:
            if hints and err.param is not None and err.param in hints:
                err.next_step = hints[err.param]
            raise

    def _validate(self, request: VideoRequest, connection: Connection) -> None:
        profile = None
        if connection.profile_id is not None:
            profile = self._read_profile(connection.profile_id)
            if profile is not None and profile.kind is not connection.kind:
                profile = None
        offered: tuple[str, ...] = ()
        aliases: dict[str, str] = {}
        if profile is not None:
            aliases = dict(profile.model_aliases)
            offered = (*profile.models, profile.default_model, *aliases)
        if connection.kind.is_provider and request.extend_video is not None:
            from sora_desktop.core.provider_extend import check_extension

            check_extension(self._provider_model(request, connection), request, connection.kind)
        elif connection.kind.is_provider:
            self._provider_model(request, connection).validate(request)
        else:
            check_model_served(request.model, connection.kind, offered)
            caps = capabilities_for(
                request.model, aliases=aliases, azure=connection.kind is ConnectionKind.AZURE
            )
            validate_request(request, caps)
        images = (
            ("input_reference", request.reference_image),
            ("end_image", request.end_image),
            *request.image_params,
        )
        for param, image in images:
            if image is None:
                continue
            check = self._check_image(image, request.size)
            if not check.matches_size:
                raise InvalidRequestError(
                    check.reason
                    or _("The image is {width}x{height}; the video is {size}.").format(
                        width=check.width, height=check.height, size=request.size
                    ),
                    _("Fit or crop the image to the video size first."),
                    param=param,
                )

    def _provider_model(self, request: VideoRequest, connection: Connection) -> CatalogueModel:
        """The catalogue's entry for a provider model, else one from its cached schema."""
        from sora_desktop.core.catalogue import load_catalogue, model_for

        model_id = request.model.split(":", 1)[0]
        listed = load_catalogue().get(connection.kind, model_id)
        if listed is not None:
            return listed
        from sora_desktop.core.dialects.schemas import SchemaCache

        cache = SchemaCache(self._paths.cache_dir / "schemas")
        from sora_desktop.core.client import validate_base_url

        try:
            base = validate_base_url(connection.base_url)
        except InvalidRequestError:
            base = connection.base_url
        schema = cache.get((connection.kind.value, base, model_id), stale_ok=True)
        return model_for(connection.kind, model_id, schema=schema)

    def _read_profile(self, profile_id: str) -> Profile | None:
        """``read_profile``, read again only when the profiles file changed (validating a
        batch asks for one profile per job)."""
        from sora_desktop.core.profiles import read_profile

        path = self._paths.profiles_path
        try:
            stat = path.stat()
            stamp: tuple[int, int, int] | None = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        except OSError:
            stamp = None
        cached = self._profiles.get(profile_id)
        if stamp is not None and cached is not None and cached[0] == stamp:
            return cached[1]
        profile = read_profile(path, profile_id)
        if stamp is not None:
            self._profiles[profile_id] = (stamp, profile)
        return profile

    def _check_image(self, path: Path, size: str) -> ImageCheck:
        """``check_reference_image``, remembered for an unchanged file (a batch checks one
        start image for many jobs; decoding it each time took ~10 ms a job)."""
        from sora_desktop.core.images import check_reference_image

        try:
            stat = path.stat()
        except OSError:
            return check_reference_image(path, size)  # says what is wrong with it
        key = (str(path), size, stat.st_mtime_ns, stat.st_size)
        known = self._image_checks.get(key)
        if known is None:
            known = check_reference_image(path, size)  # a refusal raises: never remembered
            if len(self._image_checks) >= IMAGE_CHECKS_KEPT:
                self._image_checks.clear()
            self._image_checks[key] = known
        return known
