#pragma once

// Identity integrity: evidence that what a vessel transmits is not what it
// is. Two kinds of event, each with the rule values that fired:
// - identity_conflict: an IMO number that fails its check digit or is a
//   placeholder; one IMO transmitted by two moving ships far apart at once;
// - spoofing_suspected: positions deep inland (far from any coast, lake and
//   listed port), a track that runs in circles (GPS spoofing draws circles
//   round a point), or a position frozen while the ship reports speed.

#include "core/analysis/shore_distance.h"
#include "core/model/track_point.h"
#include "core/model/vessel.h"
#include "core/reference/port_index.h"

#include <QString>

#include <cstdint>
#include <map>
#include <span>
#include <vector>

namespace wake::analysis {

struct IntegrityRules
{
    // Deep inland: at least this far from any GSHHG coast or lake shore and
    // from any listed port (river ports lie on rivers GSHHG does not draw).
    double inlandKm = 50.0;
    double inlandPortKm = 100.0;
    int inlandMinFixes = 3;
    // Frozen: the very same position this many fixes and this long while
    // reporting at least this speed.
    int frozenMinFixes = 30;
    double frozenMinHours = 1.0;
    double frozenMinKnots = 1.0;
    // Circles: this many fixes at nearly one distance (a tenth) from their
    // centre, 0.5-30 km away, going round it at least twice (a boat turning
    // once in a harbour basin is no sign; spoofed tracks circle on and on).
    int circleFixes = 40;
    double circleMaxSpread = 0.1;
    double circleMinTurns = 2.0;
    double circleMinRadiusKm = 0.5;
    double circleMaxRadiusKm = 30.0;
    // One IMO, two ships: both under way, this far apart within 30 minutes.
    double sharedImoKm = 100.0;
};

struct IntegrityFinding
{
    enum class Kind
    {
        InvalidImo,
        SharedImo,
        Inland,
        Circling,
        Frozen,
    } kind = Kind::Inland;
    std::int64_t startUtcMs = 0;
    std::int64_t endUtcMs = 0;
    std::optional<model::LatLon> position;
    std::optional<model::VesselId> otherVesselId;
    QString detail;                   // one sentence for the title
    std::map<QString, double> values; // the values that fired, for the evidence
};

// IMO numbers an importer heard that fail their check digit, from the
// vessel's identity history (identity_changes.h kInvalidImoField).
std::vector<IntegrityFinding> invalidImos(const model::Vessel& vessel);

// Inland, circling and frozen positions in one track (jumps removed).
std::vector<IntegrityFinding> spoofingSigns(std::span<const model::TrackPoint> track,
                                            const ShoreDistance& shore,
                                            const reference::PortIndex& ports,
                                            const IntegrityRules& rules = {});

// Where a vessel sharing its IMO with another was every half hour while
// under way, for the shared-IMO check across vessels.
using HalfHourPositions = std::map<std::int64_t, model::LatLon>;
HalfHourPositions halfHourPositions(std::span<const model::TrackPoint> track,
                                    const IntegrityRules& rules = {});
// Each pair of vessels with one IMO that were under way far apart at the
// same time: one finding per pair (on the first of the two).
std::vector<std::pair<model::VesselId, IntegrityFinding>>
sharedImoConflicts(const std::map<std::uint32_t, std::vector<model::VesselId>>& byImo,
                   const std::map<model::VesselId, HalfHourPositions>& positions,
                   const IntegrityRules& rules = {});

} // namespace wake::analysis
