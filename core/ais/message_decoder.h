#pragma once

// Decodes the bits of one complete AIS message into a Message.
//
// Length tolerances follow what real transmitters send and what gpsd
// accepts (drivers/driver_ais.c); each is named below with its reason.
// Types Wake does not decode come back as UnsupportedMessage with their raw
// payload, so an importer can keep them.

#include "core/ais/bit_buffer.h"
#include "core/ais/messages.h"
#include "core/ais/rejection.h"

#include <optional>
#include <string_view>

namespace wake::ais {

// Header bits every message needs: type (6), repeat (2) and MMSI (30).
inline constexpr int kHeaderBits = 38;
// ITU-R M.1371-5 defines types 1 to 27; 0 and 28-63 are not messages.
inline constexpr int kLastDefinedType = 27;

// Returns nullopt on success, else why the message was rejected. payload and
// fillBits are the armoured text, kept for unsupported types.
std::optional<Rejection> decodeMessage(const BitBuffer& bits, std::string_view payload,
                                       int fillBits, Message& out);

bool isSupportedType(int type);

} // namespace wake::ais
