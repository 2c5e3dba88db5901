// libFuzzer target for the AIS NMEA decoder: any bytes, split into lines, go
// through sentence parsing, fragment assembly, message decoding and gpsd JSON
// output. Built with clang: cmake -DWAKE_FUZZ=ON (see tests/fuzz/CMakeLists.txt).
//
//   build-fuzz/tests/fuzz/wake_fuzz_nmea -max_total_time=60 CORPUS_DIR
//
// Seeds: the raw files of tests/data/ais (one sentence or file each).

#include "core/ais/gpsd_json.h"
#include "core/ais/nmea_decoder.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    wake::ais::NmeaDecoder decoder;
    std::string json;
    std::size_t start = 0;
    while (start <= input.size()) {
        const std::size_t end = input.find('\n', start);
        const std::string_view line = input.substr(
            start, end == std::string_view::npos ? std::string_view::npos : end - start);
        if (const wake::ais::DecodedMessage* m = decoder.decodeLine(line)) {
            json.clear();
            wake::ais::appendGpsdJson(json, m->message, wake::ais::JsonScale::Scaled);
            wake::ais::appendGpsdJson(json, m->message, wake::ais::JsonScale::Unscaled);
            (void)wake::ais::vesselPosition(m->message);
            (void)wake::ais::vesselIdentity(m->message);
        }
        if (end == std::string_view::npos) {
            break;
        }
        start = end + 1;
    }
    decoder.finish();
    // Every line is accounted for exactly once.
    const auto& s = decoder.stats();
    if (s.lines < s.notNmea + s.otherNmea) {
        __builtin_trap();
    }
    return 0;
}
