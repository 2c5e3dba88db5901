#pragma once

// The vessel details as HTML for a QTextBrowser: every value with its
// confidence and source links; unknown values say so.

#include "model/attribution.h"
#include "model/vessel.h"

#include <QString>

#include <vector>

namespace wake::reference {
class FlagStates;
}

namespace wake::ui {

QString vesselDetailsHtml(const model::Vessel& vessel, const std::vector<model::Source>& sources,
                          const reference::FlagStates* flags);

} // namespace wake::ui
