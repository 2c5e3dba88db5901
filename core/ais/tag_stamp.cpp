#include "ais/tag_stamp.h"

#include "ais/nmea_checksum.h"

#include <cstdio>

namespace wake::ais {

namespace {

// The fields of a leading "\fields*hh\" block with a good checksum.
bool splitTagBlock(std::string_view line, std::string_view& fields, std::string_view& rest)
{
    if (line.size() < 5 || line[0] != '\\') {
        return false;
    }
    const std::size_t close = line.find('\\', 1);
    if (close == std::string_view::npos) {
        return false;
    }
    const std::string_view block = line.substr(1, close - 1);
    if (!hasValidChecksum(block)) {
        return false;
    }
    fields = block.substr(0, block.rfind('*'));
    rest = line.substr(close + 1);
    return true;
}

} // namespace

StampedLine stampLine(std::string_view line, std::int64_t receiveUtcMs, std::string_view sourceName)
{
    std::string_view fields;
    std::string_view rest = line;
    std::string_view senderSource;
    std::string_view senderTime;
    std::string others;
    if (splitTagBlock(line, fields, rest)) {
        while (!fields.empty()) {
            const std::size_t comma = fields.find(',');
            const std::string_view field = fields.substr(0, comma);
            fields =
                comma == std::string_view::npos ? std::string_view() : fields.substr(comma + 1);
            if (field.size() >= 2 && field[1] == ':' && field[0] == 's') {
                senderSource = field.substr(2);
            } else if (field.size() >= 3 && field[1] == ':' && field[0] == 'c') {
                senderTime = field;
            } else if (!field.empty()) {
                others += ',';
                others += field;
            }
        }
    }
    StampedLine out;
    std::string tag = "s:";
    tag += sourceName;
    if (!senderSource.empty()) {
        tag += '/';
        tag += senderSource;
    }
    tag += ',';
    if (!senderTime.empty()) {
        tag += senderTime;
        out.senderTime = true;
    } else {
        tag += "c:" + std::to_string(receiveUtcMs);
    }
    tag += others;
    char checksum[4];
    std::snprintf(checksum, sizeof checksum, "*%02X", xorOf(tag));
    out.text.reserve(tag.size() + rest.size() + 6);
    out.text += '\\';
    out.text += tag;
    out.text += checksum;
    out.text += '\\';
    out.text += rest;
    return out;
}

} // namespace wake::ais
