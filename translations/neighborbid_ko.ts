<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>BidValidator</name>
    <message>
        <source>You are offline. Bidding is possible again once the connection is back.</source>
        <translation>오프라인 상태입니다. 연결이 돌아오면 다시 입찰할 수 있습니다.</translation>
    </message>
    <message>
        <source>Please sign in to bid.</source>
        <translation>입찰하려면 로그인하세요.</translation>
    </message>
    <message>
        <source>This auction has not started yet.</source>
        <translation>아직 시작하지 않은 경매입니다.</translation>
    </message>
    <message>
        <source>This auction has ended.</source>
        <translation>종료된 경매입니다.</translation>
    </message>
    <message>
        <source>You cannot bid on or buy your own item.</source>
        <translation>자신의 물품에는 입찰하거나 구매할 수 없습니다.</translation>
    </message>
    <message>
        <source>Enter a whole number of won between 1 and %1.</source>
        <translation>1원에서 %1원 사이의 금액을 원 단위 정수로 입력하세요.</translation>
    </message>
    <message>
        <source>Your maximum must be at least your bid.</source>
        <translation>최대 금액은 입찰 금액 이상이어야 합니다.</translation>
    </message>
    <message>
        <source>Your bid is below the minimum of %1.</source>
        <translation>입찰 금액이 최소 금액 %1보다 낮습니다.</translation>
    </message>
    <message>
        <source>You need %1 available for this, but have %2.</source>
        <translation>사용 가능 잔액이 %1 필요하지만 %2만 있습니다.</translation>
    </message>
</context>
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
    <name>DisplayNames</name>
    <message>
        <source>Scheduled</source>
        <translation>예정</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>New</source>
        <translation>새 상품</translation>
    </message>
    <message>
        <source>Like new</source>
        <translation>거의 새것</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>양호</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>보통</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>낡음</translation>
    </message>
    <message>
        <source>Seller pays shipping</source>
        <translation>배송비 판매자 부담</translation>
    </message>
    <message>
        <source>Buyer pays shipping</source>
        <translation>배송비 구매자 부담</translation>
    </message>
    <message>
        <source>Time ran out</source>
        <translation>시간 종료</translation>
    </message>
    <message>
        <source>Bought now</source>
        <translation>즉시 구매</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>입금</translation>
    </message>
    <message>
        <source>Withdrawal</source>
        <translation>출금</translation>
    </message>
    <message>
        <source>Held for a bid</source>
        <translation>입찰 보증금 보류</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>보류 해제</translation>
    </message>
    <message>
        <source>Paid for a won auction</source>
        <translation>낙찰 대금 지급</translation>
    </message>
    <message>
        <source>Received for a sale</source>
        <translation>판매 대금 수령</translation>
    </message>
    <message>
        <source>Paid for buy now</source>
        <translation>즉시 구매 대금 지급</translation>
    </message>
    <message>
        <source>Outbid</source>
        <translation>상위 입찰 발생</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>낙찰</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>판매 완료</translation>
    </message>
    <message>
        <source>Ended unsold</source>
        <translation>유찰</translation>
    </message>
    <message>
        <source>New bid</source>
        <translation>새 입찰</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>질문</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>답변</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
</context>
<context>
    <name>ListingCheck</name>
    <message>
        <source>Give the item a title of 1 to %1 characters.</source>
        <translation>물품 제목을 1자에서 %1자 사이로 입력하세요.</translation>
    </message>
    <message>
        <source>The description can have at most %1 characters.</source>
        <translation>설명은 최대 %1자까지 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>Choose a category.</source>
        <translation>카테고리를 선택하세요.</translation>
    </message>
    <message>
        <source>Enter a start price: a whole number of won, at least 1.</source>
        <translation>시작 가격을 1원 이상의 원 단위 정수로 입력하세요.</translation>
    </message>
    <message>
        <source>The bid step must be a whole number of won, at least 1.</source>
        <translation>입찰 단위는 1원 이상의 원 단위 정수여야 합니다.</translation>
    </message>
    <message>
        <source>The reserve price must be at least the start price.</source>
        <translation>최저 낙찰가는 시작 가격 이상이어야 합니다.</translation>
    </message>
    <message>
        <source>The buy-now price must be at least the reserve price.</source>
        <translation>즉시 구매가는 최저 낙찰가 이상이어야 합니다.</translation>
    </message>
    <message>
        <source>The buy-now price must be higher than the start price.</source>
        <translation>즉시 구매가는 시작 가격보다 높아야 합니다.</translation>
    </message>
    <message>
        <source>An auction can run at most 30 days.</source>
        <translation>경매 기간은 최대 30일입니다.</translation>
    </message>
    <message>
        <source>The end must be in the future and after the start.</source>
        <translation>종료 시각은 현재 이후이면서 시작 시각보다 뒤여야 합니다.</translation>
    </message>
    <message>
        <source>The soft close is 0 to %1 seconds.</source>
        <translation>자동 연장은 0초에서 %1초 사이입니다.</translation>
    </message>
    <message>
        <source>Choose the region where the item is.</source>
        <translation>물품이 있는 지역을 선택하세요.</translation>
    </message>
