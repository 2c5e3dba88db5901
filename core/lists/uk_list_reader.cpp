// The UK consolidated list (OFSI's ConList.csv): a first row "Last
// Updated,DD/MM/YYYY", then a header, then one row per name of each target;
// rows of one target share a Group ID, ships have Group Type "Ship". Columns
// are found by name, as OFSI has added and moved them over the years; the IMO
// number is read from an IMO column where there is one, else from the
// free-text Other Information.

#include "core/lists/list_formats.h"
#include "core/lists/list_text.h"
#include "core/reference/flag_states.h"

#include <QHash>

#include <map>

namespace wake::lists::detail {

namespace {

int column(const QStringList& header, const QString& name)
{
    for (int i = 0; i < header.size(); ++i) {
        if (header[i].trimmed().compare(name, Qt::CaseInsensitive) == 0) {
            return i;
        }
    }
    return -1;
}

int columnContaining(const QStringList& header, const QString& part)
{
    for (int i = 0; i < header.size(); ++i) {
        if (header[i].contains(part, Qt::CaseInsensitive)) {
            return i;
        }
    }
    return -1;
}

QString at(const QStringList& row, int i)
{
    return i >= 0 && i < row.size() ? row[i].trimmed() : QString();
}

} // namespace

FormatRead readUkConsolidatedCsv(const QString& text, const reference::FlagStates& flags,
                                 ListReadReport& report)
{
    FormatRead out;
    QString error;
    const std::vector<CsvRecord> records = csvRecords(text, &error);
    if (records.size() < 2) {
        out.error = QStringLiteral("no header after the Last Updated row");
        return out;
    }
    out.published = QDate::fromString(at(records[0].fields, 1), QStringLiteral("dd/MM/yyyy"));
    if (!out.published->isValid()) {
        out.published.reset();
    }
    const QStringList& header = records[1].fields;
    const int groupType = column(header, QStringLiteral("Group Type"));
    const int groupId = column(header, QStringLiteral("Group ID"));
    const int aliasType = column(header, QStringLiteral("Alias Type"));
    const int regime = column(header, QStringLiteral("Regime"));
    const int other = column(header, QStringLiteral("Other Information"));
    const int imoColumn = columnContaining(header, QStringLiteral("IMO"));
    const int flagColumn = columnContaining(header, QStringLiteral("Flag"));
    const int callSignColumn = columnContaining(header, QStringLiteral("Call Sign"));
    if (groupType < 0 || groupId < 0 || column(header, QStringLiteral("Name 6")) < 0) {
        out.error = QStringLiteral("the header has no Name 6, Group Type or Group ID column");
        return out;
    }
    // Name 6 is the whole name of an entity or ship; Name 1-5 are a person's parts.
    std::vector<int> nameColumns{column(header, QStringLiteral("Name 6"))};
    for (int n = 1; n <= 5; ++n) {
        nameColumns.push_back(column(header, QStringLiteral("Name %1").arg(n)));
    }
    std::map<QString, ListEntry> ships; // by Group ID, in id order
    for (std::size_t r = 2; r < records.size(); ++r) {
        const QStringList& row = records[r].fields;
        ++report.records;
        if (at(row, groupType).compare(QLatin1String("Ship"), Qt::CaseInsensitive) != 0) {
            ++report.notShips;
            continue;
        }
        const QString id = at(row, groupId);
        QString name = at(row, nameColumns[0]);
        for (std::size_t n = 1; name.isEmpty() && n < nameColumns.size(); ++n) {
            name = at(row, nameColumns[n]);
        }
        if (id.isEmpty() || name.isEmpty()) {
            report.skip(records[r].line, QStringLiteral("a ship row without Group ID or name"));
            continue;
        }
        ListEntry& e = ships[id];
        e.entryId = id;
        const QString alias = at(row, aliasType);
        if (alias.isEmpty() || alias.startsWith(QLatin1String("Primary"), Qt::CaseInsensitive)) {
            e.name = name;
        } else if (alias.contains(QLatin1String("former"), Qt::CaseInsensitive) ||
                   alias.compare(QLatin1String("FKA"), Qt::CaseInsensitive) == 0) {
            e.formerNames << name;
        } else {
            e.aliases << name;
        }
        if (e.program.isEmpty()) {
            e.program = at(row, regime);
        }
        if (!e.imo) {
            e.imo = parseImo(at(row, imoColumn));
        }
        if (!e.imo) {
            const QString info = at(row, other);
            const qsizetype imoAt = info.indexOf(QLatin1String("IMO"), 0, Qt::CaseInsensitive);
            if (imoAt >= 0) {
                e.imo = parseImo(info.mid(imoAt, 24));
            }
        }
        if (e.flagText.isEmpty() && !at(row, flagColumn).isEmpty()) {
            e.flagText = at(row, flagColumn);
            e.flagAlpha2 = flags.alpha2ForCountry(e.flagText);
        }
        if (e.callSign.isEmpty()) {
            e.callSign = at(row, callSignColumn);
        }
    }
    for (auto& [id, e] : ships) {
        if (e.name.isEmpty() && !e.aliases.isEmpty()) {
            e.name = e.aliases.takeFirst();
        }
        out.entries.push_back(std::move(e));
    }
    if (!error.isEmpty()) {
        report.skip(records.back().line, error);
    }
    return out;
}

} // namespace wake::lists::detail
