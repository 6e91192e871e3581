#include "client/views/NeighbourhoodView.h"

#include "client/models/AuctionListModel.h"
#include "client/models/CategoryModel.h"
#include "client/models/ListingModel.h"
#include "client/models/MoneyFormat.h"
#include "client/models/RegionTreeModel.h"
#include "client/session/ClientSession.h"
#include "client/views/AuctionListDelegate.h"
#include "client/views/NoticeBanner.h"
#include "client/views/ViewSupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace nb::client {

namespace {

constexpr int kDebounceMs = 350;

// Marks a price field whose text is not an amount (the style sheet draws it in the warning colour).
std::optional<Won> readPrice(QLineEdit* field)
{
    const QString text = field->text().trimmed();
    const std::optional<Won> amount = text.isEmpty() ? std::nullopt : parseWon(text);
    const bool invalid = !text.isEmpty() && !amount;
    if (field->property("invalid").toBool() != invalid) {
        field->setProperty("invalid", invalid);
        field->style()->unpolish(field);
        field->style()->polish(field);
    }
    return amount;
}

} // namespace

NeighbourhoodView::NeighbourhoodView(ClientSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_regions(new QTreeView(this))
    , m_wholeCountry(new QPushButton(this))
    , m_regionsTitle(new QLabel(this))
    , m_title(new QLabel(this))
    , m_regionLabel(new QLabel(this))
    , m_stale(new NoticeBanner(NoticeBanner::Kind::Stale, this))
    , m_table(new QTableView(this))
    , m_empty(new QLabel(this))
{
    setObjectName("neighbourhoodView");
    m_title->setProperty("role", "viewTitle");
    m_regionLabel->setProperty("role", "viewSubtitle");
    m_regionsTitle->setProperty("role", "sectionTitle");
    m_empty->setProperty("role", "emptyState");
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_title);
    rightLayout->addWidget(m_regionLabel);
    rightLayout->addWidget(createFilters());
    rightLayout->addWidget(m_stale);
    rightLayout->addWidget(createTable(), 1);
    rightLayout->addWidget(m_empty, 1);
    rightLayout->addWidget(createPager());

    auto* splitter = new QSplitter(this);
    splitter->addWidget(createRegionPane());
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({fontMetrics().height() * 14, fontMetrics().height() * 50});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, [this] { goToPage(1); });
    retranslateUi();
    onPageChanged();
}

QWidget* NeighbourhoodView::createRegionPane()
{
    m_regions->setObjectName("regionTree");
    m_regions->setModel(m_session.regions());
    m_regions->header()->hide();
    m_regions->setUniformRowHeights(true);
    connect(m_regions, &QTreeView::clicked, this, [this](const QModelIndex& index) {
        m_regionChosen = true;
        setRegion(m_session.regions()->regionIdAt(index));
    });
    connect(m_wholeCountry, &QPushButton::clicked, this, [this] {
        m_regionChosen = true;
        setRegion(std::nullopt);
    });
    connect(m_session.regions(), &QAbstractItemModel::modelReset, this, [this] {
        selectRegionInTree();
        retranslateUi();
    });

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_regionsTitle);
    leftLayout->addWidget(m_wholeCountry);
    leftLayout->addWidget(m_regions, 1);
    return left;
}

QTableView* NeighbourhoodView::createTable()
{
    m_table->setModel(m_session.listings());
    m_table->setItemDelegate(new AuctionListDelegate(m_table));
    setUpAuctionTable(m_table);
    m_table->setSortingEnabled(false); // the server sorts: the sort box chooses how
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        const qint64 id = index.data(AuctionListModel::AuctionIdRole).toLongLong();
        if (id > 0)
            emit openAuction(id);
    });
    connect(m_session.listings(), &ListingModel::pageChanged, this, &NeighbourhoodView::onPageChanged);
    return m_table;
}

