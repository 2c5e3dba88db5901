#pragma once

// Decoded AIS messages (ITU-R M.1371-5). Fields keep the units and the raw
// integer values of the standard, named after gpsd's JSON keys, so a message
// can be printed exactly like `gpsdecode -u`. The accessors below turn the
// "not available" codes (lat 91°, lon 181°, SOG 102.3 kn, COG 360°, heading
// 511, ROT -128, ...) into empty optionals: everything past the decoder uses
// those, never the raw codes.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace wake::ais {

// Six-bit text without heap allocation: names are at most 20 characters (34
// with the type 21 name extension).
template <int N>
struct FixedText
{
    char data[N]{};
    std::uint8_t size = 0;
    std::string_view view() const { return {data, size}; }
    bool empty() const { return size == 0; }
};

struct Header
{
    std::uint8_t type = 0;
    std::uint8_t repeat = 0;
    std::uint32_t mmsi = 0;
};

// Types 1, 2, 3: Class A position report.
struct PositionReportA
{
    std::uint8_t status = 15;
    std::int8_t turn = -128;    // raw ROT indicator
    std::uint16_t speed = 1023; // 0.1 kn
    bool accuracy = false;
    std::int32_t lon = 108600000; // 1/10000 minute
    std::int32_t lat = 54600000;
    std::uint16_t course = 3600; // 0.1 degree
    std::uint16_t heading = 511; // degrees
    std::uint8_t second = 60;
    std::uint8_t maneuver = 0;
    bool raim = false;
    std::uint32_t radio = 0;
};

// Types 4 and 11: base station report / UTC response.
struct BaseStationReport
{
    std::uint16_t year = 0;
    std::uint8_t month = 0;
    std::uint8_t day = 0;
    std::uint8_t hour = 24;
    std::uint8_t minute = 60;
    std::uint8_t second = 60;
    bool accuracy = false;
    std::int32_t lon = 108600000;
    std::int32_t lat = 54600000;
    std::uint8_t epfd = 0;
    bool raim = false;
    std::uint32_t radio = 0;
};

struct Dimensions
{
    std::uint16_t toBow = 0; // metres
    std::uint16_t toStern = 0;
    std::uint8_t toPort = 0;
    std::uint8_t toStarboard = 0;
};

// Type 5: static and voyage related data.
struct StaticVoyageData
{
    std::uint8_t aisVersion = 0;
    std::uint32_t imo = 0;
    FixedText<7> callsign;
    FixedText<20> shipname;
    std::uint8_t shiptype = 0;
    Dimensions dimensions;
    std::uint8_t epfd = 0;
    std::uint8_t month = 0; // ETA; 0 = not available
    std::uint8_t day = 0;
    std::uint8_t hour = 24;
    std::uint8_t minute = 60;
    std::uint8_t draught = 0; // 0.1 m
    FixedText<20> destination;
    bool dte = false;
};

// Type 9: SAR aircraft position report.
struct SarAircraftReport
{
    std::uint16_t alt = 4095;   // metres
    std::uint16_t speed = 1023; // knots
    bool accuracy = false;
    std::int32_t lon = 108600000;
    std::int32_t lat = 54600000;
    std::uint16_t course = 3600;
    std::uint8_t second = 60;
    std::uint8_t regional = 0;
    bool dte = false;
    bool assigned = false;
    bool raim = false;
    std::uint32_t radio = 0;
};

// Types 18 and 19: Class B position reports (19 adds static data).
struct PositionReportB
{
    std::uint8_t reserved = 0;
    std::uint16_t speed = 1023;
    bool accuracy = false;
    std::int32_t lon = 108600000;
    std::int32_t lat = 54600000;
    std::uint16_t course = 3600;
    std::uint16_t heading = 511;
    std::uint8_t second = 60;
    std::uint8_t regional = 0;
    // Type 18 only.
    bool cs = false;
    bool display = false;
    bool dsc = false;
    bool band = false;
    bool msg22 = false;
    bool assigned = false;
    bool raim = false;
    std::uint32_t radio = 0;
    // Type 19 only.
    FixedText<20> shipname;
    std::uint8_t shiptype = 0;
    Dimensions dimensions;
    std::uint8_t epfd = 0;
    bool dte = false;
};

// Type 21: aid-to-navigation report.
struct AidToNavigationReport
{
    std::uint8_t aidType = 0;
    FixedText<34> name; // name plus name extension
    bool accuracy = false;
    std::int32_t lon = 108600000;
    std::int32_t lat = 54600000;
    Dimensions dimensions;
    std::uint8_t epfd = 0;
    std::uint8_t second = 60;
    bool offPosition = false;
    std::uint8_t regional = 0;
    bool raim = false;
    bool virtualAid = false;
    bool assigned = false;
};

