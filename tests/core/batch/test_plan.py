"""Templates, sweeps and plans: what each job is, in which order, under which label, and
every refusal named where it is (nothing is sent from a plan)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sora_desktop.core.batch.errors import BatchInputError, TooManyJobsError
from sora_desktop.core.batch.plan import MAX_JOBS, Defaults, plan_batch
from sora_desktop.core.batch.source import BatchSource, parse_source
from sora_desktop.core.batch.sweep import make_sweep, parse_sweep
from sora_desktop.core.batch.template import parse_template


def csv_source(text: str, name: str = "p.csv", folder: Path | None = None) -> BatchSource:
    return parse_source(text.encode(), "csv", name=name, folder=folder)


# -- templates ----------------------------------------------------------------------------


def test_a_template_keeps_literal_braces_and_names_placeholders_loosely() -> None:
    template = parse_template("{{lit}} a {Camera Move} and {camera-move}", source="t")
    assert template.names == {"camera_move"}
    assert template.fill({"camera_move": "dolly"}) == "{lit} a dolly and dolly"


@pytest.mark.parametrize(
    ("text", "column", "words"),
    [("a } b", 3, "closes no placeholder"), ("a {b", 3, "not closed"), ("x {}", 3, "no column")],
)
def test_a_broken_template_is_refused_at_its_character(text: str, column: int, words: str) -> None:
    with pytest.raises(BatchInputError, match=words) as caught:
        parse_template(text, source="the template")
    assert caught.value.column == column
    assert caught.value.message.startswith(f"the template, character {column}:")


# -- plans ----------------------------------------------------------------------------------


def test_rows_times_sweeps_in_a_fixed_order_with_labels() -> None:
    source = csv_source("animal,place\nfox,snow\nowl,night\n")
    plan = plan_batch(
        source,
        template="a {animal} in the {place}, {seconds} seconds",
        sweeps=[parse_sweep("model=sora-2,sora-2-pro"), parse_sweep("seconds=4,8s")],
    )
    assert [(j.index, j.label, j.model, j.seconds, j.prompt) for j in plan.jobs] == [
        (1, "r001_model-sora-2_seconds-4", "sora-2", 4, "a fox in the snow, 4 seconds"),
        (2, "r001_model-sora-2_seconds-8", "sora-2", 8, "a fox in the snow, 8 seconds"),
        (3, "r001_model-sora-2-pro_seconds-4", "sora-2-pro", 4, "a fox in the snow, 4 seconds"),
        (4, "r001_model-sora-2-pro_seconds-8", "sora-2-pro", 8, "a fox in the snow, 8 seconds"),
        (5, "r002_model-sora-2_seconds-4", "sora-2", 4, "a owl in the night, 4 seconds"),
        (6, "r002_model-sora-2_seconds-8", "sora-2", 8, "a owl in the night, 8 seconds"),
        (7, "r002_model-sora-2-pro_seconds-4", "sora-2-pro", 4, "a owl in the night, 4 seconds"),
        (8, "r002_model-sora-2-pro_seconds-8", "sora-2-pro", 8, "a owl in the night, 8 seconds"),
    ]
    assert [(j.row, j.line) for j in plan.jobs[::4]] == [(1, 2), (2, 3)]
    assert plan.jobs[0].sweep == (("model", "sora-2"), ("seconds", "4"))


def test_columns_set_settings_and_empty_cells_take_the_defaults(tmp_path: Path) -> None:
    source = csv_source(
        "prompt,Model,Duration,size,aspect,seed,Start Image\n"
        "a,sora-2-pro,8,1792x1024,,7,ref/cat.png\n"
        "b,,,,16:9,,\n",
        folder=tmp_path,
    )
    first, second = plan_batch(source, defaults=Defaults(model="m", seconds=12, size="1x1")).jobs
    assert (first.model, first.seconds, first.size, first.aspect, first.seed) == (
        "sora-2-pro",
        8,
        "1792x1024",
        None,
        7,
    )
    assert first.image == tmp_path / "ref" / "cat.png"
    assert (second.model, second.seconds, second.size, second.aspect, second.seed) == (
        "m",
        12,
        None,
        "16:9",
        None,
    )
    assert second.image is None
    assert first.label == "r001" and second.label == "r002"


def test_a_bad_setting_value_is_named_by_its_line_and_column() -> None:
    source = csv_source("prompt,seconds\na,4\nb,eight\n")
    with pytest.raises(BatchInputError) as caught:
        plan_batch(source)
    err = caught.value
    assert (err.source, err.line, err.column) == ("p.csv", 3, 2)
    assert "seconds: 'eight' is not a whole number of seconds" in err.message


def test_a_row_with_a_size_and_an_aspect_is_refused() -> None:
    source = csv_source("prompt,size,aspect\na,1280x720,16:9\n")
    with pytest.raises(BatchInputError, match="both a size and an aspect") as caught:
        plan_batch(source)
    assert (caught.value.line, caught.value.column) == (2, 3)


def test_an_unknown_placeholder_names_the_columns_there_are() -> None:
    source = csv_source("Animal,place\nfox,snow\n")
    with pytest.raises(BatchInputError) as caught:
        plan_batch(source, template="a {animal} in {weather}")
    err = caught.value
    assert err.message == (
        "the template, character 15: the placeholder {weather} names no column of p.csv "
        "(its columns: Animal, place)."
    )


def test_a_file_without_a_prompt_column_says_to_add_one_or_give_a_template() -> None:
    with pytest.raises(BatchInputError, match="no column named prompt") as caught:
        plan_batch(csv_source("\nanimal\nfox\n"))
    assert caught.value.line == 2  # the header's line
    assert "template" in caught.value.next_step


def test_a_json_row_without_a_placeholder_value_is_named() -> None:
    data = b'[{"animal": "fox"},\n {"colour": "red"}]'
    source = parse_source(data, "json", name="b.json")
    with pytest.raises(BatchInputError, match="no 'animal'") as caught:
        plan_batch(source, template="a {animal}")
    assert (caught.value.line, caught.value.column) == (2, 2)


def test_a_json_file_brings_its_template_and_sweeps_and_the_command_line_wins() -> None:
    data = (
        b'{"template": "a {animal} at dusk",\n "sweep": {"seconds": [4, 8], "seed": [1, 2]},\n'
        b' "rows": [{"animal": "fox"}]}'
    )
    source = parse_source(data, "json", name="b.json")
    plan = plan_batch(source, sweeps=[parse_sweep("seed=5")])
    assert [(j.prompt, j.seconds, j.seed) for j in plan.jobs] == [
        ("a fox at dusk", 4, 5),
        ("a fox at dusk", 8, 5),
    ]
    with pytest.raises(BatchInputError) as caught:
        plan_batch(source, template="{nope}")
    assert caught.value.source == "the template"
    with pytest.raises(BatchInputError) as caught:
        plan_batch(parse_source(data.replace(b"{animal}", b"{colour}"), "json", name="b.json"))
    assert (caught.value.source, caught.value.line) == ("b.json", 1)


def test_a_sweep_of_a_setting_a_column_sets_is_refused() -> None:
    source = csv_source("prompt,size\na,1280x720\n")
    with pytest.raises(BatchInputError, match="column 'size' sets aspect, and a sweep"):
        plan_batch(source, sweeps=[parse_sweep("aspect=16:9,9:16")])


def test_two_columns_for_one_setting_are_refused() -> None:
    with pytest.raises(BatchInputError, match="'seconds' and 'Duration' both set seconds"):
        plan_batch(csv_source("prompt,seconds,Duration\na,4,8\n"))


@pytest.mark.parametrize(
    ("spec", "words"),
    [
        ("colour=red", "not a setting a sweep can vary"),
        ("seconds", "NAME=VALUE"),
        ("seconds=4,,8", "empty value"),
        ("seconds=4,4s", "lists '4' twice"),
        ("size=big", "not a size"),
        ("aspect=wide", "not an aspect ratio"),
        ("seed=-1", "not a seed"),
        ("seed=9..3", "must go up"),
        ("seed=1..100000", "at most 1000"),
    ],
)
def test_bad_sweeps_are_refused_naming_the_option(spec: str, words: str) -> None:
    with pytest.raises(BatchInputError, match=words) as caught:
        parse_sweep(spec)
    assert caught.value.message.startswith(f"the sweep {spec!r}")


def test_a_seed_range_and_a_duplicate_sweep() -> None:
    assert parse_sweep("seed=1..4").values == ("1", "2", "3", "4")
    assert parse_sweep(" Duration = 4 , 8s ").values == ("4", "8")
    with pytest.raises(BatchInputError, match="seconds is swept twice"):
        plan_batch(
            csv_source("prompt\na\n"),
            sweeps=[parse_sweep("seconds=4"), parse_sweep("duration=8")],
        )


def test_more_jobs_than_stated_needs_confirmation_and_a_ceiling_holds() -> None:
    source = parse_source("".join(f"idea {n}\n" for n in range(30)).encode(), "text", name="i")
    sweeps = [make_sweep("seed", ["0..3"], source="s")]  # 30 x 4 = 120 jobs
    with pytest.raises(TooManyJobsError) as caught:
        plan_batch(source, sweeps=sweeps, confirm_above=100, confirm_hint="Add --yes.")
    assert (caught.value.count, caught.value.limit) == (120, 100)
    assert caught.value.next_step == "Add --yes."
    assert "would make 120 jobs, more than 100" in caught.value.message
    assert len(plan_batch(source, sweeps=sweeps, confirmed=True).jobs) == 120
    big = [make_sweep("seed", ["0..999"], source="s")]
    with pytest.raises(TooManyJobsError) as caught:
        plan_batch(source, sweeps=big, confirmed=True)
    assert caught.value.limit == MAX_JOBS


def test_labels_name_images_by_their_stem_and_stay_unique() -> None:
    source = csv_source("prompt\na\n")
    plan = plan_batch(
        source,
        sweeps=[
            make_sweep("image", ["shots/a b.png", "other/a-b.png"], source="s"),
            parse_sweep("aspect=16:9"),
        ],
    )
    assert [j.label for j in plan.jobs] == [
        "r001_image-a-b_aspect-16x9",
        "r001_image-a-b_aspect-16x9_2",
    ]
