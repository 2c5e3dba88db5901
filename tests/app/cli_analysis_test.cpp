// wake import runs the analysis; wake analyze, events and voyages show and
// filter what it found. The input is a generated MarineCadastre CSV with
// planted events.

#include "core/reference/port_index.h"
#include "core/store/database.h"
#include "tests/app/cli_fixture.h"
#include "tests/support/marine_cadastre_csv.h"

#include <QDateTime>
#include <QFile>
#include <QJsonObject>
#include <QRegularExpression>

using namespace wake;
using wake::test::Cli;
using wake::test::jsonArray;
using wake::test::ProcessResult;

namespace {

class CliAnalysis : public Cli
{
protected:
    void SetUp() override
    {
        traffic::TrafficOptions options;
        options.vessels = 10;
        options.encounterPairs = 2;
        options.days = 14;
        m_csv = m_dir.filePath(QStringLiteral("day.csv"));
        auto traffic = traffic::writeGeneratedTraffic(options, m_csv);
        ASSERT_TRUE(traffic);
        m_traffic = std::move(*traffic);
    }
    int planted(model::EventKind kind) const
    {
        return static_cast<int>(std::count_if(m_traffic.events.begin(), m_traffic.events.end(),
                                              [&](const auto& e) { return e.kind == kind; }));
    }
    traffic::GeneratedTraffic m_traffic;
    QString m_csv;
};

} // namespace

TEST_F(CliAnalysis, ImportFindsEventsAndVoyagesThatEventsAndVoyagesList)
{
    const ProcessResult imported = wake({QStringLiteral("import"), m_csv});
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    EXPECT_TRUE(imported.err.contains(QStringLiteral("Analysis (gfw rules): 10 vessel(s)")))
        << imported.err.toStdString();

    const ProcessResult visits = wake({QStringLiteral("events"), QStringLiteral("--json"),
                                       QStringLiteral("--kind"), QStringLiteral("port_visit")});
    ASSERT_EQ(visits.exitCode, 0) << visits.err.toStdString();
    const QJsonArray list = jsonArray(visits.out);
    // Visits cut by the ends of the data are found too, so at least as many as planted.
    EXPECT_GE(list.size(), planted(model::EventKind::PortVisit));
    ASSERT_FALSE(list.isEmpty());
    const QJsonObject first = list.first().toObject();
    EXPECT_EQ(first.value(QStringLiteral("kind")).toString(), QStringLiteral("port_visit"));
    EXPECT_TRUE(first.value(QStringLiteral("time"))
                    .toObject()
                    .value(QStringLiteral("start"))
                    .toString()
                    .endsWith(QLatin1Char('Z')));
    EXPECT_GT(first.value(QStringLiteral("vesselId")).toDouble(), 0.0);
    const QJsonObject port = first.value(QStringLiteral("port")).toObject();
    EXPECT_EQ(port.value(QStringLiteral("unlocode")).toString().size(), 5);
    EXPECT_FALSE(port.value(QStringLiteral("name")).toString().isEmpty());
    EXPECT_EQ(
        first.value(QStringLiteral("rules")).toObject().value(QStringLiteral("preset")).toString(),
        QStringLiteral("gfw"));

    // The table says whose each event is and when a detected one ended, and
    // a voyage's name.
    const ProcessResult table =
        wake({QStringLiteral("events"), QStringLiteral("--kind"), QStringLiteral("port_visit")});
    ASSERT_EQ(table.exitCode, 0) << table.err.toStdString();
    const QStringList lines = table.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_GE(lines.size(), 2);
    EXPECT_TRUE(lines[0].contains(QStringLiteral("VESSEL")) &&
                lines[0].contains(QStringLiteral("END")))
        << lines[0].toStdString();
    const auto endOf = [](const QJsonObject& e) {
        return QDateTime::fromString(e.value(QStringLiteral("time"))
                                         .toObject()
                                         .value(QStringLiteral("end"))
                                         .toString(),
                                     Qt::ISODateWithMs)
            .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    };
    const QString firstRow = lines[1];
    EXPECT_TRUE(firstRow.contains(endOf(first))) << firstRow.toStdString();
    EXPECT_TRUE(firstRow.contains(QRegularExpression(QStringLiteral("^\\d+\\s+\\S"))));
    const ProcessResult voyageTable = wake({QStringLiteral("voyages")});
    ASSERT_EQ(voyageTable.exitCode, 0);
    EXPECT_TRUE(voyageTable.out.section(QLatin1Char('\n'), 0, 0).contains(QStringLiteral("NAME")));
    EXPECT_TRUE(voyageTable.out.contains(QStringLiteral(" → "))) << voyageTable.out.toStdString();

    const QJsonArray encounters =
        jsonArray(wake({QStringLiteral("events"), QStringLiteral("--json"),
                        QStringLiteral("--kind"), QStringLiteral("encounter")})
                      .out);
    ASSERT_GT(planted(model::EventKind::Encounter), 0);
    ASSERT_EQ(encounters.size(), planted(model::EventKind::Encounter));
    EXPECT_TRUE(encounters.first().toObject().contains(QStringLiteral("otherVesselId")));

    // A time window: only events that overlap it.
    const ProcessResult window =
        wake({QStringLiteral("events"), QStringLiteral("--json"), QStringLiteral("--from"),
              QStringLiteral("2023-07-03"), QStringLiteral("--to"), QStringLiteral("2023-07-04")});
    ASSERT_EQ(window.exitCode, 0);
    for (const QJsonValue& v : jsonArray(window.out)) {
        const QJsonObject t = v.toObject().value(QStringLiteral("time")).toObject();
        EXPECT_GE(t.value(QStringLiteral("end")).toString(), QStringLiteral("2023-07-03"));
        EXPECT_LE(t.value(QStringLiteral("start")).toString(),
                  QStringLiteral("2023-07-04T00:00:00.000Z"));
    }

    const ProcessResult voyages = wake({QStringLiteral("voyages"), QStringLiteral("--json")});
    ASSERT_EQ(voyages.exitCode, 0) << voyages.err.toStdString();
    const QJsonArray voyageList = jsonArray(voyages.out);
    int detected = 0;
    for (const QJsonValue& v : voyageList) {
        const QJsonObject o = v.toObject();
        if (!o.value(QStringLiteral("detected")).toBool()) {
            continue; // the scenario's
        }
        ++detected;
        EXPECT_EQ(o.value(QStringLiteral("origin"))
                      .toObject()
                      .value(QStringLiteral("unlocode"))
                      .toString()
                      .size(),
                  5);
        EXPECT_GT(o.value(QStringLiteral("distanceNm")).toDouble(), 10.0);
        EXPECT_LT(o.value(QStringLiteral("departure")).toString(),
                  o.value(QStringLiteral("arrival")).toString());
    }
    ASSERT_FALSE(m_traffic.voyages.empty());
    EXPECT_GE(detected, static_cast<int>(m_traffic.voyages.size()));

    // The AIS type, not "-".
    const ProcessResult vessels = wake({QStringLiteral("vessels")});
    EXPECT_TRUE(
        vessels.out.contains(QStringLiteral("Cargo - all ships of this type (AIS type 70)")))
        << vessels.out.toStdString();
}

