#include "core/watch/alert.h"

#include "core/util/number_text.h"

#include <QDateTime>
#include <QJsonObject>

#include <cmath>

namespace wake::watch {

QString Alert::text() const
{
    const QString who =
        (vesselName.isEmpty() ? QStringLiteral("MMSI %1").arg(mmsi)
                              : QStringLiteral("%1 (MMSI %2)").arg(vesselName).arg(mmsi));
    switch (kind) {
    case RuleKind::AreaEnter:
        return QStringLiteral("%1 entered %2").arg(who, area);
    case RuleKind::AreaLeave:
        return QStringLiteral("%1 left %2").arg(who, area);
    case RuleKind::AreaDwell:
        return QStringLiteral("%1 has stayed in %2 longer than the rule allows").arg(who, area);
    case RuleKind::ListedHeard:
        return QStringLiteral("%1 heard: on %2 (%3)").arg(who, list, entry);
    case RuleKind::Dark:
        return QStringLiteral("%1 silent for %2 min")
            .arg(who, util::decimalText(silentMinutes.value_or(0), 0));
    case RuleKind::EncounterForming:
        return QStringLiteral("%1 and MMSI %2 are lying together at sea").arg(who).arg(otherMmsi);
    case RuleKind::IdentityChange:
        return QStringLiteral("%1 changed its identity: %2").arg(who, change);
    case RuleKind::NotAuthorised:
        return QStringLiteral("%1 in %2 and not on %3").arg(who, area, list);
    case RuleKind::Cpa:
        return QStringLiteral("%1 will pass %2 nm from own ship in %3 min")
            .arg(who, util::decimalText(cpaNm.value_or(0), 2),
                 util::decimalText(tcpaMinutes.value_or(0), 1));
    case RuleKind::Guard:
        return QStringLiteral("%1 inside the guard ring, %2 nm from own ship")
            .arg(who, util::decimalText(rangeNm.value_or(0), 2));
    case RuleKind::Distress:
        return test ? QStringLiteral("%1 test transmission from %2").arg(distress, who)
                    : QStringLiteral("DISTRESS: %1 active, %2").arg(distress, who);
    }
    return who;
}

QJsonObject alertJson(const Alert& a)
{
    QJsonObject o{
        {QStringLiteral("time"),
         QDateTime::fromMSecsSinceEpoch(a.timeUtcMs, Qt::UTC).toString(Qt::ISODateWithMs)},
        {QStringLiteral("kind"), toString(a.kind)},
        {QStringLiteral("rule"), a.rule},
        {QStringLiteral("mmsi"), static_cast<qint64>(a.mmsi)},
        {QStringLiteral("vesselId"), static_cast<qint64>(a.vesselId)},
        {QStringLiteral("text"), a.text()},
    };
    if (!a.vesselName.isEmpty()) {
        o.insert(QStringLiteral("vesselName"), a.vesselName);
    }
    if (a.position) {
        // To 1e-7 degree (1 cm), as the store keeps positions: the alert the
        // live watch raised from a message reads as the archive's from its row.
        auto e7 = [](double deg) {
            return std::round(deg * 1e7) / 1e7;
        };
        o.insert(QStringLiteral("position"),
                 QJsonObject{{QStringLiteral("lat"), e7(a.position->latDeg)},
                             {QStringLiteral("lon"), e7(a.position->lonDeg)}});
    }
    auto text = [&](const char* key, const QString& v) {
        if (!v.isEmpty()) {
            o.insert(QLatin1String(key), v);
        }
    };
    auto number = [&](const char* key, const std::optional<double>& v, int decimals) {
        if (v) {
            const double scale = std::pow(10.0, decimals);
            o.insert(QLatin1String(key), std::round(*v * scale) / scale);
        }
    };
    text("area", a.area);
    text("list", a.list);
    text("entry", a.entry);
    text("distress", a.distress);
    text("change", a.change);
    if (a.otherMmsi != 0) {
        o.insert(QStringLiteral("otherMmsi"), static_cast<qint64>(a.otherMmsi));
    }
    number("cpaNm", a.cpaNm, 3);
    number("tcpaMinutes", a.tcpaMinutes, 2);
    number("rangeNm", a.rangeNm, 3);
    number("silentMinutes", a.silentMinutes, 1);
    if (a.kind == RuleKind::Distress) {
        o.insert(QStringLiteral("test"), a.test);
    }
    if (a.acknowledgedUtcMs) {
        o.insert(QStringLiteral("acknowledgedBy"), a.acknowledgedBy);
        o.insert(QStringLiteral("acknowledged"),
                 QDateTime::fromMSecsSinceEpoch(*a.acknowledgedUtcMs, Qt::UTC)
                     .toString(Qt::ISODateWithMs));
    }
    return o;
}

std::optional<Alert> alertFromJson(const QJsonObject& o)
{
    const auto kind = ruleKindFromString(o.value(QLatin1String("kind")).toString());
    const QDateTime time =
        QDateTime::fromString(o.value(QLatin1String("time")).toString(), Qt::ISODateWithMs);
    if (!kind || !time.isValid()) {
        return std::nullopt;
    }
    Alert a;
    a.kind = *kind;
    a.timeUtcMs = time.toMSecsSinceEpoch();
    a.rule = o.value(QLatin1String("rule")).toString();
    a.mmsi = static_cast<std::uint32_t>(o.value(QLatin1String("mmsi")).toInteger());
    a.vesselId = o.value(QLatin1String("vesselId")).toInteger();
    a.vesselName = o.value(QLatin1String("vesselName")).toString();
    if (const QJsonObject p = o.value(QLatin1String("position")).toObject(); !p.isEmpty()) {
        a.position = model::LatLon{p.value(QLatin1String("lat")).toDouble(),
                                   p.value(QLatin1String("lon")).toDouble()};
    }
    a.area = o.value(QLatin1String("area")).toString();
    a.list = o.value(QLatin1String("list")).toString();
    a.entry = o.value(QLatin1String("entry")).toString();
    a.distress = o.value(QLatin1String("distress")).toString();
    a.change = o.value(QLatin1String("change")).toString();
    a.otherMmsi = static_cast<std::uint32_t>(o.value(QLatin1String("otherMmsi")).toInteger());
    a.test = o.value(QLatin1String("test")).toBool();
    auto number = [&](const char* key) -> std::optional<double> {
        const QJsonValue v = o.value(QLatin1String(key));
        return v.isDouble() ? std::optional(v.toDouble()) : std::nullopt;
    };
    a.cpaNm = number("cpaNm");
    a.tcpaMinutes = number("tcpaMinutes");
    a.rangeNm = number("rangeNm");
    a.silentMinutes = number("silentMinutes");
    return a;
}

} // namespace wake::watch
