#include "core/geo/detailed_water.h"
#include "core/reference/core_resources.h"
#include "core/scenario/berths.h"
#include "core/scenario/scenario.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <map>

namespace wake::scenario {

namespace {

constexpr int kFormatVersion = 1;

class Parser
{
public:
    Parser(QString where) : m_where(std::move(where)) {}

    Error error(const QString& message, const QString& path) const
    {
        return Error{Error::Code::Format, message,
                     path.isEmpty() ? m_where : m_where + QStringLiteral(" (") + path + ')'};
    }

    std::optional<Error> attribution(const QJsonObject& o, const QString& path,
                                     model::Attribution& out) const
    {
        const auto confidence =
            model::confidenceFromString(o.value(QLatin1String("confidence")).toString());
        if (!confidence) {
            return error(QStringLiteral("missing or unknown confidence"), path);
        }
        out.confidence = *confidence;
        for (const QJsonValue& s : o.value(QLatin1String("sources")).toArray()) {
            const QString id = s.toString();
            if (!m_sourceIds.contains(id)) {
                return error(QStringLiteral("source \"%1\" is not in the sources list").arg(id),
                             path);
            }
            out.sourceIds.push_back(id);
        }
        out.note = o.value(QLatin1String("note")).toString();
        return std::nullopt;
    }

    QHash<QString, bool> m_sourceIds;

private:
    QString m_where;
};

std::optional<QString> optString(const QJsonObject& o, const char* key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isString()) {
        return v.toString();
    }
    return std::nullopt;
}

std::optional<double> optDouble(const QJsonObject& o, const char* key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
}

std::optional<int> optInt(const QJsonObject& o, const char* key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? std::optional<int>(v.toInt()) : std::nullopt;
}

} // namespace