</context>
<context>
    <name>TimeLeft</name>
    <message>
        <source>Ended</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>%1d %2h</source>
        <translation>%1일 %2시간</translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation>%1시간 %2분</translation>
    </message>
    <message>
        <source>%1m %2s</source>
        <translation>%1분 %2초</translation>
    </message>
</context>
<context>
    <name>nb::client::AfterSalePanel</name>
    <message>
        <source>This auction was cancelled.</source>
        <translation>이 경매는 취소되었습니다.</translation>
    </message>
    <message>
        <source>The auction is still running.</source>
        <translation>경매가 아직 진행 중입니다.</translation>
    </message>
    <message>
        <source>Ended without a sale: the reserve price was not met.</source>
        <translation>최저 낙찰가에 미치지 못해 판매 없이 종료되었습니다.</translation>
    </message>
    <message>
        <source>Ended without a sale.</source>
        <translation>판매 없이 종료되었습니다.</translation>
    </message>
    <message>
        <source>You bought this item now for %1.</source>
        <translation>이 물품을 %1에 즉시 구매했습니다.</translation>
    </message>
    <message>
        <source>You won this auction for %1.</source>
        <translation>이 경매를 %1에 낙찰받았습니다.</translation>
    </message>
    <message>
        <source>Sold to %1 for %2.</source>
        <translation>%1 님에게 %2에 판매되었습니다.</translation>
    </message>
    <message>
        <source>Sold with buy now for %1.</source>
        <translation>%1에 즉시 구매로 판매되었습니다.</translation>
    </message>
    <message>
        <source>Sold for %1.</source>
        <translation>%1에 판매되었습니다.</translation>
    </message>
    <message>
        <source>Conversation between seller and winner</source>
        <translation>판매자와 낙찰자의 대화</translation>
    </message>
    <message>
        <source>Write a message about delivery or pick-up…</source>
        <translation>배송이나 직거래에 대해 메시지를 쓰세요…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>Review the seller</source>
        <translation>판매자 후기 남기기</translation>
    </message>
    <message numerus="yes">
        <source>%n star(s)</source>
        <translation>
            <numerusform>별 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>How did it go? (optional)</source>
        <translation>거래는 어떠셨나요? (선택)</translation>
    </message>
    <message>
        <source>Send review</source>
        <translation>후기 보내기</translation>
    </message>
    <message>
        <source>Thank you: your review is published.</source>
        <translation>감사합니다. 후기가 게시되었습니다.</translation>
    </message>
</context>
<context>
    <name>nb::client::ApiCall</name>
    <message>
        <source>The server sent an answer this client cannot read (%1).</source>
        <translation>서버가 이 클라이언트가 읽을 수 없는 응답을 보냈습니다(%1).</translation>
    </message>
</context>
<context>
    <name>nb::client::ApiClient</name>
    <message>
        <source>The bid has no valid request id.</source>
        <translation>입찰에 올바른 요청 ID가 없습니다.</translation>
    </message>
    <message>
        <source>The purchase has no valid request id.</source>
        <translation>구매에 올바른 요청 ID가 없습니다.</translation>
    </message>
    <message>
        <source>The request has no valid request id.</source>
        <translation>요청에 올바른 요청 ID가 없습니다.</translation>
    </message>
</context>
<context>
    <name>nb::client::ApiReply</name>
    <message>
        <source>Cannot reach the server (%1). Check the connection and try again.</source>
        <translation>서버에 연결할 수 없습니다(%1). 연결을 확인하고 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The server is unavailable at the moment (HTTP %1). Try again later.</source>
        <translation>지금은 서버를 사용할 수 없습니다(HTTP %1). 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Please sign in again.</source>
        <translation>다시 로그인하세요.</translation>
    </message>
    <message>
        <source>The server does not know this address (HTTP 404).</source>
        <translation>서버에 없는 주소입니다(HTTP 404).</translation>
    </message>
    <message>
        <source>The server answered with an unexpected HTTP %1.</source>
        <translation>서버가 예상하지 못한 HTTP %1 응답을 보냈습니다.</translation>
    </message>
</context>
<context>
    <name>nb::client::AuctionDetailView</name>
    <message>
        <source>Loading the auction…</source>
        <translation>경매를 불러오는 중…</translation>
    </message>
    <message>
        <source>Bids (%1)</source>
        <translation>입찰 (%1)</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>질문</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>%1 — NeighborBid</source>
        <translation>%1 — NeighborBid</translation>
    </message>
    <message>
        <source>National</source>
        <translation>전국</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>동네</translation>
    </message>
    <message>
        <source>Your bid of %1 is in: you are the highest bidder.</source>
        <translation>%1 입찰이 접수되었습니다. 현재 최고 입찰자입니다.</translation>
    </message>
    <message>
        <source>Your bid of %1 is in, but another bidder&apos;s maximum is higher: you are outbid.</source>
        <translation>%1 입찰이 접수되었지만 다른 입찰자의 최대 금액이 더 높아 상위 입찰이 발생했습니다.</translation>
    </message>
    <message>
        <source>Buy “%1” now for %2? The amount is paid from your wallet at once and the auction ends.</source>
        <translation>“%1”을(를) %2에 즉시 구매할까요? 금액이 지갑에서 바로 지급되고 경매가 종료됩니다.</translation>
    </message>
    <message>
        <source>Buy now</source>
        <translation>즉시 구매</translation>
    </message>
    <message>
        <source>It is yours: you bought it now.</source>
        <translation>즉시 구매가 완료되었습니다. 이제 당신의 물품입니다.</translation>
    </message>
