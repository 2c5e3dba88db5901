#include "core/ais/decode_summary.h"

#include "core/util/number_text.h"

#include <QStringList>

namespace wake::ais {

QString formatDecodeStats(const DecodeStats& stats)
{
    const auto n = util::countText;
    QString out = QStringLiteral("%1 lines: %2 AIS sentences, %3 messages decoded")
                      .arg(n(stats.lines), n(stats.sentences), n(stats.messages));
    if (stats.unsupported > 0) {
        out += QStringLiteral(" (%1 of types kept undecoded)").arg(n(stats.unsupported));
    }
    out += QLatin1Char('\n');
    QStringList types;
    for (std::size_t t = 0; t < stats.byType.size(); ++t) {
        if (stats.byType[t] > 0) {
            types << QStringLiteral("%1: %2").arg(t).arg(n(stats.byType[t]));
        }
    }
    if (!types.isEmpty()) {
        out += QStringLiteral("  by type: ") + types.join(QStringLiteral(", ")) + QLatin1Char('\n');
    }
    if (stats.otherNmea > 0 || stats.notNmea > 0) {
        out += QStringLiteral("  skipped: %1 other NMEA sentences, %2 lines that are not NMEA\n")
                   .arg(n(stats.otherNmea), n(stats.notNmea));
    }
    if (stats.duplicates > 0) {
        out += QStringLiteral("  duplicates: %1 messages heard again within 10 s, kept once\n")
                   .arg(n(stats.duplicates));
    }
    const std::int64_t rejected = stats.rejected();
    if (rejected == 0) {
        out += QStringLiteral("  rejected: none\n");
        return out;
    }
    out += QStringLiteral("  rejected: %1\n").arg(n(rejected));
    for (int i = 0; i < kRejectionCount; ++i) {
        const auto reason = static_cast<Rejection>(i);
        const RejectionCount& r = stats[reason];
        if (r.count == 0) {
            continue;
        }
        out += formatRejectionLine(describe(reason), r);
    }
    return out;
}

QString formatRejectionLine(std::string_view reason, const RejectionCount& count)
{
    QStringList lines;
    for (std::int64_t k = 0; k < std::min<std::int64_t>(count.count, RejectionCount::kExampleLines);
         ++k) {
        lines << QString::number(count.exampleLines[static_cast<std::size_t>(k)]);
    }
    return QStringLiteral("    %1: %2 (line%3 %4%5)\n")
        .arg(QString::fromLatin1(reason.data(), static_cast<qsizetype>(reason.size())),
             util::countText(count.count), lines.size() > 1 ? QStringLiteral("s") : QString(),
             lines.join(QStringLiteral(", ")),
             count.count > RejectionCount::kExampleLines ? QStringLiteral(", ...") : QString());
}

} // namespace wake::ais
