#include "io/line_reader.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>

namespace wake::io {

Result<LineReader> LineReader::open(const QString& path, std::size_t maxLineBytes)
{
    if (path == QLatin1String("-")) {
        return LineReader(stdin, false, QStringLiteral("standard input"), 0, maxLineBytes);
    }
    const QFileInfo info(path);
    if (info.isDir()) {
        return Error{Error::Code::Io, QStringLiteral("is a folder, not a file"), path};
    }
    std::FILE* file = std::fopen(QFile::encodeName(path).constData(), "rb");
    if (!file) {
        return Error{
            Error::Code::Io,
            QStringLiteral("cannot open: %1").arg(QString::fromLocal8Bit(std::strerror(errno))),
            path};
    }
    return LineReader(file, true, path, info.size(), maxLineBytes);
}

LineReader::LineReader(std::FILE* file, bool ownsFile, QString path, std::int64_t sizeBytes,
                       std::size_t maxLineBytes)
    : m_file(file), m_ownsFile(ownsFile), m_path(std::move(path)), m_sizeBytes(sizeBytes),
      m_maxLineBytes(maxLineBytes), m_buffer(kBlockBytes)
{}

LineReader::LineReader(LineReader&& other) noexcept
    : m_file(other.m_file), m_ownsFile(other.m_ownsFile), m_path(std::move(other.m_path)),
      m_sizeBytes(other.m_sizeBytes), m_bytesConsumed(other.m_bytesConsumed),
      m_maxLineBytes(other.m_maxLineBytes), m_buffer(std::move(other.m_buffer)),
      m_begin(other.m_begin), m_end(other.m_end), m_eof(other.m_eof),
      m_long(std::move(other.m_long)), m_error(std::move(other.m_error))
{
    other.m_file = nullptr;
    other.m_ownsFile = false;
}

LineReader::~LineReader()
{
    if (m_ownsFile && m_file) {
        std::fclose(m_file);
    }
}

bool LineReader::refill()
{
    if (m_eof || !m_file) {
        return false;
    }
    m_begin = 0;
    m_end = std::fread(m_buffer.data(), 1, m_buffer.size(), m_file);
    if (m_end < m_buffer.size()) {
        if (std::ferror(m_file)) {
            m_error =
                QStringLiteral("read error: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        }
        m_eof = true;
    }
    return m_end > 0;
}

bool LineReader::next(std::string_view& line)
{
    m_long.clear();
    bool truncated = false;
    for (;;) {
        if (m_begin == m_end && !refill()) {
            // End of input: a last line without its line end.
            if (m_long.empty()) {
                return false;
            }
            line = m_long;
            return true;
        }
        const char* start = m_buffer.data() + m_begin;
        const std::size_t available = m_end - m_begin;
        const void* nl = std::memchr(start, '\n', available);
        const std::size_t length =
            nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - start) : available;
        const std::size_t consumed = nl ? length + 1 : length;
        m_begin += consumed;
        m_bytesConsumed += static_cast<std::int64_t>(consumed);
        if (nl && m_long.empty() && !truncated) {
            line = std::string_view(start, std::min(length, m_maxLineBytes + 1));
            return true;
        }
        // The line crosses a block boundary (or is too long): gather it, up to the cap.
        const std::size_t room = m_maxLineBytes + 1 - std::min(m_long.size(), m_maxLineBytes + 1);
        m_long.append(start, std::min(length, room));
        truncated = truncated || length > room;
        if (nl) {
            line = m_long;
            return true;
        }
    }
}

} // namespace wake::io
