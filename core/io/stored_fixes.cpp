#include "core/io/stored_fixes.h"

#include "core/geo/geodesy.h"

#include <algorithm>
#include <cmath>

namespace wake::io {

tracks::SegmenterFix segmenterFix(const model::TrackPoint& p)
{
    return {p.timeUtcMs, p.latDeg, p.lonDeg, p.sogKnots.value_or(NAN), p.cogDeg.value_or(NAN)};
}

Result<StoredNeighbours> storedNeighbours(store::Database& db, StoredFixWindow& w, std::int64_t t)
{
    // Neighbours within half an hour; an hour of stored fixes ahead is kept
    // per vessel (7,000 vessels reporting every minute: about 40 MB).
    constexpr std::int64_t kNearMs = 30 * 60 * 1000;
    constexpr std::int64_t kAheadMs = 60 * 60 * 1000;
    if (t < w.validFromUtcMs || t > w.validToUtcMs) {
        auto fixes =
            db.track(w.vessel, t - kNearMs, t + kAheadMs + kNearMs, store::TrackFields::Motion);
        if (!fixes) {
            return fixes.error();
        }
        // Copied, not moved: the store reserves a day of fixes per read, and
        // thousands of windows of that size cost a gigabyte.
        w.fixes.assign(fixes->begin(), fixes->end());
        w.validFromUtcMs = t;
        w.validToUtcMs = t + kAheadMs;
    }
    const auto it = std::lower_bound(
        w.fixes.begin(), w.fixes.end(), t,
        [](const model::TrackPoint& p, std::int64_t time) { return p.timeUtcMs < time; });
    StoredNeighbours n;
    if (it != w.fixes.end() && it->timeUtcMs - t <= kNearMs) {
        n.after = &*it;
    }
    if (it != w.fixes.begin() && t - std::prev(it)->timeUtcMs <= kNearMs) {
        n.before = &*std::prev(it);
    }
    return n;
}

double storedFit(const tracks::TrackSegmenter& segmenter, const StoredNeighbours& n,
                 const tracks::SegmenterFix& fix)
{
    if (n.before != nullptr && n.after != nullptr &&
        n.after->timeUtcMs - n.before->timeUtcMs <= 10 * 60 * 1000) {
        // The stored ship was heard just before and after: where it was then
        // is known, and another position is another transmitter. Allowed:
        // both fixes' GPS error and a minute at its speed (receivers' clocks).
        const double span = static_cast<double>(n.after->timeUtcMs - n.before->timeUtcMs);
        const double f =
            span > 0 ? static_cast<double>(fix.timeUtcMs - n.before->timeUtcMs) / span : 0.0;
        const model::LatLon at = geo::interpolateGreatCircle({n.before->latDeg, n.before->lonDeg},
                                                             {n.after->latDeg, n.after->lonDeg}, f);
        const double knots = std::max({static_cast<double>(n.before->sogKnots.value_or(0.0F)),
                                       static_cast<double>(n.after->sogKnots.value_or(0.0F)),
                                       std::isnan(fix.sogKnots) ? 0.0 : fix.sogKnots});
        const double allowedM = 200.0 + knots * geo::kMetresPerNauticalMile / 60.0;
        const double m = geo::distanceM(at, {fix.latDeg, fix.lonDeg});
        return m <= allowedM ? m / allowedM : -1.0;
    }
    const model::TrackPoint* near = n.before;
    if (near == nullptr || (n.after != nullptr &&
                            n.after->timeUtcMs - fix.timeUtcMs < fix.timeUtcMs - near->timeUtcMs)) {
        near = n.after;
    }
    return near == nullptr ? -1.0 : segmenter.fitScore(segmenterFix(*near), fix);
}

bool repeatsStoredFix(const tracks::SegmenterRules& rules, const StoredNeighbours& n,
                      const model::TrackPoint& p)
{
    const auto repeatMs = static_cast<std::int64_t>(rules.repeatSeconds * 1000.0);
    const auto e7 = [](double degrees) {
        return std::llround(degrees * 1e7);
    };
    for (const model::TrackPoint* stored : {n.before, n.after}) {
        if (stored != nullptr && stored->timeUtcMs != p.timeUtcMs &&
            std::llabs(stored->timeUtcMs - p.timeUtcMs) <= repeatMs &&
            e7(stored->latDeg) == e7(p.latDeg) && e7(stored->lonDeg) == e7(p.lonDeg)) {
            return true;
        }
    }
    return false;
}

} // namespace wake::io
