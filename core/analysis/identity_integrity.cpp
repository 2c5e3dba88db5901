#include "core/analysis/identity_integrity.h"

#include "core/analysis/identity_changes.h"
#include "core/analysis/track_math.h"
#include "core/geo/geodesy.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace wake::analysis {

namespace {

constexpr std::int64_t kHalfHourMs = 30 * 60 * 1000;

bool placeholderImo(std::uint32_t imo)
{
    return imo == 0 || imo == 1234567 || imo == 9999999 || imo == 1111111 || imo == 7654321;
}

// Inland runs: consecutive fixes deep inland.
void findInland(std::span<const model::TrackPoint> track, const ShoreDistance& shore,
                const reference::PortIndex& ports, const IntegrityRules& rules,
                std::vector<IntegrityFinding>& out)
{
    std::size_t runStart = 0;
    int run = 0;
    double minInlandKm = 0;
    auto close = [&](std::size_t end) {
        if (run >= rules.inlandMinFixes) {
            IntegrityFinding f;
            f.kind = IntegrityFinding::Kind::Inland;
            f.startUtcMs = track[runStart].timeUtcMs;
            f.endUtcMs = track[end].timeUtcMs;
            f.position = positionOf(track[runStart]);
            f.detail = QStringLiteral("%1 positions %2 km or more inland, away from any coast, "
                                      "lake or port")
                           .arg(run)
                           .arg(minInlandKm, 0, 'f', 0);
            f.values = {{QStringLiteral("fixes"), run},
                        {QStringLiteral("minInlandKm"), std::round(minInlandKm)},
                        {QStringLiteral("inlandKm"), rules.inlandKm},
                        {QStringLiteral("inlandPortKm"), rules.inlandPortKm}};
            out.push_back(std::move(f));
        }
        run = 0;
    };
    // The cheap tests first: a World Port Index port within reach (river
    // ports lie on rivers GSHHG does not draw; UN/LOCODE's "ports" include
    // inland towns no ship reaches) excuses a fix; then "not at sea"; only
    // then the distance to the coast. A fix within a kilometre of the last
    // one tested shares its answer.
    auto riverPortNear = [&](const model::LatLon& p) {
        return ports.nearestWpiPort(p, rules.inlandPortKm * 1000.0).has_value();
    };
    std::optional<model::LatLon> lastTested;
    bool lastInland = false;
    double lastKm = 0;
    for (std::size_t i = 0; i < track.size(); ++i) {
        const model::LatLon p = positionOf(track[i]);
        if (!lastTested || geo::distanceM(*lastTested, p) >= 1000.0) {
            lastTested = p;
            lastInland = false;
            if (!riverPortNear(p) && !shore.atSea(p)) {
                lastKm = shore.inlandKm(p, rules.inlandKm * 2.0);
                lastInland = lastKm >= rules.inlandKm;
            }
        }
        const bool inland = lastInland;
        const double km = lastKm;
        if (inland) {
            if (run == 0) {
                runStart = i;
                minInlandKm = km;
            }
            ++run;
            minInlandKm = std::min(minInlandKm, km);
        } else if (run > 0) {
            close(i - 1);
        }
    }
    if (run > 0) {
        close(track.size() - 1);
    }
}

void findFrozen(std::span<const model::TrackPoint> track, const IntegrityRules& rules,
                std::vector<IntegrityFinding>& out)
{
    std::size_t i = 0;
    while (i < track.size()) {
        std::size_t j = i + 1;
        while (j < track.size() && track[j].latDeg == track[i].latDeg &&
               track[j].lonDeg == track[i].lonDeg) {
            ++j;
        }
        const std::size_t n = j - i;
        const bool moving = std::all_of(
            track.begin() + static_cast<std::ptrdiff_t>(i),
            track.begin() + static_cast<std::ptrdiff_t>(j), [&](const model::TrackPoint& p) {
                return p.sogKnots && *p.sogKnots >= rules.frozenMinKnots;
            });
        const double hours = hoursBetween(track[i].timeUtcMs, track[j - 1].timeUtcMs);
        if (moving && static_cast<int>(n) >= rules.frozenMinFixes &&
            hours >= rules.frozenMinHours) {
            IntegrityFinding f;
            f.kind = IntegrityFinding::Kind::Frozen;
            f.startUtcMs = track[i].timeUtcMs;
            f.endUtcMs = track[j - 1].timeUtcMs;
            f.position = positionOf(track[i]);
            f.detail = QStringLiteral("the same position %1 times over %2 h while reporting "
                                      "%3 kn")
                           .arg(n)
                           .arg(hours, 0, 'f', 1)
                           .arg(static_cast<double>(*track[i].sogKnots), 0, 'f', 1);
            f.values = {{QStringLiteral("fixes"), static_cast<double>(n)},
                        {QStringLiteral("hours"), std::round(hours * 10) / 10},
                        {QStringLiteral("frozenMinFixes"), rules.frozenMinFixes},
                        {QStringLiteral("frozenMinKnots"), rules.frozenMinKnots}};
            out.push_back(std::move(f));
        }
        i = j;
    }
}

void findCircles(std::span<const model::TrackPoint> track, const IntegrityRules& rules,
                 std::vector<IntegrityFinding>& out)
{
    const auto n = static_cast<std::size_t>(rules.circleFixes);
    std::size_t i = 0;
    while (i + n <= track.size()) {
        // The middle of the box round the fixes: a circle's centre however
        // much more than one turn the window holds (a mean would lean).
        double south = 90;
        double north = -90;
        double west = 180;
        double east = -180;
        for (std::size_t k = i; k < i + n; ++k) {
            south = std::min(south, track[k].latDeg);
            north = std::max(north, track[k].latDeg);
            west = std::min(west, track[k].lonDeg);
            east = std::max(east, track[k].lonDeg);
        }
        const model::LatLon centre{(south + north) / 2, (west + east) / 2};
        // Kilometres on the plane tangent at the centre: at most 30 km out
        // they differ from great-circle distances by under 2e-5 of
        // themselves, and cost no trigonometry per fix (this runs over every
        // window of every track).
        constexpr double kKmPerDeg = geo::kEarthMeanRadiusM * std::numbers::pi / 180.0 / 1000.0;
        const double cosLat = std::cos(centre.latDeg * std::numbers::pi / 180.0);
        auto offset = [&](const model::TrackPoint& p) {
            return std::pair{(p.lonDeg - centre.lonDeg) * cosLat * kKmPerDeg,
                             (p.latDeg - centre.latDeg) * kKmPerDeg};
        };
        double sum = 0;
        double sumSq = 0;
        for (std::size_t k = i; k < i + n; ++k) {
            const auto [x, y] = offset(track[k]);
            const double r = std::sqrt(x * x + y * y);
            sum += r;
            sumSq += r * r;
        }
        const double mean = sum / static_cast<double>(n);
        const double spread =
            mean > 0 ? std::sqrt(std::max(0.0, sumSq / static_cast<double>(n) - mean * mean)) / mean
                     : 1.0;
        // How often the fixes went round, only for windows that lie on a
        // circle at all (most do not, and need no angles).
        double turned = 0;
        const bool onCircle = mean >= rules.circleMinRadiusKm && mean <= rules.circleMaxRadiusKm &&
                              spread <= rules.circleMaxSpread;
        for (std::size_t k = i; onCircle && k < i + n; ++k) {
            if (k > i) {
                const auto [ax, ay] = offset(track[k - 1]);
                const auto [bx, by] = offset(track[k]);
                // The signed angle from one radius to the next, in (-pi, pi].
                turned += std::atan2(ax * by - ay * bx, ax * bx + ay * by);
            }
        }
        const double turns = std::abs(turned) / (2 * std::numbers::pi);
        if (onCircle && turns >= rules.circleMinTurns) {
            IntegrityFinding f;
            f.kind = IntegrityFinding::Kind::Circling;
            f.startUtcMs = track[i].timeUtcMs;
            f.endUtcMs = track[i + n - 1].timeUtcMs;
            f.position = centre;
            f.detail = QStringLiteral("%1 positions on a circle of %2 km round one point, %3 "
                                      "times round")
                           .arg(n)
                           .arg(mean, 0, 'f', 1)
                           .arg(turns, 0, 'f', 1);
            f.values = {{QStringLiteral("radiusKm"), std::round(mean * 100) / 100},
                        {QStringLiteral("spread"), std::round(spread * 1000) / 1000},
                        {QStringLiteral("turns"), std::round(turns * 10) / 10},
                        {QStringLiteral("circleFixes"), rules.circleFixes},
                        {QStringLiteral("circleMaxSpread"), rules.circleMaxSpread}};
            // One finding a run of circles: extend while the next window circles too.
            if (!out.empty() && out.back().kind == IntegrityFinding::Kind::Circling &&
                out.back().endUtcMs >= track[i].timeUtcMs) {
                out.back().endUtcMs = f.endUtcMs;
            } else {
                out.push_back(std::move(f));
            }
            i += n / 2;
        } else {
            i += n / 4;
        }
    }
}

} // namespace

