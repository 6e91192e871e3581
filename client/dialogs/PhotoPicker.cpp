#include "client/dialogs/PhotoPicker.h"

#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMimeDatabase>
#include <QPixmap>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace nb::client {

namespace {

// The type by the bytes, not the file name: the server checks the same way.
QString imageTypeOf(const QByteArray& bytes)
{
    const QString type = QMimeDatabase().mimeTypeForData(bytes).name();
    if (type == "image/jpeg" || type == "image/png" || type == "image/webp")
        return type;
    return QString();
}

} // namespace

PhotoPicker::PhotoPicker(QWidget* parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_add(new QPushButton(this))
    , m_remove(new QPushButton(this))
    , m_hint(new QLabel(this))
    , m_progress(new QProgressBar(this))
{
    setObjectName("photoPicker");
    const int thumb = fontMetrics().height() * 4;
    m_list->setObjectName("photoList");
    m_list->setViewMode(QListView::IconMode);
    m_list->setIconSize(QSize(thumb, thumb));
    m_list->setMovement(QListView::Static);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setMinimumHeight(thumb + fontMetrics().height() * 3);
    m_add->setObjectName("addPhotos");
    m_remove->setObjectName("removePhoto");
    m_remove->setEnabled(false);
    m_hint->setProperty("role", "hint");
    m_hint->setWordWrap(true);
    m_progress->setObjectName("uploadProgress");
    m_progress->hide();
    connect(m_add, &QPushButton::clicked, this, &PhotoPicker::choose);
    connect(m_remove, &QPushButton::clicked, this, &PhotoPicker::removeSelected);
    connect(m_list, &QListWidget::currentRowChanged, this,
            [this](int row) { m_remove->setEnabled(row >= 0); });

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_hint);
    layout->addWidget(m_progress);
    retranslateUi();
}

bool PhotoPicker::addFile(const QString& path)
{
    const QString name = QFileInfo(path).fileName();
    if (m_photos.size() >= kMaxImages) {
        showProblem(tr("At most %1 photos per listing.").arg(kMaxImages));
        return false;
    }
    QFile file(path);
    if (file.size() > kMaxImageBytes) {
        showProblem(tr("%1 is larger than 5 MiB.").arg(name));
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        showProblem(tr("%1 cannot be read.").arg(name));
        return false;
    }
    const QByteArray bytes = file.readAll();
    const QString type = imageTypeOf(bytes);
    if (type.isEmpty()) {
        showProblem(tr("%1 is not a JPEG, PNG or WebP picture.").arg(name));
        return false;
    }
    m_photos.append(Photo{path, type, bytes});
    QPixmap pixmap;
    pixmap.loadFromData(bytes);
    auto* item = new QListWidgetItem(m_list);
    item->setIcon(pixmap.isNull() ? QIcon(":/icons/nav/selling.svg") : QIcon(pixmap));
    item->setToolTip(tr("%1 (%2)").arg(name, QLocale().formattedDataSize(bytes.size())));
    retranslateUi();
    return true;
}

void PhotoPicker::setUploadProgress(int index, qint64 sent, qint64 total)
{
    const int count = static_cast<int>(m_photos.size());
    if (count == 0)
        return;
    const double part = total > 0 ? static_cast<double>(sent) / static_cast<double>(total) : 0.0;
    m_progress->setValue(static_cast<int>((index + part) * 1000.0 / count));
    m_progress->setFormat(tr("Uploading photo %1 of %2… %p%").arg(index + 1).arg(count));
}

void PhotoPicker::setUploading(bool uploading)
{
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setVisible(uploading);
    m_add->setEnabled(!uploading);
    m_remove->setEnabled(!uploading && m_list->currentRow() >= 0);
}

void PhotoPicker::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void PhotoPicker::choose()
{
    const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Add photos"), pictures,
                                                            tr("Pictures (*.jpg *.jpeg *.png *.webp)"));
    for (const QString& file : files) {
        if (!addFile(file))
            break;
    }
}

void PhotoPicker::removeSelected()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_photos.size())
        return;
    m_photos.removeAt(row);
    delete m_list->takeItem(row);
    retranslateUi();
}

void PhotoPicker::retranslateUi()
{
    m_add->setText(tr("Add photos…"));
    m_remove->setText(tr("Remove"));
    m_hint->setText(m_photos.isEmpty()
                        ? tr("Up to %1 photos (JPEG, PNG or WebP, 5 MiB each). The first one is the "
                             "thumbnail.")
                              .arg(kMaxImages)
                        : tr("%1 of %2 photos chosen.").arg(m_photos.size()).arg(kMaxImages));
    m_hint->setProperty("problem", false);
}

void PhotoPicker::showProblem(const QString& text)
{
    m_hint->setText(text);
}

} // namespace nb::client