QWidget* NeighbourhoodView::createFilters()
{
    auto* box = new QWidget(this);
    m_search = new QLineEdit(box);
    m_search->setObjectName("listingSearch");
    m_search->setClearButtonEnabled(true);
    m_category = new QComboBox(box);
    m_category->setObjectName("listingCategory");
    m_session.categories()->setIncludeAll(true);
    m_category->setModel(m_session.categories());
    m_sort = new QComboBox(box);
    m_sort->setObjectName("listingSort");
    m_minPrice = new QLineEdit(box);
    m_minPrice->setObjectName("listingMinPrice");
    m_maxPrice = new QLineEdit(box);
    m_maxPrice->setObjectName("listingMaxPrice");
    m_priceDash = new QLabel(QStringLiteral("–"), box);
    m_includeNational = new QCheckBox(box);
    m_includeNational->setObjectName("listingIncludeNational");
    m_refresh = new QToolButton(box);
    m_refresh->setObjectName("listingRefresh");
    m_refresh->setIcon(QIcon(":/icons/nav/refresh.svg"));
    m_refresh->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_updated = new QLabel(box);
    m_updated->setProperty("role", "hint");

    const int em = fontMetrics().horizontalAdvance('M');
    m_minPrice->setMaximumWidth(em * 9);
    m_maxPrice->setMaximumWidth(em * 9);
    for (QLineEdit* edit : {m_search, m_minPrice, m_maxPrice})
        connect(edit, &QLineEdit::textChanged, this, &NeighbourhoodView::filtersChanged);
    connect(m_category, &QComboBox::currentIndexChanged, this, [this] { goToPage(1); });
    connect(m_sort, &QComboBox::currentIndexChanged, this, [this] { goToPage(1); });
    connect(m_includeNational, &QCheckBox::toggled, this, [this] { goToPage(1); });
    connect(m_refresh, &QToolButton::clicked, this, &NeighbourhoodView::refresh);

    auto* first = new QHBoxLayout;
    first->addWidget(m_search, 2);
    first->addWidget(m_category, 1);
    first->addWidget(m_sort, 1);
    auto* second = new QHBoxLayout;
    second->addWidget(m_minPrice);
    second->addWidget(m_priceDash);
    second->addWidget(m_maxPrice);
    second->addSpacing(em);
    second->addWidget(m_includeNational);
    second->addStretch(1);
    second->addWidget(m_updated);
    second->addWidget(m_refresh);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 4, 0, 4);
    layout->addLayout(first);
    layout->addLayout(second);
    return box;
}

QWidget* NeighbourhoodView::createPager()
{
    auto* pager = new QWidget(this);
    m_previous = new QPushButton(pager);
    m_previous->setObjectName("listingPrevious");
    m_next = new QPushButton(pager);
    m_next->setObjectName("listingNext");
    m_pageLabel = new QLabel(pager);
    m_pageLabel->setObjectName("listingPageLabel");
    connect(m_previous, &QPushButton::clicked, this, [this] { goToPage(m_page - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { goToPage(m_page + 1); });
    auto* layout = new QHBoxLayout(pager);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addStretch(1);
    layout->addWidget(m_previous);
    layout->addWidget(m_pageLabel);
    layout->addWidget(m_next);
    layout->addStretch(1);
    return pager;
}

void NeighbourhoodView::setHomeRegion(std::optional<qint64> regionId)
{
    if (m_regionChosen)
        return;
    setRegion(regionId);
}

void NeighbourhoodView::setRegion(std::optional<qint64> regionId)
{
    m_regionId = regionId;
    selectRegionInTree();
    retranslateUi();
    goToPage(1);
}

ListingQuery NeighbourhoodView::query() const
{
    ListingQuery query;
    query.scope = m_includeNational->isChecked() ? ListingQuery::Scope::All : ListingQuery::Scope::Local;
    query.regionId = m_regionId;
    query.category = m_category->currentData(CategoryModel::SlugRole).toString();
    query.text = m_search->text().trimmed();
    query.minPrice = readPrice(m_minPrice);
    query.maxPrice = readPrice(m_maxPrice);
    query.sort = static_cast<ListingQuery::Sort>(m_sort->currentData().toInt());
    query.page = m_page;
    return query;
}

void NeighbourhoodView::refresh()
{
    m_loadedOnce = true;
    m_session.refreshListings(query());
}

void NeighbourhoodView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void NeighbourhoodView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_loadedOnce)
        refresh();
}

