#!/usr/bin/env bash
# Installs, with apt-get, every package NeighborBid needs to build, run and test.
# Safe to run again: when everything is already installed it only checks and exits
# (no network, well under a second).
#
# Supported: Debian 12 and Ubuntu 24.04 (both ship Qt 6.4 or newer). Ubuntu 22.04 ships
# Qt 6.2 and no qt6-httpserver-dev; the script says so instead of failing half-way.
set -euo pipefail

# Build: compiler, CMake, Qt 6 modules and tools, database, Redis and crypto libraries.
# Run and test: SQLite driver for the client cache, a PostgreSQL server (we only use its
# binaries: the server and the tests run private clusters of their own), Redis, a virtual
# display, a Korean font (without one every Hangul label renders as empty boxes), and
# clang-format for the style check.
readonly PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-websockets-dev qt6-httpserver-dev qt6-charts-dev
    qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libpqxx-dev libhiredis-dev libsodium-dev qtkeychain-qt6-dev
    libqt6sql6-sqlite postgresql redis-server xvfb xauth fonts-nanum qt6-translations-l10n clang-format
)
readonly MIN_QT=6.4

is_installed() {
    [[ "$(dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null)" == "ii"* ]]
}

has_candidate() {
    local candidate
    candidate=$(apt-cache policy "$1" 2>/dev/null | sed -n 's/^ *Candidate: *//p')
    [[ -n "$candidate" && "$candidate" != "(none)" ]]
}

as_root() {
    if [[ $EUID -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "install-deps: not root and sudo is not installed; run this script as root" >&2
        exit 1
    fi
}

check_qt_version() {
    local version
    version=$(dpkg-query -W -f='${Version}' qt6-base-dev)
    if ! dpkg --compare-versions "$version" ge "$MIN_QT"; then
        echo "install-deps: this system's Qt is $version; NeighborBid needs Qt $MIN_QT or newer" \
            "(Debian 12, Ubuntu 24.04 or later)" >&2
        exit 1
    fi
}

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    echo "install-deps: needs a Debian or Ubuntu system (dpkg and apt-get)." >&2
    echo "Install by hand the equivalents of: ${PACKAGES[*]}" >&2
    exit 1
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
    is_installed "$pkg" || missing+=("$pkg")
done

if [[ ${#missing[@]} -eq 0 ]]; then
    check_qt_version
    echo "install-deps: all ${#PACKAGES[@]} packages are installed"
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q

unavailable=()
for pkg in "${missing[@]}"; do
    has_candidate "$pkg" || unavailable+=("$pkg")
done
if [[ ${#unavailable[@]} -gt 0 ]]; then
    os=$(sed -n 's/^PRETTY_NAME=//p' /etc/os-release 2>/dev/null | tr -d '"')
    echo "install-deps: ${os:-this system} has no package named: ${unavailable[*]}" >&2
    echo "NeighborBid is built and tested on Debian 12 and Ubuntu 24.04 (Qt $MIN_QT or newer)." >&2
    if grep -qi '^ID=ubuntu' /etc/os-release 2>/dev/null; then
        echo "On Ubuntu several of them are in the universe component: sudo add-apt-repository universe" >&2
    fi
    exit 1
fi

as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
check_qt_version
echo "install-deps: done"
