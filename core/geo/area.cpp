#include "core/geo/area.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamReader>

#include <algorithm>
#include <cmath>

namespace wake::geo {

namespace {

// A longitude moved by whole turns to within half a turn of reference.
double nearLongitude(double lon, double reference)
{
    while (lon - reference > 180.0) {
        lon -= 360.0;
    }
    while (reference - lon > 180.0) {
        lon += 360.0;
    }
    return lon;
}

std::optional<double> number(const QString& text)
{
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    return ok && std::isfinite(v) ? std::optional(v) : std::nullopt;
}

Result<Area> areaFromRing(std::vector<model::LatLon> ring, const QString& name,
                          const QString& where)
{
    if (!ring.empty() && ring.front() == ring.back()) {
        ring.pop_back();
    }
    if (ring.size() < 3) {
        return Error{Error::Code::Format, QStringLiteral("a polygon needs three corners or more"),
                     where};
    }
    for (const model::LatLon& p : ring) {
        if (!p.isValid()) {
            return Error{
                Error::Code::Format,
                QStringLiteral("corner %1,%2 is not a position").arg(p.latDeg).arg(p.lonDeg),
                where};
        }
    }
    return Area::polygon(std::move(ring), name);
}

std::optional<std::vector<model::LatLon>> geoJsonRing(const QJsonObject& geometry)
{
    const QString type = geometry.value(QLatin1String("type")).toString();
    QJsonArray rings;
    if (type == QLatin1String("Polygon")) {
        rings = geometry.value(QLatin1String("coordinates")).toArray();
    } else if (type == QLatin1String("MultiPolygon")) {
        rings = geometry.value(QLatin1String("coordinates")).toArray().at(0).toArray();
    } else {
        return std::nullopt;
    }
    std::vector<model::LatLon> ring;
    for (const QJsonValue& c : rings.at(0).toArray()) {
        const QJsonArray xy = c.toArray();
        if (xy.size() < 2 || !xy[0].isDouble() || !xy[1].isDouble()) {
            return std::nullopt;
        }
        ring.push_back({xy[1].toDouble(), xy[0].toDouble()}); // GeoJSON is lon, lat
    }
    return ring;
}

Result<Area> readGeoJson(const QByteArray& data, const QString& where)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &error);
    if (error.error != QJsonParseError::NoError) {
        return Error{
            Error::Code::Format,
            QStringLiteral("JSON error at byte %1: %2").arg(error.offset).arg(error.errorString()),
            where};
    }
    QJsonArray features;
    const QJsonObject root = doc.object();
    const QString type = root.value(QLatin1String("type")).toString();
    if (type == QLatin1String("FeatureCollection")) {
        features = root.value(QLatin1String("features")).toArray();
    } else if (type == QLatin1String("Feature")) {
        features.append(root);
    } else {
        features.append(QJsonObject{{QStringLiteral("geometry"), root}});
    }
    for (const QJsonValue& f : features) {
        const QJsonObject feature = f.toObject();
        if (auto ring = geoJsonRing(feature.value(QLatin1String("geometry")).toObject())) {
            const QString name = feature.value(QLatin1String("properties"))
                                     .toObject()
                                     .value(QLatin1String("name"))
                                     .toString();
            return areaFromRing(std::move(*ring), name, where);
        }
    }
    return Error{Error::Code::Format, QStringLiteral("no Polygon or MultiPolygon in it"), where};
}

Result<Area> readKml(const QByteArray& data, const QString& where)
{
    QXmlStreamReader xml(data);
    QString placemarkName;
    bool inPlacemark = false;
    bool inOuter = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto n = xml.name();
            if (n == QLatin1String("Placemark")) {
                inPlacemark = true;
                placemarkName.clear();
            } else if (n == QLatin1String("name") && inPlacemark && placemarkName.isEmpty()) {
                placemarkName = xml.readElementText().trimmed();
            } else if (n == QLatin1String("outerBoundaryIs")) {
                inOuter = true;
            } else if (n == QLatin1String("coordinates") && inOuter) {
                std::vector<model::LatLon> ring;
                // "lon,lat[,alt] lon,lat[,alt] ..."
                for (const QString& tuple : xml.readElementText().simplified().split(
                         QLatin1Char(' '), Qt::SkipEmptyParts)) {
                    const QStringList parts = tuple.split(QLatin1Char(','));
                    const auto lon = number(parts.value(0));
                    const auto lat = number(parts.value(1));
                    if (!lon || !lat) {
                        return Error{Error::Code::Format,
                                     QStringLiteral("line %1: \"%2\" is not lon,lat")
                                         .arg(xml.lineNumber())
                                         .arg(tuple),
                                     where};
                    }
                    ring.push_back({*lat, *lon});
                }
                return areaFromRing(std::move(ring), placemarkName, where);
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("outerBoundaryIs")) {
            inOuter = false;
        }
    }
    if (xml.hasError()) {
        return Error{Error::Code::Format,
                     QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString()),
                     where};
    }
    return Error{Error::Code::Format, QStringLiteral("no Polygon with an outer boundary in it"),
                 where};
}

} // namespace

Area Area::box(model::LatLon southWest, model::LatLon northEast, QString name)
{
    double east = northEast.lonDeg;
    if (east < southWest.lonDeg) {
        east += 360.0; // across the antimeridian
    }
    Area a;
    a.m_name = std::move(name);
    a.m_ring = {southWest,
                {southWest.latDeg, east},
                {northEast.latDeg, east},
                {northEast.latDeg, southWest.lonDeg}};
    a.m_south = southWest.latDeg;
    a.m_north = northEast.latDeg;
    a.m_west = southWest.lonDeg;
    a.m_east = northEast.lonDeg;
    a.m_isBox = true;
    return a;
}

