#include "core/io/line_reader.h"

#include <cstring>

namespace wake::io {

Result<LineReader> LineReader::open(const QString& path, std::size_t maxLineBytes)
{
    QString error;
    OpenedSource opened = openFileSource(path, error);
    if (!opened.source) {
        return Error{Error::Code::Io, error, path};
    }
    return LineReader(std::move(opened.source),
                      path == QLatin1String("-") ? QStringLiteral("standard input") : path,
                      opened.sizeBytes, maxLineBytes);
}

LineReader::LineReader(std::unique_ptr<ByteSource> source, QString path, std::int64_t sizeBytes,
                       std::size_t maxLineBytes)
    : m_source(std::move(source)), m_path(std::move(path)), m_sizeBytes(sizeBytes),
      m_maxLineBytes(maxLineBytes), m_buffer(std::make_unique_for_overwrite<char[]>(kBlockBytes))
{}

LineReader::LineReader(LineReader&& other) noexcept
    : m_source(std::move(other.m_source)), m_path(std::move(other.m_path)),
      m_sizeBytes(other.m_sizeBytes), m_bytesConsumed(other.m_bytesConsumed),
      m_maxLineBytes(other.m_maxLineBytes), m_buffer(std::move(other.m_buffer)),
      m_begin(other.m_begin), m_end(other.m_end), m_eof(other.m_eof),
      m_blocksRead(other.m_blocksRead), m_firstBlockEnd(other.m_firstBlockEnd),
      m_long(std::move(other.m_long)), m_error(std::move(other.m_error))
{}

LineReader::~LineReader() = default;

std::int64_t LineReader::bytesRead() const
{
    const std::int64_t compressed = m_source ? m_source->compressedPosition() : -1;
    return compressed >= 0 ? compressed : m_bytesConsumed;
}

bool LineReader::refill()
{
    if (m_eof || !m_source) {
        return false;
    }
    m_begin = 0;
    const std::int64_t n = m_source->read(m_buffer.get(), kBlockBytes);
    if (n <= 0) {
        if (n < 0) {
            m_error = m_source->error();
        }
        m_eof = true;
        m_end = 0;
        return false;
    }
    m_end = static_cast<std::size_t>(n);
    if (++m_blocksRead == 1) {
        m_firstBlockEnd = m_end;
    }
    return true;
}

bool LineReader::rewind()
{
    if (m_blocksRead > 1) {
        return false;
    }
    m_begin = 0;
    m_end = m_firstBlockEnd;
    m_bytesConsumed = 0;
    m_long.clear();
    return true;
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
        const char* start = m_buffer.get() + m_begin;
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
