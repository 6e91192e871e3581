#pragma once

#include <pqxx/connection>

namespace nb::storage {

/// Prepares every statement the storage layer uses on a new connection. The list lives in one
/// place (PreparedStatements.cpp) so that the SQL a request runs is easy to find and review.
void prepareStatements(pqxx::connection& conn);

} // namespace nb::storage