Area Area::polygon(std::vector<model::LatLon> ring, QString name)
{
    Area a;
    a.m_name = std::move(name);
    // Each corner's longitude within half a turn of the one before: a ring
    // drawn across 180 stays one ring.
    for (std::size_t i = 1; i < ring.size(); ++i) {
        ring[i].lonDeg = nearLongitude(ring[i].lonDeg, ring[i - 1].lonDeg);
    }
    a.m_ring = std::move(ring);
    if (a.m_ring.empty()) {
        return a;
    }
    const auto [south, north] = std::minmax_element(
        a.m_ring.begin(), a.m_ring.end(),
        [](const model::LatLon& x, const model::LatLon& y) { return x.latDeg < y.latDeg; });
    const auto [west, east] = std::minmax_element(
        a.m_ring.begin(), a.m_ring.end(),
        [](const model::LatLon& x, const model::LatLon& y) { return x.lonDeg < y.lonDeg; });
    a.m_south = south->latDeg;
    a.m_north = north->latDeg;
    a.m_west = west->lonDeg;
    a.m_east = east->lonDeg;
    auto wrap = [](double lon) {
        return lon > 180.0 ? lon - 360.0 : lon < -180.0 ? lon + 360.0 : lon;
    };
    a.m_west = wrap(a.m_west);
    a.m_east = wrap(a.m_east);
    return a;
}

bool Area::contains(model::LatLon p) const
{
    if (m_ring.size() < 3 || !p.isValid() || p.latDeg < m_south || p.latDeg > m_north) {
        return false;
    }
    if (m_isBox) {
        // A box holds its edges too (a fix exactly on a chart's line is in it).
        double lon = p.lonDeg;
        while (lon < m_ring[0].lonDeg) {
            lon += 360.0;
        }
        return lon <= m_ring[1].lonDeg;
    }
    // The point's longitude taken near the ring's (a polygon is less than
    // half the world wide), then an even-odd ray test.
    const double lon = nearLongitude(p.lonDeg, m_ring.front().lonDeg);
    bool inside = false;
    for (std::size_t i = 0, j = m_ring.size() - 1; i < m_ring.size(); j = i++) {
        const model::LatLon& a = m_ring[i];
        const model::LatLon& b = m_ring[j];
        if ((a.latDeg > p.latDeg) != (b.latDeg > p.latDeg)) {
            const double crossLon =
                a.lonDeg + (p.latDeg - a.latDeg) / (b.latDeg - a.latDeg) * (b.lonDeg - a.lonDeg);
            if (lon < crossLon) {
                inside = !inside;
            }
        }
    }
    return inside;
}

Result<Area> readAreaFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{Error::Code::Io, file.errorString(), path};
    }
    if (file.size() > 64LL * 1024 * 1024) {
        return Error{Error::Code::Format, QStringLiteral("larger than any area Wake reads (64 MB)"),
                     path};
    }
    const QByteArray data = file.readAll();
    const QString suffix = QFileInfo(path).suffix().toLower();
    const bool kml = suffix == QLatin1String("kml") ||
                     (suffix != QLatin1String("json") && suffix != QLatin1String("geojson") &&
                      data.trimmed().startsWith('<'));
    auto area = kml ? readKml(data, path) : readGeoJson(data, path);
    if (area && area->name().isEmpty()) {
        return Area::polygon(area->ring(), QFileInfo(path).completeBaseName());
    }
    return area;
}

Result<Area> parseArea(const QString& textOrPath)
{
    const QStringList parts = textOrPath.split(QLatin1Char(','));
    if (parts.size() == 4 && !QFileInfo::exists(textOrPath)) {
        double v[4];
        for (int i = 0; i < 4; ++i) {
            const auto n = number(parts[i]);
            if (!n) {
                return Error{
                    Error::Code::InvalidArgument,
                    QStringLiteral("an area is LAT1,LON1,LAT2,LON2 in decimal degrees or a "
                                   ".geojson or .kml file, not \"%1\"")
                        .arg(textOrPath),
                    {}};
            }
            v[i] = *n;
        }
        // West is the smaller longitude, unless that makes a box more than
        // half the world wide: then it crosses the antimeridian.
        const bool crosses = std::abs(v[1] - v[3]) > 180.0;
        const double west = crosses ? std::max(v[1], v[3]) : std::min(v[1], v[3]);
        const double east = crosses ? std::min(v[1], v[3]) : std::max(v[1], v[3]);
        const model::LatLon sw{std::min(v[0], v[2]), west};
        const model::LatLon ne{std::max(v[0], v[2]), east};
        if (!sw.isValid() || !ne.isValid() || sw.latDeg == ne.latDeg || v[1] == v[3]) {
            return Error{Error::Code::InvalidArgument,
                         QStringLiteral("the corners %1 make no box").arg(textOrPath),
                         {}};
        }
        return Area::box(sw, ne, textOrPath);
    }
    const QString suffix = QFileInfo(textOrPath).suffix().toLower();
    if (!QFileInfo::exists(textOrPath) && suffix != QLatin1String("kml") &&
        suffix != QLatin1String("json") && suffix != QLatin1String("geojson")) {
        return Error{Error::Code::InvalidArgument,
                     QStringLiteral("an area is LAT1,LON1,LAT2,LON2 in decimal degrees, a "
                                    ".geojson or .kml file, or a stored area's name (wake areas), "
                                    "not \"%1\"")
                         .arg(textOrPath),
                     {}};
    }
    return readAreaFile(textOrPath);
}

} // namespace wake::geo
