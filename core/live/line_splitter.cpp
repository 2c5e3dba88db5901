#include "core/live/line_splitter.h"

#include <algorithm>
#include <cstring>

namespace wake::live {

namespace {

std::string_view withoutCarriageReturn(const char* begin, qsizetype size)
{
    while (size > 0 && (begin[size - 1] == '\r' || begin[size - 1] == '\n')) {
        --size;
    }
    return {begin, static_cast<std::size_t>(size)};
}

} // namespace

void LineSplitter::takeLongLine(const LineHandler& onLine)
{
    onLine(std::string_view(m_partial.constData(), static_cast<std::size_t>(m_partial.size())));
    m_partial.clear();
    m_skipping = true;
}

void LineSplitter::feed(const char* data, qsizetype size, const LineHandler& onLine)
{
    const char* end = data + size;
    const char* p = data;
    while (p < end) {
        const void* found = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
        const char* newline = static_cast<const char*>(found);
        const char* pieceEnd = found ? newline : end;
        if (m_skipping) {
            m_droppedBytes += pieceEnd - p;
        } else if (found && m_partial.isEmpty() && newline - p <= kMaxPendingBytes) {
            const std::string_view line = withoutCarriageReturn(p, newline - p);
            if (!line.empty()) {
                onLine(line);
            }
        } else {
            // Never more than one byte past the limit is kept.
            const qsizetype room = kMaxPendingBytes + 1 - m_partial.size();
            const qsizetype take = std::min<qsizetype>(room, pieceEnd - p);
            m_partial.append(p, take);
            m_droppedBytes += (pieceEnd - p) - take;
            if (m_partial.size() > kMaxPendingBytes) {
                takeLongLine(onLine);
            } else if (found) {
                const std::string_view line =
                    withoutCarriageReturn(m_partial.constData(), m_partial.size());
                if (!line.empty()) {
                    onLine(line);
                }
                m_partial.clear();
            }
        }
        if (!found) {
            return;
        }
        m_skipping = false; // the end of the over-long line: the next one is read
        p = newline + 1;
    }
}

void LineSplitter::flush(const LineHandler& onLine)
{
    if (m_partial.isEmpty()) {
        return;
    }
    const std::string_view line = withoutCarriageReturn(m_partial.constData(), m_partial.size());
    if (!line.empty()) {
        onLine(line);
    }
    m_partial.clear();
}

} // namespace wake::live
