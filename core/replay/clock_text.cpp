#include "core/replay/clock_text.h"

#include <QDateTime>

namespace wake::replay {

bool hasTimeOfDay(const std::optional<VesselState>& state)
{
    return state && state->provenance == model::Provenance::Observed;
}

QString clockText(std::int64_t timeUtcMs, const std::optional<VesselState>& state, ClockStyle style)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(timeUtcMs, Qt::UTC);
    const bool window = style == ClockStyle::Window;
    if (hasTimeOfDay(state)) {
        return t.toString(window ? QStringLiteral("ddd d MMM yyyy  HH:mm 'UTC'")
                                 : QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    }
    QString text =
        t.toString(window ? QStringLiteral("ddd d MMM yyyy") : QStringLiteral("yyyy-MM-dd"));
    if (window && state) {
        text += QStringLiteral("  · %1 position")
                    .arg(QString::fromLatin1(model::toString(state->provenance)));
        // A reconstructed passage runs at one constant speed we assumed.
        if (state->provenance == model::Provenance::Reconstructed && state->speedKnots) {
            text += QStringLiteral(", assumed %1 kn").arg(*state->speedKnots, 0, 'f', 1);
        }
    }
    return text;
}

} // namespace wake::replay
