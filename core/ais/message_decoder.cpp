#include "core/ais/message_decoder.h"

#include <algorithm>

namespace wake::ais {

namespace {

// --- Length tolerances (bits) --------------------------------------------------
// Types 1-3 are 168 bits; receivers in the wild send 163 to 204 (USCG NAVCEN,
// Class A reports; gpsd 3.25 accepts the same range).
constexpr int kPositionAMin = 163;
constexpr int kPositionAMax = 204;
// Types 4/11, 9 and 18 are 168 bits; longer ones are padded slots and decode
// the same, shorter ones lose fields.
constexpr int kSlotBits = 168;
// Type 5 is 424 bits, but many transmitters send 420 or 422: the missing bits
// are the DTE flag and spare, so those still decode.
constexpr int kStaticVoyageMin = 420;
// Type 19 is 312 bits.
constexpr int kExtendedBMin = 312;
// Type 21 is 272 bits plus up to 14 characters (84 bits) of name extension,
// rounded up to whole bytes: 272-360, and 368 for a padded slot.
constexpr int kAidMin = 272;
constexpr int kAidMax = 368;
// Type 24 part A is 160 bits plus 8 spare; some units send 162 (gpsd accepts
// 160-168). Part B is 168.
constexpr int kStaticAMin = 160;
constexpr int kStaticAMax = 168;
constexpr int kStaticBMin = 168;
// Type 27 is 96 bits; some units send a full 168-bit slot.
constexpr int kLongRange = 96;
constexpr int kLongRangeSlot = 168;

void readDimensions(const BitBuffer& b, int start, Dimensions& d)
{
    d.toBow = static_cast<std::uint16_t>(b.u(start, 9));
    d.toStern = static_cast<std::uint16_t>(b.u(start + 9, 9));
    d.toPort = static_cast<std::uint8_t>(b.u(start + 18, 6));
    d.toStarboard = static_cast<std::uint8_t>(b.u(start + 24, 6));
}

template <int N>
void readText(const BitBuffer& b, int start, int chars, FixedText<N>& out)
{
    out.size = static_cast<std::uint8_t>(b.text(start, chars < N ? chars : N, out.data));
}

std::optional<Rejection> positionA(const BitBuffer& b, Message& m)
{
    if (b.bitCount() < kPositionAMin || b.bitCount() > kPositionAMax) {
        return Rejection::WrongLength;
    }
    PositionReportA r;
    r.status = static_cast<std::uint8_t>(b.u(38, 4));
    r.turn = static_cast<std::int8_t>(b.s(42, 8));
    r.speed = static_cast<std::uint16_t>(b.u(50, 10));
    r.accuracy = b.flag(60);
    r.lon = b.s(61, 28);
    r.lat = b.s(89, 27);
    r.course = static_cast<std::uint16_t>(b.u(116, 12));
    r.heading = static_cast<std::uint16_t>(b.u(128, 9));
    r.second = static_cast<std::uint8_t>(b.u(137, 6));
    r.maneuver = static_cast<std::uint8_t>(b.u(143, 2));
    r.raim = b.flag(148);
    // A short report (163-167 bits) carries only part of the radio status.
    const int radioBits = b.bitCount() >= kSlotBits ? 19 : b.bitCount() - 149;
    r.radio = b.u(149, radioBits);
    m.body = r;
    return std::nullopt;
}

std::optional<Rejection> baseStation(const BitBuffer& b, Message& m)
{
    if (b.bitCount() < kSlotBits) {
        return Rejection::WrongLength;
    }
    BaseStationReport r;
    r.year = static_cast<std::uint16_t>(b.u(38, 14));
    r.month = static_cast<std::uint8_t>(b.u(52, 4));
    r.day = static_cast<std::uint8_t>(b.u(56, 5));
    r.hour = static_cast<std::uint8_t>(b.u(61, 5));
    r.minute = static_cast<std::uint8_t>(b.u(66, 6));
    r.second = static_cast<std::uint8_t>(b.u(72, 6));
    r.accuracy = b.flag(78);
    r.lon = b.s(79, 28);
    r.lat = b.s(107, 27);
    r.epfd = static_cast<std::uint8_t>(b.u(134, 4));
    r.raim = b.flag(148);
    r.radio = b.u(149, 19);
    m.body = r;
    return std::nullopt;
}

std::optional<Rejection> staticVoyage(const BitBuffer& b, Message& m)
{
    if (b.bitCount() < kStaticVoyageMin) {
        return Rejection::WrongLength;
    }
    StaticVoyageData r;
    r.aisVersion = static_cast<std::uint8_t>(b.u(38, 2));
    r.imo = b.u(40, 30);
    readText(b, 70, 7, r.callsign);
    readText(b, 112, 20, r.shipname);
    r.shiptype = static_cast<std::uint8_t>(b.u(232, 8));
    readDimensions(b, 240, r.dimensions);
    r.epfd = static_cast<std::uint8_t>(b.u(270, 4));
    r.month = static_cast<std::uint8_t>(b.u(274, 4));
    r.day = static_cast<std::uint8_t>(b.u(278, 5));
    r.hour = static_cast<std::uint8_t>(b.u(283, 5));
    r.minute = static_cast<std::uint8_t>(b.u(288, 6));
    r.draught = static_cast<std::uint8_t>(b.u(294, 8));
    readText(b, 302, 20, r.destination);
    r.dte = b.bitCount() > 422 && b.flag(422);
    m.body = r;
    return std::nullopt;
}

std::optional<Rejection> sarAircraft(const BitBuffer& b, Message& m)
{
    if (b.bitCount() < kSlotBits) {
        return Rejection::WrongLength;
    }
    SarAircraftReport r;
    r.alt = static_cast<std::uint16_t>(b.u(38, 12));
    r.speed = static_cast<std::uint16_t>(b.u(50, 10));
    r.accuracy = b.flag(60);
    r.lon = b.s(61, 28);
    r.lat = b.s(89, 27);
    r.course = static_cast<std::uint16_t>(b.u(116, 12));
    r.second = static_cast<std::uint8_t>(b.u(128, 6));
    r.regional = static_cast<std::uint8_t>(b.u(134, 8));
    r.dte = b.flag(142);
    r.assigned = b.flag(146);
    r.raim = b.flag(147);
    r.radio = b.u(148, 20);
    m.body = r;
    return std::nullopt;
}

void readClassBPosition(const BitBuffer& b, PositionReportB& r)
{
    r.reserved = static_cast<std::uint8_t>(b.u(38, 8));
    r.speed = static_cast<std::uint16_t>(b.u(46, 10));
    r.accuracy = b.flag(56);
    r.lon = b.s(57, 28);
    r.lat = b.s(85, 27);
    r.course = static_cast<std::uint16_t>(b.u(112, 12));
    r.heading = static_cast<std::uint16_t>(b.u(124, 9));
    r.second = static_cast<std::uint8_t>(b.u(133, 6));
}

std::optional<Rejection> positionB(const BitBuffer& b, Message& m)
{
    if (b.bitCount() < kSlotBits) {
        return Rejection::WrongLength;
    }
    PositionReportB r;
    readClassBPosition(b, r);
    r.regional = static_cast<std::uint8_t>(b.u(139, 2));
    r.cs = b.flag(141);
    r.display = b.flag(142);
    r.dsc = b.flag(143);
    r.band = b.flag(144);
    r.msg22 = b.flag(145);
    r.assigned = b.flag(146);
    r.raim = b.flag(147);
    r.radio = b.u(148, 20);
    m.body = r;
    return std::nullopt;
}

std::optional<Rejection> extendedB(const BitBuffer& b, Message& m)
{
    if (b.bitCount() < kExtendedBMin) {
        return Rejection::WrongLength;
    }
    PositionReportB r;
    readClassBPosition(b, r);
    r.regional = static_cast<std::uint8_t>(b.u(139, 4));
    readText(b, 143, 20, r.shipname);
    r.shiptype = static_cast<std::uint8_t>(b.u(263, 8));
    readDimensions(b, 271, r.dimensions);
    r.epfd = static_cast<std::uint8_t>(b.u(301, 4));
    r.raim = b.flag(305);
    r.dte = b.flag(306);
    r.assigned = b.flag(307);
    m.body = r;
    return std::nullopt;
}

std::optional<Rejection> aidToNavigation(const BitBuffer& b, Message& m)
{
    if (b.bitCount() < kAidMin || b.bitCount() > kAidMax) {
        return Rejection::WrongLength;
    }
    AidToNavigationReport r;
    r.aidType = static_cast<std::uint8_t>(b.u(38, 5));
    // The name extension continues the name only when the name fills all 20
    // characters; an '@' before that ends the name (gpsd reads it the same way).
    constexpr int kNameChars = 20;
    constexpr int kExtensionChars = 14;
    char name[kNameChars + kExtensionChars];
    int n = b.text(43, kNameChars, name, BitBuffer::Trim::No);
    if (n == kNameChars && b.bitCount() > kAidMin) {
        const int extension = std::min((b.bitCount() - kAidMin) / 6, kExtensionChars);
        n += b.text(kAidMin, extension, name + kNameChars, BitBuffer::Trim::No);
    }
    while (n > 0 && name[n - 1] == ' ') {
        --n;
    }
    std::copy(name, name + n, r.name.data);
    r.name.size = static_cast<std::uint8_t>(n);
    r.accuracy = b.flag(163);
    r.lon = b.s(164, 28);
    r.lat = b.s(192, 27);
    readDimensions(b, 219, r.dimensions);
    r.epfd = static_cast<std::uint8_t>(b.u(249, 4));
    r.second = static_cast<std::uint8_t>(b.u(253, 6));
    r.offPosition = b.flag(259);
    r.regional = static_cast<std::uint8_t>(b.u(260, 8));
    r.raim = b.flag(268);
    r.virtualAid = b.flag(269);
    r.assigned = b.flag(270);
    m.body = r;
    return std::nullopt;
}

// Auxiliary craft of a parent ship have MMSIs 98MIDxxxx (ITU-R M.585).
bool isAuxiliaryCraft(std::uint32_t mmsi)
{
    return mmsi / 10000000 == 98;
}

std::optional<Rejection> staticData(const BitBuffer& b, Message& m)
{
    StaticDataReport r;
    const std::uint32_t part = b.u(38, 2);
    if (part == 0) {
        if (b.bitCount() < kStaticAMin || b.bitCount() > kStaticAMax) {
            return Rejection::WrongLength;
        }
        r.part = StaticDataReport::Part::A;
        readText(b, 40, 20, r.shipname);
    } else if (part == 1) {
        if (b.bitCount() < kStaticBMin) {
            return Rejection::WrongLength;
        }
        r.part = StaticDataReport::Part::B;
        r.shiptype = static_cast<std::uint8_t>(b.u(40, 8));
        // ITU-R M.1371-4 carved model and serial out of the old 7-character
        // vendor id; like gpsd, read both ways.
        readText(b, 48, 7, r.vendorid);
        r.model = static_cast<std::uint8_t>(b.u(66, 4));
        r.serial = b.u(70, 20);
        readText(b, 90, 7, r.callsign);
        if (isAuxiliaryCraft(m.header.mmsi)) {
            r.mothershipMmsi = b.u(132, 30);
        } else {
            readDimensions(b, 132, r.dimensions);
        }
    } else {
        return Rejection::UnknownPart;
    }
    m.body = r;
    return std::nullopt;
}

std::optional<Rejection> longRange(const BitBuffer& b, Message& m)
{
    if (b.bitCount() != kLongRange && b.bitCount() != kLongRangeSlot) {
        return Rejection::WrongLength;
    }
    LongRangeReport r;
    r.accuracy = b.flag(38);
    r.raim = b.flag(39);
    r.status = static_cast<std::uint8_t>(b.u(40, 4));
    r.lon = b.s(44, 18);
    r.lat = b.s(62, 17);
    r.speed = static_cast<std::uint8_t>(b.u(79, 6));
    r.course = static_cast<std::uint16_t>(b.u(85, 9));
    r.gnss = b.flag(94);
    m.body = r;
    return std::nullopt;
}

// Type 14: 40 bits of header and spare, then the text to the end.
std::optional<Rejection> safetyBroadcast(const BitBuffer& b, Message& m)
{
    constexpr int kTextStart = 40;
    if (b.bitCount() < kTextStart || b.bitCount() > kTextStart + 161 * 6 + 6) {
        return Rejection::WrongLength;
    }
    SafetyBroadcast r;
    const int n = b.text(kTextStart, 161, r.text.data);
    r.text.size = static_cast<std::uint8_t>(n);
    m.body = r;
    return std::nullopt;
}

} // namespace

bool isSupportedType(int type)
{
    switch (type) {
    case 1:
    case 2:
    case 3:
    case 4:
    case 5:
    case 9:
    case 11:
    case 14:
    case 18:
    case 19:
    case 21:
    case 24:
    case 27:
        return true;
    default:
        return false;
    }
}

std::optional<Rejection> decodeMessage(const BitBuffer& bits, std::string_view payload,
                                       int fillBits, Message& out)
{
    if (bits.bitCount() == 0) {
        return Rejection::EmptyPayload;
    }
    if (bits.bitCount() < kHeaderBits) {
        return Rejection::WrongLength;
    }
    out.header.type = static_cast<std::uint8_t>(bits.u(0, 6));
    if (out.header.type == 0 || out.header.type > kLastDefinedType) {
        return Rejection::UnknownType;
    }
    out.header.repeat = static_cast<std::uint8_t>(bits.u(6, 2));
    out.header.mmsi = bits.u(8, 30);
    std::optional<Rejection> result;
    switch (out.header.type) {
    case 1:
    case 2:
    case 3:
        result = positionA(bits, out);
        break;
    case 4:
    case 11:
        result = baseStation(bits, out);
        break;
    case 5:
        result = staticVoyage(bits, out);
        break;
    case 9:
        result = sarAircraft(bits, out);
        break;
    case 14:
        result = safetyBroadcast(bits, out);
        break;
    case 18:
        result = positionB(bits, out);
        break;
    case 19:
        result = extendedB(bits, out);
        break;
    case 21:
        result = aidToNavigation(bits, out);
        break;
    case 24:
        result = staticData(bits, out);
        break;
    case 27:
        result = longRange(bits, out);
        break;
    default:
        out.body = UnsupportedMessage{std::string(payload), fillBits, bits.bitCount()};
        break;
    }
    return result;
}

} // namespace wake::ais