</context>
<context>
    <name>nb::client::AuctionInfoPanel</name>
    <message>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>About this item</source>
        <translation>물품 정보</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>판매자</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>배송</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>위치</translation>
    </message>
    <message>
        <source>Bid step</source>
        <translation>입찰 단위</translation>
    </message>
    <message>
        <source>No description.</source>
        <translation>설명이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>★ %1 (%n review(s))</source>
        <translation>
            <numerusform>★ %1 (후기 %n개)</numerusform>
        </translation>
    </message>
    <message>
        <source>no reviews yet</source>
        <translation>아직 후기 없음</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>by the standard increment table</source>
        <translation>기본 입찰 단위표에 따름</translation>
    </message>
</context>
<context>
    <name>nb::client::AuctionListModel</name>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Current price</source>
        <translation>현재가</translation>
    </message>
    <message>
        <source>Bids</source>
        <translation>입찰</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>남은 시간</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>지역</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>판매자</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>My bid</source>
        <translation>내 입찰</translation>
    </message>
    <message>
        <source>My maximum</source>
        <translation>내 최대 금액</translation>
    </message>
    <message>
        <source>Watchers</source>
        <translation>관심</translation>
    </message>
    <message>
        <source>Buy now</source>
        <translation>즉시 구매</translation>
    </message>
    <message>
        <source>Starts %1</source>
        <translation>%1 시작</translation>
    </message>
    <message>
        <source>Nationwide</source>
        <translation>전국</translation>
    </message>
    <message>
        <source>You</source>
        <translation>나</translation>
    </message>
</context>
<context>
    <name>nb::client::AuctionListPage</name>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
</context>
<context>
    <name>nb::client::BidHistoryModel</name>
    <message>
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <source>Bidder</source>
        <translation>입찰자</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>You</source>
        <translation>나</translation>
    </message>
</context>
<context>
    <name>nb::client::BidPanel</name>
    <message>
        <source>Sending…</source>
        <translation>보내는 중…</translation>
    </message>
    <message>
        <source>Enter your maximum as a whole number of won.</source>
        <translation>최대 금액을 원 단위 정수로 입력하세요.</translation>
    </message>
    <message>
        <source>Your bid</source>
        <translation>입찰 금액</translation>
    </message>
    <message>
        <source>Maximum (optional)</source>
        <translation>최대 금액 (선택)</translation>
    </message>
    <message>
        <source>Bid for me up to…</source>
        <translation>이 금액까지 자동 입찰…</translation>
    </message>
    <message>
        <source>Proxy bidding: the server raises your bid by the smallest step needed, up to this amount. Your wallet holds the maximum while you lead.</source>
        <translation>자동 입찰: 서버가 이 금액까지 필요한 최소 단위만큼 입찰가를 올립니다. 최고 입찰자인 동안 지갑에 최대 금액이 보류됩니다.</translation>
    </message>
    <message>
        <source>Place bid</source>
        <translation>입찰하기</translation>
    </message>
    <message>
        <source>★ Watching</source>
        <translation>★ 관심 중</translation>
    </message>
    <message>
        <source>☆ Watch</source>
        <translation>☆ 관심</translation>
    </message>
    <message>
        <source>Stop watching this auction.</source>
        <translation>이 경매를 관심 목록에서 뺍니다.</translation>
    </message>
    <message>
        <source>Add this auction to your watchlist.</source>
        <translation>이 경매를 관심 목록에 추가합니다.</translation>
    </message>
    <message>
        <source>Starting price</source>
        <translation>시작가</translation>
    </message>
    <message>
        <source>Current price</source>
        <translation>현재가</translation>
    </message>
    <message>
        <source>Minimum next bid: %1</source>
        <translation>다음 최소 입찰가: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n bid(s) · you are the highest bidder</source>
        <translation>
            <numerusform>입찰 %n건 · 내가 최고 입찰자</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bid(s)</source>
        <translation>
            <numerusform>입찰 %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>Buy now for %1</source>
        <translation>%1에 즉시 구매</translation>
    </message>
    <message>
        <source>Buy now ended with the first bid.</source>
        <translation>첫 입찰이 들어와 즉시 구매가 끝났습니다.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>Ended %1</source>
        <translation>%1 종료</translation>
    </message>
    <message>
        <source>Starts %1</source>
        <translation>%1 시작</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 남음</translation>
    </message>
    <message>
        <source>Ends %1</source>
        <translation>%1 종료 예정</translation>
    </message>
    <message numerus="yes">
        <source>a late bid extends it by %n s</source>
        <translation>
            <numerusform>마감 직전 입찰 시 %n초 연장</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nb::client::CategoryModel</name>
    <message>
        <source>All categories</source>
        <translation>모든 카테고리</translation>
    </message>
</context>
<context>
    <name>nb::client::ClientSession</name>
    <message numerus="yes">
        <source>held for %n bid(s) you lead</source>
        <translation>
            <numerusform>최고 입찰 중인 %n건에 보류</numerusform>
        </translation>
    </message>
    <message>
        <source>You are offline. Bidding and payments are possible again once the connection is back.</source>
        <translation>오프라인 상태입니다. 연결이 돌아오면 다시 입찰과 결제를 할 수 있습니다.</translation>
    </message>
    <message>
        <source>Please sign in first.</source>
        <translation>먼저 로그인하세요.</translation>
    </message>
