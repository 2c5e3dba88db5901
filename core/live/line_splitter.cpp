#include "live/line_splitter.h"

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

void LineSplitter::feed(const char* data, qsizetype size, const LineHandler& onLine)
{
    const char* end = data + size;
    const char* p = data;
    while (p < end) {
        const void* found = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
        if (!found) {
            m_partial.append(p, end - p);
            if (m_partial.size() > kMaxPendingBytes) {
                flush(onLine);
            }
            return;
        }
        const char* newline = static_cast<const char*>(found);
        if (m_partial.isEmpty()) {
            const std::string_view line = withoutCarriageReturn(p, newline - p);
            if (!line.empty()) {
                onLine(line);
            }
        } else {
            m_partial.append(p, newline - p);
            const std::string_view line =
                withoutCarriageReturn(m_partial.constData(), m_partial.size());
            if (!line.empty()) {
                onLine(line);
            }
            m_partial.clear();
        }
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
