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

#: The bundle must stay under this (MB, apparent size) on every OS; build.py fails above it.
MAX_BUNDLE_MB = 250


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
    "numpy",  # a test dependency since the renderer draws with Pillow (41 MB with OpenBLAS)
    # httpx's optional command-line client (httpx/_main.py, in a try/except ImportError)
    "click",
    "rich",
    "pygments",
    "markdown_it",
    "mdurl",
    "readline",  # the interactive prompt's line editor (and libreadline/libtinfo)
    # Pillow formats and bridges the app never uses (AVIF alone is 4.7 MB; the app reads
    # JPEG, PNG and WebP, core/images.py)
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._imagingcms",
    "PIL.ImageCms",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "PIL.ImageQt",
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
#: Linux system libraries PyInstaller copies from the build machine that the host provides:
#: each comes with the packages the README names as Linux requirements (libegl1, libgl1,
#: libglib2.0-0, libxkbcommon*, libfontconfig1, libdbus-1-3, libpulse0, libxcb-*) or with
#: libc6, checked with `apt-cache depends --recurse` on Debian 12. Using the host's copy is
#: also right for these: X11, D-Bus, PulseAudio and fontconfig must match the running
#: desktop (the AppImage "excludelist" practice). libstdc++/libgcc_s, OpenSSL, SQLite, the
#: Kerberos set and everything vendored inside wheels (``*.libs/``) stay bundled.
HOST_LIBRARIES = [
    "libX11.so.*",
    "libX11-xcb.so.*",
    "libXau.so.*",
    "libXdmcp.so.*",
    "libXext.so.*",
    "libXfixes.so.*",
    "libxcb-*.so.*",
    "libxkbcommon.so.*",
    "libxkbcommon-x11.so.*",
    "libfontconfig.so.*",
    "libfreetype.so.*",
    "libpng16.so.*",
    "libexpat.so.*",
    "libbrotlicommon.so.*",
    "libbrotlidec.so.*",
    "libglib-2.0.so.*",
    "libgio-2.0.so.*",
    "libgobject-2.0.so.*",
    "libgmodule-2.0.so.*",
    "libgthread-2.0.so.*",
    "libpcre2-8.so.*",
    "libmount.so.*",
    "libblkid.so.*",
    "libselinux.so.*",
    "libffi.so.*",
    "libdbus-1.so.*",
    "libsystemd.so.*",
    "libgcrypt.so.*",
    "libgpg-error.so.*",
    "liblz4.so.*",
    "libzstd.so.*",
    "liblzma.so.*",
    "libbz2.so.*",
    "libz.so.*",
    "libcap.so.*",
    "libbsd.so.*",
    "libmd.so.*",
    "libmvec.so.*",
    "libpulse.so.*",
    "libpulsecommon-*.so",
    "libsndfile.so.*",
    "libFLAC.so.*",
    "libvorbis.so.*",
    "libvorbisenc.so.*",
    "libogg.so.*",
    "libopus.so.*",
    "libmpg123.so.*",
    "libmp3lame.so.*",
    "libasyncns.so.*",
    "libreadline.so.*",
    "libtinfo.so.*",
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
#: ...and only for the languages the app's own UI ships (sora_desktop/resources/i18n):
#: Qt's strings in another language beside an English window help no one (~7 MB).
UI_LANGUAGES = (
    "en",
    *sorted(p.stem.removeprefix("sora_desktop_") for p in RESOURCES.glob("i18n/*.qm")),
)


def keep_in_bundle(dest: str, platform: str = sys.platform) -> bool:
    """Whether a file PyInstaller collected (by its path in the bundle) stays."""
    from fnmatch import fnmatch

    dest = dest.replace("\\", "/")
    if "/Qt/translations/" in f"/{dest}" and dest.endswith(".qm"):
        name = dest.rsplit("/", 1)[-1].removesuffix(".qm")
        base, _, language = name.partition("_")
        return f"{base}_".startswith(KEPT_QT_TRANSLATIONS) and language in UI_LANGUAGES
    if not platform.startswith("linux"):
        return True
    if host_provided(dest, platform):
        return False
    return not any(fnmatch(dest, pattern) for pattern in DROPPED_FILES)


def host_provided(dest: str, platform: str = sys.platform) -> bool:
    """Whether the file at bundle path ``dest`` is a system library the Linux host provides
    (top level only: copies vendored inside a wheel's ``*.libs/`` folder stay)."""
    from fnmatch import fnmatch

    dest = dest.replace("\\", "/")
    return (
        platform.startswith("linux")
        and "/" not in dest
        and any(fnmatch(dest, pattern) for pattern in HOST_LIBRARIES)
    )


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