</context>
<context>
    <name>nb::client::ConnectionIndicator</name>
    <message>
        <source>Online</source>
        <translation>온라인</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>연결 중…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>오프라인</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 (retrying in %n s)</source>
        <translation>
            <numerusform>%1 (%n초 후 다시 시도)</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected to the server: prices and your wallet update live.</source>
        <translation>서버에 연결됨: 가격과 지갑이 실시간으로 갱신됩니다.</translation>
    </message>
    <message>
        <source>Not connected: lists show what was last seen, and bidding waits for the connection.</source>
        <translation>연결되지 않음: 목록은 마지막으로 본 내용이며, 입찰은 연결될 때까지 기다립니다.</translation>
    </message>
</context>
<context>
    <name>nb::client::ImageGallery</name>
    <message>
        <source>Photo %1 of %2</source>
        <translation>사진 %1/%2</translation>
    </message>
    <message>
        <source>No photos</source>
        <translation>사진 없음</translation>
    </message>
    <message>
        <source>Loading photo…</source>
        <translation>사진을 불러오는 중…</translation>
    </message>
</context>
<context>
    <name>nb::client::LedgerModel</name>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>내역</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <source>Available after</source>
        <translation>이후 사용 가능 잔액</translation>
    </message>
    <message>
        <source>Held after</source>
        <translation>이후 보류 금액</translation>
    </message>
    <message>
        <source>Auction</source>
        <translation>경매</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
</context>
<context>
    <name>nb::client::ListingEditorDialog</name>
    <message>
        <source>New listing</source>
        <translation>새 물품 등록</translation>
    </message>
    <message>
        <source>The item</source>
        <translation>물품</translation>
    </message>
    <message>
        <source>Prices (won)</source>
        <translation>가격 (원)</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>일정</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>사진</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>카테고리</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>배송</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>공개 범위</translation>
    </message>
    <message>
        <source>Neighbourhood</source>
        <translation>동네</translation>
    </message>
    <message>
        <source>Nationwide (live)</source>
        <translation>전국 (실시간)</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>위치</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>What it is, its state, how it can be picked up or sent…</source>
        <translation>어떤 물건인지, 상태는 어떤지, 직거래나 배송은 어떻게 하는지…</translation>
    </message>
    <message>
        <source>Start price</source>
        <translation>시작 가격</translation>
    </message>
    <message>
        <source>Bid step</source>
        <translation>입찰 단위</translation>
    </message>
    <message>
        <source>Standard steps</source>
        <translation>기본 단위</translation>
    </message>
    <message>
        <source>Reserve price</source>
        <translation>최저 낙찰가</translation>
    </message>
    <message>
        <source>None (hidden from bidders)</source>
        <translation>없음 (입찰자에게는 보이지 않음)</translation>
    </message>
    <message>
        <source>Buy-now price</source>
        <translation>즉시 구매가</translation>
    </message>
    <message>
        <source>None</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Later:</source>
        <translation>나중에:</translation>
    </message>
    <message>
        <source>Unticked, the auction starts as soon as it is published.</source>
        <translation>선택하지 않으면 등록하는 즉시 경매가 시작됩니다.</translation>
    </message>
    <message>
        <source>End</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>Soft close</source>
        <translation>자동 연장</translation>
    </message>
    <message>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <source>A bid in the last seconds extends the end by this much; 0 turns it off.</source>
        <translation>마감 직전에 입찰이 들어오면 이만큼 종료가 연장됩니다. 0이면 끕니다.</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>등록하기</translation>
    </message>
    <message>
        <source>Enter a whole number of won, e.g. 50,000.</source>
        <translation>원 단위 정수로 입력하세요. 예: 50,000</translation>
    </message>
    <message>
        <source>The listing is published, but photo %1 could not be uploaded: %2</source>
        <translation>물품은 등록되었지만 사진 %1을(를) 올리지 못했습니다: %2</translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>등록하는 중…</translation>
    </message>
</context>
<context>
    <name>nb::client::LiveClient</name>
    <message>
        <source>The live connection was closed.</source>
        <translation>실시간 연결이 닫혔습니다.</translation>
    </message>
    <message>
        <source>The live connection was lost before the server answered.</source>
        <translation>서버가 응답하기 전에 실시간 연결이 끊겼습니다.</translation>
    </message>
