"""``generate --kind fal|replicate|runway``, ``models``, ``profile add`` and ``resend`` end to
end: the CLI in its own process against the simulator's /fal, /replicate and /runway routes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from sora_desktop.core.errors import ExitCode
from sora_desktop.core.models import ConnectionKind
from sora_desktop.simulator.server import SimulatorServer
from tests.cli_helpers import command, history_records, one_error_line, run_cli
from tests.provider_support import KEY, KINDS, MODEL, PREFIX, decoded_seconds

pytestmark = pytest.mark.slow

ENV_VAR = {
    ConnectionKind.FAL: "FAL_KEY",
    ConnectionKind.REPLICATE: "REPLICATE_API_TOKEN",
    ConnectionKind.RUNWAY: "RUNWAYML_API_SECRET",
}


@pytest.fixture(autouse=True)
def _no_provider_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ENV_VAR.values():
        monkeypatch.delenv(var, raising=False)


def _where(provider_sim: SimulatorServer, kind: ConnectionKind) -> list[str]:
    return ["--kind", kind.value, "--base-url", provider_sim.url + PREFIX[kind]]


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.value)
def test_generate_on_each_provider_maps_aspect_and_seconds_and_takes_the_key_from_its_variable(
    kind: ConnectionKind, provider_sim: SimulatorServer, tmp_path: Path, data_dir: Path
) -> None:
    out = tmp_path / "clips"
    result = run_cli(
        "generate",
        "--prompt",
        "a red kite over green hills",
        *_where(provider_sim, kind),
        "--model",
        MODEL[kind],
        "--aspect",
        "16:9",
        "--seconds",
        "2",
        "--out",
        str(out),
        data_dir=data_dir,
        env={ENV_VAR[kind]: KEY},  # the provider's own variable, not named on the line
    )
    assert result.returncode == 0, result.stderr
    clip = Path(result.stdout.strip().splitlines()[-1])
    assert clip.parent == out and abs(decoded_seconds(clip) - 2) < 0.5
    assert "Estimated cost:" in result.stderr
    [record] = history_records(run_cli("history", "--json", data_dir=data_dir))
    assert (record["size"], record["seconds"]) == ("1280x720", 2)
    assert record["connection"]["kind"] == kind.value
    assert provider_sim.created_count == 1


def test_param_reaches_the_provider_typed_by_its_schema(
    provider_sim: SimulatorServer, tmp_path: Path, data_dir: Path
) -> None:
    kind = ConnectionKind.REPLICATE
    result = run_cli(
        "generate",
        "--prompt",
        "a kite",
        *_where(provider_sim, kind),
        "--model",
        "sim/any-video",
        "--seconds",
        "2",
        "--param",
        "motion_strength=0.5",
        "--out",
        str(tmp_path / "clips"),
        data_dir=data_dir,
        env={ENV_VAR[kind]: KEY},
    )
    assert result.returncode == 0, result.stderr
    [job] = provider_sim._table.all()
    assert job.extra["input"]["motion_strength"] == 0.5  # a number, not the text "0.5"


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--model", "fal-ai/veo3.1", "--seconds", "7"], ("seconds", "4, 6, 8", "--seconds")),
        (["--model", "fal-ai/veo3.1", "--aspect", "4:3"], ("4:3", "16:9", "--aspect")),
        (["--model", "fal-ai/veo3.1", "--size", "640x480"], ("640x480", "1280x720", "--size")),
        (["--model", "sim/any-video", "--param", "motion_strength=3"], ("motion_strength",)),
        (["--model", "sim/any-video", "--param", "sparkle=1"], ("sparkle", "motion_strength")),
        (["--model", "fal-ai/wan/v2.7/text-to-video", "--audio", "off"], ("audio",)),
    ],
    ids=["seconds", "aspect", "size", "param-bounds", "param-unknown", "no-audio-setting"],
)
def test_refusals_name_the_field_and_the_allowed_values_before_any_create(
    args: list[str],
    named: tuple[str, ...],
    provider_sim: SimulatorServer,
    data_dir: Path,
) -> None:
    kind = ConnectionKind.FAL
    result = run_cli(
        "generate", "--prompt", "a kite", *_where(provider_sim, kind), *args, data_dir=data_dir,
        env={ENV_VAR[kind]: KEY},
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    line = one_error_line(result)
    assert all(word in line for word in named), line
    assert provider_sim.created_count == 0


def test_models_lists_the_catalogue_and_one_model_s_parameters(
    provider_sim: SimulatorServer, data_dir: Path
) -> None:
    listed = run_cli("models", "--kind", "fal", data_dir=data_dir)
    assert listed.returncode == 0, listed.stderr
    veo = next(ln for ln in listed.stdout.splitlines() if ln.startswith("fal-ai/veo3.1\t"))
    assert "$0.40/s" in veo and "checked 20" in veo
    runway = run_cli("models", "--kind", "runway", data_dir=data_dir)
    lines = runway.stdout.splitlines()
    assert "$0.12/s" in next(ln for ln in lines if ln.startswith("gen4.5\t"))
    assert "$0.40/s" in next(ln for ln in lines if ln.startswith("veo3.1\t"))
    assert "price unknown" in next(ln for ln in lines if ln.startswith("kling2.5_turbo_pro\t"))

    kind = ConnectionKind.REPLICATE
    one = run_cli(
        "models", *_where(provider_sim, kind), "--model", "sim/any-video", "--json",
        data_dir=data_dir,
        env={ENV_VAR[kind]: KEY},
    )  # fmt: skip
    assert one.returncode == 0, one.stderr
    record = json.loads(one.stdout)
    params = {p["name"]: p for p in record["parameters"]}
    assert record["schema_found"] and (params["motion_strength"]["minimum"], 1) == (0, 1)
    assert params["motion_strength"]["maximum"] == 1 and "prompt" in params

    kind = ConnectionKind.RUNWAY
    gen = run_cli(
        "models", *_where(provider_sim, kind), "--model", "gen4.5", data_dir=data_dir,
        env={ENV_VAR[kind]: KEY},
    )  # fmt: skip
    assert gen.returncode == 0, gen.stderr
    assert "note: Runway gave no parameter list" in gen.stderr
    ratio = next(ln for ln in gen.stdout.splitlines() if ln.strip().startswith("ratio\t"))
    assert '"1280:720"' in ratio


def test_profile_add_for_a_provider_kind_then_generate_with_it(
    provider_sim: SimulatorServer, tmp_path: Path, data_dir: Path
) -> None:
    default = run_cli("profile", "add", "My fal", "--kind", "fal", data_dir=data_dir)
    assert default.returncode == 0, default.stderr
    assert "--api-key-env FAL_KEY" in default.stderr
    kind = ConnectionKind.RUNWAY
    added = run_cli(
        "profile", "add", "sim runway", "--kind", "runway", "--base-url",
        provider_sim.url + PREFIX[kind], "--api-key-env", "MY_RUNWAY", data_dir=data_dir,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    listed = run_cli("profile", "list", data_dir=data_dir).stdout
    fal_line = next(ln for ln in listed.splitlines() if ln.startswith("my-fal\t"))
    assert "\tfal\thttps://queue.fal.run\tfal-ai/veo3.1\t" in fal_line
    made = run_cli(
        "generate", "--profile", "sim runway", "--prompt", "a kite", "--seconds", "2",
        "--out", str(tmp_path / "clips"), data_dir=data_dir, env={"MY_RUNWAY": KEY},
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert abs(decoded_seconds(Path(made.stdout.strip().splitlines()[-1])) - 2) < 0.5


def test_resend_an_outcome_unknown_job_shows_its_cost_and_needs_yes_without_a_tty(
    provider_sim: SimulatorServer, tmp_path: Path, data_dir: Path
) -> None:
    kind = ConnectionKind.FAL
    env = {ENV_VAR[kind]: KEY}
    first = run_cli(
        "generate", "--prompt", "a boat [sim:drop]", *_where(provider_sim, kind), "--model",
        "fal-ai/veo3.1", "--seconds", "4", "--out", str(tmp_path / "clips"),
        data_dir=data_dir, env=env,
    )  # fmt: skip
    assert first.returncode == 8, first.stderr
    assert "https://fal.ai/dashboard" in one_error_line(first)
    [record] = history_records(run_cli("history", "--json", data_dir=data_dir))

    asked = run_cli("resend", record["id"][:8], data_dir=data_dir, env=env)
    assert asked.returncode == 2, asked.stderr
    assert "--yes" in one_error_line(asked)
    assert "may have been made" in asked.stderr and "https://fal.ai/dashboard" in asked.stderr
    assert "Estimated cost: about $1.60" in asked.stderr  # 4 s of Veo 3.1 at $0.40/s
    assert provider_sim.created_count == 1  # nothing sent without a yes

    again = run_cli("resend", record["id"], "--yes", "--out", str(tmp_path / "clips"),
                    data_dir=data_dir, env=env)  # fmt: skip
    assert again.returncode == 8, again.stderr  # the directive drops this reply too
    assert provider_sim.created_count == 2  # exactly one new create
    records = history_records(run_cli("history", "--json", data_dir=data_dir))
    assert len(records) == 2 and {r["prompt"] for r in records} == {"a boat [sim:drop]"}


def test_resend_asks_on_a_terminal_and_a_no_sends_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import argparse

    from sora_desktop.cli.resend import _confirm
    from sora_desktop.core.errors import CancelledByUser

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Tty("n\n"))
    with pytest.raises(CancelledByUser):
        _confirm(argparse.Namespace(yes=False))
    monkeypatch.setattr("sys.stdin", Tty("y\n"))
    _confirm(argparse.Namespace(yes=False))  # a yes: goes on


def test_profile_add_azure_with_entra_sign_in_keeps_no_key(data_dir: Path) -> None:
    added = run_cli(
        "profile", "add", "work", "--kind", "azure", "--auth", "entra",
        "--azure-endpoint", "https://res.openai.azure.com", data_dir=data_dir,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert "Microsoft Entra ID" in added.stderr and "set-key" not in added.stderr
    line = run_cli("profile", "list", data_dir=data_dir).stdout
    assert "work\twork\tazure\thttps://res.openai.azure.com/openai/v1\t" in line
    assert line.rstrip().endswith("key=entra")
    refused = run_cli(
        "profile", "add", "f", "--kind", "fal", "--auth", "entra", data_dir=data_dir
    )  # fmt: skip
    assert refused.returncode == 2 and "Azure" in one_error_line(refused)


def test_a_provider_model_is_never_guessed_and_videos_api_models_are_described_offline(
    data_dir: Path,
) -> None:
    guessed = run_cli(
        "generate", "--kind", "fal", "--prompt", "a kite", data_dir=data_dir,
        env={"FAL_KEY": KEY},
    )  # fmt: skip
    assert guessed.returncode == 2
    line = one_error_line(guessed)
    assert "--model" in line and command(data_dir, "models --kind fal") in line
    sora = run_cli("models", "--kind", "openai", "--model", "sora-2-pro", "--json",
                   data_dir=data_dir)  # fmt: skip
    assert sora.returncode == 0, sora.stderr
    record = json.loads(sora.stdout)
    assert "1920x1080" in record["sizes"] and record["usd_per_second"] == 0.30
    assert record["parameters"] == [] and not record["schema_found"]


def test_audio_and_seed_reach_the_model_s_own_fields_and_the_estimate(
    provider_sim: SimulatorServer, tmp_path: Path, data_dir: Path
) -> None:
    kind = ConnectionKind.FAL
    result = run_cli(
        "generate", "--prompt", "a kite", *_where(provider_sim, kind), "--model", "fal-ai/veo3.1",
        "--seconds", "4", "--audio", "off", "--seed", "7", "--out", str(tmp_path / "clips"),
        data_dir=data_dir, env={ENV_VAR[kind]: KEY},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Estimated cost: about $0.80" in result.stderr  # 4 s at $0.20/s without audio
    [job] = provider_sim._table.all()
    assert job.extra["input"]["generate_audio"] is False and job.extra["input"]["seed"] == 7
    refused = run_cli("generate", "--prompt", "a kite", "--seed", "7", data_dir=data_dir)
    assert refused.returncode == 2 and "--seed" in one_error_line(refused)


def test_param_with_a_file_for_an_image_field_sends_the_image_not_its_path(
    provider_sim: SimulatorServer, tmp_path: Path, data_dir: Path
) -> None:
    """``--param style_image=FILE``: the model's image field gets the picture, fitted to
    the video and, past Replicate's 1 MB data-URI limit, uploaded (``POST /v1/files``), as
    the window's More settings does; a path that is no file is refused before any create."""
    import random

    from PIL import Image

    kind = ConnectionKind.REPLICATE
    style = tmp_path / "style.png"
    noise = random.Random(7).randbytes(1280 * 720 * 3)
    Image.frombytes("RGB", (1280, 720), noise).save(style, "PNG", compress_level=1)
    assert style.stat().st_size > 1 << 20
    common = [
        "generate", "--prompt", "a kite", *_where(provider_sim, kind), "--model", "sim/any-video",
        "--seconds", "2", "--aspect", "16:9", "--fit", "crop",
        "--out", str(tmp_path / "clips"),
    ]  # fmt: skip

    missing = run_cli(
        *common, "--param", f"style_image={tmp_path / 'gone.png'}",
        data_dir=data_dir, env={ENV_VAR[kind]: KEY},
    )  # fmt: skip
    assert missing.returncode == ExitCode.INVALID_INPUT, missing.stderr
    assert "style_image" in missing.stderr and provider_sim.created_count == 0

    made = run_cli(
        *common, "--param", f"style_image={style}", data_dir=data_dir, env={ENV_VAR[kind]: KEY}
    )
    assert made.returncode == 0, made.stderr
    [job] = provider_sim._table.all()
    sent = str(job.extra["input"]["style_image"])
    assert sent.startswith(f"{provider_sim.url}/replicate/v1/files/"), sent[:80]
    assert provider_sim._httpd is not None
    uploaded = provider_sim._httpd.api.uploads[sent.rsplit("/", 1)[-1]]
    with Image.open(io.BytesIO(uploaded)) as picture:
        assert picture.size == (1280, 720)
