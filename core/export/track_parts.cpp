#include "core/export/track_parts.h"

#include <cmath>

namespace wake::exporting {

namespace {

// The east end of a part cut at the antimeridian: the largest longitude
// below 180 that survives the 7 decimals the writers print.
constexpr double kEastEdge = 179.9999999;

bool gapBetween(const model::TrackPoint& a, const model::TrackPoint& b,
                std::span<const model::Event> gaps)
{
    // A silence as long as the gap rule's is cut even where no event says so
    // (a ship in port is no AIS gap, but no line is known across it).
    // Only between fixes: reported places and reconstructed routes are
    // hours apart by nature and drawn as one line.
    if (a.provenance == model::Provenance::Observed &&
        b.provenance == model::Provenance::Observed && b.timeUtcMs - a.timeUtcMs >= kSilenceCutMs) {
        return true;
    }
    for (const model::Event& e : gaps) {
        if (e.time.startUtcMs >= a.timeUtcMs && e.time.startUtcMs < b.timeUtcMs) {
            return true;
        }
    }
    return false;
}

} // namespace

double normalisedLongitude(double lonDeg)
{
    double lon = std::fmod(lonDeg + 180.0, 360.0);
    if (lon < 0) {
        lon += 360.0;
    }
    return lon - 180.0;
}

std::vector<TrackPart> splitTrack(std::span<const model::TrackPoint> points,
                                  std::span<const model::Event> gaps)
{
    std::vector<TrackPart> parts;
    for (std::size_t i = 0; i < points.size(); ++i) {
        model::TrackPoint p = points[i];
        p.lonDeg = normalisedLongitude(p.lonDeg);
        if (parts.empty() || (i > 0 && gapBetween(points[i - 1], points[i], gaps))) {
            parts.emplace_back();
        } else {
            const model::TrackPoint& q = parts.back().back();
            const double dLon = p.lonDeg - q.lonDeg;
            if (std::abs(dLon) > 180.0) {
                // The short way crosses the antimeridian: cut there, at the
                // latitude and time the straight line has at the crossing.
                const bool eastward = dLon < 0; // e.g. 179 -> -179
                const double toEdge = eastward ? 180.0 - q.lonDeg : q.lonDeg + 180.0;
                const double span = 360.0 - std::abs(dLon);
                const double t = span > 0 ? toEdge / span : 0.5;
                model::TrackPoint cut;
                cut.vesselId = q.vesselId;
                cut.latDeg = q.latDeg + t * (p.latDeg - q.latDeg);
                cut.timeUtcMs =
                    q.timeUtcMs + static_cast<std::int64_t>(std::llround(
                                      t * static_cast<double>(p.timeUtcMs - q.timeUtcMs)));
                cut.provenance = model::Provenance::Reconstructed;
                model::TrackPoint before = cut;
                before.lonDeg = eastward ? kEastEdge : -180.0;
                model::TrackPoint after = cut;
                after.lonDeg = eastward ? -180.0 : kEastEdge;
                parts.back().push_back(before);
                parts.emplace_back();
                parts.back().push_back(after);
            }
        }
        parts.back().push_back(p);
    }
    return parts;
}

} // namespace wake::exporting
