// The watch's alarm log and snoozes, on both backends (the same SQL).

#include "core/store/database.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace wake::store {

Result<std::int64_t> Database::storeAlert(const watch::Alert& alert)
{
    auto stmt = m_connection.prepare(
        QStringLiteral("INSERT INTO alerts(time_utc_ms, kind, rule, mmsi, vessel_id, details, "
                       "snoozed) VALUES(?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, alert.timeUtcMs);
    stmt->bind(2, watch::toString(alert.kind));
    stmt->bind(3, alert.rule);
    stmt->bind(4, static_cast<std::int64_t>(alert.mmsi));
    stmt->bind(5, alert.vesselId != 0 ? std::optional<std::int64_t>(alert.vesselId) : std::nullopt);
    stmt->bind(6, QString::fromUtf8(
                      QJsonDocument(watch::alertJson(alert)).toJson(QJsonDocument::Compact)));
    stmt->bind(7, alert.snoozed ? 1 : 0);
    return insertedId(*stmt);
}

Result<std::vector<watch::Alert>> Database::alerts(const AlertFilter& filter)
{
    auto stmt = m_connection.prepare(QStringLiteral(
        "SELECT id, details, snoozed, acknowledged_by, acknowledged_ms FROM alerts WHERE "
        "time_utc_ms >= ?1 AND time_utc_ms <= ?2 AND (?3 = '' OR kind = ?3) AND (?4 = 0 OR "
        "acknowledged_ms IS NULL) ORDER BY time_utc_ms DESC, id DESC LIMIT ?5"));
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, filter.fromUtcMs.value_or(std::numeric_limits<std::int64_t>::min()));
    stmt->bind(2, filter.toUtcMs.value_or(std::numeric_limits<std::int64_t>::max()));
    stmt->bind(3, filter.kind ? watch::toString(*filter.kind) : QString(QLatin1String("")));
    stmt->bind(4, filter.unacknowledgedOnly ? 1 : 0);
    stmt->bind(5, filter.limit);
    std::vector<watch::Alert> out;
    if (Status s = stmt->forEach([&](Statement& row) {
            auto a = watch::alertFromJson(QJsonDocument::fromJson(row.text(1).toUtf8()).object());
            if (!a) {
                return; // a row this version cannot read: left out, not guessed
            }
            a->id = row.int64(0);
            a->snoozed = row.int64(2) != 0;
            a->acknowledgedBy = row.optText(3).value_or(QString());
            a->acknowledgedUtcMs = row.optInt64(4);
            out.push_back(std::move(*a));
        });
        !s) {
        return s.error();
    }
    return out;
}

Result<std::int64_t> Database::unacknowledgedAlertCount()
{
    auto stmt = m_connection.prepare(
        QStringLiteral("SELECT count(*) FROM alerts WHERE acknowledged_ms IS NULL"));
    if (!stmt) {
        return stmt.error();
    }
    auto n = stmt->first<std::int64_t>([](Statement& row) { return row.int64(0); });
    if (!n) {
        return n.error();
    }
    return n->value_or(0);
}

Result<bool> Database::acknowledgeAlert(std::int64_t id, const QString& by, std::int64_t atUtcMs)
{
    auto stmt = m_connection.prepare(
        QStringLiteral("UPDATE alerts SET acknowledged_by = ?, acknowledged_ms = ? WHERE id = ? "
                       "AND acknowledged_ms IS NULL"));
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, by);
    stmt->bind(2, atUtcMs);
    stmt->bind(3, id);
    if (Status s = stmt->run(); !s) {
        return s.error();
    }
    return stmt->changes() > 0;
}

Status Database::snoozeAlerts(std::uint32_t mmsi, const QString& rule, std::int64_t untilUtcMs,
                              const QString& by)
{
    auto stmt = m_connection.prepare(QStringLiteral(
        "INSERT INTO alert_snoozes(mmsi, rule, until_ms, snoozed_by) VALUES(?1, ?2, ?3, ?4) ON "
        "CONFLICT (mmsi, rule) DO UPDATE SET until_ms = ?3, snoozed_by = ?4"));
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, static_cast<std::int64_t>(mmsi));
    stmt->bind(2, rule);
    stmt->bind(3, untilUtcMs);
    stmt->bind(4, by);
    return stmt->run();
}

Result<bool> Database::isSnoozed(std::uint32_t mmsi, const QString& rule, std::int64_t atUtcMs)
{
    auto stmt = m_connection.prepare(
        QStringLiteral("SELECT 1 FROM alert_snoozes WHERE mmsi = ? AND rule = ? AND until_ms > ?"));
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, static_cast<std::int64_t>(mmsi));
    stmt->bind(2, rule);
    stmt->bind(3, atUtcMs);
    auto found = stmt->first<int>([](Statement&) { return 1; });
    if (!found) {
        return found.error();
    }
    return found->has_value();
}

} // namespace wake::store
