#pragma once

#include <QWidget>

#include <optional>

class QPushButton;

namespace nb::client {

class RegionTreeModel;

// A field that holds one region (시/도 > 시/군/구 > 읍/면/동): a button showing the chosen region's
// path which opens the region tree to choose another. Registration and the listing editor use it.
class RegionPicker : public QWidget {
    Q_OBJECT

public:
    explicit RegionPicker(RegionTreeModel* regions, QWidget* parent = nullptr);

    std::optional<qint64> regionId() const { return m_regionId; }
    void setRegionId(std::optional<qint64> regionId);
    // What the button says while no region is chosen ("Choose a region…" by default).
    void setPlaceholder(const QString& text);

signals:
    void regionChanged(std::optional<qint64> regionId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void choose();
    void refresh();

    RegionTreeModel* m_regions = nullptr;
    QPushButton* m_button = nullptr;
    std::optional<qint64> m_regionId;
    QString m_placeholder;
};

} // namespace nb::client
