#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QWidget>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace nb::client {

// The listing editor's photos: chosen from disk (JPEG, PNG or WebP, at most 5 MiB each, at most 8),
// shown as thumbnails, removable, and an upload progress bar while they are sent.
class PhotoPicker : public QWidget {
    Q_OBJECT

public:
    static constexpr int kMaxImages = 8;
    static constexpr qint64 kMaxImageBytes = 5 * 1024 * 1024;

    struct Photo {
        QString path;
        QString mimeType;
        QByteArray bytes;
    };

    explicit PhotoPicker(QWidget* parent = nullptr);

    // Adds a file; false with a reason shown when it cannot be used.
    bool addFile(const QString& path);
    const QList<Photo>& photos() const { return m_photos; }
    // Progress of the upload of photo index (0-based) of the whole set.
    void setUploadProgress(int index, qint64 sent, qint64 total);
    void setUploading(bool uploading);
    QProgressBar* progressBar() const { return m_progress; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void choose();
    void removeSelected();
    void retranslateUi();
    void showProblem(const QString& text);

    QListWidget* m_list = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    QLabel* m_hint = nullptr;
    QProgressBar* m_progress = nullptr;
    QList<Photo> m_photos;
};

} // namespace nb::client
