"""The app's runtime, the simulator's renderer included, works without numpy.

numpy and its OpenBLAS are ~41 MB of the frozen bundle, which leaves them out; only the
tests use numpy (to inspect decoded frames). A child process blocks every import of numpy,
imports every module of the app, renders a clip (two segments, a reference image, sound)
and probes it as an uploaded video. It reports any attempt to import numpy, and, as the
control that shows the blocker works, that importing numpy itself failed there.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import av

from tests.simulator.conftest import png_bytes

CHILD = r"""
import importlib
import importlib.abc
import json
import pkgutil
import sys
import traceback
from pathlib import Path

attempts = []


class BlockNumpy(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.partition(".")[0] == "numpy":
            attempts.append(name + "\n" + "".join(traceback.format_stack(limit=12)))
            raise ImportError(f"numpy is blocked in this test ({name})")
        return None


sys.meta_path.insert(0, BlockNumpy())

import sora_desktop

for info in pkgutil.walk_packages(sora_desktop.__path__, "sora_desktop."):
    if not info.name.endswith("__main__"):
        importlib.import_module(info.name)

from sora_desktop.simulator.content import probe_upload
from sora_desktop.simulator.multipart import FilePart
from sora_desktop.simulator.render import RenderSpec, Segment, render_clip

out = Path(sys.argv[1])
reference = Path(sys.argv[2]).read_bytes()
spec = RenderSpec(
    320, 192, (Segment("A kite over dunes", 1), Segment("then rain", 1)), reference=reference
)
assets = render_clip(spec, out)
probed = probe_upload(FilePart("clip.mp4", "video/mp4", assets.video.read_bytes()))
used = {
    "attempts": list(attempts),
    "loaded": sorted(m for m in sys.modules if m.partition(".")[0] == "numpy"),
    "video": str(assets.video),
    "probed_size": probed[1],
    "probed_first_frame": len(probed[4] or b""),
}
try:
    import numpy  # noqa: F401
except ImportError:
    used["control_blocked"] = True
else:
    used["control_blocked"] = False
print(json.dumps(used))
"""


def test_renderer_and_app_modules_never_import_numpy(tmp_path: Path) -> None:
    reference = tmp_path / "ref.png"
    reference.write_bytes(png_bytes(320, 192, colour=(200, 40, 40)))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "out"), str(reference)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["attempts"] == [], "\n\n".join(report["attempts"])
    assert report["loaded"] == []
    assert report["control_blocked"] is True  # the blocker really was in place
    # and the child did the work: a real 2 s clip, which it could also read back
    assert report["probed_size"] == "320x192" and report["probed_first_frame"] > 0
    with av.open(report["video"]) as c:
        assert c.streams.audio[0].codec_context.name == "aac"
        assert sum(1 for _ in c.decode(video=0)) == 48
