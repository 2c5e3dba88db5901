#pragma once

// A sanctions or watch list as Wake keeps it: the ships it names, and the
// date its content is as of. Lists carry no listing dates (OFAC's does not),
// so a match is only ever "on the list as of its snapshot", never "listed
// since".

#include <QDate>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace wake::lists {

enum class ListFormat
{
    OfacSdnCsv,        // the US Treasury's sdn.csv
    OfacSdnXml,        // its sdn.xml
    UkConsolidatedCsv, // OFSI's consolidated list, ConList.csv
    OpenSanctionsJson, // FollowTheMoney entities, one per line or an array
    UserCsv,           // a header naming name, imo, mmsi, callsign, flag, note
};
QString toString(ListFormat format);    // "ofac-sdn-csv"
QString displayName(ListFormat format); // "OFAC SDN (CSV)"
std::optional<ListFormat> listFormatFromString(const QString& text);

// One ship on a list.
struct ListEntry
{
    QString entryId; // the list's own id ("17069"); a row number where it has none
    QString name;
    QStringList formerNames;          // f.k.a.
    QStringList aliases;              // a.k.a.
    std::optional<std::uint32_t> imo; // only with a valid check digit
    std::optional<std::uint32_t> mmsi;
    QString callSign;
    QString flagAlpha2; // the flag as an ISO code, when the list's text names a country
    QString flagText;   // the flag as the list writes it
    QString program;    // "DPRK"; several joined by "; "
    QString note;
};

struct WatchList
{
    std::int64_t id = 0; // in the store; 0 for the built-in list
    QString name;        // "OFAC SDN"
    ListFormat format = ListFormat::UserCsv;
    QDate snapshot;        // what the list's content is as of
    QString snapshotBasis; // how that date is known ("published in the file", "given with --date")
    QString origin;        // the file it came from ("built in" for the built-in list)
    QString sha256;        // of that file
    bool builtIn = false;
    std::vector<ListEntry> entries;

    // "OFAC SDN list as of 3 May 2024"
    QString title() const;
};

} // namespace wake::lists
