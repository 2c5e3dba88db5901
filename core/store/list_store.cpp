#include "core/store/database.h"

#include <QDateTime>

namespace wake::store {

namespace {

QStringList lines(const QString& text)
{
    return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

std::optional<std::int64_t> optionalId(const std::optional<std::uint32_t>& v)
{
    return v ? std::optional<std::int64_t>(*v) : std::nullopt;
}

} // namespace

Result<std::vector<lists::WatchList>> Database::watchLists()
{
    auto head = m_connection.prepare(
        QStringLiteral("SELECT id, name, format, snapshot, snapshot_basis, origin, sha256 "
                       "FROM watch_lists ORDER BY name"));
    if (!head) {
        return head.error();
    }
    std::vector<lists::WatchList> out;
    if (Status s = head->forEach([&](Statement& row) {
            lists::WatchList l;
            l.id = row.int64(0);
            l.name = row.text(1);
            l.format =
                lists::listFormatFromString(row.text(2)).value_or(lists::ListFormat::UserCsv);
            l.snapshot = QDate::fromString(row.text(3), Qt::ISODate);
            l.snapshotBasis = row.text(4);
            l.origin = row.text(5);
            l.sha256 = row.text(6);
            out.push_back(std::move(l));
        });
        !s) {
        return s.error();
    }
    auto entries = m_connection.prepare(QStringLiteral(
        "SELECT entry_id, name, former_names, aliases, imo, mmsi, call_sign, flag, flag_text, "
        "program, note FROM watch_list_entries WHERE list_id = ? ORDER BY position"));
    if (!entries) {
        return entries.error();
    }
    for (lists::WatchList& l : out) {
        entries->reset();
        entries->bind(1, l.id);
        if (Status s = entries->forEach([&](Statement& row) {
                lists::ListEntry e;
                e.entryId = row.text(0);
                e.name = row.text(1);
                e.formerNames = lines(row.text(2));
                e.aliases = lines(row.text(3));
                if (const auto imo = row.optInt64(4)) {
                    e.imo = static_cast<std::uint32_t>(*imo);
                }
                if (const auto mmsi = row.optInt64(5)) {
                    e.mmsi = static_cast<std::uint32_t>(*mmsi);
                }
                e.callSign = row.text(6);
                e.flagAlpha2 = row.text(7);
                e.flagText = row.text(8);
                e.program = row.text(9);
                e.note = row.text(10);
                l.entries.push_back(std::move(e));
            });
            !s) {
            return s.error();
        }
    }
    return out;
}

Status Database::removeWatchList(const QString& name)
{
    auto entries =
        m_connection.prepare(QStringLiteral("DELETE FROM watch_list_entries WHERE list_id IN "
                                            "(SELECT id FROM watch_lists WHERE name = ?)"));
    if (!entries) {
        return entries.error();
    }
    entries->bind(1, name);
    if (Status s = entries->run(); !s) {
        return s;
    }
    auto list = m_connection.prepare(QStringLiteral("DELETE FROM watch_lists WHERE name = ?"));
    if (!list) {
        return list.error();
    }
    list->bind(1, name);
    return list->run();
}

Result<std::int64_t> Database::storeWatchList(const lists::WatchList& list)
{
    std::int64_t id = 0;
    const Status stored = inTransaction([&]() -> Status {
        if (Status s = removeWatchList(list.name); !s) {
            return s;
        }
        auto head = m_connection.prepare(QStringLiteral(
            "INSERT INTO watch_lists(name, format, snapshot, snapshot_basis, origin, sha256, "
            "imported_ms) VALUES(?, ?, ?, ?, ?, ?, ?) RETURNING id"));
        if (!head) {
            return head.error();
        }
        head->bind(1, list.name);
        head->bind(2, lists::toString(list.format));
        head->bind(3, list.snapshot.toString(Qt::ISODate));
        head->bind(4, list.snapshotBasis);
        head->bind(5, list.origin);
        head->bind(6, list.sha256);
        head->bind(7, static_cast<std::int64_t>(QDateTime::currentMSecsSinceEpoch()));
        auto newId = insertedId(*head);
        if (!newId) {
            return newId.error();
        }
        id = *newId;
        auto entry =
            m_connection.prepare(QStringLiteral("INSERT INTO watch_list_entries(list_id, position, "
                                                "entry_id, name, former_names, aliases, imo, "
                                                "mmsi, call_sign, flag, flag_text, program, note) "
                                                "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        if (!entry) {
            return entry.error();
        }
        std::int64_t position = 0;
        for (const lists::ListEntry& e : list.entries) {
            entry->reset();
            entry->bind(1, id);
            entry->bind(2, position++);
            entry->bind(3, e.entryId);
            entry->bind(4, e.name);
            entry->bind(5, e.formerNames.join(QLatin1Char('\n')));
            entry->bind(6, e.aliases.join(QLatin1Char('\n')));
            entry->bind(7, optionalId(e.imo));
            entry->bind(8, optionalId(e.mmsi));
            entry->bind(9, e.callSign);
            entry->bind(10, e.flagAlpha2);
            entry->bind(11, e.flagText);
            entry->bind(12, e.program);
            entry->bind(13, e.note);
            if (Status s = entry->run(); !s) {
                return s;
            }
        }
        return {};
    });
    if (!stored) {
        return stored.error();
    }
    return id;
}

} // namespace wake::store
