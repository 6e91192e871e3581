#include "client/views/RegionPicker.h"

#include "client/models/RegionTreeModel.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace nb::client {

RegionPicker::RegionPicker(RegionTreeModel* regions, QWidget* parent)
    : QWidget(parent)
    , m_regions(regions)
    , m_button(new QPushButton(this))
{
    m_button->setObjectName("regionPickerButton");
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_button);
    connect(m_button, &QPushButton::clicked, this, &RegionPicker::choose);
    // The tree may arrive after the picker was created (regions load at start).
    connect(m_regions, &QAbstractItemModel::modelReset, this, &RegionPicker::refresh);
    refresh();
}

void RegionPicker::setRegionId(std::optional<qint64> regionId)
{
    if (regionId == m_regionId)
        return;
    m_regionId = regionId;
    refresh();
    emit regionChanged(regionId);
}

void RegionPicker::setPlaceholder(const QString& text)
{
    m_placeholder = text;
    refresh();
}

void RegionPicker::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

void RegionPicker::refresh()
{
    if (m_regionId) {
        const QString path = m_regions->pathOf(*m_regionId);
        m_button->setText(path.isEmpty() ? tr("Region %1").arg(*m_regionId) : path);
    } else {
        m_button->setText(m_placeholder.isEmpty() ? tr("Choose a region…") : m_placeholder);
    }
}

void RegionPicker::choose()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Choose a region"));
    auto* hint =
        new QLabel(tr("Pick a province or city, a district, or a neighbourhood within it."), &dialog);
    hint->setWordWrap(true);
    auto* tree = new QTreeView(&dialog);
    tree->setModel(m_regions);
    tree->header()->hide();
    tree->setUniformRowHeights(true);
    if (m_regionId) {
        const QModelIndex current = m_regions->indexOf(*m_regionId);
        tree->setCurrentIndex(current);
        tree->scrollTo(current);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(tree, &QTreeView::doubleClicked, &dialog, [&dialog, tree](const QModelIndex& index) {
        // Double-click on a leaf picks it; on a branch it only opens the branch.
        if (!tree->model()->hasChildren(index))
            dialog.accept();
    });
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(hint);
    layout->addWidget(tree, 1);
    layout->addWidget(buttons);
    const int em = fontMetrics().height();
    dialog.resize(em * 22, em * 26);
    if (dialog.exec() != QDialog::Accepted || !tree->currentIndex().isValid())
        return;
    const qint64 id = m_regions->regionIdAt(tree->currentIndex());
    if (id > 0)
        setRegionId(id);
}

} // namespace nb::client
