#pragma once

#include <QObject>

struct redisAsyncContext;
class QSocketNotifier;

namespace nb::events {

/// Drives a hiredis asynchronous context from the Qt event loop: two QSocketNotifiers on its
/// socket call redisAsyncHandleRead/Write when hiredis asked for them (ev.addRead/addWrite).
/// hiredis decides the adapter's end: its cleanup hook, run while it frees the context, detaches
/// the adapter and schedules its deletion, so nothing touches a freed context afterwards.
/// (Debian's hiredis/adapters/qt.h needs moc and writes to the freed context on destruction.)
class RedisQtAdapter : public QObject {
    Q_OBJECT
public:
    /// Hooks a new adapter into context, which must be fresh from redisAsyncConnect.
    static void attach(redisAsyncContext* context, QObject* parent);

    ~RedisQtAdapter() override;

private:
    RedisQtAdapter(redisAsyncContext* context, QObject* parent);

    static RedisQtAdapter* self(void* data) { return static_cast<RedisQtAdapter*>(data); }
    static void addRead(void* data);
    static void delRead(void* data);
    static void addWrite(void* data);
    static void delWrite(void* data);
    static void cleanup(void* data);

    void onReadable();
    void onWritable();
    void detach();

    redisAsyncContext* m_context;
    QSocketNotifier* m_read;
    QSocketNotifier* m_write;
};

} // namespace nb::events
