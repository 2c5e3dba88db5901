#pragma once

// The rules every detector follows, one struct per detector, each value named
// with where it comes from. Two presets: Global Fishing Watch's published
// event rules (the default) and Skylight's encounter rule. Every value can be
// edited (Analysis > Rules...), is saved, and is stored with the events it
// produced, so an event can always say which values made it.

#include "core/places/stop_cells.h"
#include "core/util/result.h"

#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace wake::analysis {

struct PortVisitRules
{
    // GFW "Port visits" (globalfishingwatch.org, anchorages and port visits):
    // entry within 3 km of an anchorage, exit beyond 4 km (hysteresis so that
    // a ship on the line does not flap); a stop begins below 0.2 kn and ends
    // above 0.5 kn; a visit lasts at least 1 h. Wake's visit is the stay
    // itself (analysis/port_visits.h), and a reception gap with the ship
    // still in its port never splits it: maxGapInsideH is kept for stored
    // rule sets and no longer splits anything.
    double entryDistanceKm = 3.0;
    double exitDistanceKm = 4.0;
    double stopBeginKnots = 0.2;
    double stopEndKnots = 0.5;
    double minDurationH = 1.0;
    double maxGapInsideH = 4.0;
};

struct GapRules
{
    // GFW AIS disabling events: a gap counts from 6 h without a position; it
    // is flagged as possible intentional disabling from 12 h when it starts at
    // least 50 nm from shore (where reception is reliable and a ship has no
    // reason to switch off).
    double minDurationH = 6.0;
    double suspiciousMinDurationH = 12.0;
    double suspiciousMinShoreNm = 50.0;
    // The reachability envelope uses the highest credible speed observed on
    // the track: speeds above the position-jump limit are not credible.
    double envelopeSpeedPercentile = 99.0;
};

struct EncounterRules
{
    // GFW encounters: two vessels within 500 m for at least 2 h, both with a
    // median speed below 2 kn, at least 10 km from any anchorage. Skylight
    // (Allen AI) uses 250 m for at least 30 min.
    double maxDistanceM = 500.0;
    double minDurationH = 2.0;
    double maxMedianSpeedKnots = 2.0;
    double minPortDistanceKm = 10.0;
    // At sea: on the detailed coast, open water at least this far from the
    // shore. On real days boats moored side by side at piers, in canals and
    // locks, and towboats in river fleeting areas read as meetings; a
    // transfer at sea does not happen within 2 km of the beach.
    double minShoreKm = 2.0;
    // Positions are compared on a 10-minute grid, interpolated between fixes
    // no more than 1 h apart (GFW resamples to 10 minutes as well).
    double sampleMinutes = 10.0;
    double maxInterpolationH = 1.0;
};

struct LoiteringRules
{
    // GFW loitering: mean speed below 2 kn for at least 2 h, at least 20 nm
    // from shore.
    double maxMeanSpeedKnots = 2.0;
    double minDurationH = 2.0;
    double minShoreNm = 20.0;
};

struct JumpRules
{
    // No merchant ship makes 50 kn: a fix that implies more from both
    // neighbours is a spoofed, jammed or bad GPS position.
    double maxImpliedSpeedKnots = 50.0;
    // Noise is not a jump. Receivers stamp fixes with their own clocks, and
    // a position may be up to a reporting interval old when it is stamped:
    // the time between two fixes is padded by this much (Global Fishing
    // Watch's segmenter pads by 10 min; 5 min is more than one class B
    // reporting interval under way).
    double timePaddingMinutes = 5.0;
    // Each fix's GPS error (IEC 61993-2 asks 10 m; real class B units and
    // multipath in harbours give tens of metres): two fixes this far apart
    // may be the same place.
    double positionErrorM = 100.0;
};

// One editable value, for a form: its group ("portVisits"), key, label and unit.
struct RuleField
{
    QString group;
    QString key;
    QString label;
    QString unit;
    double min = 0.0; // the range a value must be in
    double max = 0.0;
};

struct AnalysisRules
{
    QString preset = QStringLiteral("gfw"); // "gfw", "skylight" or "custom"
    PortVisitRules portVisits;
    GapRules gaps;
    EncounterRules encounters;
    LoiteringRules loitering;
    JumpRules jumps;
    places::PlaceRules places;

    // Every editable value, in the order a form shows them.
    static std::vector<RuleField> fieldList();

    static AnalysisRules globalFishingWatch();
    static AnalysisRules skylight();
    // "gfw" or "skylight"; nullopt for another name.
    static std::optional<AnalysisRules> fromPreset(const QString& name);

    // Every value, grouped by detector ("portVisits": {"entryDistanceKm": 3, ...}).
    QJsonObject toJson() const;
    // Values missing from json keep their defaults; "preset" says where they came from.
    static AnalysisRules fromJson(const QJsonObject& json);
    // The same from a rules file a person wrote: a value that is not a
    // number, outside its range, or under a name Wake does not know is an
    // error saying which, instead of being ignored.
    static Result<AnalysisRules> parse(const QJsonObject& json);
    // Compact, key-sorted JSON: equal rules give equal text.
    QString toCompactJson() const;

    friend bool operator==(const AnalysisRules& a, const AnalysisRules& b)
    {
        return a.toCompactJson() == b.toCompactJson();
    }
};

} // namespace wake::analysis
