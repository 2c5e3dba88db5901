#include "core/analysis/encounters.h"

#include "core/analysis/track_math.h"
#include "core/geo/geodesy.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace wake::analysis {

namespace {

struct PairRun
{
    std::int64_t firstStep = 0;
    std::int64_t lastStep = 0;
    std::vector<double> distancesM;
    std::vector<double> knotsA;
    std::vector<double> knotsB;
    std::vector<model::LatLon> positionsA;
};

double median(std::vector<double> values)
{
    return percentile(std::move(values), 50.0);
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

} // namespace

EncounterFinder::EncounterFinder(const EncounterRules& rules, PortProximity ports)
    : m_rules(rules), m_ports(std::move(ports)),
      m_stepMs(
          std::max<std::int64_t>(60'000, static_cast<std::int64_t>(rules.sampleMinutes * 60'000)))
{}

void EncounterFinder::addTrack(model::VesselId vesselId, std::span<const model::TrackPoint> track)
{
    const auto maxGapMs = static_cast<std::int64_t>(m_rules.maxInterpolationH * kMsPerHour);
    const double slowLimit = 2.0 * m_rules.maxMedianSpeedKnots;
    // One vessel's samples are near each other: its own proximity cache.
    PortProximity ports = m_ports;
    for (std::size_t i = 0; i + 1 < track.size(); ++i) {
        const model::TrackPoint& a = track[i];
        const model::TrackPoint& b = track[i + 1];
        const std::int64_t span = b.timeUtcMs - a.timeUtcMs;
        if (span <= 0 || span > maxGapMs) {
            continue;
        }
        // Grid times in [a, b); the last fix of the track adds its own below.
        const double segmentKnots = impliedKnots(a, b);
        for (std::int64_t step = floorDiv(a.timeUtcMs + m_stepMs - 1, m_stepMs);
             step * m_stepMs < b.timeUtcMs; ++step) {
            const double f =
                static_cast<double>(step * m_stepMs - a.timeUtcMs) / static_cast<double>(span);
            // Speed over ground where AIS gave it (drifting ships turn on the
            // spot), else the speed the segment implies.
            const double knots = a.sogKnots && b.sogKnots
                                     ? *a.sogKnots + f * (*b.sogKnots - *a.sogKnots)
                                     : segmentKnots;
            if (knots > slowLimit) {
                continue;
            }
            const model::LatLon p = geo::interpolateGreatCircle(positionOf(a), positionOf(b), f);
            if (ports.at(p).km < m_rules.minPortDistanceKm) {
                continue;
            }
            m_byStep[step].push_back({vesselId, static_cast<float>(p.latDeg),
                                      static_cast<float>(p.lonDeg), static_cast<float>(knots)});
        }
    }
    if (!track.empty() && track.back().timeUtcMs % m_stepMs == 0) {
        const model::TrackPoint& last = track.back();
        const double knots = last.sogKnots ? *last.sogKnots : 0.0;
        if (knots <= slowLimit && ports.at(positionOf(last)).km >= m_rules.minPortDistanceKm) {
            m_byStep[last.timeUtcMs / m_stepMs].push_back(
                {vesselId, static_cast<float>(last.latDeg), static_cast<float>(last.lonDeg),
                 static_cast<float>(knots)});
        }
    }
}

std::size_t EncounterFinder::sampleCount() const
{
    std::size_t n = 0;
    for (const auto& [step, samples] : m_byStep) {
        n += samples.size();
    }
    return n;
}

