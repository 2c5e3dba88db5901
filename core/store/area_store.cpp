#include "core/store/database.h"

#include <cmath>

namespace wake::store {

Status Database::forEachFixInBox(
    std::int64_t fromUtcMs, std::int64_t toUtcMs, model::LatLon southWest, model::LatLon northEast,
    const std::function<void(model::VesselId, std::int64_t, model::LatLon)>& visit)
{
    const bool crosses = southWest.lonDeg > northEast.lonDeg;
    auto stmt = m_connection.prepare(QStringLiteral(
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
