#include "client/models/QuestionModel.h"

namespace nb::client {

QuestionModel::QuestionModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

int QuestionModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_questions.size());
}

int QuestionModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QuestionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case QuestionColumn:
        return tr("Question");
    case AskerColumn:
        return tr("Asked by");
    case AnswerColumn:
        return tr("Answer");
    default:
        return {};
    }
}

QVariant QuestionModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Question& q = m_questions.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == AskerColumn)
            return q.asker.displayName;
        if (index.column() == AnswerColumn)
            return q.answer ? *q.answer : tr("Not answered yet");
        return q.text;
    case QuestionIdRole:
        return q.id;
    case AnsweredRole:
        return q.answer.has_value();
    default:
        return {};
    }
}

void QuestionModel::setQuestions(const QList<Question>& questions)
{
    beginResetModel();
    m_questions = questions;
    endResetModel();
}

void QuestionModel::upsert(const Question& question)
{
    for (qsizetype row = 0; row < m_questions.size(); ++row) {
        if (m_questions.at(row).id == question.id) {
            m_questions[row] = question;
            emit dataChanged(index(static_cast<int>(row), 0), index(static_cast<int>(row), ColumnCount - 1));
            return;
        }
    }
    const int at = rowCount();
    beginInsertRows(QModelIndex(), at, at);
    m_questions.append(question);
    endInsertRows();
}

std::optional<Question> QuestionModel::questionAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return std::nullopt;
    return m_questions.at(row);
}

} // namespace nb::client
