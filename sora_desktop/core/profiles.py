"""Connection profiles, kept in ``profiles.json`` (never a key: keys live in the keyring).

The built-in ``simulator`` profile is always present. Its ``base_url`` is stored as ``""``,
meaning "the in-process simulator": the app starts the simulator on a free loopback port and
fills the real URL in at runtime (``Profile`` is frozen: use ``dataclasses.replace``).

Defaults per kind: OpenAI ``https://api.openai.com/v1`` with ``Authorization: Bearer``; Azure
``https://<resource>.openai.azure.com/openai/v1`` (see :func:`azure_base_url`) with the
``api-key`` header; a compatible gateway takes the user's URL with Bearer auth.

The file is written atomically; a damaged file is kept aside as
``profiles.json.corrupt-<timestamp>`` and the store starts again from the built-in profile.
"""

from __future__ import annotations

import builtins
import json
import logging
import re
import threading
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sora_desktop.core.atomic import atomic_write_text
from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.i18n import N_, _
from sora_desktop.core.models import AuthStyle, ConnectionKind, Profile

log = logging.getLogger(__name__)

SIMULATOR_ID = "simulator"
OPENAI_BASE_URL = "https://api.openai.com/v1"
FILE_VERSION = 1
#: The longest display name a new or changed profile may have (older files are read as is).
MAX_NAME_CHARS = 64

#: Plain-words state of each kind of service (late 2026), shown next to the profile.
SERVICE_STATUS: dict[ConnectionKind, str] = {
    ConnectionKind.OPENAI: (
        "OpenAI shut its Sora video API down on 2026-09-24; this connection will only work "
        "with a gateway that still serves it."
    ),
    ConnectionKind.AZURE: (
        "Azure stopped new Sora 2 deployments in September 2026; existing deployments may "
        "still answer."
    ),
    ConnectionKind.COMPATIBLE: (
        "Gateways such as LiteLLM expose /v1/videos and route it to other video models."
    ),
    ConnectionKind.SIMULATOR: (
        "Runs on this computer and makes real MP4 clips; no account needed."
    ),
    ConnectionKind.FAL: (
        "fal's queue API: Veo 3.1, Kling, Seedance, Wan and more with one fal key; billed "
        "per second of video."
    ),
    ConnectionKind.REPLICATE: (
        "Replicate's predictions API: Veo 3.1, Kling, Wan and any video model on Replicate "
        "with one API token; API results are deleted after an hour."
    ),
    ConnectionKind.RUNWAY: (
        "Runway's API: Gen-4.5, Gen-4 Turbo, Veo 3.1 and more with one Runway API key; "
        "billed in Runway credits."
    ),
}

#: Where each native provider's API lives (a profile may point elsewhere: a proxy, tests).
PROVIDER_BASE_URLS: dict[ConnectionKind, str] = {
    ConnectionKind.FAL: "https://queue.fal.run",
    ConnectionKind.REPLICATE: "https://api.replicate.com",
    ConnectionKind.RUNWAY: "https://api.dev.runwayml.com",
}

SIMULATOR_PROFILE = Profile(
    id=SIMULATOR_ID,
    # stored and compared in English; translated where shown (core.i18n.translate)
    name=N_("Simulator (this computer)"),
    kind=ConnectionKind.SIMULATOR,
    base_url="",
    auth_style=AuthStyle.BEARER,
    default_model="sora-2",
)

#: Fields a profile file may hold; anything else (e.g. a pasted "api_key") is dropped.
_FIELDS = (
    "id",
    "name",
    "kind",
    "base_url",
    "auth_style",
    "default_model",
    "models",
    "env_var",
    "proxy",
    "model_aliases",
)


def make_profile_id(name: str, existing: Iterable[str] = ()) -> str:
    """A short, stable, file- and keyring-safe id from a display name, unique in ``existing``.

    ASCII letters and digits make the slug; a name with anything else in it (``工作室 🎬``,
    ``Café``) also gets a short hash of the whole name, so two such names never share an id
    (``profile-1a2b3c``, ``caf-4d5e6f``). The name itself is kept as given.
    """
    text = unicodedata.normalize("NFC", name.strip())
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40].strip("-")
    if not text.isascii():
        import hashlib  # here: loading OpenSSL costs every start ~11 M instructions

        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:6]
        slug = f"{slug[:33].strip('-') or 'profile'}-{digest}"
    slug = slug or "profile"
    taken = set(existing)
    candidate, n = slug, 2
    while candidate in taken:
        candidate = f"{slug}-{n}"
        n += 1
    return candidate


