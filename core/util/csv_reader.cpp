#include "core/util/csv_reader.h"

namespace wake {

namespace {
constexpr qsizetype kChunkBytes = 64 * 1024;
}

CsvReader::CsvReader(QIODevice* device) : m_device(device) {}

bool CsvReader::fill()
{
    if (m_device == nullptr || m_device->atEnd()) {
        return false;
    }
    if (m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    const QByteArray chunk = m_device->read(kChunkBytes);
    if (chunk.isEmpty()) {
        return false;
    }
    m_buffer.append(chunk);
    if (m_atStart) {
        m_atStart = false;
        if (m_buffer.startsWith("\xEF\xBB\xBF")) {
            m_buffer.remove(0, 3);
        }
    }
    return true;
}

bool CsvReader::readRecord(QStringList& fields)
{
    fields.clear();
    if (m_pos >= m_buffer.size() && !fill()) {
        return false;
    }
    m_recordLine = m_line;
    QByteArray field;
    bool inQuotes = false;
    bool wasQuoted = false;
    qsizetype recordBytes = 0;
    for (;;) {
        if (m_pos >= m_buffer.size() && !fill()) {
            if (inQuotes) {
                m_error = QStringLiteral("line %1: quoted field not closed before end of file")
                              .arg(m_recordLine);
            }
            fields.append(QString::fromUtf8(field));
            return true;
        }
        const char c = m_buffer.at(m_pos++);
        if (++recordBytes > kMaxRecordBytes) {
            m_error = QStringLiteral("line %1: record longer than %2 bytes")
                          .arg(m_recordLine)
                          .arg(kMaxRecordBytes);
            // Skip to the end of the physical line so reading can go on.
            inQuotes = false;
        }
        if (inQuotes) {
            if (c == '"') {
                if (m_pos >= m_buffer.size()) {
                    fill();
                }
                if (m_pos < m_buffer.size() && m_buffer.at(m_pos) == '"') {
                    field.append('"');
                    ++m_pos;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == '\n') {
                    ++m_line;
                }
                field.append(c);
            }
            continue;
        }
        switch (c) {
        case ',':
            fields.append(QString::fromUtf8(field));
            field.clear();
            wasQuoted = false;
            break;
        case '\r':
            break;
        case '\n':
            ++m_line;
            if (recordBytes <= kMaxRecordBytes) {
                fields.append(QString::fromUtf8(field));
                return true;
            }
            fields.clear();
            fields.append(QString());
            return true;
        case '"':
            if (field.isEmpty() && !wasQuoted) {
                inQuotes = true;
                wasQuoted = true;
            } else {
                field.append(c);
            }
            break;
        default:
            if (recordBytes <= kMaxRecordBytes) {
                field.append(c);
            }
        }
    }
}

} // namespace wake
