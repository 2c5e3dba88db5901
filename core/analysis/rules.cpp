#include "core/analysis/rules.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <functional>
#include <set>
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
    double min; // the values that mean something for the detector
    double max;
    std::function<double&(AnalysisRules&)> ref;
};

const std::vector<Field>& fields()
{
    static const std::vector<Field> kFields = {
        {"portVisits", "entryDistanceKm", "Entry within", "km", 0.1, 100.0,
         [](AnalysisRules& r) -> double& {
             return r.portVisits.entryDistanceKm;
         }},
        {"portVisits", "exitDistanceKm", "Exit beyond", "km", 0.1, 200.0,
         [](AnalysisRules& r) -> double& {
             return r.portVisits.exitDistanceKm;
         }},
        {"portVisits", "stopBeginKnots", "Stop begins below", "kn", 0.0, 10.0,
         [](AnalysisRules& r) -> double& {
             return r.portVisits.stopBeginKnots;
         }},
        {"portVisits", "stopEndKnots", "Stop ends above", "kn", 0.0, 20.0,
         [](AnalysisRules& r) -> double& {
             return r.portVisits.stopEndKnots;
         }},
        {"portVisits", "minDurationH", "Lasts at least", "h", 0.0, 240.0,
         [](AnalysisRules& r) -> double& {
             return r.portVisits.minDurationH;
         }},
        {"portVisits", "maxGapInsideH", "A gap inside shorter than", "h", 0.0, 240.0,
         [](AnalysisRules& r) -> double& {
             return r.portVisits.maxGapInsideH;
         }},
        {"gaps", "minDurationH", "No position for at least", "h", 0.1, 720.0,
         [](AnalysisRules& r) -> double& {
             return r.gaps.minDurationH;
         }},
        {"gaps", "suspiciousMinDurationH", "Possible disabling from", "h", 0.1, 720.0,
         [](AnalysisRules& r) -> double& {
             return r.gaps.suspiciousMinDurationH;
         }},
        {"gaps", "suspiciousMinShoreNm", "… starting at least this far from shore", "nm", 0.0,
         1000.0,
         [](AnalysisRules& r) -> double& {
             return r.gaps.suspiciousMinShoreNm;
         }},
        {"gaps", "envelopeSpeedPercentile", "Envelope speed: percentile of observed speeds", "%",
         1.0, 100.0,
         [](AnalysisRules& r) -> double& {
             return r.gaps.envelopeSpeedPercentile;
         }},
        {"encounters", "maxDistanceM", "Within", "m", 1.0, 10000.0,
         [](AnalysisRules& r) -> double& {
             return r.encounters.maxDistanceM;
         }},
        {"encounters", "minDurationH", "Lasts at least", "h", 0.1, 240.0,
         [](AnalysisRules& r) -> double& {
             return r.encounters.minDurationH;
         }},
        {"encounters", "maxMedianSpeedKnots", "Median speed of both below", "kn", 0.0, 30.0,
         [](AnalysisRules& r) -> double& {
             return r.encounters.maxMedianSpeedKnots;
         }},
        {"encounters", "minPortDistanceKm", "At least this far from any port", "km", 0.0, 500.0,
         [](AnalysisRules& r) -> double& {
             return r.encounters.minPortDistanceKm;
         }},
        {"encounters", "minShoreKm", "At sea, at least this far from shore", "km", 0.0, 500.0,
         [](AnalysisRules& r) -> double& {
             return r.encounters.minShoreKm;
         }},
        {"encounters", "sampleMinutes", "Compared every", "min", 1.0, 120.0,
         [](AnalysisRules& r) -> double& {
             return r.encounters.sampleMinutes;
         }},
        {"encounters", "maxInterpolationH", "Interpolated across at most", "h", 0.0, 48.0,
         [](AnalysisRules& r) -> double& {
             return r.encounters.maxInterpolationH;
         }},
        {"loitering", "maxMeanSpeedKnots", "Mean speed below", "kn", 0.0, 20.0,
         [](AnalysisRules& r) -> double& {
             return r.loitering.maxMeanSpeedKnots;
         }},
        {"loitering", "minDurationH", "Lasts at least", "h", 0.1, 240.0,
         [](AnalysisRules& r) -> double& {
             return r.loitering.minDurationH;
         }},
        {"loitering", "minShoreNm", "At least this far from shore", "nm", 0.0, 1000.0,
         [](AnalysisRules& r) -> double& {
             return r.loitering.minShoreNm;
         }},
        {"jumps", "maxImpliedSpeedKnots", "Implied speed from both neighbours above", "kn", 5.0,
         1000.0,
         [](AnalysisRules& r) -> double& {
             return r.jumps.maxImpliedSpeedKnots;
         }},
        {"places", "stationaryKnots", "Stationary below", "kn", 0.0, 5.0,
         [](AnalysisRules& r) -> double& {
             return r.places.stationaryKnots;
         }},
        {"places", "minStopMinutes", "A vessel counts after stopping for", "min", 1.0, 1440.0,
         [](AnalysisRules& r) -> double& {
             return r.places.minStopMinutes;
         }},
        {"places", "nearShoreKm", "Near the shore within", "km", 0.0, 50.0,
         [](AnalysisRules& r) -> double& {
             return r.places.nearShoreKm;
         }},
        {"jumps", "timePaddingMinutes", "Time between fixes padded by", "min", 0.0, 60.0,
         [](AnalysisRules& r) -> double& {
             return r.jumps.timePaddingMinutes;
         }},
        {"jumps", "positionErrorM", "Position error of a fix", "m", 0.0, 5000.0,
         [](AnalysisRules& r) -> double& {
             return r.jumps.positionErrorM;
         }},
    };
    return kFields;
}

