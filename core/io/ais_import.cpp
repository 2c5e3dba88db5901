#include "io/ais_import.h"

#include "ais/decode_summary.h"
#include "ais/nmea_decoder.h"
#include "io/csv_import.h"
#include "io/line_reader.h"
#include "io/nmea_import.h"
#include "io/track_sink.h"

#include <QLocale>
#include <QStringList>

#include <cmath>

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

Result<ImportFormat> detectImportFormat(const QString& path)
{
    auto reader = LineReader::open(path);
    if (!reader) {
        return reader.error();
    }
    std::string_view line;
    for (int i = 0; i < 20 && reader->next(line); ++i) {
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
    }
    return Error{Error::Code::Format,
                 QStringLiteral("not an AIS file Wake knows: no AIVDM/AIVDO sentence, "
                                "MarineCadastre header (MMSI,BaseDateTime,...) or Danish "
                                "Maritime Authority header (# Timestamp,...) in its first lines"),
                 path};
}

AisImporter::AisImporter(store::Database& db, ImportOptions options) : m_db(db), m_options(options)
{}

Result<ImportSummary> AisImporter::importFile(const QString& path, const ProgressCallback& progress)
{
    m_last = ImportSummary{};
    m_last.path = path;
    auto format = detectImportFormat(path);
    if (!format) {
        return format.error();
    }
    m_last.format = *format;
    // Long enough for any CSV row; an NMEA line past ais::kMaxLineBytes is
    // still rejected as too long by the sentence parser.
    auto reader = LineReader::open(path, 1 << 16);
    if (!reader) {
        return reader.error();
    }
    TrackSink sink(m_db, m_options.batchRows);
    Status status;
    if (*format == ImportFormat::Nmea) {
        status = importNmea(*reader, sink, m_last, m_options, progress);
    } else {
        CsvImportContext context{*reader, sink, m_last, progress};
        status = importCsv(*format, context);
    }
    // What was read before a cancel is kept; after a failure only the
    // batches committed so far are.
    if (status) {
        status = sink.commit();
    } else {
        sink.rollback();
    }
    const SinkCounts& counts = sink.counts();
    m_last.positionsStored = counts.positionsStored;
    m_last.duplicatePositions = counts.duplicatePositions;
    m_last.vesselsCreated = counts.vesselsCreated;
    m_last.identityUpdates = counts.identityUpdates;
    m_last.touchedVessels = sink.touchedVessels();
    if (!status) {
        Error e = status.error();
        if (e.where.isEmpty()) {
            e.where = path;
        }
        return e;
    }
    if (!reader->error().isEmpty()) {
        return Error{Error::Code::Io, reader->error(), path};
    }
    if (progress) {
        progress({reader->bytesRead(), reader->sizeBytes(), m_last.lines, m_last.positionsStored});
    }
    return m_last;
}

QString formatImportSummary(const ImportSummary& s)
{
    const QLocale english(QLocale::English);
    auto n = [&](std::int64_t v) {
        return english.toString(static_cast<qlonglong>(v));
    };
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
        out += QStringLiteral(", %1 already stored (same vessel and time)")
                   .arg(n(s.duplicatePositions));
    }
    if (s.positionsWithoutTime > 0) {
        out += QStringLiteral(", %1 without a time").arg(n(s.positionsWithoutTime));
    }
    out += QStringLiteral("\n  vessels: %1 new, %2 identity updates\n")
               .arg(n(s.vesselsCreated), n(s.identityUpdates));
    if (!s.note.isEmpty()) {
        out += QStringLiteral("  note: ") + s.note + QLatin1Char('\n');
    }
    return out;
}

} // namespace wake::io
