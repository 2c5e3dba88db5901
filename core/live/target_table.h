#pragma once

// Every vessel heard live, with its last position and identity, and whether
// it is active, stale or lost. How long a target may stay silent depends on
// how often it should report: ITU-R M.1371-5, Annex 1, Tables 1 and 2
// (Class A: 3 min at anchor or moored, 10 s up to 14 kn, 6 s up to 23 kn,
// 2 s above; Class B "SO": 3 min up to 2 kn, 30 s up to 14 kn, 15 s up to
// 23 kn, 5 s above; Class B "CS": 3 min up to 2 kn, 30 s above; long-range
// type 27: 3 min). A target is stale after kStaleIntervals missed reports
// and lost after lostIntervals (about six, a setting can override).

#include "core/ais/messages.h"
#include "core/model/vessel.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

namespace wake::live {

enum class TargetClass : std::uint8_t
{
    A,
    BSotdma,
    BCs,
    LongRange, // type 27 only so far
};

enum class TargetState : std::uint8_t
{
    Active,
    Stale,
    Lost,
};

QString toString(TargetState state);

// The nominal reporting interval for a class at a speed (knots) and
// navigational status.
std::int64_t nominalIntervalMs(TargetClass cls, std::optional<double> sogKnots,
                               std::optional<int> navStatus);

struct LiveTarget
{
    std::uint32_t mmsi = 0;
    model::VesselId vesselId = 0; // 0 until the store has it
    TargetClass cls = TargetClass::A;
    double latDeg = 0.0;
    double lonDeg = 0.0;
    std::optional<double> sogKnots;
    std::optional<double> cogDeg;
    std::optional<int> headingDeg;
    std::optional<int> navStatus;
    std::optional<int> shipType;
    QString name;
    std::int64_t firstHeardUtcMs = 0;
    std::int64_t lastHeardUtcMs = 0; // the last position's time
    std::int64_t messages = 0;
    std::int64_t intervalMs = 10'000; // nominal at the last report
    bool hasPosition = false;         // static data can come first
};

class TargetTable
{
public:
    static constexpr int kStaleIntervals = 3;
    static constexpr int kDefaultLostIntervals = 6;

    explicit TargetTable(int lostIntervals = kDefaultLostIntervals) : m_lostIntervals(lostIntervals)
    {}

    TargetState stateAt(const LiveTarget& target, std::int64_t nowUtcMs) const;

    struct Update
    {
        const LiveTarget* target = nullptr;
        bool isNew = false;
        // The target was lost and is heard again: the silence it ends.
        std::optional<std::int64_t> silenceFromUtcMs;
        std::int64_t silenceIntervalMs = 0; // the nominal interval it was lost by
    };
    // A position report heard at timeUtcMs (message type for the class).
    Update updatePosition(std::uint32_t mmsi, int messageType, bool classBCs,
                          std::int64_t timeUtcMs, const ais::PositionFix& fix);
    void updateIdentity(std::uint32_t mmsi, const ais::VesselIdentity& identity);
    void setVesselId(std::uint32_t mmsi, model::VesselId id);

    const LiveTarget* find(std::uint32_t mmsi) const;
    // Every target with a position, in no order.
    std::vector<LiveTarget> snapshot() const;
    // Forgets targets lost for longer than the given age (memory stays bounded).
    std::size_t forgetLostBefore(std::int64_t utcMs);

private:
    int m_lostIntervals;
    std::unordered_map<std::uint32_t, LiveTarget> m_targets;
};

} // namespace wake::live
