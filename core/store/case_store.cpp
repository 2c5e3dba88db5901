#include "core/store/database.h"

namespace wake::store {

namespace {

std::optional<std::int64_t> vesselOf(const std::optional<model::VesselId>& v)
{
    return v ? std::optional<std::int64_t>(*v) : std::nullopt;
}

} // namespace

Result<std::int64_t> Database::addCaseNote(const investigate::CaseNote& note)
{
    // The same note again (a case file imported twice) is the one stored.
    auto same = m_connection.prepare(QStringLiteral(
        "SELECT id FROM case_notes WHERE bookmark = ? AND coalesce(vessel_id, -1) = ? AND "
        "event_key = ? AND coalesce(at_ms, -1) = ? AND text = ? AND author = ? AND created_ms = "
        "?"));
    if (!same) {
        return same.error();
    }
    same->bind(1, note.bookmark ? 1 : 0);
    same->bind(2, static_cast<std::int64_t>(note.vesselId.value_or(-1)));
    same->bind(3, note.eventKey);
    same->bind(4, note.atUtcMs.value_or(-1));
    same->bind(5, note.text);
    same->bind(6, note.author);
    same->bind(7, note.createdUtcMs);
    auto existing = same->first<std::int64_t>([](Statement& row) { return row.int64(0); });
    if (!existing) {
        return existing.error();
    }
    if (existing->has_value()) {
        return **existing;
    }
    auto insert = m_connection.prepare(QStringLiteral(
        "INSERT INTO case_notes(bookmark, vessel_id, event_key, at_ms, text, author, created_ms) "
        "VALUES(?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    if (!insert) {
        return insert.error();
    }
    insert->bind(1, note.bookmark ? 1 : 0);
    insert->bind(2, vesselOf(note.vesselId));
    insert->bind(3, note.eventKey);
    insert->bind(4, note.atUtcMs);
    insert->bind(5, note.text);
    insert->bind(6, note.author);
    insert->bind(7, note.createdUtcMs);
    return insertedId(*insert);
}

Status Database::removeCaseNote(std::int64_t id)
{
    auto stmt = m_connection.prepare(QStringLiteral("DELETE FROM case_notes WHERE id = ?"));
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, id);
    return stmt->run();
}

Result<std::vector<investigate::CaseNote>>
Database::caseNotes(std::optional<model::VesselId> vessel)
{
    auto stmt = m_connection.prepare(
        QStringLiteral("SELECT id, bookmark, vessel_id, event_key, at_ms, text, author, "
                       "created_ms FROM case_notes ") +
        (vessel ? QStringLiteral("WHERE vessel_id = ? ") : QString()) +
        QStringLiteral("ORDER BY created_ms, id"));
    if (!stmt) {
        return stmt.error();
    }
    if (vessel) {
        stmt->bind(1, static_cast<std::int64_t>(*vessel));
    }
    return stmt->collect<investigate::CaseNote>([](Statement& row) {
        investigate::CaseNote n;
        n.id = row.int64(0);
        n.bookmark = row.int64(1) != 0;
        if (const auto v = row.optInt64(2)) {
            n.vesselId = *v;
        }
        n.eventKey = row.text(3);
        n.atUtcMs = row.optInt64(4);
        n.text = row.text(5);
        n.author = row.text(6);
        n.createdUtcMs = row.int64(7);
        return n;
    });
}

Status Database::setEventReview(const investigate::EventReview& review)
{
    auto remove =
        m_connection.prepare(QStringLiteral("DELETE FROM event_reviews WHERE event_key = ?"));
    if (!remove) {
        return remove.error();
    }
    remove->bind(1, review.eventKey);
    if (Status s = remove->run(); !s) {
        return s;
    }
    if (review.state == investigate::ReviewState::Unreviewed) {
        return {};
    }
    auto insert =
        m_connection.prepare(QStringLiteral("INSERT INTO event_reviews(event_key, vessel_id, "
                                            "state, author, at_ms) VALUES(?, ?, ?, ?, ?)"));
    if (!insert) {
        return insert.error();
    }
    insert->bind(1, review.eventKey);
    insert->bind(2, vesselOf(review.vesselId));
    insert->bind(3, investigate::toString(review.state));
    insert->bind(4, review.author);
    insert->bind(5, review.atUtcMs);
    return insert->run();
}

Result<std::vector<investigate::EventReview>> Database::eventReviews()
{
    auto stmt =
        m_connection.prepare(QStringLiteral("SELECT event_key, vessel_id, state, author, at_ms "
                                            "FROM event_reviews ORDER BY at_ms, event_key"));
    if (!stmt) {
        return stmt.error();
    }
    return stmt->collect<investigate::EventReview>([](Statement& row) {
        investigate::EventReview r;
        r.eventKey = row.text(0);
        if (const auto v = row.optInt64(1)) {
            r.vesselId = *v;
        }
        r.state = investigate::reviewStateFromString(row.text(2))
                      .value_or(investigate::ReviewState::Unsure);
        r.author = row.text(3);
        r.atUtcMs = row.int64(4);
        return r;
    });
}

} // namespace wake::store
