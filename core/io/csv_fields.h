#pragma once

// Splits one CSV line into fields without copying, and reads numbers from
// them. Quoted fields lose their outer quotes; a doubled quote inside stays
// doubled until csvCellText (io/csv_cell.h) reads the cell as text (AIS CSV
// exports quote nothing but the odd vessel name, and a field never spans
// lines in them).

#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>
#include <vector>

namespace wake::io {

inline void splitCsvLine(std::string_view line, std::vector<std::string_view>& fields)
{
    fields.clear();
    if (!line.empty() && line.back() == '\r') {
        line.remove_suffix(1);
    }
    std::size_t pos = 0;
    for (;;) {
        if (pos < line.size() && line[pos] == '"') {
            std::size_t end = pos + 1;
            while (end < line.size()) {
                if (line[end] == '"' && (end + 1 >= line.size() || line[end + 1] != '"')) {
                    break;
                }
                end += line[end] == '"' ? 2 : 1;
            }
            fields.push_back(line.substr(pos + 1, std::min(end, line.size()) - pos - 1));
            pos = line.find(',', end);
        } else {
            const std::size_t comma = line.find(',', pos);
            fields.push_back(
                line.substr(pos, comma == std::string_view::npos ? comma : comma - pos));
            pos = comma;
        }
        if (pos == std::string_view::npos) {
            return;
        }
        ++pos;
    }
}

inline std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
        s.remove_suffix(1);
    }
    return s;
}

// Empty -> nullopt (missing value); garbage -> ok = false.
template <typename T>
std::optional<T> number(std::string_view text, bool& ok)
{
    text = trimmed(text);
    if (text.empty()) {
        return std::nullopt;
    }
    T value{};
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) {
        ok = false;
        return std::nullopt;
    }
    // from_chars reads "nan" and "inf": no coordinate, speed or size is.
    if constexpr (std::is_floating_point_v<T>) {
        if (!std::isfinite(value)) {
            ok = false;
            return std::nullopt;
        }
    }
    return value;
}

} // namespace wake::io
