#include "core/live/gps_sentences.h"

#include <charconv>
#include <cmath>
#include <string>
#include <vector>

namespace wake::live {

namespace {

std::vector<std::string_view> split(std::string_view s)
{
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == ',') {
            out.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    return out;
}

std::optional<double> number(std::string_view s)
{
    if (s.empty()) {
        return std::nullopt;
    }
    double v = 0.0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) {
        return std::nullopt;
    }
    return v;
}

// "ddmm.mmmm" and a hemisphere letter; degrees digits: 2 for latitude, 3 for
// longitude.
std::optional<double> coordinate(std::string_view value, std::string_view hemisphere,
                                 int degreeDigits, double limit)
{
    if (value.size() < static_cast<std::size_t>(degreeDigits) + 2 || hemisphere.size() != 1) {
        return std::nullopt;
    }
    const auto degrees = number(value.substr(0, static_cast<std::size_t>(degreeDigits)));
    const auto minutes = number(value.substr(static_cast<std::size_t>(degreeDigits)));
    if (!degrees || !minutes || *minutes < 0.0 || *minutes >= 60.0) {
        return std::nullopt;
    }
    double v = *degrees + *minutes / 60.0;
    const char h = hemisphere[0];
    if (h == 'S' || h == 'W') {
        v = -v;
    } else if (h != 'N' && h != 'E') {
        return std::nullopt;
    }
    return std::abs(v) <= limit ? std::optional(v) : std::nullopt;
}

bool checksumOk(std::string_view sentence)
{
    // "$...*hh": the XOR of everything between '$' and '*'.
    const std::size_t star = sentence.rfind('*');
    if (star == std::string_view::npos || star + 3 > sentence.size()) {
        return false;
    }
    unsigned char sum = 0;
    for (std::size_t i = 1; i < star; ++i) {
        sum ^= static_cast<unsigned char>(sentence[i]);
    }
    unsigned value = 0;
    const auto [end, ec] =
        std::from_chars(sentence.data() + star + 1, sentence.data() + star + 3, value, 16);
    return ec == std::errc() && end == sentence.data() + star + 3 && value == sum;
}

} // namespace

std::optional<std::int64_t> GpsSentences::tagTimeUtcMs(std::string_view line)
{
    // The stamp goes in front of a GPS sentence's own tag block (it looks
    // for AIS sentences only): of the blocks before the '$', the last c:
    // is the sender's.
    std::optional<std::int64_t> time;
    while (!line.empty() && line[0] == '\\') {
        const std::size_t end = line.find('\\', 1);
        if (end == std::string_view::npos) {
            break;
        }
        const std::string_view block = line.substr(1, end - 1);
        const std::string_view tag = block.substr(0, block.find('*'));
        for (const std::string_view field : split(tag)) {
            if (field.size() < 3 || field.substr(0, 2) != "c:") {
                continue;
            }
            const std::string_view digits = field.substr(2);
            std::int64_t t = 0;
            const auto [stop, ec] =
                std::from_chars(digits.data(), digits.data() + digits.size(), t);
            if (ec == std::errc() && stop == digits.data() + digits.size() && digits.size() <= 13 &&
                t >= 0) {
                time = digits.size() >= 13 ? t : t * 1000;
            }
        }
        line.remove_prefix(end + 1);
    }
    return time;
}

std::optional<ais::PositionFix> GpsSentences::line(std::string_view line)
{
    const std::size_t dollar = line.find('$');
    if (dollar == std::string_view::npos) {
        ++m_ignored;
        return std::nullopt;
    }
    std::string_view sentence = line.substr(dollar);
    while (!sentence.empty() && (sentence.back() == '\r' || sentence.back() == '\n')) {
        sentence.remove_suffix(1);
    }
    if (sentence.size() < 7) {
        ++m_rejected;
        return std::nullopt;
    }
    const std::string_view kind = sentence.substr(3, 3);
    if (kind != "RMC" && kind != "GGA" && kind != "VTG" && kind != "HDT") {
        ++m_ignored;
        return std::nullopt;
    }
    if (!checksumOk(sentence)) {
        ++m_rejected;
        return std::nullopt;
    }
    const auto f = split(sentence.substr(0, sentence.rfind('*')));
    auto field = [&](std::size_t i) {
        return i < f.size() ? f[i] : std::string_view();
    };
    if (kind == "VTG") {
        m_cog = number(field(1));
        m_sog = number(field(5));
        return std::nullopt;
    }
    if (kind == "HDT") {
        const auto h = number(field(1));
        m_heading = h && *h >= 0.0 && *h < 360.0
                        ? std::optional(static_cast<int>(std::lround(*h)) % 360)
                        : std::nullopt;
        return std::nullopt;
    }
    std::optional<double> lat;
    std::optional<double> lon;
    if (kind == "RMC") {
        if (field(2) != "A") {
            ++m_rejected; // "V": the receiver has no fix
            return std::nullopt;
        }
        lat = coordinate(field(3), field(4), 2, 90.0);
        lon = coordinate(field(5), field(6), 3, 180.0);
        m_sog = number(field(7));
        m_cog = number(field(8));
    } else { // GGA
        const auto quality = number(field(6));
        if (!quality || *quality <= 0.0) {
            ++m_rejected;
            return std::nullopt;
        }
        lat = coordinate(field(2), field(3), 2, 90.0);
        lon = coordinate(field(4), field(5), 3, 180.0);
    }
    if (!lat || !lon) {
        ++m_rejected;
        return std::nullopt;
    }
    ais::PositionFix fix;
    fix.latDeg = *lat;
    fix.lonDeg = *lon;
    fix.sogKnots = m_sog && *m_sog >= 0.0 && *m_sog < 102.3 ? m_sog : std::nullopt;
    fix.cogDeg = m_cog && *m_cog >= 0.0 && *m_cog < 360.0 ? m_cog : std::nullopt;
    fix.headingDeg = m_heading;
    ++m_fixes;
    return fix;
}

} // namespace wake::live
