// A list of one's own: a CSV whose header names its columns among name, imo,
// mmsi, callsign, flag and note (in any order and case; others are ignored),
// any of them empty on a row. A row is a ship when it has a name, a valid
// IMO number or an MMSI.

#include "core/lists/list_formats.h"
#include "core/lists/list_text.h"
#include "core/reference/flag_states.h"

namespace wake::lists::detail {

namespace {

int column(const QStringList& header, std::initializer_list<const char*> names)
{
    for (int i = 0; i < header.size(); ++i) {
        QString key = header[i].trimmed().toLower();
        key.remove(QLatin1Char('_')).remove(QLatin1Char(' '));
        for (const char* name : names) {
            if (key == QLatin1String(name)) {
                return i;
            }
        }
    }
    return -1;
}

QString at(const QStringList& row, int i)
{
    return i >= 0 && i < row.size() ? row[i].trimmed() : QString();
}

} // namespace

bool isUserListHeader(const QStringList& header)
{
    return column(header, {"name", "vesselname", "shipname", "imo", "imonumber", "mmsi"}) >= 0;
}

FormatRead readUserCsv(const QString& text, const reference::FlagStates& flags,
                       ListReadReport& report)
{
    FormatRead out;
    QString error;
    const std::vector<CsvRecord> records = csvRecords(text, &error);
    if (records.empty()) {
        out.error = QStringLiteral("the file is empty");
        return out;
    }
    const QStringList& header = records[0].fields;
    const int name = column(header, {"name", "vesselname", "shipname"});
    const int imo = column(header, {"imo", "imonumber"});
    const int mmsi = column(header, {"mmsi"});
    const int callSign = column(header, {"callsign"});
    const int flag = column(header, {"flag"});
    const int note = column(header, {"note", "notes"});
    if (name < 0 && imo < 0 && mmsi < 0) {
        out.error = QStringLiteral("the header names none of name, imo and mmsi");
        return out;
    }
    for (std::size_t r = 1; r < records.size(); ++r) {
        const CsvRecord& rec = records[r];
        if (rec.fields.join(QString()).trimmed().isEmpty()) {
            continue;
        }
        ++report.records;
        ListEntry e;
        e.entryId = QStringLiteral("line %1").arg(rec.line);
        e.name = at(rec.fields, name);
        const QString imoText = at(rec.fields, imo);
        e.imo = parseImo(imoText);
        if (!imoText.isEmpty() && !e.imo) {
            report.skip(rec.line,
                        QStringLiteral("IMO \"%1\" has no valid check digit").arg(imoText));
            continue;
        }
        const QString mmsiText = at(rec.fields, mmsi);
        e.mmsi = parseMmsi(mmsiText);
        if (!mmsiText.isEmpty() && !e.mmsi) {
            report.skip(rec.line, QStringLiteral("MMSI \"%1\" is not nine digits").arg(mmsiText));
            continue;
        }
        if (e.name.isEmpty() && !e.imo && !e.mmsi) {
            report.skip(rec.line, QStringLiteral("no name, IMO or MMSI"));
            continue;
        }
        e.callSign = at(rec.fields, callSign);
        e.flagText = at(rec.fields, flag);
        e.flagAlpha2 = flags.alpha2ForCountry(e.flagText);
        if (!e.flagText.isEmpty() && e.flagAlpha2.isEmpty()) {
            report.skip(rec.line,
                        QStringLiteral("flag \"%1\" is no country Wake knows").arg(e.flagText));
            continue;
        }
        e.note = at(rec.fields, note);
        out.entries.push_back(std::move(e));
    }
    if (!error.isEmpty()) {
        report.skip(records.back().line, error);
    }
    return out;
}

} // namespace wake::lists::detail
