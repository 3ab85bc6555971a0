"""Plain data shared by every layer: jobs, requests, connections, remote videos, events.

These are the contracts between the client, the store, the service, the CLI and the GUI.
They hold no behaviour beyond small derived properties.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sora_desktop.core.status_change import StatusChange


class JobStatus(StrEnum):
    """The one state machine of a job (docs/architecture.md, "A job's life")."""

    DRAFT = "draft"
    SUBMITTING = "submitting"
    QUEUED = "queued"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    DOWNLOADING = "downloading"
    READY = "ready"
    FAILED = "failed"
    EXPIRED = "expired"
    CANCELLED = "cancelled"
    INTERRUPTED = "interrupted"

    @property
    def is_terminal(self) -> bool:
        return self in TERMINAL_STATUSES

    @property
    def is_active(self) -> bool:
        """Work is (or should be) going on for this job: it resumes on the next start."""
        return self not in TERMINAL_STATUSES and self is not JobStatus.DRAFT


TERMINAL_STATUSES: frozenset[JobStatus] = frozenset(
    {JobStatus.READY, JobStatus.FAILED, JobStatus.EXPIRED, JobStatus.CANCELLED}
)

#: Allowed transitions. ``interrupted`` is entered from any active state when the app
#: closes mid-way and left again when the job resumes.
TRANSITIONS: dict[JobStatus, frozenset[JobStatus]] = {
    JobStatus.DRAFT: frozenset({JobStatus.SUBMITTING, JobStatus.CANCELLED, JobStatus.FAILED}),
    JobStatus.SUBMITTING: frozenset(
        {
            JobStatus.QUEUED,
            JobStatus.IN_PROGRESS,
            JobStatus.COMPLETED,
            JobStatus.FAILED,
            JobStatus.CANCELLED,
            JobStatus.INTERRUPTED,
        }
    ),
    JobStatus.QUEUED: frozenset(
        {
            JobStatus.QUEUED,
            JobStatus.IN_PROGRESS,
            JobStatus.COMPLETED,
            JobStatus.FAILED,
            JobStatus.EXPIRED,
            JobStatus.CANCELLED,
            JobStatus.INTERRUPTED,
        }
    ),
    JobStatus.IN_PROGRESS: frozenset(
        {
            JobStatus.IN_PROGRESS,
            JobStatus.COMPLETED,
            JobStatus.FAILED,
            JobStatus.EXPIRED,
            JobStatus.CANCELLED,
            JobStatus.INTERRUPTED,
        }
    ),
    JobStatus.COMPLETED: frozenset(
        {
            JobStatus.DOWNLOADING,
            JobStatus.EXPIRED,
            JobStatus.FAILED,
            JobStatus.CANCELLED,
            JobStatus.INTERRUPTED,
        }
    ),
    JobStatus.DOWNLOADING: frozenset(
        {
            JobStatus.READY,
            JobStatus.EXPIRED,
            JobStatus.FAILED,
            JobStatus.CANCELLED,
            JobStatus.INTERRUPTED,
            JobStatus.COMPLETED,
        }
    ),
    JobStatus.INTERRUPTED: frozenset(
        {
            JobStatus.SUBMITTING,
            JobStatus.QUEUED,
            JobStatus.IN_PROGRESS,
            JobStatus.COMPLETED,
            JobStatus.DOWNLOADING,
            JobStatus.FAILED,
            JobStatus.EXPIRED,
            JobStatus.CANCELLED,
        }
    ),
    JobStatus.READY: frozenset(),
    JobStatus.FAILED: frozenset(),
    JobStatus.EXPIRED: frozenset(),
    JobStatus.CANCELLED: frozenset(),
}


def can_transition(current: JobStatus, new: JobStatus) -> bool:
    return new in TRANSITIONS[current]


class ConnectionKind(StrEnum):
    OPENAI = "openai"
    AZURE = "azure"
    COMPATIBLE = "compatible"
    SIMULATOR = "simulator"
    #: the native provider APIs (core/dialects/): fal's queue, Replicate's predictions and
    #: Runway's tasks
    FAL = "fal"
    REPLICATE = "replicate"
    RUNWAY = "runway"

    @property
    def is_provider(self) -> bool:
        """One of the native provider APIs (not the OpenAI Videos dialect)."""
        return self in PROVIDER_KINDS


#: The kinds that speak the OpenAI Videos API dialect (core/client.py).
VIDEOS_API_KINDS: tuple[ConnectionKind, ...] = (
    ConnectionKind.OPENAI,
    ConnectionKind.AZURE,
    ConnectionKind.COMPATIBLE,
    ConnectionKind.SIMULATOR,
)
#: The native provider kinds, one dialect module each (core/dialects/).
PROVIDER_KINDS: tuple[ConnectionKind, ...] = (
    ConnectionKind.FAL,
    ConnectionKind.REPLICATE,
    ConnectionKind.RUNWAY,
)


class AuthStyle(StrEnum):
    BEARER = "bearer"  # Authorization: Bearer <key>
    API_KEY = "api-key"  # api-key: <key> (Azure)
    #: Authorization: Bearer <Microsoft Entra ID token> (Azure; no key: core/entra.py)
    ENTRA = "entra"


@dataclass(frozen=True, slots=True)
class KeySource:
    """Where a connection's key comes from. Never the key itself.

    Exactly one of ``keyring_user`` (service ``sora-desktop``) or ``env_var`` is set,
    or neither for connections that need no key (the simulator accepts any key).
    """

    keyring_user: str | None = None
    env_var: str | None = None

    def describe(self) -> str:
        if self.keyring_user:
            return f"keyring:{self.keyring_user}"
        if self.env_var:
            return f"env:{self.env_var}"
        return "none"

    @classmethod
    def parse(cls, text: str | None) -> KeySource:
        if not text or text == "none":
            return cls()
        kind, _, name = text.partition(":")
        if kind == "keyring" and name:
            return cls(keyring_user=name)
        if kind == "env" and name:
            return cls(env_var=name)
        raise ValueError(f"unknown key source {text!r}")


@dataclass(frozen=True, slots=True)
class Connection:
    """Everything needed to reach one endpoint, as stored with every job (no secret)."""

    kind: ConnectionKind
    base_url: str  # e.g. https://api.openai.com/v1 or https://x.openai.azure.com/openai/v1
    auth_style: AuthStyle = AuthStyle.BEARER
    key_source: KeySource = field(default_factory=KeySource)
    proxy: str | None = None
    profile_id: str | None = None


@dataclass(frozen=True, slots=True)
class Profile:
    """A named, user-configured connection plus the models it offers."""

    id: str
    name: str
    kind: ConnectionKind
    base_url: str
    auth_style: AuthStyle = AuthStyle.BEARER
    default_model: str = "sora-2"
    models: tuple[str, ...] = ()  # model or deployment names offered; () = the kind's defaults
    env_var: str | None = None  # take the key from this variable instead of the keyring
    proxy: str | None = None
    #: per-model capability overrides keyed by model/deployment name -> base model name
    #: (e.g. an Azure deployment "my-sora" that is a "sora-2")
    model_aliases: tuple[tuple[str, str], ...] = ()

    def connection(self) -> Connection:
        if self.auth_style is AuthStyle.ENTRA:
            key = KeySource()  # signed in: no key anywhere
        elif self.env_var:
            key = KeySource(env_var=self.env_var)
        elif self.kind is ConnectionKind.SIMULATOR:
            key = KeySource()
        else:
            key = KeySource(keyring_user=self.id)
        return Connection(
            kind=self.kind,
            base_url=self.base_url,
            auth_style=self.auth_style,
            key_source=key,
            proxy=self.proxy,
            profile_id=self.id,
        )


@dataclass(frozen=True, slots=True)
class VideoRequest:
    """What the creator asked for. ``seconds`` is an int here; the wire sends a string."""

    prompt: str
    model: str = "sora-2"
    size: str = "720x1280"
    seconds: int = 4
    reference_image: Path | None = None  # already converted to exactly ``size``
    remix_of: str | None = None  # remote video id this is a remix of
    #: The settings only some models have (the provider kinds; ignored by the Videos API
    #: dialect). None: the model's default.
    audio: bool | None = None
    negative_prompt: str | None = None
    seed: int | None = None
    end_image: Path | None = None  # the last frame, converted to exactly ``size``
    #: any field of the model's own schema, as (name, JSON text of the value)
    params: tuple[tuple[str, str], ...] = ()
    #: image fields of the model's own schema, as (name, file already fitted to ``size``):
    #: the dialect sends each file as the provider takes it (a data URI, else its upload
    #: flow) when the create is sent, so a resumed job sends the same file again
    image_params: tuple[tuple[str, Path], ...] = ()
    #: remote video id this extends (``POST /videos/extensions``); ``seconds`` is then the
    #: length added, and the finished clip is the source followed by the new part
    extend_of: str | None = None
    #: the local clip a model's own extend endpoint continues (the provider kinds, e.g.
    #: fal's ``fal-ai/veo3.1/extend-video``): sent in the endpoint's video field, and
    #: ``seconds`` is then the length added; the finished clip is the whole extended video
    extend_video: Path | None = None
    #: that endpoint, as the catalogue named it when the job was made
    extend_endpoint: str | None = None

    @property
    def width(self) -> int:
        return int(self.size.split("x", 1)[0])

    @property
    def height(self) -> int:
        return int(self.size.split("x", 1)[1])


@dataclass(slots=True)
class Job:
    """One generation, as kept in the library."""

    id: str  # local id (uuid4 hex)
    request: VideoRequest
    connection: Connection
    status: JobStatus = JobStatus.DRAFT
    remote_id: str | None = None
    progress: int = 0
    created_at: float = 0.0
    updated_at: float = 0.0
    submitted_at: float | None = None  # when the create was sent (for reconciliation)
    completed_at: float | None = None
    expires_at: float | None = None
    error_code: str | None = None
    error_message: str | None = None
    file_path: Path | None = None
    thumbnail_path: Path | None = None
    favourite: bool = False
    history: list[StatusChange] = field(default_factory=list)
    #: US dollars estimated when the job was submitted (0.0 on a simulator; None: no price known)
    estimated_cost: float | None = None
    #: when the service's copy was deleted from this app (remix and download no longer work)
    remote_deleted_at: float | None = None


@dataclass(frozen=True, slots=True)
class JobEvent:
    """Something happened to a job. Emitted by the service on the I/O loop."""

    job_id: str
    status: JobStatus
    progress: int = 0
    message: str | None = None  # creator-facing: why it failed, or what it waits for
    downloaded: int | None = None  # bytes so far while downloading
    total: int | None = None  # bytes expected while downloading
    note: str | None = None  # what the provider says while the job waits (not a failure)
    #: the create did not go out (the service could not be reached): ``message`` says why,
    #: and the app sends it again after a pause
    retrying: bool = False
    #: the job as just stored, when the event follows a write of it (a state change, or a
    #: field such as progress or the remote id); None for a tick that stored nothing (a
    #: download's bytes, a wait in line, a provider's note). Listeners show it without
    #: reading the library again; nobody changes it (it is shared across threads).
    job: Job | None = None
