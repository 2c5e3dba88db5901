#include "core/watch/watch_rules.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <array>
#include <cmath>

namespace wake::watch {

namespace {

constexpr std::array kKinds{
    std::pair{RuleKind::AreaEnter, "area_enter"},
    std::pair{RuleKind::AreaLeave, "area_leave"},
    std::pair{RuleKind::AreaDwell, "area_dwell"},
    std::pair{RuleKind::ListedHeard, "listed_heard"},
    std::pair{RuleKind::Dark, "dark"},
    std::pair{RuleKind::NotAuthorised, "not_authorised"},
    std::pair{RuleKind::IdentityChange, "identity_change"},
    std::pair{RuleKind::EncounterForming, "encounter_forming"},
    std::pair{RuleKind::Cpa, "cpa"},
    std::pair{RuleKind::Guard, "guard"},
    std::pair{RuleKind::Distress, "distress"},
};

Error formatError(const QString& message, const QString& where)
{
    return Error{Error::Code::Format, message, where};
}

// A number in [low, high], or the error saying which key of which rule.
Result<double> number(const QJsonObject& o, const char* key, double low, double high,
                      const QString& where)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isDouble() || !std::isfinite(v.toDouble())) {
        return formatError(QStringLiteral("\"%1\" must be a number").arg(QLatin1String(key)),
                           where);
    }
    const double d = v.toDouble();
    if (d < low || d > high) {
        return formatError(QStringLiteral("\"%1\" is %2; it must be from %3 to %4")
                               .arg(QLatin1String(key))
                               .arg(d)
                               .arg(low)
                               .arg(high),
                           where);
    }
    return d;
}

Result<std::uint32_t> mmsiOf(const QJsonValue& v, const QString& where)
{
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d < 1 || d > 999'999'999 || std::floor(d) != d) {
        return formatError(QStringLiteral("an MMSI is a whole number of up to nine digits"), where);
    }
    return static_cast<std::uint32_t>(d);
}

Result<geo::Area> areaOf(const QJsonObject& o, const QString& baseDir, const QString& where)
{
    const QString name = o.value(QLatin1String("name")).toString().trimmed();
    if (name.isEmpty()) {
        return formatError(QStringLiteral("an area needs a \"name\""), where);
    }
    for (const QString& key : o.keys()) {
        if (key != QLatin1String("name") && key != QLatin1String("box") &&
            key != QLatin1String("polygon") && key != QLatin1String("file")) {
            return formatError(QStringLiteral("unknown key \"%1\" (an area has name and one of "
                                              "box, polygon, file)")
                                   .arg(key),
                               where);
        }
    }
    auto latLon = [&](const QJsonValue& lat, const QJsonValue& lon) -> Result<model::LatLon> {
        if (!lat.isDouble() || !lon.isDouble() || std::abs(lat.toDouble()) > 90.0 ||
            std::abs(lon.toDouble()) > 180.0) {
            return formatError(QStringLiteral("a corner is [latitude, longitude] within ±90 and "
                                              "±180"),
                               where);
        }
        return model::LatLon{lat.toDouble(), lon.toDouble()};
    };
    if (o.contains(QLatin1String("box"))) {
        const QJsonArray b = o.value(QLatin1String("box")).toArray();
        if (b.size() != 4) {
            return formatError(QStringLiteral("\"box\" is [lat1, lon1, lat2, lon2]"), where);
        }
        auto a = latLon(b[0], b[1]);
        auto c = latLon(b[2], b[3]);
        if (!a || !c) {
            return a ? c.error() : a.error();
        }
        // Read as the command line's --area reads two corners (a box more
        // than half the world wide crosses 180).
        auto box = geo::parseArea(QStringLiteral("%1,%2,%3,%4")
                                      .arg(a->latDeg, 0, 'g', 17)
                                      .arg(a->lonDeg, 0, 'g', 17)
                                      .arg(c->latDeg, 0, 'g', 17)
                                      .arg(c->lonDeg, 0, 'g', 17));
        if (!box) {
            return formatError(box.error().message, where);
        }
        return geo::Area::box(box->southWest(), box->northEast(), name);
    }
    if (o.contains(QLatin1String("polygon"))) {
        std::vector<model::LatLon> ring;
        for (const QJsonValue& corner : o.value(QLatin1String("polygon")).toArray()) {
            const QJsonArray c = corner.toArray();
            auto p = c.size() == 2
                         ? latLon(c[0], c[1])
                         : Result<model::LatLon>(formatError(
                               QStringLiteral("a polygon's corner is [lat, lon]"), where));
            if (!p) {
                return p.error();
            }
            ring.push_back(*p);
        }
        if (ring.size() < 3) {
            return formatError(QStringLiteral("a polygon needs three corners or more"), where);
        }
        return geo::Area::polygon(std::move(ring), name);
    }
    if (o.contains(QLatin1String("file"))) {
        const QString file = o.value(QLatin1String("file")).toString();
        auto area = geo::readAreaFile(QDir(baseDir).absoluteFilePath(file));
        if (!area) {
            return area.error();
        }
        return area->isBox() ? geo::Area::box(area->southWest(), area->northEast(), name)
                             : geo::Area::polygon(area->ring(), name);
    }
    return formatError(QStringLiteral("an area needs a \"box\", a \"polygon\" or a \"file\""),
                       where);
}

