// Golden tests: Wake's decode of every message in the shared AIS corpora
// against gpsd's gpsdecode 3.22 (expected/*.paired.jsonl, made by
// tests/data/ais/regenerate.py), field by field, scaled and unscaled.
//
// Each record holds the sentences of one message as gpsd grouped them and
// gpsd's report (or null when gpsd rejected or never completed it). Wake
// decodes the same sentences with a fresh decoder.

#include "core/ais/gpsd_json.h"
#include "core/ais/message_decoder.h"
#include "core/ais/nmea_decoder.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <vector>

namespace wake::ais {
namespace {

QString expectedDir()
{
    return QStringLiteral(WAKE_TEST_DATA_DIR "/ais/expected");
}

// --- Every deviation from gpsd that is right, with its reason, in one place ---

// Keys Wake prints with its own wording: the code next to them is compared.
// gpsd's texts differ between its own versions (README section 2).
bool isDisplayText(const QString& key)
{
    return key.endsWith(QLatin1String("_text"));
}

struct Deviation
{
    int type; // 0: any type
    const char* key;
    bool scaledOnly;
    const char* reason;
};

const std::vector<Deviation>& deviations()
{
    static const std::vector<Deviation> kDeviations = {
        {0, "device", false, "the input's name; the test feeds records, gpsd read stdin"},
        {1, "turn", true,
         "gpsd 3.22 prints the square of ROT/4.733 without its sign; Wake keeps the sign "
         "(a turn to port is negative)"},
        {2, "turn", true, "as type 1"},
        {3, "turn", true, "as type 1"},
        {27, "status", true,
         "gpsd 3.22 prints only the text for type 27; Wake prints the code and status_text"},
        {27, "lat", true, "gpsd 3.22 rounds type 27 positions to 0.1 degree; Wake does not"},
        {27, "lon", true, "as lat"},
    };
    return kDeviations;
}

const Deviation* deviationFor(int type, const QString& key, bool scaled)
{
    for (const Deviation& d : deviations()) {
        if ((d.type == 0 || d.type == type) && key == QLatin1String(d.key) &&
            (scaled || !d.scaledOnly)) {
            return &d;
        }
    }
    return nullptr;
}

// A type 24 part B that follows its part A gets gpsd's merged report: part
// A's name with part B's fields and no "part" key. Wake reports each part on
// its own (the importer joins them per vessel), so there the name and the
// missing "part" key are not compared.
bool isMergedType24(const QJsonObject& gpsd)
{
    return gpsd.value(QStringLiteral("type")).toInt() == 24 &&
           !gpsd.contains(QStringLiteral("part"));
}

bool sameValue(const QJsonValue& expected, const QJsonValue& actual)
{
    if (expected.isDouble() && actual.isDouble()) {
        // Scaled values are printed with 6 decimals by both.
        return std::abs(expected.toDouble() - actual.toDouble()) <= 1.5e-6;
    }
    return expected == actual;
}

struct Outcome
{
    std::vector<Message> messages;
    DecodeStats stats;
};

Outcome decodeSentences(const QJsonArray& nmea)
{
    Outcome out;
    NmeaDecoder decoder;
    for (const QJsonValue& v : nmea) {
        const QByteArray line = v.toString().toLatin1();
        if (const DecodedMessage* m =
                decoder.decodeLine({line.constData(), static_cast<std::size_t>(line.size())})) {
            out.messages.push_back(m->message);
        }
    }
    decoder.finish();
    out.stats = decoder.stats();
    return out;
}

QJsonObject toJson(const Message& m, JsonScale scale)
{
    std::string text;
    appendGpsdJson(text, m, scale);
    return QJsonDocument::fromJson(QByteArray::fromStdString(text)).object();
}

struct Tally
{
    int gpsdReports = 0; // records gpsd decoded, of a type Wake decodes
    int agreed = 0;      // ... that Wake decoded with every compared field equal
    int fieldsCompared = 0;
    int gpsdOtherTypes = 0; // gpsd decoded a type Wake keeps raw
    int keptRaw = 0;        // ... which Wake kept as raw payload with the same type and MMSI
    int gpsdDropped = 0;    // records gpsd gave no report for
    std::map<QString, int> wakeDecodesGpsdDrops; // why, -> count
    std::vector<QString> failures;
};

void compareObjects(const QJsonObject& gpsd, const QJsonObject& wake, bool scaled, Tally& tally,
                    bool& same, const QString& where)
{
    const int type = gpsd.value(QStringLiteral("type")).toInt();
    for (auto it = gpsd.begin(); it != gpsd.end(); ++it) {
        const QString& key = it.key();
        if (isDisplayText(key) || deviationFor(type, key, scaled)) {
            continue;
        }
        if (isMergedType24(gpsd) && key == QLatin1String("shipname")) {
            continue;
        }
        ++tally.fieldsCompared;
        if (!wake.contains(key) || !sameValue(it.value(), wake.value(key))) {
            same = false;
            tally.failures.push_back(
                QStringLiteral("%1: type %2 %3 %4: gpsd %5, Wake %6")
                    .arg(where)
                    .arg(type)
                    .arg(scaled ? QStringLiteral("scaled") : QStringLiteral("unscaled"), key,
                         QString::fromUtf8(
                             QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact)),
                         wake.contains(key)
                             ? QString::fromUtf8(QJsonDocument(QJsonArray{wake.value(key)})
                                                     .toJson(QJsonDocument::Compact))
                             : QStringLiteral("(missing)")));
        }
    }
}

QString whyWakeDecodes(const QJsonObject& record, const Message& m)
{
    const QString note = record.value(QStringLiteral("note")).toString();
    if (note.contains(QLatin1String("no line ending"))) {
        return QStringLiteral("last line of the file has no line end: Wake reads it, gpsd's "
                              "packet layer waits for one");
    }
    if (!isSupportedType(m.header.type)) {
        return QStringLiteral("type %1 that gpsd cannot decode: Wake keeps the raw payload")
            .arg(m.header.type);
    }
    return QStringLiteral("type %1 that gpsd rejects: %2")
        .arg(m.header.type)
        .arg(record.value(QStringLiteral("gpsd_errors")).toArray().first().toString());
}

void checkFile(const QString& pairedPath, Tally& tally)
{
    QFile file(pairedPath);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << pairedPath.toStdString();
    int recordNo = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine();
        ++recordNo;
        const QJsonObject record = QJsonDocument::fromJson(line).object();
        const QString where =
            QStringLiteral("%1 record %2").arg(QFileInfo(pairedPath).fileName()).arg(recordNo);
        const Outcome wake = decodeSentences(record.value(QStringLiteral("nmea")).toArray());
        const QJsonValue gpsdUnscaled = record.value(QStringLiteral("gpsd_unscaled"));
        if (gpsdUnscaled.isNull()) {
            ++tally.gpsdDropped;
            if (!wake.messages.empty()) {
                ++tally.wakeDecodesGpsdDrops[whyWakeDecodes(record, wake.messages.front())];
            }
            continue;
        }
        const QJsonObject gpsdU = gpsdUnscaled.toObject();
        const int type = gpsdU.value(QStringLiteral("type")).toInt();
        if (wake.messages.size() != 1) {
            tally.failures.push_back(
                QStringLiteral("%1: gpsd decoded type %2, Wake gave %3 messages")
                    .arg(where)
                    .arg(type)
                    .arg(wake.messages.size()));
            if (isSupportedType(type)) {
                ++tally.gpsdReports;
            }
            continue;
        }
        const Message& m = wake.messages.front();
        if (!isSupportedType(type)) {
            ++tally.gpsdOtherTypes;
            if (m.header.type == type &&
                m.header.mmsi == gpsdU.value(QStringLiteral("mmsi")).toInteger() &&
                std::holds_alternative<UnsupportedMessage>(m.body)) {
                ++tally.keptRaw;
            } else {
                tally.failures.push_back(where + QStringLiteral(": raw message not kept"));
            }
            continue;
        }
        ++tally.gpsdReports;
        bool same = true;
        compareObjects(gpsdU, toJson(m, JsonScale::Unscaled), false, tally, same, where);
        compareObjects(record.value(QStringLiteral("gpsd")).toObject(),
                       toJson(m, JsonScale::Scaled), true, tally, same, where);
        if (same) {
            ++tally.agreed;
        }
    }
}

