#include "core/util/csv_table.h"

#include <QFile>

namespace wake {

Result<CsvTable> readCsvTable(const QString& path, const QStringList& requiredColumns)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{Error::Code::Io, QStringLiteral("cannot open: %1").arg(file.errorString()),
                     path};
    }
    CsvReader reader(&file);
    QStringList fields;
    if (!reader.readRecord(fields)) {
        return Error{Error::Code::Format, QStringLiteral("empty file, no header"), path};
    }
    CsvTable table;
    table.header = CsvHeader(fields);
    for (const QString& column : requiredColumns) {
        if (table.header.indexOf(column) < 0) {
            return Error{Error::Code::Format,
                         QStringLiteral("missing column \"%1\" in the header").arg(column), path};
        }
    }
    while (reader.readRecord(fields)) {
        if (fields.size() == 1 && fields.front().isEmpty()) {
            continue; // blank line
        }
        table.rows.push_back(fields);
    }
    if (reader.hadError()) {
        return Error{Error::Code::Format, reader.errorString(), path};
    }
    return table;
}

} // namespace wake
