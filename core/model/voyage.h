#pragma once

// A voyage: a vessel going from one port to another over a time. Its track is a
// query on the store (vessel, time range), never a copy.

#include "core/model/time_span.h"
#include "core/model/vessel.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace wake::model {

using VoyageId = std::int64_t;

struct VoyageLeg
{
    QString fromLocode; // may be empty when the start is not a port (the canal exit)
    QString toLocode;
    std::optional<TimeSpan> departure;
    std::optional<TimeSpan> arrival;
    QString note;
};

struct Voyage
{
    VoyageId id = 0;
    VesselId vesselId = 0;
    QString key; // stable key from its source ("cuba-panama-2013"); may be empty
    QString name;
    QString originLocode;
    QString destinationLocode;
    std::optional<TimeSpan> departure;
    std::optional<TimeSpan> arrival;
    std::vector<VoyageLeg> legs;
    bool isDefault = false; // the one to open first

    // Detected voyages (from one port visit to the next) say so, with figures.
    QString origin; // "analysis", or empty for a scenario's voyage
    std::optional<double> distanceNm;
    std::optional<std::int64_t> aisGapMs; // time inside AIS gaps
};

} // namespace wake::model
