#pragma once

// Turns what the detectors found into stored events: a title a person can
// read, the position, the confidence and the evidence (the fixes used and the
// values that fired, as compact JSON).

#include "core/analysis/ais_gaps.h"
#include "core/analysis/detected_voyages.h"
#include "core/analysis/encounters.h"
#include "core/analysis/identity_changes.h"
#include "core/analysis/identity_integrity.h"
#include "core/analysis/loitering.h"
#include "core/analysis/port_visits.h"
#include "core/analysis/position_jumps.h"
#include "core/model/event.h"
#include "core/model/voyage.h"

#include <QJsonObject>

#include <functional>

namespace wake::analysis {

// A vessel's name for titles ("MAERSK X", "MMSI 123456789").
using VesselNamer = std::function<QString(model::VesselId)>;

model::Event portVisitEvent(model::VesselId vesselId, const PortVisit& visit);
model::Event aisGapEvent(model::VesselId vesselId, const AisGap& gap);
model::Event encounterEvent(const Encounter& encounter, const VesselNamer& name);
model::Event loiteringEvent(model::VesselId vesselId, const Loitering& loitering);
model::Event positionJumpEvent(model::VesselId vesselId, std::span<const model::TrackPoint> track,
                               const PositionJump& jump);
// The jumps of one track beyond the first kMaxListedJumps, as one event over
// their time: counted, not listed (total is every jump of the track).
model::Event unlistedJumpsEvent(model::VesselId vesselId, std::span<const model::TrackPoint> track,
                                std::span<const PositionJump> unlisted, std::size_t total);
model::Event identityChangeEvent(model::VesselId vesselId, const IdentityChange& change);
model::Event integrityEvent(model::VesselId vesselId, const IntegrityFinding& finding);
model::Voyage detectedVoyage(model::VesselId vesselId, const DetectedVoyage& voyage);

// A fix as evidence: {"t": ISO time, "lat", "lon", "sog", "cog"}.
QJsonObject fixJson(const model::TrackPoint& p);

} // namespace wake::analysis
