#!/usr/bin/env bash
# The whole check, as CI runs it: install the dependencies, configure a fresh build/ci
# (RelWithDebInfo, warnings as errors), build everything, check the formatting, run every
# test. Exits non-zero on the first failure; on success the last lines are CTest's summary.
#
# Environment: NEIGHBORBID_TEST_TIMEOUT (seconds per test, default 300),
#              NEIGHBORBID_TEST_JOBS (parallel tests, default 2).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly BUILD_DIR=build/ci

step() { printf '\n==> %s\n' "$*"; }

step "Installing dependencies"
bash scripts/install-deps.sh

step "Configuring a fresh $BUILD_DIR"
rm -rf "$BUILD_DIR"
# The "ci" preset (CMakePresets.json): Ninja, RelWithDebInfo, NEIGHBORBID_WERROR=ON.
cmake --preset ci

step "Building"
cmake --build --preset ci

step "Checking the formatting"
bash scripts/check-format.sh

step "Running the tests"
# --no-tests=error: a build that registered no test is a failure, not a pass.
ctest --preset ci --output-on-failure --no-tests=error \
    --timeout "${NEIGHBORBID_TEST_TIMEOUT:-300}" -j "${NEIGHBORBID_TEST_JOBS:-2}"
