#include "core/model/event.h"

#include <array>
#include <utility>

namespace wake::model {

namespace {
struct KindName
{
    EventKind kind;
    const char* key;
    const char* display;
};
constexpr std::array<KindName, 19> kKindNames{{
    {EventKind::Departure, "departure", "Departure"},
    {EventKind::Arrival, "arrival", "Arrival"},
    {EventKind::PortCall, "port_call", "Port call"},
    {EventKind::AisOff, "ais_off", "AIS off"},
    {EventKind::AisOn, "ais_on", "AIS on"},
    {EventKind::Transit, "transit", "Transit"},
    {EventKind::Boarding, "boarding", "Boarding"},
    {EventKind::Seizure, "seizure", "Seizure"},
    {EventKind::Inspection, "inspection", "Inspection"},
    {EventKind::Release, "release", "Release"},
    {EventKind::Other, "other", "Other"},
    {EventKind::PortVisit, "port_visit", "Port visit"},
    {EventKind::AisGap, "ais_gap", "AIS gap"},
    {EventKind::Encounter, "encounter", "Encounter"},
    {EventKind::Loitering, "loitering", "Loitering"},
    {EventKind::PositionJump, "position_jump", "Position jump"},
    {EventKind::IdentityChange, "identity_change", "Identity change"},
    {EventKind::IdentityConflict, "identity_conflict", "Identity conflict"},
    {EventKind::SpoofingSuspected, "spoofing_suspected", "Spoofing suspected"},
}};
} // namespace

QString toString(EventKind kind)
{
    for (const auto& k : kKindNames) {
        if (k.kind == kind) {
            return QString::fromLatin1(k.key);
        }
    }
    return QStringLiteral("other");
}

bool isDetectedKind(EventKind kind)
{
    switch (kind) {
    case EventKind::PortVisit:
    case EventKind::AisGap:
    case EventKind::Encounter:
    case EventKind::Loitering:
    case EventKind::PositionJump:
    case EventKind::IdentityChange:
    case EventKind::IdentityConflict:
    case EventKind::SpoofingSuspected:
        return true;
    default:
        return false;
    }
}

QString displayName(EventKind kind)
{
    for (const auto& k : kKindNames) {
        if (k.kind == kind) {
            return QString::fromLatin1(k.display);
        }
    }
    return QStringLiteral("Other");
}

std::optional<EventKind> eventKindFromString(const QString& text)
{
    for (const auto& k : kKindNames) {
        if (text == QLatin1String(k.key)) {
            return k.kind;
        }
    }
    return std::nullopt;
}

QString toString(CoordBasis basis)
{
    switch (basis) {
    case CoordBasis::PortReference:
        return QStringLiteral("port_reference");
    case CoordBasis::Reported:
        return QStringLiteral("reported");
    case CoordBasis::Observed:
        return QStringLiteral("observed");
    case CoordBasis::None:
        break;
    }
    return QStringLiteral("none");
}

CoordBasis coordBasisFromString(const QString& text)
{
    if (text == QLatin1String("port_reference")) {
        return CoordBasis::PortReference;
    }
    if (text == QLatin1String("reported")) {
        return CoordBasis::Reported;
    }
    if (text == QLatin1String("observed")) {
        return CoordBasis::Observed;
    }
    return CoordBasis::None;
}

} // namespace wake::model
