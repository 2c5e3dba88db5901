#include "core/lists/list_reader.h"

#include "core/lists/list_formats.h"
#include "core/lists/list_text.h"
#include "core/util/csv_reader.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace wake::lists {

namespace {

// A list file is read whole; the largest real one (OFAC's sdn.xml) is ~20 MB.
constexpr qint64 kMaxListBytes = 512LL * 1024 * 1024;

QString defaultName(ListFormat format, const QString& origin)
{
    switch (format) {
    case ListFormat::OfacSdnCsv:
    case ListFormat::OfacSdnXml:
        return QStringLiteral("OFAC SDN");
    case ListFormat::UkConsolidatedCsv:
        return QStringLiteral("UK consolidated");
    case ListFormat::OpenSanctionsJson:
        return QStringLiteral("OpenSanctions");
    case ListFormat::UserCsv:
        break;
    }
    return QFileInfo(origin).completeBaseName();
}

} // namespace

void ListReadReport::skip(std::int64_t where, const QString& why)
{
    ++skipped;
    if (problems.size() < kMaxProblems) {
        problems << (where > 0 ? QStringLiteral("line %1: %2").arg(where).arg(why) : why);
    }
}

std::optional<ListFormat> detectListFormat(const QByteArray& head)
{
    QByteArray start = head.left(64 * 1024);
    if (start.startsWith("\xEF\xBB\xBF")) {
        start.remove(0, 3);
    }
    const QByteArray trimmed = start.trimmed();
    if (trimmed.startsWith('<')) {
        return trimmed.contains("sdnList") || trimmed.contains("sdnEntry")
                   ? std::optional(ListFormat::OfacSdnXml)
                   : std::nullopt;
    }
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        return ListFormat::OpenSanctionsJson;
    }
    if (trimmed.startsWith("Last Updated")) {
        return ListFormat::UkConsolidatedCsv;
    }
    QString error;
    // Whole lines only: the head may end inside a record.
    const qsizetype lastLine = start.lastIndexOf('\n');
    const auto records =
        detail::csvRecords(decodeListText(lastLine > 0 ? start.left(lastLine + 1) : start), &error);
    if (records.empty()) {
        return std::nullopt;
    }
    const QStringList& first = records.front().fields;
    bool numbered = false;
    first.value(0).trimmed().toLongLong(&numbered);
    if (numbered && first.size() == 12) {
        return ListFormat::OfacSdnCsv;
    }
    if (detail::isUserListHeader(first)) {
        return ListFormat::UserCsv;
    }
    return std::nullopt;
}

Result<WatchList> readListFile(const QString& path, const ListReadOptions& options,
                               const reference::FlagStates& flags, ListReadReport* report)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{Error::Code::Io, file.errorString(), path};
    }
    if (file.size() > kMaxListBytes) {
        return Error{Error::Code::Format,
                     QStringLiteral("%1 MB, more than any sanctions list Wake reads (%2 MB)")
                         .arg(file.size() >> 20)
                         .arg(kMaxListBytes >> 20),
                     path};
    }
    ListReadOptions withChange = options;
    withChange.fileChanged = QFileInfo(file).lastModified().toUTC().date();
    return readListData(file.readAll(), path, withChange, flags, report);
}

Result<WatchList> readListData(const QByteArray& data, const QString& origin,
                               const ListReadOptions& options, const reference::FlagStates& flags,
                               ListReadReport* report)
{
    ListReadReport local;
    ListReadReport& r = report ? *report : local;
    r = {};
    const auto format = detectListFormat(data);
    if (!format) {
        return Error{Error::Code::Format,
                     QStringLiteral("not a list Wake reads (OFAC sdn.csv or sdn.xml, the UK "
                                    "consolidated CSV, OpenSanctions JSON, or a CSV whose header "
                                    "names name, imo or mmsi)"),
                     origin};
    }
    detail::FormatRead read;
    switch (*format) {
    case ListFormat::OfacSdnCsv:
        read = detail::readOfacCsv(decodeListText(data), flags, r);
        break;
    case ListFormat::OfacSdnXml:
        read = detail::readOfacXml(data, flags, r);
        break;
    case ListFormat::UkConsolidatedCsv:
        read = detail::readUkConsolidatedCsv(decodeListText(data), flags, r);
        break;
    case ListFormat::OpenSanctionsJson:
        read = detail::readOpenSanctionsJson(data, flags, r);
        break;
    case ListFormat::UserCsv:
        read = detail::readUserCsv(decodeListText(data), flags, r);
        break;
    }
    if (!read.error.isEmpty()) {
        return Error{Error::Code::Format,
                     QStringLiteral("%1: %2").arg(displayName(*format), read.error), origin};
    }
    if (read.entries.empty()) {
        return Error{Error::Code::Format,
                     QStringLiteral("%1: no ships among %2 records%3")
                         .arg(displayName(*format))
                         .arg(r.records)
                         .arg(r.problems.isEmpty()
                                  ? QString()
                                  : QStringLiteral(" (") + r.problems.front() + QLatin1Char(')')),
                     origin};
    }
    WatchList list;
    list.format = *format;
    list.name = options.name.isEmpty() ? defaultName(*format, origin) : options.name;
    list.origin = origin;
    list.sha256 =
        QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    if (read.published) {
        list.snapshot = *read.published;
        list.snapshotBasis = QStringLiteral("published in the file");
    } else if (options.snapshot) {
        list.snapshot = *options.snapshot;
        list.snapshotBasis = QStringLiteral("given with --date");
    } else if (const auto named = dateInFileName(origin)) {
        list.snapshot = *named;
        list.snapshotBasis = QStringLiteral("the date in the file's name");
    } else if (*format == ListFormat::UserCsv && options.fileChanged) {
        // A list of one's own is as of when its file last changed.
        list.snapshot = *options.fileChanged;
        list.snapshotBasis = QStringLiteral("the file's last change");
    } else {
        return Error{Error::Code::Format,
                     QStringLiteral("%1 does not say what date it is as of: give the date it "
                                    "was published or downloaded with --date YYYY-MM-DD")
                         .arg(displayName(*format)),
                     origin};
    }
    list.entries = std::move(read.entries);
    return list;
}

namespace detail {

std::vector<CsvRecord> csvRecords(const QString& text, QString* error)
{
    QByteArray utf8 = text.toUtf8();
    QBuffer buffer(&utf8);
    buffer.open(QIODevice::ReadOnly);
    wake::CsvReader reader(&buffer);
    std::vector<CsvRecord> out;
    QStringList fields;
    while (reader.readRecord(fields)) {
        out.push_back({reader.lineNumber(), fields});
    }
    if (error && reader.hadError()) {
        *error = reader.errorString();
    }
    return out;
}

} // namespace detail

} // namespace wake::lists
