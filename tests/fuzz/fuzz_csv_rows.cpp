// libFuzzer target for what the CSV importer does with each row of both
// dialects (MarineCadastre, Danish Maritime Authority): splitting the line
// into fields, reading numbers (no NaN or infinity may come out), times in
// both layouts (only 1970-2100, as util/ais_era.h), and text cells. Every
// text survives the export's cell writing and reads back exactly.

#include "core/io/csv_cell.h"
#include "core/io/csv_fields.h"
#include "core/io/utc_time.h"
#include "core/util/ais_era.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    while (start <= input.size()) {
        const std::size_t end = input.find('\n', start);
        const std::string_view line = input.substr(
            start, end == std::string_view::npos ? std::string_view::npos : end - start);
        wake::io::splitCsvLine(line, fields);
        for (const std::string_view field : fields) {
            bool ok = true;
            if (const auto d = wake::io::number<double>(field, ok); d && !std::isfinite(*d)) {
                __builtin_trap();
            }
            (void)wake::io::number<std::int64_t>(field, ok);
            for (const auto t : {wake::io::parseIsoUtc(wake::io::trimmed(field)),
                                 wake::io::parseDayFirstUtc(wake::io::trimmed(field))}) {
                // The parsers take 1900-2200; the importer keeps only fix times.
                if (t && (*t < -2'300'000'000'000LL || *t > 7'300'000'000'000LL)) {
                    __builtin_trap();
                }
            }
            // The field as a text an export writes, read back as an import does.
            const QString text =
                QString::fromUtf8(field.data(), static_cast<qsizetype>(field.size()));
            if (text.contains(QLatin1Char('\n'))) {
                continue; // rows never span lines in AIS CSV
            }
            const QByteArray cell = wake::io::csvCell(text);
            std::vector<std::string_view> back;
            wake::io::splitCsvLine(std::string_view(cell.constData(), cell.size()), back);
            if (back.size() != 1 ||
                QString::fromStdString(wake::io::csvCellText(back[0])) != text) {
                __builtin_trap();
            }
        }
        if (end == std::string_view::npos) {
            break;
        }
        start = end + 1;
    }
    return 0;
}
