#include "core/ais/nmea_sentence.h"

#include "core/ais/nmea_checksum.h"
#include "core/util/ais_era.h"

#include <charconv>
#include <tuple>

namespace wake::ais {

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

namespace {

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
            // 13 digits and more are milliseconds (some archives write them);
            // at most 12 digits of seconds, so t * 1000 cannot overflow.
            const bool digits = ec == std::errc() && end == value.data() + value.size();
            const std::int64_t ms = !digits ? -1 : value.size() >= 13 ? t : t * 1000;
            if (digits && value.size() <= 19 && isFixTime(ms)) {
                tag.timeUtcMs = ms;
            } else {
                tag.badTime = true;
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

// Digits only, at most maxDigits of them (no sign, no spaces): the small
// fields of NMEA sentences, read without from_chars' generality.
bool parseDigits(std::string_view text, std::size_t maxDigits, int& out)
{
    if (text.empty() || text.size() > maxDigits) {
        return false;
    }
    int v = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

bool parseSmallInt(std::string_view text, int& out)
{
    return parseDigits(text, 2, out);
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
    if (s.tag.badTime) {
        out.rejection = Rejection::BadTime; // a sentence never gets a time it did not have
        return out;
    }

    // Exactly seven comma-separated fields between '!' and '*'. The first
    // five fields are short and the last is the fill digit: the commas are
    // looked for from both ends, and the payload between must have none.
    std::size_t commas[6];
    std::size_t found = 0;
    for (std::size_t i = 0; i < body.size() && found < 5; ++i) {
        if (body[i] == ',') {
            commas[found++] = i;
        }
    }
    const std::size_t last = body.rfind(',');
    if (found < 5 || last == std::string_view::npos || last <= commas[4] ||
        body.substr(commas[4] + 1, last - commas[4] - 1).find(',') != std::string_view::npos) {
        out.rejection = Rejection::BadFraming;
        return out;
    }
    commas[5] = last;
    // Field i of the seven (no array of views: zeroing one per line showed).
    const auto field = [&](std::size_t i) {
        const std::size_t from = i == 0 ? 0 : commas[i - 1] + 1;
        return body.substr(from, (i == 6 ? body.size() : commas[i]) - from);
    };
    s.formatter = field(0);
    s.ownShip = field(0)[4] == 'O';
    if (!parseSmallInt(field(1), s.fragmentCount) || !parseSmallInt(field(2), s.fragmentNumber)) {
        out.rejection = Rejection::BadFraming;
        return out;
    }
    if (s.fragmentCount < 1 || s.fragmentCount > 9 || s.fragmentNumber < 1 ||
        s.fragmentNumber > s.fragmentCount) {
        out.rejection = Rejection::BadFragment;
        return out;
    }
    if (!field(3).empty() && !parseSmallInt(field(3), s.sequenceId)) {
        out.rejection = Rejection::BadFraming;
        return out;
    }
    if (field(4).size() > 1) {
        out.rejection = Rejection::BadFraming;
        return out;
    }
    s.channel = field(4).empty() ? '\0' : field(4)[0];
    s.payload = field(5);
    // An empty fill field is read as 0: some receivers leave it out.
    if (!field(6).empty() &&
        (!parseSmallInt(field(6), s.fillBits) || s.fillBits < 0 || s.fillBits > 5)) {
        out.rejection = Rejection::BadFraming;
        return out;
    }
    // Some loggers (exactEarth, AMSA) append the Unix time after the
    // checksum: ",1327992119173" (milliseconds) or ",1327992119" (seconds).
    // A tag block's c: still wins.
    if (!s.tag.timeUtcMs) {
        s.trailingTimeUtcMs = trailingUnixTime(line.substr(star + 3));
    }
    s.checksum = hi * 16 + lo;
    out.kind = ParsedLine::Kind::Ais;
    return out;
}

std::optional<std::int64_t> trailingUnixTime(std::string_view rest)
{
    if (rest.size() < 2 || rest.front() != ',') {
        return std::nullopt;
    }
    rest.remove_prefix(1);
    if (rest.size() != 10 && rest.size() != 13) {
        return std::nullopt;
    }
    std::int64_t v = 0;
    for (const char c : rest) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        v = v * 10 + (c - '0');
    }
    if (rest.size() == 10) {
        v *= 1000;
    }
    // 1970 to 2100 only: anything else is not a time.
    if (v <= 0 || !isFixTime(v)) {
        return std::nullopt;
    }
    return v;
}

int sentenceChecksum(std::string_view line)
{
    const std::size_t bang = line.find('!');
    const std::size_t star = line.find('*', bang == std::string_view::npos ? 0 : bang);
    if (star == std::string_view::npos || star + 3 > line.size()) {
        return -1;
    }
    const int hi = hexValue(line[star + 1]);
    const int lo = hexValue(line[star + 2]);
    return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
}

std::optional<GatehouseTime> gatehouseTime(std::string_view line)
{
    // $PGHP,1,YYYY,M,D,h,m,s,ms,...*hh: Gatehouse's time of the message that follows.
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) {
        line.remove_suffix(1);
    }
    if (!line.starts_with("$PGHP,1,")) {
        return std::nullopt;
    }
    // The checksum ends the line: look there first rather than scan for it.
    const std::size_t star =
        line.size() >= 3 && line[line.size() - 3] == '*' ? line.size() - 3 : line.find('*');
    if (star == std::string_view::npos || star + 3 > line.size()) {
        return std::nullopt;
    }
    const int hi = hexValue(line[star + 1]);
    const int lo = hexValue(line[star + 2]);
    if (hi < 0 || lo < 0 ||
        xorOf(line.substr(1, star - 1)) != static_cast<unsigned>(hi * 16 + lo)) {
        return std::nullopt;
    }
    std::string_view rest = line.substr(8, star - 8);
    int v[7] = {};
    // Each field is one to four digits and a comma, read in one pass (a find
    // per field cost more than the rest of the line: half a log's lines).
    std::size_t at = 0;
    for (int& field : v) {
        const std::size_t from = at;
        int value = 0;
        while (at < rest.size() && rest[at] >= '0' && rest[at] <= '9' && at - from < 4) {
            value = value * 10 + (rest[at++] - '0');
        }
        if (at == from || at >= rest.size() || rest[at] != ',') {
            return std::nullopt;
        }
        field = value;
        ++at;
    }
    const auto [year, month, day, hour, minute, second, ms] =
        std::tuple{v[0], v[1], v[2], v[3], v[4], v[5], v[6]};
    if (year < 1970 || year >= 2100 || month < 1 || month > 12 || day < 1 || day > 31 ||
        hour > 23 || minute > 59 || second > 60 || ms > 999) {
        return std::nullopt;
    }
    // The last field before the checksum: the checksum of the AIS sentence.
    int stamped = -1;
    const std::size_t lastComma = star >= 3 ? star - 3 : std::string_view::npos;
    if (lastComma != std::string_view::npos && line[lastComma] == ',') {
        const int h = hexValue(line[lastComma + 1]);
        const int l = hexValue(line[lastComma + 2]);
        stamped = h < 0 || l < 0 ? -1 : h * 16 + l;
    }
    // Days from the civil date (Howard Hinnant's algorithm), once per date:
    // a log's time lines share it for hours.
    thread_local int cachedDate = -1;
    thread_local std::int64_t cachedDays = 0;
    const int date = (year * 16 + month) * 32 + day;
    if (date != cachedDate) {
        const int y = year - (month <= 2 ? 1 : 0);
        const int era = y / 400;
        const int yoe = y - era * 400;
        const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        cachedDays = static_cast<std::int64_t>(era) * 146097 + doe - 719468;
        cachedDate = date;
    }
    const std::int64_t days = cachedDays;
    return GatehouseTime{((days * 24 + hour) * 60 + minute) * 60'000LL + second * 1000LL + ms,
                         stamped};
}

} // namespace wake::ais