// Type 14: safety-related broadcast, free text (an AIS-SART sends "SART
// ACTIVE" or "SART TEST"; MOB and EPIRB-AIS devices likewise).
struct SafetyBroadcast
{
    FixedText<161> text; // up to 161 six-bit characters (five slots)
};

// Type 24: Class B static data, part A (name) or part B (type, call sign, size).
struct StaticDataReport
{
    enum class Part : std::uint8_t
    {
        A,
        B
    };
    Part part = Part::A;
    FixedText<20> shipname;    // part A
    std::uint8_t shiptype = 0; // part B from here on
    FixedText<7> vendorid;
    std::uint8_t model = 0;
    std::uint32_t serial = 0;
    FixedText<7> callsign;
    Dimensions dimensions;
    std::optional<std::uint32_t>
        mothershipMmsi; // auxiliary craft (MMSI 98xxxxxxx) instead of dimensions
};

// Type 27: long-range broadcast (1/10 minute positions, whole knots and degrees).
struct LongRangeReport
{
    bool accuracy = false;
    bool raim = false;
    std::uint8_t status = 15;
    std::int32_t lon = 108600;
    std::int32_t lat = 54600;
    std::uint8_t speed = 63;
    std::uint16_t course = 511;
    bool gnss = false; // the raw bit: 0 = current GNSS position
};

// A message of a type Wake does not decode (6, 7, 8, 10, ... and undefined
// types): kept as the armoured payload so nothing is lost.
struct UnsupportedMessage
{
    std::string payload;
    int fillBits = 0;
    int bitCount = 0;
};

using Body = std::variant<PositionReportA, BaseStationReport, StaticVoyageData, SarAircraftReport,
                          PositionReportB, AidToNavigationReport, StaticDataReport, LongRangeReport,
                          SafetyBroadcast, UnsupportedMessage>;

struct Message
{
    Header header;
    Body body;
};

// --- Units and "not available" at the edge ---------------------------------

// Positions of types 1-4, 9, 18, 19, 21 (1/10000 minute).
std::optional<double> latitudeDeg(std::int32_t raw);
std::optional<double> longitudeDeg(std::int32_t raw);
// Positions of type 27 (1/10 minute).
std::optional<double> longRangeLatitudeDeg(std::int32_t raw);
std::optional<double> longRangeLongitudeDeg(std::int32_t raw);
// SOG in 0.1 kn: 1023 is not available; 1022 means 102.2 kn or more.
std::optional<double> speedKnots(std::uint16_t raw);
// COG in 0.1 degree: 3600 is not available.
std::optional<double> courseDeg(std::uint16_t raw);
// True heading in degrees: 511 is not available.
std::optional<int> headingDeg(std::uint16_t raw);
// Rate of turn in degrees per minute: ROT_AIS = 4.733 * sqrt(ROT) with the
// sign kept. -128 is not available; +-127 means turning faster than 5° per
// 30 s (no value).
std::optional<double> turnDegPerMin(std::int8_t raw);
// Navigational status 0-14 (15 is "not defined").
std::optional<int> navStatus(std::uint8_t raw);
// IMO number (0 is not available).
std::optional<std::uint32_t> imoNumber(std::uint32_t raw);
// Draught in 0.1 m (0 is not available).
std::optional<double> draughtM(std::uint8_t raw);
// Ship and cargo type 1-99 (0 is not available; 100-255 are reserved).
std::optional<int> shipType(std::uint8_t raw);
// Length and beam from the reference point distances (0 = not available).
std::optional<double> lengthM(const Dimensions& d);
std::optional<double> beamM(const Dimensions& d);

// One position of a moving station, from whichever report carries it.
struct PositionFix
{
    double latDeg = 0.0;
    double lonDeg = 0.0;
    std::optional<double> sogKnots;
    std::optional<double> cogDeg;
    std::optional<int> headingDeg;
    std::optional<int> navStatus;
    std::optional<int> second; // UTC second of the report, 0-59
};

// The position a message reports for a vessel (types 1-3, 18, 19, 27);
// nullopt for other types or when the position is not available.
std::optional<PositionFix> vesselPosition(const Message& message);

// Static data a message gives for a vessel (types 5, 19, 24).
struct VesselIdentity
{
    std::optional<std::uint32_t> imo;
    std::optional<std::string> name;
    std::optional<std::string> callSign;
    std::optional<int> shipType;
    std::optional<double> lengthM;
    std::optional<double> beamM;
    std::optional<double> draughtM;
    std::optional<std::string> destination;

    bool empty() const
    {
        return !imo && !name && !callSign && !shipType && !lengthM && !beamM && !draughtM &&
               !destination;
    }
    friend bool operator==(const VesselIdentity&, const VesselIdentity&) = default;
};
std::optional<VesselIdentity> vesselIdentity(const Message& message);

} // namespace wake::ais
