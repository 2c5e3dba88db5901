// The shipped reconstruction of the built-in scenario's passages is what the
// router computes today: routed again here and compared point by point. When
// the scenario, the coast or the router changes, this fails and writes the
// new file for the developer to ship.

#include "core/geo/sea_route.h"
#include "core/scenario/passage_reconstruction.h"
#include "core/scenario/scenario.h"
#include "core/scenario/shipped_passages.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <gtest/gtest.h>

using namespace wake;

TEST(ShippedPassages, AreWhatTheRouterComputesForTheBuiltInScenario)
{
    const auto sc = scenario::loadBuiltInScenario();
    ASSERT_TRUE(sc) << sc.error().message.toStdString();
    const auto router = geo::SeaRouter::builtIn();
    ASSERT_TRUE(router) << router.error().message.toStdString();
    const auto reported = scenario::reportedTrackPoints(*sc, 7);
    const auto routed = scenario::reconstructPassages(reported, *router);
    ASSERT_GT(routed.size(), 50u);

    const auto shipped = scenario::shippedPassages(*sc, 7);
    if (!shipped || *shipped != routed) {
        const QString fresh = QDir::current().absoluteFilePath(
            QFileInfo(scenario::shippedPassagesPath(*sc)).fileName());
        QFile out(fresh);
        ASSERT_TRUE(out.open(QIODevice::WriteOnly));
        out.write(scenario::passagesFile(*sc, routed));
        FAIL() << "the shipped passages are not what the router computes now; the new file is "
               << fresh.toStdString() << ": copy it to resources/scenario/";
    }
}

TEST(ShippedPassages, ReadBackExactlyAndOnlyForTheirOwnScenarioFile)
{
    scenario::Scenario sc;
    sc.id = QStringLiteral("test");
    sc.contentHash = "abc123";
    std::vector<model::TrackPoint> points(3);
    const double lats[] = {9.123456789012345, -0.1 + 0.2, 22.000000000000004};
    for (std::size_t i = 0; i < points.size(); ++i) {
        points[i].vesselId = 4;
        points[i].timeUtcMs = 1'370'000'000'000LL + static_cast<std::int64_t>(i) * 1000;
        points[i].latDeg = lats[i];
        points[i].lonDeg = -79.9 + 1e-13 * static_cast<double>(i);
        points[i].provenance = model::Provenance::Reconstructed;
    }
    const QByteArray file = scenario::passagesFile(sc, points);
    const auto back = scenario::parsePassagesFile(file, scenario::scenarioInstallKey(sc), 4);
    ASSERT_TRUE(back);
    EXPECT_EQ(*back, points);

    // Made for another version of the scenario file: not used.
    scenario::Scenario changed = sc;
    changed.contentHash = "def456";
    EXPECT_FALSE(scenario::parsePassagesFile(file, scenario::scenarioInstallKey(changed), 4));
    // A damaged line or times out of order: not used either.
    QByteArray damaged = file;
    damaged.replace(",-79.9", ",x79.9");
    EXPECT_FALSE(scenario::parsePassagesFile(damaged, scenario::scenarioInstallKey(sc), 4));
    QByteArray reordered = file;
    reordered.replace("1370000000000,", "1370000009000,");
    EXPECT_FALSE(scenario::parsePassagesFile(reordered, scenario::scenarioInstallKey(sc), 4));
}