std::vector<IntegrityFinding> invalidImos(const model::Vessel& vessel)
{
    std::vector<IntegrityFinding> out;
    for (const model::IdentityRecord& r : vessel.history) {
        if (r.field != QLatin1String(kInvalidImoField)) {
            continue;
        }
        IntegrityFinding f;
        f.kind = IntegrityFinding::Kind::InvalidImo;
        if (r.to) {
            f.startUtcMs = r.to->startUtcMs;
            f.endUtcMs = r.to->startUtcMs;
        }
        const std::uint32_t imo = r.value.toUInt();
        f.detail =
            placeholderImo(imo)
                ? QStringLiteral("IMO %1 transmitted, a placeholder number").arg(r.value)
                : QStringLiteral("IMO %1 transmitted, which fails its check digit").arg(r.value);
        f.values = {{QStringLiteral("imo"), static_cast<double>(imo)}};
        out.push_back(std::move(f));
    }
    return out;
}

std::vector<IntegrityFinding> spoofingSigns(std::span<const model::TrackPoint> track,
                                            const ShoreDistance& shore,
                                            const reference::PortIndex& ports,
                                            const IntegrityRules& rules)
{
    std::vector<IntegrityFinding> out;
    findInland(track, shore, ports, rules, out);
    findFrozen(track, rules, out);
    findCircles(track, rules, out);
    return out;
}

