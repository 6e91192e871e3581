#pragma once

#include "server/console/CommandSupport.h"

#include <QStringList>

namespace nb::console {

/// Each console command: checks its arguments (the words after the command's name) and returns
/// the work to run against the database, or the exit code to stop with.

Prepared prepareUserAdd(const QStringList& arguments);       // UserCommands.cpp
Prepared prepareWalletDeposit(const QStringList& arguments); // UserCommands.cpp
Prepared prepareAuctionList(const QStringList& arguments);   // AuctionCommands.cpp
Prepared prepareAuctionClose(const QStringList& arguments);  // AuctionCommands.cpp
Prepared prepareAuctionCancel(const QStringList& arguments); // AuctionCommands.cpp
Prepared prepareLedgerVerify(const QStringList& arguments);  // LedgerCommands.cpp
Prepared prepareStats(const QStringList& arguments);         // LedgerCommands.cpp
Prepared prepareDemo(const QStringList& arguments);          // DemoCommand.cpp

} // namespace nb::console
