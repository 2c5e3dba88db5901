#pragma once

// One alert the watch raised: when, which rule, which vessel, where, and the
// values that fired it; and, once kept in the store, who acknowledged it
// when. The same alert from the live watch and from the archive reads the
// same, as text and as one JSON object a line.

#include "core/model/lat_lon.h"
#include "core/model/vessel.h"
#include "core/watch/watch_rules.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <optional>

namespace wake::watch {

struct Alert
{
    std::int64_t id = 0; // in the store; 0 until kept
    std::int64_t timeUtcMs = 0;
    RuleKind kind = RuleKind::Distress;
    QString rule; // the rule's name
    std::uint32_t mmsi = 0;
    model::VesselId vesselId = 0; // 0 where the store does not know it yet
    QString vesselName;
    // Where it was: its last report's position (for an alarm raised by own
    // ship's report too: a reported position, never a dead-reckoned one).
    std::optional<model::LatLon> position;
    QString area;                        // area rules
    QString list;                        // listed_heard, not_authorised, dark: the list
    QString entry;                       // listed_heard: the entry matched, and by what
    std::optional<double> cpaNm;         // cpa
    std::optional<double> tcpaMinutes;   // cpa
    std::optional<double> rangeNm;       // cpa: range now
    std::optional<double> silentMinutes; // dark
    QString distress;                    // "AIS-SART", "MOB", "EPIRB-AIS"
    std::uint32_t otherMmsi = 0;         // encounter_forming: the other ship
    QString change;                      // identity_change: "name SEA GHOST → OCEAN STAR"
    bool test = false;                   // a distress device's test transmission
    // Kept in the store:
    QString acknowledgedBy;
    std::optional<std::int64_t> acknowledgedUtcMs;
    bool snoozed = false; // raised while its vessel and rule were snoozed: not notified

    bool isDistress() const { return kind == RuleKind::Distress && !test; }
    bool isAcknowledged() const { return acknowledgedUtcMs.has_value(); }
    // What happened, one line: "area_enter Approach: TUG ONE (MMSI 366000001)".
    QString text() const;
    friend bool operator==(const Alert&, const Alert&) = default;
};

// {"time": ISO, "kind", "rule", "mmsi", "vesselId", "position": {"lat", "lon"},
//  and area, list, entry, cpaNm, tcpaMinutes, rangeNm, silentMinutes,
//  distress, test where they apply}.
QJsonObject alertJson(const Alert& alert);
// The alert alertJson wrote (id and acknowledgement aside); nullopt when it
// is not one.
std::optional<Alert> alertFromJson(const QJsonObject& json);

} // namespace wake::watch