HalfHourPositions halfHourPositions(std::span<const model::TrackPoint> track, const IntegrityRules&)
{
    HalfHourPositions out;
    for (const model::TrackPoint& p : track) {
        if (p.sogKnots && *p.sogKnots >= 1.0F) {
            out.emplace(p.timeUtcMs / kHalfHourMs, positionOf(p));
        }
    }
    return out;
}

std::vector<std::pair<model::VesselId, IntegrityFinding>>
sharedImoConflicts(const std::map<std::uint32_t, std::vector<model::VesselId>>& byImo,
                   const std::map<model::VesselId, HalfHourPositions>& positions,
                   const IntegrityRules& rules)
{
    std::vector<std::pair<model::VesselId, IntegrityFinding>> out;
    for (const auto& [imo, vessels] : byImo) {
        for (std::size_t a = 0; a < vessels.size(); ++a) {
            for (std::size_t b = a + 1; b < vessels.size(); ++b) {
                const auto pa = positions.find(vessels[a]);
                const auto pb = positions.find(vessels[b]);
                if (pa == positions.end() || pb == positions.end()) {
                    continue;
                }
                int slots = 0;
                double maxKm = 0;
                std::int64_t first = 0;
                std::int64_t last = 0;
                for (const auto& [slot, where] : pa->second) {
                    const auto other = pb->second.find(slot);
                    if (other == pb->second.end()) {
                        continue;
                    }
                    const double km = geo::distanceM(where, other->second) / 1000.0;
                    if (km >= rules.sharedImoKm) {
                        if (slots == 0) {
                            first = slot;
                        }
                        last = slot;
                        ++slots;
                        maxKm = std::max(maxKm, km);
                    }
                }
                if (slots == 0) {
                    continue;
                }
                IntegrityFinding f;
                f.kind = IntegrityFinding::Kind::SharedImo;
                f.startUtcMs = first * kHalfHourMs;
                f.endUtcMs = (last + 1) * kHalfHourMs;
                f.otherVesselId = vessels[b];
                f.detail = QStringLiteral("IMO %1 also transmitted by another ship up to %2 km "
                                          "away at the same time")
                               .arg(imo)
                               .arg(maxKm, 0, 'f', 0);
                f.values = {{QStringLiteral("imo"), static_cast<double>(imo)},
                            {QStringLiteral("maxKm"), std::round(maxKm)},
                            {QStringLiteral("halfHours"), slots},
                            {QStringLiteral("sharedImoKm"), rules.sharedImoKm}};
                out.emplace_back(vessels[a], std::move(f));
            }
        }
    }
    return out;
}

} // namespace wake::analysis