Result<Scenario> parseScenario(const QByteArray& json, const QString& where)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    Parser p(where);
    if (parseError.error != QJsonParseError::NoError) {
        return p.error(QStringLiteral("not valid JSON at byte %1: %2")
                           .arg(parseError.offset)
                           .arg(parseError.errorString()),
                       {});
    }
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("format")).toString() != QLatin1String("wake.scenario")) {
        return p.error(
            QStringLiteral("not a Wake scenario file (\"format\" is not \"wake.scenario\")"), {});
    }
    if (root.value(QLatin1String("formatVersion")).toInt() != kFormatVersion) {
        return p.error(QStringLiteral("unsupported scenario format version %1")
                           .arg(root.value(QLatin1String("formatVersion")).toInt()),
                       {});
    }

    Scenario sc;
    sc.id = root.value(QLatin1String("id")).toString();
    sc.title = root.value(QLatin1String("title")).toString();
    sc.contentHash = QCryptographicHash::hash(json, QCryptographicHash::Sha1).toHex();
    const QJsonObject notes = root.value(QLatin1String("notes")).toObject();
    sc.timeConvention = notes.value(QLatin1String("time_convention")).toString();
    sc.reconstructionNote = notes.value(QLatin1String("reconstruction")).toString();
    if (sc.id.isEmpty()) {
        return p.error(QStringLiteral("the scenario has no id"), {});
    }

    for (const QJsonValue& v : root.value(QLatin1String("sources")).toArray()) {
        const QJsonObject o = v.toObject();
        model::Source s{o.value(QLatin1String("id")).toString(),
                        o.value(QLatin1String("title")).toString(),
                        o.value(QLatin1String("url")).toString()};
        if (s.id.isEmpty() || s.title.isEmpty()) {
            return p.error(QStringLiteral("a source without id or title"),
                           QStringLiteral("sources"));
        }
        p.m_sourceIds.insert(s.id, true);
        sc.sources.push_back(std::move(s));
    }

    // Vessel identity
    const QJsonObject vessel = root.value(QLatin1String("vessel")).toObject();
    const QJsonObject id = vessel.value(QLatin1String("identity")).toObject();
    model::Vessel& v = sc.vessel;
    v.name = optString(id, "name");
    if (auto imo = optInt(id, "imo")) {
        v.imo = static_cast<std::uint32_t>(*imo);
    }
    if (auto mmsi = optInt(id, "mmsi")) {
        v.mmsi = static_cast<std::uint32_t>(*mmsi);
    }
    v.callSign = optString(id, "callSign");
    v.flagAlpha2 = optString(id, "flag");
    v.vesselType = optString(id, "vesselType");
    v.yearBuilt = optInt(id, "yearBuilt");
    v.grossTonnage = optInt(id, "grossTonnage");
    v.deadweightT = optInt(id, "deadweightT");
    v.lengthM = optDouble(id, "lengthM");
    v.beamM = optDouble(id, "beamM");
    v.draughtM = optDouble(id, "draughtM");
    v.owner = optString(id, "owner");
    v.operatorName = optString(id, "operator");
    v.crew = optInt(id, "crew");
    if (!v.name && !v.imo && !v.mmsi) {
        return p.error(QStringLiteral("the vessel has no name, IMO or MMSI"),
                       QStringLiteral("vessel"));
    }

    for (const QJsonValue& n : vessel.value(QLatin1String("names")).toArray()) {
        const QJsonObject o = n.toObject();
        model::IdentityRecord r;
        r.field = QStringLiteral("name");
        r.value = o.value(QLatin1String("name")).toString();
        if (auto from = optString(o, "from")) {
            r.from = model::parseReportedTime(*from);
        }
        if (auto to = optString(o, "to")) {
            r.to = model::parseReportedTime(*to);
        }
        for (const QJsonValue& s : o.value(QLatin1String("sources")).toArray()) {
            r.sourceIds.push_back(s.toString());
        }
        v.history.push_back(std::move(r));
    }

    int index = 0;
    for (const QJsonValue& f : vessel.value(QLatin1String("facts")).toArray()) {
        const QJsonObject o = f.toObject();
        const QString path = QStringLiteral("vessel.facts[%1]").arg(index++);
        model::VesselFact fact;
        fact.section = o.value(QLatin1String("section")).toString();
        fact.key = o.value(QLatin1String("key")).toString();
        fact.label = o.value(QLatin1String("label")).toString();
        fact.value = optString(o, "value");
        if (auto e = p.attribution(o, path, fact.attribution)) {
            return *e;
        }
        v.facts.push_back(std::move(fact));
    }

    index = 0;
    for (const QJsonValue& pv : root.value(QLatin1String("ports")).toArray()) {
        const QJsonObject o = pv.toObject();
        const QString path = QStringLiteral("ports[%1]").arg(index++);
        const auto lat = optDouble(o, "lat");
        const auto lon = optDouble(o, "lon");
        if (!lat || !lon) {
            continue; // a port the sources name without coordinates (Matanzas): not placed
        }
        model::Port port;
        port.locode = o.value(QLatin1String("locode")).toString();
        port.name = o.value(QLatin1String("name")).toString();
        port.countryAlpha2 = o.value(QLatin1String("country")).toString();
        port.position = {*lat, *lon};
        if (!port.position.isValid()) {
            return p.error(QStringLiteral("position out of range"), path);
        }
        port.kind = model::portKindFromString(o.value(QLatin1String("kind")).toString());
        port.radiusKm = port.kind == model::PortKind::Lock ? 1.0 : 3.0;
        port.origin = QStringLiteral("scenario");
        sc.ports.push_back(std::move(port));
    }

    index = 0;
    for (const QJsonValue& ev : root.value(QLatin1String("events")).toArray()) {
        const QJsonObject o = ev.toObject();
        const QString path = QStringLiteral("events[%1]").arg(index++);
        model::Event e;
        e.reportedTime = o.value(QLatin1String("time")).toString();
        const auto time = model::parseReportedTime(e.reportedTime);
        if (!time) {
            return p.error(QStringLiteral("time \"%1\" is not a date, month, year or range")
                               .arg(e.reportedTime),
                           path);
        }
        e.time = *time;
        const auto kind = model::eventKindFromString(o.value(QLatin1String("kind")).toString());
        if (!kind) {
            return p.error(QStringLiteral("unknown event kind \"%1\"")
                               .arg(o.value(QLatin1String("kind")).toString()),
                           path);
        }
        e.kind = *kind;
        const auto lat = optDouble(o, "lat");
        const auto lon = optDouble(o, "lon");
        if (lat && lon) {
            e.position = model::LatLon{*lat, *lon};
        }
        e.coordBasis = model::coordBasisFromString(o.value(QLatin1String("coordBasis")).toString());
        e.place = o.value(QLatin1String("place")).toString();
        e.title = o.value(QLatin1String("title")).toString();
        e.description = o.value(QLatin1String("description")).toString();
        e.category = o.value(QLatin1String("category")).toString();
        e.shipEvent = o.value(QLatin1String("shipEvent")).toBool(true);
        e.origin = QStringLiteral("scenario:") + sc.id;
        if (auto err = p.attribution(o, path, e.attribution)) {
            return *err;
        }
        if (e.attribution.sourceIds.empty()) {
            return p.error(QStringLiteral("an event without sources"), path);
        }
        sc.events.push_back(std::move(e));
    }

    index = 0;
    for (const QJsonValue& rv : root.value(QLatin1String("reportedPositions")).toArray()) {
        const QJsonObject o = rv.toObject();
        const QString path = QStringLiteral("reportedPositions[%1]").arg(index++);
        ReportedPosition r;
        r.reportedTime = o.value(QLatin1String("date")).toString();
        const auto date = model::parseReportedTime(r.reportedTime);
        const auto lat = optDouble(o, "lat");
        const auto lon = optDouble(o, "lon");
        if (!date || !lat || !lon) {
            return p.error(QStringLiteral("a reported position needs a date, lat and lon"), path);
        }
        r.date = *date;
        r.position = {*lat, *lon};
        r.place = o.value(QLatin1String("place")).toString();
        if (auto err = p.attribution(o, path, r.attribution)) {
            return *err;
        }
        sc.reportedPositions.push_back(std::move(r));
    }

    index = 0;
    for (const QJsonValue& vv : root.value(QLatin1String("voyages")).toArray()) {
        const QJsonObject o = vv.toObject();
        model::Voyage voyage;
        voyage.key = o.value(QLatin1String("id")).toString();
        voyage.name = o.value(QLatin1String("name")).toString();
        voyage.originLocode = o.value(QLatin1String("origin")).toString();
        voyage.destinationLocode = o.value(QLatin1String("destination")).toString();
        voyage.departure = model::parseReportedTime(o.value(QLatin1String("departure")).toString());
        voyage.arrival = model::parseReportedTime(o.value(QLatin1String("arrival")).toString());
        voyage.isDefault = o.value(QLatin1String("default")).toBool(false);
        for (const QJsonValue& lv : o.value(QLatin1String("legs")).toArray()) {
            const QJsonObject l = lv.toObject();
            model::VoyageLeg leg;
            leg.fromLocode = l.value(QLatin1String("from")).toString();
            leg.toLocode = l.value(QLatin1String("to")).toString();
            leg.departure = model::parseReportedTime(l.value(QLatin1String("depart")).toString());
            leg.arrival = model::parseReportedTime(l.value(QLatin1String("arrive")).toString());
            leg.note = l.value(QLatin1String("note")).toString();
            voyage.legs.push_back(std::move(leg));
        }
        if (voyage.key.isEmpty() || !voyage.departure) {
            return p.error(QStringLiteral("a voyage needs an id and a departure date"),
                           QStringLiteral("voyages[%1]").arg(index));
        }
        sc.voyages.push_back(std::move(voyage));
        ++index;
    }
    return sc;
}

