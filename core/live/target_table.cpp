#include "core/live/target_table.h"

namespace wake::live {

namespace {

constexpr std::int64_t kSecond = 1000;
constexpr std::int64_t kThreeMinutes = 180 * kSecond;

TargetClass classOf(int messageType, bool classBCs)
{
    switch (messageType) {
    case 18:
    case 19:
        return classBCs ? TargetClass::BCs : TargetClass::BSotdma;
    case 27:
        return TargetClass::LongRange;
    default:
        return TargetClass::A;
    }
}

} // namespace

QString toString(TargetState state)
{
    switch (state) {
    case TargetState::Active:
        return QStringLiteral("active");
    case TargetState::Stale:
        return QStringLiteral("stale");
    case TargetState::Lost:
        return QStringLiteral("lost");
    }
    return {};
}

std::int64_t nominalIntervalMs(TargetClass cls, std::optional<double> sogKnots,
                               std::optional<int> navStatus)
{
    const double sog = sogKnots.value_or(0.0);
    switch (cls) {
    case TargetClass::A: {
        // Status 1 (at anchor) and 5 (moored) while not faster than 3 kn.
        const bool anchored = navStatus && (*navStatus == 1 || *navStatus == 5);
        if (anchored && sog <= 3.0) {
            return kThreeMinutes;
        }
        if (sog > 23.0) {
            return 2 * kSecond;
        }
        if (sog > 14.0) {
            return 6 * kSecond;
        }
        return 10 * kSecond;
    }
    case TargetClass::BSotdma:
        if (sog <= 2.0) {
            return kThreeMinutes;
        }
        if (sog > 23.0) {
            return 5 * kSecond;
        }
        if (sog > 14.0) {
            return 15 * kSecond;
        }
        return 30 * kSecond;
    case TargetClass::BCs:
        return sog <= 2.0 ? kThreeMinutes : 30 * kSecond;
    case TargetClass::LongRange:
        return kThreeMinutes;
    }
    return 10 * kSecond;
}

TargetState TargetTable::stateAt(const LiveTarget& target, std::int64_t nowUtcMs) const
{
    const std::int64_t silence = nowUtcMs - target.lastHeardUtcMs;
    if (silence > m_lostIntervals * target.intervalMs) {
        return TargetState::Lost;
    }
    if (silence > kStaleIntervals * target.intervalMs) {
        return TargetState::Stale;
    }
    return TargetState::Active;
}

TargetTable::Update TargetTable::updatePosition(std::uint32_t mmsi, int messageType, bool classBCs,
                                                std::int64_t timeUtcMs, const ais::PositionFix& fix)
{
    Update update;
    LiveTarget& t = m_targets.try_emplace(mmsi).first->second;
    update.isNew = !t.hasPosition;
    if (!t.hasPosition) {
        t.mmsi = mmsi;
        t.firstHeardUtcMs = timeUtcMs;
        t.hasPosition = true;
    } else if (timeUtcMs < t.lastHeardUtcMs) {
        ++t.messages; // an older report (another source, late): keep the newest
        update.target = &t;
        return update;
    } else if (stateAt(t, timeUtcMs) == TargetState::Lost) {
        update.silenceFromUtcMs = t.lastHeardUtcMs;
        update.silenceIntervalMs = t.intervalMs;
    }
    t.cls = classOf(messageType, classBCs);
    t.latDeg = fix.latDeg;
    t.lonDeg = fix.lonDeg;
    t.sogKnots = fix.sogKnots;
    t.cogDeg = fix.cogDeg;
    t.headingDeg = fix.headingDeg;
    if (fix.navStatus) {
        t.navStatus = fix.navStatus;
    }
    t.lastHeardUtcMs = timeUtcMs;
    t.intervalMs = nominalIntervalMs(t.cls, t.sogKnots, t.navStatus);
    ++t.messages;
    update.target = &t;
    return update;
}

void TargetTable::updateIdentity(std::uint32_t mmsi, const ais::VesselIdentity& identity)
{
    // Kept until a position is heard; drawn from then on.
    const auto it = m_targets.try_emplace(mmsi).first;
    it->second.mmsi = mmsi;
    if (identity.name && !identity.name->empty()) {
        it->second.name = QString::fromStdString(*identity.name);
    }
    if (identity.shipType) {
        it->second.shipType = identity.shipType;
    }
}

void TargetTable::setVesselId(std::uint32_t mmsi, model::VesselId id)
{
    if (const auto it = m_targets.find(mmsi); it != m_targets.end()) {
        it->second.vesselId = id;
    }
}

const LiveTarget* TargetTable::find(std::uint32_t mmsi) const
{
    const auto it = m_targets.find(mmsi);
    return it == m_targets.end() || !it->second.hasPosition ? nullptr : &it->second;
}

std::vector<LiveTarget> TargetTable::snapshot() const
{
    std::vector<LiveTarget> out;
    out.reserve(m_targets.size());
    for (const auto& [mmsi, t] : m_targets) {
        if (t.hasPosition) {
            out.push_back(t);
        }
    }
    return out;
}

std::size_t TargetTable::forgetLostBefore(std::int64_t utcMs)
{
    return std::erase_if(m_targets, [&](const auto& entry) {
        return entry.second.hasPosition && entry.second.lastHeardUtcMs < utcMs &&
               stateAt(entry.second, utcMs) == TargetState::Lost;
    });
}

} // namespace wake::live
