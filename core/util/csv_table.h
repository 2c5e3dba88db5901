#pragma once

// A whole small CSV file in memory (reference tables of a few thousand rows).
// Large inputs (AIS CSV) are streamed with CsvReader instead.

#include "core/util/csv_reader.h"
#include "core/util/result.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace wake {

struct CsvTable
{
    CsvHeader header;
    std::vector<QStringList> rows;

    // The named column of a row, or an empty string when the row is short.
    QString value(const QStringList& row, int column) const
    {
        return column >= 0 && column < row.size() ? row.at(column) : QString();
    }
};

// Reads a CSV file (or ":/" resource) whose first record is the header.
// Fails when the file cannot be opened or a required column is missing.
Result<CsvTable> readCsvTable(const QString& path, const QStringList& requiredColumns);

} // namespace wake