TEST_F(CliAnalysis, AnalyzeWithAnotherPresetListsTheChangesAndADryRunStoresNothing)
{
    ASSERT_EQ(wake({QStringLiteral("import"), m_csv}).exitCode, 0);
    const int before = static_cast<int>(
        jsonArray(wake({QStringLiteral("events"), QStringLiteral("--json")}).out).size());
    const ProcessResult dry = wake({QStringLiteral("analyze"), QStringLiteral("--preset"),
                                    QStringLiteral("skylight"), QStringLiteral("--dry-run")});
    EXPECT_EQ(dry.exitCode, 0) << dry.err.toStdString();
    EXPECT_TRUE(dry.err.contains(QStringLiteral("Dry run: nothing was stored.")));
    EXPECT_TRUE(dry.err.contains(QStringLiteral("Against the stored results:")));
    EXPECT_EQ(jsonArray(wake({QStringLiteral("events"), QStringLiteral("--json")}).out).size(),
              before);

    // The same rules again change nothing.
    const ProcessResult same =
        wake({QStringLiteral("analyze"), QStringLiteral("--preset"), QStringLiteral("gfw")});
    EXPECT_EQ(same.exitCode, 0);
    EXPECT_TRUE(same.err.contains(QStringLiteral(": 0 added, 0 removed")))
        << same.err.toStdString();
}

