#include "core/watch/history_alerts.h"

#include "core/watch/watch_engine.h"

#include <algorithm>
#include <limits>
#include <map>
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

// A value of an identity field set on a vessel (the names the store's
// identity history uses).
void setField(model::Vessel& v, const QString& field, const QString& value)
{
    if (field == QLatin1String("name")) {
        v.name = value;
    } else if (field == QLatin1String("callsign")) {
        v.callSign = value;
    } else if (field == QLatin1String("flag")) {
        v.flagAlpha2 = value;
    } else if (field == QLatin1String("imo")) {
        v.imo = value.toUInt();
    } else if (field == QLatin1String("ship_type")) {
        v.aisShipType = value.toInt();
    }
}

// The field's value copied from one vessel to another.
void copyField(model::Vessel& to, const model::Vessel& from, const QString& field)
{
    if (field == QLatin1String("name")) {
        to.name = from.name;
    } else if (field == QLatin1String("callsign")) {
        to.callSign = from.callSign;
    } else if (field == QLatin1String("flag")) {
        to.flagAlpha2 = from.flagAlpha2;
    } else if (field == QLatin1String("imo")) {
        to.imo = from.imo;
    } else if (field == QLatin1String("ship_type")) {
        to.aisShipType = from.aisShipType;
    }
}

struct IdentityStep
{
    std::int64_t timeUtcMs = 0;
    std::uint32_t mmsi = 0;
    model::Vessel heard; // only the field that changed
};

// The store keeps each replaced value with the time it was replaced: each
// vessel starts with its first values, and steps to the next at those times
// (as the live watch heard them change).
Result<std::vector<IdentityStep>> identitySteps(store::Database& db,
                                                std::vector<model::Vessel>& vessels)
{
    auto records = db.observedIdentityHistory();
    if (!records) {
        return records.error();
    }
    std::unordered_map<model::VesselId, model::Vessel*> byId;
    for (model::Vessel& v : vessels) {
        byId.emplace(v.id, &v);
    }
    // By vessel and field, in time: the values replaced, then the current one.
    std::map<std::pair<model::VesselId, QString>, std::vector<model::IdentityRecord>> fields;
    for (auto& [id, r] : *records) {
        if (r.to) {
            fields[{id, r.field}].push_back(std::move(r));
        }
    }
    std::vector<IdentityStep> steps;
    for (auto& [key, replaced] : fields) {
        const auto it = byId.find(key.first);
        if (it == byId.end() || !it->second->mmsi) {
            continue;
        }
        model::Vessel& vessel = *it->second;
        const model::Vessel current = vessel; // the values it has now
        for (std::size_t i = 0; i < replaced.size(); ++i) {
            IdentityStep step;
            step.timeUtcMs = replaced[i].to->startUtcMs;
            step.mmsi = *vessel.mmsi;
            step.heard.mmsi = vessel.mmsi;
            if (i + 1 < replaced.size()) {
                setField(step.heard, key.second, replaced[i + 1].value);
            } else {
                copyField(step.heard, current, key.second);
            }
            steps.push_back(std::move(step));
        }
        setField(vessel, key.second, replaced.front().value); // where it started
    }
    std::stable_sort(steps.begin(), steps.end(), [](const IdentityStep& a, const IdentityStep& b) {
        return a.timeUtcMs < b.timeUtcMs;
    });
    return steps;
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
    auto steps = identitySteps(db, *vessels);
    if (!steps) {
        return steps.error();
    }
    WatchEngine engine(rules, matcher, MeetingPlaces::builtIn());
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
    // Identity steps before the span set the scene; those in it are heard
    // after the reports of their time (a fixed order, as for the reports of
    // one instant: an identity_change alert gives the position last reported).
    std::size_t nextStep = 0;
    auto stepsBefore = [&](std::int64_t t, bool including) {
        for (; nextStep < steps->size() && ((*steps)[nextStep].timeUtcMs < t ||
                                            (including && (*steps)[nextStep].timeUtcMs == t));
             ++nextStep) {
            const IdentityStep& step = (*steps)[nextStep];
            if (step.timeUtcMs < from) {
                engine.setIdentity(step.mmsi, step.heard);
            } else {
                emit(engine.identity(step.mmsi, step.timeUtcMs, step.heard));
            }
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
            stepsBefore(r.timeUtcMs, false);
            emit(engine.report(r));
        }
        if (end == to) {
            break;
        }
    }
    stepsBefore(to, true);
    emit(engine.advanceTo(to));
    return {};
}

} // namespace wake::watch
