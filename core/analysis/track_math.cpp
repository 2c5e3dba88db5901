#include "core/analysis/track_math.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace wake::analysis {

double impliedKnots(const model::TrackPoint& a, const model::TrackPoint& b)
{
    const double hours =
        std::max<double>(std::llabs(b.timeUtcMs - a.timeUtcMs), 1000.0) / kMsPerHour;
    return distanceNm(a, b) / hours;
}

double speedKnots(std::span<const model::TrackPoint> track, std::size_t i)
{
    if (track[i].sogKnots) {
        return *track[i].sogKnots;
    }
    return i > 0 ? impliedKnots(track[i - 1], track[i]) : 0.0;
}

double pathNm(std::span<const model::TrackPoint> track, std::size_t from, std::size_t to)
{
    double nm = 0.0;
    for (std::size_t i = from + 1; i <= to && i < track.size(); ++i) {
        nm += distanceNm(track[i - 1], track[i]);
    }
    return nm;
}

double percentile(std::vector<double> values, double percent)
{
    if (values.empty()) {
        return 0.0;
    }
    const double clamped = std::clamp(percent, 0.0, 100.0);
    auto rank =
        static_cast<std::size_t>(std::ceil(clamped / 100.0 * static_cast<double>(values.size())));
    rank = std::clamp<std::size_t>(rank, 1, values.size());
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(rank - 1),
                     values.end());
    return values[rank - 1];
}

} // namespace wake::analysis