TEST_F(CliAnalysis, WrongArgumentsAreUsageErrors)
{
    EXPECT_EQ(wake({QStringLiteral("analyze"), QStringLiteral("--preset"), QStringLiteral("nope")})
                  .exitCode,
              2);
    EXPECT_EQ(
        wake({QStringLiteral("events"), QStringLiteral("--kind"), QStringLiteral("nope")}).exitCode,
        2);
    EXPECT_EQ(
        wake({QStringLiteral("events"), QStringLiteral("--from"), QStringLiteral("yesterday")})
            .exitCode,
        2);
    EXPECT_EQ(
        wake({QStringLiteral("voyages"), QStringLiteral("--vessel"), QStringLiteral("x")}).exitCode,
        2);
    const ProcessResult missing =
        wake({QStringLiteral("analyze"), QStringLiteral("--vessel"), QStringLiteral("999")});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("no vessel with id 999")));
}

TEST_F(CliAnalysis, ARulesFileWithAWrongValueIsRefusedBeforeAnythingIsAnalysed)
{
    struct Case
    {
        QByteArray json;
        const char* message;
    };
    const std::vector<Case> cases = {
        {R"({"gaps": {"minDurationH": "six"}})", "gaps.minDurationH must be a number"},
        {R"({"gaps": {"envelopeSpeedPercentile": 1000}})", "envelopeSpeedPercentile must be from"},
        {R"({"gaps": {"minDurationH": 0}})", "gaps.minDurationH must be from 0.1 to 720 h, not 0"},
        {R"({"gap": {"minDurationH": 6}})", "unknown group \"gap\""},
    };
    for (const Case& c : cases) {
        const QString path = m_dir.filePath(QStringLiteral("rules.json"));
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(c.json);
        file.close();
        const ProcessResult r = wake({QStringLiteral("analyze"), QStringLiteral("--rules"), path});
        EXPECT_EQ(r.exitCode, 1) << c.json.toStdString();
        EXPECT_TRUE(r.err.contains(QString::fromUtf8(c.message))) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(QStringLiteral("nothing was analysed")));
        EXPECT_TRUE(r.out.isEmpty());
    }
}

// The same file imported again changes nothing: no position, vessel,
// identity record or event more (the issue saw identity history 62 -> 182 ->
// 302 and the older name recorded again each time).
TEST_F(CliAnalysis, ARepeatedImportChangesNothing)
{
    ASSERT_GE(planted(model::EventKind::IdentityChange), 1) << "the traffic renames a vessel";
    const QString db = m_dir.filePath(QStringLiteral("cli.sqlite"));
    struct Snapshot
    {
        std::size_t history = 0;
        QString vessels;
        QString events;
        std::int64_t positions = 0;
    };
    const auto snapshot = [&] {
        Snapshot s;
        auto store = store::Database::open(db);
        EXPECT_TRUE(store.ok());
        if (!store.ok()) {
            return s;
        }
        auto history = store->observedIdentityHistory();
        s.history = history.ok() ? history->size() : 0;
        auto count = store->trackPointCount();
        s.positions = count.ok() ? *count : -1;
        s.vessels = wake({QStringLiteral("vessels"), QStringLiteral("--json")}).out;
        s.events = wake({QStringLiteral("events"), QStringLiteral("--json")}).out;
        return s;
    };
    ASSERT_EQ(wake({QStringLiteral("import"), m_csv}).exitCode, 0);
    const Snapshot first = snapshot();
    EXPECT_GE(first.history, 1u);
    EXPECT_TRUE(first.events.contains(QStringLiteral("identity_change")));
    for (int again = 0; again < 2; ++again) {
        const ProcessResult r = wake({QStringLiteral("import"), m_csv});
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(QStringLiteral(" 0 stored")) ||
                    r.err.contains(QStringLiteral(", 0 stored")))
            << r.err.toStdString();
        const Snapshot next = snapshot();
        EXPECT_EQ(next.history, first.history);
        EXPECT_EQ(next.positions, first.positions);
        EXPECT_EQ(next.vessels, first.vessels);
        EXPECT_EQ(next.events, first.events);
    }
}

