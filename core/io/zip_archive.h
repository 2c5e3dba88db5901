#pragma once

// A zip archive's members, read one after the other as streams (libzip).
// MarineCadastre and the Danish Maritime Authority ship their daily files as
// zips of one CSV; an archive may hold several files, and folders or other
// files beside them.

#include "core/io/line_reader.h"
#include "core/util/result.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace wake::io {

class ZipArchive
{
public:
    struct Member
    {
        QString name;
        std::uint64_t index = 0;
        std::int64_t size = 0; // uncompressed
        std::int64_t compressedSize = 0;
        std::int64_t compressedBefore = 0; // of the members before it, for progress
    };

    // An archive whose central directory cannot be read (a truncated
    // download, another kind of file) is an error naming the file.
    static Result<ZipArchive> open(const QString& path);
    static bool looksLikeZip(const QString& path); // by name or by its first bytes

    ZipArchive(ZipArchive&&) noexcept;
    ZipArchive& operator=(ZipArchive&&) = delete;
    ~ZipArchive();

    const QString& path() const { return m_path; }
    std::int64_t fileSize() const { return m_fileSize; }
    // Files only, in the archive's order (folders left out).
    const std::vector<Member>& members() const { return m_members; }
    // A reader over one member; its progress counts the whole archive's
    // compressed bytes. A damaged member ends with an error that names it
    // and the offset reached.
    Result<LineReader> openMember(const Member& member, std::size_t maxLineBytes) const;
    // Reads the member to its end, where libzip checks its CRC: an error
    // names the member. Done before importing, so a member that turns out
    // damaged at its end has not committed its rows.
    Status verifyMember(const Member& member) const;

private:
    struct Handle;
    ZipArchive(QString path, std::int64_t fileSize, std::unique_ptr<Handle> handle,
               std::vector<Member> members);

    QString m_path;
    std::int64_t m_fileSize = 0;
    std::unique_ptr<Handle> m_handle;
    std::vector<Member> m_members;
};

} // namespace wake::io
