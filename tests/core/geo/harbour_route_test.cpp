// Routes at harbour scale, checked against the detailed coast point by point:
// every few metres of a route must be water by DetailedWater::isWater (the
// deepest GSHHG ring around the point, or the OSM patch there), a different
// computation from the filled grid the router searches.

#include "core/geo/detailed_water.h"
#include "core/geo/geodesy.h"
#include "core/geo/panama_canal.h"
#include "core/geo/sea_route.h"
#include "core/scenario/scenario.h"
#include "core/scenario/scenario_installer.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace wake;
using wake::model::LatLon;

namespace {

const geo::DetailedWater& water()
{
    static const auto w = geo::DetailedWater::shared();
    EXPECT_TRUE(w) << "the shipped coast (resources/coast) is missing";
    return *w;
}

const geo::SeaRouter& router()
{
    static const geo::SeaRouter r = geo::SeaRouter::builtIn().value();
    return r;
}

// The polyline every stepM or less, straight in Mercator as the map draws it.
std::vector<LatLon> samples(const std::vector<LatLon>& line, double stepM)
{
    std::vector<LatLon> out;
    for (std::size_t i = 1; i < line.size(); ++i) {
        const geo::WorldPoint a = geo::project(line[i - 1]);
        geo::WorldPoint b = geo::project(line[i]);
        b.x += std::round(a.x - b.x); // across the antimeridian the short way, as drawn
        const int n = std::max(1, static_cast<int>(geo::distanceM(line[i - 1], line[i]) / stepM));
        for (int k = 0; k <= n; ++k) {
            const double t = static_cast<double>(k) / n;
            LatLon p = geo::unproject({a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)});
            p.lonDeg = geo::wrapLongitude(p.lonDeg);
            out.push_back(p);
        }
    }
    return out;
}

// The samples of the polyline that are not water, except within exemptM of
// any of `exempt`.
std::vector<LatLon> onLand(const std::vector<LatLon>& line, double stepM,
                           const std::vector<LatLon>& exempt, double exemptM)
{
    std::vector<LatLon> out;
    for (const LatLon& p : samples(line, stepM)) {
        const bool nearExempt = std::any_of(exempt.begin(), exempt.end(), [&](const LatLon& e) {
            return geo::distanceM(p, e) <= exemptM;
        });
        if (!nearExempt && !water().isWater(p).value()) {
            out.push_back(p);
        }
    }
    return out;
}

bool passesNear(const std::vector<LatLon>& line, const LatLon& at, double withinM)
{
    const auto points = samples(line, 20.0);
    return std::any_of(points.begin(), points.end(),
                       [&](const LatLon& p) { return geo::distanceM(p, at) < withinM; });
}

std::string describe(const std::vector<LatLon>& points)
{
    std::string s;
    for (std::size_t i = 0; i < std::min<std::size_t>(points.size(), 5); ++i) {
        s += " " + std::to_string(points[i].latDeg) + "," + std::to_string(points[i].lonDeg);
    }
    return std::to_string(points.size()) + " on land:" + s;
}

} // namespace

TEST(DetailedWater, TheRoutingGridAgreesWithThePointTestAwayFromTheCoast)
{
    // Colón and Limón Bay: GSHHG with the lake, and no patch here.
    const geo::WorldPoint nw = geo::project({9.42, -79.96});
    const double cell = 0.5 * geo::SeaRouter::kDetailedCellM * 8 / geo::metresPerWorldUnit(9.3);
    auto grid = water().landGrid(nw.x, nw.y, cell, 150, 150);
    ASSERT_TRUE(grid.ok()) << grid.error().toString().toStdString();
    int water = 0;
    int land = 0;
    for (int r = 0; r < grid->rows(); ++r) {
        for (int c = 0; c < grid->cols(); ++c) {
            if (grid->land(c, r) && !grid->interior(c, r)) {
                continue; // a coast passes through the cell: either may hold at its centre
            }
            const bool isWater = ::water().isWater(geo::unproject(grid->centre(c, r))).value();
            EXPECT_EQ(!grid->land(c, r), isWater) << "cell " << c << "," << r;
            (isWater ? water : land)++;
        }
    }
    EXPECT_GT(water, 2000);
    EXPECT_GT(land, 2000);
}

