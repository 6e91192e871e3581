#pragma once

#include <QObject>

class QSocketNotifier;

namespace nb::app {

/// Turns SIGINT and SIGTERM into a Qt signal on the main thread (self-pipe), so that the server
/// shuts down through its normal path: listeners closed, threads joined, the cluster stopped.
class SignalWatcher : public QObject {
    Q_OBJECT
public:
    explicit SignalWatcher(QObject* parent = nullptr);
    ~SignalWatcher() override;

signals:
    void terminationRequested(int signalNumber);

private:
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace nb::app
