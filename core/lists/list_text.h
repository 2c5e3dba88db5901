#pragma once

// Pieces every list reader needs: text decoded whatever its encoding,
// identifiers read from the ways lists write them, and names as the matcher
// compares them.

#include <QByteArray>
#include <QDate>
#include <QString>

#include <cstdint>
#include <optional>

namespace wake::lists {

// UTF-8 when the bytes are valid UTF-8 (a byte order mark dropped), else
// Latin-1 (OFAC's sdn.csv).
QString decodeListText(const QByteArray& bytes);
// "IMO 7937317", "7937317", "IMO: 7937317": the number when its check digit is right.
std::optional<std::uint32_t> parseImo(const QString& text);
// A nine-digit MMSI in the text ("MMSI 445114000").
std::optional<std::uint32_t> parseMmsi(const QString& text);
// A name as the matcher compares it: upper case, no accents or punctuation,
// single spaces, without a leading M/V, MV, MT or M/T.
QString nameKey(const QString& name);
// Edits (insert, delete, replace) between two keys, stopping past limit.
int editDistance(const QString& a, const QString& b, int limit);
// A date written in a file's name (2024-05-03 or 20240503).
std::optional<QDate> dateInFileName(const QString& path);

} // namespace wake::lists