TEST(DetailedWater, HarbourPatchesDecideInsideTheirBox)
{
    // Havana Bay: GSHHG closes it, the OSM patch opens it, for both the point
    // test and the grid.
    const LatLon bay{23.135, -82.340};
    EXPECT_TRUE(water().isWater(bay).value());
    const geo::WorldPoint p = geo::project(bay);
    const double cell = geo::SeaRouter::kDetailedCellM / geo::metresPerWorldUnit(bay.latDeg);
    auto grid = water().landGrid(p.x - 20 * cell, p.y - 20 * cell, cell, 40, 40);
    ASSERT_TRUE(grid.ok());
    EXPECT_FALSE(grid->land(20, 20));
    EXPECT_TRUE(water().isWater({23.128, -82.357}).value() == false) << "Centro Habana is land";
}

TEST(PanamaCanal, EverySegmentOfTheChannelIsOnWater)
{
    const auto canal = geo::panamaCanal();
    const std::vector<LatLon> line(canal.begin(), canal.end());
    const auto land = onLand(line, 5.0, {}, 0);
    EXPECT_TRUE(land.empty()) << describe(land);
    double lengthM = 0;
    for (std::size_t i = 1; i < line.size(); ++i) {
        lengthM += geo::distanceM(line[i - 1], line[i]);
    }
    EXPECT_GT(lengthM, 77'000.0); // the canal is about 82 km from deep water to deep water
    EXPECT_LT(lengthM, 90'000.0);
    // It passes both lock flights (positions from the scenario's fact sheet).
    EXPECT_TRUE(passesNear(line, {8.99707611, -79.5918694}, 300)) << "Miraflores Locks";
    EXPECT_TRUE(passesNear(line, {9.27287, -79.92247}, 300)) << "Gatún Locks";
}

TEST(HarbourRoute, LeavesHavanaThroughTheEntranceChannel)
{
    // From inside Havana Bay to the open sea north of it: the only way out is
    // the narrow channel past the Morro, which Natural Earth does not have.
    const LatLon bay{23.135, -82.340};
    const LatLon sea{23.25, -82.36};
    const auto route = router().route(bay, sea);
    ASSERT_TRUE(route.ok()) << route.error().toString().toStdString();
    const auto land = onLand(route->points, 10.0, {}, 0);
    EXPECT_TRUE(land.empty()) << describe(land);
    EXPECT_LT(route->lengthM, 20'000.0);
}

TEST(HarbourRoute, ColonToHavanaIsOnWaterAtBothEnds)
{
    const LatLon cristobal{9.35, -79.915};
    const LatLon havana{23.135, -82.340};
    const auto route = router().route(cristobal, havana);
    ASSERT_TRUE(route.ok()) << route.error().toString().toStdString();
    // The harbour legs, sampled every 10 m.
    std::vector<LatLon> nearEnds;
    for (const LatLon& p : route->points) {
        if (geo::distanceM(p, cristobal) < geo::SeaRouter::kHarbourRadiusM ||
            geo::distanceM(p, havana) < geo::SeaRouter::kHarbourRadiusM) {
            nearEnds.push_back(p);
        }
    }
    ASSERT_GT(nearEnds.size(), 2u);
    const auto land = onLand(route->points, 10.0, {}, 0);
    EXPECT_TRUE(land.empty()) << describe(land);
}

TEST(HarbourRoute, TheScenarioRouteRunsOnWaterThroughTheCanal)
{
    QTemporaryDir dir;
    auto db = scenario::openWithBuiltInScenario(dir.filePath(QStringLiteral("s.sqlite")));
    ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
    const auto vessels = db->listVessels();
    ASSERT_TRUE(vessels.ok());
    const auto track = db->track(vessels->front().id, 0, 4'000'000'000'000);
    ASSERT_TRUE(track.ok());
    std::vector<LatLon> line;
    std::vector<LatLon> reported;
    for (const auto& p : *track) {
        line.push_back({p.latDeg, p.lonDeg});
        if (p.provenance == model::Provenance::Reported) {
            reported.push_back({p.latDeg, p.lonDeg});
        }
    }
    // Reported places are port and lock reference points, which may stand on
    // the quay or inland: the route may cross land within a port's reach of them.
    const auto land = onLand(line, 25.0, reported, geo::SeaRouter::kDefaultPortReachM);
    EXPECT_TRUE(land.empty()) << describe(land);
    // It goes through the canal: points in the Culebra Cut and Gatún Lake.
    EXPECT_TRUE(passesNear(line, {9.0455, -79.6475}, 300)) << "Culebra Cut";
    EXPECT_TRUE(passesNear(line, {9.20, -79.88}, 4000)) << "Gatún Lake";
}
