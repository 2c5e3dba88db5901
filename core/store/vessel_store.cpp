// Database: vessels, their identity history and their facts.

#include "core/store/database.h"
#include "core/store/span_columns.h"

namespace wake::store {

namespace {

constexpr const char* kVesselColumns =
    "id, mmsi, imo, name, call_sign, flag, ais_ship_type, vessel_type, length_m, beam_m, "
    "draught_m, gross_tonnage, deadweight_t, year_built, owner, operator, crew";

model::Vessel readVessel(const Statement& s)
{
    model::Vessel v;
    v.id = s.int64(0);
    if (auto x = s.optInt64(1)) {
        v.mmsi = static_cast<std::uint32_t>(*x);
    }
    if (auto x = s.optInt64(2)) {
        v.imo = static_cast<std::uint32_t>(*x);
    }
    v.name = s.optText(3);
    v.callSign = s.optText(4);
    v.flagAlpha2 = s.optText(5);
    if (auto x = s.optInt64(6)) {
        v.aisShipType = static_cast<int>(*x);
    }
    v.vesselType = s.optText(7);
    v.lengthM = s.optReal(8);
    v.beamM = s.optReal(9);
    v.draughtM = s.optReal(10);
    auto optInt = [&](int c) -> std::optional<int> {
        if (auto x = s.optInt64(c)) {
            return static_cast<int>(*x);
        }
        return std::nullopt;
    };
    v.grossTonnage = optInt(11);
    v.deadweightT = optInt(12);
    v.yearBuilt = optInt(13);
    v.owner = s.optText(14);
    v.operatorName = s.optText(15);
    v.crew = optInt(16);
    return v;
}

template <typename T>
std::optional<T> pick(const std::optional<T>& incoming, const std::optional<T>& stored)
{
    return incoming ? incoming : stored;
}

} // namespace

Result<std::optional<model::VesselId>> Database::findVesselByMmsi(std::uint32_t mmsi)
{
    // Several ships may share an MMSI (tracks/track_segmenter.h): the first
    // vessel created for it is the MMSI's own.
    auto stmt = m_connection.cached(
        QStringLiteral("SELECT id FROM vessels WHERE mmsi = ? ORDER BY id LIMIT 1"));
    if (!stmt) {
        return stmt.error();
    }
    (*stmt)->bind(1, static_cast<std::int64_t>(mmsi));
    return (*stmt)->first<model::VesselId>([](Statement& row) { return row.int64(0); });
}

Result<std::map<QString, std::int64_t>> Database::latestIdentityChanges(model::VesselId id)
{
    auto stmt = m_connection.prepare(
        QStringLiteral("SELECT field, MAX(to_utc_ms) FROM vessel_identity_history "
                       "WHERE vessel_id = ? AND to_utc_ms IS NOT NULL GROUP BY field"));
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, id);
    std::map<QString, std::int64_t> out;
    if (Status s = stmt->forEach([&](Statement& row) { out[row.text(0)] = row.int64(1); }); !s) {
        return s.error();
    }
    return out;
}

Status Database::addIdentityRecord(model::VesselId id, const model::IdentityRecord& record)
{
    auto hist = m_connection.prepare(QStringLiteral(
        "INSERT INTO vessel_identity_history(vessel_id, field, value, to_utc_ms, to_end_utc_ms, "
        "to_precision) VALUES(?, ?, ?, ?, ?, ?)"));
    if (!hist) {
        return hist.error();
    }
    hist->bind(1, id);
    hist->bind(2, record.field);
    hist->bind(3, record.value);
    bindSpan(*hist, 4, record.to);
    return hist->run();
}

Result<std::vector<model::VesselId>> Database::vesselsWithMmsi(std::uint32_t mmsi)
{
    auto stmt =
        m_connection.prepare(QStringLiteral("SELECT id FROM vessels WHERE mmsi = ? ORDER BY id"));
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, static_cast<std::int64_t>(mmsi));
    return stmt->collect<model::VesselId>([](Statement& row) { return row.int64(0); });
}

Result<std::vector<model::VesselId>> Database::vesselsWithImo(std::uint32_t imo)
{
    auto stmt =
        m_connection.prepare(QStringLiteral("SELECT id FROM vessels WHERE imo = ? ORDER BY id"));
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, static_cast<std::int64_t>(imo));
    return stmt->collect<model::VesselId>([](Statement& row) { return row.int64(0); });
}

