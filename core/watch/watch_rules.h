#pragma once

// What the watch looks for: a rules file (JSON) of areas and rules, the same
// file for the live watch (`wake watch`) and for the archive (`wake alerts`).
//
//   {"ownShip": {"mmsi": 366999999},
//    "areas": [{"name": "Approach", "box": [47.60, -122.40, 47.65, -122.35]},
//              {"name": "Anchorage", "polygon": [[47.6, -122.4], [47.7, -122.4], ...]},
//              {"name": "Zone", "file": "zone.geojson"}],
//    "rules": [{"kind": "area_enter", "area": "Approach"},
//              {"kind": "area_dwell", "area": "Anchorage", "minutes": 120},
//              {"kind": "listed_heard", "list": "OFAC SDN"},
//              {"kind": "dark", "mmsi": [636012345], "intervals": 6},
//              {"kind": "not_authorised", "area": "Approach", "list": "Pilots"},
//              {"kind": "identity_change"},
//              {"kind": "encounter_forming", "nm": 0.27, "minutes": 30, "knots": 2},
//              {"kind": "cpa", "nm": 0.5, "minutes": 12},
//              {"kind": "guard", "nm": 1.0}]}
//
// An area a rule names that the file does not define is looked up among the
// store's kept areas (wake areas, the investigation's areas of interest).
// Every value is checked against its range and every key must be known: a
// mistake is an error naming the rule and the key, never a rule that
// silently does nothing. Distress (AIS-SART, MOB, EPIRB) is always watched
// and cannot be switched off.

#include "core/geo/area.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace wake::watch {

enum class RuleKind
{
    AreaEnter,
    AreaLeave,
    AreaDwell,
    ListedHeard,
    Dark,
    NotAuthorised,
    IdentityChange,
    EncounterForming,
    Cpa,
    Guard,
    Distress,
};
QString toString(RuleKind kind); // "area_enter", ...
std::optional<RuleKind> ruleKindFromString(const QString& text);

struct WatchRule
{
    RuleKind kind = RuleKind::Distress;
    QString name;  // given, else made from the kind and its area or list
    int area = -1; // index into WatchRules::areas
    QString list;  // a loaded list's name; empty: any list (identity_change: every vessel)
    std::vector<std::uint32_t> mmsis; // dark, listed_heard: vessels watched by MMSI
    double minutes = 0.0;    // area_dwell: longer than; cpa: TCPA within; encounter_forming: for
    double nm = 0.0;         // cpa: CPA within; encounter_forming: apart within
    double knots = 2.0;      // encounter_forming: both at most this fast
    double shoreKm = 2.0;    // encounter_forming: at sea, at least this far off
    double portKm = 10.0;    // encounter_forming: and this far from any port
    int intervals = 6;       // dark: missed nominal reports
    bool whenMoored = false; // cpa: also while own ship is moored or anchored
};

struct WatchRules
{
    std::optional<std::uint32_t> ownShipMmsi; // also learned live from VDO sentences
    std::vector<geo::Area> areas;
    std::vector<WatchRule> rules; // the file's, then distress
};

// The rules from a file's bytes; area files relative to baseDir, areas not
// in the file from storedAreas.
Result<WatchRules> parseWatchRules(const QByteArray& json, const QString& baseDir,
                                   const std::vector<geo::Area>& storedAreas = {});
Result<WatchRules> readWatchRules(const QString& path,
                                  const std::vector<geo::Area>& storedAreas = {});

} // namespace wake::watch
