#pragma once

// Short English names for AIS code values (ITU-R M.1371-5), printed next to
// the codes in `wake decode` output, as gpsd prints status_text and the like.

#include <string_view>

namespace wake::ais {

std::string_view navStatusText(int status);
std::string_view shipTypeText(int shipType);

std::string_view epfdText(int epfd);
std::string_view aidTypeText(int aidType);

} // namespace wake::ais
