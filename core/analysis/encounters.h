#pragma once

// Encounters between vessels, after Global Fishing Watch: two vessels within
// maxDistanceM of each other for at least minDurationH, both with a median
// speed below maxMedianSpeedKnots, at least minPortDistanceKm from any port.
//
// Never all pairs: each vessel's track is resampled on a shared time grid
// (every sampleMinutes, interpolated between fixes at most
// maxInterpolationH apart), and only samples that could belong to an
// encounter are kept: slower than twice the median limit (a ship at more
// than that for most of two hours cannot have a median below it) and at
// least the port distance from a port. Per grid time, the samples go into a
// spatial hash of unit vectors whose cells are as wide as maxDistanceM, so
// each sample is compared only with those in its own and the 26 neighbouring
// cells. Runs of consecutive close grid times make the encounters.

#include "core/analysis/port_proximity.h"
#include "core/analysis/rules.h"
#include "core/model/track_point.h"
#include "core/model/vessel.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <vector>

namespace wake::analysis {

struct Encounter
{
    model::VesselId vesselId = 0;      // the lower id of the two
    model::VesselId otherVesselId = 0; // the higher id
    std::int64_t startUtcMs = 0;
    std::int64_t endUtcMs = 0;
    model::LatLon position; // of the first vessel, in the middle of the encounter
    double medianDistanceM = 0.0;
    double minDistanceM = 0.0;
    double medianKnots = 0.0;      // of the first vessel
    double otherMedianKnots = 0.0; // of the other
    int samples = 0;
};

class EncounterFinder
{
public:
    EncounterFinder(const EncounterRules& rules, PortProximity ports);

    // Adds one vessel's track (jumps removed); vessels may come in any order,
    // each once.
    void addTrack(model::VesselId vesselId, std::span<const model::TrackPoint> track);

    // Every encounter among the tracks added, by start time. keepGoing is
    // asked at every grid time (a month of a busy area takes seconds);
    // nullopt when it said no.
    std::optional<std::vector<Encounter>> find(const std::function<bool()>& keepGoing = {}) const;

    std::size_t sampleCount() const;

private:
    struct Sample
    {
        model::VesselId vesselId;
        float latDeg;
        float lonDeg;
        float knots;
    };
    EncounterRules m_rules;
    PortProximity m_ports;
    std::int64_t m_stepMs;
    std::map<std::int64_t, std::vector<Sample>> m_byStep; // grid step -> samples
};

} // namespace wake::analysis
