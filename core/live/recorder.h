#pragma once

// Keeps every line a live session receives, stamped (ais/tag_stamp.h), in
// one file a day under a folder: wake-live-YYYY-MM-DD.nmea, by the UTC date
// the line arrived. The files are plain NMEA that `wake import` reads back
// to the same tracks. Write errors (a full disk) are counted and reported,
// never fatal: the store keeps receiving.

#include <QFile>
#include <QString>

#include <cstdint>
#include <string_view>

namespace wake::live {

class Recorder
{
public:
    explicit Recorder(QString folder);
    ~Recorder();

    void write(std::string_view stampedLine, std::int64_t receiveUtcMs);
    void flush();

    const QString& folder() const { return m_folder; }
    QString currentFile() const { return m_file.fileName(); }
    std::int64_t linesWritten() const { return m_lines; }
    std::int64_t errors() const { return m_errors; }
    const QString& lastError() const { return m_lastError; }

    static QString fileNameFor(std::int64_t utcMs);

private:
    bool openFor(std::int64_t utcMs);

    QString m_folder;
    QFile m_file;
    std::int64_t m_dayStartUtcMs = 0;
    std::int64_t m_dayEndUtcMs = 0;
    std::int64_t m_lines = 0;
    std::int64_t m_errors = 0;
    QString m_lastError;
};

} // namespace wake::live
