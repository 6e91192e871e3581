<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>CommandLine</name>
    <message>
        <source>Show the interface in LANGUAGE (en, ko) instead of the system&apos;s language.</source>
        <translation>시스템 언어 대신 지정한 언어(en, ko)로 화면을 표시합니다.</translation>
    </message>
    <message>
        <source>LANGUAGE</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>NeighborBid desktop client: live auctions with the trust of a neighbourhood marketplace.</source>
        <translation>NeighborBid 데스크톱 클라이언트: 동네 장터의 믿음으로 즐기는 실시간 경매.</translation>
    </message>
</context>
<context>
    <name>nb::client::MainWindow</name>
    <message>
        <source>NeighborBid</source>
        <translation>NeighborBid</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About NeighborBid</source>
        <translation>NeighborBid 정보(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt 정보(&amp;Q)</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>연결되지 않음</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>서버: %1</translation>
    </message>
    <message>
        <source>&lt;h3&gt;NeighborBid %1&lt;/h3&gt;&lt;p&gt;Live auctions with the trust of a neighbourhood marketplace.&lt;/p&gt;&lt;p&gt;Copyright (c) 2026 The NeighborBid authors.&lt;br&gt;Free software under the MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;NeighborBid %1&lt;/h3&gt;&lt;p&gt;동네 장터의 믿음으로 즐기는 실시간 경매.&lt;/p&gt;&lt;p&gt;Copyright (c) 2026 The NeighborBid authors.&lt;br&gt;MIT 라이선스로 배포되는 자유 소프트웨어입니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About NeighborBid</source>
        <translation>NeighborBid 정보</translation>
    </message>
</context>
<context>
    <name>nb::client::WelcomePanel</name>
    <message>
        <source>Live auctions with the trust of a neighbourhood marketplace</source>
        <translation>동네 장터의 믿음으로 즐기는 실시간 경매</translation>
    </message>
    <message>
        <source>This early build of the desktop client does not talk to the server yet. Live national auctions, your neighbourhood&apos;s listings, your wallet and your bids will appear here with the network release.</source>
        <translation>이 데스크톱 클라이언트의 초기 빌드는 아직 서버와 통신하지 않습니다. 전국 실시간 경매, 우리 동네 매물, 지갑과 입찰 내역은 네트워크 릴리스와 함께 이곳에 표시됩니다.</translation>
    </message>
    <message>
        <source>When it connects, it will use the server at %1. To use another server, set %2 in %3.</source>
        <translation>연결되면 %1 서버를 사용합니다. 다른 서버를 쓰려면 %3 파일에서 %2 값을 설정하세요.</translation>
    </message>
    <message>
        <source>Meanwhile the server runs on its own: start it with %1 and manage it with %2.</source>
        <translation>그동안 서버는 단독으로 실행됩니다. %1 명령으로 시작하고 %2 명령으로 관리하세요.</translation>
    </message>
</context>
</TS>