Result<Scenario> loadBuiltInScenario()
{
    QFile file(reference::corePath(QStringLiteral("scenario/chong-chon-gang.wake.json")));
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{Error::Code::Io, QStringLiteral("the built-in scenario is missing"),
                     file.fileName()};
    }
    return parseScenario(file.readAll(), QStringLiteral("built-in scenario"));
}

std::vector<model::TrackPoint> reportedTrackPoints(const Scenario& scenario,
                                                   model::VesselId vesselId)
{
    constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;
    std::map<std::int64_t, int> perDay;
    for (const auto& r : scenario.reportedPositions) {
        ++perDay[r.date.startUtcMs];
    }
    std::map<std::int64_t, int> seen;
    std::vector<model::TrackPoint> points;
    for (const auto& r : scenario.reportedPositions) {
        const int n = perDay[r.date.startUtcMs];
        const int k = seen[r.date.startUtcMs]++;
        model::TrackPoint t;
        t.vesselId = vesselId;
        t.timeUtcMs = r.date.startUtcMs + kDayMs * (k + 1) / (n + 1);
        t.latDeg = r.position.latDeg;
        t.lonDeg = r.position.lonDeg;
        t.provenance = model::Provenance::Reported;
        points.push_back(t);
    }
    // At a port the ship lies at a quay, not on the reference point's land
    // (berths.h); without the detailed coast the reference points stay.
    if (const auto water = geo::DetailedWater::shared()) {
        placeAtBerths(points, *water);
    }
    return points;
}

} // namespace wake::scenario
