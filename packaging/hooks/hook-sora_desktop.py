"""PyInstaller hook for the app's own package.

The CLI and the GUI import their parts lazily (so ``--version`` stays fast), which static
analysis can't see: collect every submodule. Data files (icons, translations, the sample
clip) are added by the spec from ``sora_desktop/resources``.
"""

from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules("sora_desktop")