TEST(AisGolden, EveryGpsdDecodeIsMatchedFieldByField)
{
    const QStringList files =
        QDir(expectedDir()).entryList({QStringLiteral("*.paired.jsonl")}, QDir::Files, QDir::Name);
    ASSERT_EQ(files.size(), 16) << "the shared corpus has 16 raw files";
    Tally tally;
    for (const QString& f : files) {
        checkFile(expectedDir() + QLatin1Char('/') + f, tally);
    }
    for (const QString& failure : tally.failures) {
        ADD_FAILURE() << failure.toStdString();
    }
    // The numbers for the closing note and the README.
    std::printf("gpsd reports of types Wake decodes: %d, Wake agrees on %d (%d fields compared)\n",
                tally.gpsdReports, tally.agreed, tally.fieldsCompared);
    std::printf("gpsd reports of other types: %d, kept raw by Wake: %d\n", tally.gpsdOtherTypes,
                tally.keptRaw);
    std::printf("records gpsd gave no report for: %d; Wake decodes:\n", tally.gpsdDropped);
    for (const auto& [why, n] : tally.wakeDecodesGpsdDrops) {
        std::printf("  %4d  %s\n", n, why.toUtf8().constData());
    }
    EXPECT_EQ(tally.agreed, tally.gpsdReports);
    EXPECT_EQ(tally.keptRaw, tally.gpsdOtherTypes);
    // Wake never decodes the fields of a message gpsd rejects, except the
    // reasons listed: every such case must be one of these.
    for (const auto& [why, n] : tally.wakeDecodesGpsdDrops) {
        EXPECT_TRUE(why.startsWith(QLatin1String("last line")) ||
                    why.contains(QLatin1String("keeps the raw payload")))
            << why.toStdString();
    }
    EXPECT_GT(tally.gpsdReports, 2500);
}