Result<std::optional<model::VesselId>> Database::findVesselByImo(std::uint32_t imo)
{
    auto stmt = m_connection.prepare(
        QStringLiteral("SELECT id FROM vessels WHERE imo = ? ORDER BY id LIMIT 1"));
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, static_cast<std::int64_t>(imo));
    return stmt->first<model::VesselId>([](Statement& row) { return row.int64(0); });
}

Result<model::VesselId> Database::upsertVessel(const model::Vessel& in,
                                               std::optional<std::int64_t> observedUtcMs)
{
    return writeVessel(in, observedUtcMs, true);
}

Result<model::VesselId> Database::createVessel(const model::Vessel& in)
{
    model::Vessel fresh = in;
    fresh.id = 0;
    return writeVessel(fresh, {}, false);
}

Result<model::VesselId> Database::writeVessel(const model::Vessel& in,
                                              std::optional<std::int64_t> observedUtcMs,
                                              bool matchExisting)
{
    std::optional<model::VesselId> id;
    if (in.id != 0) {
        id = in.id;
    } else if (in.mmsi && matchExisting) {
        auto found = findVesselByMmsi(*in.mmsi);
        if (!found) {
            return found.error();
        }
        id = *found;
    }
    if (!id && in.imo && !in.mmsi && matchExisting) {
        auto found = findVesselByImo(*in.imo);
        if (!found) {
            return found.error();
        }
        id = *found;
    }

    model::Vessel merged = in;
    std::vector<model::IdentityRecord> changes;
    if (id) {
        auto existing = vessel(*id);
        if (!existing) {
            return existing.error();
        }
        if (!existing->has_value()) {
            return Error{
                Error::Code::NotFound, QStringLiteral("no vessel with id %1").arg(*id), {}};
        }
        const model::Vessel& old = **existing;
        // An identity heard before the last change the history records for
        // a field is old news (a file read again, an older file after a newer
        // one): it neither replaces the current value nor is a change again.
        auto latest = latestIdentityChanges(*id);
        if (!latest) {
            return latest.error();
        }
        auto stale = [&](const char* field) {
            const auto it = latest->find(QString::fromLatin1(field));
            return observedUtcMs && it != latest->end() && *observedUtcMs <= it->second;
        };
        auto noteChange = [&](const char* field, const std::optional<QString>& before,
                              const std::optional<QString>& after) {
            if (stale(field)) {
                return;
            }
            if (before && after && *before != *after && !before->isEmpty()) {
                model::IdentityRecord r;
                r.field = QString::fromLatin1(field);
                r.value = *before;
                if (observedUtcMs) {
                    r.to = model::TimeSpan{*observedUtcMs, *observedUtcMs,
                                           model::TimePrecision::Millisecond};
                }
                changes.push_back(r);
            }
        };
        noteChange("name", old.name, in.name);
        noteChange("callsign", old.callSign, in.callSign);
        noteChange("flag", old.flagAlpha2, in.flagAlpha2);
        // Numbers change too under one MMSI (a new IMO, another ship type):
        // analysis reports them as identity changes.
        auto number = [](const auto& value) -> std::optional<QString> {
            return value ? std::optional<QString>(QString::number(*value)) : std::nullopt;
        };
        noteChange("imo", number(old.imo), number(in.imo));
        noteChange("ship_type", number(old.aisShipType), number(in.aisShipType));
        merged.id = old.id;
        merged.mmsi = pick(in.mmsi, old.mmsi);
        merged.imo = stale("imo") ? old.imo : pick(in.imo, old.imo);
        merged.name = stale("name") ? old.name : pick(in.name, old.name);
        merged.callSign = stale("callsign") ? old.callSign : pick(in.callSign, old.callSign);
        merged.flagAlpha2 = stale("flag") ? old.flagAlpha2 : pick(in.flagAlpha2, old.flagAlpha2);
        merged.aisShipType =
            stale("ship_type") ? old.aisShipType : pick(in.aisShipType, old.aisShipType);
        merged.vesselType = pick(in.vesselType, old.vesselType);
        merged.lengthM = pick(in.lengthM, old.lengthM);
        merged.beamM = pick(in.beamM, old.beamM);
        merged.draughtM = pick(in.draughtM, old.draughtM);
        merged.grossTonnage = pick(in.grossTonnage, old.grossTonnage);
        merged.deadweightT = pick(in.deadweightT, old.deadweightT);
        merged.yearBuilt = pick(in.yearBuilt, old.yearBuilt);
        merged.owner = pick(in.owner, old.owner);
        merged.operatorName = pick(in.operatorName, old.operatorName);
        merged.crew = pick(in.crew, old.crew);
    }

    auto stmt = m_connection.prepare(
        id ? QStringLiteral("UPDATE vessels SET mmsi=?1, imo=?2, name=?3, call_sign=?4, flag=?5, "
                            "ais_ship_type=?6, vessel_type=?7, length_m=?8, beam_m=?9, "
                            "draught_m=?10, gross_tonnage=?11, deadweight_t=?12, year_built=?13, "
                            "owner=?14, operator=?15, crew=?16 WHERE id=?17")
           : QStringLiteral(
                 "INSERT INTO vessels(mmsi, imo, name, call_sign, flag, ais_ship_type, "
                 "vessel_type, length_m, beam_m, draught_m, gross_tonnage, "
                 "deadweight_t, year_built, owner, operator, crew) "
                 "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16) RETURNING id"));
    if (!stmt) {
        return stmt.error();
    }
    auto bindU32 = [&](int i, const std::optional<std::uint32_t>& v) {
        if (v) {
            stmt->bind(i, static_cast<std::int64_t>(*v));
        } else {
            stmt->bindNull(i);
        }
    };
    bindU32(1, merged.mmsi);
    bindU32(2, merged.imo);
    stmt->bind(3, merged.name);
    stmt->bind(4, merged.callSign);
    stmt->bind(5, merged.flagAlpha2);
    stmt->bind(6, merged.aisShipType);
    stmt->bind(7, merged.vesselType);
    stmt->bind(8, merged.lengthM);
    stmt->bind(9, merged.beamM);
    stmt->bind(10, merged.draughtM);
    stmt->bind(11, merged.grossTonnage);
    stmt->bind(12, merged.deadweightT);
    stmt->bind(13, merged.yearBuilt);
    stmt->bind(14, merged.owner);
    stmt->bind(15, merged.operatorName);
    stmt->bind(16, merged.crew);
    if (id) {
        stmt->bind(17, *id);
    }
    model::VesselId vesselId = 0;
    if (id) {
        if (Status s = stmt->run(); !s) {
            return s.error();
        }
        vesselId = *id;
    } else {
        auto inserted = insertedId(*stmt);
        if (!inserted) {
            return inserted.error();
        }
        vesselId = *inserted;
    }
    for (const auto& c : changes) {
        if (Status s = addIdentityRecord(vesselId, c); !s) {
            return s.error();
        }
    }
    return vesselId;
}

