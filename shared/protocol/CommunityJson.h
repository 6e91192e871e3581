#pragma once

#include "shared/protocol/Community.h"
#include "shared/protocol/Json.h"

#include <QJsonObject>

namespace nb {

/// JSON codecs of the marketplace objects (Community.h), following Json.h's conventions:
/// snake_case names as PROTOCOL.md writes them, '?' fields omitted when absent, strict decoding
/// that names the first bad field.

// The limits of what people write (server rules; the client pre-checks with the same numbers).
constexpr int kMaxQuestionLength = 1000;
constexpr int kMaxMessageLength = 2000;
constexpr int kMaxReviewLength = 2000;
constexpr int kMinRating = 1;
constexpr int kMaxRating = 5;

QJsonObject toJson(const Question& question);     // {id, auction_id, asker:{id, display_name}, text, at,
                                                  //  answer?, answered_at?}
QJsonObject toJson(const Message& message);       // {id, auction_id, sender:{…}, recipient_id, text, at}
QJsonObject toJson(const Review& review);         // {auction_id, reviewer:{…}, seller_id, rating, text, at}
QJsonObject toJson(const ImageRef& image);        // {index, url}
QJsonObject toJson(const NotificationList& list); // {items:[Notification], unread}

template <>
Decoded<Question> fromJson<Question>(const QJsonObject& json);
template <>
Decoded<Message> fromJson<Message>(const QJsonObject& json);
template <>
Decoded<Review> fromJson<Review>(const QJsonObject& json);
template <>
Decoded<ImageRef> fromJson<ImageRef>(const QJsonObject& json);
template <>
Decoded<NotificationList> fromJson<NotificationList>(const QJsonObject& json);

} // namespace nb
