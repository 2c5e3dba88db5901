#pragma once

// A small RFC 4180 CSV reader: comma-separated, fields optionally quoted with
// '"', doubled quotes inside quoted fields, CRLF or LF line ends, quoted
// fields may span lines. A UTF-8 byte order mark at the start is skipped.
// Tolerance: a stray quote inside an unquoted field is kept as text (as real
// exports contain them); an unterminated quoted field ends at end of input and
// is reported through hadError(). Record size is bounded so a file without
// line ends cannot exhaust memory.

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace wake {

class CsvReader
{
public:
    static constexpr qsizetype kMaxRecordBytes = 1 << 20;

    explicit CsvReader(QIODevice* device);

    // Reads the next record into fields. Returns false at end of input.
    bool readRecord(QStringList& fields);

    // Physical line number (1-based) where the last record returned started.
    std::int64_t lineNumber() const { return m_recordLine; }
    bool hadError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }

private:
    bool fill();

    QIODevice* m_device;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    std::int64_t m_line = 1;
    std::int64_t m_recordLine = 0;
    bool m_atStart = true;
    QString m_error;
};

// Index of each header name, for reading rows by column name.
class CsvHeader
{
public:
    CsvHeader() = default;
    explicit CsvHeader(const QStringList& names) : m_names(names) {}
    int indexOf(const QString& name) const { return static_cast<int>(m_names.indexOf(name)); }
    const QStringList& names() const { return m_names; }

private:
    QStringList m_names;
};

} // namespace wake