Status Database::replaceIdentityHistory(model::VesselId id,
                                        const std::vector<model::IdentityRecord>& history)
{
    auto del = m_connection.prepare(
        QStringLiteral("DELETE FROM vessel_identity_history WHERE vessel_id = ?"));
    if (!del) {
        return del.error();
    }
    del->bind(1, id);
    if (Status s = del->run(); !s) {
        return s;
    }
    auto ins = m_connection.prepare(
        QStringLiteral("INSERT INTO vessel_identity_history(vessel_id, field, value, from_utc_ms, "
                       "from_end_utc_ms, from_precision, to_utc_ms, to_end_utc_ms, to_precision) "
                       "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    if (!ins) {
        return ins.error();
    }
    for (const auto& r : history) {
        ins->reset();
        ins->bind(1, id);
        ins->bind(2, r.field);
        ins->bind(3, r.value);
        bindSpan(*ins, 4, r.from);
        bindSpan(*ins, 7, r.to);
        auto inserted = insertedId(*ins);
        if (!inserted) {
            return inserted.error();
        }
        if (Status s = insertSourceLinks(QStringLiteral("identity_sources"),
                                         QStringLiteral("history_id"), *inserted, r.sourceIds);
            !s) {
            return s;
        }
    }
    return {};
}

Status Database::replaceVesselFacts(model::VesselId id, const std::vector<model::VesselFact>& facts)
{
    auto del = m_connection.prepare(QStringLiteral("DELETE FROM vessel_facts WHERE vessel_id = ?"));
    if (!del) {
        return del.error();
    }
    del->bind(1, id);
    if (Status s = del->run(); !s) {
        return s;
    }
    auto ins = m_connection.prepare(QStringLiteral(
        "INSERT INTO vessel_facts(vessel_id, section, key, label, value, confidence, note, ord) "
        "VALUES(?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    if (!ins) {
        return ins.error();
    }
    int ord = 0;
    for (const auto& f : facts) {
        ins->reset();
        ins->bind(1, id);
        ins->bind(2, f.section);
        ins->bind(3, f.key);
        ins->bind(4, f.label);
        ins->bind(5, f.value);
        ins->bind(6, model::toString(f.attribution.confidence));
        if (f.attribution.note.isEmpty()) {
            ins->bindNull(7);
        } else {
            ins->bind(7, f.attribution.note);
        }
        ins->bind(8, ord++);
        auto inserted = insertedId(*ins);
        if (!inserted) {
            return inserted.error();
        }
        if (Status s = insertSourceLinks(QStringLiteral("fact_sources"), QStringLiteral("fact_id"),
                                         *inserted, f.attribution.sourceIds);
            !s) {
            return s;
        }
    }
    return {};
}

Result<std::vector<model::Vessel>> Database::listVessels()
{
    auto stmt = m_connection.prepare(
        QStringLiteral("SELECT %1 FROM vessels ORDER BY name IS NULL, lower(name), id")
            .arg(QString::fromLatin1(kVesselColumns)));
    if (!stmt) {
        return stmt.error();
    }
    return stmt->collect<model::Vessel>(readVessel);
}

Result<std::optional<model::Vessel>> Database::vessel(model::VesselId id)
{
    auto stmt = m_connection.prepare(QStringLiteral("SELECT %1 FROM vessels WHERE id = ?")
                                         .arg(QString::fromLatin1(kVesselColumns)));
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, id);
    auto found = stmt->first<model::Vessel>(readVessel);
    if (!found || !found->has_value()) {
        return found;
    }
    model::Vessel v = std::move(**found);

    auto hist = m_connection.prepare(QStringLiteral(
        "SELECT id, field, value, from_utc_ms, from_end_utc_ms, from_precision, to_utc_ms, "
        "to_end_utc_ms, to_precision FROM vessel_identity_history WHERE vessel_id = ? "
        "ORDER BY coalesce(from_utc_ms, to_utc_ms), id"));
    if (!hist) {
        return hist.error();
    }
    hist->bind(1, id);
    // A failed step is an error, not the end of the history (it was read as
    // one: a damaged page showed a shorter history without a word).
    if (Status s = hist->forEach([&](Statement& row) -> Status {
            model::IdentityRecord r;
            r.field = row.text(1);
            r.value = row.text(2);
            r.from = readSpan(row, 3);
            r.to = readSpan(row, 6);
            auto links = sourceLinks(QStringLiteral("identity_sources"),
                                     QStringLiteral("history_id"), row.int64(0));
            if (!links) {
                return links.error();
            }
            r.sourceIds = std::move(links).value();
            v.history.push_back(std::move(r));
            return {};
        });
        !s) {
        return s.error();
    }

    auto facts = m_connection.prepare(
        QStringLiteral("SELECT id, section, key, label, value, confidence, note FROM vessel_facts "
                       "WHERE vessel_id = ? ORDER BY ord"));
    if (!facts) {
        return facts.error();
    }
    facts->bind(1, id);
    if (Status s = facts->forEach([&](Statement& row) -> Status {
            model::VesselFact f;
            f.section = row.text(1);
            f.key = row.text(2);
            f.label = row.text(3);
            f.value = row.optText(4);
            f.attribution.confidence =
                model::confidenceFromString(row.text(5)).value_or(model::Confidence::Unknown);
            f.attribution.note = row.text(6);
            auto links = sourceLinks(QStringLiteral("fact_sources"), QStringLiteral("fact_id"),
                                     row.int64(0));
            if (!links) {
                return links.error();
            }
            f.attribution.sourceIds = std::move(links).value();
            v.facts.push_back(std::move(f));
            return {};
        });
        !s) {
        return s.error();
    }
    return std::optional<model::Vessel>(std::move(v));
}

Result<std::vector<std::pair<model::VesselId, model::IdentityRecord>>>
Database::observedIdentityHistory()
{
    // What importers recorded: a replaced value with the time it was replaced,
    // and no sources (a scenario's reported names have sources and a start).
    auto stmt = m_connection.prepare(QStringLiteral(
        "SELECT vessel_id, field, value, to_utc_ms, to_end_utc_ms, to_precision "
        "FROM vessel_identity_history h WHERE from_utc_ms IS NULL AND to_utc_ms IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM identity_sources s WHERE s.history_id = h.id) "
        "ORDER BY vessel_id, to_utc_ms, id"));
    if (!stmt) {
        return stmt.error();
    }
    using Row = std::pair<model::VesselId, model::IdentityRecord>;
    return stmt->collect<Row>([](Statement& row) {
        model::IdentityRecord r;
        r.field = row.text(1);
        r.value = row.text(2);
        r.to = readSpan(row, 3);
        return Row{row.int64(0), std::move(r)};
    });
}

} // namespace wake::store
