#pragma once

#include <stdexcept>

namespace nb::storage {

/// The private PostgreSQL cluster could not be created, started, stopped or reached. The
/// message is meant for the person running the server.
class ClusterError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace nb::storage
