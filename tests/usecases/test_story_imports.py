"""The window imports the storyboard, stitch, extend, timeline and frame use cases while it
starts; none of them may load PyAV, Pillow, numpy, OTIO or asyncio then (they wait for the
first paint: tests/gui/test_startup_deferral.py)."""

from __future__ import annotations

from tests.fresh_interpreter import printed_by_a_fresh_interpreter


def test_importing_the_story_use_cases_loads_no_media_library() -> None:
    code = (
        "import sys\n"
        "import sora_desktop.usecases.storyboards, sora_desktop.usecases.stitch\n"
        "import sora_desktop.usecases.extend, sora_desktop.usecases.timeline\n"
        "import sora_desktop.usecases.frames\n"
        "heavy = ('av', 'PIL', 'numpy', 'opentimelineio', 'asyncio', 'httpx')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    assert printed_by_a_fresh_interpreter(code) == "[]"
