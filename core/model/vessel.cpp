#include "core/model/vessel.h"

namespace wake::model {

QString Vessel::displayName() const
{
    if (name && !name->isEmpty()) {
        return *name;
    }
    if (mmsi) {
        return QStringLiteral("MMSI %1").arg(*mmsi);
    }
    if (imo) {
        return QStringLiteral("IMO %1").arg(*imo);
    }
    return QStringLiteral("Vessel #%1").arg(id);
}

bool isValidImo(std::uint32_t imo)
{
    if (imo < 1000000 || imo > 9999999) {
        return false;
    }
    // Weighted sum of the first six digits (weights 7..2); its last digit is the check digit.
    std::uint32_t sum = 0;
    std::uint32_t rest = imo / 10;
    for (int weight = 2; weight <= 7; ++weight) {
        sum += (rest % 10) * static_cast<std::uint32_t>(weight);
        rest /= 10;
    }
    return sum % 10 == imo % 10;
}

} // namespace wake::model