// A dismissed event that analysis finds again stays dismissed; notes and
// reviews survive a round trip through the case file into another database.
TEST_F(CliAnalysis, ReviewsAndNotesSurviveReanalysisAndTheCaseFile)
{
    ASSERT_EQ(wake({QStringLiteral("import"), m_csv}).exitCode, 0);
    const QJsonArray gaps = jsonArray(wake({QStringLiteral("events"), QStringLiteral("--json"),
                                            QStringLiteral("--kind"), QStringLiteral("ais_gap")})
                                          .out);
    ASSERT_GE(gaps.size(), 2);
    const QJsonObject gap = gaps[0].toObject();
    const QString gapId = QString::number(gap.value(QStringLiteral("id")).toInteger());
    const QString key = gap.value(QStringLiteral("key")).toString();
    EXPECT_EQ(
        gap.value(QStringLiteral("review")).toObject().value(QStringLiteral("state")).toString(),
        QStringLiteral("unreviewed"));
    const ProcessResult dismissed = wake(
        {QStringLiteral("case"), QStringLiteral("review"), QStringLiteral("dismissed"),
         QStringLiteral("--event"), gapId, QStringLiteral("--by"), QStringLiteral("analyst A")});
    ASSERT_EQ(dismissed.exitCode, 0) << dismissed.err.toStdString();
    const QString vessel = QString::number(gap.value(QStringLiteral("vesselId")).toInteger());
    ASSERT_EQ(wake({QStringLiteral("case"), QStringLiteral("note"), QStringLiteral("--event"),
                    gapId, QStringLiteral("Receiver outage, not the ship")})
                  .exitCode,
              0);
    ASSERT_EQ(wake({QStringLiteral("case"), QStringLiteral("note"), QStringLiteral("--vessel"),
                    vessel, QStringLiteral("--time"), QStringLiteral("2023-07-03T12:00Z"),
                    QStringLiteral("--bookmark"), QStringLiteral("Turns north")})
                  .exitCode,
              0);

    // Analysis again: every event is new (new ids), the dismissed gap among them.
    ASSERT_EQ(wake({QStringLiteral("analyze")}).exitCode, 0);
    auto reviewOf = [&](const QString& db) -> QJsonObject {
        const QJsonArray again = jsonArray(
            wake({QStringLiteral("events"), QStringLiteral("--json"), QStringLiteral("--kind"),
                  QStringLiteral("ais_gap"), QStringLiteral("--db"), db},
                 false)
                .out);
        for (const QJsonValue& v : again) {
            if (v.toObject().value(QStringLiteral("key")).toString() == key) {
                return v.toObject().value(QStringLiteral("review")).toObject();
            }
        }
        return {};
    };
    const QString first = m_dir.filePath(QStringLiteral("cli.sqlite"));
    const QJsonObject kept = reviewOf(first);
    EXPECT_EQ(kept.value(QStringLiteral("state")).toString(), QStringLiteral("dismissed"));
    EXPECT_EQ(kept.value(QStringLiteral("by")).toString(), QStringLiteral("analyst A"));
    EXPECT_EQ(jsonArray(wake({QStringLiteral("events"), QStringLiteral("--json"),
                              QStringLiteral("--kind"), QStringLiteral("ais_gap")})
                            .out)[1]
                  .toObject()
                  .value(QStringLiteral("review"))
                  .toObject()
                  .value(QStringLiteral("state"))
                  .toString(),
              QStringLiteral("unreviewed"));

    // Out to a case file, into a second database of the same data, twice.
    const QString caseFile = m_dir.filePath(QStringLiteral("case.json"));
    ASSERT_EQ(wake({QStringLiteral("case"), QStringLiteral("export"), caseFile}).exitCode, 0);
    const QString second = m_dir.filePath(QStringLiteral("second.sqlite"));
    ASSERT_EQ(
        wake({QStringLiteral("import"), m_csv, QStringLiteral("--db"), second}, false).exitCode, 0);
    for (int i = 0; i < 2; ++i) {
        const ProcessResult in = wake({QStringLiteral("case"), QStringLiteral("import"), caseFile,
                                       QStringLiteral("--db"), second},
                                      false);
        ASSERT_EQ(in.exitCode, 0) << in.err.toStdString();
    }
    EXPECT_EQ(reviewOf(second).value(QStringLiteral("state")).toString(),
              QStringLiteral("dismissed"));
    const QJsonObject both =
        QJsonDocument::fromJson(
            wake({QStringLiteral("case"), QStringLiteral("--json"), QStringLiteral("--db"), second},
                 false)
                .out.toUtf8())
            .object();
    const QJsonArray notes = both.value(QStringLiteral("notes")).toArray();
    ASSERT_EQ(notes.size(), 2); // imported twice, kept once
    EXPECT_EQ(notes[0].toObject().value(QStringLiteral("eventKey")).toString(), key);
    EXPECT_TRUE(notes[1].toObject().value(QStringLiteral("bookmark")).toBool());

    // Wrong use is refused and changes nothing.
    EXPECT_EQ(wake({QStringLiteral("case"), QStringLiteral("review"), QStringLiteral("maybe"),
                    QStringLiteral("--event"), gapId})
                  .exitCode,
              2);
    EXPECT_EQ(wake({QStringLiteral("case"), QStringLiteral("import"), m_csv}).exitCode, 1);
}
