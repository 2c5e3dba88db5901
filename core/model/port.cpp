#include "core/model/port.h"

namespace wake::model {

double defaultPortRadiusKm(HarborSize size)
{
    switch (size) {
    case HarborSize::Large:
        return 6.0;
    case HarborSize::Medium:
        return 4.0;
    case HarborSize::Small:
        return 2.5;
    case HarborSize::VerySmall:
        return 1.5;
    case HarborSize::Unknown:
        break;
    }
    return 2.0;
}

QString toString(PortKind kind)
{
    switch (kind) {
    case PortKind::Terminal:
        return QStringLiteral("terminal");
    case PortKind::Lock:
        return QStringLiteral("lock");
    case PortKind::Anchorage:
        return QStringLiteral("anchorage");
    case PortKind::Port:
        break;
    }
    return QStringLiteral("port");
}

PortKind portKindFromString(const QString& text)
{
    if (text == QLatin1String("terminal")) {
        return PortKind::Terminal;
    }
    if (text == QLatin1String("lock")) {
        return PortKind::Lock;
    }
    if (text == QLatin1String("anchorage")) {
        return PortKind::Anchorage;
    }
    return PortKind::Port;
}

} // namespace wake::model
