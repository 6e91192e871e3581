#!/usr/bin/env bash
# Try NeighborBid on this machine: install the dependencies, build a release (build/release),
# seed the demo data, then run the server in the foreground of this script. With a display,
# the desktop client starts too and closing its window stops the server; without one, the
# server runs until Ctrl-C. The server is always stopped cleanly (SIGTERM, then wait).
#
# Environment: NEIGHBORBID_HOME chooses the data directory (default: /var/lib/neighborbid as
# root, otherwise $XDG_DATA_HOME/neighborbid, normally ~/.local/share/neighborbid);
# NEIGHBORBID_DATABASE=DSN uses an external PostgreSQL instead.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly BUILD_DIR=build/release
readonly BIN="$BUILD_DIR/server/neighborbid-server"
readonly CLIENT="$BUILD_DIR/client/neighborbid"

step() { printf '\n==> %s\n' "$*"; }

# Where the server keeps its data, resolved as the server does (docs/OPERATIONS.md).
data_location() {
    if [[ -n "${NEIGHBORBID_DATABASE:-}" ]]; then
        echo "the external database in NEIGHBORBID_DATABASE"
    elif [[ -n "${NEIGHBORBID_HOME:-}" ]]; then
        echo "$NEIGHBORBID_HOME"
    elif [[ $EUID -eq 0 ]]; then
        echo /var/lib/neighborbid
    else
        echo "${XDG_DATA_HOME:-$HOME/.local/share}/neighborbid"
    fi
}

has_display() {
    [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]
}

server_pid=""
# shellcheck disable=SC2317 # called by the EXIT trap
stop_server() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        echo "Stopping the server (pid $server_pid)..."
        kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    server_pid=""
}
trap stop_server EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step "Installing dependencies"
bash scripts/install-deps.sh

step "Building $BUILD_DIR"
cmake --preset release >/dev/null
targets=(neighborbid-server)
has_display && targets+=(neighborbid)
cmake --build --preset release --target "${targets[@]}"

step "Seeding the demo data (idempotent)"
"$BIN" console demo

step "Starting the server (data: $(data_location))"
"$BIN" serve &
server_pid=$!

# A server that cannot start (a port in use, an unreadable data directory) exits at once:
# report that instead of opening a client that can never connect.
sleep 2
if ! kill -0 "$server_pid" 2>/dev/null; then
    status=0
    wait "$server_pid" || status=$?
    server_pid=""
    echo "The server stopped during start-up (exit status $status); see its messages above." >&2
    exit 1
fi

cat <<EOF

NeighborBid is running (server pid $server_pid); it prints "http listening on ..." and
"ws listening on ..." once both listeners are open.
  Demo logins:    alice, bob, carol, dave -- password: neighborbid (1,000,000 won of demo money each)
  HTTP API:       http://${NEIGHBORBID_LISTEN:-127.0.0.1}:${NEIGHBORBID_HTTP_PORT:-8080}/api/v1
                  try: curl http://${NEIGHBORBID_LISTEN:-127.0.0.1}:${NEIGHBORBID_HTTP_PORT:-8080}/api/v1/health
  Live auctions:  ws://${NEIGHBORBID_LISTEN:-127.0.0.1}:${NEIGHBORBID_WS_PORT:-8081}/ws (WebSocket)
                  (https and wss with NEIGHBORBID_TLS_CERT/NEIGHBORBID_TLS_KEY; README.md has curl examples)
  Administration: $BIN console stats
                  (see '$BIN --help', docs/OPERATIONS.md and docs/DEPLOYMENT.md)
EOF

if has_display; then
    echo "  Desktop client: starting $CLIENT; closing its window stops the server."
    client_status=0
    "$CLIENT" || client_status=$?
    exit "$client_status"
fi

echo "  Desktop client: no display here; on a desktop run $CLIENT"
echo
echo "Press Ctrl-C to stop the server."
server_status=0
wait "$server_pid" || server_status=$?
server_pid=""
exit "$server_status"
