#!/usr/bin/env bash
# Package dist/Sora Desktop.app (made by packaging/build.py) into a DMG.
#
#   packaging/macos/make_dmg.sh [VERSION]     # VERSION defaults to sora_desktop.__version__
#
# Signing and notarisation run only when their credentials are in the environment:
#   MACOS_SIGNING_IDENTITY   "Developer ID Application: Name (TEAMID)" in the keychain
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD   for `xcrun notarytool` (+ stapler)
# Without them the DMG is built unsigned and the log says so; Gatekeeper will then ask the
# user to open it with right-click > Open (docs/install.md explains).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DIST="${DIST:-$ROOT/dist}"
APP="$DIST/Sora Desktop.app"
PYTHON="${PYTHON:-python3}"
VERSION="${1:-$("$PYTHON" -c "import sys; sys.path.insert(0, '$ROOT/packaging'); import buildinfo; print(buildinfo.read_version())")}"
DMG="$DIST/SoraDesktop-$VERSION-macOS.dmg"
ENTITLEMENTS="$ROOT/packaging/macos/entitlements.plist"

log() { echo "[make_dmg] $*"; }

[ -d "$APP" ] || { log "no app bundle at $APP: run packaging/build.py first"; exit 1; }

if [ -n "${MACOS_SIGNING_IDENTITY:-}" ]; then
    log "signing $APP as $MACOS_SIGNING_IDENTITY (hardened runtime)"
    codesign --force --deep --timestamp --options runtime \
        --entitlements "$ENTITLEMENTS" --sign "$MACOS_SIGNING_IDENTITY" "$APP"
    codesign --verify --deep --strict --verbose=2 "$APP"
else
    log "MACOS_SIGNING_IDENTITY not set: building an UNSIGNED DMG (not for public release)"
fi

STAGING="$(mktemp -d)"
trap 'rm -rf "$STAGING"' EXIT
cp -R "$APP" "$STAGING/"
ln -s /Applications "$STAGING/Applications"
rm -f "$DMG"
log "creating $DMG"
hdiutil create -volname "Sora Desktop $VERSION" -srcfolder "$STAGING" -ov -format UDZO "$DMG"

if [ -n "${MACOS_SIGNING_IDENTITY:-}" ]; then
    codesign --force --timestamp --sign "$MACOS_SIGNING_IDENTITY" "$DMG"
    if [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
        log "notarising $DMG (this waits for Apple)"
        xcrun notarytool submit "$DMG" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
            --password "$APPLE_APP_PASSWORD" --wait
        xcrun stapler staple "$DMG"
        xcrun stapler validate "$DMG"
    else
        log "APPLE_ID / APPLE_TEAM_ID / APPLE_APP_PASSWORD not set: signed but NOT notarised"
    fi
fi
log "done: $DMG ($(du -h "$DMG" | cut -f1))"
