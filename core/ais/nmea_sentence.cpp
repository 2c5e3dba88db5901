#include "ais/nmea_sentence.h"

#include "ais/nmea_checksum.h"

#include <charconv>

namespace wake::ais {

namespace {

// Position of "!ccVDM," or "!ccVDO," in line, or npos.
std::size_t findAisStart(std::string_view line)
{
    for (std::size_t pos = line.find('!'); pos != std::string_view::npos;
         pos = line.find('!', pos + 1)) {
        if (pos + 7 <= line.size() && line[pos + 3] == 'V' && line[pos + 4] == 'D' &&
            (line[pos + 5] == 'M' || line[pos + 5] == 'O') && line[pos + 6] == ',') {
            return pos;
        }
    }
    return std::string_view::npos;
}

// Parses "key:value,key:value*hh" between the backslashes. A tag block with a
// bad checksum is ignored as a whole: its time cannot be trusted.
TagBlock parseTagBlock(std::string_view block)
{
    TagBlock tag;
    if (!hasValidChecksum(block)) {
        return tag;
    }
    std::string_view fields = block.substr(0, block.rfind('*'));
    while (!fields.empty()) {
        const std::size_t comma = fields.find(',');
        const std::string_view field = fields.substr(0, comma);
        fields = comma == std::string_view::npos ? std::string_view() : fields.substr(comma + 1);
        if (field.size() < 3 || field[1] != ':') {
            continue;
        }
        const std::string_view value = field.substr(2);
        if (field[0] == 'c') {
            std::int64_t t = 0;
            const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), t);
            if (ec == std::errc() && end == value.data() + value.size() && t >= 0) {
                // 13 digits and more are milliseconds (some archives write them).
                tag.timeUtcMs = value.size() >= 13 ? t : t * 1000;
            }
        } else if (field[0] == 's') {
            tag.source = value;
        } else if (field[0] == 'g') {
            // "1-2-1234": this is sentence 1 of 2 in group 1234.
            const std::size_t dash = value.rfind('-');
            int id = 0;
            if (dash != std::string_view::npos) {
                const auto [end, ec] =
                    std::from_chars(value.data() + dash + 1, value.data() + value.size(), id);
                if (ec == std::errc() && end == value.data() + value.size()) {
                    tag.groupId = id;
                }
            }
        }
    }
    return tag;
}

bool parseSmallInt(std::string_view text, int& out)
{
    if (text.empty() || text.size() > 2) {
        return false;
    }
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
}

bool looksLikeNmea(std::string_view line)
{
    const std::size_t start = line.find_first_of("$!");
    return start != std::string_view::npos && line.find('*', start) != std::string_view::npos;
}

} // namespace

ParsedLine parseLine(std::string_view line)
{
    ParsedLine out;
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) {
        line.remove_suffix(1);
    }
    if (line.size() > kMaxLineBytes) {
        out.kind = ParsedLine::Kind::Rejected;
        out.rejection = Rejection::LineTooLong;
        return out;
    }
    const std::size_t start = findAisStart(line);
    if (start == std::string_view::npos) {
        out.kind = looksLikeNmea(line) ? ParsedLine::Kind::OtherNmea : ParsedLine::Kind::NotNmea;
        return out;
    }
    out.kind = ParsedLine::Kind::Rejected;
    AisSentence& s = out.sentence;

    // A tag block ends with the backslash right before the sentence.
    if (start >= 2 && line[start - 1] == '\\') {
        const std::size_t open = line.rfind('\\', start - 2);
        if (open != std::string_view::npos) {
            s.tag = parseTagBlock(line.substr(open + 1, start - 2 - open));
        }
    }

    const std::size_t star = line.find('*', start);
    if (star == std::string_view::npos || star + 3 > line.size()) {
        out.rejection = Rejection::MissingChecksum;
        return out;
    }
    const int hi = hexValue(line[star + 1]);
    const int lo = hexValue(line[star + 2]);
    if (hi < 0 || lo < 0) {
        out.rejection = Rejection::MissingChecksum;
        return out;
    }
    const std::string_view body = line.substr(start + 1, star - start - 1);
    if (xorOf(body) != static_cast<unsigned>(hi * 16 + lo)) {
        out.rejection = Rejection::BadChecksum;
        return out;
    }

    // Exactly seven comma-separated fields between '!' and '*'.
    std::string_view fields[7];
    std::string_view rest = body;
    for (int i = 0; i < 7; ++i) {
        const std::size_t comma = rest.find(',');
        if ((comma == std::string_view::npos) != (i == 6)) {
            out.rejection = Rejection::BadFraming;
            return out;
        }
        fields[i] = rest.substr(0, comma);
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
    s.formatter = fields[0];
    s.ownShip = fields[0][4] == 'O';
    if (!parseSmallInt(fields[1], s.fragmentCount) || !parseSmallInt(fields[2], s.fragmentNumber)) {
        out.rejection = Rejection::BadFraming;
        return out;
    }
    if (s.fragmentCount < 1 || s.fragmentCount > 9 || s.fragmentNumber < 1 ||
        s.fragmentNumber > s.fragmentCount) {
        out.rejection = Rejection::BadFragment;
        return out;
    }
    if (!fields[3].empty() && !parseSmallInt(fields[3], s.sequenceId)) {
        out.rejection = Rejection::BadFraming;
        return out;
    }
    if (fields[4].size() > 1) {
        out.rejection = Rejection::BadFraming;
        return out;
    }
    s.channel = fields[4].empty() ? '\0' : fields[4][0];
    s.payload = fields[5];
    // An empty fill field is read as 0: some receivers leave it out.
    if (!fields[6].empty() &&
        (!parseSmallInt(fields[6], s.fillBits) || s.fillBits < 0 || s.fillBits > 5)) {
        out.rejection = Rejection::BadFraming;
        return out;
    }
    out.kind = ParsedLine::Kind::Ais;
    return out;
}

} // namespace wake::ais
