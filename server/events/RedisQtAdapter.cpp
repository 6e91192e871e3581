#include "server/events/RedisQtAdapter.h"

#include <QSocketNotifier>

#include <hiredis/async.h>

namespace nb::events {

void RedisQtAdapter::attach(redisAsyncContext* context, QObject* parent)
{
    auto* adapter = new RedisQtAdapter(context, parent);
    context->ev.data = adapter;
    context->ev.addRead = &RedisQtAdapter::addRead;
    context->ev.delRead = &RedisQtAdapter::delRead;
    context->ev.addWrite = &RedisQtAdapter::addWrite;
    context->ev.delWrite = &RedisQtAdapter::delWrite;
    context->ev.cleanup = &RedisQtAdapter::cleanup;
}

RedisQtAdapter::RedisQtAdapter(redisAsyncContext* context, QObject* parent)
    : QObject(parent)
    , m_context(context)
    , m_read(new QSocketNotifier(context->c.fd, QSocketNotifier::Read, this))
    , m_write(new QSocketNotifier(context->c.fd, QSocketNotifier::Write, this))
{
    m_read->setEnabled(false);
    m_write->setEnabled(false);
    connect(m_read, &QSocketNotifier::activated, this, &RedisQtAdapter::onReadable);
    connect(m_write, &QSocketNotifier::activated, this, &RedisQtAdapter::onWritable);
}

RedisQtAdapter::~RedisQtAdapter()
{
    // Normally detached already; if the owner goes first, hiredis must not call back into us.
    detach();
}

void RedisQtAdapter::addRead(void* data)
{
    self(data)->m_read->setEnabled(true);
}

void RedisQtAdapter::delRead(void* data)
{
    self(data)->m_read->setEnabled(false);
}

void RedisQtAdapter::addWrite(void* data)
{
    self(data)->m_write->setEnabled(true);
}

void RedisQtAdapter::delWrite(void* data)
{
    self(data)->m_write->setEnabled(false);
}

void RedisQtAdapter::cleanup(void* data)
{
    RedisQtAdapter* adapter = self(data);
    adapter->detach();
    // Possibly inside one of our own notifier slots: delete once the stack has unwound.
    adapter->deleteLater();
}

void RedisQtAdapter::onReadable()
{
    // May free the context; cleanup() then cleared m_context, which is not read again here.
    if (m_context)
        redisAsyncHandleRead(m_context);
}

void RedisQtAdapter::onWritable()
{
    if (m_context)
        redisAsyncHandleWrite(m_context);
}

void RedisQtAdapter::detach()
{
    m_read->setEnabled(false);
    m_write->setEnabled(false);
    if (!m_context)
        return;
    m_context->ev.data = nullptr;
    m_context->ev.addRead = nullptr;
    m_context->ev.delRead = nullptr;
    m_context->ev.addWrite = nullptr;
    m_context->ev.delWrite = nullptr;
    m_context->ev.cleanup = nullptr;
    m_context = nullptr;
}

} // namespace nb::events
