#include "core/geo/geodesy.h"
#include "core/scenario/scenario.h"
#include "core/scenario/scenario_installer.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

using namespace wake;
using namespace wake::model;

namespace {

const scenario::Scenario& builtIn()
{
    static const auto sc = scenario::loadBuiltInScenario();
    EXPECT_TRUE(sc.ok()) << sc.error().toString().toStdString();
    return sc.value();
}

std::int64_t utcDay(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}

class InstalledScenario : public ::testing::Test
{
protected:
    void SetUp() override
    {
        auto db = scenario::openWithBuiltInScenario(m_dir.filePath(QStringLiteral("s.sqlite")));
        ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
        m_db.emplace(std::move(db).value());
        auto vessels = m_db->listVessels();
        ASSERT_TRUE(vessels.ok());
        ASSERT_EQ(vessels->size(), 1u);
        m_vesselId = vessels->front().id;
    }
    QTemporaryDir m_dir;
    std::optional<store::Database> m_db;
    VesselId m_vesselId = 0;
};

} // namespace

TEST(Scenario, BuiltInIdentityHasImoAndNoMmsi)
{
    const Vessel& v = builtIn().vessel;
    EXPECT_EQ(v.name, QStringLiteral("Chong Chon Gang"));
    EXPECT_EQ(v.imo, 7937317u);
    EXPECT_TRUE(isValidImo(*v.imo));
    EXPECT_FALSE(v.mmsi); // not published: never invented
    EXPECT_EQ(v.flagAlpha2, QStringLiteral("KP"));
    const auto mmsiFact = std::find_if(v.facts.begin(), v.facts.end(), [](const VesselFact& f) {
        return f.key == QLatin1String("mmsi");
    });
    ASSERT_NE(mmsiFact, v.facts.end());
    EXPECT_FALSE(mmsiFact->value);
    EXPECT_EQ(mmsiFact->attribution.confidence, Confidence::Unknown);
}

TEST(Scenario, EveryEventHasASourceThatExists)
{
    std::set<QString> known;
    for (const auto& s : builtIn().sources) {
        known.insert(s.id);
    }
    ASSERT_FALSE(builtIn().events.empty());
    for (const Event& e : builtIn().events) {
        EXPECT_FALSE(e.attribution.sourceIds.empty()) << e.title.toStdString();
        for (const auto& id : e.attribution.sourceIds) {
            EXPECT_TRUE(known.count(id)) << id.toStdString();
        }
    }
}

TEST(Scenario, ReportedPositionsArePortPointsOnReportedDates)
{
    const auto& sc = builtIn();
    ASSERT_FALSE(sc.reportedPositions.empty());
    for (const auto& r : sc.reportedPositions) {
        EXPECT_EQ(r.date.precision, TimePrecision::Day);
        EXPECT_TRUE(r.position.isValid());
    }
    const auto points = scenario::reportedTrackPoints(sc, 1);
    ASSERT_EQ(points.size(), sc.reportedPositions.size());
    std::set<std::int64_t> times;
    for (std::size_t i = 0; i < points.size(); ++i) {
        EXPECT_EQ(points[i].provenance, Provenance::Reported);
        // The placeholder time stays inside the reported day.
        EXPECT_TRUE(sc.reportedPositions[i].date.contains(points[i].timeUtcMs));
        times.insert(points[i].timeUtcMs);
    }
    EXPECT_EQ(times.size(), points.size()); // two places on one day still get an order
}

TEST_F(InstalledScenario, SeizureAtManzanilloOnFifteenthOfJuly)
{
    const auto events = m_db->events(store::EventFilter::forVessel(m_vesselId));
    ASSERT_TRUE(events.ok());
    const auto seizure = std::find_if(events->begin(), events->end(),
                                      [](const Event& e) { return e.kind == EventKind::Seizure; });
    ASSERT_NE(seizure, events->end());
    EXPECT_EQ(seizure->time.startUtcMs, utcDay(2013, 7, 15));
    EXPECT_EQ(seizure->time.precision, TimePrecision::Day); // the hour is not reported
    EXPECT_TRUE(seizure->place.contains(QStringLiteral("Manzanillo International Terminal")));
    ASSERT_TRUE(seizure->position);
    EXPECT_NEAR(seizure->position->latDeg, 9.3638, 1e-3);
    EXPECT_NEAR(seizure->position->lonDeg, -79.8802, 1e-3);
    EXPECT_EQ(seizure->attribution.confidence, Confidence::High);
    EXPECT_GE(seizure->attribution.sourceIds.size(), 2u);
    for (const Event& e : *events) {
        EXPECT_FALSE(e.attribution.sourceIds.empty()) << e.title.toStdString();
    }
}

