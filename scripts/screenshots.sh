#!/usr/bin/env bash
# Saves screenshots of the desktop client's main views, run against the demo server under a
# virtual X display (Xvfb, 1280x800), to docs/screenshots/: national.png, neighbourhood.png,
# detail.png, mybids.png, selling.png, newlisting.png (the listing editor), wallet.png,
# notifications.png and, in Korean, national-ko.png and detail-ko.png.
#
# It builds the server and the client, seeds the demo data into a throwaway data directory,
# starts `neighborbid-server serve` there on free ports, runs the client once per view (signed
# in as alice, or as the demo seller for "selling"), and stops everything afterwards.
#
# Usage: bash scripts/screenshots.sh [OUT_DIR]      (default: docs/screenshots)
# Environment: NEIGHBORBID_BUILD_DIR, the build to use (default build/dev, configured with the
#              "dev" preset when missing).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly BUILD_DIR="${NEIGHBORBID_BUILD_DIR:-build/dev}"
readonly OUT_DIR="${1:-docs/screenshots}"
readonly SERVER="$BUILD_DIR/server/neighborbid-server"
readonly CLIENT="$BUILD_DIR/client/neighborbid"
readonly PASSWORD=neighborbid

for tool in xvfb-run; do
    command -v "$tool" >/dev/null || { echo "screenshots: $tool is missing (apt-get install xvfb xauth)" >&2; exit 1; }
done
if [[ ! -f "$BUILD_DIR/CMakeCache.txt" ]]; then
    if [[ "$BUILD_DIR" != build/dev ]]; then
        echo "screenshots: $BUILD_DIR is not a configured build directory" >&2
        exit 1
    fi
    cmake --preset dev
fi
cmake --build "$BUILD_DIR" --target neighborbid neighborbid-server
mkdir -p "$OUT_DIR"

# A short path (PostgreSQL's socket lives inside) that the postgres user may enter when run as root.
work=$(mktemp -d /tmp/nbshots.XXXXXX)
chmod 755 "$work"
server_pid=""
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

echo "screenshots: seeding the demo data"
"$SERVER" console --data-dir "$work/data" demo >"$work/demo.log"

"$SERVER" serve --data-dir "$work/data" --http-port 0 --ws-port 0 >"$work/server.log" 2>&1 &
server_pid=$!
http_port="" ws_port=""
for _ in $(seq 1 150); do
    http_port=$(sed -n 's/^http listening on .*:\([0-9]*\)$/\1/p' "$work/server.log" | head -n1)
    ws_port=$(sed -n 's/^ws listening on .*:\([0-9]*\)$/\1/p' "$work/server.log" | head -n1)
    [[ -n "$http_port" && -n "$ws_port" ]] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; echo "screenshots: the server stopped" >&2; exit 1; }
    sleep 0.2
done
[[ -n "$http_port" && -n "$ws_port" ]] || { cat "$work/server.log" >&2; echo "screenshots: no ports" >&2; exit 1; }
echo "screenshots: server on http :$http_port, ws :$ws_port"

# One client run per picture, all under one virtual display. A private home keeps this user's
# settings out of the pictures; a session bus with an unlocked keyring keeps the token where the
# client wants it (without one the client shows its "no keychain" notice, which is right but noisy).
cat >"$work/shots.sh" <<SHOTS
set -euo pipefail
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
export XDG_CACHE_HOME="$work/home/.cache" XDG_RUNTIME_DIR="$work/run"
mkdir -p "\$HOME" "\$XDG_RUNTIME_DIR" && chmod 700 "\$XDG_RUNTIME_DIR"
keyring_pid=""
if command -v gnome-keyring-daemon >/dev/null; then
    printf '%s' screenshots | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
    keyring_pid=\$!
    sleep 1
fi
shot() { # FILE LANG USER VIEW
    "$CLIENT" --server "http://127.0.0.1:$http_port" --ws-url "ws://127.0.0.1:$ws_port/ws" \
        --lang "\$2" --login "\$3:$PASSWORD" --view "\$4" --screenshot "$OUT_DIR/\$1"
    echo "screenshots: $OUT_DIR/\$1"
}
status=0
{
    shot national.png en alice national
    shot neighbourhood.png en alice neighbourhood
    shot detail.png en alice detail
    shot mybids.png en alice mybids
    shot selling.png en neighbor_shop selling
    shot newlisting.png en neighbor_shop newlisting
    shot wallet.png en alice wallet
    shot notifications.png en alice notifications
    shot national-ko.png ko alice national
    shot detail-ko.png ko alice detail
} || status=\$?
[[ -n "\$keyring_pid" ]] && kill "\$keyring_pid" 2>/dev/null || true
exit \$status
SHOTS
if command -v dbus-run-session >/dev/null; then
    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- bash "$work/shots.sh"
else
    xvfb-run -a -s "-screen 0 1280x800x24" bash "$work/shots.sh"
fi
