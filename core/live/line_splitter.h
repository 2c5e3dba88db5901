#pragma once

// Cuts a byte stream into lines. Bytes arrive in pieces of any size; a line
// is complete at '\n' ('\r' before it is dropped). A line that grows past
// kMaxPendingBytes is handed on once, cut to kMaxPendingBytes + 1 bytes (the
// decoder rejects it as too long, the recorder writes a marker), and the rest
// of it is dropped up to its end: a sender that never ends a line costs
// neither memory nor disk.

#include <QByteArray>

#include <cstdint>
#include <functional>
#include <string_view>

namespace wake::live {

class LineSplitter
{
public:
    static constexpr qsizetype kMaxPendingBytes = 4096;
    using LineHandler = std::function<void(std::string_view line)>;

    void feed(const char* data, qsizetype size, const LineHandler& onLine);
    // The stream ended: a last line without its end is still a line.
    void flush(const LineHandler& onLine);
    bool hasPartialLine() const { return !m_partial.isEmpty(); }
    // Bytes of over-long lines dropped so far.
    std::int64_t droppedBytes() const { return m_droppedBytes; }

private:
    void takeLongLine(const LineHandler& onLine);

    QByteArray m_partial;
    bool m_skipping = false; // inside an over-long line, until its end
    std::int64_t m_droppedBytes = 0;
};

} // namespace wake::live
