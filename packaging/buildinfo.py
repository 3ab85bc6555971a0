"""Facts about the bundle, in one place: names, version, icons, plist, exclusions.

Imported by ``sora_desktop.spec`` (inside PyInstaller), ``build.py`` and the tests, so the
spec, the build script, the installers and the workflows can't drift apart. Standard library
only. The version has one home, ``sora_desktop/__init__.py``; everything here reads it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PACKAGE_INIT = ROOT / "sora_desktop" / "__init__.py"

APP_NAME = "Sora Desktop"
BUNDLE_ID = "com.soradesktop.app"
PUBLISHER = "Sora Desktop contributors"
DIST_NAME = "sora-desktop"  # the one-folder bundle: dist/sora-desktop/
GUI_EXE = "sora-desktop"  # windowed on Windows (console=False)
CLI_EXE = "sora-desktop-cli"  # Windows only: console twin for subcommands and --self-test
MACOS_APP = f"{APP_NAME}.app"
MIN_MACOS = "11.0"

ICON_ICO = ROOT / "resources" / "icons" / "app.ico"
ICON_ICNS = ROOT / "resources" / "icons" / "app.icns"
RESOURCES = ROOT / "sora_desktop" / "resources"
ENTRY = HERE / "entry.py"

#: The bundle must stay under this (MB, apparent size); build.py fails above it.
MAX_BUNDLE_MB = 250
#: Linux can't meet 250 MB with this dependency set: measured 2026-11 at ~345 MB after every
#: safe trim, of which Linux-only are ICU (39 MB; Windows/macOS use the system's), the
#: Secret Service stack (cryptography, 11 MB) and system libraries (~35 MB); the rest is two
#: FFmpeg builds (PyAV's 71 MB incl. x265/SVT-AV1 encoders it links, Qt's 20 MB) and
#: numpy + OpenBLAS (41 MB). A separate, explicit budget keeps growth in check there.
LINUX_MAX_BUNDLE_MB = 360


def max_bundle_mb(platform: str = sys.platform) -> int:
    return LINUX_MAX_BUNDLE_MB if platform.startswith("linux") else MAX_BUNDLE_MB


#: Python modules the app never imports. Excluding a PySide6 module keeps its Qt libraries
#: (and their plugins) out of the bundle. Keep QtCore/Gui/Widgets/Network/Multimedia(+Widgets),
#: QtSvg (icons), QtDBus (Linux desktop integration) and QtOpenGL (video rendering paths).
EXCLUDED_QT_MODULES = [
    "Qt3DAnimation",
    "Qt3DCore",
    "Qt3DExtras",
    "Qt3DInput",
    "Qt3DLogic",
    "Qt3DRender",
    "QtAxContainer",
    "QtBluetooth",
    "QtCanvasPainter",
    "QtCharts",
    "QtConcurrent",
    "QtDataVisualization",
    "QtDesigner",
    "QtGraphs",
    "QtGraphsWidgets",
    "QtHelp",
    "QtHttpServer",
    "QtLabsStyleKit",
    "QtLocation",
    "QtNetworkAuth",
    "QtNfc",
    "QtPdf",
    "QtPdfWidgets",
    "QtPositioning",
    "QtPrintSupport",
    "QtQml",
    "QtQmlFeatures",
    "QtQuick",
    "QtQuick3D",
    "QtQuickControls2",
    "QtQuickTest",
    "QtQuickWidgets",
    "QtRemoteObjects",
    "QtScxml",
    "QtSensors",
    "QtSerialBus",
    "QtSerialPort",
    "QtSpatialAudio",
    "QtSql",
    "QtStateMachine",
    "QtTest",
    "QtTextToSpeech",
    "QtUiTools",
    "QtWebChannel",
    "QtWebEngineCore",
    "QtWebEngineQuick",
    "QtWebEngineWidgets",
    "QtWebSockets",
    "QtWebView",
    "QtXml",
]
EXCLUDED_MODULES = [
    *(f"PySide6.{m}" for m in EXCLUDED_QT_MODULES),
    "tkinter",
    "_tkinter",
    "turtle",
    "turtledemo",
    "idlelib",
    "lib2to3",
    "pydoc_data",
    "test",
    "unittest",
    "pytest",
    "pytestqt",
    "_pytest",
    "mypy",
    "ruff",
    "openai",
    "IPython",
    "matplotlib",
    "yaml",  # a test dependency; nothing in the app reads YAML
]

#: Files PyInstaller's Qt hooks collect that the app doesn't need, by bundle path (fnmatch,
#: "/" separators). Linux: the GTK3 platform theme drags in the whole GTK stack (~15 MB; the
#: xdg-desktop-portal theme stays), the virtual keyboard (it needs QtQuick), framebuffer /
#: VNC / EGLFS platforms and evdev input (kiosk setups, not desktops). Everywhere: Qt
#: translations of modules we don't ship (qtbase and qtmultimedia stay).
DROPPED_FILES = [
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "PySide6/Qt/plugins/platforms/libqlinuxfb.so",
    "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/platforms/libqminimalegl.so",
    "PySide6/Qt/plugins/platforms/libqvkkhrdisplay.so",
    "PySide6/Qt/plugins/egldeviceintegrations/*",
    "PySide6/Qt/plugins/generic/*",
    "PySide6/Qt/lib/libQt6VirtualKeyboard*",
    "PySide6/Qt/lib/libQt6EglFS*",
    "PySide6/Qt/lib/libQt6EglFs*",
    "libQt6VirtualKeyboard*",
    "libQt6EglFS*",
    "libQt6EglFs*",
    # the GTK stack, needed only by libqgtk3.so
    "libgtk-3.so*",
    "libgdk-3.so*",
    "libgdk_pixbuf-2.0.so*",
    "libatk-1.0.so*",
    "libatk-bridge-2.0.so*",
    "libatspi.so*",
    "libcairo.so*",
    "libcairo-gobject.so*",
    "libpango-1.0.so*",
    "libpangocairo-1.0.so*",
    "libpangoft2-1.0.so*",
    "libepoxy.so*",
    "libpixman-1.so*",
    "libfribidi.so*",
    "libthai.so*",
    "libdatrie.so*",
    "libgraphite2.so*",
    "libharfbuzz.so*",
    "libXcomposite.so*",
    "libXdamage.so*",
    "libXinerama.so*",
    "libXcursor.so*",
    "libcloudproviders.so*",
    "libtracker-sparql-3.0.so*",
]
#: Linux binaries that are safe to strip (debug symbols; ~50 MB). Only these: stripping a
#: library that auditwheel/patchelf rewrote (numpy's OpenBLAS, the FFmpeg inside PySide6)
#: leaves it unloadable ("ELF load command address/offset not page-aligned"), which the
#: frozen self-test caught. Each pattern here was verified by that self-test.
STRIP_SAFE = [
    "libpython3*.so*",
    "python3.*/lib-dynload/*.so",
    "av/*.so",
    "cryptography/hazmat/bindings/*.so",
    "PIL/*.so",
]
#: Qt translation catalogues to keep (base names); the rest are dropped.
KEPT_QT_TRANSLATIONS = ("qt_", "qtbase_", "qtmultimedia_")


def keep_in_bundle(dest: str, platform: str = sys.platform) -> bool:
    """Whether a file PyInstaller collected (by its path in the bundle) stays."""
    from fnmatch import fnmatch

    dest = dest.replace("\\", "/")
    if "/Qt/translations/" in f"/{dest}" and dest.endswith(".qm"):
        return dest.rsplit("/", 1)[-1].startswith(KEPT_QT_TRANSLATIONS)
    if not platform.startswith("linux"):
        return True
    return not any(fnmatch(dest, pattern) for pattern in DROPPED_FILES)


def strip_safe(dest: str, platform: str = sys.platform) -> bool:
    """Whether the binary at bundle path ``dest`` may be stripped (Linux only)."""
    from fnmatch import fnmatch

    dest = dest.replace("\\", "/")
    return platform.startswith("linux") and any(fnmatch(dest, p) for p in STRIP_SAFE)


_VERSION_RE = re.compile(r"""^__version__\s*=\s*["']([^"']+)["']""", re.MULTILINE)


def read_version(init: Path = PACKAGE_INIT) -> str:
    """The package version, read from the source (the package itself is not imported)."""
    m = _VERSION_RE.search(init.read_text(encoding="utf-8"))
    if not m:
        raise ValueError(f"no __version__ in {init}")
    return m.group(1)


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``"1.2.3rc1"`` -> ``(1, 2, 3, 0)``: the four numbers Windows resources want."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:3]]
    while len(numbers) < 4:
        numbers.append(0)
    return numbers[0], numbers[1], numbers[2], numbers[3]


def windows_version_text(version: str, exe_name: str, description: str) -> str:
    """A PyInstaller version-resource file (the format ``pyi-grab_version`` writes)."""
    nums = version_tuple(version)
    strings = {
        "CompanyName": PUBLISHER,
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": exe_name,
        "LegalCopyright": f"MIT License, {PUBLISHER}",
        "OriginalFilename": f"{exe_name}.exe",
        "ProductName": APP_NAME,
        "ProductVersion": version,
    }
    entries = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""# UTF-8
# Generated by packaging/buildinfo.py from sora_desktop/__init__.py; do not edit.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={nums},
    prodvers={nums},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '040904B0',
        [{entries}])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def info_plist(version: str) -> dict[str, object]:
    """Extra Info.plist keys for the macOS bundle (PyInstaller adds the basic ones)."""
    return {
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleIdentifier": BUNDLE_ID,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "CFBundlePackageType": "APPL",
        "LSApplicationCategoryType": "public.app-category.video",
        "LSMinimumSystemVersion": MIN_MACOS,
        "NSHighResolutionCapable": True,
        "NSRequiresAquaSystemAppearance": False,  # follow the system's dark mode
        "NSHumanReadableCopyright": f"MIT License, {PUBLISHER}",
    }


def bundle_root(dist: Path, platform: str = sys.platform) -> Path:
    """What the build produces: the .app on macOS, else the one-folder directory."""
    return dist / MACOS_APP if platform == "darwin" else dist / DIST_NAME


def bundle_executable(dist: Path, *, cli: bool = False, platform: str = sys.platform) -> Path:
    """The GUI (or console) executable inside the bundle."""
    # Only Windows has a separate console executable: a windowed .exe has no stdout there.
    name = CLI_EXE if cli and platform == "win32" else GUI_EXE
    if platform == "darwin":
        return dist / MACOS_APP / "Contents" / "MacOS" / name
    if platform == "win32":
        return dist / DIST_NAME / f"{name}.exe"
    return dist / DIST_NAME / name
