#!/usr/bin/env bash
# Install the built .deb on this machine and check the installed program: its version, the
# window's self-test offscreen, `intake validate` on a sample; then print the bundle's size and
# its start time against the source checkout's (.venv/bin/intake), measured in the same run.
# Needs root (apt-get installs the package and its dependencies).
set -euo pipefail
cd "$(dirname "$0")/../.."

version=$(.venv/bin/python -c 'from app import __version__; print(__version__)')
deb=$(ls packaging/out/intake_"${version}"_*.deb)
export DEBIAN_FRONTEND=noninteractive
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"

echo "== install $deb"
$sudo apt-get install -y -qq --no-install-recommends "./$deb" >/dev/null

echo "== intake --version"
out=$(/usr/bin/intake --version)
echo "$out"
[ "$out" = "intake $version" ] || { echo "expected 'intake $version'" >&2; exit 1; }

echo "== intake --self-test (offscreen)"
QT_QPA_PLATFORM=offscreen /usr/bin/intake --self-test

echo "== intake validate (a valid sample, then one with a bad date of birth)"
intake validate packaging/linux/sample-intake.json
bad=$(mktemp --suffix=.json)
trap 'rm -f "$bad"' EXIT
sed 's/"1990-04-12"/"1990-13-45"/' packaging/linux/sample-intake.json >"$bad"
set +e
intake validate "$bad" >/dev/null
status=$?
set -e
[ "$status" = 1 ] || { echo "an invalid intake should exit 1, got $status" >&2; exit 1; }

echo "== desktop integration"
for f in /usr/share/applications/intake.desktop /usr/share/metainfo/intake.metainfo.xml \
         /usr/share/icons/hicolor/scalable/apps/intake.svg /usr/share/icons/hicolor/256x256/apps/intake.png; do
  [ -s "$f" ] || { echo "missing $f" >&2; exit 1; }
done

echo "== size"
du -sh /opt/intake
ls -l "$deb" | awk '{printf "%.1f MiB %s\n", $5 / 1048576, $NF}'

echo "== start time, installed vs source (median)"
python3 packaging/linux/startup_times.py /usr/bin/intake .venv/bin/intake
