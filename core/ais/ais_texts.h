#pragma once

// Short English names for AIS code values (ITU-R M.1371-5), printed next to
// the codes in `wake decode` output, as gpsd prints status_text and the like.

#include <QString>

#include <optional>
#include <string_view>

namespace wake::ais {

std::string_view navStatusText(int status);
std::string_view shipTypeText(int shipType);
// What to show as a vessel's type: the free text a source or CSV gave
// ("General cargo ship"), else the AIS code's meaning with the code ("Cargo,
// hazardous category A (AIS type 71)"); empty when neither is known.
QString vesselTypeText(const std::optional<QString>& vesselType, std::optional<int> aisShipType);
std::string_view epfdText(int epfd);
std::string_view aidTypeText(int aidType);

} // namespace wake::ais
