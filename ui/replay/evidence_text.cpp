#include "ui/replay/evidence_text.h"

#include "core/analysis/rules.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <map>

namespace wake::ui {

namespace {

// The keys the detectors write (core/analysis/event_builder.cpp).
const std::map<QString, QString>& knownLabels()
{
    static const std::map<QString, QString> kLabels = {
        {QStringLiteral("durationH"), QStringLiteral("Duration")},
        {QStringLiteral("closestKm"), QStringLiteral("Closest to the port")},
        {QStringLiteral("gapsInside"), QStringLiteral("Reception gaps inside the stay")},
        {QStringLiteral("stopStart"), QStringLiteral("First stop")},
        {QStringLiteral("before"), QStringLiteral("Last fix before")},
        {QStringLiteral("after"), QStringLiteral("First fix after")},
        {QStringLiteral("distanceNm"), QStringLiteral("Distance between the fixes")},
        {QStringLiteral("impliedKnots"), QStringLiteral("Speed the gap implies")},
        {QStringLiteral("shoreNm"), QStringLiteral("Distance from shore")},
        {QStringLiteral("possibleDisabling"), QStringLiteral("Possible intentional disabling")},
        {QStringLiteral("stationary"), QStringLiteral("Stationary across the gap")},
        {QStringLiteral("receptionEdge"), QStringLiteral("At the edge of reception")},
        {QStringLiteral("othersQuietNearby"), QStringLiteral("Other ships quiet nearby")},
        {QStringLiteral("envelopeKnots"), QStringLiteral("Speed used for the envelope")},
        {QStringLiteral("vastEnvelope"), QStringLiteral("Covers most of an ocean (not drawn)")},
        {QStringLiteral("reachNm"), QStringLiteral("Anywhere within")},
        {QStringLiteral("callsInReach"), QStringLiteral("Ports within reach by sea")},
        {QStringLiteral("medianDistanceM"), QStringLiteral("Median distance")},
        {QStringLiteral("minDistanceM"), QStringLiteral("Closest approach")},
        {QStringLiteral("medianKnots"), QStringLiteral("Median speed")},
        {QStringLiteral("otherMedianKnots"), QStringLiteral("The other ship's median speed")},
        {QStringLiteral("samples"), QStringLiteral("Times compared")},
        {QStringLiteral("meanKnots"), QStringLiteral("Mean speed")},
        {QStringLiteral("fixes"), QStringLiteral("Fixes")},
        {QStringLiteral("fix"), QStringLiteral("The fix")},
        {QStringLiteral("fromPreviousKnots"), QStringLiteral("Speed from the previous fix")},
        {QStringLiteral("toNextKnots"), QStringLiteral("Speed to the next fix")},
        {QStringLiteral("previous"), QStringLiteral("Previous fix")},
        {QStringLiteral("next"), QStringLiteral("Next fix")},
        {QStringLiteral("jumps"), QStringLiteral("Position jumps on the track")},
        {QStringLiteral("notListed"), QStringLiteral("Not listed one by one")},
        {QStringLiteral("first"), QStringLiteral("First")},
        {QStringLiteral("last"), QStringLiteral("Last")},
        {QStringLiteral("field"), QStringLiteral("Field")},
        {QStringLiteral("old"), QStringLiteral("Before")},
        {QStringLiteral("new"), QStringLiteral("After")},
        {QStringLiteral("rule"), QStringLiteral("Rule")},
        {QStringLiteral("port"), QStringLiteral("Port")},
    };
    return kLabels;
}

struct Unit
{
    const char* suffix; // as the key ends
    const char* text;   // as the card prints it
};
constexpr Unit kUnits[] = {{"Knots", "kn"}, {"Nm", "nm"}, {"Km", "km"}, {"M", "m"},
                           {"H", "h"},      {"Deg", "°"}, {"Pct", "%"}};

// The unit a key's last word names, and the key without it.
std::pair<QString, QString> splitUnit(const QString& key)
{
    for (const Unit& u : kUnits) {
        const QString suffix = QString::fromLatin1(u.suffix);
        if (key.size() > suffix.size() && key.endsWith(suffix) &&
            key.at(key.size() - suffix.size() - 1).isLower()) {
            return {key.left(key.size() - suffix.size()), QString::fromUtf8(u.text)};
        }
    }
    return {key, QString()};
}

QString words(const QString& camel)
{
    QString out;
    for (const QChar c : camel) {
        if (c.isUpper() && !out.isEmpty()) {
            out += QLatin1Char(' ');
            out += c.toLower();
        } else {
            out += out.isEmpty() ? c.toUpper() : c;
        }
    }
    return out;
}

QString number(double v)
{
    if (std::abs(v - std::round(v)) < 1e-9) {
        return QString::number(static_cast<qint64>(std::llround(v)));
    }
    return QString::number(v, 'f', std::abs(v) >= 10.0 ? 1 : 2);
}

const char* ruleGroup(model::EventKind kind)
{
    switch (kind) {
    case model::EventKind::PortVisit:
        return "portVisits";
    case model::EventKind::AisGap:
        return "gaps";
    case model::EventKind::Encounter:
        return "encounters";
    case model::EventKind::Loitering:
        return "loitering";
    case model::EventKind::PositionJump:
        return "jumps";
    default:
        return nullptr;
    }
}

} // namespace

QString evidenceLabel(const QString& key)
{
    const auto it = knownLabels().find(key);
    if (it != knownLabels().end()) {
        return it->second;
    }
    return words(splitUnit(key).first);
}

QString evidenceValueText(const QString& key, const QJsonValue& value)
{
    if (value.isBool()) {
        return value.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    }
    if (value.isDouble()) {
        const QString unit = splitUnit(key).second;
        const QString n = number(value.toDouble());
        return unit.isEmpty()                ? n
               : unit == QStringLiteral("°") ? n + unit
                                             : QStringLiteral("%1 %2").arg(n, unit);
    }
    return value.toString();
}

QString ruleValuesHtml(model::EventKind kind, const QString& rulesJson)
{
    const char* group = ruleGroup(kind);
    if (group == nullptr || rulesJson.isEmpty()) {
        return {};
    }
    const QJsonObject rules = QJsonDocument::fromJson(rulesJson.toUtf8()).object();
    const QJsonObject values = rules.value(QLatin1String(group)).toObject();
    QString rows;
    for (const analysis::RuleField& f : analysis::AnalysisRules::fieldList()) {
        if (f.group != QLatin1String(group) || !values.value(f.key).isDouble()) {
            continue;
        }
        const QString n = number(values.value(f.key).toDouble());
        rows += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>")
                    .arg(f.label.toHtmlEscaped(),
                         (f.unit == QStringLiteral("%") ? n + f.unit
                                                        : QStringLiteral("%1 %2").arg(n, f.unit))
                             .toHtmlEscaped());
    }
    return rows;
}

} // namespace wake::ui
