#include "core/io/byte_source.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

namespace wake::io {

namespace {

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

class FileSource final : public ByteSource
{
public:
    FileSource(std::FILE* file, bool owns) : m_file(file), m_owns(owns) {}
    ~FileSource() override
    {
        if (m_owns && m_file) {
            std::fclose(m_file);
        }
    }
    std::int64_t read(char* buffer, std::size_t capacity) override
    {
        const std::size_t n = std::fread(buffer, 1, capacity, m_file);
        if (n < capacity && std::ferror(m_file)) {
            m_error = QStringLiteral("read error: %1").arg(systemError());
            return -1;
        }
        return static_cast<std::int64_t>(n);
    }
    QString error() const override { return m_error; }

private:
    std::FILE* m_file;
    bool m_owns;
    QString m_error;
};

// gzip through zlib's gzFile: streamed, with the offset in the compressed file.
class GzipSource final : public ByteSource
{
public:
    explicit GzipSource(gzFile file) : m_file(file) {}
    ~GzipSource() override { gzclose(m_file); }
    std::int64_t read(char* buffer, std::size_t capacity) override
    {
        const int n = gzread(m_file, buffer, static_cast<unsigned>(capacity));
        if (n < 0) {
            int code = 0;
            m_error = QStringLiteral("the gzip data is damaged at compressed byte %1 (%2)")
                          .arg(gzoffset(m_file))
                          .arg(QString::fromLatin1(gzerror(m_file, &code)));
            return -1;
        }
        if (n == 0 && !gzeof(m_file)) {
            m_error = QStringLiteral("the gzip file ends early, at compressed byte %1")
                          .arg(gzoffset(m_file));
            return -1;
        }
        // zlib reads a truncated stream to its end without an error: a
        // stream that ends without its trailer is cut off.
        if (n == 0) {
            int code = 0;
            const char* message = gzerror(m_file, &code);
            if (code != Z_OK && code != Z_STREAM_END) {
                m_error = QStringLiteral("the gzip file is damaged at compressed byte %1 (%2)")
                              .arg(gzoffset(m_file))
                              .arg(QString::fromLatin1(message));
                return -1;
            }
        }
        return n;
    }
    QString error() const override { return m_error; }
    std::int64_t compressedPosition() const override { return gzoffset(m_file); }

private:
    gzFile m_file;
    QString m_error;
};

bool startsWithGzipMagic(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return false;
    }
    const QByteArray head = f.read(2);
    return head.size() == 2 && static_cast<unsigned char>(head[0]) == 0x1f &&
           static_cast<unsigned char>(head[1]) == 0x8b;
}

} // namespace

bool isRegularFile(const QString& path)
{
    struct stat st
    {};
    return path != QLatin1String("-") && ::stat(QFile::encodeName(path).constData(), &st) == 0 &&
           S_ISREG(st.st_mode);
}

OpenedSource openFileSource(const QString& path, QString& error)
{
    // Standard input, a FIFO, <(...) or a device is read once, from its
    // start, through zlib (which passes plain data through as it is): it
    // cannot be opened again to look at its first bytes.
    if (path == QLatin1String("-")) {
        const int fd = ::dup(::fileno(stdin));
        gzFile gz = fd < 0 ? nullptr : gzdopen(fd, "rb");
        if (gz == nullptr) {
            error = QStringLiteral("cannot read standard input: %1").arg(systemError());
            return {};
        }
        gzbuffer(gz, 1 << 17);
        return {std::make_unique<GzipSource>(gz), 0, false};
    }
    const QFileInfo info(path);
    if (info.isDir()) {
        error = QStringLiteral("is a folder, not a file");
        return {};
    }
    if (!isRegularFile(path) && info.exists()) {
        gzFile gz = gzopen(QFile::encodeName(path).constData(), "rb");
        if (gz == nullptr) {
            error = QStringLiteral("cannot open: %1").arg(systemError());
            return {};
        }
        gzbuffer(gz, 1 << 17);
        return {std::make_unique<GzipSource>(gz), 0, false};
    }
    if (startsWithGzipMagic(path)) {
        gzFile gz = gzopen(QFile::encodeName(path).constData(), "rb");
        if (gz == nullptr) {
            error = QStringLiteral("cannot open: %1").arg(systemError());
            return {};
        }
        gzbuffer(gz, 1 << 17);
        return {std::make_unique<GzipSource>(gz), info.size(), true};
    }
    std::FILE* file = std::fopen(QFile::encodeName(path).constData(), "rb");
    if (!file) {
        error = QStringLiteral("cannot open: %1").arg(systemError());
        return {};
    }
    return {std::make_unique<FileSource>(file, true), info.size(), false};
}

} // namespace wake::io
