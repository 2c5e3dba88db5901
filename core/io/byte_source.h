#pragma once

// Where a LineReader's bytes come from: a plain file or standard input, a
// gzip file (zlib), or one member of a zip archive (libzip). Compressed
// sources report their position in the compressed bytes, so progress and
// the time left follow what is read from the disk.

#include <QString>

#include <cstddef>
#include <cstdint>
#include <memory>

namespace wake::io {

class ByteSource
{
public:
    virtual ~ByteSource() = default;
    // Up to `capacity` bytes into `buffer`; 0 at the end; -1 on an error (see error()).
    virtual std::int64_t read(char* buffer, std::size_t capacity) = 0;
    virtual QString error() const = 0;
    // Where in the compressed input reading is; -1 for plain sources, whose
    // position is the bytes the reader consumed.
    virtual std::int64_t compressedPosition() const { return -1; }
};

// A plain file ("-": standard input) or, when it starts with gzip's magic
// bytes, the file through zlib. sizeBytes gets the file's size on disk (0
// for a pipe).
struct OpenedSource
{
    std::unique_ptr<ByteSource> source;
    std::int64_t sizeBytes = 0;
    bool gzip = false;
};
// Returns the source, or an empty source and the message in `error`.
OpenedSource openFileSource(const QString& path, QString& error);
// A file on disk that can be opened again (not "-", a FIFO or a device).
bool isRegularFile(const QString& path);

} // namespace wake::io
