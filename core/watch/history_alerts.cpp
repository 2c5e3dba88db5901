#include "core/watch/history_alerts.h"

#include "core/watch/watch_engine.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace wake::watch {

namespace {

constexpr std::int64_t kWindowMs = 6LL * 3600 * 1000;

// The first and last stored position times; nullopt without positions.
Result<std::optional<std::pair<std::int64_t, std::int64_t>>> storedSpan(store::Database& db)
{
    constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
    constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
    auto firsts = db.trackEndsIn(store::Database::TrackEnd::First, kMin, kMax);
    auto lasts = db.trackEndsIn(store::Database::TrackEnd::Last, kMin, kMax);
    if (!firsts || !lasts) {
        return firsts ? lasts.error() : firsts.error();
    }
    if (firsts->empty()) {
        return std::optional<std::pair<std::int64_t, std::int64_t>>();
    }
    return std::optional(std::pair{firsts->front().timeUtcMs, lasts->back().timeUtcMs});
}

} // namespace

Status runOverHistory(store::Database& db, const WatchRules& rules,
                      const lists::ListMatcher* matcher, HistoryRun& run,
                      const std::function<void(const Alert&)>& alert,
                      const std::function<bool()>& cancelled)
{
    auto span = storedSpan(db);
    if (!span) {
        return span.error();
    }
    if (!*span) {
        return {};
    }
    const std::int64_t from = run.fromUtcMs.value_or((*span)->first);
    const std::int64_t to = run.toUtcMs.value_or((*span)->second);
    auto vessels = db.listVessels();
    if (!vessels) {
        return vessels.error();
    }
    WatchEngine engine(rules, matcher);
    std::unordered_map<model::VesselId, std::uint32_t> mmsiOf;
    for (const model::Vessel& v : *vessels) {
        if (v.mmsi) {
            mmsiOf.emplace(v.id, *v.mmsi);
            engine.setIdentity(*v.mmsi, v);
        }
    }
    auto emit = [&](const std::vector<Alert>& alerts) {
        for (const Alert& a : alerts) {
            alert(a);
        }
    };
    std::vector<PositionReport> window;
    for (std::int64_t start = from; start <= to; start += kWindowMs) {
        if (cancelled && cancelled()) {
            run.cancelled = true;
            return {};
        }
        // [start, end]: the next window begins a millisecond after.
        const std::int64_t end = std::min(to, start + kWindowMs - 1);
        auto ids = db.vesselsWithTrackIn(start, end, std::numeric_limits<std::int64_t>::max());
        if (!ids) {
            return ids.error();
        }
        window.clear();
        for (const model::VesselId id : *ids) {
            const auto mmsi = mmsiOf.find(id);
            if (mmsi == mmsiOf.end()) {
                continue; // a vessel without an MMSI was never heard on AIS
            }
            auto track = db.track(id, start, end);
            if (!track) {
                return track.error();
            }
            for (const model::TrackPoint& p : *track) {
                PositionReport r;
                r.timeUtcMs = p.timeUtcMs;
                r.mmsi = mmsi->second;
                r.vesselId = id;
                r.latDeg = p.latDeg;
                r.lonDeg = p.lonDeg;
                if (p.sogKnots) {
                    r.sogKnots = *p.sogKnots;
                }
                if (p.cogDeg) {
                    r.cogDeg = *p.cogDeg;
                }
                if (p.navStatus) {
                    r.navStatus = *p.navStatus;
                }
                window.push_back(r);
            }
        }
        // In time, own ship first, then MMSI: a fixed order (own ship's
        // transponder speaks first on the receiver it feeds). A live feed may
        // bring reports of one instant in another order; only a CPA alarm's
        // values at that instant can tell (one dead-reckons what the other
        // reads).
        const std::uint32_t own = rules.ownShipMmsi.value_or(0);
        std::stable_sort(window.begin(), window.end(),
                         [own](const PositionReport& a, const PositionReport& b) {
                             if (a.timeUtcMs != b.timeUtcMs) {
                                 return a.timeUtcMs < b.timeUtcMs;
                             }
                             if ((a.mmsi == own) != (b.mmsi == own)) {
                                 return a.mmsi == own;
                             }
                             return a.mmsi < b.mmsi;
                         });
        run.positions += static_cast<std::int64_t>(window.size());
        for (const PositionReport& r : window) {
            emit(engine.report(r));
        }
        if (end == to) {
            break;
        }
    }
    emit(engine.advanceTo(to));
    return {};
}

} // namespace wake::watch
