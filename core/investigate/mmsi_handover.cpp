#include "core/investigate/mmsi_handover.h"

#include "core/geo/geodesy.h"

#include <algorithm>
#include <cmath>

namespace wake::investigate {

namespace {

constexpr double kMetresPerSecondPerKnot = 1852.0 / 3600.0;

// Agree within the tolerance or a fraction of the larger value, whichever is
// more; true when either is unknown (nothing to disagree with).
bool within(const std::optional<double>& a, const std::optional<double>& b, double toleranceM,
            double fraction)
{
    if (!a || !b) {
        return true;
    }
    return std::abs(*a - *b) <= std::max(toleranceM, fraction * std::max(*a, *b));
}

bool known(const std::optional<double>& v)
{
    return v && *v > 0.0;
}

double speedOf(const model::TrackPoint& p)
{
    return p.sogKnots ? *p.sogKnots : 0.0;
}

double angleBetween(double a, double b)
{
    const double d = std::fmod(std::abs(a - b), 360.0);
    return d > 180.0 ? 360.0 - d : d;
}

} // namespace

bool hullsAgree(const model::Vessel& a, const model::Vessel& b, const HandoverRules& rules)
{
    if (a.mmsi && b.mmsi && *a.mmsi == *b.mmsi) {
        return false; // one MMSI told apart by its tracks: not a change of MMSI
    }
    // The length is the hull: without it on both there is nothing to link
    // by (on a real Florida day the ship type alone linked two pleasure
    // boats 24 km and 5 h apart).
    const std::optional<double> lengthA = known(a.lengthM) ? a.lengthM : std::nullopt;
    const std::optional<double> lengthB = known(b.lengthM) ? b.lengthM : std::nullopt;
    if (!lengthA || !lengthB || !within(lengthA, lengthB, rules.lengthToleranceM, 0.10)) {
        return false;
    }
    const std::optional<double> beamA = known(a.beamM) ? a.beamM : std::nullopt;
    const std::optional<double> beamB = known(b.beamM) ? b.beamM : std::nullopt;
    if (!within(beamA, beamB, rules.beamToleranceM, 0.15)) {
        return false;
    }
    // Pleasure craft and sailing boats (36, 37) lie side by side in marinas
    // by the hundred and switch on and off all day: on a real Florida day,
    // with every length taken as the same, four in five links were such
    // pairs. Their changes of MMSI are not what this is for.
    const auto leisure = [](const model::Vessel& v) {
        return v.aisShipType && (*v.aisShipType == 36 || *v.aisShipType == 37);
    };
    if (leisure(a) || leisure(b)) {
        return false;
    }
    // Ship and cargo type by its tens (cargo, tanker, passenger ...): the
    // cargo digit is what the crew last typed, the class is the hull.
    return !(a.aisShipType && b.aisShipType && *a.aisShipType > 0 && *b.aisShipType > 0 &&
             *a.aisShipType / 10 != *b.aisShipType / 10);
}

bool endsMeet(const model::TrackPoint& lastFix, const model::TrackPoint& firstFix,
              const HandoverRules& rules)
{
    const std::int64_t dt = firstFix.timeUtcMs - lastFix.timeUtcMs;
    if (dt < -rules.maxOverlapMs || dt > rules.maxSilenceMs) {
        return false;
    }
    const model::LatLon from{lastFix.latDeg, lastFix.lonDeg};
    const model::LatLon to{firstFix.latDeg, firstFix.lonDeg};
    const double d = geo::distanceM(from, to);
    // A hand-over happens at a berth or anchorage (both still) or on passage
    // (both under way): a boat tied up as another leaves is two boats.
    const bool lastMoving = speedOf(lastFix) > rules.stationaryKnots;
    const bool firstMoving = speedOf(firstFix) > rules.stationaryKnots;
    if (lastMoving != firstMoving) {
        return false;
    }
    if (!lastMoving) {
        return d <= rules.stationaryDistanceM;
    }
    // Where the earlier would have got at the two speeds' mean: not short of
    // it (another boat following the same channel) nor beyond.
    const double meanKnots = (speedOf(lastFix) + speedOf(firstFix)) / 2.0;
    const double seconds = static_cast<double>(std::max<std::int64_t>(dt, 0)) / 1000.0;
    const double run = meanKnots * kMetresPerSecondPerKnot * seconds;
    if (std::abs(d - run) > rules.baseDistanceM + 0.25 * run) {
        return false;
    }
    if (lastFix.cogDeg && firstFix.cogDeg &&
        angleBetween(*lastFix.cogDeg, *firstFix.cogDeg) > rules.maxCourseDifferenceDeg) {
        return false;
    }
    // Gone further than noise: it went the way the earlier was heading.
    if (d > rules.baseDistanceM && lastFix.cogDeg &&
        angleBetween(geo::initialBearingDeg(from, to), *lastFix.cogDeg) >
            rules.maxCourseDifferenceDeg) {
        return false;
    }
    return true;
}

std::vector<MmsiHandover> findHandovers(const std::vector<model::TrackPoint>& lastFixes,
                                        const std::vector<model::TrackPoint>& firstFixes,
                                        const std::map<model::VesselId, model::Vessel>& vessels,
                                        const HandoverRules& rules)
{
    std::vector<const model::TrackPoint*> firsts;
    firsts.reserve(firstFixes.size());
    for (const model::TrackPoint& f : firstFixes) {
        firsts.push_back(&f);
    }
    std::sort(firsts.begin(), firsts.end(),
              [](const auto* a, const auto* b) { return a->timeUtcMs < b->timeUtcMs; });

    struct Pair
    {
        const model::TrackPoint* last;
        const model::TrackPoint* first;
    };
    std::vector<Pair> pairs;
    std::map<model::VesselId, int> lastCount; // meetings per ending vessel
    std::map<model::VesselId, int> firstCount;
    for (const model::TrackPoint& l : lastFixes) {
        const auto a = vessels.find(l.vesselId);
        if (a == vessels.end()) {
            continue;
        }
        auto it = std::lower_bound(firsts.begin(), firsts.end(), l.timeUtcMs - rules.maxOverlapMs,
                                   [](const auto* f, std::int64_t t) { return f->timeUtcMs < t; });
        for (; it != firsts.end() && (*it)->timeUtcMs <= l.timeUtcMs + rules.maxSilenceMs; ++it) {
            const model::TrackPoint& f = **it;
            if (f.vesselId == l.vesselId || !endsMeet(l, f, rules)) {
                continue;
            }
            const auto b = vessels.find(f.vesselId);
            if (b == vessels.end() || !hullsAgree(a->second, b->second, rules)) {
                continue;
            }
            pairs.push_back({&l, &f});
            ++lastCount[l.vesselId];
            ++firstCount[f.vesselId];
        }
    }
    std::vector<MmsiHandover> out;
    for (const Pair& p : pairs) {
        if (lastCount[p.last->vesselId] != 1 || firstCount[p.first->vesselId] != 1) {
            continue; // more than one way to pair them: no link at all
        }
        MmsiHandover h;
        h.earlier = p.last->vesselId;
        h.later = p.first->vesselId;
        h.silentMs = p.first->timeUtcMs - p.last->timeUtcMs;
        h.distanceM =
            geo::distanceM({p.last->latDeg, p.last->lonDeg}, {p.first->latDeg, p.first->lonDeg});
        h.lastFix = *p.last;
        h.firstFix = *p.first;
        out.push_back(h);
    }
    return out;
}

} // namespace wake::investigate