</context>
<context>
    <name>nb::client::LoginDialog</name>
    <message>
        <source>Sign in to NeighborBid</source>
        <translation>NeighborBid 로그인</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>로그인</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>회원 가입</translation>
    </message>
    <message>
        <source>Sign in to bid, sell and see your wallet.</source>
        <translation>로그인하면 입찰하고, 판매하고, 지갑을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Create an account: your home region decides which neighbourhood listings you see first.</source>
        <translation>계정을 만드세요. 내 동네로 고른 지역의 물품이 먼저 보입니다.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>아이디</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <source>3 to 32 letters, digits, _ . -</source>
        <translation>영문자, 숫자, _ . - 3~32자</translation>
    </message>
    <message>
        <source>At least 8 characters</source>
        <translation>8자 이상</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>비밀번호 확인</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>표시 이름</translation>
    </message>
    <message>
        <source>How others see you</source>
        <translation>다른 사람에게 보이는 이름</translation>
    </message>
    <message>
        <source>Home region</source>
        <translation>내 동네</translation>
    </message>
    <message>
        <source>Please wait…</source>
        <translation>잠시 기다려 주세요…</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>아이디와 비밀번호를 입력하세요.</translation>
    </message>
    <message>
        <source>Choose a username and a password.</source>
        <translation>아이디와 비밀번호를 정하세요.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>두 비밀번호가 다릅니다.</translation>
    </message>
    <message>
        <source>Choose your home region.</source>
        <translation>내 동네를 선택하세요.</translation>
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
        <source>&lt;h3&gt;NeighborBid %1&lt;/h3&gt;&lt;p&gt;Live auctions with the trust of a neighbourhood marketplace.&lt;/p&gt;&lt;p&gt;Copyright (c) 2026 The NeighborBid authors.&lt;br&gt;Free software under the MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;NeighborBid %1&lt;/h3&gt;&lt;p&gt;동네 장터의 믿음으로 즐기는 실시간 경매.&lt;/p&gt;&lt;p&gt;Copyright (c) 2026 The NeighborBid authors.&lt;br&gt;MIT 라이선스로 배포되는 자유 소프트웨어입니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About NeighborBid</source>
        <translation>NeighborBid 정보</translation>
    </message>
    <message>
        <source>Sign in to see the auctions you bid on.</source>
        <translation>입찰한 경매를 보려면 로그인하세요.</translation>
    </message>
    <message>
        <source>Sign in to keep a watchlist.</source>
        <translation>관심 목록을 쓰려면 로그인하세요.</translation>
    </message>
    <message>
        <source>Sign in to sell your things.</source>
        <translation>물건을 팔려면 로그인하세요.</translation>
    </message>
    <message>
        <source>Sign in to see your wallet.</source>
        <translation>지갑을 보려면 로그인하세요.</translation>
    </message>
    <message>
        <source>Sign in to get notifications.</source>
        <translation>알림을 받으려면 로그인하세요.</translation>
    </message>
    <message>
        <source>Your session has expired: please sign in again.</source>
        <translation>세션이 만료되었습니다. 다시 로그인하세요.</translation>
    </message>
    <message>
        <source>Your session is kept only until you quit: no system keychain answered.</source>
        <translation>시스템 키체인이 응답하지 않아, 로그인 상태는 프로그램을 끝낼 때까지만 유지됩니다.</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>로그아웃했습니다.</translation>
    </message>
    <message>
        <source>National live</source>
        <translation>전국 실시간</translation>
    </message>
    <message>
        <source>Neighbourhood</source>
        <translation>동네</translation>
    </message>
    <message>
        <source>My bids</source>
        <translation>내 입찰</translation>
    </message>
    <message>
        <source>Watchlist</source>
        <translation>관심 목록</translation>
    </message>
    <message>
        <source>Selling</source>
        <translation>판매</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>지갑</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>알림</translation>
    </message>
    <message>
        <source>&amp;Log in…</source>
        <translation>로그인(&amp;L)…</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>로그아웃(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>설정(&amp;S)…</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>%1 님으로 로그인했습니다.</translation>
    </message>
</context>
<context>
    <name>nb::client::MessageModel</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>You</source>
        <translation>나</translation>
    </message>
</context>
<context>
    <name>nb::client::MyAuctionsModel</name>
    <message>
        <source>Sold</source>
        <translation>판매 완료</translation>
    </message>
    <message>
        <source>Not sold</source>
        <translation>유찰</translation>
    </message>
</context>
<context>
    <name>nb::client::MyBidsModel</name>
    <message>
        <source>Leading</source>
        <translation>최고 입찰</translation>
    </message>
    <message>
        <source>Outbid</source>
        <translation>상위 입찰 발생</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>낙찰</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>낙찰 실패</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
</context>
<context>
    <name>nb::client::MyBidsView</name>
    <message>
        <source>My bids</source>
        <translation>내 입찰</translation>
    </message>
    <message>
        <source>Where you stand in every auction you bid on. While you lead, your bid is held in your wallet; when someone outbids you, it is released.</source>
        <translation>입찰한 모든 경매에서의 내 상황입니다. 최고 입찰자인 동안 입찰 금액이 지갑에 보류되고, 다른 사람이 더 높게 입찰하면 해제됩니다.</translation>
    </message>
    <message>
        <source>You have not bid on anything yet. Open an auction and place a bid.</source>
        <translation>아직 입찰한 경매가 없습니다. 경매를 열고 입찰해 보세요.</translation>
    </message>
    <message>
        <source>All bids</source>
        <translation>모든 입찰</translation>
    </message>
</context>
<context>
    <name>nb::client::NationalAuctionModel</name>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Current price</source>
        <translation>현재가</translation>
    </message>
    <message>
        <source>Bids</source>
        <translation>입찰</translation>
    </message>
    <message>
        <source>High bidder</source>
        <translation>최고 입찰자</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>남은 시간</translation>
    </message>
    <message>
        <source>Watchers</source>
        <translation>관심</translation>
    </message>
    <message>
        <source>No bids</source>
        <translation>입찰 없음</translation>
    </message>
    <message>
        <source>You</source>
        <translation>나</translation>
    </message>
    <message>
        <source>Bidder #%1</source>
        <translation>입찰자 #%1</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>종료</translation>
    </message>
</context>
<context>
    <name>nb::client::NationalLiveView</name>
    <message>
        <source>National live auctions</source>
        <translation>전국 실시간 경매</translation>
    </message>
    <message>
        <source>Filter by title…</source>
        <translation>제목으로 찾기…</translation>
    </message>
    <message>
        <source>Shows only the auctions whose title contains this text.</source>
        <translation>제목에 이 글자가 들어간 경매만 보여 줍니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n auction(s) live across the country</source>
        <translation>
            <numerusform>전국에서 경매 %n건 진행 중</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 auctions shown</source>
        <translation>경매 %2건 중 %1건 표시</translation>
    </message>
    <message>
        <source>No national auction is live right now.</source>
        <translation>지금 진행 중인 전국 경매가 없습니다.</translation>
    </message>
    <message>
        <source>No live auction matches “%1”.</source>
        <translation>“%1”과(와) 맞는 진행 중인 경매가 없습니다.</translation>
    </message>
    <message>
        <source>Stale — offline. These are the auctions as last seen at %1; prices are not live until the connection is back.</source>
        <translation>오래된 정보 — 오프라인. %1에 마지막으로 본 경매이며, 연결이 돌아올 때까지 가격이 갱신되지 않습니다.</translation>
    </message>
    <message>
        <source>Stale — offline. Prices are not live until the connection is back.</source>
        <translation>오래된 정보 — 오프라인. 연결이 돌아올 때까지 가격이 갱신되지 않습니다.</translation>
    </message>
</context>
<context>
    <name>nb::client::NavigationList</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>읽지 않음 %n건</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nb::client::NeighbourhoodView</name>
    <message>
        <source>Neighbourhood</source>
        <translation>동네</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>지역</translation>
    </message>
    <message>
        <source>Whole country</source>
        <translation>전국</translation>
    </message>
    <message>
        <source>Show listings from every region.</source>
        <translation>모든 지역의 물품을 보여 줍니다.</translation>
    </message>
    <message>
        <source>Listings in %1 and the places within it</source>
        <translation>%1 및 그 안의 지역 물품</translation>
    </message>
    <message>
        <source>Listings from the whole country</source>
        <translation>전국의 물품</translation>
    </message>
    <message>
        <source>Search titles…</source>
        <translation>제목 검색…</translation>
    </message>
    <message>
        <source>Min price</source>
        <translation>최저 가격</translation>
    </message>
    <message>
        <source>Max price</source>
        <translation>최고 가격</translation>
    </message>
    <message>
        <source>Lowest current price, in won (e.g. 10,000).</source>
        <translation>현재가의 하한(원). 예: 10,000</translation>
    </message>
    <message>
        <source>Highest current price, in won.</source>
        <translation>현재가의 상한(원).</translation>
    </message>
    <message>
        <source>Include national auctions</source>
        <translation>전국 경매 포함</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Fetch the listings again now (they also refresh every minute).</source>
        <translation>지금 목록을 다시 가져옵니다(1분마다 자동으로도 갱신됩니다).</translation>
    </message>
    <message>
        <source>‹ Previous</source>
        <translation>‹ 이전</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>다음 ›</translation>
    </message>
    <message>
        <source>Ending soonest</source>
        <translation>마감 임박순</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>최신순</translation>
    </message>
    <message>
        <source>Price: low to high</source>
        <translation>낮은 가격순</translation>
    </message>
    <message>
        <source>Price: high to low</source>
        <translation>높은 가격순</translation>
    </message>
    <message numerus="yes">
        <source>Page %1 of %2 · %n listing(s)</source>
        <translation>
            <numerusform>%2쪽 중 %1쪽 · 물품 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was saved for these filters while online.</source>
        <translation>온라인일 때 이 조건으로 저장된 목록이 없습니다.</translation>
    </message>
    <message>
        <source>No listing matches these filters yet.</source>
        <translation>이 조건에 맞는 물품이 아직 없습니다.</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>%1 갱신</translation>
    </message>
    <message>
        <source>Stale — offline. Showing the listings as fetched at %1; they refresh when the connection is back.</source>
        <translation>오래된 정보 — 오프라인. %1에 가져온 목록을 보여 주며, 연결이 돌아오면 갱신됩니다.</translation>
    </message>
    <message>
        <source>Stale — offline. The server cannot be reached.</source>
        <translation>오래된 정보 — 오프라인. 서버에 연결할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>nb::client::NotificationModel</name>
    <message>
        <source>Notification</source>
        <translation>알림</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
</context>
<context>
    <name>nb::client::NotificationsView</name>
    <message>
        <source>Notifications</source>
        <translation>알림</translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation>읽음으로 표시</translation>
    </message>
    <message>
        <source>Mark all as read</source>
        <translation>모두 읽음으로 표시</translation>
    </message>
    <message>
        <source>Nothing new. Outbids, wins, sales and questions will show up here.</source>
        <translation>새 알림이 없습니다. 상위 입찰, 낙찰, 판매, 질문 소식이 여기에 표시됩니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>읽지 않음 %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>All read</source>
        <translation>모두 읽음</translation>
    </message>
</context>
<context>
    <name>nb::client::PhotoPicker</name>
    <message>
        <source>At most %1 photos per listing.</source>
        <translation>물품마다 사진은 최대 %1장입니다.</translation>
    </message>
    <message>
        <source>%1 is larger than 5 MiB.</source>
        <translation>%1은(는) 5MiB보다 큽니다.</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1을(를) 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>%1 is not a JPEG, PNG or WebP picture.</source>
        <translation>%1은(는) JPEG, PNG, WebP 그림이 아닙니다.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Uploading photo %1 of %2… %p%</source>
        <translation>사진 %1/%2 올리는 중… %p%</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>사진 추가</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png *.webp)</source>
        <translation>그림 (*.jpg *.jpeg *.png *.webp)</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>사진 추가…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>빼기</translation>
    </message>
    <message>
        <source>Up to %1 photos (JPEG, PNG or WebP, 5 MiB each). The first one is the thumbnail.</source>
        <translation>사진은 최대 %1장(JPEG, PNG, WebP, 장당 5MiB)입니다. 첫 사진이 대표 사진이 됩니다.</translation>
    </message>
    <message>
        <source>%1 of %2 photos chosen.</source>
        <translation>사진 %2장 중 %1장 선택됨.</translation>
    </message>
