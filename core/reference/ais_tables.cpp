#include "core/reference/ais_tables.h"

#include "core/ais/ais_texts.h"
#include "core/reference/core_resources.h"
#include "core/util/csv_table.h"

namespace wake::reference {

Result<AisTables> AisTables::loadBuiltIn()
{
    return load(corePath(QStringLiteral("tables/ais_ship_types.csv")),
                corePath(QStringLiteral("tables/ais_nav_status.csv")));
}

Result<AisTables> AisTables::load(const QString& shipTypesCsv, const QString& navStatusCsv)
{
    auto types = readCsvTable(shipTypesCsv, {QStringLiteral("code"), QStringLiteral("description"),
                                             QStringLiteral("display_group")});
    if (!types) {
        return types.error();
    }
    auto status =
        readCsvTable(navStatusCsv, {QStringLiteral("code"), QStringLiteral("description")});
    if (!status) {
        return status.error();
    }
    AisTables tables;
    const int tCode = types->header.indexOf(QStringLiteral("code"));
    const int tDesc = types->header.indexOf(QStringLiteral("description"));
    const int tGroup = types->header.indexOf(QStringLiteral("display_group"));
    for (const QStringList& row : types->rows) {
        bool ok = false;
        const int code = types->value(row, tCode).toInt(&ok);
        if (!ok || code < 0 || code > 99) {
            return Error{
                Error::Code::Format,
                QStringLiteral("ship type code \"%1\" is not 0-99").arg(types->value(row, tCode)),
                shipTypesCsv};
        }
        tables.m_shipTypes[static_cast<std::size_t>(code)] = {types->value(row, tDesc),
                                                              types->value(row, tGroup)};
    }
    const int sCode = status->header.indexOf(QStringLiteral("code"));
    const int sDesc = status->header.indexOf(QStringLiteral("description"));
    for (const QStringList& row : status->rows) {
        bool ok = false;
        const int code = status->value(row, sCode).toInt(&ok);
        if (!ok || code < 0 || code > 15) {
            return Error{Error::Code::Format,
                         QStringLiteral("navigational status \"%1\" is not 0-15")
                             .arg(status->value(row, sCode)),
                         navStatusCsv};
        }
        tables.m_navStatus[static_cast<std::size_t>(code)] = status->value(row, sDesc);
    }
    return tables;
}

std::optional<ShipTypeInfo> AisTables::shipType(int code) const
{
    if (code < 0 || code > 99) {
        return std::nullopt;
    }
    return m_shipTypes[static_cast<std::size_t>(code)];
}

std::optional<QString> AisTables::navStatus(int code) const
{
    if (code < 0 || code > 15) {
        return std::nullopt;
    }
    return m_navStatus[static_cast<std::size_t>(code)];
}

QString vesselTypeText(const std::optional<QString>& vesselType, std::optional<int> aisShipType)
{
    if (vesselType && !vesselType->isEmpty()) {
        return *vesselType;
    }
    if (aisShipType) {
        const std::string_view text = ais::shipTypeText(*aisShipType);
        return QStringLiteral("%1 (AIS type %2)")
            .arg(QString::fromLatin1(text.data(), static_cast<qsizetype>(text.size())))
            .arg(*aisShipType);
    }
    return {};
}

} // namespace wake::reference
