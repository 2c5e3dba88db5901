#include "core/watch/cpa.h"

#include <cmath>
#include <numbers>

namespace wake::watch {

namespace {

constexpr double kNmPerDegreeLat = 60.0;

double rad(double deg)
{
    return deg * std::numbers::pi / 180.0;
}

// East and north components in knots.
std::pair<double, double> velocity(const Motion& m)
{
    return {m.sogKnots * std::sin(rad(m.cogDeg)), m.sogKnots * std::cos(rad(m.cogDeg))};
}

} // namespace

Approach closestApproach(const Motion& own, const Motion& target)
{
    // Target relative to own ship on a plane at own ship's latitude, in nm;
    // the longitude difference taken the short way round.
    double dLon = target.position.lonDeg - own.position.lonDeg;
    dLon -= 360.0 * std::round(dLon / 360.0);
    const double x = dLon * kNmPerDegreeLat * std::cos(rad(own.position.latDeg));
    const double y = (target.position.latDeg - own.position.latDeg) * kNmPerDegreeLat;
    const auto [ownE, ownN] = velocity(own);
    const auto [tgtE, tgtN] = velocity(target);
    const double vx = tgtE - ownE; // knots
    const double vy = tgtN - ownN;
    const double v2 = vx * vx + vy * vy;
    Approach a;
    a.rangeNm = std::hypot(x, y);
    a.bearingDeg = std::fmod(std::atan2(x, y) * 180.0 / std::numbers::pi + 360.0, 360.0);
    if (v2 < 1e-9) {
        // Keeping station: as near now as ever.
        a.cpaNm = a.rangeNm;
        a.tcpaMinutes = 0.0;
        return a;
    }
    const double tHours = -(x * vx + y * vy) / v2;
    a.tcpaMinutes = tHours * 60.0;
    a.cpaNm = std::hypot(x + vx * tHours, y + vy * tHours);
    return a;
}

Motion deadReckon(const Motion& m, double seconds)
{
    const auto [e, n] = velocity(m);
    const double hours = seconds / 3600.0;
    Motion out = m;
    out.position.latDeg += n * hours / kNmPerDegreeLat;
    const double cosLat = std::cos(rad(m.position.latDeg));
    if (cosLat > 1e-6) {
        out.position.lonDeg += e * hours / (kNmPerDegreeLat * cosLat);
    }
    return out;
}

} // namespace wake::watch
