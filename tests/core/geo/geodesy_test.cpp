#include "core/geo/geodesy.h"

#include <QGeoCoordinate>

#include <gtest/gtest.h>

using wake::model::LatLon;

TEST(Geodesy, DistanceAgreesWithQtPositioning)
{
    const LatLon pairs[][2] = {
        {{21.2, -76.6}, {9.363848, -79.88022}}, // Puerto Padre -> Manzanillo
        {{42.77, 133.05}, {8.9614, -79.5632}},  // Vostochny -> Balboa
        {{0.0, 179.9}, {0.0, -179.9}},          // across the antimeridian
        {{89.9, 0.0}, {-89.9, 180.0}},          // pole to pole
        {{23.1167, -82.35}, {23.1167, -82.35}}, // same point
    };
    for (const auto& p : pairs) {
        const double qt = p[0].toGeoCoordinate().distanceTo(p[1].toGeoCoordinate());
        EXPECT_NEAR(wake::geo::distanceM(p[0], p[1]), qt, 1.0);
        const double chordDistance = wake::geo::chord2ToDistanceM(
            wake::geo::chord2(wake::geo::toUnitVector(p[0]), wake::geo::toUnitVector(p[1])));
        EXPECT_NEAR(chordDistance, qt, 1.0);
    }
}
