// Database: events and their sources.

#include "core/store/database.h"

namespace wake::store {

Result<model::EventId> Database::insertEvent(const model::Event& e)
{
    auto stmt = m_connection.prepare(QStringLiteral(
        "INSERT INTO events(vessel_id, voyage_id, kind, start_utc_ms, end_utc_ms, time_precision, "
        "reported_time, lat, lon, coord_basis, place, title, description, category, ship_event, "
        "confidence, note, origin, other_vessel_id, port_locode, evidence, rules_id) "
        "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, e.vesselId);
    stmt->bind(2, e.voyageId);
    stmt->bind(3, model::toString(e.kind));
    stmt->bind(4, e.time.startUtcMs);
    stmt->bind(5, e.time.endUtcMs);
    stmt->bind(6, model::toString(e.time.precision));
    stmt->bind(7, e.reportedTime);
    if (e.position) {
        stmt->bind(8, e.position->latDeg);
        stmt->bind(9, e.position->lonDeg);
    } else {
        stmt->bindNull(8);
        stmt->bindNull(9);
    }
    stmt->bind(10, model::toString(e.coordBasis));
    stmt->bind(11, e.place);
    stmt->bind(12, e.title);
    stmt->bind(13, e.description);
    stmt->bind(14, e.category);
    stmt->bind(15, e.shipEvent ? 1 : 0);
    stmt->bind(16, model::toString(e.attribution.confidence));
    stmt->bind(17, e.attribution.note);
    stmt->bind(18, e.origin);
    stmt->bind(19, e.otherVesselId);
    stmt->bind(20, e.portLocode);
    stmt->bind(21, e.evidence);
    stmt->bind(22, e.rulesId);
    auto inserted = insertedId(*stmt);
    if (!inserted) {
        return inserted.error();
    }
    const model::EventId id = *inserted;
    if (Status s = insertSourceLinks(QStringLiteral("event_sources"), QStringLiteral("event_id"),
                                     id, e.attribution.sourceIds);
        !s) {
        return s.error();
    }
    return id;
}

Result<std::vector<model::Event>> Database::events(const EventFilter& filter)
{
    auto stmt = m_connection.prepare(QStringLiteral(
        "SELECT id, vessel_id, voyage_id, kind, start_utc_ms, end_utc_ms, time_precision, "
        "reported_time, lat, lon, coord_basis, place, title, description, category, ship_event, "
        "confidence, note, origin, other_vessel_id, port_locode, evidence, rules_id FROM events "
        "WHERE (CAST(?1 AS BIGINT) IS NULL OR vessel_id = ?1 OR other_vessel_id = ?1) "
        "AND (CAST(?2 AS BIGINT) IS NULL OR voyage_id = ?2) AND (CAST(?3 AS TEXT) IS NULL OR kind "
        "= ?3) "
        "AND (CAST(?4 AS BIGINT) IS NULL OR end_utc_ms >= ?4) AND (CAST(?5 AS BIGINT) IS NULL OR "
        "start_utc_ms <= ?5) "
        "AND (CAST(?6 AS BIGINT) IS NULL OR CASE WHEN COALESCE(origin, '') = 'analysis' THEN 1 "
        "ELSE 0 END = ?6) "
        "ORDER BY start_utc_ms, id"));
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, filter.vesselId);
    stmt->bind(2, filter.voyageId);
    if (filter.kind) {
        stmt->bind(3, model::toString(*filter.kind));
    } else {
        stmt->bindNull(3);
    }
    stmt->bind(4, filter.fromUtcMs);
    stmt->bind(5, filter.toUtcMs);
    if (filter.detected) {
        stmt->bind(6, *filter.detected ? 1 : 0);
    } else {
        stmt->bindNull(6);
    }
    std::vector<model::Event> out;
    if (Status status = stmt->forEach([&](Statement& row) {
            model::Event e;
            e.id = row.int64(0);
            e.vesselId = row.optInt64(1);
            e.voyageId = row.optInt64(2);
            e.kind = model::eventKindFromString(row.text(3)).value_or(model::EventKind::Other);
            e.time = {row.int64(4), row.int64(5),
                      model::timePrecisionFromString(row.text(6))
                          .value_or(model::TimePrecision::Millisecond)};
            e.reportedTime = row.text(7);
            if (!row.isNull(8) && !row.isNull(9)) {
                e.position = model::LatLon{row.real(8), row.real(9)};
            }
            e.coordBasis = model::coordBasisFromString(row.text(10));
            e.place = row.text(11);
            e.title = row.text(12);
            e.description = row.text(13);
            e.category = row.text(14);
            e.shipEvent = row.int64(15) != 0;
            e.attribution.confidence =
                model::confidenceFromString(row.text(16)).value_or(model::Confidence::Unknown);
            e.attribution.note = row.text(17);
            e.origin = row.text(18);
            e.otherVesselId = row.optInt64(19);
            e.portLocode = row.text(20);
            e.evidence = row.text(21);
            e.rulesId = row.optInt64(22);
            out.push_back(std::move(e));
        });
        !status) {
        return status.error();
    }
    for (model::Event& e : out) {
        if (e.origin == QLatin1String("analysis")) {
            continue; // detected events carry evidence, not sources
        }
        auto links = sourceLinks(QStringLiteral("event_sources"), QStringLiteral("event_id"), e.id);
        if (!links) {
            return links.error();
        }
        e.attribution.sourceIds = std::move(links).value();
    }
    return out;
}

Result<std::int64_t> Database::storeAnalysisRules(const QString& preset, const QString& rulesJson)
{
    auto ins = m_connection.prepare(
        QStringLiteral("INSERT INTO analysis_rules(preset, rules) VALUES(?1, ?2) "
                       "ON CONFLICT(rules) DO UPDATE SET preset = excluded.preset RETURNING id"));
    if (!ins) {
        return ins.error();
    }
    ins->bind(1, preset);
    ins->bind(2, rulesJson);
    return insertedId(*ins);
}

Result<std::optional<QString>> Database::analysisRules(std::int64_t rulesId)
{
    auto stmt =
        m_connection.prepare(QStringLiteral("SELECT rules FROM analysis_rules WHERE id = ?"));
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, rulesId);
    return stmt->first<QString>([](Statement& row) { return row.text(0); });
}

Status Database::deleteDetectedResults(std::span<const model::VesselId> vessels)
{
    // Scenario events and voyages have another origin and are never touched.
    // One statement per index (vessel, other vessel): an OR of the two would
    // scan every event once per vessel.
    const QString sql[] = {
        QStringLiteral("DELETE FROM events WHERE vessel_id = ?1 AND origin = 'analysis'"),
        QStringLiteral("DELETE FROM events WHERE other_vessel_id = ?1 AND origin = 'analysis'"),
        QStringLiteral("DELETE FROM voyages WHERE vessel_id = ?1 AND origin = 'analysis'"),
    };
    for (const QString& text : sql) {
        auto stmt = m_connection.prepare(text);
        if (!stmt) {
            return stmt.error();
        }
        for (const model::VesselId id : vessels) {
            stmt->reset();
            stmt->bind(1, id);
            if (Status done = stmt->run(); !done) {
                return done.error();
            }
        }
    }
    return {};
}

} // namespace wake::store
