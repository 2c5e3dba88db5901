#include "core/io/zip_archive.h"

#include <QFile>
#include <QFileInfo>

#include <memory>
#include <zip.h>

namespace wake::io {

struct ZipArchive::Handle
{
    zip_t* zip = nullptr;
    ~Handle()
    {
        if (zip) {
            zip_discard(zip); // opened read-only: nothing to write back
        }
    }
};

namespace {

// One member as a stream. Its compressed position is estimated from the
// share of its bytes read (libzip does not expose the compressed offset).
class ZipMemberSource final : public ByteSource
{
public:
    ZipMemberSource(zip_file_t* file, ZipArchive::Member member)
        : m_file(file), m_member(std::move(member))
    {}
    ~ZipMemberSource() override { zip_fclose(m_file); }
    std::int64_t read(char* buffer, std::size_t capacity) override
    {
        const zip_int64_t n = zip_fread(m_file, buffer, capacity);
        if (n < 0) {
            // A CRC error shows only at the member's end, after its bytes were read.
            const QString where =
                m_read < m_member.size
                    ? QStringLiteral("at byte %1 of %2").arg(m_read).arg(m_member.size)
                    : QStringLiteral("(found at its end)");
            m_error = QStringLiteral("the archive member %1 is damaged %2: %3")
                          .arg(m_member.name, where,
                               QString::fromUtf8(zip_error_strerror(zip_file_get_error(m_file))));
            return -1;
        }
        m_read += n;
        return n;
    }
    QString error() const override { return m_error; }
    std::int64_t compressedPosition() const override
    {
        const double share = m_member.size > 0
                                 ? static_cast<double>(m_read) / static_cast<double>(m_member.size)
                                 : 1.0;
        return m_member.compressedBefore +
               static_cast<std::int64_t>(share * static_cast<double>(m_member.compressedSize));
    }

private:
    zip_file_t* m_file;
    ZipArchive::Member m_member;
    std::int64_t m_read = 0;
    QString m_error;
};

} // namespace

bool ZipArchive::looksLikeZip(const QString& path)
{
    if (path.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive)) {
        return true;
    }
    QFile f(path);
    return f.open(QIODevice::ReadOnly) && f.read(4) == QByteArray("PK\x03\x04", 4);
}

Result<ZipArchive> ZipArchive::open(const QString& path)
{
    int code = 0;
    zip_t* zip = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY, &code);
    if (zip == nullptr) {
        zip_error_t error;
        zip_error_init_with_code(&error, code);
        const QString why = QString::fromUtf8(zip_error_strerror(&error));
        zip_error_fini(&error);
        return Error{Error::Code::Format,
                     QStringLiteral("cannot read the zip archive (%1): a truncated download or "
                                    "not a zip file; nothing was imported from it")
                         .arg(why),
                     path};
    }
    auto handle = std::make_unique<Handle>();
    handle->zip = zip;
    std::vector<Member> members;
    std::int64_t before = 0;
    const zip_int64_t count = zip_get_num_entries(zip, 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(zip, static_cast<zip_uint64_t>(i), 0, &st) != 0) {
            continue;
        }
        const QString name = QString::fromUtf8(st.name);
        if (name.endsWith(QLatin1Char('/'))) {
            continue; // a folder
        }
        Member m;
        m.name = name;
        m.index = static_cast<zip_uint64_t>(i);
        m.size = static_cast<std::int64_t>(st.size);
        m.compressedSize = static_cast<std::int64_t>(st.comp_size);
        m.compressedBefore = before;
        before += m.compressedSize;
        members.push_back(std::move(m));
    }
    return ZipArchive(path, QFileInfo(path).size(), std::move(handle), std::move(members));
}

ZipArchive::ZipArchive(QString path, std::int64_t fileSize, std::unique_ptr<Handle> handle,
                       std::vector<Member> members)
    : m_path(std::move(path)), m_fileSize(fileSize), m_handle(std::move(handle)),
      m_members(std::move(members))
{}

ZipArchive::ZipArchive(ZipArchive&&) noexcept = default;
ZipArchive::~ZipArchive() = default;

namespace {

Result<std::unique_ptr<ByteSource>> openMemberSource(zip_t* zip, const ZipArchive::Member& member,
                                                     const QString& path)
{
    zip_file_t* file = zip_fopen_index(zip, member.index, 0);
    if (file == nullptr) {
        return Error{Error::Code::Format,
                     QStringLiteral("cannot read the archive member %1 (%2)")
                         .arg(member.name, QString::fromUtf8(zip_strerror(zip))),
                     path};
    }
    return std::unique_ptr<ByteSource>(std::make_unique<ZipMemberSource>(file, member));
}

} // namespace

Result<LineReader> ZipArchive::openMember(const Member& member, std::size_t maxLineBytes) const
{
    auto source = openMemberSource(m_handle->zip, member, m_path);
    if (!source) {
        return source.error();
    }
    return LineReader(std::move(source).value(), m_path + QLatin1Char(':') + member.name,
                      m_fileSize, maxLineBytes);
}

Status ZipArchive::verifyMember(const Member& member) const
{
    auto source = openMemberSource(m_handle->zip, member, m_path);
    if (!source) {
        return source.error();
    }
    // Read to check the CRC and thrown away: no need to clear it first.
    constexpr std::size_t kBytes = 1 << 20;
    const auto buffer = std::make_unique_for_overwrite<char[]>(kBytes);
    for (;;) {
        const std::int64_t n = (*source)->read(buffer.get(), kBytes);
        if (n == 0) {
            return {};
        }
        if (n < 0) {
            return Error{Error::Code::Format,
                         (*source)->error() +
                             QStringLiteral("; nothing of the archive was imported"),
                         m_path + QLatin1Char(':') + member.name};
        }
    }
}

} // namespace wake::io
