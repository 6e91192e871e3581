#pragma once

#include "shared/protocol/Community.h"

#include <QAbstractTableModel>

#include <optional>

namespace nb::client {

/// The public questions about one item and the seller's answers (GET /auctions/{id}/questions).
/// The detail view's Q&A list shows it; the seller answers rows where AnsweredRole is false.
class QuestionModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { QuestionColumn, AskerColumn, AnswerColumn, ColumnCount };
    enum Role { QuestionIdRole = Qt::UserRole + 1, AnsweredRole };

    explicit QuestionModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setQuestions(const QList<Question>& questions);
    /// A new question, or an answered one replacing its row.
    void upsert(const Question& question);
    std::optional<Question> questionAt(int row) const;

private:
    QList<Question> m_questions;
};

} // namespace nb::client