</context>
<context>
    <name>nb::client::PriceChart</name>
    <message>
        <source>Price over time (won)</source>
        <translation>시간별 가격 (원)</translation>
    </message>
</context>
<context>
    <name>nb::client::QuestionModel</name>
    <message>
        <source>Question</source>
        <translation>질문</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>질문자</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>답변</translation>
    </message>
    <message>
        <source>Not answered yet</source>
        <translation>아직 답변 없음</translation>
    </message>
</context>
<context>
    <name>nb::client::QuestionsPanel</name>
    <message>
        <source>Your answer to “%1”</source>
        <translation>“%1”에 대한 답변</translation>
    </message>
    <message>
        <source>Select a question to answer it</source>
        <translation>답할 질문을 선택하세요</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>답변</translation>
    </message>
    <message>
        <source>Ask the seller a question…</source>
        <translation>판매자에게 질문하기…</translation>
    </message>
    <message>
        <source>Sign in to ask the seller a question</source>
        <translation>판매자에게 질문하려면 로그인하세요</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>질문하기</translation>
    </message>
    <message>
        <source>Your question is posted; the seller is notified.</source>
        <translation>질문이 게시되었고 판매자에게 알림이 갔습니다.</translation>
    </message>
    <message>
        <source>Your answer is posted.</source>
        <translation>답변이 게시되었습니다.</translation>
    </message>
