#pragma once

// A ship. Every identity value is optional: real data often lacks them, and the
// scenario ship has no published MMSI. Facts keep each displayed value with its
// sources and confidence (identity, cargo, legal context ...).

#include "core/model/attribution.h"
#include "core/model/time_span.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace wake::model {

using VesselId = std::int64_t;

// A name (or call sign, flag ...) the vessel had over a period of time.
struct IdentityRecord
{
    QString field; // "name", "callsign", "flag", ...
    QString value;
    std::optional<TimeSpan> from; // start of validity, as reported
    std::optional<TimeSpan> to;   // end of validity, as reported
    std::vector<QString> sourceIds;
};

// One displayed statement about the vessel, with where it comes from.
struct VesselFact
{
    QString section;              // "identity", "cargo", "legal"
    QString key;                  // stable key, e.g. "imo"
    QString label;                // "IMO number"
    std::optional<QString> value; // empty: unknown
    Attribution attribution;
};

struct Vessel
{
    VesselId id = 0; // internal id, 0 until stored
    std::optional<std::uint32_t> mmsi;
    std::optional<std::uint32_t> imo;
    std::optional<QString> name;
    std::optional<QString> callSign;
    std::optional<QString> flagAlpha2; // ISO 3166-1 alpha-2
    std::optional<int> aisShipType;    // ITU-R M.1371 ship and cargo type 0-99
    std::optional<QString> vesselType; // free text, e.g. "General cargo ship"
    std::optional<double> lengthM;
    std::optional<double> beamM;
    std::optional<double> draughtM;
    std::optional<int> grossTonnage;
    std::optional<int> deadweightT;
    std::optional<int> yearBuilt;
    std::optional<QString> owner;
    std::optional<QString> operatorName;
    std::optional<int> crew;

    std::vector<IdentityRecord> history;
    std::vector<VesselFact> facts;

    // A name for lists and titles: the name, else "MMSI n", "IMO n", "Vessel #id".
    QString displayName() const;
};

// Valid IMO ship numbers have seven digits and a check digit.
bool isValidImo(std::uint32_t imo);

} // namespace wake::model
