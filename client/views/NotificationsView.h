#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace nb::client {

class ClientSession;

// The notification inbox, newest first, unread in bold: mark the selected or all as read;
// double-click marks one read and opens its auction.
class NotificationsView : public QWidget {
    Q_OBJECT

public:
    explicit NotificationsView(ClientSession& session, QWidget* parent = nullptr);

    QTableView* table() const { return m_table; }

signals:
    void openAuction(qint64 auctionId);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void retranslateUi();
    void updateState();
    void markSelectedRead();

    ClientSession& m_session;
    QLabel* m_title = nullptr;
    QLabel* m_subtitle = nullptr;
    QPushButton* m_markRead = nullptr;
    QPushButton* m_markAll = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_empty = nullptr;
};

} // namespace nb::client