</context>
<context>
    <name>nb::client::RegionPicker</name>
    <message>
        <source>Region %1</source>
        <translation>지역 %1</translation>
    </message>
    <message>
        <source>Choose a region…</source>
        <translation>지역 선택…</translation>
    </message>
    <message>
        <source>Choose a region</source>
        <translation>지역 선택</translation>
    </message>
    <message>
        <source>Pick a province or city, a district, or a neighbourhood within it.</source>
        <translation>시/도, 시/군/구 또는 그 안의 읍/면/동을 고르세요.</translation>
    </message>
</context>
<context>
    <name>nb::client::SellingView</name>
    <message>
        <source>Selling</source>
        <translation>판매</translation>
    </message>
    <message>
        <source>Your auctions, their state and their results. The money of a sale reaches your wallet when the auction ends.</source>
        <translation>내 경매와 그 상태, 결과입니다. 판매 대금은 경매가 끝나면 지갑으로 들어옵니다.</translation>
    </message>
    <message>
        <source>You are not selling anything yet. “New listing…” puts an item up for auction.</source>
        <translation>아직 판매 중인 물품이 없습니다. “새 물품 등록…”으로 물품을 경매에 올리세요.</translation>
    </message>
    <message>
        <source>New listing…</source>
        <translation>새 물품 등록…</translation>
    </message>
    <message>
        <source>Cancel auction</source>
        <translation>경매 취소</translation>
    </message>
    <message>
        <source>An auction can be cancelled only while nobody has bid on it.</source>
        <translation>아무도 입찰하지 않은 경매만 취소할 수 있습니다.</translation>
    </message>
    <message>
        <source>Cancel the auction “%1”? It ends at once without a sale.</source>
        <translation>“%1” 경매를 취소할까요? 판매 없이 바로 종료됩니다.</translation>
    </message>
</context>
<context>
    <name>nb::client::SessionStore</name>
    <message>
        <source>the keychain did not answer</source>
        <translation>키체인이 응답하지 않았습니다</translation>
    </message>
    <message>
        <source>The system keychain is not available (%1). You stay signed in only until NeighborBid closes.</source>
        <translation>시스템 키체인을 사용할 수 없습니다(%1). NeighborBid를 닫을 때까지만 로그인 상태가 유지됩니다.</translation>
    </message>
