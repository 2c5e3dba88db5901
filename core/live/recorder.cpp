#include "core/live/recorder.h"

#include <QDateTime>
#include <QDir>

namespace wake::live {

namespace {
constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;
}

Recorder::Recorder(QString folder) : m_folder(std::move(folder)) {}

Recorder::~Recorder()
{
    flush();
}

QString Recorder::fileNameFor(std::int64_t utcMs)
{
    return QStringLiteral("wake-live-%1.nmea")
        .arg(QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd")));
}

bool Recorder::openFor(std::int64_t utcMs)
{
    m_file.close();
    if (!QDir().mkpath(m_folder)) {
        m_lastError = QStringLiteral("cannot create the recording folder %1").arg(m_folder);
        return false;
    }
    m_file.setFileName(QDir(m_folder).filePath(fileNameFor(utcMs)));
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        m_lastError =
            QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString());
        return false;
    }
    m_dayStartUtcMs = utcMs - utcMs % kDayMs;
    m_dayEndUtcMs = m_dayStartUtcMs + kDayMs;
    return true;
}

void Recorder::write(std::string_view stampedLine, std::int64_t receiveUtcMs)
{
    if (!m_file.isOpen() || receiveUtcMs >= m_dayEndUtcMs || receiveUtcMs < m_dayStartUtcMs) {
        if (!openFor(receiveUtcMs)) {
            ++m_errors;
            return;
        }
    }
    const qint64 size = static_cast<qint64>(stampedLine.size());
    if (m_file.write(stampedLine.data(), size) != size || m_file.write("\n", 1) != 1) {
        ++m_errors;
        m_lastError =
            QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString());
        m_file.close(); // opened again, and the error counted again, at the next line
        return;
    }
    ++m_lines;
}

void Recorder::flush()
{
    if (m_file.isOpen() && !m_file.flush()) {
        ++m_errors;
        m_lastError =
            QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString());
    }
}

} // namespace wake::live