// Whole files, as a user decodes them: every message gpsd reports from a file
// (types Wake decodes), Wake reports too, with the same type and MMSI, in
// the same order, except the one listed.
TEST(AisGolden, WholeFilesGiveTheSameMessagesInOrder)
{
    const QStringList files =
        QDir(expectedDir()).entryList({QStringLiteral("*.paired.jsonl")}, QDir::Files, QDir::Name);
    int total = 0;
    for (const QString& f : files) {
        QString rawName = f;
        rawName.chop(int(sizeof(".paired.jsonl")) - 1);
        rawName.replace(QLatin1String("__"), QLatin1String("/"));
        const QString rawPath = QStringLiteral(WAKE_TEST_DATA_DIR "/ais/") + rawName;

        std::vector<std::pair<int, qint64>> expected;
        QFile paired(expectedDir() + QLatin1Char('/') + f);
        ASSERT_TRUE(paired.open(QIODevice::ReadOnly));
        while (!paired.atEnd()) {
            const QJsonObject record = QJsonDocument::fromJson(paired.readLine()).object();
            const QJsonObject g = record.value(QStringLiteral("gpsd_unscaled")).toObject();
            const int type = g.value(QStringLiteral("type")).toInt();
            if (isSupportedType(type)) {
                expected.emplace_back(type, g.value(QStringLiteral("mmsi")).toInteger());
            }
            // Deviation: gpsd never sees a last line without a line end.
            if (record.value(QStringLiteral("note"))
                    .toString()
                    .contains(QLatin1String("no line ending"))) {
                expected.emplace_back(-1, 0);
            }
        }

        QFile raw(rawPath);
        ASSERT_TRUE(raw.open(QIODevice::ReadOnly)) << rawPath.toStdString();
        const QByteArray bytes = raw.readAll();
        NmeaDecoder decoder;
        std::vector<std::pair<int, qint64>> actual;
        for (const QByteArray& line : bytes.split('\n')) {
            if (line.isEmpty()) {
                continue;
            }
            if (const DecodedMessage* m =
                    decoder.decodeLine({line.constData(), static_cast<std::size_t>(line.size())})) {
                if (isSupportedType(m->message.header.type)) {
                    actual.emplace_back(m->message.header.type, m->message.header.mmsi);
                }
            }
        }
        // Put the deviation marker where Wake's extra message is, then drop both.
        std::erase_if(expected, [](const auto& e) { return e.first == -1; });
        if (actual.size() == expected.size() + 1 &&
            rawName.contains(QLatin1String("nmea_data_sample"))) {
            actual.pop_back(); // the last line, without a line end
        }
        EXPECT_EQ(actual, expected) << rawName.toStdString();
        total += static_cast<int>(expected.size());
    }
    EXPECT_GT(total, 2500);
}

} // namespace
} // namespace wake::ais
