#pragma once

// Imports AIS files into the store: NMEA logs, MarineCadastre CSV and Danish
// Maritime Authority CSV, told apart by their first lines. Files are read in
// constant memory and written in batched transactions; a cancelled or failed
// import keeps every batch committed before it, and the database stays
// consistent. Static data (AIS types 5, 19, 24; CSV name, IMO, call sign,
// type, size) updates the vessel's identity and keeps the old values in its
// history; the flag comes from the MMSI.

#include "core/ais/rejection.h"
#include "core/io/line_reader.h"
#include "core/places/stop_cells.h"
#include "core/store/database.h"
#include "core/util/result.h"

#include <QString>

#include <array>
#include <cstdint>
#include <functional>
#include <optional>

namespace wake::io {

enum class ImportFormat
{
    Nmea,
    MarineCadastreCsv,
    DanishMaritimeCsv,
};

QString toString(ImportFormat format);

// Sniffs the first lines of a file.
Result<ImportFormat> detectImportFormat(const QString& path);

struct ImportOptions
{
    // NMEA without tag block times: line n is at start + (n - 1) / linesPerSecond.
    std::optional<std::int64_t> startUtcMs;
    double linesPerSecond = 0.0;
    // Rows per transaction. Time-ordered files interleave thousands of
    // vessels, and every transaction rewrites each vessel's last page: large
    // batches write each page about once (issue "Import at scale").
    std::size_t batchRows = 2'000'000;
};

struct ImportProgress
{
    std::int64_t bytesRead = 0;
    std::int64_t totalBytes = 0; // 0 when unknown (a pipe)
    std::int64_t lines = 0;
    std::int64_t positionsStored = 0;
};

// Returning false from the callback stops the import after the current line.
using ProgressCallback = std::function<bool(const ImportProgress&)>;

enum class CsvRejection : std::uint8_t
{
    MissingColumns, // fewer fields than the header
    BadMmsi,        // not a number of at most nine digits
    BadTime,        // not a valid date and time
    BadNumber,      // latitude, longitude, speed ... that is not a number
    NotObserved,    // a Provenance column (Wake's own CSV export) says reported or reconstructed
    OutOfRange,     // latitude beyond +-90 or longitude beyond +-180 (not 91/181: AIS's "none")
    Count
};
std::string_view describe(CsvRejection reason);

struct CsvStats
{
    std::int64_t rows = 0;
    std::int64_t skippedStations = 0;     // base stations and other non-vessel rows
    std::int64_t rowsWithoutPosition = 0; // 91/181: static data only
    std::array<ais::RejectionCount, static_cast<std::size_t>(CsvRejection::Count)> rejections{};
    ais::RejectionCount& operator[](CsvRejection r)
    {
        return rejections[static_cast<std::size_t>(r)];
    }
    const ais::RejectionCount& operator[](CsvRejection r) const
    {
        return rejections[static_cast<std::size_t>(r)];
    }
    std::int64_t rejected() const;
};

struct ImportSummary
{
    QString path;
    ImportFormat format = ImportFormat::Nmea;
    std::int64_t lines = 0;
    ais::DecodeStats nmea; // NMEA files
    CsvStats csv;          // CSV files
    std::int64_t positionsRead = 0;
    std::int64_t positionsStored = 0;
    std::int64_t duplicatePositions = 0; // same vessel and time already stored
    std::int64_t positionsWithoutTime = 0;
    std::int64_t vesselsCreated = 0;
    // Of those, vessels for a second (third ...) ship heard on one MMSI.
    std::int64_t sharedMmsiVessels = 0;
    std::int64_t identityUpdates = 0;
    // Every vessel the file had positions or static data for, by store id:
    // what analysis has to look at again.
    std::vector<model::VesselId> touchedVessels;
    // Vessels this file created and saw whole, and where they stopped: what
    // analysis need not read again (see analysis::KnownStops).
    std::vector<model::VesselId> completeVessels;
    std::vector<std::pair<model::VesselId, places::StopCell>> completeStops;
    bool cancelled = false;
    QString note; // what the user should know (for example why positions have no time)
    // A zip archive: one summary per member read (the fields above add them up).
    std::vector<ImportSummary> members;
};

// Folds a later file's summary's complete vessels into an earlier one's.
void mergeCompleteVessels(ImportSummary& into, const ImportSummary& later);

// Several lines for a terminal or a dialog.
QString formatImportSummary(const ImportSummary& summary);

class AisImporter
{
public:
    AisImporter(store::Database& db, ImportOptions options = {});

    // Imports one file: NMEA or CSV, plain, gzip-compressed, or a zip
    // archive of such files (each member in turn). An error (unreadable
    // file, damaged archive, database failure) comes back as an Error; the
    // summary of what was stored before it is in lastSummary().
    Result<ImportSummary> importFile(const QString& path, const ProgressCallback& progress = {});
    const ImportSummary& lastSummary() const { return m_last; }

private:
    Result<ImportSummary> importZip(const QString& path, const ProgressCallback& progress);
    Status importStream(LineReader& reader, ImportFormat format, ImportSummary& summary,
                        const ProgressCallback& progress);

    store::Database& m_db;
    ImportOptions m_options;
    ImportSummary m_last;
};

} // namespace wake::io
