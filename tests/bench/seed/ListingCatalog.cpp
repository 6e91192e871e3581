#include "tests/bench/seed/ListingCatalog.h"

#include <array>
#include <cmath>

namespace nb::bench {

namespace {

// Words people search for, per category slug; the titles mix English and Korean like the
// product's users do.
struct CategoryWords {
    const char* slug;
    std::array<const char*, 8> items;
};

const std::array<CategoryWords, 10> kWords{{
    {"electronics",
     {"iPhone 13 mini", "Galaxy S23", "LG gram laptop", "Sony headphones", "iPad Air", "Canon camera",
      "아이패드 미니", "삼성 모니터"}},
    {"fashion",
     {"leather jacket", "Nike sneakers", "wool coat", "canvas tote bag", "silk scarf", "denim jeans",
      "가죽 지갑", "패딩 점퍼"}},
    {"home",
     {"oak dining table", "desk lamp", "sofa bed", "bookshelf", "rice cooker", "air purifier", "원목 책상",
      "전기 포트"}},
    {"books",
     {"Harry Potter set", "cookbook", "Korean textbook", "comic collection", "poetry book", "atlas",
      "소설 전집", "영어 원서"}},
    {"sports",
     {"road bicycle", "camping tent", "yoga mat", "golf clubs", "tennis racket", "hiking boots",
      "자전거 헬멧", "캠핑 의자"}},
    {"kids",
     {"baby stroller", "LEGO set", "car seat", "wooden toys", "kids bicycle", "picture books", "유모차",
      "아기 침대"}},
    {"hobby",
     {"Nintendo Switch", "board game", "film camera", "guitar", "model kit", "drone", "피아노 키보드",
      "퍼즐 1000피스"}},
    {"vehicles",
     {"electric scooter", "motorbike helmet", "roof box", "car vacuum", "dash cam", "tyres set",
      "전동 킥보드", "블랙박스"}},
    {"art",
     {"oil painting", "vintage poster", "ceramic vase", "stamp collection", "signed print", "antique clock",
      "도자기 화병", "수채화"}},
    {"other",
     {"moving sale bundle", "gift card set", "plant pots", "office chair", "sewing machine", "tool kit",
      "화분 세트", "사무용 의자"}},
}};

const std::array<const char*, 12> kAdjectives{"Vintage", "Like-new",    "Barely used", "Classic",
                                              "Compact", "Large",       "Rare",        "Handmade",
                                              "Boxed",   "새상품 급처", "정품",        "깨끗한"};

const std::array<const char*, 6> kColours{"black", "white", "blue", "red", "grey", "green"};

constexpr std::array<ItemCondition, 5> kConditions{ItemCondition::New, ItemCondition::LikeNew,
                                                   ItemCondition::Good, ItemCondition::Fair,
                                                   ItemCondition::Poor};

const char* const* itemsFor(const QString& slug)
{
    for (const auto& words : kWords) {
        if (slug == QLatin1String(words.slug))
            return words.items.data();
    }
    return kWords.back().items.data();
}

} // namespace

ListingCatalog::ListingCatalog(const ReferenceData& reference, QDateTime now)
    : m_reference(reference)
    , m_now(std::move(now))
{}

NewAuction ListingCatalog::bidAuction(int n, qint64 regionId) const
{
    NewAuction spec;
    spec.title = QStringLiteral("Bench lot %1: estate sale box").arg(n);
    spec.description = QStringLiteral("An auction of the bid benchmarks.");
    spec.category = m_reference.categories.at(n % m_reference.categories.size());
    spec.regionId = regionId;
    spec.condition = ItemCondition::Good;
    spec.shippingPayer = ShippingPayer::Buyer;
    spec.isNational = true;
    spec.startPrice = kBidStartPrice;
    spec.endsAt = m_now.addSecs(kBidAuctionHours * 3600);
    return spec;
}

NewAuction ListingCatalog::nextListing(int n)
{
    NewAuction spec;
    spec.category = m_reference.categories.at(
        static_cast<qsizetype>(pick(static_cast<std::size_t>(m_reference.categories.size()))));
    const char* item = itemsFor(spec.category)[pick(8)];
    spec.title = QStringLiteral("%1 %2").arg(QString::fromUtf8(kAdjectives[pick(kAdjectives.size())]),
                                             QString::fromUtf8(item));
    if (pick(3) == 0)
        spec.title += QStringLiteral(" (%1)").arg(QLatin1String(kColours[pick(kColours.size())]));
    spec.description = QStringLiteral("Listing %1 of the benchmark catalogue: %2. Pick up nearby or "
                                      "ask for shipping.")
                           .arg(n)
                           .arg(spec.title);
    // Three in five listings name a neighbourhood, the rest a whole district.
    const bool neighbourhood = pick(5) < 3;
    const auto& regions = neighbourhood ? m_reference.neighbourhoods : m_reference.districts;
    spec.regionId = regions.at(pick(regions.size()));
    spec.condition = kConditions[pick(kConditions.size())];
    spec.isNational = pick(10) < 3;
    spec.shippingPayer = pick(2) == 0 ? ShippingPayer::Buyer : ShippingPayer::Seller;
    // Log-uniform between 1,000 and 3,000,000 won: many cheap items, a few dear ones.
    std::uniform_real_distribution<double> logPrice(std::log(1'000.0), std::log(3'000'000.0));
    spec.startPrice = roundedPrice(std::exp(logPrice(m_random)));
    if (pick(5) == 0)
        spec.buyNowPrice = roundedPrice(static_cast<double>(spec.startPrice) * 2.0);
    else if (pick(10) == 0)
        spec.reservePrice = roundedPrice(static_cast<double>(spec.startPrice) * 1.5);
    std::uniform_int_distribution<qint64> endsIn(30 * 60, 7 * 24 * 3600);
    spec.endsAt = m_now.addSecs(endsIn(m_random));
    return spec;
}

qint64 ListingCatalog::randomNeighbourhood()
{
    const auto& regions = m_reference.neighbourhoods;
    return regions.at(pick(regions.size()));
}

std::size_t ListingCatalog::pick(std::size_t size)
{
    return std::uniform_int_distribution<std::size_t>(0, size - 1)(m_random);
}

Won ListingCatalog::roundedPrice(double won) const
{
    const double step = won < 100'000 ? 100.0 : 1'000.0;
    return static_cast<Won>(std::max(step, std::round(won / step) * step));
}

} // namespace nb::bench
