"""What the frozen bundle leaves out, used by ``intake.spec`` after PyInstaller's analysis.

PyInstaller's Qt hooks collect every plugin of a category and then every library those
plugins link. The station needs a few of them; the rest cost size and, worse on Linux, pull
the build machine's GTK, GLib and C++ runtime into the bundle, where they can clash with the
user's graphics drivers and themes. So:

* Qt plugins the station never loads are dropped (other platforms, GTK theme, input devices
  for framebuffer consoles, image formats other than JPEG, PNG, SVG and ICO);
* on Linux, libraries of the system that nothing kept still links are dropped, and the
  common desktop libraries listed in ``SYSTEM_LIBRARIES`` come from the distribution instead
  (the .deb depends on their packages; ``build-deb.py`` reads this table).
"""

from __future__ import annotations

import posixpath
import subprocess
from pathlib import Path, PurePosixPath

# Plugins by category; a category not listed keeps all its plugins. Names without the
# platform's "lib" prefix, debug "d" suffix and extension.
KEPT_QT_PLUGINS: dict[str, set[str] | None] = {
    "platforms": {"qxcb", "qwayland", "qoffscreen", "qminimal", "qwindows", "qcocoa", "qdirect2d"},
    "platformthemes": {"qxdgdesktopportal"},
    "imageformats": {"qjpeg", "qsvg", "qico"},
    "iconengines": {"qsvgicon"},
    "egldeviceintegrations": set(),
    "generic": set(),
    "networkinformation": set(),
    "tls": set(),
}

# soname -> Debian package that provides it. These come from the system on Linux.
SYSTEM_LIBRARIES: dict[str, str] = {
    "libstdc++.so.6": "libstdc++6",
    "libgcc_s.so.1": "libgcc-s1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libgio-2.0.so.0": "libglib2.0-0",
    "libgmodule-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libXext.so.6": "libxext6",
    "libXrender.so.1": "libxrender1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libsystemd.so.0": "libsystemd0",
}

_SYSTEM_PREFIXES = ("/usr/", "/lib/", "/lib64/")


def _plugin_kept(dest: str) -> bool:
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if "plugins" not in parts[:-2]:
        return True
    category = parts[parts.index("plugins") + 1]
    kept = KEPT_QT_PLUGINS.get(category)
    if kept is None:
        return True
    stem = parts[-1].split(".", 1)[0].removeprefix("lib")
    # "qsvgd" is the debug build of "qsvg" on Windows.
    return stem in kept or (stem.endswith("d") and stem[:-1] in kept)


def _needed(path: str) -> list[str]:
    """The sonames an ELF file links (its DT_NEEDED entries)."""
    out = subprocess.run(["objdump", "-p", path], capture_output=True, text=True).stdout
    return [line.split()[1] for line in out.splitlines() if line.strip().startswith("NEEDED")]


def select_binaries(binaries, platform: str):
    """The binaries TOC without unused Qt plugins and, on Linux, without system libraries that
    nothing kept links or that the distribution provides. Entries are (dest, src, typecode)."""
    entries = [e for e in binaries if _plugin_kept(e[0])]
    if not platform.startswith("linux"):
        return entries

    def prunable(entry) -> bool:
        """A library that is in the bundle only because something links it: from the system or Qt's own."""
        dest, src, typecode = entry
        if typecode == "SYMLINK":
            return False
        from_system = "/" not in dest and str(src).startswith(_SYSTEM_PREFIXES)
        return from_system or dest.replace("\\", "/").startswith("PySide6/Qt/lib/")

    def from_distribution(entry) -> bool:
        return "/" not in entry[0] and entry[0] in SYSTEM_LIBRARIES and prunable(entry)

    # Real files by file name (a link of the same name only points at one of them).
    by_name = {
        PurePosixPath(e[0]).name: e for e in entries if e[2] != "SYMLINK" and not from_distribution(e)
    }
    seen: set[str] = set()
    stack = [e for e in entries if not prunable(e) and e[2] != "SYMLINK"]
    while stack:
        dest, src, _ = stack.pop()
        if dest in seen:
            continue
        seen.add(dest)
        if not Path(src).is_file():
            continue
        stack.extend(by_name[soname] for soname in _needed(src) if soname in by_name)

    kept = [e for e in entries if not (from_distribution(e) or (prunable(e) and e[0] not in seen))]
    return kept


def drop_dangling_links(datas, binaries):
    """The datas TOC without links (PyInstaller lists them there) to binaries that were dropped."""
    present = {e[0].replace("\\", "/") for e in binaries} | {e[0].replace("\\", "/") for e in datas}
    return [e for e in datas if e[2] != "SYMLINK" or _link_target(e) in present]


def _link_target(entry) -> str:
    dest, target, _ = entry
    return posixpath.normpath(posixpath.join(posixpath.dirname(dest.replace("\\", "/")), target))
