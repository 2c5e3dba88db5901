#include "core/ais/messages.h"

#include <cmath>

namespace wake::ais {

namespace {

constexpr double kMinutesPerDegree = 60.0;

// Out-of-range values are treated like the "not available" code: a latitude
// of 95° is no more a position than 91° is.
std::optional<double> scaledLat(std::int32_t raw, double unitsPerDegree)
{
    const double deg = raw / unitsPerDegree;
    return std::abs(deg) <= 90.0 ? std::optional<double>(deg) : std::nullopt;
}

std::optional<double> scaledLon(std::int32_t raw, double unitsPerDegree)
{
    const double deg = raw / unitsPerDegree;
    return std::abs(deg) <= 180.0 ? std::optional<double>(deg) : std::nullopt;
}

template <int N>
std::optional<std::string> textOrNothing(const FixedText<N>& text)
{
    if (text.empty()) {
        return std::nullopt;
    }
    return std::string(text.view());
}

} // namespace

std::optional<double> latitudeDeg(std::int32_t raw)
{
    return scaledLat(raw, 10000.0 * kMinutesPerDegree);
}

std::optional<double> longitudeDeg(std::int32_t raw)
{
    return scaledLon(raw, 10000.0 * kMinutesPerDegree);
}

std::optional<double> longRangeLatitudeDeg(std::int32_t raw)
{
    return scaledLat(raw, 10.0 * kMinutesPerDegree);
}

std::optional<double> longRangeLongitudeDeg(std::int32_t raw)
{
    return scaledLon(raw, 10.0 * kMinutesPerDegree);
}

std::optional<double> speedKnots(std::uint16_t raw)
{
    return raw < 1023 ? std::optional<double>(raw / 10.0) : std::nullopt;
}

std::optional<double> courseDeg(std::uint16_t raw)
{
    return raw < 3600 ? std::optional<double>(raw / 10.0) : std::nullopt;
}

std::optional<int> headingDeg(std::uint16_t raw)
{
    return raw < 360 ? std::optional<int>(raw) : std::nullopt;
}

std::optional<double> turnDegPerMin(std::int8_t raw)
{
    if (raw == -128 || raw == 127 || raw == -127) {
        return std::nullopt;
    }
    const double root = raw / 4.733;
    return raw < 0 ? -(root * root) : root * root;
}

std::optional<int> navStatus(std::uint8_t raw)
{
    return raw < 15 ? std::optional<int>(raw) : std::nullopt;
}

std::optional<std::uint32_t> imoNumber(std::uint32_t raw)
{
    return raw != 0 ? std::optional<std::uint32_t>(raw) : std::nullopt;
}

std::optional<double> draughtM(std::uint8_t raw)
{
    return raw != 0 ? std::optional<double>(raw / 10.0) : std::nullopt;
}

std::optional<int> shipType(std::uint8_t raw)
{
    return raw >= 1 && raw <= 99 ? std::optional<int>(raw) : std::nullopt;
}

std::optional<double> lengthM(const Dimensions& d)
{
    const int length = d.toBow + d.toStern;
    return d.toBow != 0 && d.toStern != 0 ? std::optional<double>(length) : std::nullopt;
}

std::optional<double> beamM(const Dimensions& d)
{
    const int beam = d.toPort + d.toStarboard;
    return d.toPort != 0 && d.toStarboard != 0 ? std::optional<double>(beam) : std::nullopt;
}

namespace {

std::optional<int> utcSecond(std::uint8_t raw)
{
    return raw < 60 ? std::optional<int>(raw) : std::nullopt;
}

template <typename Report>
std::optional<PositionFix> fixOf(const Report& r, std::optional<int> status)
{
    const auto lat = latitudeDeg(r.lat);
    const auto lon = longitudeDeg(r.lon);
    if (!lat || !lon) {
        return std::nullopt;
    }
    PositionFix fix;
    fix.latDeg = *lat;
    fix.lonDeg = *lon;
    fix.sogKnots = speedKnots(r.speed);
    fix.cogDeg = courseDeg(r.course);
    fix.headingDeg = headingDeg(r.heading);
    fix.navStatus = status;
    fix.second = utcSecond(r.second);
    return fix;
}

} // namespace

std::optional<PositionFix> vesselPosition(const Message& message)
{
    if (const auto* a = std::get_if<PositionReportA>(&message.body)) {
        return fixOf(*a, navStatus(a->status));
    }
    if (const auto* b = std::get_if<PositionReportB>(&message.body)) {
        return fixOf(*b, std::nullopt);
    }
    if (const auto* r = std::get_if<LongRangeReport>(&message.body)) {
        const auto lat = longRangeLatitudeDeg(r->lat);
        const auto lon = longRangeLongitudeDeg(r->lon);
        if (!lat || !lon) {
            return std::nullopt;
        }
        PositionFix fix;
        fix.latDeg = *lat;
        fix.lonDeg = *lon;
        if (r->speed < 63) {
            fix.sogKnots = r->speed;
        }
        if (r->course < 360) {
            fix.cogDeg = r->course;
        }
        fix.navStatus = navStatus(r->status);
        return fix;
    }
    return std::nullopt;
}

std::optional<VesselIdentity> vesselIdentity(const Message& message)
{
    VesselIdentity id;
    if (const auto* s = std::get_if<StaticVoyageData>(&message.body)) {
        id.imo = imoNumber(s->imo);
        id.name = textOrNothing(s->shipname);
        id.callSign = textOrNothing(s->callsign);
        id.shipType = shipType(s->shiptype);
        id.lengthM = lengthM(s->dimensions);
        id.beamM = beamM(s->dimensions);
        id.draughtM = draughtM(s->draught);
        id.destination = textOrNothing(s->destination);
    } else if (const auto* b = std::get_if<PositionReportB>(&message.body);
               b && message.header.type == 19) {
        id.name = textOrNothing(b->shipname);
        id.shipType = shipType(b->shiptype);
        id.lengthM = lengthM(b->dimensions);
        id.beamM = beamM(b->dimensions);
    } else if (const auto* d = std::get_if<StaticDataReport>(&message.body)) {
        if (d->part == StaticDataReport::Part::A) {
            id.name = textOrNothing(d->shipname);
        } else {
            id.callSign = textOrNothing(d->callsign);
            id.shipType = shipType(d->shiptype);
            if (!d->mothershipMmsi) {
                id.lengthM = lengthM(d->dimensions);
                id.beamM = beamM(d->dimensions);
            }
        }
    } else {
        return std::nullopt;
    }
    if (id.empty()) {
        return std::nullopt;
    }
    return id;
}

} // namespace wake::ais