TEST_F(InstalledScenario, StoredVesselFactsAndVoyages)
{
    const auto v = m_db->vessel(m_vesselId);
    ASSERT_TRUE(v.ok() && v->has_value());
    EXPECT_EQ((*v)->imo, 7937317u);
    EXPECT_FALSE((*v)->mmsi);
    EXPECT_GT((*v)->facts.size(), 20u);
    ASSERT_EQ((*v)->history.size(), 2u);
    EXPECT_EQ((*v)->history[1].value, QStringLiteral("Tong Hung San"));

    const auto voyages = m_db->voyages(m_vesselId);
    ASSERT_TRUE(voyages.ok());
    ASSERT_EQ(voyages->size(), 2u);
    const auto def =
        std::find_if(voyages->begin(), voyages->end(), [](const Voyage& x) { return x.isDefault; });
    ASSERT_NE(def, voyages->end());
    EXPECT_EQ(def->originLocode, QStringLiteral("CUPPA"));
    EXPECT_EQ(def->departure->startUtcMs, utcDay(2013, 7, 5));

    // The reported places, and between the ones that differ the reconstructed
    // passage: nothing in the track is presented as observed.
    const auto track = m_db->track(m_vesselId, 0, utcDay(2030, 1, 1));
    ASSERT_TRUE(track.ok());
    const auto reported = std::count_if(track->begin(), track->end(), [](const auto& p) {
        return p.provenance == Provenance::Reported;
    });
    EXPECT_EQ(static_cast<std::size_t>(reported), builtIn().reportedPositions.size());
    EXPECT_GT(track->size(), static_cast<std::size_t>(reported));
    for (const auto& p : *track) {
        EXPECT_NE(p.provenance, Provenance::Observed);
    }
    // Puerto Padre (5 July) to Manzanillo (11 July) is reconstructed in between.
    const auto leg = m_db->track(m_vesselId, utcDay(2013, 7, 6), utcDay(2013, 7, 10));
    ASSERT_TRUE(leg.ok());
    ASSERT_FALSE(leg->empty());
    for (const auto& p : *leg) {
        EXPECT_EQ(p.provenance, Provenance::Reconstructed);
    }
    // At one constant (assumed) speed from Puerto Padre to Manzanillo: every
    // reconstructed step covers distance in proportion to its time.
    const auto passage = m_db->track(m_vesselId, utcDay(2013, 7, 5), utcDay(2013, 7, 12));
    ASSERT_TRUE(passage.ok());
    std::vector<double> knots;
    for (std::size_t i = 1; i < passage->size(); ++i) {
        const auto& a = (*passage)[i - 1];
        const auto& b = (*passage)[i];
        const double metres = wake::geo::distanceM({a.latDeg, a.lonDeg}, {b.latDeg, b.lonDeg});
        if (metres > 1000) {
            knots.push_back(metres / 1852.0 / ((b.timeUtcMs - a.timeUtcMs) / 3.6e6));
        }
    }
    ASSERT_GT(knots.size(), 3u);
    for (double k : knots) {
        EXPECT_NEAR(k, knots.front(), 0.01);
    }
}

TEST_F(InstalledScenario, InstallingAgainChangesNothing)
{
    const auto eventsBefore = m_db->events()->size();
    const auto pointsBefore = *m_db->trackPointCount();
    const auto again = scenario::installScenario(*m_db, builtIn());
    ASSERT_TRUE(again.ok());
    EXPECT_FALSE(again->installed);
    EXPECT_EQ(again->vesselId, m_vesselId);
    EXPECT_EQ(m_db->events()->size(), eventsBefore);
    EXPECT_EQ(*m_db->trackPointCount(), pointsBefore);
}

