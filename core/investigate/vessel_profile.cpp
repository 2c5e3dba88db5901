#include "core/investigate/vessel_profile.h"

#include "core/reference/flag_states.h"
#include "core/store/database.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <limits>
#include <map>
#include <set>

namespace wake::investigate {

namespace {

constexpr std::int64_t kDayMs = 86'400'000;

std::int64_t overlapMs(const model::TimeSpan& t, std::int64_t from, std::int64_t to)
{
    return std::max<std::int64_t>(0, std::min(t.endUtcMs, to) - std::max(t.startUtcMs, from));
}

} // namespace

Result<VesselProfile> buildProfile(store::Database& db, model::VesselId id,
                                   std::optional<std::int64_t> fromUtcMs,
                                   std::optional<std::int64_t> toUtcMs,
                                   const lists::ListMatcher& matcher)
{
    auto vessel = db.vessel(id);
    if (!vessel) {
        return vessel.error();
    }
    if (!vessel->has_value()) {
        return Error{Error::Code::NotFound, QStringLiteral("no vessel with id %1").arg(id), {}};
    }
    auto track = db.track(id, fromUtcMs.value_or(std::numeric_limits<std::int64_t>::min()),
                          toUtcMs.value_or(std::numeric_limits<std::int64_t>::max()),
                          store::TrackFields::Motion);
    if (!track) {
        return track.error();
    }
    return buildProfile(db, **vessel, *track, fromUtcMs, toUtcMs, matcher);
}

Result<VesselProfile> buildProfile(store::Database& db, const model::Vessel& vessel,
                                   std::span<const model::TrackPoint> track,
                                   std::optional<std::int64_t> fromUtcMs,
                                   std::optional<std::int64_t> toUtcMs,
                                   const lists::ListMatcher& matcher)
{
    const model::VesselId id = vessel.id;
    VesselProfile p;
    p.vessel = vessel;
    p.fromUtcMs = fromUtcMs.value_or(std::numeric_limits<std::int64_t>::min());
    p.toUtcMs = toUtcMs.value_or(std::numeric_limits<std::int64_t>::max());
    p.listMatches = matcher.match(p.vessel);

    std::set<std::int64_t> days;
    for (const model::TrackPoint& t : track) {
        if (t.provenance == model::Provenance::Observed) {
            ++p.fixes;
            days.insert(t.timeUtcMs >= 0 ? t.timeUtcMs / kDayMs
                                         : (t.timeUtcMs - kDayMs + 1) / kDayMs);
        } else {
            ++p.otherPoints;
        }
    }
    p.daysWithAis = static_cast<int>(days.size());
    // Without a span, the profile covers what is known of the vessel.
    if (!fromUtcMs && !track.empty()) {
        p.fromUtcMs = track.front().timeUtcMs;
    }
    if (!toUtcMs && !track.empty()) {
        p.toUtcMs = track.back().timeUtcMs;
    }

    store::EventFilter filter = store::EventFilter::forVessel(id);
    filter.fromUtcMs = fromUtcMs;
    filter.toUtcMs = toUtcMs;
    auto events = db.events(filter);
    if (!events) {
        return events.error();
    }
    std::vector<model::Event> own;
    std::map<model::VesselId, Meeting> meetings;
    std::optional<std::int64_t> aisOffAt;
    const std::int64_t from = fromUtcMs.value_or(std::numeric_limits<std::int64_t>::min());
    const std::int64_t to = toUtcMs.value_or(std::numeric_limits<std::int64_t>::max());
    auto addDark = [&](std::int64_t ms) {
        p.darkMs += ms;
        p.longestDarkMs = std::max(p.longestDarkMs, ms);
    };
    for (const model::Event& e : *events) {
        const bool mine = e.vesselId == id;
        switch (e.kind) {
        case model::EventKind::Encounter: {
            const auto other = mine ? e.otherVesselId : e.vesselId;
            if (other) {
                Meeting& m = meetings[*other];
                m.other = *other;
                ++m.encounters;
            }
            break;
        }
        case model::EventKind::AisGap:
            if (mine) {
                addDark(overlapMs(e.time, from, to));
            }
            break;
        case model::EventKind::AisOff:
            if (mine) {
                aisOffAt = e.time.startUtcMs;
            }
            break;
        case model::EventKind::AisOn:
            if (mine && aisOffAt) {
                addDark(
                    overlapMs({*aisOffAt, e.time.startUtcMs, model::TimePrecision::Day}, from, to));
                aisOffAt.reset();
            }
            break;
        case model::EventKind::Loitering:
            p.loitering += mine ? 1 : 0;
            break;
        case model::EventKind::IdentityChange:
            if (mine) {
                const QString field = QJsonDocument::fromJson(e.evidence.toUtf8())
                                          .object()
                                          .value(QLatin1String("field"))
                                          .toString();
                p.nameChanges += field == QLatin1String("name") ? 1 : 0;
                p.flagChanges += field == QLatin1String("flag") ? 1 : 0;
            }
            break;
        case model::EventKind::IdentityConflict:
            p.identityConflicts += mine ? 1 : 0;
            break;
        default:
            break;
        }
        if (mine) {
            own.push_back(e);
        }
    }
    auto flags = reference::FlagStates::loadBuiltIn();
    std::set<QString> seenCountries;
    for (PortCall& c : portCalls(own, flags ? &*flags : nullptr)) {
        if (c.basis == CallBasis::Possible) {
            ++p.possibleCalls;
            continue;
        }
        if (!c.country.isEmpty() && seenCountries.insert(c.country).second) {
            p.callCountries << c.country;
        }
        p.calls.push_back(std::move(c));
    }
    for (auto& [other, m] : meetings) {
        auto v = db.vessel(other);
        if (!v) {
            return v.error();
        }
        if (v->has_value()) {
            m.otherName = (*v)->displayName();
            m.listed = !matcher.match(**v).empty();
        }
        p.meetings.push_back(m);
    }
    std::sort(p.meetings.begin(), p.meetings.end(), [](const Meeting& a, const Meeting& b) {
        if (a.listed != b.listed) {
            return a.listed;
        }
        return a.encounters != b.encounters ? a.encounters > b.encounters : a.other < b.other;
    });
    return p;
}

} // namespace wake::investigate
