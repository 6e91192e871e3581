#include "client/views/QuestionsPanel.h"

#include "client/models/QuestionModel.h"
#include "client/net/ApiClient.h"
#include "client/session/ClientSession.h"
#include "client/views/ViewSupport.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace nb::client {

QuestionsPanel::QuestionsPanel(ClientSession& session, qint64 auctionId, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_auctionId(auctionId)
    , m_model(new QuestionModel(this))
    , m_table(new QTableView(this))
    , m_text(new QLineEdit(this))
    , m_send(new QPushButton(this))
    , m_status(new QLabel(this))
{
    setObjectName("questionsPanel");
    m_text->setObjectName("questionText");
    m_send->setObjectName("questionSend");
    m_status->setProperty("role", "hint");
    m_status->setWordWrap(true);
    m_table->setModel(m_model);
    setUpAuctionTable(m_table);
    m_table->setSortingEnabled(false);
    m_table->setWordWrap(true);
    m_table->horizontalHeader()->setSectionResizeMode(QuestionModel::QuestionColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(QuestionModel::AnswerColumn, QHeaderView::Stretch);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &QuestionsPanel::updateControls);
    connect(m_send, &QPushButton::clicked, this, [this] {
        if (m_session.user() && m_session.user()->id == m_sellerId)
            answer();
        else
            ask();
    });
    connect(m_text, &QLineEdit::returnPressed, m_send, &QPushButton::click);
    connect(m_text, &QLineEdit::textChanged, this, &QuestionsPanel::updateControls);
    connect(&session, &ClientSession::loggedIn, this, &QuestionsPanel::updateControls);
    connect(&session, &ClientSession::loggedOut, this, &QuestionsPanel::updateControls);

    auto* row = new QHBoxLayout;
    row->addWidget(m_text, 1);
    row->addWidget(m_send);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(row);
    layout->addWidget(m_status);
    retranslateUi();
}

void QuestionsPanel::setSellerId(qint64 sellerId)
{
    m_sellerId = sellerId;
    updateControls();
}

void QuestionsPanel::reload()
{
    m_session.api().questions(m_auctionId)->onSuccess(this, [this](const QList<Question>& questions) {
        m_model->setQuestions(questions);
        updateControls();
    });
}

void QuestionsPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void QuestionsPanel::retranslateUi()
{
    updateControls();
}

void QuestionsPanel::updateControls()
{
    const bool signedIn = m_session.isLoggedIn();
    const bool seller = signedIn && m_session.user()->id == m_sellerId;
    std::optional<Question> selected;
    if (seller && m_table->currentIndex().isValid())
        selected = m_model->questionAt(m_table->currentIndex().row());
    if (seller) {
        m_text->setPlaceholderText(selected ? tr("Your answer to “%1”").arg(selected->text)
                                            : tr("Select a question to answer it"));
        m_send->setText(tr("Answer"));
        m_text->setEnabled(selected.has_value());
    } else {
        m_text->setPlaceholderText(signedIn ? tr("Ask the seller a question…")
                                            : tr("Sign in to ask the seller a question"));
        m_send->setText(tr("Ask"));
        m_text->setEnabled(signedIn);
    }
    m_send->setEnabled(m_text->isEnabled() && !m_text->text().trimmed().isEmpty());
}

void QuestionsPanel::ask()
{
    const QString text = m_text->text().trimmed();
    m_send->setEnabled(false);
    m_session.api()
        .ask(m_auctionId, text)
        ->onSuccess(this,
                    [this](const Question& question) {
                        m_model->upsert(question);
                        m_text->clear();
                        m_status->setText(tr("Your question is posted; the seller is notified."));
                    })
        ->onFailure(this, [this](const ApiError& error) {
            m_status->setText(error.message);
            updateControls();
        });
}

void QuestionsPanel::answer()
{
    const QModelIndex current = m_table->currentIndex();
    const std::optional<Question> question =
        current.isValid() ? m_model->questionAt(current.row()) : std::nullopt;
    if (!question)
        return;
    m_send->setEnabled(false);
    m_session.api()
        .answer(m_auctionId, question->id, m_text->text().trimmed())
        ->onSuccess(this,
                    [this](const Question& answered) {
                        m_model->upsert(answered);
                        m_text->clear();
                        m_status->setText(tr("Your answer is posted."));
                    })
        ->onFailure(this, [this](const ApiError& error) {
            m_status->setText(error.message);
            updateControls();
        });
}

} // namespace nb::client