void NeighbourhoodView::retranslateUi()
{
    m_title->setText(tr("Neighbourhood"));
    m_regionsTitle->setText(tr("Regions"));
    m_wholeCountry->setText(tr("Whole country"));
    m_wholeCountry->setToolTip(tr("Show listings from every region."));
    m_regionLabel->setText(
        m_regionId
            ? tr("Listings in %1 and the places within it").arg(m_session.regions()->pathOf(*m_regionId))
            : tr("Listings from the whole country"));
    m_search->setPlaceholderText(tr("Search titles…"));
    m_minPrice->setPlaceholderText(tr("Min price"));
    m_maxPrice->setPlaceholderText(tr("Max price"));
    m_minPrice->setToolTip(tr("Lowest current price, in won (e.g. 10,000)."));
    m_maxPrice->setToolTip(tr("Highest current price, in won."));
    m_includeNational->setText(tr("Include national auctions"));
    m_refresh->setText(tr("Refresh"));
    m_refresh->setToolTip(tr("Fetch the listings again now (they also refresh every minute)."));
    m_previous->setText(tr("‹ Previous"));
    m_next->setText(tr("Next ›"));

    const QSignalBlocker blocker(m_sort);
    const int sort = m_sort->currentIndex();
    m_sort->clear();
    m_sort->addItem(tr("Ending soonest"), static_cast<int>(ListingQuery::Sort::Ending));
    m_sort->addItem(tr("Newest first"), static_cast<int>(ListingQuery::Sort::Newest));
    m_sort->addItem(tr("Price: low to high"), static_cast<int>(ListingQuery::Sort::PriceAsc));
    m_sort->addItem(tr("Price: high to low"), static_cast<int>(ListingQuery::Sort::PriceDesc));
    m_sort->setCurrentIndex(sort < 0 ? 0 : sort);
    onPageChanged();
}

void NeighbourhoodView::filtersChanged()
{
    m_debounce.start();
}

void NeighbourhoodView::goToPage(int page)
{
    m_page = std::max(1, page);
    m_debounce.stop();
    if (isVisible() || m_loadedOnce)
        refresh();
}

void NeighbourhoodView::onPageChanged()
{
    const ListingModel* listings = m_session.listings();
    m_page = listings->page();
    m_pageLabel->setText(tr("Page %1 of %2 · %n listing(s)", nullptr, static_cast<int>(listings->total()))
                             .arg(listings->page())
                             .arg(listings->pageCount()));
    m_previous->setEnabled(listings->page() > 1);
    m_next->setEnabled(listings->page() < listings->pageCount());
    const bool empty = listings->rowCount() == 0;
    m_empty->setText(listings->isStale() ? tr("Nothing was saved for these filters while online.")
                                         : tr("No listing matches these filters yet."));
    m_empty->setVisible(empty && m_loadedOnce);
    m_table->setVisible(!empty || !m_loadedOnce);
    updateBanner();
}

void NeighbourhoodView::updateBanner()
{
    const ListingModel* listings = m_session.listings();
    const QString at = formatLocalTime(listings->fetchedAt());
    m_updated->setText(at.isEmpty() ? QString() : tr("Updated %1").arg(at));
    if (!listings->isStale()) {
        m_stale->hide();
        return;
    }
    m_stale->showNotice(listings->fetchedAt().isValid()
                            ? tr("Stale — offline. Showing the listings as fetched at %1; they refresh "
                                 "when the connection is back.")
                                  .arg(formatLocalDateTime(listings->fetchedAt()))
                            : tr("Stale — offline. The server cannot be reached."));
}

void NeighbourhoodView::selectRegionInTree()
{
    if (!m_regionId) {
        m_regions->clearSelection();
        m_regions->setCurrentIndex(QModelIndex());
        return;
    }
    const QModelIndex index = m_session.regions()->indexOf(*m_regionId);
    if (!index.isValid())
        return;
    m_regions->setCurrentIndex(index);
    m_regions->scrollTo(index);
}

} // namespace nb::client
