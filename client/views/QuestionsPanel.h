#pragma once

#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace nb::client {

class ClientSession;
class QuestionModel;

// Public questions about an item and the seller's answers. Anyone signed in (but the seller) can
// ask; the seller answers the selected question.
class QuestionsPanel : public QWidget {
    Q_OBJECT

public:
    QuestionsPanel(ClientSession& session, qint64 auctionId, QWidget* parent = nullptr);

    // Whose item it is (the seller answers, the others ask).
    void setSellerId(qint64 sellerId);
    void reload();
    QuestionModel* model() const { return m_model; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateControls();
    void ask();
    void answer();

    ClientSession& m_session;
    qint64 m_auctionId = 0;
    qint64 m_sellerId = 0;
    QuestionModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QLineEdit* m_text = nullptr;
    QPushButton* m_send = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace nb::client
