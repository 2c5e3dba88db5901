#include "core/tracks/track_segmenter.h"

#include "core/geo/geodesy.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace wake::tracks {

namespace {

constexpr double kMsPerHour = 3600.0 * 1000.0;

bool reportsMotion(const SegmenterFix& f)
{
    return !std::isnan(f.sogKnots) && !std::isnan(f.cogDeg) && f.cogDeg >= 0.0F &&
           f.cogDeg < 360.0F;
}

// Where dead reckoning from `f` puts the ship after `hours` (negative: before).
// Sine and cosine of a course, by tenth of a degree (AIS's resolution): the
// segmenter dead-reckons twice for every fix it weighs, and three trig calls
// each were a tenth of an import. A course between tenths is off by at most
// 0.05 degree, under a thousandth of the distance sideways.
struct CourseTable
{
    static constexpr int kSteps = 3600;
    double sin[kSteps];
    double cos[kSteps];
    CourseTable()
    {
        for (int i = 0; i < kSteps; ++i) {
            const double rad = i * std::numbers::pi / 1800.0;
            sin[i] = std::sin(rad);
            cos[i] = std::cos(rad);
        }
    }
};

model::LatLon deadReckon(const SegmenterFix& f, double hours)
{
    static const CourseTable table;
    const double distNm = static_cast<double>(f.sogKnots) * hours;
    const int step =
        static_cast<int>(std::lround(static_cast<double>(f.cogDeg) * 10.0)) % CourseTable::kSteps;
    // Fixes of one track lie close together: the cosine of a latitude within
    // 0.001 degree of the last one is reused (it differs by under 2e-5).
    thread_local double cachedLat = 1000.0;
    thread_local double cachedCosLat = 1.0;
    if (std::abs(f.latDeg - cachedLat) > 1e-3) {
        cachedLat = f.latDeg;
        cachedCosLat = std::max(std::cos(f.latDeg * std::numbers::pi / 180.0), 1e-3);
    }
    const double dLat = distNm * table.cos[step] / 60.0;
    const double dLon = distNm * table.sin[step] / (60.0 * cachedCosLat);
    return {f.latDeg + dLat, f.lonDeg + dLon};
}

double distanceNm(const model::LatLon& a, const model::LatLon& b)
{
    return geo::distanceM(a, b) / geo::kMetresPerNauticalMile;
}

} // namespace

bool isNoiseSpeed(float sogKnots)
{
    const double s = sogKnots;
    return (s > 51.15 && s < 51.25) || (s > 62.95 && s < 63.05) || s > 102.15;
}

double TrackSegmenter::discrepancyNm(const SegmenterFix& from, const SegmenterFix& to) const
{
    const model::LatLon a{from.latDeg, from.lonDeg};
    const model::LatLon b{to.latDeg, to.lonDeg};
    const double dist = distanceNm(a, b);
    const bool fromStill = !std::isnan(from.sogKnots) && from.sogKnots <= m_rules.stationaryKnots;
    const bool toStill = !std::isnan(to.sogKnots) && to.sogKnots <= m_rules.stationaryKnots;
    if (fromStill && toStill) {
        return dist * m_rules.stationaryFactor;
    }
    if (reportsMotion(from) && reportsMotion(to)) {
        const double hours = static_cast<double>(to.timeUtcMs - from.timeUtcMs) / kMsPerHour;
        // Forward from `from` and backward from `to`, as GFW averages them.
        const double forward = distanceNm(deadReckon(from, hours), b);
        const double backward = distanceNm(deadReckon(to, -hours), a);
        return std::min(0.5 * (forward + backward), dist);
    }
    return dist;
}

double TrackSegmenter::fit(const SegmenterFix& from, const SegmenterFix& fix) const
{
    const double hours = std::abs(static_cast<double>(fix.timeUtcMs - from.timeUtcMs)) / kMsPerHour;
    const double a = hours / (m_rules.penaltyHours + hours);
    // GFW's exponent is 2: a square is much cheaper than pow().
    const double aPow = m_rules.hoursExponent == 2.0 ? a * a : std::pow(a, m_rules.hoursExponent);
    const double effective = hours / std::sqrt(1.0 + aPow * hours);
    const double allowed = m_rules.maxKnots * (effective + m_rules.paddingHours);
    const double d =
        fix.timeUtcMs >= from.timeUtcMs ? discrepancyNm(from, fix) : discrepancyNm(fix, from);
    if (d > allowed) {
        return -1.0;
    }
    return allowed > 0 ? d / allowed : 0.0;
}

