#include "core/store/database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace wake::store {

Status Database::storeArea(const geo::Area& area)
{
    QJsonArray ring;
    const std::vector<model::LatLon> corners =
        area.isBox() ? std::vector<model::LatLon>{area.southWest(), area.northEast()} : area.ring();
    for (const model::LatLon& p : corners) {
        ring.append(QJsonArray{p.latDeg, p.lonDeg});
    }
    return inTransaction([&]() -> Status {
        if (Status s = removeArea(area.name()); !s) {
            return s;
        }
        auto insert = m_connection.prepare(
            QStringLiteral("INSERT INTO areas(name, is_box, ring, created_ms) VALUES(?, ?, ?, ?)"));
        if (!insert) {
            return insert.error();
        }
        insert->bind(1, area.name());
        insert->bind(2, area.isBox() ? 1 : 0);
        insert->bind(3, QString::fromUtf8(QJsonDocument(ring).toJson(QJsonDocument::Compact)));
        insert->bind(4, static_cast<std::int64_t>(QDateTime::currentMSecsSinceEpoch()));
        return insert->run();
    });
}

Result<std::vector<geo::Area>> Database::areas()
{
    auto stmt =
        m_connection.prepare(QStringLiteral("SELECT name, is_box, ring FROM areas ORDER BY name"));
    if (!stmt) {
        return stmt.error();
    }
    return stmt->collect<geo::Area>([](Statement& row) {
        std::vector<model::LatLon> ring;
        for (const QJsonValue& v : QJsonDocument::fromJson(row.text(2).toUtf8()).array()) {
            ring.push_back({v.toArray().at(0).toDouble(), v.toArray().at(1).toDouble()});
        }
        if (row.int64(1) != 0 && ring.size() == 2) {
            return geo::Area::box(ring[0], ring[1], row.text(0));
        }
        return geo::Area::polygon(std::move(ring), row.text(0));
    });
}

Status Database::removeArea(const QString& name)
{
    auto stmt = m_connection.prepare(QStringLiteral("DELETE FROM areas WHERE name = ?"));
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, name);
    return stmt->run();
}

Status Database::forEachFixInBox(
    std::int64_t fromUtcMs, std::int64_t toUtcMs, model::LatLon southWest, model::LatLon northEast,
    const std::function<void(model::VesselId, std::int64_t, model::LatLon)>& visit)
{
    const bool crosses = southWest.lonDeg > northEast.lonDeg;
    auto stmt = m_connection.prepare(
        QStringLiteral(
            "SELECT vessel_id, time_utc_ms, lat_e7, lon_e7 FROM track_points WHERE time_utc_ms "
            "BETWEEN ?1 AND ?2 AND lat_e7 BETWEEN ?3 AND ?4 AND ") +
        (crosses ? QStringLiteral("(lon_e7 >= ?5 OR lon_e7 <= ?6)")
                 : QStringLiteral("lon_e7 BETWEEN ?5 AND ?6")));
    if (!stmt) {
        return stmt.error();
    }
    auto e7 = [](double deg, bool up) {
        const double v = deg * 1e7;
        return static_cast<std::int64_t>(up ? std::ceil(v) : std::floor(v));
    };
    stmt->bind(1, fromUtcMs);
    stmt->bind(2, toUtcMs);
    stmt->bind(3, e7(southWest.latDeg, false));
    stmt->bind(4, e7(northEast.latDeg, true));
    stmt->bind(5, e7(southWest.lonDeg, false));
    stmt->bind(6, e7(northEast.lonDeg, true));
    return stmt->forEach([&](Statement& row) {
        visit(row.int64(0), row.int64(1),
              {static_cast<double>(row.int64(2)) / 1e7, static_cast<double>(row.int64(3)) / 1e7});
    });
}

} // namespace wake::store
