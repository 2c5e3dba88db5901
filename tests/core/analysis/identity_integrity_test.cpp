// Identity integrity on hand-made tracks at the rules' edges: a position
// frozen while reporting speed, a track that runs in circles, positions deep
// inland (on the shipped coast), an IMO failing its check digit, and one IMO
// on two ships far apart at once.

#include "core/analysis/analyzer.h"
#include "core/analysis/identity_integrity.h"
#include "core/geo/geodesy.h"
#include "core/io/ais_import.h"
#include "core/reference/port_index.h"
#include "tests/support/test_files.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace wake::analysis {
namespace {

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kT0 = 1'577'836'800'000;

model::TrackPoint at(std::int64_t t, double lat, double lon, float sog)
{
    model::TrackPoint p;
    p.timeUtcMs = t;
    p.latDeg = lat;
    p.lonDeg = lon;
    p.sogKnots = sog;
    return p;
}

const reference::PortIndex& ports()
{
    static const reference::PortIndex index =
        std::move(reference::PortIndex::loadBuiltIn()).value();
    return index;
}

std::shared_ptr<const ShoreDistance> shore()
{
    return std::move(ShoreDistance::builtIn(ports())).value();
}

std::vector<IntegrityFinding> ofKind(const std::vector<IntegrityFinding>& all,
                                     IntegrityFinding::Kind kind)
{
    std::vector<IntegrityFinding> out;
    for (const auto& f : all) {
        if (f.kind == kind) {
            out.push_back(f);
        }
    }
    return out;
}

TEST(IdentityIntegrity, APositionFrozenWhileReportingSpeedIsSuspect)
{
    for (const int fixes : {29, 30}) {
        std::vector<model::TrackPoint> track;
        for (int i = 0; i < fixes; ++i) {
            track.push_back(at(kT0 + i * 3 * kMinute, 30.0, -50.0, 11.5F));
        }
        const auto found =
            ofKind(spoofingSigns(track, *shore(), ports()), IntegrityFinding::Kind::Frozen);
        EXPECT_EQ(found.size(), fixes >= 30 ? 1u : 0u) << fixes;
    }
    // Moored and saying so is no sign of anything.
    std::vector<model::TrackPoint> moored;
    for (int i = 0; i < 60; ++i) {
        moored.push_back(at(kT0 + i * 3 * kMinute, 30.0, -50.0, 0.0F));
    }
    EXPECT_TRUE(spoofingSigns(moored, *shore(), ports()).empty());
}

TEST(IdentityIntegrity, ATrackRunningInCirclesIsSuspectAndAStraightOneIsNot)
{
    // Once round a harbour basin is nothing.
    std::vector<model::TrackPoint> once;
    for (int i = 0; i < 40; ++i) {
        const double a = 2 * std::numbers::pi * i / 40.0;
        once.push_back(at(kT0 + i * kMinute, 30.0 + 1.0 / 111.2 * std::sin(a),
                          -50.0 + 1.0 / 96.3 * std::cos(a), 5.0F));
    }
    EXPECT_TRUE(spoofingSigns(once, *shore(), ports()).empty());
    std::vector<model::TrackPoint> circle;
    std::vector<model::TrackPoint> straight;
    for (int i = 0; i < 80; ++i) {
        const double a = 2 * std::numbers::pi * i / 15.0; // round every 15 fixes
        const double rKm = 2.0;
        circle.push_back(at(
            kT0 + i * kMinute, 30.0 + rKm / 111.2 * std::sin(a),
            -50.0 + rKm / (111.2 * std::cos(30.0 * std::numbers::pi / 180)) * std::cos(a), 12.0F));
        straight.push_back(at(kT0 + i * kMinute, 30.0 + i * 0.003, -50.0, 12.0F));
    }
    const auto found =
        ofKind(spoofingSigns(circle, *shore(), ports()), IntegrityFinding::Kind::Circling);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NEAR(found[0].values.at(QStringLiteral("radiusKm")), 2.0, 0.1);
    EXPECT_TRUE(spoofingSigns(straight, *shore(), ports()).empty());
}

TEST(IdentityIntegrity, PositionsDeepInlandAreSuspectButARiverPortIsNot)
{
    // Central Kansas: hundreds of km from any coast, lake shore or port.
    std::vector<model::TrackPoint> kansas;
    for (int i = 0; i < 5; ++i) {
        kansas.push_back(at(kT0 + i * kMinute, 38.5, -98.5 + i * 0.001, 10.0F));
    }
    const auto found =
        ofKind(spoofingSigns(kansas, *shore(), ports()), IntegrityFinding::Kind::Inland);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_GE(found[0].values.at(QStringLiteral("minInlandKm")), 50.0);
    // At sea off Florida nothing is inland.
    std::vector<model::TrackPoint> sea;
    for (int i = 0; i < 5; ++i) {
        sea.push_back(at(kT0 + i * kMinute, 25.5, -79.5 + i * 0.001, 10.0F));
    }
    EXPECT_TRUE(spoofingSigns(sea, *shore(), ports()).empty());
}

TEST(IdentityIntegrity, OneImoOnTwoShipsUnderWayFarApartIsAConflict)
{
    std::map<std::uint32_t, std::vector<model::VesselId>> byImo{{9074729, {1, 2}}};
    std::vector<model::TrackPoint> a;
    std::vector<model::TrackPoint> b;
    std::vector<model::TrackPoint> near;
    for (int i = 0; i < 120; ++i) {
        a.push_back(at(kT0 + i * kMinute, 30.0, -50.0 + i * 0.003, 12.0F));
        b.push_back(at(kT0 + i * kMinute, 35.0, -40.0 + i * 0.003, 12.0F));    // 1,000 km away
        near.push_back(at(kT0 + i * kMinute, 30.2, -50.0 + i * 0.003, 12.0F)); // 22 km away
    }
    const std::map<model::VesselId, HalfHourPositions> far{{1, halfHourPositions(a)},
                                                           {2, halfHourPositions(b)}};
    const auto conflicts = sharedImoConflicts(byImo, far);
    ASSERT_EQ(conflicts.size(), 1u);
    EXPECT_EQ(conflicts[0].first, 1);
    EXPECT_EQ(conflicts[0].second.otherVesselId, 2);
    EXPECT_GE(conflicts[0].second.values.at(QStringLiteral("maxKm")), 900.0);
    const std::map<model::VesselId, HalfHourPositions> close{{1, halfHourPositions(a)},
                                                             {2, halfHourPositions(near)}};
    EXPECT_TRUE(sharedImoConflicts(byImo, close).empty());
}

TEST(IdentityIntegrity, AnImoFailingItsCheckDigitIsReportedOnceAndNeverStored)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("imo.csv"));
    QByteArray csv = "MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,"
                     "VesselType\n";
    for (int i = 0; i < 30; ++i) {
        csv += QStringLiteral("366614000,2020-01-01T%1:%2:00,25.0,-80.0,0.0,0.0,511.0,BAD IMO,"
                              "IMO1234568,,70\n")
                   .arg(i / 60, 2, 10, QLatin1Char('0'))
                   .arg(i % 60, 2, 10, QLatin1Char('0'))
                   .toUtf8();
    }
    ASSERT_TRUE(test::writeAll(path, csv));
    auto db = store::Database::open(QStringLiteral(":memory:"));
    for (int pass = 0; pass < 2; ++pass) { // a repeated import adds nothing
        io::AisImporter importer(*db);
        ASSERT_TRUE(importer.importFile(path).ok());
    }
    const auto vessels = std::move(db->listVessels()).value();
    ASSERT_EQ(vessels.size(), 1u);
    EXPECT_FALSE(vessels[0].imo.has_value());
    Analyzer analyzer(*db, ports(), shore(), AnalysisRules{});
    const auto out = analyzer.run({});
    ASSERT_TRUE(out.ok());
    int conflicts = 0;
    for (const model::Event& e : out->events) {
        if (e.kind == model::EventKind::IdentityConflict) {
            ++conflicts;
            EXPECT_TRUE(e.title.contains(QStringLiteral("1234568"))) << e.title.toStdString();
        }
        EXPECT_NE(e.kind, model::EventKind::IdentityChange);
    }
    EXPECT_EQ(conflicts, 1);
}

} // namespace
} // namespace wake::analysis
