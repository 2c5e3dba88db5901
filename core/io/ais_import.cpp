#include "core/io/ais_import.h"

#include "core/ais/decode_summary.h"
#include "core/ais/nmea_decoder.h"
#include "core/io/csv_import.h"
#include "core/io/line_reader.h"
#include "core/io/nmea_import.h"
#include "core/io/track_sink.h"
#include "core/io/zip_archive.h"
#include "core/util/number_text.h"

#include <QStringList>

#include <cmath>
#include <unordered_set>

namespace wake::io {

QString toString(ImportFormat format)
{
    switch (format) {
    case ImportFormat::Nmea:
        return QStringLiteral("NMEA AIS log");
    case ImportFormat::MarineCadastreCsv:
        return QStringLiteral("MarineCadastre CSV");
    case ImportFormat::DanishMaritimeCsv:
        return QStringLiteral("Danish Maritime Authority CSV");
    }
    return {};
}

std::string_view describe(CsvRejection reason)
{
    switch (reason) {
    case CsvRejection::MissingColumns:
        return "missing columns";
    case CsvRejection::BadMmsi:
        return "bad MMSI";
    case CsvRejection::BadTime:
        return "bad time";
    case CsvRejection::BadNumber:
        return "bad number";
    case CsvRejection::NotObserved:
        return "not an AIS observation (its Provenance says so)";
    case CsvRejection::OutOfRange:
        return "position out of range (no position)";
    case CsvRejection::Count:
        break;
    }
    return "?";
}

std::int64_t CsvStats::rejected() const
{
    std::int64_t n = 0;
    for (const auto& r : rejections) {
        n += r.count;
    }
    return n;
}

namespace {

Result<ImportFormat> detectFormat(LineReader& reader)
{
    std::string_view line;
    int lines = 0;
    for (int i = 0; i < 20 && reader.next(line); ++i) {
        ++lines;
        if (line.starts_with("# Timestamp,") || line.starts_with("\xEF\xBB\xBF# Timestamp,")) {
            return ImportFormat::DanishMaritimeCsv;
        }
        if (line.starts_with("MMSI,") || line.starts_with("\xEF\xBB\xBFMMSI,")) {
            return ImportFormat::MarineCadastreCsv;
        }
        if (line.find("VDM,") != std::string_view::npos ||
            line.find("VDO,") != std::string_view::npos) {
            return ImportFormat::Nmea;
        }
        if (i == 0 && line.starts_with("PK\x03\x04")) {
            return Error{Error::Code::Format,
                         QStringLiteral("a zip archive is read from a file, not from a pipe or "
                                        "standard input (it is read from its end)"),
                         reader.path()};
        }
    }
    if (!reader.error().isEmpty()) {
        return Error{Error::Code::Io, reader.error(), reader.path()};
    }
    if (lines == 0) {
        return Error{Error::Code::Format, QStringLiteral("it is empty: nothing to import"),
                     reader.path()};
    }
    return Error{Error::Code::Format,
                 QStringLiteral("not an AIS file Wake knows: no AIVDM/AIVDO sentence, "
                                "MarineCadastre header (MMSI,BaseDateTime,...) or Danish "
                                "Maritime Authority header (# Timestamp,...) in its first lines"),
                 reader.path()};
}

// Long enough for any CSV row; an NMEA line past ais::kMaxLineBytes is still
// rejected as too long by the sentence parser.
constexpr std::size_t kMaxLineBytes = 1 << 16;

} // namespace

Result<ImportFormat> detectImportFormat(const QString& path)
{
    auto reader = LineReader::open(path);
    if (!reader) {
        return reader.error();
    }
    return detectFormat(*reader);
}

AisImporter::AisImporter(store::Database& db, ImportOptions options) : m_db(db), m_options(options)
{}

Result<ImportSummary> AisImporter::importFile(const QString& path, const ProgressCallback& progress)
{
    m_last = ImportSummary{};
    m_last.path = path;
    if (isRegularFile(path) && ZipArchive::looksLikeZip(path)) {
        return importZip(path, progress);
    }
    // One reader for telling the format and importing: standard input or a
    // pipe cannot be opened a second time.
    auto reader = LineReader::open(path, kMaxLineBytes);
    if (!reader) {
        return reader.error();
    }
    auto format = detectFormat(*reader);
    if (!format) {
        return format.error();
    }
    if (reader->rewind()) {
        if (Status s = importStream(*reader, *format, m_last, progress); !s) {
            return s.error();
        }
        return m_last;
    }
    if (!isRegularFile(path)) {
        return Error{Error::Code::Format,
                     QStringLiteral("its first lines are too long to tell its format; import "
                                    "it from a file"),
                     reader->path()};
    }
    auto again = LineReader::open(path, kMaxLineBytes); // a file read past its first block
    if (!again) {
        return again.error();
    }
    if (Status s = importStream(*again, *format, m_last, progress); !s) {
        return s.error();
    }
    return m_last;
}

Result<ImportSummary> AisImporter::importZip(const QString& path, const ProgressCallback& progress)
{
    auto archive = ZipArchive::open(path);
    if (!archive) {
        return archive.error();
    }
    // Every member is checked to its end (its CRC) before any is imported:
    // a damaged archive leaves the store as it was.
    for (const ZipArchive::Member& member : archive->members()) {
        if (Status s = archive->verifyMember(member); !s) {
            return s.error();
        }
    }
    QStringList skipped;
    for (const ZipArchive::Member& member : archive->members()) {
        auto probe = archive->openMember(member, kMaxLineBytes);
        if (!probe) {
            return probe.error();
        }
        auto format = detectFormat(*probe);
        if (!format) {
            if (format.error().code == Error::Code::Format) {
                skipped << member.name; // a readme, a licence: not AIS
                continue;
            }
            return format.error();
        }
        auto reader = archive->openMember(member, kMaxLineBytes);
        if (!reader) {
            return reader.error();
        }
        ImportSummary part;
        part.path = reader->path();
        const Status status = importStream(*reader, *format, part, progress);
        m_last.format = m_last.members.empty() ? part.format : m_last.format;
        m_last.lines += part.lines;
        m_last.positionsRead += part.positionsRead;
        m_last.positionsStored += part.positionsStored;
        m_last.duplicatePositions += part.duplicatePositions;
        m_last.positionsWithoutTime += part.positionsWithoutTime;
        m_last.vesselsCreated += part.vesselsCreated;
        m_last.sharedMmsiVessels += part.sharedMmsiVessels;
        m_last.identityUpdates += part.identityUpdates;
        m_last.touchedVessels.insert(m_last.touchedVessels.end(), part.touchedVessels.begin(),
                                     part.touchedVessels.end());
        mergeCompleteVessels(m_last, part);
        m_last.cancelled = part.cancelled;
        m_last.members.push_back(std::move(part));
        if (!status) {
            return status.error();
        }
        if (m_last.cancelled) {
            break;
        }
    }
    if (m_last.members.empty()) {
        return Error{Error::Code::Format,
                     QStringLiteral("the zip archive holds no AIS file Wake knows%1")
                         .arg(skipped.isEmpty() ? QString()
                                                : QStringLiteral(" (it holds: %1)")
                                                      .arg(skipped.join(QStringLiteral(", ")))),
                     path};
    }
    if (!skipped.isEmpty()) {
        m_last.note =
            QStringLiteral("not AIS, skipped: %1").arg(skipped.join(QStringLiteral(", ")));
    }
    return m_last;
}

Status AisImporter::importStream(LineReader& reader, ImportFormat format, ImportSummary& summary,
                                 const ProgressCallback& progress)
{
    summary.format = format;
    TrackSink sink(m_db, m_options.batchRows);
    Status status;
    if (format == ImportFormat::Nmea) {
        status = importNmea(reader, sink, summary, m_options, progress);
    } else {
        CsvImportContext context{reader, sink, summary, progress};
        status = importCsv(format, context);
    }
    // What was read before a cancel is kept; after a failure only the
    // batches committed so far are.
    if (status) {
        status = sink.finish();
    } else {
        sink.rollback();
    }
    const SinkCounts& counts = sink.counts();
    summary.positionsStored = counts.positionsStored;
    summary.duplicatePositions = counts.duplicatePositions;
    summary.vesselsCreated = counts.vesselsCreated;
    summary.sharedMmsiVessels = counts.sharedMmsiVessels;
    summary.identityUpdates = counts.identityUpdates;
    summary.touchedVessels = sink.touchedVessels();
    if (status) {
        summary.completeVessels = sink.newVessels();
        summary.completeStops = sink.stopsOfNewVessels();
    }
    if (!status) {
        Error e = status.error();
        if (e.code == Error::Code::Format) {
            if (e.where.isEmpty()) {
                e.where = reader.path(); // the file's structure
            }
        } else {
            e.where = m_db.path(); // writing failed: the store is what to look at
        }
        return e;
    }
    if (!reader.error().isEmpty()) {
        // Everything before the damage is stored (committed above).
        return Error{Error::Code::Io, reader.error(), reader.path()};
    }
    if (progress) {
        progress({reader.bytesRead(), reader.sizeBytes(), summary.lines, summary.positionsStored});
    }
    return {};
}

void mergeCompleteVessels(ImportSummary& into, const ImportSummary& later)
{
    // A vessel a later file touched is no longer seen whole by the earlier one.
    const std::unordered_set<model::VesselId> touched(later.touchedVessels.begin(),
                                                      later.touchedVessels.end());
    std::erase_if(into.completeVessels, [&](model::VesselId v) { return touched.contains(v); });
    std::erase_if(into.completeStops, [&](const auto& s) { return touched.contains(s.first); });
    into.completeVessels.insert(into.completeVessels.end(), later.completeVessels.begin(),
                                later.completeVessels.end());
    into.completeStops.insert(into.completeStops.end(), later.completeStops.begin(),
                              later.completeStops.end());
}

QString formatImportSummary(const ImportSummary& s)
{
    if (!s.members.empty()) {
        QString out =
            QStringLiteral("%1 (zip archive, %2 AIS file(s))%3\n")
                .arg(s.path)
                .arg(s.members.size())
                .arg(s.cancelled ? QStringLiteral(": stopped before the end") : QString());
        for (const ImportSummary& member : s.members) {
            out += formatImportSummary(member);
        }
        if (!s.note.isEmpty()) {
            out += QStringLiteral("  note: ") + s.note + QLatin1Char('\n');
        }
        return out;
    }
    const auto n = util::countText;
    QString out = QStringLiteral("%1 (%2)%3\n")
                      .arg(s.path, toString(s.format),
                           s.cancelled ? QStringLiteral(": stopped before the end") : QString());
    if (s.format == ImportFormat::Nmea) {
        out += QStringLiteral("  ") + ais::formatDecodeStats(s.nmea);
    } else {
        out += QStringLiteral("  %1 lines, %2 rows").arg(n(s.lines), n(s.csv.rows));
        if (s.csv.skippedStations > 0) {
            out +=
                QStringLiteral(", skipped (base stations, aids): %1").arg(n(s.csv.skippedStations));
        }
        if (s.csv.rowsWithoutPosition > 0) {
            out += QStringLiteral(", without a position (91/181): %1")
                       .arg(n(s.csv.rowsWithoutPosition));
        }
        out += QLatin1Char('\n');
        const std::int64_t rejected = s.csv.rejected();
        out += rejected == 0 ? QStringLiteral("  rejected rows: none\n")
                             : QStringLiteral("  rejected rows: %1\n").arg(n(rejected));
        for (int i = 0; i < static_cast<int>(CsvRejection::Count); ++i) {
            const auto reason = static_cast<CsvRejection>(i);
            const ais::RejectionCount& r = s.csv[reason];
            if (r.count == 0) {
                continue;
            }
            out += ais::formatRejectionLine(describe(reason), r);
        }
    }
    out += QStringLiteral("  positions: %1 read, %2 stored")
               .arg(n(s.positionsRead), n(s.positionsStored));
    if (s.duplicatePositions > 0) {
        out += QStringLiteral(", %1 already stored or heard twice").arg(n(s.duplicatePositions));
    }
    if (s.positionsWithoutTime > 0) {
        out += QStringLiteral(", %1 without a time").arg(n(s.positionsWithoutTime));
    }
    out += QStringLiteral("\n  vessels: %1 new").arg(n(s.vesselsCreated));
    if (s.sharedMmsiVessels > 0) {
        out += QStringLiteral(" (%1 of them another ship on an MMSI already heard)")
                   .arg(n(s.sharedMmsiVessels));
    }
    out += QStringLiteral(", %1 identity updates\n").arg(n(s.identityUpdates));
    if (!s.note.isEmpty()) {
        out += QStringLiteral("  note: ") + s.note + QLatin1Char('\n');
    }
    return out;
}

} // namespace wake::io
