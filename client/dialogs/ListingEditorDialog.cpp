#include "client/dialogs/ListingEditorDialog.h"

#include "client/dialogs/ListingCheck.h"
#include "client/dialogs/PhotoPicker.h"
#include "client/models/CategoryModel.h"
#include "client/models/DisplayNames.h"
#include "client/models/MoneyFormat.h"
#include "client/net/ApiClient.h"
#include "client/session/ClientSession.h"
#include "client/views/RegionPicker.h"
#include "client/views/ViewSupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>

namespace nb::client {

namespace {

constexpr int kDefaultDays = 7;
constexpr int kDefaultSoftCloseSeconds = 60;

QFormLayout* newForm()
{
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    return form;
}

void markInvalid(QWidget* widget, bool invalid)
{
    if (!widget || widget->property("invalid").toBool() == invalid)
        return;
    widget->setProperty("invalid", invalid);
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
}

} // namespace

ListingEditorDialog::ListingEditorDialog(ClientSession& session, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_categories(new QSortFilterProxyModel(this))
    , m_itemTitle(new QLabel(this))
    , m_priceTitle(new QLabel(this))
    , m_scheduleTitle(new QLabel(this))
    , m_photosTitle(new QLabel(this))
    , m_photos(new PhotoPicker(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(this))
{
    setObjectName("listingEditor");
    for (QLabel* title : {m_itemTitle, m_priceTitle, m_scheduleTitle, m_photosTitle})
        title->setProperty("role", "sectionTitle");
    m_error->setObjectName("listingError");
    m_error->setProperty("role", "error");
    m_error->setWordWrap(true);
    m_error->hide();
    // The shared category list may carry "All categories" for the filters; a listing needs a real one.
    m_categories->setSourceModel(session.categories());
    m_categories->setFilterRole(CategoryModel::SlugRole);
    m_categories->setFilterRegularExpression(QStringLiteral(".+"));

    m_publish = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_publish->setObjectName("publishButton");
    setStyleRole(m_publish, "primaryButton");
    m_buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_publish, &QPushButton::clicked, this, &ListingEditorDialog::publish);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* left = new QVBoxLayout;
    left->addWidget(m_itemTitle);
    left->addWidget(createItemPart(), 1);
    auto* right = new QVBoxLayout;
    right->addWidget(m_priceTitle);
    right->addWidget(createPricePart());
    right->addWidget(m_scheduleTitle);
    right->addWidget(createSchedulePart());
    right->addWidget(m_photosTitle);
    right->addWidget(m_photos, 1);
    auto* columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addSpacing(16);
    columns->addLayout(right, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    const int em = fontMetrics().height();
    resize(em * 52, em * 38);
    retranslateUi();
}

QWidget* ListingEditorDialog::createItemPart()
{
    auto* part = new QWidget(this);
    m_title = new QLineEdit(part);
    m_title->setMaxLength(200); // the check names the real limit; typing past it is refused there
    m_description = new QPlainTextEdit(part);
    m_category = new QComboBox(part);
    m_category->setModel(m_categories);
    m_condition = new QComboBox(part);
    m_shipping = new QComboBox(part);
    m_national = new QRadioButton(part);
    m_local = new QRadioButton(part);
    m_local->setChecked(true);
    m_region = new RegionPicker(m_session.regions(), part);
    if (const std::optional<User> user = m_session.user())
        m_region->setRegionId(user->regionId);
    auto* scope = new QHBoxLayout;
    scope->addWidget(m_local);
    scope->addWidget(m_national);
    scope->addStretch(1);

    auto* form = newForm();
    const QList<QPair<QString, QWidget*>> rows{{"title", m_title},         {"category", m_category},
                                               {"condition", m_condition}, {"shipping_payer", m_shipping},
                                               {"region_id", m_region},    {"description", m_description}};
    for (const auto& [field, editor] : rows) {
        editor->setObjectName("listing_" + field);
        auto* caption = new QLabel(part);
        m_captions.insert(field, caption);
        m_fields.insert(field, editor);
        form->addRow(caption, editor);
        if (field == "shipping_payer") {
            m_scopeCaption = new QLabel(part);
            form->addRow(m_scopeCaption, scope);
        }
    }
    m_national->setObjectName("listing_national");
    auto* layout = new QVBoxLayout(part);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    return part;
}

QWidget* ListingEditorDialog::createPricePart()
{
    auto* part = new QWidget(this);
    m_startPrice = new QLineEdit(part);
    m_increment = new QLineEdit(part);
    m_reserve = new QLineEdit(part);
    m_buyNow = new QLineEdit(part);
    auto* form = newForm();
    form->setContentsMargins(0, 0, 0, 0);
    const QList<QPair<QString, QLineEdit*>> rows{{"start_price", m_startPrice},
                                                 {"bid_increment", m_increment},
                                                 {"reserve_price", m_reserve},
                                                 {"buy_now_price", m_buyNow}};
    for (const auto& [field, editor] : rows) {
        editor->setObjectName("listing_" + field);
        auto* caption = new QLabel(part);
        m_captions.insert(field, caption);
        m_fields.insert(field, editor);
        form->addRow(caption, editor);
    }
    part->setLayout(form);
    return part;
}

QWidget* ListingEditorDialog::createSchedulePart()
{
    auto* part = new QWidget(this);
    const QDateTime now = QDateTime::currentDateTime();
    const QDateTime hour(now.date(), QTime(now.time().hour(), 0));
    m_startLater = new QCheckBox(part);
    m_startsAt = new QDateTimeEdit(hour.addSecs(3600), part);
    m_startsAt->setCalendarPopup(true);
    m_startsAt->setEnabled(false);
    m_endsAt = new QDateTimeEdit(hour.addDays(kDefaultDays), part);
    m_endsAt->setCalendarPopup(true);
    m_softClose = new QSpinBox(part);
    m_softClose->setRange(0, 3600);
    m_softClose->setSingleStep(30);
    m_softClose->setValue(kDefaultSoftCloseSeconds);
    connect(m_startLater, &QCheckBox::toggled, m_startsAt, &QWidget::setEnabled);
    auto* start = new QHBoxLayout;
    start->addWidget(m_startLater);
    start->addWidget(m_startsAt, 1);
    auto* form = newForm();
    form->setContentsMargins(0, 0, 0, 0);
    auto* startCaption = new QLabel(part);
    auto* endCaption = new QLabel(part);
    auto* softCaption = new QLabel(part);
    m_captions.insert("starts_at", startCaption);
    m_captions.insert("ends_at", endCaption);
    m_captions.insert("soft_close_seconds", softCaption);
    m_fields.insert("starts_at", m_startsAt);
    m_fields.insert("ends_at", m_endsAt);
    m_fields.insert("soft_close_seconds", m_softClose);
    m_endsAt->setObjectName("listing_ends_at");
    form->addRow(startCaption, start);
    form->addRow(endCaption, m_endsAt);
    form->addRow(softCaption, m_softClose);
    part->setLayout(form);
    return part;
}

void ListingEditorDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void ListingEditorDialog::retranslateUi()
{
    setWindowTitle(tr("New listing"));
    m_itemTitle->setText(tr("The item"));
    m_priceTitle->setText(tr("Prices (won)"));
    m_scheduleTitle->setText(tr("Schedule"));
    m_photosTitle->setText(tr("Photos"));
    m_captions.value("title")->setText(tr("Title"));
    m_captions.value("category")->setText(tr("Category"));
    m_captions.value("condition")->setText(tr("Condition"));
    m_captions.value("shipping_payer")->setText(tr("Shipping"));
    m_scopeCaption->setText(tr("Audience"));
    m_local->setText(tr("Neighbourhood"));
    m_national->setText(tr("Nationwide (live)"));
    m_captions.value("region_id")->setText(tr("Location"));
    m_captions.value("description")->setText(tr("Description"));
    m_description->setPlaceholderText(tr("What it is, its state, how it can be picked up or sent…"));
    m_captions.value("start_price")->setText(tr("Start price"));
    m_captions.value("bid_increment")->setText(tr("Bid step"));
    m_increment->setPlaceholderText(tr("Standard steps"));
    m_captions.value("reserve_price")->setText(tr("Reserve price"));
    m_reserve->setPlaceholderText(tr("None (hidden from bidders)"));
    m_captions.value("buy_now_price")->setText(tr("Buy-now price"));
    m_buyNow->setPlaceholderText(tr("None"));
    m_captions.value("starts_at")->setText(tr("Start"));
    m_startLater->setText(tr("Later:"));
    m_startLater->setToolTip(tr("Unticked, the auction starts as soon as it is published."));
    m_captions.value("ends_at")->setText(tr("End"));
    m_captions.value("soft_close_seconds")->setText(tr("Soft close"));
    m_softClose->setSuffix(tr(" s"));
    m_softClose->setToolTip(tr("A bid in the last seconds extends the end by this much; 0 turns it off."));
    m_publish->setText(tr("Publish"));
    fillChoices();
}

void ListingEditorDialog::fillChoices()
{
    const QSignalBlocker conditionBlocker(m_condition);
    const QSignalBlocker shippingBlocker(m_shipping);
    const int condition = m_condition->currentIndex();
    const int shipping = m_shipping->currentIndex();
    m_condition->clear();
    for (ItemCondition c : {ItemCondition::New, ItemCondition::LikeNew, ItemCondition::Good,
                            ItemCondition::Fair, ItemCondition::Poor})
        m_condition->addItem(DisplayNames::condition(c), static_cast<int>(c));
    m_condition->setCurrentIndex(condition < 0 ? 2 : condition);
    m_shipping->clear();
    for (ShippingPayer p : {ShippingPayer::Buyer, ShippingPayer::Seller})
        m_shipping->addItem(DisplayNames::shippingPayer(p), static_cast<int>(p));
    m_shipping->setCurrentIndex(shipping < 0 ? 0 : shipping);
}

std::optional<NewAuction> ListingEditorDialog::listing()
{
    NewAuction spec;
    spec.title = m_title->text().trimmed();
    spec.description = m_description->toPlainText().trimmed();
    spec.category = m_category->currentData(CategoryModel::SlugRole).toString();
    spec.regionId = m_region->regionId();
    spec.condition = static_cast<ItemCondition>(m_condition->currentData().toInt());
    spec.shippingPayer = static_cast<ShippingPayer>(m_shipping->currentData().toInt());
    spec.isNational = m_national->isChecked();
    const QList<QPair<QString, QLineEdit*>> prices{{"start_price", m_startPrice},
                                                   {"bid_increment", m_increment},
                                                   {"reserve_price", m_reserve},
                                                   {"buy_now_price", m_buyNow}};
    QHash<QString, std::optional<Won>> amounts;
    for (const auto& [field, edit] : prices) {
        const QString text = edit->text().trimmed();
        const std::optional<Won> amount = text.isEmpty() ? std::nullopt : parseWon(text);
        if (!text.isEmpty() && !amount) {
            showProblem(field, tr("Enter a whole number of won, e.g. 50,000."));
            return std::nullopt;
        }
        amounts.insert(field, amount);
    }
    spec.startPrice = amounts.value("start_price").value_or(0);
    spec.bidIncrement = amounts.value("bid_increment");
    spec.reservePrice = amounts.value("reserve_price");
    spec.buyNowPrice = amounts.value("buy_now_price");
    if (m_startLater->isChecked())
        spec.startsAt = m_startsAt->dateTime().toUTC();
    spec.endsAt = m_endsAt->dateTime().toUTC();
    spec.softCloseSeconds = m_softClose->value();
    return spec;
}

void ListingEditorDialog::publish()
{
    if (m_sending)
        return;
    for (QWidget* field : std::as_const(m_fields))
        markInvalid(field, false);
    m_error->hide();
    const std::optional<NewAuction> spec = listing();
    if (!spec)
        return;
    if (const std::optional<ListingCheck::Problem> problem = ListingCheck::check(*spec)) {
        showProblem(problem->field, problem->message);
        return;
    }
    setSending(true);
    m_session.api()
        .createAuction(*spec)
        ->onSuccess(this, [this](const AuctionDetail& created) { uploadFrom(created.summary.id, 0); })
        ->onFailure(this, [this](const ApiError& error) {
            setSending(false);
            showProblem(error.details.value("field").toString(), error.message);
        });
}

void ListingEditorDialog::uploadFrom(qint64 auctionId, int index)
{
    const QList<PhotoPicker::Photo>& photos = m_photos->photos();
    if (index >= photos.size()) {
        finish(auctionId, QString());
        return;
    }
    const PhotoPicker::Photo& photo = photos.at(index);
    auto* call = m_session.api().uploadImage(auctionId, photo.bytes, photo.mimeType);
    connect(call, &ApiReply::uploadProgress, this,
            [this, index](qint64 sent, qint64 total) { m_photos->setUploadProgress(index, sent, total); });
    call->onSuccess(this, [this, auctionId, index](const ImageRef&) { uploadFrom(auctionId, index + 1); })
        ->onFailure(this, [this, auctionId, index](const ApiError& error) {
            finish(auctionId, tr("The listing is published, but photo %1 could not be uploaded: %2")
                                  .arg(index + 1)
                                  .arg(error.message));
        });
}

void ListingEditorDialog::finish(qint64 auctionId, const QString& problem)
{
    setSending(false);
    emit published(auctionId);
    if (problem.isEmpty()) {
        accept();
        return;
    }
    // Published already: publishing again would list the item twice.
    m_publish->hide();
    m_error->setText(problem);
    m_error->show();
}

void ListingEditorDialog::showProblem(const QString& field, const QString& message)
{
    m_error->setText(message);
    m_error->show();
    if (QWidget* editor = m_fields.value(field)) {
        markInvalid(editor, true);
        editor->setFocus();
    }
}

void ListingEditorDialog::setSending(bool sending)
{
    m_sending = sending;
    m_publish->setEnabled(!sending);
    m_publish->setText(sending ? tr("Publishing…") : tr("Publish"));
    m_photos->setUploading(sending && !m_photos->photos().isEmpty());
}

} // namespace nb::client
