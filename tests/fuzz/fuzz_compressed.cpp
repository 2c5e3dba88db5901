// libFuzzer target for reading compressed input as the importer does: the
// bytes as a file, read as a zip archive (each member checked to its CRC,
// then read line by line) or as a plain or gzip file, line by line. Any
// damage must end in an error, never a crash or a line past its limit.

#include "core/io/line_reader.h"
#include "core/io/zip_archive.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <cstddef>
#include <cstdint>
#include <unistd.h>

namespace {

QString scratchFile()
{
    // Under $TMPDIR (TMPDIR=/dev/shm keeps a long run off the disk: each
    // input is a truncate and a write).
    static const QString path =
        QDir::tempPath() + QStringLiteral("/wake-fuzz-compressed-%1").arg(::getpid());
    return path;
}

void readAll(wake::io::LineReader& reader, std::size_t maxLineBytes)
{
    std::string_view line;
    while (reader.next(line)) {
        if (line.size() > maxLineBytes + 1) {
            __builtin_trap();
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    constexpr std::size_t kMaxLine = 4096;
    {
        QFile file(scratchFile());
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            return 0;
        }
        file.write(reinterpret_cast<const char*>(data), static_cast<qint64>(size));
    }
    if (size >= 4 && data[0] == 'P' && data[1] == 'K') {
        auto archive = wake::io::ZipArchive::open(scratchFile());
        if (archive) {
            for (const auto& member : archive->members()) {
                if (!archive->verifyMember(member)) {
                    continue;
                }
                if (auto reader = archive->openMember(member, kMaxLine)) {
                    readAll(*reader, kMaxLine);
                }
            }
        }
        return 0;
    }
    if (auto reader = wake::io::LineReader::open(scratchFile(), kMaxLine)) {
        readAll(*reader, kMaxLine);
        (void)reader->rewind();
    }
    return 0;
}
