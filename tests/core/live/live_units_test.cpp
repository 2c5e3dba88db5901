// The pieces of live reception without sockets: source URLs, line cutting,
// stamping, duplicates, target states and the recorder's daily files.

#include "core/ais/duplicate_filter.h"
#include "core/ais/nmea_decoder.h"
#include "core/ais/tag_stamp.h"
#include "core/live/line_splitter.h"
#include "core/live/recorder.h"
#include "core/live/source_url.h"
#include "core/live/target_table.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace wake::live {
namespace {

// The issue's case: the password was taken as part of the host, printed and
// stored. Now it is the login, and the text that is shown masks it.
TEST(SourceUrl, CredentialsAreTheLoginAndNeverInTheText)
{
    auto tcp = parseSourceUrl(QStringLiteral("tcp://ais:s3cretPW@127.0.0.1:17012"));
    ASSERT_TRUE(tcp.ok()) << tcp.error().message.toStdString();
    EXPECT_EQ(tcp->host, QStringLiteral("127.0.0.1"));
    EXPECT_EQ(tcp->port, 17012);
    EXPECT_EQ(tcp->user, QStringLiteral("ais"));
    EXPECT_EQ(tcp->password, QStringLiteral("s3cretPW"));
    EXPECT_EQ(tcp->text, QStringLiteral("tcp://ais:***@127.0.0.1:17012"));
    EXPECT_FALSE(tcp->displayName().contains(QStringLiteral("s3cret")));
    EXPECT_EQ(tcp->loginLines(), QByteArray("ais\r\ns3cretPW\r\n"));

    // A token alone (Spire's "A|T|TOKEN", percent-encoded) is one line, masked whole.
    auto token = parseSourceUrl(QStringLiteral("tcp://A%7CT%7Cabc123@127.0.0.1:56784"));
    ASSERT_TRUE(token.ok());
    EXPECT_EQ(token->loginLines(), QByteArray("A|T|abc123\r\n"));
    EXPECT_EQ(token->text, QStringLiteral("tcp://***@127.0.0.1:56784"));
    EXPECT_TRUE(parseSourceUrl(QStringLiteral("tcp://127.0.0.1:1"))->loginLines().isEmpty());

    // A password with '@' in it: the last '@' ends the login.
    auto at = parseSourceUrl(QStringLiteral("tcp://ais:p@ss@127.0.0.1:1"));
    ASSERT_TRUE(at.ok());
    EXPECT_EQ(at->password, QStringLiteral("p@ss"));

    for (const char* bad :
         {"udp://ais:s3cretPW@:1", "tcp://ais:s3cretPW@127.0.0.1", "gpsd://ais:s3cretPW@localhost",
          "tcp://ais:s3cret%0APW@127.0.0.1:1", "tcp://ais:s3cretPW@127.0.0.1:99999"}) {
        auto parsed = parseSourceUrl(QString::fromLatin1(bad));
        ASSERT_FALSE(parsed.ok()) << bad;
        EXPECT_FALSE(parsed.error().message.contains(QStringLiteral("s3cret"))) << bad;
        EXPECT_TRUE(parsed.error().message.contains(QStringLiteral(":***@"))) << bad;
    }
    EXPECT_EQ(maskedSourceUrl(QStringLiteral("file:/var/log/a@b.log")),
              QStringLiteral("file:/var/log/a@b.log"));
}

TEST(SourceUrl, EveryAcceptedFormParses)
{
    auto tcp = parseSourceUrl(QStringLiteral("tcp://127.0.0.1:10110"));
    ASSERT_TRUE(tcp.ok());
    EXPECT_EQ(tcp->kind, SourceUrl::Kind::TcpClient);
    EXPECT_EQ(tcp->host, QStringLiteral("127.0.0.1"));
    EXPECT_EQ(tcp->port, 10110);

    auto listen = parseSourceUrl(QStringLiteral("tcp-listen://:10111"));
    ASSERT_TRUE(listen.ok());
    EXPECT_EQ(listen->kind, SourceUrl::Kind::TcpListen);
    EXPECT_TRUE(listen->host.isEmpty());

    auto udp = parseSourceUrl(QStringLiteral("udp://[::1]:10112"));
    ASSERT_TRUE(udp.ok());
    EXPECT_EQ(udp->kind, SourceUrl::Kind::Udp);
    EXPECT_EQ(udp->host, QStringLiteral("::1"));

    auto gpsd = parseSourceUrl(QStringLiteral("gpsd://localhost"));
    ASSERT_TRUE(gpsd.ok());
    EXPECT_EQ(gpsd->port, 2947);

    auto serial = parseSourceUrl(QStringLiteral("serial:/dev/ttyUSB0?baud=4800"));
    ASSERT_TRUE(serial.ok());
    EXPECT_EQ(serial->path, QStringLiteral("/dev/ttyUSB0"));
    EXPECT_EQ(serial->baud, 4800);
    EXPECT_EQ(parseSourceUrl(QStringLiteral("serial:/dev/ttyS0"))->baud, 38400);

    auto file = parseSourceUrl(QStringLiteral("file:/var/log/ais.log"));
    ASSERT_TRUE(file.ok());
    EXPECT_EQ(file->kind, SourceUrl::Kind::File);
    EXPECT_EQ(file->path, QStringLiteral("/var/log/ais.log"));
}

TEST(SourceUrl, MalformedUrlsSayWhatIsWrongAndListTheForms)
{
    const std::vector<std::pair<QString, QString>> bad = {
        {QStringLiteral("127.0.0.1:10110"), QStringLiteral("scheme")},
        {QStringLiteral("tcp://127.0.0.1"), QStringLiteral("port")},
        {QStringLiteral("tcp://:10110"), QStringLiteral("host")},
        {QStringLiteral("tcp://127.0.0.1:99999"), QStringLiteral("1 to 65535")},
        {QStringLiteral("tcp://127.0.0.1:ten"), QStringLiteral("1 to 65535")},
        {QStringLiteral("http://example.org:80"), QStringLiteral("'http'")},
        {QStringLiteral("udp:10110"), QStringLiteral("//")},
        {QStringLiteral("serial:/dev/ttyUSB0?baud=fast"), QStringLiteral("baud")},
        {QStringLiteral("file:"), QStringLiteral("no file")},
        {QStringLiteral("udp://[::1:10110"), QStringLiteral("]")},
    };
    for (const auto& [text, why] : bad) {
        auto url = parseSourceUrl(text);
        ASSERT_FALSE(url.ok()) << text.toStdString();
        EXPECT_TRUE(url.error().message.contains(why))
            << text.toStdString() << ": " << url.error().message.toStdString();
        EXPECT_TRUE(url.error().message.contains(QStringLiteral("tcp-listen://")));
    }
}

TEST(LineSplitter, LinesCutAcrossPiecesComeOutWholeAndALastPartialLineOnFlush)
{
    LineSplitter splitter;
    std::vector<std::string> lines;
    auto collect = [&](std::string_view line) {
        lines.emplace_back(line);
    };
    const std::string stream = "!AIVDM,one\r\n!AIVDM,two\n\n!AIVDM,thr";
    for (char c : stream) {
        splitter.feed(&c, 1, collect);
    }
    EXPECT_EQ(lines, (std::vector<std::string>{"!AIVDM,one", "!AIVDM,two"}));
    splitter.flush(collect);
    EXPECT_EQ(lines.back(), "!AIVDM,thr");

    // A sender that never ends its line cannot grow the buffer without bound.
    LineSplitter endless;
    std::vector<std::size_t> sizes;
    const std::string junk(LineSplitter::kMaxPendingBytes * 3, 'x');
    for (std::size_t i = 0; i < junk.size(); i += 1000) {
        const auto n = static_cast<qsizetype>(std::min<std::size_t>(1000, junk.size() - i));
        endless.feed(junk.data() + i, n, [&](std::string_view l) { sizes.push_back(l.size()); });
    }
    // One over-long line, once, cut just past the limit; the rest is dropped
    // (and counted) until the line ends, and the next line reads whole.
    ASSERT_EQ(sizes.size(), 1u);
    EXPECT_EQ(sizes[0], static_cast<std::size_t>(LineSplitter::kMaxPendingBytes + 1));
    EXPECT_EQ(endless.droppedBytes(),
              static_cast<std::int64_t>(junk.size()) - (LineSplitter::kMaxPendingBytes + 1));
    std::vector<std::string> after;
    const std::string tail = "xxxx\n!AIVDM,next\n";
    endless.feed(tail.data(), static_cast<qsizetype>(tail.size()),
                 [&](std::string_view l) { after.emplace_back(l); });
    EXPECT_EQ(after, (std::vector<std::string>{"!AIVDM,next"}));

    // A single piece far longer than the limit is not copied whole.
    LineSplitter big;
    const std::string huge(1 << 20, 'y');
    sizes.clear();
    big.feed(huge.data(), static_cast<qsizetype>(huge.size()),
             [&](std::string_view l) { sizes.push_back(l.size()); });
    ASSERT_EQ(sizes.size(), 1u);
    EXPECT_EQ(sizes[0], static_cast<std::size_t>(LineSplitter::kMaxPendingBytes + 1));
    EXPECT_FALSE(big.hasPartialLine());
}

// Found by fuzzing: text before the sentence ("# " in gpsd's sample log)
// kept the tag block away from the '!', so a recording lost the line's time.
TEST(TagStamp, TextBeforeTheSentenceKeepsTheStampOnTheSentence)
{
    const std::string line = "# !AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A";
    const ais::StampedLine stamped = ais::stampLine(line, 1'700'000'000'123, "north");
    EXPECT_TRUE(stamped.text.starts_with("# \\s:north,c:1700000000123*")) << stamped.text;
    const ais::ParsedLine parsed = ais::parseLine(stamped.text);
    ASSERT_EQ(parsed.kind, ais::ParsedLine::Kind::Ais);
    EXPECT_EQ(parsed.sentence.tag.timeUtcMs, 1'700'000'000'123);

    // A tag block whose checksum fails gives way to the new one.
    const std::string broken = "\\s:x,c:14#8169601*34\\" + line.substr(2);
    const ais::ParsedLine again =
        ais::parseLine(ais::stampLine(broken, 1'700'000'000'456, "north").text);
    ASSERT_EQ(again.kind, ais::ParsedLine::Kind::Ais);
    EXPECT_EQ(again.sentence.tag.timeUtcMs, 1'700'000'000'456);
}

TEST(TagStamp, AddsReceiveTimeAndSourceOrKeepsTheSendersTime)
{
    const std::string plain = "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A";
    const ais::StampedLine stamped = ais::stampLine(plain, 1'700'000'000'123, "north");
    EXPECT_FALSE(stamped.senderTime);
    const ais::ParsedLine parsed = ais::parseLine(stamped.text);
    ASSERT_EQ(parsed.kind, ais::ParsedLine::Kind::Ais);
    EXPECT_EQ(parsed.sentence.tag.timeUtcMs, 1'700'000'000'123);
    EXPECT_EQ(parsed.sentence.tag.source, "north");

    // The sender's own c: (seconds) and s: are kept; g: too.
    const std::string tagged = "\\g:1-2-1604,s:rORBCOMM008,c:1418169601*00\\" + plain;
    std::string fixedTag = tagged;
    {
        unsigned sum = 0;
        for (char c : std::string("g:1-2-1604,s:rORBCOMM008,c:1418169601")) {
            sum ^= static_cast<unsigned char>(c);
        }
        char hex[3];
        std::snprintf(hex, sizeof hex, "%02X", sum);
        fixedTag.replace(fixedTag.find("*00"), 3, std::string("*") + hex);
    }
    const ais::StampedLine kept = ais::stampLine(fixedTag, 1'700'000'000'123, "north");
    EXPECT_TRUE(kept.senderTime);
    const ais::ParsedLine keptParsed = ais::parseLine(kept.text);
    ASSERT_EQ(keptParsed.kind, ais::ParsedLine::Kind::Ais);
    EXPECT_EQ(keptParsed.sentence.tag.timeUtcMs, 1'418'169'601'000);
    EXPECT_EQ(keptParsed.sentence.tag.source, "north/rORBCOMM008");
    EXPECT_EQ(keptParsed.sentence.tag.groupId, 1604);
}

TEST(DuplicateFilter, TheSameMessageWithinTenSecondsIsADuplicate)
{
    ais::DuplicateFilter filter;
    EXPECT_FALSE(filter.check(42, 1'000, 0));
    const auto again = filter.check(42, 1'000 + ais::DuplicateFilter::kWindowMs, 1);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->timeUtcMs, 1'000);
    EXPECT_EQ(again->sourceIndex, 0);
    EXPECT_FALSE(filter.check(7, 2'000, 1));
    // Past the window it is a new message, and old entries are forgotten.
    EXPECT_FALSE(filter.check(42, 1'001 + 2 * ais::DuplicateFilter::kWindowMs, 1));
    EXPECT_LE(filter.remembered(), 2u);
}

TEST(TargetTable, ReportingIntervalsFollowItuR1371ByClassAndSpeed)
{
    EXPECT_EQ(nominalIntervalMs(TargetClass::A, 0.0, 5), 180'000); // moored
    EXPECT_EQ(nominalIntervalMs(TargetClass::A, 3.0, 1), 180'000); // at anchor, 3 kn
    EXPECT_EQ(nominalIntervalMs(TargetClass::A, 3.1, 1), 10'000);
    EXPECT_EQ(nominalIntervalMs(TargetClass::A, 14.0, 0), 10'000);
    EXPECT_EQ(nominalIntervalMs(TargetClass::A, 14.1, 0), 6'000);
    EXPECT_EQ(nominalIntervalMs(TargetClass::A, 23.1, 0), 2'000);
    EXPECT_EQ(nominalIntervalMs(TargetClass::BCs, 2.0, {}), 180'000);
    EXPECT_EQ(nominalIntervalMs(TargetClass::BCs, 2.1, {}), 30'000);
    EXPECT_EQ(nominalIntervalMs(TargetClass::BSotdma, 15.0, {}), 15'000);
    EXPECT_EQ(nominalIntervalMs(TargetClass::BSotdma, 24.0, {}), 5'000);
    EXPECT_EQ(nominalIntervalMs(TargetClass::LongRange, 12.0, {}), 180'000);
}

TEST(TargetTable, ActiveStaleLostAndTheSilenceALostTargetEnds)
{
    TargetTable table;
    ais::PositionFix fix;
    fix.latDeg = 9.35;
    fix.lonDeg = -79.9;
    fix.sogKnots = 10.0;
    auto first = table.updatePosition(211000001, 1, false, 0, fix);
    EXPECT_TRUE(first.isNew);
    const LiveTarget& t = *table.find(211000001);
    EXPECT_EQ(t.intervalMs, 10'000);
    EXPECT_EQ(table.stateAt(t, 30'000), TargetState::Active);
    EXPECT_EQ(table.stateAt(t, 30'001), TargetState::Stale);
    EXPECT_EQ(table.stateAt(t, 60'000), TargetState::Stale);
    EXPECT_EQ(table.stateAt(t, 60'001), TargetState::Lost);

    // Heard again before it was lost: no gap; after: the silence it ends.
    EXPECT_FALSE(table.updatePosition(211000001, 1, false, 60'000, fix).silenceFromUtcMs);
    const auto back = table.updatePosition(211000001, 1, false, 200'000, fix);
    ASSERT_TRUE(back.silenceFromUtcMs);
    EXPECT_EQ(*back.silenceFromUtcMs, 60'000);
    EXPECT_EQ(back.silenceIntervalMs, 10'000);

    // A setting can move "lost".
    TargetTable patient(20);
    patient.updatePosition(1, 1, false, 0, fix);
    EXPECT_EQ(patient.stateAt(*patient.find(1), 100'000), TargetState::Stale);

    // Static data first: the name is there when the position comes.
    ais::VesselIdentity id;
    id.name = "GATUN";
    table.updateIdentity(211000002, id);
    EXPECT_EQ(table.find(211000002), nullptr);
    table.updatePosition(211000002, 18, true, 0, fix);
    EXPECT_EQ(table.find(211000002)->name, QStringLiteral("GATUN"));
    EXPECT_EQ(table.find(211000002)->cls, TargetClass::BCs);
    EXPECT_EQ(table.snapshot().size(), 2u);
}

TEST(Recorder, WritesOneFilePerUtcDay)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const std::int64_t day = 24LL * 3600 * 1000;
    const std::int64_t t0 = 19'000 * day + day - 1; // the last millisecond of a day
    {
        Recorder recorder(dir.path());
        recorder.write("line one", t0);
        recorder.write("line two", t0 + 1);
        EXPECT_EQ(recorder.linesWritten(), 2);
        EXPECT_EQ(recorder.errors(), 0);
    }
    QFile first(dir.filePath(Recorder::fileNameFor(t0)));
    QFile second(dir.filePath(Recorder::fileNameFor(t0 + 1)));
    ASSERT_NE(first.fileName(), second.fileName());
    ASSERT_TRUE(first.open(QIODevice::ReadOnly));
    ASSERT_TRUE(second.open(QIODevice::ReadOnly));
    EXPECT_EQ(first.readAll(), QByteArray("line one\n"));
    EXPECT_EQ(second.readAll(), QByteArray("line two\n"));

    // A folder that cannot be written is counted, not fatal.
    Recorder broken(QStringLiteral("/proc/wake-cannot-write-here"));
    broken.write("x", t0);
    EXPECT_EQ(broken.errors(), 1);
    EXPECT_FALSE(broken.lastError().isEmpty());
}

} // namespace
} // namespace wake::live
