#include "core/lists/list_text.h"

#include "core/model/vessel.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>

#include <algorithm>
#include <vector>

namespace wake::lists {

QString decodeListText(const QByteArray& bytes)
{
    QByteArray data = bytes;
    if (data.startsWith("\xEF\xBB\xBF")) {
        data.remove(0, 3);
    }
    QStringDecoder utf8(QStringDecoder::Utf8);
    QString text = utf8.decode(data);
    if (!utf8.hasError()) {
        return text;
    }
    return QString::fromLatin1(data);
}

std::optional<std::uint32_t> parseImo(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("(?:^|[^0-9])([0-9]{7})(?:[^0-9]|$)"));
    const auto m = re.match(text);
    if (!m.hasMatch()) {
        return std::nullopt;
    }
    const auto imo = static_cast<std::uint32_t>(m.captured(1).toUInt());
    return model::isValidImo(imo) ? std::optional(imo) : std::nullopt;
}

std::optional<std::uint32_t> parseMmsi(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("(?:^|[^0-9])([0-9]{9})(?:[^0-9]|$)"));
    const auto m = re.match(text);
    if (!m.hasMatch()) {
        return std::nullopt;
    }
    return static_cast<std::uint32_t>(m.captured(1).toUInt());
}

QString nameKey(const QString& name)
{
    QString folded;
    for (const QChar c : name.normalized(QString::NormalizationForm_KD)) {
        if (c.isLetterOrNumber() && c.unicode() < 128) {
            folded += c.toUpper();
        } else if (c.category() != QChar::Mark_NonSpacing) {
            folded += QLatin1Char(' ');
        }
    }
    QStringList words = folded.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    // "M/V NAME" folds to "M V NAME"; "MV", "MT" and "M T" are prefixes too.
    if (words.size() > 2 && words[0] == QLatin1String("M") &&
        (words[1] == QLatin1String("V") || words[1] == QLatin1String("T"))) {
        words.remove(0, 2);
    } else if (words.size() > 1 &&
               (words[0] == QLatin1String("MV") || words[0] == QLatin1String("MT"))) {
        words.remove(0);
    }
    return words.join(QLatin1Char(' '));
}

int editDistance(const QString& a, const QString& b, int limit)
{
    if (std::abs(a.size() - b.size()) > limit) {
        return limit + 1;
    }
    std::vector<int> previous(static_cast<std::size_t>(b.size()) + 1);
    std::vector<int> current(previous.size());
    for (std::size_t j = 0; j < previous.size(); ++j) {
        previous[j] = static_cast<int>(j);
    }
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = static_cast<int>(i);
        int rowBest = current[0];
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            const auto jj = static_cast<std::size_t>(j);
            current[jj] =
                std::min({previous[jj] + 1, current[jj - 1] + 1, previous[jj - 1] + cost});
            rowBest = std::min(rowBest, current[jj]);
        }
        if (rowBest > limit) {
            return limit + 1;
        }
        std::swap(previous, current);
    }
    return previous.back();
}

std::optional<QDate> dateInFileName(const QString& path)
{
    static const QRegularExpression re(
        QStringLiteral("(?:^|[^0-9])((?:19|20)[0-9]{2})-?([01][0-9])-?([0-3][0-9])(?:[^0-9]|$)"));
    const auto m = re.match(QFileInfo(path).fileName());
    if (!m.hasMatch()) {
        return std::nullopt;
    }
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    return date.isValid() ? std::optional(date) : std::nullopt;
}

} // namespace wake::lists
