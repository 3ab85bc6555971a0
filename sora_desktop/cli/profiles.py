"""``profile add|list|remove|set-key`` and ``simulator``."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from sora_desktop.cli.runtime import Runtime, is_terminal, keyring_hint
from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.models import PROVIDER_KINDS, VIDEOS_API_KINDS, ConnectionKind


def _store(rt: Runtime) -> Any:
    from sora_desktop.core.profiles import ProfileStore

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


def _named(profiles: Any, name: str) -> Any:
    folded = name.strip().casefold()
    return next((p for p in profiles.list() if p.name.strip().casefold() == folded), None)


def cmd_profile_add(args: argparse.Namespace, rt: Runtime) -> int:
    from dataclasses import replace

    from sora_desktop.core.profiles import SERVICE_STATUS, SIMULATOR_ID, make_profile

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
    entra = args.auth == "entra"
    if entra:
        from sora_desktop.core.models import AuthStyle

        if kind is not ConnectionKind.AZURE:
            raise InvalidRequestError(
                "Microsoft Entra ID sign-in is for Azure connections.",
                "Leave out --auth entra, or add the profile with --kind azure.",
                param="auth",
            )
        if args.api_key_env:
            raise InvalidRequestError(
                "A profile that signs in with Microsoft Entra ID takes no key.",
                "Leave out --api-key-env, or --auth entra.",
                param="auth",
            )
        fields["auth_style"] = AuthStyle.ENTRA
    if args.model:
        fields["default_model"] = args.model
    elif kind.is_provider:
        from sora_desktop.cli.generate import default_model

        fields["default_model"] = default_model(kind)
    if args.api_key_env:
        fields["env_var"] = args.api_key_env
    replaced = _named(profiles, args.name) if args.replace else None
    if replaced is not None and replaced.id == SIMULATOR_ID:
        raise InvalidRequestError(
            "The built-in simulator can't be replaced.", "Give the new profile another name."
        )
    others = [i for i in profiles.ids() if replaced is None or i != replaced.id]
    profile = make_profile(args.name, kind, base_url=base, existing=others, **fields)
    if kind is not ConnectionKind.SIMULATOR and profile.base_url:
        from sora_desktop.core.client import validate_base_url

        validate_base_url(profile.base_url)
    hint = "Give it another name, or add --replace to replace that one (its saved key is kept)."
    if replaced is not None:
        profile = replace(profile, id=replaced.id)
        profiles.update(profile, hint=hint)
    else:
        profiles.add(profile, hint=hint)
    print(profile.id)
    if kind in (ConnectionKind.OPENAI, ConnectionKind.AZURE):
        note = SERVICE_STATUS[kind]
        if kind is ConnectionKind.OPENAI and not args.base_url:
            note += (
                f" This profile points to {profile.base_url}, which no longer makes videos: "
                "add it again with --replace --base-url URL of a gateway that does."
            )
        print(f"Note: {note}", file=sys.stderr)
    if entra:
        print(
            "It signs in with Microsoft Entra ID when first used (a code to enter at "
            "microsoft.com/devicelogin); no key is stored. Your account needs the "
            "Cognitive Services OpenAI User role on the resource.",
            file=sys.stderr,
        )
    elif kind is not ConnectionKind.SIMULATOR and not args.api_key_env:
        print(
            rt.follow_up(f"Save its key with: sora-desktop profile set-key {profile.id}"),
            file=sys.stderr,
        )
        if kind.is_provider:
            from sora_desktop.cli.generate import PROVIDER_ENV_VARS

            var = PROVIDER_ENV_VARS[kind]
            print(
                rt.follow_up(
                    f"(or take it from {var}: sora-desktop profile set-key {profile.id} "
                    f"--api-key-env {var})"
                ),
                file=sys.stderr,
            )
    return 0


def cmd_profile_list(args: argparse.Namespace, rt: Runtime) -> int:
    for p in _store(rt).list():
        key = f"env:{p.env_var}" if p.env_var else ("none" if not p.base_url else "keyring")
        if p.kind is ConnectionKind.SIMULATOR:
            key = "none"
        elif p.auth_style.value == "entra":
            key = "entra"  # signed in with Microsoft Entra ID: no key
        url = p.base_url or "(built-in)"
        print(f"{p.id}\t{p.name}\t{p.kind.value}\t{url}\t{p.default_model}\tkey={key}")
    return 0


def cmd_profile_remove(args: argparse.Namespace, rt: Runtime) -> int:
    from sora_desktop.usecases.profiles import remove_profile

    profiles = _store(rt)
    profile = find_profile(profiles, args.name)
    try:
        remove_profile(profiles, profile.id, hint=keyring_hint(None))
    except ValueError as exc:
        raise InvalidRequestError(f"{exc}.", "", param="profile") from None
    print(f"Removed profile {profile.id}.", file=sys.stderr)
    return 0


def cmd_profile_set_key(args: argparse.Namespace, rt: Runtime) -> int:
    from dataclasses import replace

    from sora_desktop.core import secrets
    from sora_desktop.core.profiles import SIMULATOR_ID

    profiles = _store(rt)
    profile = find_profile(profiles, args.name)
    if profile.id == SIMULATOR_ID:
        raise InvalidRequestError(
            "The built-in simulator needs no key.", "Generate without --profile.", param="profile"
        )
    if args.api_key_env:
        profiles.update(replace(profile, env_var=args.api_key_env))
        print(
            f"{profile.id} now takes its key from the environment variable {args.api_key_env}.",
            file=sys.stderr,
        )
        return 0
    asked = is_terminal(sys.stdin)
    key = getpass.getpass(f"API key for {profile.name}: ") if asked else sys.stdin.readline()
    key = key.strip()
    if not key:
        raise InvalidRequestError(
            "No key was given.",
            "Paste the key and press Enter."
            if asked  # a script: stdin was empty, there is no one to paste it
            else f'Send it on stdin: printf %s "$KEY" | sora-desktop profile set-key {profile.id}',
            param="api_key",
        )
    secrets.set_key(profile.id, key, hint=keyring_hint(profile.id))
    print(f"Saved the key of {profile.id} in {secrets.backend_name()}.", file=sys.stderr)
    if profile.env_var:  # the variable would win over the keyring: use the key just saved
        profiles.update(replace(profile, env_var=None))
        print(
            f"{profile.id} no longer reads the variable {profile.env_var}; it uses this key.",
            file=sys.stderr,
        )
    return 0


def cmd_simulator(args: argparse.Namespace, rt: Runtime) -> int:
    from sora_desktop.simulator.__main__ import serve_forever_cli

    return serve_forever_cli(args.host, args.port, args.api_key, args.latency)


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    prof = sub.add_parser(
        "profile",
        parents=[common],  # `profile --data-dir DIR list` as `storyboard --data-dir DIR list`
        help="manage connection profiles",
        description="Saved connections (a kind, an address, a default model, where the key "
        "comes from), used with --profile NAME. Keys go to the OS keyring, never to a file.",
    )
    psub = prof.add_subparsers(dest="profile_command", metavar="ACTION", required=True)

    add = psub.add_parser(
        "add",
        parents=[common],
        help="add a connection profile",
        description="Add a connection profile and print its id on stdout (then save its key "
        "with: sora-desktop profile set-key ID).",
    )
    add.add_argument("name", metavar="NAME", help="the profile's name (64 characters at most)")
    add.add_argument(
        "--kind",
        required=True,
        choices=[k.value for k in (*VIDEOS_API_KINDS, *PROVIDER_KINDS)],
        help="the service's dialect",
    )
    url = add.add_mutually_exclusive_group()
    url.add_argument(
        "--base-url",
        default=None,
        metavar="URL",
        help="the API's address (fal, replicate, runway: default the provider's own)",
    )
    url.add_argument(
        "--azure-endpoint",
        default=None,
        metavar="URL",
        help="azure: the resource's endpoint, e.g. https://myres.openai.azure.com",
    )
    add.add_argument("--model", default=None, metavar="M", help="default model or deployment")
    add.add_argument(
        "--api-key-env",
        default=None,
        metavar="VAR",
        help="take the key from this variable instead of the keyring",
    )
    add.add_argument(
        "--auth",
        choices=("key", "entra"),
        default="key",
        help="azure: an API key (default), or sign in with Microsoft Entra ID (no key stored)",
    )
    add.add_argument(
        "--replace",
        action="store_true",
        help="replace the profile that has this name (its saved key is kept)",
    )
    add.set_defaults(handler=cmd_profile_add)

    lst = psub.add_parser(
        "list",
        parents=[common],
        help="list the profiles",
        description="One profile per line on stdout, tab-separated: id, name, kind, address, "
        "default model, where its key comes from.",
    )
    lst.set_defaults(handler=cmd_profile_list)

    rem = psub.add_parser(
        "remove",
        parents=[common],
        help="remove a profile and its key",
        description="Remove a profile and its key from the OS keyring; its jobs stay in the "
        "library.",
    )
    rem.add_argument("name", metavar="NAME", help="the profile's id or name")
    rem.set_defaults(handler=cmd_profile_remove)

    key = psub.add_parser(
        "set-key",
        parents=[common],
        help="save a profile's key in the OS keyring (hidden prompt or stdin), or name the "
        "environment variable that holds it",
        description="Save a profile's key in the OS keyring, read from a hidden prompt on a "
        'terminal or from stdin otherwise (printf %%s "$KEY" | sora-desktop profile set-key '
        "NAME); or, with --api-key-env, make the profile read it from a variable.",
    )
    key.add_argument("name", metavar="NAME", help="the profile's id or name")
    key.add_argument(
        "--api-key-env",
        default=None,
        metavar="VAR",
        help="take the key from this variable from now on (nothing is read or stored)",
    )
    key.set_defaults(handler=cmd_profile_set_key)

    sim = sub.add_parser(
        "simulator",
        parents=[common],
        help="run the local simulator",
        description="Serve the simulator (the Videos API, /fal, /replicate, /runway) for other "
        "clients until Ctrl+C; it prints its address. Its jobs and renders are kept in the "
        "data folder.",
    )
    sim.add_argument(
        "--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1)"
    )
    sim.add_argument(
        "--port", type=int, default=8000, help="the port (default: 8000; 0 picks a free one)"
    )
    sim.add_argument(
        "--api-key", default=None, metavar="KEY", help="accept only this key (default: any)"
    )
    sim.add_argument(
        "--latency",
        type=float,
        default=8.0,
        metavar="SECONDS",
        help="how long a render takes (default: 8)",
    )
    sim.set_defaults(handler=cmd_simulator)
