"""The packaging files, checked without building: the spec's names exist, the bundle filter keeps
what the station loads, the desktop entry and AppStream data are valid and carry the version."""

from __future__ import annotations

import ast
import configparser
import importlib.util
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app import __version__

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
SPEC = PACKAGING / "intake.spec"


def load(path: Path, name: str):
    """Import a packaging script by path, leaving sys.path as it was."""
    saved = list(sys.path)
    try:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path[:] = saved


@pytest.fixture(scope="module")
def bundle():
    return load(PACKAGING / "bundle.py", "packaging_bundle")


def spec_list(name: str) -> list[str]:
    """The string literals of a list assigned to ``name`` in the spec."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            return [e.value for e in node.value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    raise AssertionError(f"no list {name} in the spec")


def test_the_spec_parses_and_its_entry_script_exists():
    source = SPEC.read_text(encoding="utf-8")
    ast.parse(source)
    assert (PACKAGING / "entry.py").is_file()
    assert 'collect_submodules("app")' in source and 'collect_submodules("ui")' in source


def test_every_hidden_import_named_in_the_spec_exists():
    missing = [name for name in spec_list("hiddenimports") if importlib.util.find_spec(name) is None]
    assert missing == []


def test_no_qt_module_the_window_imports_is_excluded():
    used = set()
    for path in (ROOT / "ui").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    excluded = {name.removeprefix("PySide6.") for name in spec_list("excludes") if name.startswith("PySide6.")}
    assert used, "the window imports Qt modules"
    assert used & excluded == set()


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
        ("PySide6\\plugins\\imageformats\\qsvg.dll", True),
        ("PySide6\\plugins\\imageformats\\qsvgd.dll", True),
        ("PySide6\\plugins\\imageformats\\qgifd.dll", False),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.dylib", True),
        ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", True),
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
    ],
)
def test_qt_plugins_are_kept_only_when_the_station_loads_them(bundle, dest, kept):
    entries = [(dest, "/nonexistent", "BINARY")]
    assert bool(bundle.select_binaries(entries, "win32")) is kept


def test_links_to_dropped_binaries_go_with_them(bundle):
    binaries = [("PySide6/Qt/lib/libQt6Core.so.6", "/x", "BINARY")]
    datas = [
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
        ("resources/style/intake.qss", "/x", "DATA"),
    ]
    kept = [e[0] for e in bundle.drop_dangling_links(datas, binaries)]
    assert kept == ["libQt6Core.so.6", "resources/style/intake.qss"]


@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("objdump") is None,
                    reason="reads ELF files with objdump")
def test_qt_libraries_nothing_links_are_pruned_on_linux(bundle):
    import PySide6

    pyside = Path(PySide6.__file__).parent
    qt_lib = pyside / "Qt" / "lib"
    entries = [
        ("PySide6/QtCore.abi3.so", str(pyside / "QtCore.abi3.so"), "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Core.so.6", str(qt_lib / "libQt6Core.so.6"), "BINARY"),
        ("PySide6/Qt/lib/libQt6Network.so.6", str(qt_lib / "libQt6Network.so.6"), "BINARY"),
    ]
    kept = [e[0] for e in bundle.select_binaries(entries, "linux")]
    assert "PySide6/Qt/lib/libQt6Core.so.6" in kept  # QtCore links it
    assert "PySide6/Qt/lib/libQt6Network.so.6" not in kept  # nothing kept does


def test_the_package_depends_on_every_library_left_to_the_system(bundle):
    build_deb = load(LINUX / "build-deb.py", "packaging_build_deb")
    text = build_deb.control("amd64", 1234)
    fields = dict(line.split(": ", 1) for line in text.splitlines() if line and not line.startswith(" "))
    assert fields["Package"] == "intake" and fields["Version"] == __version__
    depends = {d.split(" ", 1)[0] for d in fields["Depends"].split(", ")}
    assert set(bundle.SYSTEM_LIBRARIES.values()) <= depends
    assert {"libegl1", "libxkbcommon-x11-0", "libxcb-cursor0"} <= depends
    assert "gnome-keyring" in fields["Recommends"]


def desktop_entry() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(LINUX / "intake.desktop", encoding="utf-8")
    return parser


def test_the_desktop_entry_launches_the_installed_command():
    entry = desktop_entry()["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "intake" and entry["Icon"] == "intake"
    assert entry["Terminal"] == "false"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_the_desktop_entry_validates():
    result = subprocess.run(["desktop-file-validate", str(LINUX / "intake.desktop")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_appstream_data_names_the_desktop_entry_and_this_version():
    root = ET.parse(LINUX / "intake.metainfo.xml").getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("launchable") == "intake.desktop"
    assert root.findtext("provides/binary") == "intake"
    newest = root.find("releases/release")
    assert newest is not None and newest.get("version") == __version__, "add a <release> for app.__version__"


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_the_appstream_data_has_no_errors():
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(LINUX / "intake.metainfo.xml")],
                            capture_output=True, text=True)
    errors = [line for line in result.stdout.splitlines() if line.startswith("E:")]
    assert errors == []


def test_the_icon_is_a_square_svg():
    root = ET.parse(ROOT / "resources" / "icons" / "intake.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    _, _, width, height = map(float, root.get("viewBox").split())
    assert width == height