Error rulesError(const QString& message)
{
    return Error{Error::Code::Format, message, QString()};
}

} // namespace

std::vector<RuleField> AnalysisRules::fieldList()
{
    std::vector<RuleField> out;
    for (const Field& f : fields()) {
        out.push_back({QString::fromLatin1(f.group), QString::fromLatin1(f.key),
                       QString::fromUtf8(f.label), QString::fromLatin1(f.unit), f.min, f.max});
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

Result<AnalysisRules> AnalysisRules::parse(const QJsonObject& json)
{
    AnalysisRules r;
    const QJsonValue preset = json.value(QStringLiteral("preset"));
    if (!preset.isUndefined() && !preset.isString()) {
        return rulesError(QStringLiteral("\"preset\" must be a name"));
    }
    r.preset = preset.toString(QStringLiteral("custom"));
    std::set<QString> known{QStringLiteral("preset")};
    for (const Field& f : fields()) {
        const QString group = QString::fromLatin1(f.group);
        const QString key = QString::fromLatin1(f.key);
        known.insert(group);
        known.insert(group + QLatin1Char('.') + key);
        const QJsonValue groupValue = json.value(group);
        if (!groupValue.isUndefined() && !groupValue.isObject()) {
            return rulesError(QStringLiteral("\"%1\" must be an object of values").arg(group));
        }
        const QJsonValue v = groupValue.toObject().value(key);
        if (v.isUndefined()) {
            continue;
        }
        const QString name = group + QLatin1Char('.') + key;
        if (!v.isDouble()) {
            return rulesError(
                QStringLiteral("%1 must be a number (%2), not %3")
                    .arg(name, QString::fromLatin1(f.unit),
                         QString::fromUtf8(
                             QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact))
                             .mid(1)
                             .chopped(1)));
        }
        const double value = v.toDouble();
        if (!(value >= f.min && value <= f.max)) {
            return rulesError(QStringLiteral("%1 must be from %2 to %3 %4, not %5")
                                  .arg(name)
                                  .arg(f.min)
                                  .arg(f.max)
                                  .arg(QString::fromLatin1(f.unit))
                                  .arg(value));
        }
        f.ref(r) = value;
    }
    // A misspelt key would otherwise leave its default in force unseen.
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!known.count(it.key())) {
            return rulesError(QStringLiteral("unknown group \"%1\"").arg(it.key()));
        }
        const QJsonObject group = it.value().toObject();
        for (auto k = group.begin(); k != group.end(); ++k) {
            if (!known.count(it.key() + QLatin1Char('.') + k.key())) {
                return rulesError(QStringLiteral("unknown rule \"%1.%2\"").arg(it.key(), k.key()));
            }
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
