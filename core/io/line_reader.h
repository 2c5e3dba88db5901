#pragma once

// Reads a file (or standard input) line by line in large blocks, in constant
// memory, without Qt and without copying lines that fit in the block. A line
// longer than maxLineBytes is returned cut to maxLineBytes + 1 bytes (so the
// caller can tell it was too long) and the rest of it is skipped.
// The last line may lack its line end. Lines keep no '\n'; a '\r' before it
// is left for the caller (NMEA parsing strips it).

#include "util/result.h"

#include <QString>

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace wake::io {

class LineReader
{
public:
    static constexpr std::size_t kBlockBytes = 1 << 20;

    // "-" reads standard input.
    static Result<LineReader> open(const QString& path, std::size_t maxLineBytes = 4096);

    LineReader(LineReader&& other) noexcept;
    LineReader& operator=(LineReader&&) = delete;
    LineReader(const LineReader&) = delete;
    ~LineReader();

    // Next line, or false at the end of input (or a read error: see error()).
    bool next(std::string_view& line);

    // Size of the file in bytes (0 when unknown, e.g. a pipe) and bytes consumed so far.
    std::int64_t sizeBytes() const { return m_sizeBytes; }
    std::int64_t bytesRead() const { return m_bytesConsumed; }
    const QString& error() const { return m_error; }
    const QString& path() const { return m_path; }

private:
    LineReader(std::FILE* file, bool ownsFile, QString path, std::int64_t sizeBytes,
               std::size_t maxLineBytes);
    bool refill();

    std::FILE* m_file = nullptr;
    bool m_ownsFile = false;
    QString m_path;
    std::int64_t m_sizeBytes = 0;
    std::int64_t m_bytesConsumed = 0;
    std::size_t m_maxLineBytes;
    std::vector<char> m_buffer;
    std::size_t m_begin = 0; // first unconsumed byte
    std::size_t m_end = 0;   // one past the last valid byte
    bool m_eof = false;
    std::string m_long; // holds a line that crosses a block boundary
    QString m_error;
};

} // namespace wake::io
