#!/usr/bin/env bash
# Saves screenshots of the desktop client's main window, in English and in Korean, rendered
# offscreen (no display needed): OUT_DIR/neighborbid-en.png and OUT_DIR/neighborbid-ko.png.
#
# Usage: bash scripts/screenshot.sh [OUT_DIR]     (default: build/screenshots)
# Environment: NEIGHBORBID_BUILD_DIR, the build to use (default build/dev, configured with the
#              "dev" preset when missing).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly BUILD_DIR="${NEIGHBORBID_BUILD_DIR:-build/dev}"
readonly OUT_DIR="${1:-build/screenshots}"

if [[ ! -f "$BUILD_DIR/CMakeCache.txt" ]]; then
    if [[ "$BUILD_DIR" != build/dev ]]; then
        echo "screenshot: $BUILD_DIR is not a configured build directory" >&2
        exit 1
    fi
    cmake --preset dev
fi
cmake --build "$BUILD_DIR" --target neighborbid
mkdir -p "$OUT_DIR"

# A throwaway home, so that the pictures show the defaults, not this user's settings.
fake_home=$(mktemp -d)
trap 'rm -rf "$fake_home"' EXIT

for lang in en ko; do
    env -u XDG_CONFIG_HOME HOME="$fake_home" QT_QPA_PLATFORM=offscreen \
        "$BUILD_DIR/client/neighborbid" --lang "$lang" --screenshot "$OUT_DIR/neighborbid-$lang.png"
    echo "screenshot: $OUT_DIR/neighborbid-$lang.png"
done
