#pragma once

// A scenario: a curated, sourced story about one vessel (identity, ports,
// events, reported positions and voyages), in Wake's scenario JSON format
// (resources/scenario/README.md). The built-in one is the Chong Chon Gang, 2013.

#include "core/model/attribution.h"
#include "core/model/event.h"
#include "core/model/port.h"
#include "core/model/track_point.h"
#include "core/model/vessel.h"
#include "core/model/voyage.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace wake::scenario {

// A place and date a source gives for the ship: the reference point of a port
// on a calendar date, not a fix. Stored as a track point of provenance Reported.
struct ReportedPosition
{
    model::TimeSpan date;
    QString reportedTime; // "2013-07-15"
    model::LatLon position;
    QString place;
    model::Attribution attribution;
};

struct Scenario
{
    QString id; // "chong-chon-gang-2013"
    QString title;
    QString timeConvention;
    QString reconstructionNote;
    QByteArray contentHash; // of the scenario file; changes when the file does
    std::vector<model::Source> sources;
    model::Vessel vessel; // identity, history and facts
    std::vector<model::Port> ports;
    std::vector<model::Event> events;
    std::vector<ReportedPosition> reportedPositions;
    std::vector<model::Voyage> voyages;
};

// Parses a scenario file. `where` names it in error messages.
Result<Scenario> parseScenario(const QByteArray& json, const QString& where);
Result<Scenario> loadBuiltInScenario();

// Placeholder times that order several reported positions within one date:
// k of n positions on a date sit at (k+1)/(n+1) of the day (UTC). The date is
// what is known; the UI shows only the date for reported positions. A
// position whose reference point stands on land is placed at the quay
// nearest it (berths.h): the berth is not reported.
std::vector<model::TrackPoint> reportedTrackPoints(const Scenario& scenario,
                                                   model::VesselId vesselId);

} // namespace wake::scenario
