#!/usr/bin/env bash
# Build, sign, notarize and staple the macOS disk image of the intake station.
#
#   MACOS_SIGN_IDENTITY="Developer ID Application: Example Dispensary Tech (TEAMID1234)" \
#   NOTARY_KEYCHAIN_PROFILE=intake-notary \
#   packaging/macos/build-app.sh
#
# Steps: the PyInstaller bundle Intake.app (packaging/intake.spec makes a BUNDLE on macOS; PyInstaller
# signs every binary and the app with $MACOS_SIGN_IDENTITY, hardened runtime and
# packaging/macos/entitlements.plist), its self-test offscreen, a check of the signature, the disk
# image (hdiutil) signed too, notarization with xcrun notarytool, and stapling of the ticket.
#
# Notarization credentials, either:
#   NOTARY_KEYCHAIN_PROFILE  a profile stored once with `xcrun notarytool store-credentials`, or
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD  (an app-specific password of that Apple ID).
# Without MACOS_SIGN_IDENTITY the image is built unsigned (for testing; Gatekeeper will refuse it),
# and without credentials it is signed but not notarized.
set -euo pipefail
cd "$(dirname "$0")/../.."

PYTHON=${PYTHON:-.venv/bin/python}
OUT=packaging/out
ENTITLEMENTS=packaging/macos/entitlements.plist
version=$("$PYTHON" -c 'from app import __version__; print(__version__)')
app="$OUT/dist/Intake.app"
dmg="$OUT/Intake-$version.dmg"
started=$SECONDS

echo "== PyInstaller bundle (intake $version)"
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$OUT/dist" --workpath "$OUT/build" packaging/intake.spec
[ -x "$app/Contents/MacOS/intake" ] || { echo "no $app/Contents/MacOS/intake" >&2; exit 1; }

echo "== self-test of the bundle"
QT_QPA_PLATFORM=offscreen "$app/Contents/MacOS/intake" --self-test

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  echo "== signature"
  # PyInstaller signed the bundle; sign the outer app once more so its seal covers the final Info.plist.
  codesign --force --options runtime --timestamp --entitlements "$ENTITLEMENTS" \
    --sign "$MACOS_SIGN_IDENTITY" "$app"
  codesign --verify --deep --strict --verbose=2 "$app"
else
  echo "MACOS_SIGN_IDENTITY is not set: building an unsigned image" >&2
fi

echo "== disk image"
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
ditto "$app" "$staging/Intake.app"
ln -s /Applications "$staging/Applications"
rm -f "$dmg"
hdiutil create -volname "Intake $version" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$dmg"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$dmg"

  notary=()
  if [ -n "${NOTARY_KEYCHAIN_PROFILE:-}" ]; then
    notary=(--keychain-profile "$NOTARY_KEYCHAIN_PROFILE")
  elif [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
    notary=(--apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" --password "$APPLE_APP_PASSWORD")
  fi
  if [ ${#notary[@]} -gt 0 ]; then
    echo "== notarization (waits for Apple's answer)"
    xcrun notarytool submit "$dmg" "${notary[@]}" --wait
    xcrun stapler staple "$dmg"
    xcrun stapler validate "$dmg"
    spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg"
  else
    echo "no notarization credentials (NOTARY_KEYCHAIN_PROFILE or APPLE_ID/APPLE_TEAM_ID/APPLE_APP_PASSWORD):" \
         "the image is signed but not notarized" >&2
  fi
fi

echo "built $dmg: $(du -h "$dmg" | cut -f1) in $((SECONDS - started)) s"
