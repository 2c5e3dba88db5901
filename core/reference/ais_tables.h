#pragma once

// ITU-R M.1371 code tables as gpsd documents them: ship and cargo types (0-99)
// and navigational status (0-15), with a coarse display group per ship type.

#include "core/util/result.h"

#include <QString>

#include <array>
#include <optional>

namespace wake::reference {

struct ShipTypeInfo
{
    QString description;  // "Cargo, all ships of this type"
    QString displayGroup; // "Cargo"
};

class AisTables
{
public:
    static Result<AisTables> loadBuiltIn();
    static Result<AisTables> load(const QString& shipTypesCsv, const QString& navStatusCsv);

    // nullopt for codes outside 0-99 (NAIS and other extended codes).
    std::optional<ShipTypeInfo> shipType(int code) const;
    // nullopt for codes outside 0-15.
    std::optional<QString> navStatus(int code) const;

private:
    std::array<ShipTypeInfo, 100> m_shipTypes;
    std::array<QString, 16> m_navStatus;
};

// What to show as a vessel's type: the free text a source or CSV gave
// ("General cargo ship"), else the AIS code's meaning with the code ("Cargo,
// hazardous category A (AIS type 71)"); empty when neither is known.
QString vesselTypeText(const std::optional<QString>& vesselType, std::optional<int> aisShipType);

} // namespace wake::reference
