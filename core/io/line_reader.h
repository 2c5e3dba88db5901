#pragma once

// Reads a file (or standard input, a gzip file, a zip member: see
// byte_source.h) line by line in large blocks, in constant memory, without
// copying lines that fit in the block. A line
// longer than maxLineBytes is returned cut to maxLineBytes + 1 bytes (so the
// caller can tell it was too long) and the rest of it is skipped.
// The last line may lack its line end. Lines keep no '\n'; a '\r' before it
// is left for the caller (NMEA parsing strips it).

#include "core/io/byte_source.h"
#include "core/util/result.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace wake::io {

class LineReader
{
public:
    static constexpr std::size_t kBlockBytes = 1 << 20;

    // "-" reads standard input; a file that starts with gzip's magic bytes
    // is read through zlib.
    static Result<LineReader> open(const QString& path, std::size_t maxLineBytes = 4096);
    // Any source; sizeBytes is the total that bytesRead() counts towards.
    LineReader(std::unique_ptr<ByteSource> source, QString path, std::int64_t sizeBytes,
               std::size_t maxLineBytes);

    LineReader(LineReader&& other) noexcept;
    LineReader& operator=(LineReader&&) = delete;
    LineReader(const LineReader&) = delete;
    ~LineReader();

    // Next line, or false at the end of input (or a read error: see error()).
    bool next(std::string_view& line);
    // Back to the first line, while everything read is still in the first
    // block: so the format of standard input or a pipe can be told from its
    // first lines and the same lines then imported. False once past it.
    bool rewind();

    // Size of the file in bytes (0 when unknown, e.g. a pipe) and bytes read
    // so far: of the compressed file for a compressed source.
    std::int64_t sizeBytes() const { return m_sizeBytes; }
    std::int64_t bytesRead() const;
    const QString& error() const { return m_error; }
    const QString& path() const { return m_path; }

private:
    bool refill();

    std::unique_ptr<ByteSource> m_source;
    QString m_path;
    std::int64_t m_sizeBytes = 0;
    std::int64_t m_bytesConsumed = 0;
    std::size_t m_maxLineBytes;
    // Not cleared when allocated: only what a read filled is looked at, and
    // a reader of many small inputs (zip members, a fuzzer) should not pay
    // for clearing a megabyte each time.
    std::unique_ptr<char[]> m_buffer;
    std::size_t m_begin = 0; // first unconsumed byte
    std::size_t m_end = 0;   // one past the last valid byte
    bool m_eof = false;
    int m_blocksRead = 0; // refills that brought data
    std::size_t m_firstBlockEnd = 0;
    std::string m_long; // holds a line that crosses a block boundary
    QString m_error;
};

} // namespace wake::io
