#pragma once

#include "shared/protocol/Objects.h"

#include <QScrollArea>

class QFormLayout;
class QLabel;

namespace nb::client {

class ApiClient;
class ImageGallery;

// The left column of an auction's page: its photos, what the item is (seller and reputation,
// condition, shipping, location, bid step) and its description. Scrolls on small screens.
class AuctionInfoPanel : public QScrollArea {
    Q_OBJECT

public:
    explicit AuctionInfoPanel(ApiClient& api, QWidget* parent = nullptr);

    void setAuction(const nb::AuctionDetail& auction);
    ImageGallery* gallery() const { return m_gallery; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void refresh();

    std::optional<AuctionDetail> m_auction;
    ImageGallery* m_gallery = nullptr;
    QLabel* m_descriptionCaption = nullptr;
    QLabel* m_description = nullptr;
    QLabel* m_factsCaption = nullptr;
    QFormLayout* m_facts = nullptr;
    QLabel* m_condition = nullptr;
    QLabel* m_shipping = nullptr;
    QLabel* m_seller = nullptr;
    QLabel* m_place = nullptr;
    QLabel* m_increment = nullptr;
};

} // namespace nb::client
