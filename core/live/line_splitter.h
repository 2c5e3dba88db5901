#pragma once

// Cuts a byte stream into lines. Bytes arrive in pieces of any size; a line
// is complete at '\n' ('\r' before it is dropped). A line that grows past
// kMaxPendingBytes without an end is handed on as it is (the decoder rejects
// it as too long) so a sender that never ends a line cannot fill memory.

#include <QByteArray>

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

private:
    QByteArray m_partial;
};

} // namespace wake::live
