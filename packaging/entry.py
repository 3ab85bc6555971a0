"""PyInstaller entry script: the frozen app starts here (both executables share it)."""

from __future__ import annotations

import multiprocessing
import sys

from sora_desktop.__main__ import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