def is_loopback_host(host: str) -> bool:
    """This computer: ``localhost``, 127.0.0.0/8 or ``::1`` (where plain http is allowed)."""
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    import ipaddress  # here, not at start-up

    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_name(
    name: str,
    others: Iterable[Profile] = (),
    *,
    hint: str | None = None,
) -> None:
    """Refuse a display name a new or changed profile can't have: empty, longer than
    :data:`MAX_NAME_CHARS`, holding a line break or another control character, or already
    the name of one of ``others`` (compared without regard to case).

    ``hint`` words the next step for a taken name the way the asking face can act on it
    (the window: edit the other connection; the CLI: ``profile add NAME --replace``).
    """
    text = name.strip()
    if not text:
        raise InvalidRequestError(_("The profile has no name."), _("Give it a name."), param="name")
    if len(text) > MAX_NAME_CHARS:
        raise InvalidRequestError(
            _(
                "The name has {count} characters; a connection's name may have at most {limit}."
            ).format(count=len(text), limit=MAX_NAME_CHARS),
            _("Give it a shorter name."),
            param="name",
        )
    if any(unicodedata.category(ch) == "Cc" for ch in text):
        raise InvalidRequestError(
            _("The name contains a line break, a tab or another control character."),
            _("Give it a name on one line."),
            param="name",
        )
    folded = text.casefold()
    for other in others:
        if other.name.strip().casefold() == folded:
            raise InvalidRequestError(
                _("There is already a connection named {name!r} (id {id}).").format(
                    name=other.name, id=other.id
                ),
                hint or _("Pick another name, or edit the existing connection."),
                param="name",
                code="name_taken",
            )


_RESOURCE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,62}$")


def azure_base_url(endpoint_or_resource: str) -> str:
    """The Azure OpenAI v1 base URL from a resource name or any form of its endpoint.

    ``myres``, ``https://myres.openai.azure.com/``, ``myres.cognitiveservices.azure.com``
    and ``https://myres.openai.azure.com/openai/v1/`` all work.
    """
    text = endpoint_or_resource.strip().rstrip("/")
    if not text:
        raise InvalidRequestError(
            _("The Azure endpoint is empty."),
            _("Enter the resource name or the endpoint shown in the Azure portal."),
            param="base_url",
        )
    if "://" not in text and "." not in text and "/" not in text:
        if not _RESOURCE.match(text):
            raise InvalidRequestError(
                _("{text!r} is not an Azure resource name (letters, digits and hyphens).").format(
                    text=text
                ),
                _("Enter the resource name or the endpoint shown in the Azure portal."),
                param="base_url",
            )
        return f"https://{text.lower()}.openai.azure.com/openai/v1"
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidRequestError(
            _("{text!r} is not a web address.").format(text=endpoint_or_resource),
            _("Enter the endpoint shown in the Azure portal, e.g. https://NAME.openai.azure.com."),
            param="base_url",
        )
    origin = f"{parts.scheme}://{parts.netloc}"
    path = parts.path.rstrip("/")
    cut = path.lower().find("/openai")
    if cut >= 0:
        path = path[:cut]
    return f"{origin}{path}/openai/v1"


def default_base_url(kind: ConnectionKind) -> str:
    return {ConnectionKind.OPENAI: OPENAI_BASE_URL, **PROVIDER_BASE_URLS}.get(kind, "")


def default_auth_style(kind: ConnectionKind) -> AuthStyle:
    return AuthStyle.API_KEY if kind is ConnectionKind.AZURE else AuthStyle.BEARER


def make_profile(
    name: str,
    kind: ConnectionKind,
    *,
    base_url: str = "",
    existing: Iterable[str] = (),
    **fields: Any,
) -> Profile:
    """A new profile with the kind's defaults (base URL, auth style) filled in."""
    kind = ConnectionKind(kind)
    if kind is ConnectionKind.AZURE:
        url = azure_base_url(base_url)
    elif kind is ConnectionKind.SIMULATOR:
        url = ""
    else:
        url = base_url.strip().rstrip("/") or default_base_url(kind)
    fields.setdefault("auth_style", default_auth_style(kind))
    check_name(name)
    profile = Profile(
        id=make_profile_id(name, existing), name=name.strip(), kind=kind, base_url=url, **fields
    )
    validate_profile(profile)
    return profile


