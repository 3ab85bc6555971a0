"""Connection options checked before they are used: none is silently ignored."""

from __future__ import annotations

import argparse

from sora_desktop.core.models import ConnectionKind


def refuse_ignored_connection_options(args: argparse.Namespace) -> None:
    """``--kind`` or ``--api-key-env`` that would be ignored is refused (exit 2) instead:
    ``--kind azure`` without ``--base-url`` ran on the built-in simulator without a word."""
    from sora_desktop.core.errors import InvalidRequestError

    kind = getattr(args, "kind", None)
    if args.profile and (kind or args.api_key_env):
        flag = f"--kind {kind}" if kind else "--api-key-env"
        raise InvalidRequestError(
            f"{flag} can't go with --profile: the profile says where to connect and where "
            "its key comes from.",
            "Leave it out, or give --base-url URL instead of --profile.",
            param="kind" if kind else "api_key_env",
        )
    if args.profile or args.base_url:
        return
    if kind and not ConnectionKind(kind).is_provider:
        raise InvalidRequestError(
            f"--kind {kind} needs the service's address.",
            "Add --base-url URL, or use a saved connection with --profile NAME.",
            param="base_url",
        )
    if not kind and args.api_key_env:
        raise InvalidRequestError(
            "--api-key-env names a key, but no service is given (the built-in simulator "
            "needs none).",
            "Add --base-url URL (and --kind), or leave --api-key-env out.",
            param="api_key_env",
        )
