<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: %1</source>
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
</context>
<context>
    <name>nb::client::WelcomePanel</name>
    <message>
        <source>Live auctions with the trust of a neighbourhood marketplace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This early build of the desktop client does not talk to the server yet. Live national auctions, your neighbourhood&apos;s listings, your wallet and your bids will appear here with the network release.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When it connects, it will use the server at %1. To use another server, set %2 in %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meanwhile the server runs on its own: start it with %1 and manage it with %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
