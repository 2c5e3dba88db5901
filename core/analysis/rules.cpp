#include "analysis/rules.h"

#include <QJsonDocument>

#include <functional>
#include <vector>

namespace wake::analysis {

namespace {

// One editable value: its group, its key and where it lives in the rules.
struct Field
{
    const char* group;
    const char* key;
    const char* label;
    const char* unit;
    std::function<double&(AnalysisRules&)> ref;
};

const std::vector<Field>& fields()
{
    static const std::vector<Field> kFields = {
        {"portVisits", "entryDistanceKm", "Entry within", "km",
         [](AnalysisRules& r) -> double& {
             return r.portVisits.entryDistanceKm;
         }},
        {"portVisits", "exitDistanceKm", "Exit beyond", "km",
         [](AnalysisRules& r) -> double& {
             return r.portVisits.exitDistanceKm;
         }},
        {"portVisits", "stopBeginKnots", "Stop begins below", "kn",
         [](AnalysisRules& r) -> double& {
             return r.portVisits.stopBeginKnots;
         }},
        {"portVisits", "stopEndKnots", "Stop ends above", "kn",
         [](AnalysisRules& r) -> double& {
             return r.portVisits.stopEndKnots;
         }},
        {"portVisits", "minDurationH", "Lasts at least", "h",
         [](AnalysisRules& r) -> double& {
             return r.portVisits.minDurationH;
         }},
        {"portVisits", "maxGapInsideH", "A gap inside shorter than", "h",
         [](AnalysisRules& r) -> double& {
             return r.portVisits.maxGapInsideH;
         }},
        {"gaps", "minDurationH", "No position for at least", "h",
         [](AnalysisRules& r) -> double& {
             return r.gaps.minDurationH;
         }},
        {"gaps", "suspiciousMinDurationH", "Possible disabling from", "h",
         [](AnalysisRules& r) -> double& {
             return r.gaps.suspiciousMinDurationH;
         }},
        {"gaps", "suspiciousMinShoreNm", "… starting at least this far from shore", "nm",
         [](AnalysisRules& r) -> double& {
             return r.gaps.suspiciousMinShoreNm;
         }},
        {"gaps", "envelopeSpeedPercentile", "Envelope speed: percentile of observed speeds", "%",
         [](AnalysisRules& r) -> double& {
             return r.gaps.envelopeSpeedPercentile;
         }},
        {"encounters", "maxDistanceM", "Within", "m",
         [](AnalysisRules& r) -> double& {
             return r.encounters.maxDistanceM;
         }},
        {"encounters", "minDurationH", "Lasts at least", "h",
         [](AnalysisRules& r) -> double& {
             return r.encounters.minDurationH;
         }},
        {"encounters", "maxMedianSpeedKnots", "Median speed of both below", "kn",
         [](AnalysisRules& r) -> double& {
             return r.encounters.maxMedianSpeedKnots;
         }},
        {"encounters", "minPortDistanceKm", "At least this far from any port", "km",
         [](AnalysisRules& r) -> double& {
             return r.encounters.minPortDistanceKm;
         }},
        {"encounters", "minShoreKm", "At sea, at least this far from shore", "km",
         [](AnalysisRules& r) -> double& {
             return r.encounters.minShoreKm;
         }},
        {"encounters", "sampleMinutes", "Compared every", "min",
         [](AnalysisRules& r) -> double& {
             return r.encounters.sampleMinutes;
         }},
        {"encounters", "maxInterpolationH", "Interpolated across at most", "h",
         [](AnalysisRules& r) -> double& {
             return r.encounters.maxInterpolationH;
         }},
        {"loitering", "maxMeanSpeedKnots", "Mean speed below", "kn",
         [](AnalysisRules& r) -> double& {
             return r.loitering.maxMeanSpeedKnots;
         }},
        {"loitering", "minDurationH", "Lasts at least", "h",
         [](AnalysisRules& r) -> double& {
             return r.loitering.minDurationH;
         }},
        {"loitering", "minShoreNm", "At least this far from shore", "nm",
         [](AnalysisRules& r) -> double& {
             return r.loitering.minShoreNm;
         }},
        {"jumps", "maxImpliedSpeedKnots", "Implied speed from both neighbours above", "kn",
         [](AnalysisRules& r) -> double& {
             return r.jumps.maxImpliedSpeedKnots;
         }},
        {"places", "stationaryKnots", "Stationary below", "kn",
         [](AnalysisRules& r) -> double& {
             return r.places.stationaryKnots;
         }},
        {"places", "minStopMinutes", "A vessel counts after stopping for", "min",
         [](AnalysisRules& r) -> double& {
             return r.places.minStopMinutes;
         }},
        {"places", "nearShoreKm", "Near the shore within", "km",
         [](AnalysisRules& r) -> double& {
             return r.places.nearShoreKm;
         }},
        {"jumps", "timePaddingMinutes", "Time between fixes padded by", "min",
         [](AnalysisRules& r) -> double& {
             return r.jumps.timePaddingMinutes;
         }},
        {"jumps", "positionErrorM", "Position error of a fix", "m",
         [](AnalysisRules& r) -> double& {
             return r.jumps.positionErrorM;
         }},
    };
    return kFields;
}

} // namespace

std::vector<RuleField> AnalysisRules::fieldList()
{
    std::vector<RuleField> out;
    for (const Field& f : fields()) {
        out.push_back({QString::fromLatin1(f.group), QString::fromLatin1(f.key),
                       QString::fromUtf8(f.label), QString::fromLatin1(f.unit)});
    }
    return out;
}

AnalysisRules AnalysisRules::globalFishingWatch()
{
    return AnalysisRules{};
}

AnalysisRules AnalysisRules::skylight()
{
    AnalysisRules r;
    r.preset = QStringLiteral("skylight");
    r.encounters.maxDistanceM = 250.0;
    r.encounters.minDurationH = 0.5;
    return r;
}

std::optional<AnalysisRules> AnalysisRules::fromPreset(const QString& name)
{
    if (name == QLatin1String("gfw")) {
        return globalFishingWatch();
    }
    if (name == QLatin1String("skylight")) {
        return skylight();
    }
    return std::nullopt;
}

QJsonObject AnalysisRules::toJson() const
{
    AnalysisRules copy = *this;
    QJsonObject out{{QStringLiteral("preset"), preset}};
    for (const Field& f : fields()) {
        const QString group = QString::fromLatin1(f.group);
        QJsonObject g = out.value(group).toObject();
        g.insert(QString::fromLatin1(f.key), f.ref(copy));
        out.insert(group, g);
    }
    return out;
}

AnalysisRules AnalysisRules::fromJson(const QJsonObject& json)
{
    AnalysisRules r;
    r.preset = json.value(QStringLiteral("preset")).toString(QStringLiteral("custom"));
    for (const Field& f : fields()) {
        const QJsonValue v =
            json.value(QString::fromLatin1(f.group)).toObject().value(QString::fromLatin1(f.key));
        if (v.isDouble()) {
            f.ref(r) = v.toDouble();
        }
    }
    return r;
}

QString AnalysisRules::toCompactJson() const
{
    // QJsonObject keeps its keys sorted, so equal values give equal text.
    return QString::fromUtf8(QJsonDocument(toJson()).toJson(QJsonDocument::Compact));
}

} // namespace wake::analysis