TrackSegmenter::Track* TrackSegmenter::bestTrack(const SegmenterFix& fix, bool skipLast,
                                                 const std::vector<int>& excluded,
                                                 double& bestScore)
{
    Track* best = nullptr;
    bestScore = std::numeric_limits<double>::infinity();
    std::int64_t longest = 1;
    for (const Track& t : m_open) {
        longest = std::max(longest, t.fixes);
    }
    for (Track& t : m_open) {
        if ((skipLast && t.last.size() < 2) ||
            std::find(excluded.begin(), excluded.end(), t.id) != excluded.end()) {
            continue;
        }
        double score = fit(skipLast ? t.last.front() : t.last.back(), fix);
        if (score < 0) {
            continue;
        }
        if (m_open.size() > 1) {
            // GFW's weighting: established tracks win close calls.
            const double n = static_cast<double>(t.fixes);
            score /=
                1.0 + (m_rules.shortTrackWeight - 1.0) * std::min(n / m_rules.shortTrackFixes, 1.0);
            score /= 1.0 + (m_rules.lengthWeight - 1.0) * n / static_cast<double>(longest);
        }
        // Equal fits (a ship heard by two receivers): the longer track wins.
        if (score < bestScore || (score == bestScore && best != nullptr && t.fixes > best->fixes)) {
            best = &t;
            bestScore = score;
        }
    }
    return best;
}

void TrackSegmenter::closeStale(std::int64_t nowUtcMs)
{
    const auto maxMs = static_cast<std::int64_t>(m_rules.maxHours * kMsPerHour);
    std::erase_if(m_open, [&](const Track& t) { return nowUtcMs - t.lastUtcMs > maxMs; });
}

TrackSegmenter::Assignment TrackSegmenter::add(const SegmenterFix& fix,
                                               const std::vector<int>& excludedTracks)
{
    closeStale(fix.timeUtcMs);
    double score = 0;
    Track* best = bestTrack(fix, false, excludedTracks, score);
    Assignment out;
    if (best == nullptr) {
        best = bestTrack(fix, true, excludedTracks, score);
        // Only a detour: the fix is back near the fix before, far from the last.
        const auto near = [](const SegmenterFix& a, const SegmenterFix& b) {
            return geo::distanceM({a.latDeg, a.lonDeg}, {b.latDeg, b.lonDeg});
        };
        if (best != nullptr && 2.0 * near(best->last.front(), fix) > near(best->last.back(), fix)) {
            best = nullptr;
        }
        if (best != nullptr) {
            // The track's last fix was the odd one out: go on from the one before.
            best->last.pop_back();
            out.skippedOutlier = true;
        }
    }
    if (best == nullptr) {
        if (static_cast<int>(m_open.size()) >= m_rules.maxOpenTracks) {
            const auto oldest =
                std::min_element(m_open.begin(), m_open.end(), [](const Track& a, const Track& b) {
                    return a.lastUtcMs < b.lastUtcMs;
                });
            m_open.erase(oldest);
        }
        out.track = seed(fix);
        out.opened = true;
        return out;
    }
    const SegmenterFix& last = best->last.back();
    const auto repeatMs = static_cast<std::int64_t>(m_rules.repeatSeconds * 1000.0);
    out.track = best->id;
    out.repeat = std::abs(fix.timeUtcMs - last.timeUtcMs) <= repeatMs &&
                 fix.latDeg == last.latDeg && fix.lonDeg == last.lonDeg;
    if (out.repeat) {
        return out; // one fix heard twice: the track keeps the first hearing
    }
    append(*best, fix);
    return out;
}

void TrackSegmenter::append(Track& track, const SegmenterFix& fix)
{
    track.last.push_back(fix);
    while (track.last.size() > 2) {
        track.last.pop_front();
    }
    ++track.fixes;
    track.lastUtcMs = std::max(track.lastUtcMs, fix.timeUtcMs);
}

int TrackSegmenter::continueTrack(int track, const SegmenterFix& fix)
{
    closeStale(fix.timeUtcMs);
    for (Track& t : m_open) {
        if (t.id == track) {
            append(t, fix);
            return t.id;
        }
    }
    return seed(fix);
}

int TrackSegmenter::seed(const SegmenterFix& lastFix)
{
    Track t;
    t.id = m_nextTrack++;
    t.last.push_back(lastFix);
    t.fixes = 1;
    t.lastUtcMs = lastFix.timeUtcMs;
    m_open.push_back(std::move(t));
    return m_open.back().id;
}

std::vector<TrackSegmenter::OpenTrack> TrackSegmenter::openTracks() const
{
    std::vector<OpenTrack> out;
    out.reserve(m_open.size());
    for (const Track& t : m_open) {
        out.push_back({t.id, t.lastUtcMs, t.fixes});
    }
    return out;
}

} // namespace wake::tracks
