#include "core/lists/watch_list.h"

#include <QLocale>

#include <array>
#include <utility>

namespace wake::lists {

namespace {

constexpr std::array<std::pair<ListFormat, const char*>, 5> kKeys = {{
    {ListFormat::OfacSdnCsv, "ofac-sdn-csv"},
    {ListFormat::OfacSdnXml, "ofac-sdn-xml"},
    {ListFormat::UkConsolidatedCsv, "uk-consolidated-csv"},
    {ListFormat::OpenSanctionsJson, "opensanctions-json"},
    {ListFormat::UserCsv, "csv"},
}};

} // namespace

QString toString(ListFormat format)
{
    for (const auto& [f, key] : kKeys) {
        if (f == format) {
            return QString::fromLatin1(key);
        }
    }
    return QStringLiteral("csv");
}

QString displayName(ListFormat format)
{
    switch (format) {
    case ListFormat::OfacSdnCsv:
        return QStringLiteral("OFAC SDN (CSV)");
    case ListFormat::OfacSdnXml:
        return QStringLiteral("OFAC SDN (XML)");
    case ListFormat::UkConsolidatedCsv:
        return QStringLiteral("UK consolidated list (CSV)");
    case ListFormat::OpenSanctionsJson:
        return QStringLiteral("OpenSanctions (JSON)");
    case ListFormat::UserCsv:
        break;
    }
    return QStringLiteral("CSV");
}

std::optional<ListFormat> listFormatFromString(const QString& text)
{
    for (const auto& [f, key] : kKeys) {
        if (text == QLatin1String(key)) {
            return f;
        }
    }
    return std::nullopt;
}

QString WatchList::title() const
{
    return QStringLiteral("%1 list as of %2")
        .arg(name, QLocale(QLocale::English).toString(snapshot, QStringLiteral("d MMMM yyyy")));
}

} // namespace wake::lists
