#pragma once

#include "shared/protocol/Objects.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;

namespace nb::client {

class ClientSession;
class MessageModel;

// After the end: the outcome (won / sold / not sold / cancelled), the conversation between the
// seller and the winner, and the winner's review of the seller.
class AfterSalePanel : public QWidget {
    Q_OBJECT

public:
    AfterSalePanel(ClientSession& session, qint64 auctionId, QWidget* parent = nullptr);

    void setAuction(const nb::AuctionDetail& auction);
    // The outcome sentence for this viewer ("You won this auction for ₩…").
    static QString outcomeText(const nb::AuctionDetail& auction, std::optional<qint64> viewerId);
    QLabel* outcomeLabel() const { return m_outcome; }
    MessageModel* messages() const { return m_messages; }
    void reloadMessages();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateParts();
    void sendMessage();
    void sendReview();

    ClientSession& m_session;
    qint64 m_auctionId = 0;
    std::optional<AuctionDetail> m_auction;
    QLabel* m_outcome = nullptr;
    QGroupBox* m_chatBox = nullptr;
    MessageModel* m_messages = nullptr;
    QListView* m_chat = nullptr;
    QLineEdit* m_message = nullptr;
    QPushButton* m_send = nullptr;
    QGroupBox* m_reviewBox = nullptr;
    QComboBox* m_rating = nullptr;
    QPlainTextEdit* m_reviewText = nullptr;
    QPushButton* m_submitReview = nullptr;
    QLabel* m_reviewStatus = nullptr;
    bool m_reviewed = false;
    bool m_messagesLoaded = false;
};

} // namespace nb::client
