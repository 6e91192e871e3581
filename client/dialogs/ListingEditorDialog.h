#pragma once

#include "shared/protocol/Objects.h"

#include <QDialog>
#include <QHash>

#include <optional>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QSortFilterProxyModel;
class QSpinBox;

namespace nb::client {

class ClientSession;
class PhotoPicker;
class RegionPicker;

// The seller's listing editor: every NewAuction field (title, description, category, condition,
// shipping, national or local and where, start price, bid step, reserve, buy-now price, start and
// end, soft close) and the photos. "Publish" checks the listing with the protocol's own rules
// (ListingCheck) and points at the field at fault, then creates the auction and uploads the
// photos one by one with their progress.
class ListingEditorDialog : public QDialog {
    Q_OBJECT

public:
    explicit ListingEditorDialog(ClientSession& session, QWidget* parent = nullptr);

    // The listing as the form describes it; nullopt (and the problem shown) when a price is not a
    // number of won.
    std::optional<NewAuction> listing();
    PhotoPicker* photos() const { return m_photos; }
    QLabel* errorLabel() const { return m_error; }
    // Checks and sends (the Publish button).
    void publish();

signals:
    // The auction exists (photos uploaded, or told which failed).
    void published(qint64 auctionId);

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* createItemPart();
    QWidget* createPricePart();
    QWidget* createSchedulePart();
    void retranslateUi();
    void fillChoices();
    void showProblem(const QString& field, const QString& message);
    void setSending(bool sending);
    void uploadFrom(qint64 auctionId, int index);
    void finish(qint64 auctionId, const QString& problem);

    ClientSession& m_session;
    QSortFilterProxyModel* m_categories = nullptr;
    QHash<QString, QWidget*> m_fields; // wire name -> its editor
    QHash<QString, QLabel*> m_captions;

    QLineEdit* m_title = nullptr;
    QPlainTextEdit* m_description = nullptr;
    QComboBox* m_category = nullptr;
    QComboBox* m_condition = nullptr;
    QComboBox* m_shipping = nullptr;
    QRadioButton* m_national = nullptr;
    QRadioButton* m_local = nullptr;
    RegionPicker* m_region = nullptr;
    QLineEdit* m_startPrice = nullptr;
    QLineEdit* m_increment = nullptr;
    QLineEdit* m_reserve = nullptr;
    QLineEdit* m_buyNow = nullptr;
    QCheckBox* m_startLater = nullptr;
    QDateTimeEdit* m_startsAt = nullptr;
    QDateTimeEdit* m_endsAt = nullptr;
    QSpinBox* m_softClose = nullptr;
    QLabel* m_scopeCaption = nullptr;
    QLabel* m_itemTitle = nullptr;
    QLabel* m_priceTitle = nullptr;
    QLabel* m_scheduleTitle = nullptr;
    QLabel* m_photosTitle = nullptr;
    PhotoPicker* m_photos = nullptr;
    QLabel* m_error = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_publish = nullptr;
    bool m_sending = false;
};

} // namespace nb::client
