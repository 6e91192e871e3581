#include "server/console/DemoCatalog.h"

namespace nb::console::demo {

namespace {

constexpr qint64 kYeoksam = 1168010100;  // 서울 강남구 역삼동
constexpr qint64 kSamseong = 1168010500; // 서울 강남구 삼성동
constexpr qint64 kDaechi = 1168010600;   // 서울 강남구 대치동
constexpr qint64 kMangwon = 1144012300;  // 서울 마포구 망원동
constexpr qint64 kSeogyo = 1144012000;   // 서울 마포구 서교동
constexpr qint64 kU = 2635010500;        // 부산 해운대구 우동
constexpr qint64 kJwa = 2635010700;      // 부산 해운대구 좌동

constexpr int kHour = 60;
constexpr int kDay = 24 * kHour;

} // namespace

const std::vector<DemoUser>& users()
{
    static const std::vector<DemoUser> list = {
        {"alice", "앨리스", kYeoksam, "서울 강남구 역삼동", true},
        {"bob", "밥", kMangwon, "서울 마포구 망원동", true},
        {"carol", "캐럴", kU, "부산 해운대구 우동", true},
        {"dave", "데이브", kSamseong, "서울 강남구 삼성동", true},
        {kShopUsername, "이웃상점", kSeogyo, "서울 마포구 서교동", false},
    };
    return list;
}

const std::vector<DemoAuction>& auctions()
{
    using C = ItemCondition;
    static const std::vector<DemoAuction> list = {
        {"아이패드 에어 5세대 64GB 스페이스 그레이", "배터리 효율 92%, 케이스와 함께 사용해 흠집 없습니다.",
         "electronics", kSeogyo, true, C::LikeNew, 350'000, 520'000, 0, 3 * kDay},
        {"닌텐도 스위치 OLED 화이트 + 젤다 타이틀", "박스 포함 풀구성, 조이콘 쏠림 없음.", "electronics",
         kSeogyo, true, C::Good, 200'000, 0, 0, 10},
        {"이케아 원목 책상 120x60", "망원동 직거래만 가능합니다. 분해해 드려요.", "home", kMangwon, false,
         C::Good, 30'000, 0, 0, 2 * kHour},
        {"해리포터 전집 영문판 7권", "블룸즈버리 페이퍼백, 밑줄 없음.", "books", kSeogyo, true, C::Good,
         15'000, 0, 0, kDay},
        {"노스페이스 눕시 패딩 95 블랙", "한 시즌 착용, 드라이클리닝 완료.", "fashion", kYeoksam, false,
         C::LikeNew, 80'000, 150'000, 0, 6 * kHour},
        {"캠핑 의자 2개 세트", "해운대 우동에서 직거래, 수납 가방 포함.", "sports", kU, false, C::Good,
         25'000, 0, 0, 45},
        {"유아 원목 블록 놀이 세트", "100피스, 빠진 조각 없습니다.", "kids", kDaechi, false, C::Good, 12'000,
         0, 0, kDay + 4 * kHour},
        {"접이식 전기 자전거 (배터리 신품 교체)", "주행거리 약 1,200km, 충전기 포함.", "vehicles", kSeogyo,
         true, C::Fair, 450'000, 0, 0, 2 * kDay},
        {"캐논 AE-1 필름 카메라 + 50mm 렌즈", "셔터, 노출계 정상 작동 확인.", "art", kSeogyo, true, C::Good,
         120'000, 0, 0, 30},
        {"다이슨 무선 청소기 V10", "서교동 직거래, 헤드 3종 포함.", "home", kSeogyo, false, C::Good, 150'000,
         230'000, 0, 3 * kHour},
        {"보드게임 카탄 한국어판", "확장팩 포함, 카드 슬리브 씌움.", "hobby", kJwa, false, C::LikeNew, 20'000,
         0, 0, 12 * kHour},
        {"레고 스타워즈 밀레니엄 팔콘 (미개봉)", "75192 UCS, 박스 미개봉 새제품.", "hobby", kSeogyo, true,
         C::New, 600'000, 0, 5, 3 * kDay},
    };
    return list;
}

const std::vector<DemoBid>& bids()
{
    static const std::vector<DemoBid> list = {
        {0, "alice", 350'000, 0}, {0, "bob", 360'000, 0},   {1, "carol", 200'000, 260'000},
        {1, "dave", 230'000, 0},  {2, "bob", 30'000, 0},    {3, "dave", 15'000, 0},
        {5, "carol", 25'000, 0},  {7, "alice", 450'000, 0}, {8, "bob", 120'000, 0},
        {8, "alice", 125'000, 0},
    };
    return list;
}

} // namespace nb::console::demo
