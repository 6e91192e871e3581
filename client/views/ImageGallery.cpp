#include "client/views/ImageGallery.h"

#include "client/net/ApiClient.h"

#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace nb::client {

ImageGallery::ImageGallery(ApiClient& api, QWidget* parent)
    : QWidget(parent)
    , m_api(api)
    , m_large(new QLabel(this))
    , m_thumbnails(new QListWidget(this))
{
    setObjectName("imageGallery");
    m_large->setObjectName("largeImage");
    m_large->setAlignment(Qt::AlignCenter);
    m_large->setMinimumSize(fontMetrics().height() * 12, fontMetrics().height() * 4);
    // Ignored: the scaled picture must not push the layout, or every resize would grow it.
    m_large->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    const int thumb = fontMetrics().height() * 4;
    m_thumbnails->setViewMode(QListView::IconMode);
    m_thumbnails->setFlow(QListView::LeftToRight);
    m_thumbnails->setWrapping(false);
    m_thumbnails->setIconSize(QSize(thumb, thumb));
    m_thumbnails->setFixedHeight(thumb + fontMetrics().height() * 2);
    m_thumbnails->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_thumbnails->setMovement(QListView::Static);
    m_thumbnails->hide();
    connect(m_thumbnails, &QListWidget::currentRowChanged, this, &ImageGallery::show);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_large, 1);
    layout->addWidget(m_thumbnails);
    retranslateUi();
}

void ImageGallery::setImages(const QStringList& urls)
{
    if (urls == m_urls)
        return;
    m_urls = urls;
    m_pixmaps.clear();
    m_thumbnails->clear();
    m_current = 0;
    m_thumbnails->setVisible(urls.size() > 1);
    for (int i = 0; i < urls.size(); ++i) {
        auto* item = new QListWidgetItem(m_thumbnails);
        item->setToolTip(tr("Photo %1 of %2").arg(i + 1).arg(urls.size()));
        m_api.downloadImage(urls.at(i))
            ->onSuccess(this, [this, i, url = urls.at(i)](const QByteArray& bytes) {
                if (i >= m_urls.size() || m_urls.at(i) != url)
                    return; // another auction's images replaced these
                QPixmap pixmap;
                if (!pixmap.loadFromData(bytes))
                    return;
                m_pixmaps.insert(i, pixmap);
                if (QListWidgetItem* entry = m_thumbnails->item(i))
                    entry->setIcon(QIcon(pixmap));
                if (i == m_current)
                    showLarge();
            });
    }
    showLarge();
}

void ImageGallery::show(int index)
{
    if (index < 0)
        return;
    m_current = index;
    showLarge();
}

void ImageGallery::showLarge()
{
    // Without photos a small placeholder is enough; with them the picture takes the room.
    const int em = fontMetrics().height();
    m_large->setMaximumHeight(m_urls.isEmpty() ? em * 4 : QWIDGETSIZE_MAX);
    setMinimumHeight(m_urls.isEmpty() ? 0 : em * 16);
    if (m_urls.isEmpty()) {
        m_large->setPixmap(QPixmap());
        m_large->setText(tr("No photos"));
        return;
    }
    const QPixmap pixmap = m_pixmaps.value(m_current);
    if (pixmap.isNull()) {
        m_large->setPixmap(QPixmap());
        m_large->setText(tr("Loading photo…"));
        return;
    }
    const qreal ratio = devicePixelRatioF();
    QPixmap scaled = pixmap.scaled(m_large->size() * ratio, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    scaled.setDevicePixelRatio(ratio);
    m_large->setPixmap(scaled);
}

void ImageGallery::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ImageGallery::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    showLarge();
}

void ImageGallery::retranslateUi()
{
    showLarge();
}

} // namespace nb::client
