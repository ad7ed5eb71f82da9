#!/usr/bin/env python3
"""Build the Debian package of the intake station: the PyInstaller bundle in /opt/intake,
``intake`` on the PATH, a menu entry, icons and AppStream metadata.

Run it with the project's virtualenv (``pip install -e ".[package]"`` gives it PyInstaller)::

    .venv/bin/python packaging/linux/build-deb.py            # -> packaging/out/intake_<version>_<arch>.deb
    .venv/bin/python packaging/linux/build-deb.py --no-build # package the bundle already in packaging/out/dist
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGING = HERE.parent
ROOT = PACKAGING.parent
OUT = PACKAGING / "out"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(PACKAGING))

from bundle import SYSTEM_LIBRARIES  # noqa: E402  (libraries the bundle leaves to the system)

from app import __version__  # noqa: E402  (the version lives in the package)

PACKAGE = "intake"
ICON_SIZES = (64, 128, 256)
# What Qt loads at run time besides what the bundle links: OpenGL/EGL for the xcb and wayland
# platforms, keyboard maps, fonts through fontconfig, the session bus for the keyring.
QT_RUNTIME = (
    "libegl1",
    "libgl1",
    "libfontconfig1",
    "libfreetype6",
    "libdbus-1-3",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libxcb-cursor0",
)
RECOMMENDS = ("gnome-keyring",)
MAINTAINER = os.environ.get("INTAKE_DEB_MAINTAINER", "Intake station maintainers <maintainers@intake.invalid>")
DESCRIPTION = """\
customer-intake station for dispensary front desks
 A keyboard-first form that registers new dispensary customers in the POS
 (IndicaOnline Open API), checking every field as it is typed. Drafts are kept
 as the clerk types and finished intakes wait in an outbox while the network is
 down; each customer is created exactly once. The API key lives in the
 system keyring (GNOME Keyring, KWallet or another Secret Service)."""


def run(cmd: list[str], **kwargs) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, **kwargs)


def build_bundle(dist: Path, work: Path) -> Path:
    """PyInstaller one-folder build of packaging/intake.spec; returns the bundle's folder."""
    if importlib.util.find_spec("PyInstaller") is None:
        raise SystemExit(f"PyInstaller is not installed for {sys.executable}: pip install -e '.[package]'")
    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", str(work), str(PACKAGING / "intake.spec")])
    bundle = dist / PACKAGE
    if not (bundle / PACKAGE).is_file():
        raise SystemExit(f"PyInstaller left no {bundle / PACKAGE}")
    return bundle


def glibc_version() -> str:
    """The C library the bundle was linked against: the package needs at least that one."""
    name, version = platform.libc_ver()
    return version if name == "glibc" and version else ""


def control(arch: str, installed_kib: int) -> str:
    depends = sorted(set(SYSTEM_LIBRARIES.values()) | set(QT_RUNTIME))
    libc = glibc_version()
    if libc:
        depends.insert(0, f"libc6 (>= {libc})")
    fields = {
        "Package": PACKAGE,
        "Version": __version__,
        "Architecture": arch,
        "Maintainer": MAINTAINER,
        "Installed-Size": str(installed_kib),
        "Depends": ", ".join(depends),
        "Recommends": ", ".join(RECOMMENDS),
        "Section": "misc",
        "Priority": "optional",
        "Description": DESCRIPTION,
    }
    return "".join(f"{key}: {value}\n" for key, value in fields.items())


def render_icons(out_dir: Path) -> list[Path]:
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "buildassets.py"), "icons", str(out_dir), *map(str, ICON_SIZES)],
        check=True, capture_output=True, text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    return [Path(line) for line in result.stdout.splitlines() if line.strip()]


def lay_out(bundle: Path, tree: Path, arch: str) -> None:
    """The package's file tree under ``tree`` (``tree`` is the future ``/``)."""
    if tree.exists():
        shutil.rmtree(tree)
    opt = tree / "opt" / PACKAGE
    shutil.copytree(bundle, opt, symlinks=True)
    (tree / "usr" / "bin").mkdir(parents=True)
    (tree / "usr" / "bin" / PACKAGE).symlink_to(f"/opt/{PACKAGE}/{PACKAGE}")

    share = tree / "usr" / "share"
    # An example of the organisation's managed settings, to copy to /etc/intake/managed.toml.
    (share / "doc" / PACKAGE).mkdir(parents=True)
    shutil.copy2(PACKAGING / "managed" / "managed.toml.example", share / "doc" / PACKAGE / "managed.toml.example")
    (share / "applications").mkdir(parents=True)
    shutil.copy2(HERE / "intake.desktop", share / "applications" / "intake.desktop")
    (share / "metainfo").mkdir(parents=True)
    shutil.copy2(HERE / "intake.metainfo.xml", share / "metainfo" / "intake.metainfo.xml")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(ROOT / "resources" / "icons" / "intake.svg", scalable / "intake.svg")
    for png in render_icons(OUT / "icons"):
        size = png.stem.rsplit("-", 1)[1]
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True)
        shutil.copy2(png, target / "intake.png")

    # Files world-readable, programs and folders executable, whatever the builder's umask.
    for path in [tree, *tree.rglob("*")]:
        if path.is_symlink():
            continue
        path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)

    installed_kib = sum(p.stat().st_size for p in tree.rglob("*") if p.is_file() and not p.is_symlink()) // 1024
    debian = tree / "DEBIAN"
    debian.mkdir(mode=0o755)
    (debian / "control").write_text(control(arch, installed_kib), encoding="utf-8")
    # Menus and icon caches notice new files through dpkg triggers; nothing to run here.


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="package the bundle already built")
    parser.add_argument("--compression", default="xz", choices=("xz", "zstd", "gzip"),
                        help="dpkg-deb compression (default xz, what every dpkg reads)")
    args = parser.parse_args(argv)

    started = time.monotonic()
    arch = subprocess.run(["dpkg", "--print-architecture"], check=True, capture_output=True, text=True).stdout.strip()
    dist, work = OUT / "dist", OUT / "build"
    bundle = dist / PACKAGE if args.no_build else build_bundle(dist, work)
    built = time.monotonic()

    tree = OUT / "deb" / f"{PACKAGE}_{__version__}_{arch}"
    lay_out(bundle, tree, arch)
    deb = OUT / f"{PACKAGE}_{__version__}_{arch}.deb"
    run(["dpkg-deb", "--root-owner-group", f"-Z{args.compression}", "--build", str(tree), str(deb)])
    done = time.monotonic()

    bundle_bytes = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"built {deb.relative_to(ROOT)}: {deb.stat().st_size / 2**20:.1f} MiB "
          f"(bundle {bundle_bytes / 2**20:.0f} MiB); "
          f"PyInstaller {built - started:.0f} s, package {done - built:.0f} s")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except subprocess.CalledProcessError as exc:
        sys.exit(f"build-deb: {exc.cmd[0]} failed with exit status {exc.returncode}")
