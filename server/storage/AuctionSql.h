#pragma once

// SQL fragments of an auction summary, shared by the prepared statements (PreparedStatements.cpp)
// and the listing search that composes its WHERE and ORDER BY at run time (ListingStore.cpp), so
// that every summary is read by one SELECT list and one reader (auctions::summaryFromRow).
// Macros, not constants: the prepared statement list concatenates them as string literals.

// What a summary shows, with the seller's name and reputation, the category, the region and the
// first image (for the thumbnail). Reads the auction as `a`.
#define NB_AUCTION_SUMMARY_SELECT                                                                            \
    "SELECT a.id, a.title, a.seller_id, s.display_name AS seller_name, "                                     \
    "  COALESCE(rep.avg, 0)::float8 AS seller_reputation, COALESCE(rep.n, 0)::int AS seller_reviews, "       \
    "  c.slug AS category, a.region_id, r.name AS region_name, a.is_national, a.status, a.start_price, "     \
    "  a.current_price, a.bid_count, a.watchers, a.high_bidder_id, a.buy_now_price, "                        \
    "  epoch_ms(a.starts_at) AS starts_at_ms, epoch_ms(a.ends_at) AS ends_at_ms, "                           \
    "  (SELECT min(ai.idx) FROM auction_images ai WHERE ai.auction_id = a.id) AS first_image "

#define NB_AUCTION_SUMMARY_JOINS                                                                             \
    "FROM auctions a JOIN users s ON s.id = a.seller_id JOIN categories c ON c.id = a.category_id "          \
    "JOIN regions r ON r.id = a.region_id "                                                                  \
    "LEFT JOIN LATERAL (SELECT avg(rating) AS avg, count(*) AS n FROM reviews WHERE seller_id = "            \
    "a.seller_id) "                                                                                          \
    "rep ON true "
