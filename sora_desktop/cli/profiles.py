"""``profile add|list|remove|set-key`` and ``simulator``."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from ..core.errors import InvalidRequestError
from ..core.models import ConnectionKind
from .runtime import Runtime


def _store(rt: Runtime) -> Any:
    from ..core.profiles import ProfileStore

    return ProfileStore(rt.paths.profiles_path)


def find_profile(profiles: Any, ref: str) -> Any:
    """The profile with this id, or else this name (any case); refused with a hint if none."""
    profile = profiles.get(ref)
    if profile is None:
        named = [p for p in profiles.list() if p.name.casefold() == ref.casefold()]
        profile = named[0] if named else None
    if profile is None:
        raise InvalidRequestError(
            f"There is no connection profile {ref!r}.",
            "See them with: sora-desktop profile list",
            param="profile",
        )
    return profile


def cmd_profile_add(args: argparse.Namespace, rt: Runtime) -> int:
    from ..core.profiles import make_profile

    profiles = _store(rt)
    kind = ConnectionKind(args.kind)
    base = args.azure_endpoint or args.base_url or ""
    if kind is ConnectionKind.AZURE and not base:
        raise InvalidRequestError(
            "An Azure profile needs its endpoint.",
            "Add --azure-endpoint https://NAME.openai.azure.com",
            param="base_url",
        )
    if kind is ConnectionKind.COMPATIBLE and not base:
        raise InvalidRequestError(
            "A compatible gateway needs its base URL.",
            "Add --base-url https://gateway.example.com/v1",
            param="base_url",
        )
    fields: dict[str, Any] = {}
    if args.model:
        fields["default_model"] = args.model
    if args.api_key_env:
        fields["env_var"] = args.api_key_env
    profile = make_profile(args.name, kind, base_url=base, existing=profiles.ids(), **fields)
    if kind is not ConnectionKind.SIMULATOR and profile.base_url:
        from ..core.client import validate_base_url

        validate_base_url(profile.base_url)
    profiles.add(profile)
    print(profile.id)
    if kind is not ConnectionKind.SIMULATOR and not args.api_key_env:
        print(
            f"Save its key with: sora-desktop profile set-key {profile.id}",
            file=sys.stderr,
        )
    return 0


def cmd_profile_list(args: argparse.Namespace, rt: Runtime) -> int:
    for p in _store(rt).list():
        key = f"env:{p.env_var}" if p.env_var else ("none" if not p.base_url else "keyring")
        if p.kind is ConnectionKind.SIMULATOR:
            key = "none"
        url = p.base_url or "(built-in)"
        print(f"{p.id}\t{p.name}\t{p.kind.value}\t{url}\t{p.default_model}\tkey={key}")
    return 0


def cmd_profile_remove(args: argparse.Namespace, rt: Runtime) -> int:
    profiles = _store(rt)
    profile = find_profile(profiles, args.name)
    try:
        profiles.remove(profile.id)
    except ValueError as exc:
        raise InvalidRequestError(f"{exc}.", "", param="profile") from None
    from ..core import secrets

    secrets.delete_key(profile.id)
    print(f"Removed profile {profile.id}.", file=sys.stderr)
    return 0


def cmd_profile_set_key(args: argparse.Namespace, rt: Runtime) -> int:
    profile = find_profile(_store(rt), args.name)
    if sys.stdin.isatty():
        key = getpass.getpass(f"API key for {profile.name}: ")
    else:
        key = sys.stdin.readline()
    key = key.strip()
    if not key:
        raise InvalidRequestError(
            "No key was given.", "Paste the key and press Enter.", param="api_key"
        )
    from ..core import secrets

    secrets.set_key(profile.id, key)
    print(f"Saved the key of {profile.id} in {secrets.backend_name()}.", file=sys.stderr)
    return 0


def cmd_simulator(args: argparse.Namespace, rt: Runtime) -> int:
    from ..simulator.__main__ import serve_forever_cli

    return serve_forever_cli(args.host, args.port, args.api_key, args.latency)


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    prof = sub.add_parser("profile", help="manage connection profiles")
    psub = prof.add_subparsers(dest="profile_command", metavar="ACTION", required=True)

    add = psub.add_parser("add", parents=[common], help="add a connection profile")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--kind", required=True, choices=[k.value for k in ConnectionKind])
    url = add.add_mutually_exclusive_group()
    url.add_argument("--base-url", default=None, metavar="URL")
    url.add_argument("--azure-endpoint", default=None, metavar="URL")
    add.add_argument("--model", default=None, metavar="M", help="default model or deployment")
    add.add_argument(
        "--api-key-env",
        default=None,
        metavar="VAR",
        help="take the key from this variable instead of the keyring",
    )
    add.set_defaults(handler=cmd_profile_add)

    lst = psub.add_parser("list", parents=[common], help="list the profiles")
    lst.set_defaults(handler=cmd_profile_list)

    rem = psub.add_parser("remove", parents=[common], help="remove a profile and its key")
    rem.add_argument("name", metavar="NAME")
    rem.set_defaults(handler=cmd_profile_remove)

    key = psub.add_parser(
        "set-key",
        parents=[common],
        help="save a profile's key in the OS keyring (hidden prompt or stdin)",
    )
    key.add_argument("name", metavar="NAME")
    key.set_defaults(handler=cmd_profile_set_key)

    sim = sub.add_parser("simulator", parents=[common], help="run the local simulator")
    sim.add_argument("--host", default="127.0.0.1")
    sim.add_argument("--port", type=int, default=8000)
    sim.add_argument("--api-key", default=None, help="accept only this key (default: any)")
    sim.add_argument("--latency", type=float, default=8.0, metavar="SECONDS")
    sim.set_defaults(handler=cmd_simulator)
