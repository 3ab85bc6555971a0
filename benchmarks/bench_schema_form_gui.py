""" "More settings" benchmark (GUI side): the Qt form for a 30-field schema.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_schema_form_gui.py [--rounds 50]

Per round, what the window does when a model's schema arrives: resolve it, describe its
form (``core.schema_form``), build the widgets of ``gui/more_settings.MoreSettings`` (combo
boxes, check boxes, spin boxes, image pickers, line edits) and lay the open form out and
paint it once. The same 30-field Replicate-style schema as ``bench_schema_form.py``.

Target (issue 11): under 50 ms for the whole form. Prints the median and the 95th
percentile; exits 1 when the median misses the target.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_schema_form import thirty_field_model
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

import sora_desktop.gui  # noqa: F401  (the engine before PySide6's import hook)
from sora_desktop.core.schema_form import form_fields, replicate_input_schema
from sora_desktop.gui.more_settings import MoreSettings

TARGET_MS = 50.0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    model = thirty_field_model()
    window = QWidget()  # as in the settings panel: the form is a child, not a window
    window.resize(420, 900)
    box = MoreSettings(window)
    box.resize(420, 900)
    window.show()
    box.set_expanded(True)
    canvas = QImage(420, 1400, QImage.Format.Format_ARGB32)
    times: list[float] = []
    cpu: list[float] = []  # this thread's CPU time: what a busy machine doesn't inflate
    count = 0
    for _ in range(args.rounds + 3):  # the first rounds warm Qt's style caches up
        start = time.perf_counter()
        cpu_start = time.thread_time()
        schema = replicate_input_schema(model)
        assert schema is not None
        fields = form_fields(schema)
        box.set_fields(fields)
        box.set_expanded(True)
        layout = box.layout()
        assert layout is not None
        layout.activate()
        box.render(canvas)  # paint every widget once
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.thread_time() - cpu_start) * 1000)
        count = len(box.fields())
        app.processEvents()
    times = sorted(times[3:])
    median = statistics.median(times)
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    cpu_median = statistics.median(cpu[3:])
    print(
        f"{count} fields: Qt form built, laid out and painted: median {median:.1f} ms, "
        f"p95 {p95:.1f} ms (CPU median {cpu_median:.1f} ms) over {args.rounds} rounds "
        f"(target < {TARGET_MS:.0f} ms)"
    )
    window.close()
    window.deleteLater()
    app.processEvents()
    return 0 if median < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
