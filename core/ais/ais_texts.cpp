#include "core/ais/ais_texts.h"

#include <array>
#include <string>

namespace wake::ais {

namespace {

constexpr std::array<std::string_view, 16> kNavStatus = {
    "Under way using engine",
    "At anchor",
    "Not under command",
    "Restricted manoeuverability",
    "Constrained by her draught",
    "Moored",
    "Aground",
    "Engaged in fishing",
    "Under way sailing",
    "Reserved for HSC",
    "Reserved for WIG",
    "Power-driven vessel towing astern",
    "Power-driven vessel pushing ahead or towing alongside",
    "Reserved",
    "AIS-SART is active",
    "Not defined",
};

constexpr std::array<std::string_view, 16> kEpfd = {
    "Undefined",
    "GPS",
    "GLONASS",
    "Combined GPS/GLONASS",
    "Loran-C",
    "Chayka",
    "Integrated navigation system",
    "Surveyed",
    "Galileo",
    "Reserved",
    "Reserved",
    "Reserved",
    "Reserved",
    "Reserved",
    "Reserved",
    "Internal GNSS",
};

constexpr std::array<std::string_view, 32> kAidType = {
    "Unspecified",
    "Reference point",
    "RACON",
    "Fixed offshore structure",
    "Spare, Reserved for future use",
    "Light, without sectors",
    "Light, with sectors",
    "Leading Light Front",
    "Leading Light Rear",
    "Beacon, Cardinal N",
    "Beacon, Cardinal E",
    "Beacon, Cardinal S",
    "Beacon, Cardinal W",
    "Beacon, Port hand",
    "Beacon, Starboard hand",
    "Beacon, Preferred Channel port hand",
    "Beacon, Preferred Channel starboard hand",
    "Beacon, Isolated danger",
    "Beacon, Safe water",
    "Beacon, Special mark",
    "Cardinal Mark N",
    "Cardinal Mark E",
    "Cardinal Mark S",
    "Cardinal Mark W",
    "Port hand Mark",
    "Starboard hand Mark",
    "Preferred Channel Port hand",
    "Preferred Channel Starboard hand",
    "Isolated danger",
    "Safe Water",
    "Special Mark",
    "Light Vessel / LANBY / Rigs",
};

// Types 20-29 and 40-99 are a category plus a hazard class in the last digit.
constexpr std::array<std::string_view, 10> kShipCategory = {
    "",      "",       "Wing in ground (WIG)", "", "High speed craft (HSC)", "", "Passenger",
    "Cargo", "Tanker", "Other Type",
};

constexpr std::array<std::string_view, 10> kShipHazard = {
    " - all ships of this type",    " - Hazardous category A",    " - Hazardous category B",
    " - Hazardous category C",      " - Hazardous category D",    " - Reserved for future use",
    " - Reserved for future use",   " - Reserved for future use", " - Reserved for future use",
    " - No additional information",
};

constexpr std::array<std::string_view, 10> kSpecialCraft3x = {
    "Fishing",
    "Towing",
    "Towing: length exceeds 200m or breadth exceeds 25m",
    "Dredging or underwater ops",
    "Diving ops",
    "Military ops",
    "Sailing",
    "Pleasure Craft",
    "Reserved",
    "Reserved",
};

constexpr std::array<std::string_view, 10> kSpecialCraft5x = {
    "Pilot Vessel",
    "Search and Rescue vessel",
    "Tug",
    "Port Tender",
    "Anti-pollution equipment",
    "Law Enforcement",
    "Spare - Local Vessel",
    "Spare - Local Vessel",
    "Medical Transport",
    "Noncombatant ship according to RR Resolution No. 18",
};

// Joined "category - hazard" texts, built once.
struct ShipTypeTexts
{
    std::array<std::string, 100> text;
    ShipTypeTexts()
    {
        text[0] = "Not available";
        for (int code = 1; code < 100; ++code) {
            const int tens = code / 10;
            const int units = code % 10;
            if (tens == 3) {
                text[code] = kSpecialCraft3x[units];
            } else if (tens == 5) {
                text[code] = kSpecialCraft5x[units];
            } else if (kShipCategory[tens].empty()) {
                text[code] = "Reserved for future use";
            } else {
                text[code] = std::string(kShipCategory[tens]) + std::string(kShipHazard[units]);
            }
        }
    }
};

} // namespace

std::string_view navStatusText(int status)
{
    return status >= 0 && status < 16 ? kNavStatus[static_cast<std::size_t>(status)] : "Invalid";
}

std::string_view shipTypeText(int shipType)
{
    static const ShipTypeTexts texts;
    return shipType >= 0 && shipType < 100
               ? std::string_view(texts.text[static_cast<std::size_t>(shipType)])
               : std::string_view("Reserved");
}

std::string_view epfdText(int epfd)
{
    return epfd >= 0 && epfd < 16 ? kEpfd[static_cast<std::size_t>(epfd)] : "Invalid";
}

std::string_view aidTypeText(int aidType)
{
    return aidType >= 0 && aidType < 32 ? kAidType[static_cast<std::size_t>(aidType)] : "Invalid";
}

} // namespace wake::ais
