#include "core/io/csv_import.h"

#include "core/io/csv_cell.h"
#include "core/io/csv_fields.h"
#include "core/io/import_pipeline.h"
#include "core/io/utc_time.h"
#include "core/util/ais_era.h"

#include <QHash>

#include <array>
#include <cctype>
#include <cmath>
#include <string>
#include <thread>
#include <unordered_map>

namespace wake::io {

namespace {

// Where each field is, by header name; -1 when the file lacks the column.
struct Columns
{
    int mmsi = -1, time = -1, lat = -1, lon = -1, sog = -1, cog = -1, heading = -1;
    int name = -1, imo = -1, callSign = -1, shipType = -1, status = -1;
    int length = -1, width = -1, draught = -1, mobileType = -1;
    int provenance = -1; // Wake's CSV export: observed, reported or reconstructed
};

Columns mapColumns(ImportFormat format, const std::vector<std::string_view>& header)
{
    QHash<QString, int> index;
    for (std::size_t i = 0; i < header.size(); ++i) {
        QString name = QString::fromUtf8(trimmed(header[i]).data(),
                                         static_cast<qsizetype>(trimmed(header[i]).size()));
        if (name.startsWith(QLatin1String("# "))) {
            name = name.mid(2);
        }
        index.insert(name.toLower(), static_cast<int>(i));
    }
    auto at = [&](const char* name) {
        return index.value(QString::fromLatin1(name), -1);
    };
    Columns c;
    c.mmsi = at("mmsi");
    c.provenance = at("provenance");
    if (format == ImportFormat::MarineCadastreCsv) {
        c.time = at("basedatetime");
        c.lat = at("lat");
        c.lon = at("lon");
        c.sog = at("sog");
        c.cog = at("cog");
        c.heading = at("heading");
        c.name = at("vesselname");
        c.imo = at("imo");
        c.callSign = at("callsign");
        c.shipType = at("vesseltype");
        c.status = at("status");
        c.length = at("length");
        c.width = at("width");
        c.draught = at("draft");
    } else {
        c.time = at("timestamp");
        c.mobileType = at("type of mobile");
        c.lat = at("latitude");
        c.lon = at("longitude");
        c.sog = at("sog");
        c.cog = at("cog");
        c.heading = at("heading");
        c.name = at("name");
        c.imo = at("imo");
        c.callSign = at("callsign");
        c.shipType = at("ship type");
        c.status = at("navigational status");
        c.length = at("length");
        c.width = at("width");
        c.draught = at("draught");
    }
    return c;
}

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char& ch : out) {
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    return out;
}

// Navigational status written out (MarineCadastre 2017, DMA), or as its code.
std::optional<int> parseStatus(std::string_view text)
{
    text = trimmed(text);
    bool ok = true;
    if (const auto code = number<int>(text, ok); ok && code) {
        return *code >= 0 && *code < 15 ? code : std::nullopt;
    }
    static const std::array<std::pair<std::string_view, int>, 10> kTexts = {{
        {"under way using engine", 0},
        {"at anchor", 1},
        {"not under command", 2},
        {"restricted man", 3}, // manoeuverability, maneuverability
        {"constrained by her draught", 4},
        {"moored", 5},
        {"aground", 6},
        {"engaged in fishing", 7},
        {"under way sailing", 8},
        {"ais-sart", 14},
    }};
    const std::string l = lower(text);
    for (const auto& [prefix, code] : kTexts) {
        if (std::string_view(l).starts_with(prefix)) {
            return code;
        }
    }
    return std::nullopt;
}

std::optional<std::string> text(std::string_view field)
{
    field = trimmed(field);
    const std::string l = lower(field);
    if (field.empty() || l == "unknown" || l == "undefined") {
        return std::nullopt;
    }
    return csvCellText(field);
}

class RowReader
{
public:
    RowReader(ImportFormat format, const Columns& columns, const std::vector<std::string_view>& f)
        : m_format(format), m_columns(columns), m_fields(f)
    {}

    std::string_view field(int column) const
    {
        return column >= 0 && static_cast<std::size_t>(column) < m_fields.size()
                   ? m_fields[static_cast<std::size_t>(column)]
                   : std::string_view();
    }
    template <typename T>
    std::optional<T> num(int column)
    {
        return number<T>(field(column), m_numbersOk);
    }
    bool numbersOk() const { return m_numbersOk; }
    bool positionOutOfRange() const { return m_outOfRange; }
    bool noPosition() const { return m_noPosition; }

