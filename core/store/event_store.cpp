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
    for (;;) {
        const auto step = stmt->step();
        if (step == Statement::Step::Done) {
            break;
        }
        if (step == Statement::Step::Failed) {
            return stmt->lastError();
        }
        model::Event e;
        e.id = stmt->int64(0);
        e.vesselId = stmt->optInt64(1);
        e.voyageId = stmt->optInt64(2);
        e.kind = model::eventKindFromString(stmt->text(3)).value_or(model::EventKind::Other);
        e.time = {stmt->int64(4), stmt->int64(5),
                  model::timePrecisionFromString(stmt->text(6))
                      .value_or(model::TimePrecision::Millisecond)};
        e.reportedTime = stmt->text(7);
        if (!stmt->isNull(8) && !stmt->isNull(9)) {
            e.position = model::LatLon{stmt->real(8), stmt->real(9)};
        }
        e.coordBasis = model::coordBasisFromString(stmt->text(10));
        e.place = stmt->text(11);
        e.title = stmt->text(12);
        e.description = stmt->text(13);
        e.category = stmt->text(14);
        e.shipEvent = stmt->int64(15) != 0;
        e.attribution.confidence =
            model::confidenceFromString(stmt->text(16)).value_or(model::Confidence::Unknown);
        e.attribution.note = stmt->text(17);
        e.origin = stmt->text(18);
        e.otherVesselId = stmt->optInt64(19);
        e.portLocode = stmt->text(20);
        e.evidence = stmt->text(21);
        e.rulesId = stmt->optInt64(22);
        out.push_back(std::move(e));
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
    if (ins->step() != Statement::Step::Row) {
        return ins->lastError();
    }
    return ins->int64(0);
}

Result<std::optional<QString>> Database::analysisRules(std::int64_t rulesId)
{
    auto stmt =
        m_connection.prepare(QStringLiteral("SELECT rules FROM analysis_rules WHERE id = ?"));
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, rulesId);
    const auto step = stmt->step();
    if (step == Statement::Step::Failed) {
        return stmt->lastError();
    }
    if (step == Statement::Step::Done) {
        return std::optional<QString>{};
    }
    return std::optional<QString>{stmt->text(0)};
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
            if (stmt->step() != Statement::Step::Done) {
                return stmt->lastError();
            }
        }
    }
    return {};
}

} // namespace wake::store
