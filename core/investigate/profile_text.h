#pragma once

// A vessel profile in words, one line per topic, the same in wake profile,
// the window's panel and the report.

#include "core/investigate/vessel_profile.h"

#include <QJsonObject>
#include <QString>

#include <utility>
#include <vector>

namespace wake::investigate {

// (topic, text): ("Port calls", "4 in 3 countries (RU, CU, PA) ...").
std::vector<std::pair<QString, QString>> profileLines(const VesselProfile& profile);
QJsonObject profileJson(const VesselProfile& profile);
// "89.0 days", "5.5 h"
QString durationWords(std::int64_t ms);

} // namespace wake::investigate