    std::optional<ais::PositionFix> position()
    {
        const auto lat = num<double>(m_columns.lat);
        const auto lon = num<double>(m_columns.lon);
        ais::PositionFix fix;
        fix.sogKnots = num<double>(m_columns.sog);
        fix.cogDeg = num<double>(m_columns.cog);
        const auto heading = num<double>(m_columns.heading);
        if (!lat || !lon) {
            return std::nullopt;
        }
        if (std::abs(*lat) > 90.0 || std::abs(*lon) > 180.0) {
            // 91/181 is AIS's "no position" (a row of static data, counted);
            // anything else beyond the globe is wrong (a rejection). The
            // row's static data counts either way.
            (*lat == 91.0 || *lon == 181.0 ? m_noPosition : m_outOfRange) = true;
            return std::nullopt;
        }
        fix.latDeg = *lat;
        fix.lonDeg = *lon;
        if (fix.sogKnots && (*fix.sogKnots < 0.0 || *fix.sogKnots >= 102.3)) {
            fix.sogKnots.reset();
        }
        // MarineCadastre files hold COG values down to -204.8: the 12-bit
        // field read as signed. Adding 409.6 gives the course sent.
        if (fix.cogDeg && *fix.cogDeg < 0.0 && m_format == ImportFormat::MarineCadastreCsv) {
            *fix.cogDeg += 409.6;
        }
        if (fix.cogDeg && (*fix.cogDeg < 0.0 || *fix.cogDeg >= 360.0)) {
            fix.cogDeg.reset();
        }
        if (heading && *heading >= 0.0 && *heading < 360.0) {
            fix.headingDeg = static_cast<int>(*heading);
        }
        fix.navStatus = parseStatus(field(m_columns.status));
        return fix;
    }

    // pandas writes whole numbers of a column with gaps as "70.0": the
    // fraction of zeros is no part of a code or a number.
    static std::string_view withoutZeroFraction(std::string_view text)
    {
        const std::size_t dot = text.find('.');
        if (dot == std::string_view::npos || dot == 0 ||
            text.find_first_not_of('0', dot + 1) != std::string_view::npos) {
            return text;
        }
        return text.substr(0, dot);
    }

    ais::VesselIdentity identity(std::optional<QString>& vesselType)
    {
        ais::VesselIdentity id;
        id.name = text(field(m_columns.name));
        id.callSign = text(field(m_columns.callSign));
        std::string_view imo = withoutZeroFraction(trimmed(field(m_columns.imo)));
        if (imo.starts_with("IMO")) {
            imo.remove_prefix(3);
        }
        bool imoOk = true; // a bad IMO loses the IMO, not the row
        if (const auto n = number<std::uint32_t>(imo, imoOk); imoOk && n && *n > 0) {
            id.imo = n;
        }
        const std::string_view type = withoutZeroFraction(trimmed(field(m_columns.shipType)));
        bool typeIsNumber = true;
        if (const auto code = number<int>(type, typeIsNumber); typeIsNumber && code) {
            if (*code >= 1 && *code <= 99) {
                id.shipType = code; // NAIS codes (1001-1025) are not ITU codes: left out
            }
        } else if (const auto t = text(type)) {
            vesselType = QString::fromUtf8(t->data(), static_cast<qsizetype>(t->size()));
        }
        auto positive = [&](int column) -> std::optional<double> {
            bool ok = true;
            const auto v = number<double>(field(column), ok);
            return ok && v && *v > 0.0 ? v : std::nullopt;
        };
        id.lengthM = positive(m_columns.length);
        id.beamM = positive(m_columns.width);
        id.draughtM = positive(m_columns.draught);
        return id;
    }

private:
    ImportFormat m_format;
    const Columns& m_columns;
    const std::vector<std::string_view>& m_fields;
    bool m_numbersOk = true;
    bool m_outOfRange = false;
    bool m_noPosition = false;
};

bool isVesselStation(std::string_view mobileType)
{
    const std::string l = lower(trimmed(mobileType));
    return l.empty() || l.starts_with("class") || l == "undefined";
}

} // namespace

