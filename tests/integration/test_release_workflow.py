"""The release workflow, checked offline: valid against the forge's workflow schema (bundled with
check-jsonschema, no network), and building each platform with its packaging script, running the
built program's self-test and attaching the three builds."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"


def _check_jsonschema() -> str:
    found = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent)) or shutil.which(
        "check-jsonschema")
    if found is None:
        pytest.fail("check-jsonschema is missing: install the test extra (pip install -e '.[test]')")
    return found


def _validate(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([_check_jsonschema(), "--builtin-schema", "vendor.github-workflows", str(path)],
                          capture_output=True, text=True, timeout=120)


def test_the_workflow_is_valid_against_the_workflow_schema():
    result = _validate(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_does_refuse_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("runs-on: macos-14", "runs_on: macos-14"),
                      encoding="utf-8")
    assert _validate(broken).returncode != 0


def test_each_platform_is_built_by_its_script_self_tested_and_attached():
    text = WORKFLOW.read_text(encoding="utf-8")
    for script in ("packaging/linux/build-deb.py", r"packaging\windows\build.ps1", "packaging/macos/build-app.sh"):
        assert script in text
        assert (ROOT / script.replace("\\", "/")).is_file()
    assert "intake --self-test" in text  # the .deb, installed; the two other scripts run it themselves
    for script in ("packaging/windows/build.ps1", "packaging/macos/build-app.sh"):
        assert "--self-test" in (ROOT / script).read_text(encoding="utf-8")
    for artifact in ("intake_*.deb", "intake-*-setup.exe", "Intake-*.dmg"):
        assert artifact in text
    assert "gh release create" in text and "needs: [linux, windows, macos]" in text


def test_the_managed_example_ships_with_the_packages_and_is_a_valid_managed_file(tmp_path):
    from app.config import load_config

    example = ROOT / "packaging" / "managed" / "managed.toml.example"
    assert "managed.toml.example" in (ROOT / "packaging" / "linux" / "build-deb.py").read_text(encoding="utf-8")
    assert "managed.toml.example" in (ROOT / "packaging" / "windows" / "intake.iss").read_text(encoding="utf-8")
    target = tmp_path / "managed.toml"
    target.write_text(example.read_text(encoding="utf-8"), encoding="utf-8")
    config = load_config(managed_path=target)
    assert config.managed == {"api_url", "files_url", "jurisdiction", "language"}
    uncommented = "\n".join(line[2:] if line.startswith("# ") and "=" in line and not line.startswith("# Deploy")
                            else line for line in example.read_text(encoding="utf-8").splitlines())
    uncommented = uncommented.replace("# [wire_names]", "[wire_names]")
    target.write_text(uncommented, encoding="utf-8")
    assert dict(load_config(managed_path=target).wire_names)["nickname"] == "nick_name"
