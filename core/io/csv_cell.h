#pragma once

// One text cell of a CSV file both ways, so that what Wake exports reads
// back exactly (wake import) and opens safely in a spreadsheet:
// - a cell with a comma, a quote, a line feed or a bare carriage return is
//   quoted, its quotes doubled (RFC 4180; a bare CR unquoted splits the row
//   in Excel and LibreOffice);
// - a cell a spreadsheet would run as a formula (starting with = + - @, a tab
//   or a CR) gets a leading apostrophe, as OWASP's advice on CSV injection and
//   the spreadsheets themselves do. So that the apostrophe is undone exactly,
//   a cell that already starts with apostrophes before such a character gets
//   one more; reading takes one off.

#include <QByteArray>
#include <QString>

#include <string>
#include <string_view>

namespace wake::io {

namespace csv_cell_detail {

inline bool startsAsFormula(std::string_view s)
{
    const std::size_t first = s.find_first_not_of('\'');
    if (first == std::string_view::npos) {
        return false;
    }
    const char c = s[first];
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

} // namespace csv_cell_detail

inline QByteArray csvCell(const QString& text)
{
    QByteArray s = text.toUtf8();
    if (csv_cell_detail::startsAsFormula(std::string_view(s.constData(), s.size()))) {
        s.prepend('\'');
    }
    if (s.contains(',') || s.contains('"') || s.contains('\n') || s.contains('\r')) {
        s.replace('"', "\"\"");
        return '"' + s + '"';
    }
    return s;
}

// The text of a cell splitCsvLine gave (its outer quotes already gone).
inline std::string csvCellText(std::string_view field)
{
    std::string out;
    out.reserve(field.size());
    for (std::size_t i = 0; i < field.size(); ++i) {
        out += field[i];
        if (field[i] == '"' && i + 1 < field.size() && field[i + 1] == '"') {
            ++i;
        }
    }
    if (!out.empty() && out.front() == '\'' && csv_cell_detail::startsAsFormula(out)) {
        out.erase(0, 1);
    }
    return out;
}

} // namespace wake::io
