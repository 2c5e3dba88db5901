#pragma once

// Reading a sanctions or watch list file: the format told from its first
// bytes (OFAC sdn.csv or sdn.xml, the UK consolidated CSV, OpenSanctions'
// JSON, or a CSV of one's own with a header), its ships, and the date its
// content is as of. That date comes from the file itself where it says one,
// else from the caller, else from a date in the file's name; a list with no
// date at all is refused rather than given one.

#include "core/lists/watch_list.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace wake::reference {
class FlagStates;
}

namespace wake::lists {

struct ListReadOptions
{
    QString name;                  // empty: the format's own ("OFAC SDN") or the file's base name
    std::optional<QDate> snapshot; // the date the list is as of, when the file does not say
    std::optional<QDate> fileChanged; // a list of one's own is as of this, failing the others
};

// What reading found besides the ships: rows that are not ships, and rows
// left out with why (the first few, with their line or record number).
struct ListReadReport
{
    static constexpr int kMaxProblems = 10;
    std::int64_t records = 0;  // rows or entities read
    std::int64_t skipped = 0;  // left out as unreadable
    std::int64_t notShips = 0; // people, companies, aircraft
    QStringList problems;
    void skip(std::int64_t where, const QString& why);
};

std::optional<ListFormat> detectListFormat(const QByteArray& head);

Result<WatchList> readListFile(const QString& path, const ListReadOptions& options,
                               const reference::FlagStates& flags,
                               ListReadReport* report = nullptr);
// The same from bytes in memory; origin names them in messages.
Result<WatchList> readListData(const QByteArray& data, const QString& origin,
                               const ListReadOptions& options, const reference::FlagStates& flags,
                               ListReadReport* report = nullptr);

} // namespace wake::lists
