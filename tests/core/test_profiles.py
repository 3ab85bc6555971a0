"""Profiles: defaults per kind, Azure URLs, atomic tolerant file, export/import without keys."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from sora_desktop.core import secrets
from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.models import AuthStyle, ConnectionKind, KeySource
from sora_desktop.core.profiles import (
    MAX_NAME_CHARS,
    SERVICE_STATUS,
    SIMULATOR_ID,
    ProfileStore,
    azure_base_url,
    export_profile,
    import_profile,
    is_loopback_host,
    make_profile,
    make_profile_id,
    read_profile,
)
from sora_desktop.core.secrets import MemoryKeyring
from tests.fail_on_unexpected import ExpectLog


@pytest.mark.parametrize(
    "given",
    [
        "myres",
        "MyRes",
        "myres.openai.azure.com",
        "https://myres.openai.azure.com",
        "https://myres.openai.azure.com/",
        "https://myres.openai.azure.com///",
        "https://myres.openai.azure.com/openai/v1",
        "https://myres.openai.azure.com/openai/v1/",
        "https://myres.openai.azure.com/openai",
        "  https://myres.openai.azure.com/openai/v1/?api-version=preview  ",
    ],
)
def test_azure_base_url_forms(given: str) -> None:
    assert azure_base_url(given) == "https://myres.openai.azure.com/openai/v1"


def test_azure_cognitiveservices_host_kept() -> None:
    assert (
        azure_base_url("https://res2.cognitiveservices.azure.com/")
        == "https://res2.cognitiveservices.azure.com/openai/v1"
    )


@pytest.mark.parametrize("bad", ["", "   ", "bad name!", "ftp://x.example.com"])
def test_azure_base_url_refuses_nonsense(bad: str) -> None:
    with pytest.raises(InvalidRequestError) as info:
        azure_base_url(bad)
    assert info.value.param == "base_url"


def test_make_profile_id() -> None:
    assert make_profile_id("My Azure (West EU)!") == "my-azure-west-eu"
    assert make_profile_id("   ") == "profile"
    assert make_profile_id("Gateway", existing=["gateway", "gateway-2"]) == "gateway-3"
    assert len(make_profile_id("x" * 200)) <= 40


def test_defaults_per_kind() -> None:
    openai = make_profile("OpenAI", ConnectionKind.OPENAI)
    assert openai.base_url == "https://api.openai.com/v1"
    assert openai.auth_style is AuthStyle.BEARER
    azure = make_profile("Work", ConnectionKind.AZURE, base_url="contoso-video")
    assert azure.base_url == "https://contoso-video.openai.azure.com/openai/v1"
    assert azure.auth_style is AuthStyle.API_KEY
    gw = make_profile("LiteLLM", ConnectionKind.COMPATIBLE, base_url="http://localhost:4000/v1/")
    assert gw.base_url == "http://localhost:4000/v1"
    assert gw.auth_style is AuthStyle.BEARER
    assert gw.connection().key_source == KeySource(keyring_user="litellm")
    with pytest.raises(InvalidRequestError) as info:
        make_profile("No URL", ConnectionKind.COMPATIBLE)
    assert info.value.param == "base_url"
    with pytest.raises(InvalidRequestError):
        make_profile("E", ConnectionKind.OPENAI, env_var="not a var")


def test_service_status_covers_every_kind() -> None:
    assert set(SERVICE_STATUS) == set(ConnectionKind)
    assert "2026-09-24" in SERVICE_STATUS[ConnectionKind.OPENAI]
    assert "LiteLLM" in SERVICE_STATUS[ConnectionKind.COMPATIBLE]


def test_store_always_has_simulator(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "cfg" / "profiles.json")
    (sim,) = store.list()
    assert sim.id == SIMULATOR_ID and sim.kind is ConnectionKind.SIMULATOR
    assert sim.base_url == ""  # filled in at runtime with the simulator's URL
    assert sim.connection().key_source == KeySource()
    with pytest.raises(ValueError):
        store.remove(SIMULATOR_ID)
    with pytest.raises(ValueError):
        store.update(replace(sim, kind=ConnectionKind.OPENAI, base_url="https://x.example"))


def test_store_round_trip_and_persistence(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "profiles.json"
    store = ProfileStore(path)
    azure = make_profile(
        "Work",
        ConnectionKind.AZURE,
        base_url="contoso",
        models=("my-sora",),
        model_aliases=(("my-sora", "sora-2"),),
        default_model="my-sora",
        proxy="http://proxy:3128",
    )
    gw = make_profile(
        "Gateway", ConnectionKind.COMPATIBLE, base_url="https://gw.example/v1", env_var="GW_KEY"
    )
    store.add(azure)
    store.add(gw)
    with pytest.raises(ValueError):
        store.add(gw)
    store.update(replace(gw, name="Gateway 2"))
    reopened = ProfileStore(path)
    assert reopened.list() == [store.get(SIMULATOR_ID), azure, replace(gw, name="Gateway 2")]
    reopened.remove(gw.id)
    assert [p.id for p in ProfileStore(path).list()] == [SIMULATOR_ID, azure.id]
    with pytest.raises(KeyError):
        reopened.remove("nope")
    assert not list(path.parent.glob("*.tmp"))  # atomic writes leave no temp files


def test_file_never_holds_a_key(tmp_path: Path) -> None:
    MemoryKeyring.clear()
    path = tmp_path / "profiles.json"
    store = ProfileStore(path)
    p = store.add(make_profile("OpenAI", ConnectionKind.OPENAI))
    secrets.set_key(p.id, "sk-proj-NeverInTheFile123456")
    store.update(replace(p, name="OpenAI main"))
    text = path.read_text()
    exported = export_profile(p)
    MemoryKeyring.clear()
    assert "NeverInTheFile" not in text and "NeverInTheFile" not in exported


def test_import_ignores_keys_and_makes_id_unique() -> None:
    data = json.loads(
        export_profile(
            make_profile("Gateway", ConnectionKind.COMPATIBLE, base_url="https://gw.example/v1")
        )
    )
    data["api_key"] = "sk-smuggled-in-123456"
    p = import_profile(json.dumps(data), existing=["gateway"])
    assert p.id == "gateway-2"
    assert p.base_url == "https://gw.example/v1"
    assert "smuggled" not in repr(p)
    with pytest.raises(InvalidRequestError):
        import_profile("[1, 2]")
    with pytest.raises(InvalidRequestError):
        import_profile('{"id": "x", "kind": "martian"}')


def test_damaged_file_is_kept_aside(tmp_path: Path, expect_log: ExpectLog) -> None:
    path = tmp_path / "profiles.json"
    path.write_text("{ not json")
    with expect_log("sora_desktop.core.profiles", "was damaged .*; kept as"):
        store = ProfileStore(path)
        assert [p.id for p in store.list()] == [SIMULATOR_ID]
    (aside,) = tmp_path.glob("profiles.json.corrupt-*")
    assert aside.read_text() == "{ not json"


def test_bad_entries_skipped_unknown_fields_ignored(tmp_path: Path, expect_log: ExpectLog) -> None:
    path = tmp_path / "profiles.json"
    path.write_text(
        json.dumps(
            {
                "version": 1,
                "future_field": True,
                "profiles": [
                    {
                        "id": "ok",
                        "name": "OK",
                        "kind": "openai",
                        "base_url": "https://api.openai.com/v1",
                        "shiny_new_option": 3,
                    },
                    {"id": "broken", "kind": "openai", "base_url": "not a url"},
                    {
                        "id": "simulator",
                        "name": "evil",
                        "kind": "openai",
                        "base_url": "https://e.x",
                    },
                    "garbage",
                ],
            }
        )
    )
    with expect_log("sora_desktop.core.profiles", "skipping a profile that can't be read") as seen:
        store = ProfileStore(path)
        assert [p.id for p in store.list()] == [SIMULATOR_ID, "ok"]
    assert len(seen) == 2  # the entry with a bad URL, and the one without a kind
    sim = store.get(SIMULATOR_ID)
    assert sim is not None and sim.kind is ConnectionKind.SIMULATOR


def test_ids_of_non_ascii_names_stay_distinguishable() -> None:
    studio = make_profile_id("工作室 🎬")
    assert studio != make_profile_id("工作室 🎥") and studio != "profile"
    assert studio == make_profile_id("工作室 🎬")  # stable: the same name, the same id
    assert studio.startswith("profile-") and len(studio) == len("profile-") + 6
    assert make_profile_id("Café") != make_profile_id("Cafè") != "caf"
    assert make_profile_id("Gateway") == "gateway"  # plain ASCII names keep their slug
    profile = make_profile(
        "  工作室 🎬 ", ConnectionKind.COMPATIBLE, base_url="https://gw.example/v1"
    )
    assert profile.name == "工作室 🎬" and profile.id == studio


def test_a_name_is_limited_in_length_and_to_one_line() -> None:
    make_profile("x" * MAX_NAME_CHARS, ConnectionKind.SIMULATOR)
    for bad in ("x" * (MAX_NAME_CHARS + 1), "two\nlines", "tab\there"):
        with pytest.raises(InvalidRequestError) as info:
            make_profile(bad, ConnectionKind.SIMULATOR)
        assert info.value.param == "name"


def test_a_taken_name_is_refused_whatever_its_case(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "profiles.json")
    work = store.add(make_profile("Work", ConnectionKind.COMPATIBLE, base_url="https://a.example"))
    twin = make_profile(
        "work ", ConnectionKind.COMPATIBLE, base_url="https://b.example", existing=store.ids()
    )
    with pytest.raises(InvalidRequestError) as info:
        store.add(twin, hint="Add --replace.")
    err = info.value
    assert err.param == "name" and err.code == "name_taken"
    assert "'Work'" in err.message and err.next_step == "Add --replace."
    with pytest.raises(InvalidRequestError):  # the built-in simulator's name is taken too
        store.add(replace(twin, name="Simulator (this computer)"))
    other = store.add(replace(twin, name="Home"))
    with pytest.raises(InvalidRequestError):  # renaming onto a taken name
        store.update(replace(other, name="WORK"))
    store.update(replace(work, name="WORK"))  # its own name in another case is fine
    assert [p.name for p in ProfileStore(tmp_path / "profiles.json").list()][1:] == ["WORK", "Home"]


def test_an_older_long_name_is_read_and_kept_on_edit(tmp_path: Path) -> None:
    path = tmp_path / "profiles.json"
    long_name = "y" * 300
    path.write_text(
        json.dumps(
            {
                "version": 1,
                "profiles": [
                    {
                        "id": "old",
                        "name": long_name,
                        "kind": "compatible",
                        "base_url": "https://gw.example/v1",
                    },
                ],
            }
        )
    )
    store = ProfileStore(path)
    old = store.get("old")
    assert old is not None and old.name == long_name  # listed, not silently dropped
    store.update(replace(old, default_model="veo-3"))  # an edit that keeps the name
    assert read_profile(path, "old") == replace(old, default_model="veo-3")


def test_plain_http_only_to_this_computer() -> None:
    for host in ("127.0.0.1", "127.1.2.3", "localhost", "[::1]"):
        assert is_loopback_host(host)
        make_profile("Local", ConnectionKind.COMPATIBLE, base_url=f"http://{host}:1/v1")
    assert not is_loopback_host("example.com") and not is_loopback_host("10.0.0.1")
    with pytest.raises(InvalidRequestError) as info:
        make_profile("Remote", ConnectionKind.COMPATIBLE, base_url="http://gw.example/v1")
    assert "not encrypted" in info.value.message and "127.0.0.1" in info.value.next_step
    data = json.loads(export_profile(make_profile("L", ConnectionKind.OPENAI)))
    data["base_url"] = "http://gw.example/v1"
    with pytest.raises(InvalidRequestError):  # an import is held to the same rule
        import_profile(json.dumps(data))


def test_read_profile_leaves_a_damaged_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "profiles.json"
    path.write_text("{ not json")
    assert read_profile(path, "work") is None
    assert read_profile(path, SIMULATOR_ID) is not None
    assert path.read_text() == "{ not json"
    assert not list(tmp_path.glob("*.corrupt-*"))


def test_provider_kinds_default_to_their_hosts_and_keep_the_key_in_the_keyring() -> None:
    from sora_desktop.core.profiles import make_profile

    hosts = {
        ConnectionKind.FAL: "https://queue.fal.run",
        ConnectionKind.REPLICATE: "https://api.replicate.com",
        ConnectionKind.RUNWAY: "https://api.dev.runwayml.com",
    }
    for kind, url in hosts.items():
        profile = make_profile(f"My {kind.value}", kind)
        assert profile.base_url == url
        assert profile.connection().key_source.keyring_user == profile.id
        own = make_profile(
            f"Proxy {kind.value}", kind, base_url="http://127.0.0.1:8000/" + kind.value
        )
        assert own.base_url == f"http://127.0.0.1:8000/{kind.value}"
