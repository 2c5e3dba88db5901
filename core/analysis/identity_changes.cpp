#include "core/analysis/identity_changes.h"

#include <algorithm>

namespace wake::analysis {

std::optional<QString> currentIdentityValue(const model::Vessel& v, const QString& field)
{
    if (field == QLatin1String("name")) {
        return v.name;
    }
    if (field == QLatin1String("callsign")) {
        return v.callSign;
    }
    if (field == QLatin1String("flag")) {
        return v.flagAlpha2;
    }
    if (field == QLatin1String("imo") && v.imo) {
        return QString::number(*v.imo);
    }
    if (field == QLatin1String("ship_type") && v.aisShipType) {
        return QString::number(*v.aisShipType);
    }
    return std::nullopt;
}

std::vector<IdentityChange> findIdentityChanges(const model::Vessel& vessel)
{
    std::vector<const model::IdentityRecord*> observed;
    for (const model::IdentityRecord& r : vessel.history) {
        if (r.sourceIds.empty() && r.to && !r.from && r.field != QLatin1String(kInvalidImoField)) {
            observed.push_back(&r);
        }
    }
    std::stable_sort(observed.begin(), observed.end(), [](const auto* a, const auto* b) {
        return std::tie(a->field, a->to->startUtcMs) < std::tie(b->field, b->to->startUtcMs);
    });
    std::vector<IdentityChange> changes;
    for (std::size_t i = 0; i < observed.size(); ++i) {
        const model::IdentityRecord& r = *observed[i];
        IdentityChange c;
        c.field = r.field;
        c.oldValue = r.value;
        c.timeUtcMs = r.to->startUtcMs;
        if (i + 1 < observed.size() && observed[i + 1]->field == r.field) {
            c.newValue = observed[i + 1]->value;
        } else {
            c.newValue = currentIdentityValue(vessel, r.field).value_or(QString());
        }
        changes.push_back(std::move(c));
    }
    std::sort(changes.begin(), changes.end(), [](const IdentityChange& a, const IdentityChange& b) {
        return a.timeUtcMs < b.timeUtcMs;
    });
    return changes;
}

} // namespace wake::analysis