TEST_F(InstalledScenario, AChangedScenarioReplacesItsOwnEventsOnly)
{
    Event imported;
    imported.vesselId = m_vesselId;
    imported.kind = EventKind::PortCall;
    imported.time = *parseReportedTime(QStringLiteral("2014-03-21"));
    imported.title = QStringLiteral("detected");
    imported.origin = QStringLiteral("analysis");
    ASSERT_TRUE(m_db->insertEvent(imported).ok());
    const auto before = m_db->events()->size();

    const auto pointsBefore = *m_db->trackPointCount();
    scenario::Scenario changed = builtIn();
    changed.contentHash = "changed";
    const auto r = scenario::installScenario(*m_db, changed);
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    EXPECT_TRUE(r->installed);
    EXPECT_EQ(m_db->events()->size(), before); // scenario events replaced, the analysis one kept
    EXPECT_EQ(*m_db->trackPointCount(), pointsBefore); // replaced, not added twice
}

TEST(ScenarioParser, ClearErrorsForBrokenFiles)
{
    auto notJson = scenario::parseScenario("{ nope", QStringLiteral("x.json"));
    ASSERT_FALSE(notJson.ok());
    EXPECT_TRUE(notJson.error().toString().contains(QStringLiteral("x.json")));

    auto wrongFormat = scenario::parseScenario(R"({"format":"geojson"})", QStringLiteral("y.json"));
    ASSERT_FALSE(wrongFormat.ok());
    EXPECT_TRUE(wrongFormat.error().message.contains(QStringLiteral("not a Wake scenario")));

    const char* unknownSource = R"({"format":"wake.scenario","formatVersion":1,"id":"t",
        "sources":[{"id":"S1","title":"One"}],
        "vessel":{"identity":{"name":"T"}},
        "events":[{"time":"2013-07-15","kind":"seizure","title":"x","confidence":"high","sources":["S9"]}]})";
    auto bad = scenario::parseScenario(unknownSource, QStringLiteral("z.json"));
    ASSERT_FALSE(bad.ok());
    EXPECT_TRUE(bad.error().message.contains(QStringLiteral("S9")));
    EXPECT_TRUE(bad.error().where.contains(QStringLiteral("events[0]")));

    const char* badTime = R"({"format":"wake.scenario","formatVersion":1,"id":"t",
        "sources":[{"id":"S1","title":"One"}],
        "vessel":{"identity":{"name":"T"}},
        "events":[{"time":"mid-July","kind":"seizure","title":"x","confidence":"high","sources":["S1"]}]})";
    auto badT = scenario::parseScenario(badTime, QStringLiteral("t.json"));
    ASSERT_FALSE(badT.ok());
    EXPECT_TRUE(badT.error().message.contains(QStringLiteral("mid-July")));
}

TEST(ScenarioFile, MatchesTheFactSheet)
{
    // The shipped scenario is generated from the fact sheet (a copy in
    // tests/data/scenario); check the two agree on the timeline so the
    // resource cannot drift from its source unnoticed.
    QFile facts(QStringLiteral(WAKE_TEST_DATA_DIR "/scenario/chong-chon-gang-facts.json"));
    ASSERT_TRUE(facts.open(QIODevice::ReadOnly)) << facts.fileName().toStdString();
    const QJsonObject root = QJsonDocument::fromJson(facts.readAll()).object();
    const auto timeline = root.value(QStringLiteral("timeline")).toArray();
    const auto history = root.value(QStringLiteral("history")).toArray();
    EXPECT_EQ(builtIn().events.size(), static_cast<std::size_t>(timeline.size() + history.size()));
    for (qsizetype i = 0; i < timeline.size(); ++i) {
        const QJsonObject t = timeline.at(i).toObject();
        const Event& e = builtIn().events[static_cast<std::size_t>(i)];
        EXPECT_EQ(e.reportedTime, t.value(QStringLiteral("time")).toString());
        EXPECT_EQ(toString(e.kind), t.value(QStringLiteral("kind")).toString());
        EXPECT_EQ(e.description, t.value(QStringLiteral("description")).toString());
        EXPECT_EQ(toString(e.attribution.confidence),
                  t.value(QStringLiteral("confidence")).toString());
        EXPECT_EQ(e.attribution.sourceIds.size(),
                  static_cast<std::size_t>(t.value(QStringLiteral("source")).toArray().size()));
    }
}
