#pragma once

// Synthetic AIS traffic with known events, for testing and benchmarking the
// detectors. Vessels sail between real reference ports on the western North
// Atlantic by way of open-ocean waypoints, and the generator plants what the
// detectors should find (port visits, voyages, AIS gaps, loitering,
// encounters, position jumps, identity changes) and decoys they must not
// report (short gaps, short slow-downs, short meetings, reception gaps inside
// port stays). Everything follows from the seed.

#include "core/model/event.h"
#include "core/model/track_point.h"
#include "core/model/vessel.h"
#include "core/reference/port_index.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace wake::traffic {

struct PlantedEvent
{
    model::EventKind kind = model::EventKind::Other;
    std::size_t vessel = 0;                 // index into GeneratedTraffic::vessels
    std::optional<std::size_t> otherVessel; // encounters
    std::int64_t startUtcMs = 0;
    std::int64_t endUtcMs = 0;
    QString portLocode; // port visits
};

struct PlantedVoyage
{
    std::size_t vessel = 0;
    QString originLocode;
    QString destinationLocode;
    std::int64_t departureUtcMs = 0;
    std::int64_t arrivalUtcMs = 0;
};

struct IdentityUpdate
{
    std::size_t vessel = 0;
    std::int64_t timeUtcMs = 0;
    QString newName;
};

struct GeneratedVessel
{
    std::uint32_t mmsi = 0;
    QString name;
    std::vector<model::TrackPoint> track; // vesselId holds the index; time ordered
};

struct GeneratedTraffic
{
    std::vector<GeneratedVessel> vessels;
    std::vector<IdentityUpdate> identityUpdates;
    std::vector<PlantedEvent> events;
    std::vector<PlantedVoyage> voyages;
    std::int64_t pointCount() const;
};

struct TrafficOptions
{
    std::size_t vessels = 40;
    std::size_t encounterPairs = 6;
    double days = 30.0;
    double fixMinutes = 5.0;
    std::int64_t startUtcMs = 1'688'169'600'000; // 2023-07-01T00:00Z
    std::uint32_t seed = 20131130;
    std::uint32_t mmsiBase = 366000000; // vessel i gets mmsiBase + 7 i + 1
    // Each fix stamped up to this many seconds after the time its position
    // is for, as real receivers and transponders do ("any second of its
    // minute"); 0 keeps the times exact.
    double reportJitterSeconds = 0.0;
};

GeneratedTraffic generateTraffic(const reference::PortIndex& ports, const TrafficOptions& options);

} // namespace wake::traffic