namespace {

// What the parsing thread leaves when it ends: its counts, and an error in
// the file's structure (no header).
struct ParserEnd
{
    CsvStats stats;
    std::int64_t lines = 0;
    bool stopped = false; // by the writer, before the end of the file
    Status status;
};

// CSV files repeat a vessel's name, type and size on every row: a change
// goes to the writer, and the same again every ten minutes of data time, so
// each ship heard on a shared MMSI gets the identity read with its own fixes
// (io/track_sink.h).
class IdentityFilter
{
public:
    bool changed(std::uint32_t mmsi, std::int64_t timeUtcMs, const ais::VesselIdentity& identity,
                 const std::optional<QString>& vesselType)
    {
        constexpr std::int64_t kRepeatMs = 10 * 60 * 1000;
        auto [it, inserted] = m_last.try_emplace(mmsi, Last{identity, vesselType, timeUtcMs});
        if (inserted) {
            return true;
        }
        Last& last = it->second;
        if (last.identity == identity && last.vesselType == vesselType &&
            std::llabs(timeUtcMs - last.sentUtcMs) < kRepeatMs) {
            return false;
        }
        last = {identity, vesselType, timeUtcMs};
        return true;
    }

private:
    struct Last
    {
        ais::VesselIdentity identity;
        std::optional<QString> vesselType;
        std::int64_t sentUtcMs = 0;
    };
    std::unordered_map<std::uint32_t, Last> m_last;
};

void parseAll(ImportFormat format, LineReader& reader, ChunkQueue& queue, ParserEnd& end)
{
    std::vector<std::string_view> fields;
    std::string_view line;
    std::size_t headerSize = 0;
    Columns columns;
    CsvStats& stats = end.stats;
    IdentityFilter identities;
    ImportChunk chunk;
    chunk.points.reserve(kChunkRows);
    std::int64_t lineNo = 0;
    std::int64_t chunkFirstLine = 0;
    auto send = [&](bool last) {
        chunk.lines = lineNo;
        chunk.bytesRead = reader.bytesRead();
        chunk.last = last;
        end.lines = lineNo;
        const bool taken = queue.push(std::move(chunk));
        chunk = ImportChunk{};
        chunk.points.reserve(kChunkRows);
        chunkFirstLine = lineNo;
        return taken;
    };
    while (reader.next(line)) {
        ++lineNo;
        if (chunk.points.size() >= kChunkRows || lineNo - chunkFirstLine >= kLinesPerChunk) {
            if (!send(false)) {
                end.stopped = true;
                return;
            }
        }
        if (headerSize == 0) {
            // Comment lines before the header; DMA's header itself starts with "# Timestamp".
            if (line.empty() || (line.starts_with("#") && !line.starts_with("# Timestamp"))) {
                continue;
            }
            splitCsvLine(line, fields);
            headerSize = fields.size();
            columns = mapColumns(format, fields);
            if (columns.mmsi < 0 || columns.time < 0) {
                end.status = Error{Error::Code::Format,
                                   QStringLiteral("the header has no MMSI or time column"),
                                   QStringLiteral("%1 line %2").arg(reader.path()).arg(lineNo)};
                send(true);
                return;
            }
            continue;
        }
        if (trimmed(line).empty() || line.starts_with("#")) {
            continue;
        }
        ++stats.rows;
        splitCsvLine(line, fields);
        if (fields.size() < headerSize) {
            stats[CsvRejection::MissingColumns].add(lineNo);
            continue;
        }
        RowReader row(format, columns, fields);
        // A position Wake inferred or a source reported is never stored as
        // one received over AIS.
        if (const std::string_view provenance = trimmed(row.field(columns.provenance));
            !provenance.empty() && provenance != "observed") {
            stats[CsvRejection::NotObserved].add(lineNo);
            continue;
        }
        const std::string_view mmsiText = trimmed(row.field(columns.mmsi));
        bool mmsiOk = mmsiText.size() <= 9;
        const auto mmsi = number<std::uint32_t>(mmsiText, mmsiOk);
        if (!mmsiOk || !mmsi || *mmsi == 0) {
            stats[CsvRejection::BadMmsi].add(lineNo);
            continue;
        }
        const std::string_view timeText = trimmed(row.field(columns.time));
        const auto time = format == ImportFormat::MarineCadastreCsv ? parseIsoUtc(timeText)
                                                                    : parseDayFirstUtc(timeText);
        if (!time || !isFixTime(*time)) {
            stats[CsvRejection::BadTime].add(lineNo);
            continue;
        }
        if (columns.mobileType >= 0 && !isVesselStation(row.field(columns.mobileType))) {
            ++stats.skippedStations;
            continue;
        }
        const auto fix = row.position();
        if (!row.numbersOk()) {
            stats[CsvRejection::BadNumber].add(lineNo);
            continue;
        }
        if (row.positionOutOfRange()) {
            stats[CsvRejection::OutOfRange].add(lineNo);
        }
        if (row.noPosition()) {
            ++stats.rowsWithoutPosition;
        }
        std::optional<QString> vesselType;
        ais::VesselIdentity identity = row.identity(vesselType);
        if ((!identity.empty() || vesselType) &&
            identities.changed(*mmsi, *time, identity, vesselType)) {
            chunk.identities.push_back({*mmsi, *time, std::move(identity), vesselType});
        }
        if (fix) {
            ++chunk.positionsRead;
            chunk.points.push_back(observedPoint(*mmsi, *time, *fix));
        }
    }
    if (headerSize == 0) {
        end.status =
            Error{Error::Code::Format, QStringLiteral("no header line found"), reader.path()};
    }
    send(true);
}

} // namespace

Status importCsv(ImportFormat format, CsvImportContext& ctx)
{
    ChunkQueue queue(kQueuedChunks);
    ParserEnd end;
    std::thread parser([&] { parseAll(format, ctx.reader, queue, end); });
    const Status status =
        writeChunks(queue, ctx.sink, ctx.summary, ctx.reader.sizeBytes(), ctx.progress);
    parser.join();
    ctx.summary.csv = end.stats;
    if (end.stopped) {
        ctx.summary.lines = end.lines; // read a little past what was stored
    }
    if (!status) {
        return status;
    }
    return end.status;
}

} // namespace wake::io
