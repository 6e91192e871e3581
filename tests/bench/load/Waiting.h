#pragma once

#include <QtGlobal>

#include <functional>

namespace nb::bench::load {

/// Runs the calling thread's event loop until `done()` holds or `timeoutMs` has passed, checking
/// every `pollMs` (and calling `onPoll`, if given, each time). True when `done()` held.
bool waitUntil(const std::function<bool()>& done, qint64 timeoutMs,
               const std::function<void()>& onPoll = nullptr, int pollMs = 20);

/// Runs the event loop for `ms` milliseconds, calling `onPoll` every `pollMs`.
void runFor(qint64 ms, const std::function<void()>& onPoll = nullptr, int pollMs = 20);

} // namespace nb::bench::load
