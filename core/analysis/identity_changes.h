#pragma once

// Identity changes of one vessel: AIS static data that changed the name, call
// sign, IMO number, ship type or flag under the same MMSI. The store keeps
// each replaced value in the vessel's identity history with the time it was
// replaced; the new value is the next record of that field, else the current
// one. Records with sources (a scenario's former names) are reported history,
// not AIS observations, and are left out.

#include "core/model/vessel.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace wake::analysis {

struct IdentityChange
{
    QString field; // "name", "callsign", "imo", "ship_type", "flag"
    QString oldValue;
    QString newValue;
    std::int64_t timeUtcMs = 0;
};

std::vector<IdentityChange> findIdentityChanges(const model::Vessel& vessel);

// The history field an importer records an IMO number under that fails its
// check digit (it is never the vessel's IMO; analysis reports it).
inline constexpr const char* kInvalidImoField = "invalid_imo";

// The value of a field as the identity history writes it.
std::optional<QString> currentIdentityValue(const model::Vessel& vessel, const QString& field);

} // namespace wake::analysis