QString kindList()
{
    QStringList names;
    for (const auto& [kind, name] : kKinds) {
        if (kind != RuleKind::Distress) {
            names << QLatin1String(name);
        }
    }
    return names.join(QStringLiteral(", "));
}

} // namespace

QString toString(RuleKind kind)
{
    for (const auto& [k, name] : kKinds) {
        if (k == kind) {
            return QLatin1String(name);
        }
    }
    return {};
}

std::optional<RuleKind> ruleKindFromString(const QString& text)
{
    for (const auto& [k, name] : kKinds) {
        if (text == QLatin1String(name)) {
            return k;
        }
    }
    return std::nullopt;
}

Result<WatchRules> parseWatchRules(const QByteArray& json, const QString& baseDir,
                                   const std::vector<geo::Area>& storedAreas)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        return formatError(parseError.error != QJsonParseError::NoError
                               ? QStringLiteral("not JSON: %1 at byte %2")
                                     .arg(parseError.errorString())
                                     .arg(parseError.offset)
                               : QStringLiteral("the rules are a JSON object with \"rules\""),
                           {});
    }
    const QJsonObject root = doc.object();
    for (const QString& key : root.keys()) {
        if (key != QLatin1String("areas") && key != QLatin1String("rules") &&
            key != QLatin1String("ownShip")) {
            return formatError(
                QStringLiteral("unknown key \"%1\" (the file has areas, rules and ownShip)")
                    .arg(key),
                {});
        }
    }
    WatchRules out;
    if (root.contains(QLatin1String("ownShip"))) {
        auto mmsi =
            mmsiOf(root.value(QLatin1String("ownShip")).toObject().value(QLatin1String("mmsi")),
                   QStringLiteral("ownShip"));
        if (!mmsi) {
            return mmsi.error();
        }
        out.ownShipMmsi = *mmsi;
    }
    const QJsonArray areas = root.value(QLatin1String("areas")).toArray();
    for (qsizetype i = 0; i < areas.size(); ++i) {
        auto area = areaOf(areas[i].toObject(), baseDir, QStringLiteral("areas[%1]").arg(i));
        if (!area) {
            return area.error();
        }
        for (const geo::Area& a : out.areas) {
            if (a.name() == area->name()) {
                return formatError(QStringLiteral("the name \"%1\" is used twice").arg(a.name()),
                                   QStringLiteral("areas[%1]").arg(i));
            }
        }
        out.areas.push_back(std::move(area).value());
    }
    auto areaIndex = [&](const QString& name) -> int {
        for (std::size_t i = 0; i < out.areas.size(); ++i) {
            if (out.areas[i].name() == name) {
                return static_cast<int>(i);
            }
        }
        for (const geo::Area& stored : storedAreas) {
            if (stored.name() == name) {
                out.areas.push_back(stored);
                return static_cast<int>(out.areas.size() - 1);
            }
        }
        return -1;
    };

    if (!root.value(QLatin1String("rules")).isArray()) {
        return formatError(QStringLiteral("\"rules\" must be a list of rules"), {});
    }
    const QJsonArray rules = root.value(QLatin1String("rules")).toArray();
    QSet<QString> names;
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QString where = QStringLiteral("rules[%1]").arg(i);
        const QJsonObject o = rules[i].toObject();
        const QString kindText = o.value(QLatin1String("kind")).toString();
        const auto kind = ruleKindFromString(kindText);
        if (!kind) {
            return formatError(
                QStringLiteral("unknown kind \"%1\" (kinds: %2)").arg(kindText, kindList()), where);
        }
        if (*kind == RuleKind::Distress) {
            return formatError(QStringLiteral("distress is always watched and needs no rule"),
                               where);
        }
        WatchRule rule;
        rule.kind = *kind;
        // The keys each kind takes; any other is a mistake.
        QSet<QString> allowed{QStringLiteral("kind"), QStringLiteral("name")};
        const bool areaKind = *kind == RuleKind::AreaEnter || *kind == RuleKind::AreaLeave ||
                              *kind == RuleKind::AreaDwell || *kind == RuleKind::NotAuthorised;
        if (areaKind) {
            allowed << QStringLiteral("area");
            const QString areaName = o.value(QLatin1String("area")).toString();
            rule.area = areaIndex(areaName);
            if (rule.area < 0) {
                return formatError(
                    QStringLiteral("no area \"%1\" in the file or the store").arg(areaName), where);
            }
        }
        if (*kind == RuleKind::AreaDwell) {
            allowed << QStringLiteral("minutes");
            auto m = number(o, "minutes", 1, 10'080, where);
            if (!m) {
                return m.error();
            }
            rule.minutes = *m;
        }
        if (*kind == RuleKind::ListedHeard || *kind == RuleKind::NotAuthorised ||
            *kind == RuleKind::Dark || *kind == RuleKind::IdentityChange) {
            allowed << QStringLiteral("list");
            rule.list = o.value(QLatin1String("list")).toString();
            if (*kind == RuleKind::NotAuthorised && rule.list.isEmpty()) {
                return formatError(QStringLiteral("not_authorised needs the \"list\" of who may be "
                                                  "there"),
                                   where);
            }
        }
        if (*kind == RuleKind::ListedHeard || *kind == RuleKind::Dark) {
            allowed << QStringLiteral("mmsi");
            for (const QJsonValue& v : o.value(QLatin1String("mmsi")).toArray()) {
                auto mmsi = mmsiOf(v, where);
                if (!mmsi) {
                    return mmsi.error();
                }
                rule.mmsis.push_back(*mmsi);
            }
        }
        if (*kind == RuleKind::Dark) {
            allowed << QStringLiteral("intervals");
            if (o.contains(QLatin1String("intervals"))) {
                auto n = number(o, "intervals", 2, 1000, where);
                if (!n) {
                    return n.error();
                }
                rule.intervals = static_cast<int>(*n);
            }
        }
        if (*kind == RuleKind::Cpa) {
            allowed << QStringLiteral("nm") << QStringLiteral("minutes")
                    << QStringLiteral("whenMoored");
            auto nm = number(o, "nm", 0.01, 20, where);
            auto m = number(o, "minutes", 0.5, 120, where);
            if (!nm || !m) {
                return nm ? m.error() : nm.error();
            }
            rule.nm = *nm;
            rule.minutes = *m;
            rule.whenMoored = o.value(QLatin1String("whenMoored")).toBool(false);
        }
        if (*kind == RuleKind::Guard) {
            allowed << QStringLiteral("nm") << QStringLiteral("whenMoored");
            auto nm = number(o, "nm", 0.05, 20, where);
            if (!nm) {
                return nm.error();
            }
            rule.nm = *nm;
            rule.whenMoored = o.value(QLatin1String("whenMoored")).toBool(false);
        }
        if (*kind == RuleKind::EncounterForming) {
            // The batch encounter rule's values (analysis/rules.h) unless given.
            allowed << QStringLiteral("nm") << QStringLiteral("minutes") << QStringLiteral("knots")
                    << QStringLiteral("shoreKm") << QStringLiteral("portKm");
            rule.nm = 500.0 / 1852.0;
            rule.minutes = 120.0;
            for (const auto& [key, low, high, value] :
                 {std::tuple{"nm", 0.01, 5.0, &rule.nm},
                  std::tuple{"minutes", 1.0, 1440.0, &rule.minutes},
                  std::tuple{"knots", 0.1, 10.0, &rule.knots},
                  std::tuple{"shoreKm", 0.0, 500.0, &rule.shoreKm},
                  std::tuple{"portKm", 0.0, 500.0, &rule.portKm}}) {
                if (o.contains(QLatin1String(key))) {
                    auto v = number(o, key, low, high, where);
                    if (!v) {
                        return v.error();
                    }
                    *value = *v;
                }
            }
        }
        for (const QString& key : o.keys()) {
            if (!allowed.contains(key)) {
                return formatError(
                    QStringLiteral("\"%1\" is not a key of a %2 rule").arg(key, kindText), where);
            }
        }
        rule.name = o.value(QLatin1String("name")).toString();
        if (rule.name.isEmpty()) {
            rule.name = kindText;
            if (rule.area >= 0) {
                rule.name +=
                    QLatin1Char(':') + out.areas[static_cast<std::size_t>(rule.area)].name();
            }
            if (!rule.list.isEmpty()) {
                rule.name += QLatin1Char(':') + rule.list;
            }
        }
        if (names.contains(rule.name)) {
            return formatError(
                QStringLiteral("two rules are called \"%1\"; give one a \"name\"").arg(rule.name),
                where);
        }
        names.insert(rule.name);
        out.rules.push_back(std::move(rule));
    }
    WatchRule distress;
    distress.kind = RuleKind::Distress;
    distress.name = QStringLiteral("distress");
    out.rules.push_back(distress);
    return out;
}

Result<WatchRules> readWatchRules(const QString& path, const std::vector<geo::Area>& storedAreas)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{Error::Code::Io,
                     QStringLiteral("cannot read the rules: %1").arg(file.errorString()), path};
    }
    auto rules = parseWatchRules(file.read(4 << 20), QFileInfo(path).absolutePath(), storedAreas);
    if (!rules) {
        Error e = rules.error();
        e.where = e.where.isEmpty() ? path : path + QStringLiteral(": ") + e.where;
        return e;
    }
    return rules;
}

} // namespace wake::watch