</context>
<context>
    <name>nb::client::SettingsDialog</name>
    <message>
        <source>The server address must be an http:// or https:// address, such as http://127.0.0.1:8080.</source>
        <translation>서버 주소는 http:// 또는 https:// 주소여야 합니다. 예: http://127.0.0.1:8080</translation>
    </message>
    <message>
        <source>The live address must be a ws:// or wss:// address, such as ws://127.0.0.1:8081/ws, or empty.</source>
        <translation>실시간 주소는 ws:// 또는 wss:// 주소이거나 비워 두어야 합니다. 예: ws://127.0.0.1:8081/ws</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>서버 주소</translation>
    </message>
    <message>
        <source>Live address (WebSocket)</source>
        <translation>실시간 주소 (WebSocket)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>시스템 언어</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>기본값: %1</translation>
    </message>
    <message>
        <source>The language changes at once. A new server address signs you out and connects there.</source>
        <translation>언어는 바로 바뀝니다. 서버 주소를 바꾸면 로그아웃되고 새 서버에 연결합니다.</translation>
    </message>
</context>
<context>
    <name>nb::client::SignInGate</name>
    <message>
        <source>Sign in…</source>
        <translation>로그인…</translation>
    </message>
</context>
<context>
    <name>nb::client::TrayNotifier</name>
    <message>
        <source>You were outbid</source>
        <translation>상위 입찰이 들어왔습니다</translation>
    </message>
    <message>
        <source>You won an auction</source>
        <translation>경매에 낙찰되었습니다</translation>
    </message>
    <message>
        <source>Your item sold</source>
        <translation>물품이 판매되었습니다</translation>
    </message>
</context>
<context>
    <name>nb::client::WalletIndicator</name>
    <message>
        <source>Not signed in</source>
        <translation>로그인하지 않음</translation>
    </message>
    <message>
        <source>Available &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>사용 가능 &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>What you can bid, buy or withdraw now.</source>
        <translation>지금 입찰, 구매, 출금에 쓸 수 있는 금액입니다.</translation>
    </message>
    <message>
        <source>Locked %1</source>
        <translation>보류 %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Money held in escrow while you lead an auction.</source>
        <translation>최고 입찰 중인 경매를 위해 에스크로에 보류된 금액입니다.</translation>
    </message>
    <message>
        <source>Money held in escrow: %1. It is released when you are outbid and paid to the seller when you win.</source>
        <translation>에스크로에 보류된 금액: %1. 상위 입찰이 들어오면 해제되고, 낙찰되면 판매자에게 지급됩니다.</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>합계 %1</translation>
    </message>
    <message>
        <source>Available plus locked.</source>
        <translation>사용 가능 금액과 보류 금액의 합입니다.</translation>
    </message>
</context>
<context>
    <name>nb::client::WalletView</name>
    <message>
        <source>Wallet</source>
        <translation>지갑</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>사용 가능</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>보류</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>합계</translation>
    </message>
    <message>
        <source>Deposit or withdraw (demo money: no payment is made)</source>
        <translation>입금 또는 출금 (데모 머니: 실제 결제는 없습니다)</translation>
    </message>
    <message>
        <source>Amount in won</source>
        <translation>금액(원)</translation>
    </message>
    <message>
        <source>Deposit…</source>
        <translation>입금…</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>출금…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>거래 내역</translation>
    </message>
    <message>
        <source>‹ Newer</source>
        <translation>‹ 최근</translation>
    </message>
    <message>
        <source>Older ›</source>
        <translation>이전 ›</translation>
    </message>
    <message>
        <source>Released when you are outbid; paid to the seller when you win.</source>
        <translation>상위 입찰이 들어오면 해제되고, 낙찰되면 판매자에게 지급됩니다.</translation>
    </message>
    <message>
        <source>Offline: deposits and withdrawals wait for the connection.</source>
        <translation>오프라인: 입금과 출금은 연결될 때까지 기다립니다.</translation>
    </message>
    <message>
        <source>Enter a whole number of won, e.g. 50,000.</source>
        <translation>원 단위 정수로 입력하세요. 예: 50,000</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>입금</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>출금</translation>
    </message>
    <message>
        <source>Deposit %1 into your wallet?</source>
        <translation>지갑에 %1을(를) 입금할까요?</translation>
    </message>
    <message>
        <source>Withdraw %1 from your available balance?</source>
        <translation>사용 가능 잔액에서 %1을(를) 출금할까요?</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>보내는 중…</translation>
    </message>
    <message>
        <source>Deposited %1.</source>
        <translation>%1을(를) 입금했습니다.</translation>
    </message>
    <message>
        <source>Withdrew %1.</source>
        <translation>%1을(를) 출금했습니다.</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>%2쪽 중 %1쪽</translation>
    </message>
</context>
<context>
    <name>nb::client::WatchlistView</name>
    <message>
        <source>Watchlist</source>
        <translation>관심 목록</translation>
    </message>
    <message>
        <source>Auctions you keep an eye on. Watch an auction from its page.</source>
        <translation>눈여겨보는 경매입니다. 경매 페이지에서 관심을 누르세요.</translation>
    </message>
    <message>
        <source>You are not watching any auction. Use “Watch” on an auction&apos;s page to add it here.</source>
        <translation>관심 경매가 없습니다. 경매 페이지의 “관심”을 눌러 여기에 추가하세요.</translation>
    </message>
    <message>
        <source>Stop watching</source>
        <translation>관심 해제</translation>
    </message>
</context>
</TS>
