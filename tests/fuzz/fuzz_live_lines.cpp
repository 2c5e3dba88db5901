// libFuzzer target for what wake live does with a stream: the bytes cut into
// pieces of the sizes the first bytes choose (as a socket delivers them),
// split into lines (an endless line is handed on once, cut), each stamped
// with a tag block (its time and source, merged with one it had) and decoded.

#include "core/ais/nmea_decoder.h"
#include "core/ais/nmea_sentence.h"
#include "core/ais/tag_stamp.h"
#include "core/live/line_splitter.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 2) {
        return 0;
    }
    const std::size_t piece = 1 + data[0] * 37 % 5000;
    const std::string source = data[1] % 2 ? "north" : "";
    data += 2;
    size -= 2;
    wake::live::LineSplitter splitter;
    wake::ais::NmeaDecoder decoder;
    std::int64_t clock = 1'700'000'000'000;
    const auto onLine = [&](std::string_view line) {
        if (line.size() >
            static_cast<std::size_t>(wake::live::LineSplitter::kMaxPendingBytes) + 1) {
            __builtin_trap();
        }
        const wake::ais::StampedLine stamped = wake::ais::stampLine(line, clock++, source);
        const wake::ais::ParsedLine parsed = wake::ais::parseLine(stamped.text);
        if (parsed.kind == wake::ais::ParsedLine::Kind::Ais && !parsed.sentence.tag.timeUtcMs) {
            __builtin_trap(); // a stamped sentence always has a time
        }
        (void)decoder.decodeLine(stamped.text);
    };
    for (std::size_t at = 0; at < size; at += piece) {
        const std::size_t n = std::min(piece, size - at);
        splitter.feed(reinterpret_cast<const char*>(data) + at, static_cast<qsizetype>(n), onLine);
    }
    splitter.flush(onLine);
    decoder.finish();
    return 0;
}
