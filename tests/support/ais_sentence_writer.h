#pragma once

// Writes AIS sentences for tests and the feed simulator: a type 1 position
// report or a type 5 static report (two fragments), armoured and with their
// checksum, following ITU-R M.1371-5 field by field. Planted traffic in
// NMEA form, where the test data has no file that plants what a test needs.

#include <cstdint>
#include <string>
#include <vector>

namespace wake::testing {

struct PositionReport
{
    std::uint32_t mmsi = 0;
    double latDeg = 0.0;
    double lonDeg = 0.0;
    double sogKnots = 0.0;
    double cogDeg = 0.0;
    int headingDeg = 511; // 511: not available
    int navStatus = 0;
    int second = 60; // 60: not available
};

// "!AIVDM,1,1,,A,<payload>,0*hh"
std::string positionSentence(const PositionReport& report, char channel = 'A');

// The two fragments of a type 5 with this name and ship type.
std::vector<std::string> staticSentences(std::uint32_t mmsi, const std::string& name, int shipType,
                                         int sequenceId, char channel = 'A');

// "*hh" for the text between '!' (or '\') and '*'.
std::string nmeaChecksum(const std::string& body);

} // namespace wake::testing
