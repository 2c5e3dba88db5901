#include "core/io/utc_time.h"

#include <charconv>

namespace wake::io {

std::int64_t daysFromCivil(int year, int month, int day)
{
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<std::int64_t>(era) * 146097 + doe - 719468;
}

namespace {

bool isLeap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int daysInMonth(int y, int m)
{
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : kDays[m - 1];
}

// Reads exactly n digits at text[pos].
bool digits(std::string_view text, std::size_t pos, std::size_t n, int& out)
{
    if (pos + n > text.size()) {
        return false;
    }
    const char* begin = text.data() + pos;
    const auto [end, ec] = std::from_chars(begin, begin + n, out);
    return ec == std::errc() && end == begin + n;
}

std::optional<std::int64_t> timeOfDay(std::string_view text, std::size_t pos, int year, int month,
                                      int day)
{
    int hour = 0;
    int minute = 0;
    int second = 0;
    if (!digits(text, pos, 2, hour) || text.size() < pos + 8 || text[pos + 2] != ':' ||
        !digits(text, pos + 3, 2, minute) || text[pos + 5] != ':' ||
        !digits(text, pos + 6, 2, second)) {
        return std::nullopt;
    }
    std::size_t rest = pos + 8;
    int millisecond = 0;
    if (rest < text.size() && text[rest] == '.') {
        std::size_t end = rest + 1;
        int scale = 100;
        while (end < text.size() && text[end] >= '0' && text[end] <= '9') {
            millisecond += (text[end] - '0') * scale;
            scale /= 10;
            ++end;
        }
        rest = end;
    }
    if (rest < text.size() && text[rest] == 'Z') {
        ++rest;
    }
    if (rest != text.size()) {
        return std::nullopt;
    }
    return utcMs(year, month, day, hour, minute, second, millisecond);
}

} // namespace

std::optional<std::int64_t> utcMs(int year, int month, int day, int hour, int minute, int second,
                                  int millisecond)
{
    // Second 60 is a leap second; AIS archives do not use it, so it is refused.
    if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 ||
        day > daysInMonth(year, month) || hour < 0 || hour > 23 || minute < 0 || minute > 59 ||
        second < 0 || second > 59 || millisecond < 0 || millisecond > 999) {
        return std::nullopt;
    }
    const std::int64_t days = daysFromCivil(year, month, day);
    return ((days * 24 + hour) * 60 + minute) * 60000 + second * 1000 + millisecond;
}

std::optional<std::int64_t> parseIsoUtc(std::string_view text)
{
    int year = 0;
    int month = 0;
    int day = 0;
    if (!digits(text, 0, 4, year) || text.size() < 11 || text[4] != '-' ||
        !digits(text, 5, 2, month) || text[7] != '-' || !digits(text, 8, 2, day) ||
        (text[10] != 'T' && text[10] != ' ')) {
        return std::nullopt;
    }
    return timeOfDay(text, 11, year, month, day);
}

std::optional<std::int64_t> parseDayFirstUtc(std::string_view text)
{
    int year = 0;
    int month = 0;
    int day = 0;
    if (!digits(text, 0, 2, day) || text.size() < 11 || text[2] != '/' ||
        !digits(text, 3, 2, month) || text[5] != '/' || !digits(text, 6, 4, year) ||
        text[10] != ' ') {
        return std::nullopt;
    }
    return timeOfDay(text, 11, year, month, day);
}

} // namespace wake::io
