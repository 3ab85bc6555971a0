"""The one error taxonomy.

Every error a creator can meet is a :class:`SoraError` with a plain ``message`` (what
happened) and a ``next_step`` (what to do). The CLI maps ``kind`` to an exit code, the GUI
shows both lines through one presenter. Messages never contain secrets.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


class ExitCode(IntEnum):
    """Distinct CLI exit codes, documented in the README."""

    OK = 0
    UNEXPECTED = 1
    INVALID_INPUT = 2  # also: this Python and PySide6 don't work together
    AUTH = 3  # bad key, no access, deployment not found, keyring unavailable
    REMOTE_FAILED = 4  # moderation or another remote failure of the job
    EXPIRED = 5
    NETWORK = 6  # network down, service unavailable, rate limited after retries
    LOCAL_IO = 7  # disk full, folder not writable, corrupt library
    OUTCOME_UNKNOWN = 8  # a create's reply was lost and the provider can't say if it arrived
    CANCELLED = 130


class ErrorKind(StrEnum):
    AUTHENTICATION = "authentication"
    PERMISSION = "permission"
    DEPLOYMENT_NOT_FOUND = "deployment_not_found"
    NOT_FOUND = "not_found"
    INVALID_REQUEST = "invalid_request"
    MODERATION = "moderation_blocked"
    REMOTE_FAILED = "remote_failed"
    RATE_LIMITED = "rate_limited"
    SERVICE_UNAVAILABLE = "service_unavailable"
    NETWORK = "network"
    ASSET_EXPIRED = "asset_expired"
    DISK = "disk"
    KEYRING = "keyring_unavailable"
    STORE = "store"
    CANCELLED = "cancelled"
    OUTCOME_UNKNOWN = "outcome_unknown"
    UNSUPPORTED_SETUP = "unsupported_setup"


_EXIT: dict[ErrorKind, ExitCode] = {
    ErrorKind.AUTHENTICATION: ExitCode.AUTH,
    ErrorKind.PERMISSION: ExitCode.AUTH,
    ErrorKind.DEPLOYMENT_NOT_FOUND: ExitCode.AUTH,
    ErrorKind.KEYRING: ExitCode.AUTH,
    ErrorKind.NOT_FOUND: ExitCode.REMOTE_FAILED,
    ErrorKind.INVALID_REQUEST: ExitCode.INVALID_INPUT,
    ErrorKind.MODERATION: ExitCode.REMOTE_FAILED,
    ErrorKind.REMOTE_FAILED: ExitCode.REMOTE_FAILED,
    ErrorKind.RATE_LIMITED: ExitCode.NETWORK,
    ErrorKind.SERVICE_UNAVAILABLE: ExitCode.NETWORK,
    ErrorKind.NETWORK: ExitCode.NETWORK,
    ErrorKind.ASSET_EXPIRED: ExitCode.EXPIRED,
    ErrorKind.DISK: ExitCode.LOCAL_IO,
    ErrorKind.STORE: ExitCode.LOCAL_IO,
    ErrorKind.CANCELLED: ExitCode.CANCELLED,
    ErrorKind.OUTCOME_UNKNOWN: ExitCode.OUTCOME_UNKNOWN,
    ErrorKind.UNSUPPORTED_SETUP: ExitCode.INVALID_INPUT,
}


class SoraError(Exception):
    """Base of every expected failure."""

    kind: ErrorKind = ErrorKind.REMOTE_FAILED
    #: may an automatic retry of the same request help?
    retryable: bool = False

    def __init__(
        self,
        message: str,
        next_step: str = "",
        *,
        status_code: int | None = None,
        code: str | None = None,
        param: str | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.retry_after = retry_after  # seconds the server asked us to wait, when it said
        self.message = message
        self.next_step = next_step
        self.status_code = status_code
        self.code = code  # the server's error code, when there was one
        self.param = param  # the request field at fault, when known

    @property
    def exit_code(self) -> ExitCode:
        return _EXIT[self.kind]

    def one_line(self) -> str:
        return f"{self.message} {self.next_step}".strip()


class AuthenticationError(SoraError):
    kind = ErrorKind.AUTHENTICATION


class PermissionDeniedError(SoraError):
    kind = ErrorKind.PERMISSION


class DeploymentNotFoundError(SoraError):
    kind = ErrorKind.DEPLOYMENT_NOT_FOUND


class NotFoundError(SoraError):
    kind = ErrorKind.NOT_FOUND


class InvalidRequestError(SoraError):
    """Refused input. ``param`` names the field; the message lists what is allowed."""

    kind = ErrorKind.INVALID_REQUEST


class ModerationBlockedError(SoraError):
    kind = ErrorKind.MODERATION


class RemoteJobFailedError(SoraError):
    kind = ErrorKind.REMOTE_FAILED


class RateLimitedError(SoraError):
    kind = ErrorKind.RATE_LIMITED
    retryable = True


class ServiceUnavailableError(SoraError):
    kind = ErrorKind.SERVICE_UNAVAILABLE
    retryable = True


class NetworkError(SoraError):
    """The network failed. ``may_have_reached_server`` is False only when the request
    provably never left (connection refused, DNS failure, connect timeout): only then may
    a create be resent without reconciling first."""

    kind = ErrorKind.NETWORK
    retryable = True

    def __init__(
        self, message: str, next_step: str = "", *, may_have_reached_server: bool = True
    ) -> None:
        super().__init__(message, next_step)
        self.may_have_reached_server = may_have_reached_server


class AssetExpiredError(SoraError):
    kind = ErrorKind.ASSET_EXPIRED


class DiskError(SoraError):
    """Disk full, folder missing or not writable."""

    kind = ErrorKind.DISK


class KeyringUnavailableError(SoraError):
    kind = ErrorKind.KEYRING


class StoreError(SoraError):
    """The library database is corrupt, locked or unwritable."""

    kind = ErrorKind.STORE


class CancelledByUser(SoraError):
    kind = ErrorKind.CANCELLED


class OutcomeUnknownError(SoraError):
    """A create's reply was lost and the provider has no way to say whether it arrived
    (fal, Runway): the job may have been made, and charged. It is never resent by itself;
    the message names the provider's dashboard, and a "send again" makes a new job."""

    kind = ErrorKind.OUTCOME_UNKNOWN


class UnsupportedSetupError(SoraError):
    """The installed pieces don't work together (core/qt_pair.py): refused at start."""

    kind = ErrorKind.UNSUPPORTED_SETUP
