#pragma once

// Something that happened to a vessel (or around it) at a time, with its
// sources. Known events come from the scenario; analysis adds detected ones.

#include "core/model/attribution.h"
#include "core/model/lat_lon.h"
#include "core/model/time_span.h"
#include "core/model/vessel.h"
#include "core/model/voyage.h"

#include <QString>

#include <cstdint>
#include <optional>

namespace wake::model {

using EventId = std::int64_t;

enum class EventKind
{
    Departure,
    Arrival,
    PortCall,
    AisOff,
    AisOn,
    Transit,
    Boarding,
    Seizure,
    Inspection,
    Release,
    Other,
    // Found by analysis in AIS tracks (core/analysis).
    PortVisit,
    AisGap,
    Encounter,
    Loitering,
    PositionJump,
    IdentityChange,
    IdentityConflict, // analysis/identity_integrity.h
    SpoofingSuspected,
};

// True for the kinds that analysis detects (and may replace on a new run).
bool isDetectedKind(EventKind kind);

QString toString(EventKind kind);    // stable key: "ais_off"
QString displayName(EventKind kind); // "AIS off"
std::optional<EventKind> eventKindFromString(const QString& text);

// What a coordinate stands for.
enum class CoordBasis
{
    None,          // no position reported
    PortReference, // the reference point of a named port, terminal or lock
    Reported,      // a position a source gives for the ship
    Observed,      // from AIS
};

QString toString(CoordBasis basis);
CoordBasis coordBasisFromString(const QString& text);

struct Event
{
    EventId id = 0;
    std::optional<VesselId> vesselId;
    std::optional<VoyageId> voyageId;
    EventKind kind = EventKind::Other;
    TimeSpan time;
    QString reportedTime; // the time exactly as the source wrote it ("2013-07-15")
    std::optional<LatLon> position;
    CoordBasis coordBasis = CoordBasis::None;
    QString place;
    QString title;
    QString description;
    QString category;      // "voyage-2013", "aftermath", "history", "detected"
    bool shipEvent = true; // about the ship itself (not a statement or a court case)
    Attribution attribution;
    QString origin; // what added it: "scenario:<id>", "import", "analysis"

    // Detected events (origin "analysis"):
    std::optional<VesselId> otherVesselId; // the other ship of an encounter
    QString portLocode;                    // the port of a port visit
    QString evidence;                      // compact JSON: the fixes used, the values that fired
    std::optional<std::int64_t> rulesId;   // the rule values that produced it (analysis_rules)
};

} // namespace wake::model
