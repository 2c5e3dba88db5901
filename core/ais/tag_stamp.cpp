#include "core/ais/tag_stamp.h"

#include "core/ais/nmea_checksum.h"
#include "core/ais/nmea_sentence.h"

#include <cstdio>

namespace wake::ais {

StampedLine stampLine(std::string_view line, std::int64_t receiveUtcMs, std::string_view sourceName)
{
    // The sentence and the tag block the decoder would read as its own (the
    // one ending right before it); text before them ("# " in some logs) stays
    // in front. A block whose checksum fails is dropped: nothing in it can be
    // trusted, and left in place it would hide the new block from the sentence.
    std::string_view prefix;
    std::string_view rest = line;
    std::string_view fields;
    if (const std::size_t start = findAisStart(line); start != std::string_view::npos) {
        prefix = line.substr(0, start);
        rest = line.substr(start);
        if (start >= 2 && line[start - 1] == '\\') {
            if (const std::size_t open = line.rfind('\\', start - 2);
                open != std::string_view::npos) {
                const std::string_view block = line.substr(open + 1, start - 2 - open);
                prefix = line.substr(0, open);
                if (hasValidChecksum(block)) {
                    fields = block.substr(0, block.rfind('*'));
                }
            }
        }
    }
    std::string_view senderSource;
    std::string_view senderTime;
    std::string others;
    while (!fields.empty()) {
        const std::size_t comma = fields.find(',');
        const std::string_view field = fields.substr(0, comma);
        fields = comma == std::string_view::npos ? std::string_view() : fields.substr(comma + 1);
        if (field.size() >= 2 && field[1] == ':' && field[0] == 's') {
            senderSource = field.substr(2);
        } else if (field.size() >= 3 && field[1] == ':' && field[0] == 'c') {
            senderTime = field;
        } else if (!field.empty()) {
            others += ',';
            others += field;
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
    out.text.reserve(prefix.size() + tag.size() + rest.size() + 6);
    out.text += prefix;
    out.text += '\\';
    out.text += tag;
    out.text += checksum;
    out.text += '\\';
    out.text += rest;
    return out;
}

} // namespace wake::ais