std::optional<std::vector<Encounter>>
EncounterFinder::find(const std::function<bool()>& keepGoing) const
{
    // Cells of the unit-vector hash are one chord of maxDistanceM wide, so
    // every pair within that distance is in the same or a neighbouring cell.
    const double cell =
        std::max(1e-9, 2.0 * std::sin(m_rules.maxDistanceM / (2.0 * geo::kEarthMeanRadiusM)));
    auto key = [](std::int64_t x, std::int64_t y, std::int64_t z) {
        return (static_cast<std::uint64_t>(x & 0x1FFFFF) << 42) |
               (static_cast<std::uint64_t>(y & 0x1FFFFF) << 21) |
               static_cast<std::uint64_t>(z & 0x1FFFFF);
    };
    std::map<std::pair<model::VesselId, model::VesselId>, PairRun> open;
    std::vector<Encounter> found;
    const auto minMs = static_cast<std::int64_t>(m_rules.minDurationH * kMsPerHour);

    auto finish = [&](const std::pair<model::VesselId, model::VesselId>& pair, const PairRun& run) {
        if ((run.lastStep - run.firstStep) * m_stepMs < minMs) {
            return;
        }
        Encounter e;
        e.vesselId = pair.first;
        e.otherVesselId = pair.second;
        e.startUtcMs = run.firstStep * m_stepMs;
        e.endUtcMs = run.lastStep * m_stepMs;
        e.medianKnots = median(run.knotsA);
        e.otherMedianKnots = median(run.knotsB);
        if (e.medianKnots >= m_rules.maxMedianSpeedKnots ||
            e.otherMedianKnots >= m_rules.maxMedianSpeedKnots) {
            return;
        }
        e.medianDistanceM = median(run.distancesM);
        e.minDistanceM = *std::min_element(run.distancesM.begin(), run.distancesM.end());
        e.position = run.positionsA[run.positionsA.size() / 2];
        e.samples = static_cast<int>(run.distancesM.size());
        found.push_back(e);
    };

    std::unordered_map<std::uint64_t, std::vector<std::size_t>> grid;
    std::vector<std::array<double, 3>> xyz;
    std::int64_t previousStep = 0;
    bool first = true;
    for (const auto& [step, samples] : m_byStep) {
        if (keepGoing && !keepGoing()) {
            return std::nullopt;
        }
        // Runs not continued at the last step are over.
        if (!first && step != previousStep + 1) {
            for (const auto& [pair, run] : open) {
                finish(pair, run);
            }
            open.clear();
        }
        first = false;
        grid.clear();
        xyz.resize(samples.size());
        for (std::size_t i = 0; i < samples.size(); ++i) {
            xyz[i] = geo::toUnitVector({samples[i].latDeg, samples[i].lonDeg});
            grid[key(static_cast<std::int64_t>(std::floor(xyz[i][0] / cell)),
                     static_cast<std::int64_t>(std::floor(xyz[i][1] / cell)),
                     static_cast<std::int64_t>(std::floor(xyz[i][2] / cell)))]
                .push_back(i);
        }
        std::map<std::pair<model::VesselId, model::VesselId>, PairRun> next;
        for (std::size_t i = 0; i < samples.size(); ++i) {
            const auto cx = static_cast<std::int64_t>(std::floor(xyz[i][0] / cell));
            const auto cy = static_cast<std::int64_t>(std::floor(xyz[i][1] / cell));
            const auto cz = static_cast<std::int64_t>(std::floor(xyz[i][2] / cell));
            for (std::int64_t dx = -1; dx <= 1; ++dx) {
                for (std::int64_t dy = -1; dy <= 1; ++dy) {
                    for (std::int64_t dz = -1; dz <= 1; ++dz) {
                        const auto it = grid.find(key(cx + dx, cy + dy, cz + dz));
                        if (it == grid.end()) {
                            continue;
                        }
                        for (const std::size_t j : it->second) {
                            const Sample& a = samples[i];
                            const Sample& b = samples[j];
                            if (a.vesselId >= b.vesselId) {
                                continue; // each pair once, lower id first
                            }
                            const model::LatLon pa{a.latDeg, a.lonDeg};
                            const double d = geo::distanceM(pa, {b.latDeg, b.lonDeg});
                            if (d > m_rules.maxDistanceM) {
                                continue;
                            }
                            const std::pair pair{a.vesselId, b.vesselId};
                            PairRun run;
                            if (auto o = open.find(pair); o != open.end()) {
                                run = std::move(o->second);
                                open.erase(o);
                            } else {
                                run.firstStep = step;
                            }
                            run.lastStep = step;
                            run.distancesM.push_back(d);
                            run.knotsA.push_back(a.knots);
                            run.knotsB.push_back(b.knots);
                            run.positionsA.push_back(pa);
                            next.emplace(pair, std::move(run));
                        }
                    }
                }
            }
        }
        for (const auto& [pair, run] : open) {
            finish(pair, run);
        }
        open = std::move(next);
        previousStep = step;
    }
    for (const auto& [pair, run] : open) {
        finish(pair, run);
    }
    std::sort(found.begin(), found.end(), [](const Encounter& a, const Encounter& b) {
        return std::tie(a.startUtcMs, a.vesselId, a.otherVesselId) <
               std::tie(b.startUtcMs, b.vesselId, b.otherVesselId);
    });
    return found;
}

} // namespace wake::analysis
