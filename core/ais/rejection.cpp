#include "core/ais/rejection.h"

namespace wake::ais {

namespace {

struct Names
{
    std::string_view text;
    std::string_view key;
};

constexpr std::array<Names, kRejectionCount> kNames = {{
    {"line too long", "line_too_long"},
    {"bad framing", "bad_framing"},
    {"missing checksum", "missing_checksum"},
    {"bad checksum", "bad_checksum"},
    {"bad fragment number", "bad_fragment"},
    {"orphan fragment", "orphan_fragment"},
    {"incomplete multi-part message", "incomplete_message"},
    {"bad payload character", "bad_payload_character"},
    {"empty payload", "empty_payload"},
    {"wrong length for its type", "wrong_length"},
    {"unknown type 24 part", "unknown_part"},
    {"undefined message type", "unknown_type"},
    {"time outside 1970-2100", "bad_time"},
}};

} // namespace

std::string_view describe(Rejection reason)
{
    return kNames[static_cast<std::size_t>(reason)].text;
}

std::string_view key(Rejection reason)
{
    return kNames[static_cast<std::size_t>(reason)].key;
}

void DecodeStats::merge(const DecodeStats& other)
{
    lines += other.lines;
    sentences += other.sentences;
    messages += other.messages;
    unsupported += other.unsupported;
    otherNmea += other.otherNmea;
    notNmea += other.notNmea;
    duplicates += other.duplicates;
    for (std::size_t i = 0; i < byType.size(); ++i) {
        byType[i] += other.byType[i];
    }
    for (std::size_t i = 0; i < rejections.size(); ++i) {
        for (std::int64_t k = 0; k < other.rejections[i].count && k < RejectionCount::kExampleLines;
             ++k) {
            if (rejections[i].count < RejectionCount::kExampleLines) {
                rejections[i].exampleLines[static_cast<std::size_t>(rejections[i].count)] =
                    other.rejections[i].exampleLines[static_cast<std::size_t>(k)];
            }
            ++rejections[i].count;
        }
        if (other.rejections[i].count > RejectionCount::kExampleLines) {
            rejections[i].count += other.rejections[i].count - RejectionCount::kExampleLines;
        }
    }
}

} // namespace wake::ais
