// The load generator's WebSocket framing (WsFrames): the opening handshake's accept value, client
// frames masked as RFC 6455 requires in all three length forms, and a reader that cuts a server's
// byte stream into frames however it arrives and refuses what a server must not send.
#include "tests/bench/load/WsFrames.h"

#include <QtTest>

using namespace nb::bench::load::ws;

namespace {

/// A frame as a server writes it: unmasked.
QByteArray serverFrame(quint8 opcode, bool fin, const QByteArray& payload)
{
    QByteArray frame;
    frame.append(static_cast<char>((fin ? 0x80 : 0) | opcode));
    const qsizetype size = payload.size();
    if (size < 126) {
        frame.append(static_cast<char>(size));
    } else if (size <= 0xFFFF) {
        frame.append(static_cast<char>(126))
            .append(static_cast<char>(size >> 8))
            .append(static_cast<char>(size & 0xFF));
    } else {
        frame.append(static_cast<char>(127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.append(static_cast<char>((static_cast<quint64>(size) >> shift) & 0xFF));
    }
    return frame + payload;
}

FrameReader::Result readOne(const QByteArray& bytes, FrameReader::Frame& frame)
{
    FrameReader reader;
    reader.append(bytes.constData(), bytes.size());
    return reader.next(frame);
}

} // namespace

class TestWsFrames : public QObject {
    Q_OBJECT

private slots:
    void theAcceptValueIsTheOneInTheRfc()
    {
        // RFC 6455 section 1.3's example.
        QCOMPARE(acceptFor("dGhlIHNhbXBsZSBub25jZQ=="), QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    }

    void theHandshakeRequestAsksForAnUpgrade()
    {
        const QByteArray request = handshakeRequest("127.0.0.1:8081", "/ws", "a2V5a2V5a2V5a2V5a2V5aw==");
        QVERIFY(request.startsWith("GET /ws HTTP/1.1\r\n"));
        QVERIFY(request.contains("\r\nHost: 127.0.0.1:8081\r\n"));
        QVERIFY(request.contains("\r\nUpgrade: websocket\r\n"));
        QVERIFY(request.contains("\r\nConnection: Upgrade\r\n"));
        QVERIFY(request.contains("\r\nSec-WebSocket-Version: 13\r\n"));
        QVERIFY(request.contains("\r\nSec-WebSocket-Key: a2V5a2V5a2V5a2V5a2V5aw==\r\n"));
        QVERIFY(request.endsWith("\r\n\r\n"));
    }

    void aHandshakeResponseIsCheckedForItsStatusAndAccept()
    {
        const QByteArray key = "dGhlIHNhbXBsZSBub25jZQ==";
        const QByteArray good =
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            "sec-websocket-accept:  s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";
        QCOMPARE(checkHandshakeResponse(good, key), QString());
        const QString wrong = checkHandshakeResponse(
            "HTTP/1.1 101 Switching Protocols\r\nSec-WebSocket-Accept: AAAAAAAAAAAAAAAAAAAAAAAAAAA=", key);
        QVERIFY2(wrong.contains("wrong"), qPrintable(wrong));
        const QString missing =
            checkHandshakeResponse("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket", key);
        QVERIFY2(missing.contains("without"), qPrintable(missing));
        const QString refused = checkHandshakeResponse("HTTP/1.1 403 Forbidden\r\nContent-Length: 0", key);
        QVERIFY2(refused.contains("403 Forbidden"), qPrintable(refused));
    }

    void clientFramesAreMaskedInEveryLengthForm_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("headerSize");
        QTest::newRow("7-bit") << 5 << 6;
        QTest::newRow("16-bit") << 300 << 8;
        QTest::newRow("64-bit") << 70'000 << 14;
    }

    void clientFramesAreMaskedInEveryLengthForm()
    {
        QFETCH(int, size);
        QFETCH(int, headerSize);
        QByteArray payload(size, Qt::Uninitialized);
        for (int i = 0; i < size; ++i)
            payload[i] = static_cast<char>('a' + i % 26);
        const quint32 mask = 0x37FA213D;
        const QByteArray frame = clientFrame(Opcode::Text, payload, mask);
        QCOMPARE(frame.size(), headerSize + size);
        QCOMPARE(static_cast<quint8>(frame[0]), quint8(0x81)); // FIN, text
        QVERIFY(static_cast<quint8>(frame[1]) & 0x80);         // masked
        quint64 length = static_cast<quint8>(frame[1]) & 0x7F;
        if (length == 126)
            length = (quint64(quint8(frame[2])) << 8) | quint8(frame[3]);
        else if (length == 127) {
            length = 0;
            for (int i = 2; i < 10; ++i)
                length = (length << 8) | quint8(frame[i]);
        }
        QCOMPARE(length, quint64(size));
        const QByteArray maskBytes = frame.mid(headerSize - 4, 4);
        QCOMPARE(maskBytes, QByteArray::fromHex("37FA213D"));
        QByteArray unmasked = frame.mid(headerSize);
        QVERIFY(unmasked != payload);
        for (int i = 0; i < unmasked.size(); ++i)
            unmasked[i] = static_cast<char>(unmasked[i] ^ maskBytes[i % 4]);
        QCOMPARE(unmasked, payload);
    }

    void theReaderCutsFramesHoweverTheBytesArrive()
    {
        const QByteArray medium(300, 'm');
        const QByteArray large(70'000, 'L');
        const QByteArray stream = serverFrame(0x1, true, "{\"type\":\"welcome\"}") +
                                  serverFrame(0x9, true, "p") + serverFrame(0x1, false, "frag") +
                                  serverFrame(0x0, true, "ment") + serverFrame(0x1, true, medium) +
                                  serverFrame(0x1, true, large) +
                                  serverFrame(0x8, true, QByteArray::fromHex("03E8") + "bye");
        for (const qsizetype chunk : {qsizetype(1), qsizetype(7), qsizetype(4096), stream.size()}) {
            FrameReader reader;
            QList<FrameReader::Frame> frames;
            for (qsizetype at = 0; at < stream.size(); at += chunk) {
                reader.append(stream.constData() + at, std::min(chunk, stream.size() - at));
                FrameReader::Frame frame;
                FrameReader::Result result;
                while ((result = reader.next(frame)) == FrameReader::Result::Frame)
                    frames.append(frame);
                QCOMPARE(result, FrameReader::Result::NeedMore);
            }
            QCOMPARE(frames.size(), 7);
            QCOMPARE(frames[0].payload, QByteArray("{\"type\":\"welcome\"}"));
            QCOMPARE(frames[1].opcode, Opcode::Ping);
            QCOMPARE(frames[2].opcode, Opcode::Text);
            QVERIFY(!frames[2].fin);
            QCOMPARE(frames[3].opcode, Opcode::Continuation);
            QCOMPARE(frames[3].payload, QByteArray("ment"));
            QCOMPARE(frames[4].payload, medium);
            QCOMPARE(frames[5].payload, large);
            QCOMPARE(frames[6].opcode, Opcode::Close);
            QCOMPARE(frames[6].payload, QByteArray::fromHex("03E8") + "bye");
        }
    }

    void theReaderSaysHowManyBytesCompleteTheNextFrame()
    {
        const QByteArray small = serverFrame(0x1, true, "{\"seq\":1}");
        const QByteArray medium = serverFrame(0x1, true, QByteArray(300, 'm'));
        const QByteArray large = serverFrame(0x1, true, QByteArray(70'000, 'L'));
        FrameReader reader;
        QCOMPARE(reader.needed(), qsizetype(-1)); // nothing to read a header from
        QCOMPARE(reader.needed(small.first(1)), qsizetype(-1));
        QCOMPARE(reader.needed(small + medium), small.size());
        QCOMPARE(reader.needed(medium.first(4)), medium.size()); // 16-bit length: 4 bytes say it
        QCOMPARE(reader.needed(medium.first(3)), qsizetype(-1));
        QCOMPARE(reader.needed(large.first(10)), large.size());
        QCOMPARE(reader.needed(large.first(9)), qsizetype(-1));

        // Part of a frame buffered: what it still needs, with or without more to look at.
        reader.append(large.constData(), 1);
        QCOMPARE(reader.needed(), qsizetype(-1));
        QCOMPARE(reader.needed(large.sliced(1, 20)), large.size() - 1);
        reader.append(large.constData() + 1, 5000);
        QCOMPARE(reader.needed(), large.size() - 5001);
        reader.append(large.constData() + 5001, large.size() - 5001);
        FrameReader::Frame frame;
        QCOMPARE(reader.next(frame), FrameReader::Result::Frame);
        QCOMPARE(reader.needed(), qsizetype(-1));
        QCOMPARE(reader.needed(small), small.size());
    }

    void theReaderRefusesWhatAServerMustNotSend_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QByteArray masked = serverFrame(0x1, true, "x");
        masked[1] = static_cast<char>(masked[1] | 0x80);
        masked.append(QByteArray(4, '\0'));
        QTest::newRow("masked") << masked;
        QByteArray reserved = serverFrame(0x1, true, "x");
        reserved[0] = static_cast<char>(reserved[0] | 0x40);
        QTest::newRow("reserved bit") << reserved;
        QTest::newRow("reserved opcode") << serverFrame(0x3, true, "x");
        QTest::newRow("fragmented ping") << serverFrame(0x9, false, "x");
        QTest::newRow("long ping") << serverFrame(0x9, true, QByteArray(126, 'p'));
    }

    void theReaderRefusesWhatAServerMustNotSend()
    {
        QFETCH(QByteArray, bytes);
        FrameReader reader;
        reader.append(bytes.constData(), bytes.size());
        FrameReader::Frame frame;
        QCOMPARE(reader.next(frame), FrameReader::Result::Error);
        QVERIFY(!reader.error().isEmpty());
        // It stays failed: what follows is not read as frames.
        const QByteArray good = serverFrame(0x1, true, "ok");
        reader.append(good.constData(), good.size());
        QCOMPARE(reader.next(frame), FrameReader::Result::Error);
    }

    void theReaderRefusesAFrameOverItsLimit()
    {
        FrameReader reader(1024);
        const QByteArray big = serverFrame(0x1, true, QByteArray(2048, 'b'));
        reader.append(big.constData(), 10); // the header alone is enough to know
        FrameReader::Frame frame;
        QCOMPARE(reader.next(frame), FrameReader::Result::Error);
        QCOMPARE(readOne(serverFrame(0x1, true, QByteArray(1024, 'b')), frame), FrameReader::Result::Frame);
    }
};

QTEST_APPLESS_MAIN(TestWsFrames)
#include "tst_ws_frames.moc"
