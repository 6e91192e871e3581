<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BidValidator</name>
    <message>
        <source>You are offline. Bidding is possible again once the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please sign in to bid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This auction has not started yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This auction has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot bid on or buy your own item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a whole number of won between 1 and %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your maximum must be at least your bid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your bid is below the minimum of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You need %1 available for this, but have %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Show the interface in LANGUAGE (en, ko) instead of the system&apos;s language.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LANGUAGE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NeighborBid desktop client: live auctions with the trust of a neighbourhood marketplace.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisplayNames</name>
    <message>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Like new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seller pays shipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer pays shipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time ran out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bought now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held for a bid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid for a won auction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received for a sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid for buy now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended unsold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New bid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListingCheck</name>
    <message>
        <source>Give the item a title of 1 to %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The description can have at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a start price: a whole number of won, at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bid step must be a whole number of won, at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reserve price must be at least the start price.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The buy-now price must be at least the reserve price.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The buy-now price must be higher than the start price.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An auction can run at most 30 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end must be in the future and after the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The soft close is 0 to %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the region where the item is.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeLeft</name>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1d %2h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1m %2s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::AfterSalePanel</name>
    <message>
        <source>This auction was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The auction is still running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended without a sale: the reserve price was not met.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended without a sale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You bought this item now for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You won this auction for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold to %1 for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold with buy now for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation between seller and winner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a message about delivery or pick-up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review the seller</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n star(s)</source>
        <translation>
            <numerusform>%n star</numerusform>
            <numerusform>%n stars</numerusform>
        </translation>
    </message>
    <message>
        <source>How did it go? (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you: your review is published.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::ApiCall</name>
    <message>
        <source>The server sent an answer this client cannot read (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::ApiClient</name>
    <message>
        <source>The bid has no valid request id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The purchase has no valid request id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request has no valid request id.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::ApiReply</name>
    <message>
        <source>Cannot reach the server (%1). Check the connection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is unavailable at the moment (HTTP %1). Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not know this address (HTTP 404).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered with an unexpected HTTP %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::AuctionDetailView</name>
    <message>
        <source>Loading the auction…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bids (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — NeighborBid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your bid of %1 is in: you are the highest bidder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your bid of %1 is in, but another bidder&apos;s maximum is higher: you are outbid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy “%1” now for %2? The amount is paid from your wallet at once and the auction ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is yours: you bought it now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::AuctionInfoPanel</name>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About this item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bid step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No description.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>★ %1 (%n review(s))</source>
        <translation>
            <numerusform>★ %1 (%n review)</numerusform>
            <numerusform>★ %1 (%n reviews)</numerusform>
        </translation>
    </message>
    <message>
        <source>no reviews yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by the standard increment table</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::AuctionListModel</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My bid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My maximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watchers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nationwide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::AuctionListPage</name>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::BidHistoryModel</name>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bidder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::BidPanel</name>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your maximum as a whole number of won.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your bid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bid for me up to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy bidding: the server raises your bid by the smallest step needed, up to this amount. Your wallet holds the maximum while you lead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place bid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>★ Watching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>☆ Watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop watching this auction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add this auction to your watchlist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum next bid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n bid(s) · you are the highest bidder</source>
        <translation>
            <numerusform>%n bid · you are the highest bidder</numerusform>
            <numerusform>%n bids · you are the highest bidder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bid(s)</source>
        <translation>
            <numerusform>%n bid</numerusform>
            <numerusform>%n bids</numerusform>
        </translation>
    </message>
    <message>
        <source>Buy now for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy now ended with the first bid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ends %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>a late bid extends it by %n s</source>
        <translation>
            <numerusform>a late bid extends it by %n s</numerusform>
            <numerusform>a late bid extends it by %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nb::client::CategoryModel</name>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::ClientSession</name>
    <message numerus="yes">
        <source>held for %n bid(s) you lead</source>
        <translation>
            <numerusform>held for %n bid you lead</numerusform>
            <numerusform>held for %n bids you lead</numerusform>
        </translation>
    </message>
    <message>
        <source>You are offline. Bidding and payments are possible again once the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::ConnectionIndicator</name>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (retrying in %n s)</source>
        <translation>
            <numerusform>%1 (retrying in %n s)</numerusform>
            <numerusform>%1 (retrying in %n s)</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected to the server: prices and your wallet update live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: lists show what was last seen, and bidding waits for the connection.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::ImageGallery</name>
    <message>
        <source>Photo %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading photo…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::LedgerModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::ListingEditorDialog</name>
    <message>
        <source>New listing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices (won)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neighbourhood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nationwide (live)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it is, its state, how it can be picked up or sent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bid step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserve price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None (hidden from bidders)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy-now price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unticked, the auction starts as soon as it is published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soft close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A bid in the last seconds extends the end by this much; 0 turns it off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a whole number of won, e.g. 50,000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The listing is published, but photo %1 could not be uploaded: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::LiveClient</name>
    <message>
        <source>The live connection was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live connection was lost before the server answered.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::LoginDialog</name>
    <message>
        <source>Sign in to NeighborBid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to bid, sell and see your wallet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create an account: your home region decides which neighbourhood listings you see first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 to 32 letters, digits, _ . -</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least 8 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How others see you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please wait…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a username and a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your home region.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::MainWindow</name>
    <message>
        <source>NeighborBid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About NeighborBid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;NeighborBid %1&lt;/h3&gt;&lt;p&gt;Live auctions with the trust of a neighbourhood marketplace.&lt;/p&gt;&lt;p&gt;Copyright (c) 2026 The NeighborBid authors.&lt;br&gt;Free software under the MIT licence.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About NeighborBid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to see the auctions you bid on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to keep a watchlist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to sell your things.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to see your wallet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to get notifications.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session has expired: please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session is kept only until you quit: no system keychain answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neighbourhood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My bids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watchlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::MessageModel</name>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::MyAuctionsModel</name>
    <message>
        <source>Sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sold</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::MyBidsModel</name>
    <message>
        <source>Leading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::MyBidsView</name>
    <message>
        <source>My bids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where you stand in every auction you bid on. While you lead, your bid is held in your wallet; when someone outbids you, it is released.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have not bid on anything yet. Open an auction and place a bid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All bids</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::NationalAuctionModel</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High bidder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watchers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No bids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bidder #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::NationalLiveView</name>
    <message>
        <source>National live auctions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by title…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows only the auctions whose title contains this text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n auction(s) live across the country</source>
        <translation>
            <numerusform>%n auction live across the country</numerusform>
            <numerusform>%n auctions live across the country</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 auctions shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No national auction is live right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No live auction matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale — offline. These are the auctions as last seen at %1; prices are not live until the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale — offline. Prices are not live until the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::NavigationList</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nb::client::NeighbourhoodView</name>
    <message>
        <source>Neighbourhood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show listings from every region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listings in %1 and the places within it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listings from the whole country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search titles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowest current price, in won (e.g. 10,000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highest current price, in won.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include national auctions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch the listings again now (they also refresh every minute).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‹ Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ending soonest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price: low to high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price: high to low</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Page %1 of %2 · %n listing(s)</source>
        <translation>
            <numerusform>Page %1 of %2 · %n listing</numerusform>
            <numerusform>Page %1 of %2 · %n listings</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was saved for these filters while online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No listing matches these filters yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale — offline. Showing the listings as fetched at %1; they refresh when the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale — offline. The server cannot be reached.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::NotificationModel</name>
    <message>
        <source>Notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::NotificationsView</name>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark all as read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing new. Outbids, wins, sales and questions will show up here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
    <message>
        <source>All read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::PhotoPicker</name>
    <message>
        <source>At most %1 photos per listing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is larger than 5 MiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a JPEG, PNG or WebP picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading photo %1 of %2… %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png *.webp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to %1 photos (JPEG, PNG or WebP, 5 MiB each). The first one is the thumbnail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 photos chosen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::PriceChart</name>
    <message>
        <source>Price over time (won)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::QuestionModel</name>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not answered yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::QuestionsPanel</name>
    <message>
        <source>Your answer to “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a question to answer it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the seller a question…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to ask the seller a question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your question is posted; the seller is notified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answer is posted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::RegionPicker</name>
    <message>
        <source>Region %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a region…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a province or city, a district, or a neighbourhood within it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::SellingView</name>
    <message>
        <source>Selling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your auctions, their state and their results. The money of a sale reaches your wallet when the auction ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not selling anything yet. “New listing…” puts an item up for auction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New listing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel auction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An auction can be cancelled only while nobody has bid on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the auction “%1”? It ends at once without a sale.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::SessionStore</name>
    <message>
        <source>the keychain did not answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain is not available (%1). You stay signed in only until NeighborBid closes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::SettingsDialog</name>
    <message>
        <source>The server address must be an http:// or https:// address, such as http://127.0.0.1:8080.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live address must be a ws:// or wss:// address, such as ws://127.0.0.1:8081/ws, or empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live address (WebSocket)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes at once. A new server address signs you out and connects there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::SignInGate</name>
    <message>
        <source>Sign in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::TrayNotifier</name>
    <message>
        <source>You were outbid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You won an auction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your item sold</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::WalletIndicator</name>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you can bid, buy or withdraw now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Money held in escrow while you lead an auction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Money held in escrow: %1. It is released when you are outbid and paid to the seller when you win.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available plus locked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::WalletView</name>
    <message>
        <source>Wallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit or withdraw (demo money: no payment is made)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount in won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‹ Newer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Older ›</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Released when you are outbid; paid to the seller when you win.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: deposits and withdrawals wait for the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a whole number of won, e.g. 50,000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit %1 into your wallet?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw %1 from your available balance?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposited %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrew %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nb::client::WatchlistView</name>
    <message>
        <source>Watchlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auctions you keep an eye on. Watch an auction from its page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not watching any auction. Use “Watch” on an auction&apos;s page to add it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop watching</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
