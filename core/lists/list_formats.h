#pragma once

// The readers of each list format, behind readListData (list_reader.h). Each
// turns the file's text into ships and, where the file says it, the date its
// content is as of.

#include "core/lists/list_reader.h"
#include "core/lists/watch_list.h"

#include <QDate>
#include <QString>

#include <optional>
#include <vector>

namespace wake::lists::detail {

struct FormatRead
{
    std::vector<ListEntry> entries;
    std::optional<QDate> published; // the date the file itself gives
    QString error;                  // set when the file cannot be read at all
};

FormatRead readOfacCsv(const QString& text, const reference::FlagStates& flags,
                       ListReadReport& report);
FormatRead readOfacXml(const QByteArray& data, const reference::FlagStates& flags,
                       ListReadReport& report);
FormatRead readUkConsolidatedCsv(const QString& text, const reference::FlagStates& flags,
                                 ListReadReport& report);
FormatRead readOpenSanctionsJson(const QByteArray& data, const reference::FlagStates& flags,
                                 ListReadReport& report);
FormatRead readUserCsv(const QString& text, const reference::FlagStates& flags,
                       ListReadReport& report);

// True when a CSV header names name, imo or mmsi (a list of one's own).
bool isUserListHeader(const QStringList& header);

// Every CSV record of a text (CsvReader over it), with its line number.
struct CsvRecord
{
    std::int64_t line = 0;
    QStringList fields;
};
std::vector<CsvRecord> csvRecords(const QString& text, QString* error);

} // namespace wake::lists::detail