def validate_profile(profile: Profile, *, strict: bool = True) -> None:
    """Refuse a profile that can't work, naming the field at fault.

    ``strict`` (every new, changed or imported profile) also refuses plain http to anything
    but this computer, the rule :func:`sora_desktop.core.client.validate_base_url` applies
    to every request. Reading the profiles file is lenient there, so an older profile stays
    listed (and is refused, with the reason, when it is used) rather than silently dropped.
    """
    if not profile.id or not re.fullmatch(r"[a-z0-9][a-z0-9-]*", profile.id):
        raise InvalidRequestError(
            _("{id!r} is not a valid profile id.").format(id=profile.id),
            _("Use make_profile_id()."),
            param="id",
        )
    if not profile.name.strip():
        raise InvalidRequestError(_("The profile has no name."), _("Give it a name."), param="name")
    if profile.kind is ConnectionKind.SIMULATOR:
        return
    parts = urlsplit(profile.base_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidRequestError(
            _("{text!r} is not a web address.").format(text=profile.base_url),
            _(
                "Enter the base URL, e.g. https://my-gateway.example.com/v1 "
                "(http:// only for this computer: 127.0.0.1, localhost)."
            ),
            param="base_url",
        )
    if strict and parts.scheme == "http" and not is_loopback_host(parts.hostname):
        raise InvalidRequestError(
            _("The base URL {url!r} is not encrypted (http).").format(url=profile.base_url),
            _("Use https://; plain http is only allowed for this computer (127.0.0.1, localhost)."),
            param="base_url",
        )
    if profile.env_var and not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", profile.env_var):
        raise InvalidRequestError(
            _("{text!r} is not an environment variable name.").format(text=profile.env_var),
            _("Use letters, digits and underscores, e.g. OPENAI_API_KEY."),
            param="env_var",
        )


def profile_to_dict(profile: Profile) -> dict[str, Any]:
    """The profile as JSON-ready data. Holds no key by construction."""
    return {
        "id": profile.id,
        "name": profile.name,
        "kind": profile.kind.value,
        "base_url": profile.base_url,
        "auth_style": profile.auth_style.value,
        "default_model": profile.default_model,
        "models": list(profile.models),
        "env_var": profile.env_var,
        "proxy": profile.proxy,
        "model_aliases": [list(pair) for pair in profile.model_aliases],
    }


def profile_from_dict(data: dict[str, Any], *, strict: bool = True) -> Profile:
    """Parse one profile leniently: unknown fields (including any key) are ignored.

    ``strict``: see :func:`validate_profile` (the profiles file is read with it off)."""
    clean = {k: data[k] for k in _FIELDS if k in data}
    kind = ConnectionKind(clean["kind"])
    profile = Profile(
        id=str(clean["id"]),
        name=str(clean.get("name") or clean["id"]),
        kind=kind,
        base_url=str(clean.get("base_url") or ""),
        auth_style=AuthStyle(clean.get("auth_style") or default_auth_style(kind)),
        default_model=str(clean.get("default_model") or "sora-2"),
        models=tuple(str(m) for m in clean.get("models") or ()),
        env_var=clean.get("env_var") or None,
        proxy=clean.get("proxy") or None,
        model_aliases=tuple((str(a), str(b)) for a, b in clean.get("model_aliases") or ()),
    )
    validate_profile(profile, strict=strict)
    return profile


def export_profile(profile: Profile) -> str:
    """JSON text to share a profile (never a key; the receiver adds their own)."""
    return json.dumps({"sora_desktop_profile": 1, **profile_to_dict(profile)}, indent=2)


def import_profile(text: str, existing: Iterable[str] = ()) -> Profile:
    """Parse :func:`export_profile` output. Any key in it is ignored; the id is made unique."""
    try:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise TypeError("not an object")
        profile = profile_from_dict(data)
    except (ValueError, TypeError, KeyError) as exc:
        if isinstance(exc, InvalidRequestError):
            raise
        raise InvalidRequestError(
            _("This is not a Sora Desktop profile ({detail}).").format(detail=exc),
            _("Export the profile again and import that file."),
            param="profile",
        ) from exc
    return replace(profile, id=make_profile_id(profile.id, existing))


def read_profile(path: Path, profile_id: str) -> Profile | None:
    """One profile from the profiles file at ``path``, read only: a missing or damaged file
    (which :class:`ProfileStore` moves aside) is left as it is and gives None, except for the
    built-in simulator, which is always there."""
    fallback = SIMULATOR_PROFILE if profile_id == SIMULATOR_ID else None
    try:
        items = json.loads(Path(path).read_bytes().decode("utf-8"))["profiles"]
    except (OSError, ValueError, TypeError, KeyError):
        return fallback
    for item in items if isinstance(items, list) else ():
        if isinstance(item, dict) and item.get("id") == profile_id:
            try:
                return profile_from_dict(item, strict=False)
            except (InvalidRequestError, ValueError, TypeError, KeyError, AttributeError):
                return fallback
    return fallback


class ProfileStore:
    """The profiles file. Thread-safe; every change is written to disk before returning."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._profiles: dict[str, Profile] = self._load()

    def _load(self) -> dict[str, Profile]:
        out: dict[str, Profile] = {SIMULATOR_ID: SIMULATOR_PROFILE}
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return out
        try:
            data = json.loads(raw.decode("utf-8"))
            items = data["profiles"]
            if not isinstance(items, list):
                raise TypeError("profiles is not a list")
        except (ValueError, TypeError, KeyError) as exc:
            aside = self.path.with_name(
                f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}"
            )
            try:
                self.path.replace(aside)
                log.warning("profiles file %s was damaged (%s); kept as %s", self.path, exc, aside)
            except OSError as move_exc:
                log.warning("profiles file %s was damaged (%s): %s", self.path, exc, move_exc)
            return out
        for item in items:
            try:
                profile = profile_from_dict(item, strict=False)
            except (InvalidRequestError, ValueError, TypeError, KeyError, AttributeError) as exc:
                log.warning("skipping a profile that can't be read: %s", exc)
                continue
            if profile.id == SIMULATOR_ID and profile.kind is not ConnectionKind.SIMULATOR:
                continue
            out[profile.id] = profile
        return out

    def _save(self) -> None:
        data = {
            "version": FILE_VERSION,
            "profiles": [profile_to_dict(p) for p in self._profiles.values()],
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self.path, json.dumps(data, indent=2) + "\n")

    def list(self) -> builtins.list[Profile]:
        """Every profile, the simulator first, then in the order they were added."""
        with self._lock:
            return list(self._profiles.values())

    def get(self, profile_id: str) -> Profile | None:
        with self._lock:
            return self._profiles.get(profile_id)

    def ids(self) -> builtins.list[str]:
        with self._lock:
            return list(self._profiles)

    def add(self, profile: Profile, *, hint: str | None = None) -> Profile:
        """Store a new profile. Refused (:func:`check_name`, ``hint`` for a taken name)
        when its name is unusable or another profile has it; ValueError when its id is taken."""
        validate_profile(profile)
        with self._lock:
            if profile.id in self._profiles:
                raise ValueError(f"a profile with id {profile.id!r} exists")
            check_name(profile.name, self._profiles.values(), hint=hint)
            self._profiles[profile.id] = profile
            self._save()
        return profile

    def update(self, profile: Profile, *, hint: str | None = None) -> Profile:
        """Replace the profile with the same id (its name checked like :meth:`add`'s)."""
        validate_profile(profile)
        with self._lock:
            if profile.id not in self._profiles:
                raise KeyError(profile.id)
            if profile.id == SIMULATOR_ID and profile.kind is not ConnectionKind.SIMULATOR:
                raise ValueError("the built-in simulator profile must stay a simulator")
            if profile.name != self._profiles[profile.id].name:  # an unchanged name stays
                others = [p for p in self._profiles.values() if p.id != profile.id]
                check_name(profile.name, others, hint=hint)
            self._profiles[profile.id] = profile
            self._save()
        return profile

    def remove(self, profile_id: str) -> None:
        """Forget a profile (its keyring entry is the caller's: ``secrets.delete_key``)."""
        if profile_id == SIMULATOR_ID:
            raise ValueError("the built-in simulator profile can't be removed")
        with self._lock:
            if self._profiles.pop(profile_id, None) is None:
                raise KeyError(profile_id)
            self._save()
