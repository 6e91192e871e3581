#pragma once

#include <QHash>
#include <QPixmap>
#include <QStringList>
#include <QWidget>

class QLabel;
class QListWidget;

namespace nb::client {

class ApiClient;

// An auction's photos: one large picture and a strip of thumbnails to choose it. Images are
// fetched from the server by the URLs the auction lists.
class ImageGallery : public QWidget {
    Q_OBJECT

public:
    ImageGallery(ApiClient& api, QWidget* parent = nullptr);

    void setImages(const QStringList& urls);
    int loadedCount() const { return static_cast<int>(m_pixmaps.size()); }

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void show(int index);
    void showLarge();
    void retranslateUi();

    ApiClient& m_api;
    QLabel* m_large = nullptr;
    QListWidget* m_thumbnails = nullptr;
    QStringList m_urls;
    QHash<int, QPixmap> m_pixmaps;
    int m_current = 0;
};

} // namespace nb::client
