#include "core/model/attribution.h"

namespace wake::model {

QString toString(Confidence confidence)
{
    switch (confidence) {
    case Confidence::High:
        return QStringLiteral("high");
    case Confidence::Medium:
        return QStringLiteral("medium");
    case Confidence::Low:
        return QStringLiteral("low");
    case Confidence::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

std::optional<Confidence> confidenceFromString(const QString& text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("high")) {
        return Confidence::High;
    }
    if (t == QLatin1String("medium")) {
        return Confidence::Medium;
    }
    if (t == QLatin1String("low")) {
        return Confidence::Low;
    }
    if (t == QLatin1String("unknown")) {
        return Confidence::Unknown;
    }
    return std::nullopt;
}

} // namespace wake::model
